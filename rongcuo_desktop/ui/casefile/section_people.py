"""The case window's 研判清单 and 委员会 sections: the checklist of the case's rulebook (each item with
its citation), and the committee for this case (fixed members, experts drawn by field, recusal)."""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTreeWidgetItem

from rongcuo_desktop.domain.case_file import Checklist, ConditionStatus, ExclusionStatus, MemberRole
from rongcuo_desktop.domain.casework import ChecklistNotes
from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services import casework
from rongcuo_desktop.ui.casefile import ops
from rongcuo_desktop.ui.casefile.dialogs import ask_text, chosen
from rongcuo_desktop.ui.casefile.section_part import SectionPart, rows
from rongcuo_desktop.ui.labels import label


class PeopleSection(SectionPart):
    """研判清单 and 委员会."""

    _editable = False

    def fill_checklist(self, view: ops.CaseView, editable: bool) -> None:
        tree = self.ui.checklistTree
        tree.clear()
        rulebook = view.rulebook
        record = view.record
        self.ui.saveChecklistButton.setVisible(self.w.ctx.may(Action.CASE_EDIT))
        self.ui.saveChecklistButton.setEnabled(editable and rulebook is not None)
        if rulebook is None:
            self.ui.checklistHint.setText(
                self.tr("本案尚未选定规则库：受理时选定后，这里列出其条件、情形和不予容错情形。")
            )
            return
        self.ui.checklistHint.setText(
            self.tr("规则库：%1（%2）。每项注明出处；认定结论记录后清单不再修改。")
            .replace("%1", rulebook.title)
            .replace("%2", rulebook.key)
        )
        checklist = record.checklist if record is not None else Checklist()
        kept = view.file.one("checklist_notes")
        notes = dict(zip(kept.items, kept.notes, strict=False)) if isinstance(kept, ChecklistNotes) else {}
        tree.setHeaderLabels([self.tr("条目"), self.tr("状态"), self.tr("出处"), self.tr("说明")])
        tree.headerItem().setToolTip(3, self.tr("双击填写这一项的说明（如依据哪份材料）"))
        self._editable = editable

        def group(title: str) -> QTreeWidgetItem:
            item = QTreeWidgetItem(tree, [title])
            item.setFirstColumnSpanned(True)
            item.setExpanded(True)
            return item

        conditions = group(self.tr("容错条件"))
        for rule in rulebook.conditions:
            status = checklist.conditions.get(rule.id, ConditionStatus.UNKNOWN)
            self._status_row(conditions, rule, list(ConditionStatus), status, editable, notes)
        situations = group(self.tr("容错情形"))
        for rule in rulebook.situations:
            item = QTreeWidgetItem(situations, [rule.text, "", _cite(rule.citation)])
            item.setToolTip(2, rule.citation.label())
            item.setData(0, Qt.ItemDataRole.UserRole, ("situation", rule.id))
            item.setToolTip(0, rule.text)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags if editable else flags & ~Qt.ItemFlag.ItemIsEnabled)
            claimed = rule.id in checklist.situations
            item.setCheckState(0, Qt.CheckState.Checked if claimed else Qt.CheckState.Unchecked)
            item.setText(1, self.tr("申请") if claimed else "")
            _note(item, notes.get(rule.id, ""), editable)
        exclusions = group(self.tr("不予容错情形"))
        for rule in rulebook.exclusions:
            found = checklist.exclusions.get(rule.id, ExclusionStatus.UNKNOWN)
            self._status_row(exclusions, rule, list(ExclusionStatus), found, editable, notes)

    def _status_row(
        self,
        parent: QTreeWidgetItem,
        rule: Any,
        choices: list[Any],
        status: Any,
        editable: bool,
        notes: dict[str, str],
    ) -> None:
        tree = self.ui.checklistTree
        item = QTreeWidgetItem(parent, [rule.text, "", _cite(rule.citation)])
        item.setToolTip(2, rule.citation.label())
        item.setToolTip(0, rule.text)
        item.setData(0, Qt.ItemDataRole.UserRole, (type(status).__name__, rule.id))
        combo = QComboBox(tree)
        for choice in choices:
            combo.addItem(label(choice), choice.value)
        combo.setCurrentIndex(combo.findData(status.value))
        combo.setProperty("kind", type(status).__name__)
        combo.setEnabled(editable)
        item.setSizeHint(1, combo.sizeHint())  # the row as tall as the drop-down in it
        tree.setItemWidget(item, 1, combo)
        _note(item, notes.get(rule.id, ""), editable)

    def edit_note(self, item: QTreeWidgetItem, column: int) -> None:
        """A double-click on an item's 说明 edits it (only there: the other columns are the rulebook's)."""
        if column == 3 and item.parent() is not None and self._editable:
            self.ui.checklistTree.editItem(item, 3)

    def notes(self) -> ChecklistNotes:
        """The 说明 beside the checklist's items, those written."""
        tree = self.ui.checklistTree
        items: list[str] = []
        texts: list[str] = []
        for g in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(g)
            for c in range(group.childCount() if group is not None else 0):
                item = group.child(c)
                if item.text(3).strip():
                    items.append(item.data(0, Qt.ItemDataRole.UserRole)[1])
                    texts.append(item.text(3))
        return ChecklistNotes(tuple(items), tuple(texts))

    def checklist(self) -> Checklist:
        tree = self.ui.checklistTree
        situations: list[str] = []
        conditions: dict[str, ConditionStatus] = {}
        exclusions: dict[str, ExclusionStatus] = {}
        for g in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(g)
            for c in range(group.childCount() if group is not None else 0):
                item = group.child(c)
                kind, rule_id = item.data(0, Qt.ItemDataRole.UserRole)
                if kind == "situation":
                    if item.checkState(0) == Qt.CheckState.Checked:
                        situations.append(rule_id)
                    continue
                combo = tree.itemWidget(item, 1)
                assert isinstance(combo, QComboBox)
                if combo.property("kind") == ConditionStatus.__name__:
                    conditions[rule_id] = chosen(combo, ConditionStatus) or ConditionStatus.UNKNOWN
                else:
                    exclusions[rule_id] = chosen(combo, ExclusionStatus) or ExclusionStatus.UNKNOWN
        return Checklist(tuple(situations), conditions, exclusions)

    def save_checklist(self) -> None:
        if self.view is not None and self.view.rulebook is not None:
            self._call(ops.save_checklist, self.checklist(), self.view.rulebook.key, self.notes())

    def fill_committee(self, view: ops.CaseView, may_assign: bool) -> None:
        seats = view.file.seats
        rows(
            self.ui.seatsTree,
            [
                (
                    s.name,
                    label(s.role),
                    s.field,
                    self.tr("已回避：%1").replace("%1", s.recusal_reason) if s.recused else "",
                )
                for s in seats
            ],
            [s.name for s in seats],
        )
        progress = view.file.progress
        quorum = (
            self.tr("规则库要求 %1 人").replace("%1", str(progress.quorum))
            if progress.quorum
            else self.tr("尚未选定规则库")
        )
        text = (
            self.tr("未回避的委员 %1 人；%2。")
            .replace("%1", str(progress.members_present))
            .replace("%2", quorum)
        )
        if not any(p.active for p in view.profiles) and self.w.ctx.may(Action.MEMBERS_ASSIGN):
            text += self.tr("库中还没有委员：请主任在“人员 → 账户管理…”中添加委员的账户。")
        self.ui.quorumLabel.setText(text)
        seated = {s.name for s in seats}
        self.ui.memberCombo.clear()
        for profile in view.profiles:
            if profile.active and profile.fixed and profile.name not in seated:
                self.ui.memberCombo.addItem(profile.name, profile.name)
        fields = sorted({f for p in view.profiles for f in p.fields})
        self.ui.expertFieldCombo.blockSignals(True)
        self.ui.expertFieldCombo.clear()
        for field in fields:
            self.ui.expertFieldCombo.addItem(field, field)
        index = self.ui.expertFieldCombo.findData(view.file.case.work_field)
        self.ui.expertFieldCombo.setCurrentIndex(max(index, 0))
        self.ui.expertFieldCombo.blockSignals(False)
        self.fill_experts()
        for widget in (
            self.ui.memberCombo,
            self.ui.addFixedButton,
            self.ui.expertFieldCombo,
            self.ui.expertCombo,
            self.ui.addExpertButton,
            self.ui.removeSeatButton,
            self.ui.recuseButton,
            self.ui.expertProfileButton,
            self.ui.fixedCaption,
            self.ui.expertCaption,
        ):
            widget.setVisible(self.w.ctx.may(Action.MEMBERS_ASSIGN))
            widget.setEnabled(may_assign)

    def fill_experts(self, _index: int = 0) -> None:
        if self.view is None:
            return
        field = self.ui.expertFieldCombo.currentData()
        seated = {s.name for s in self.view.file.seats}
        self.ui.expertCombo.clear()
        for profile in self.view.profiles:
            if profile.active and field in profile.fields and profile.name not in seated:
                self.ui.expertCombo.addItem(profile.name, profile.name)

    def _seat_specs(self) -> list[casework.SeatSpec]:
        assert self.view is not None
        return [casework.SeatSpec(s.name, s.role, s.field) for s in self.view.file.seats]

    def add_fixed(self) -> None:
        name = self.ui.memberCombo.currentData()
        if name:
            self._call(casework.set_committee, [*self._seat_specs(), casework.SeatSpec(name)])

    def add_expert(self) -> None:
        name, field = self.ui.expertCombo.currentData(), self.ui.expertFieldCombo.currentData()
        if name:
            seat = casework.SeatSpec(name, MemberRole.NON_FIXED, field or "")
            self._call(casework.set_committee, [*self._seat_specs(), seat])

    def remove_seat(self) -> None:
        item = self.ui.seatsTree.currentItem()
        if item is not None:
            name = item.data(0, Qt.ItemDataRole.UserRole)
            self._call(casework.set_committee, [s for s in self._seat_specs() if s.name != name])

    def ask_recusal(self) -> None:
        item = self.ui.seatsTree.currentItem()
        if item is None:
            return
        name = item.data(0, Qt.ItemDataRole.UserRole)
        self.w.dialog = ask_text(
            self.w,
            self.tr("记录回避"),
            self.tr("%1 回避本案的理由（如与当事人的关系）：").replace("%1", name),
            functools.partial(self._recuse, name),
        )

    def ask_expert_fields(self) -> None:
        name = self.ui.memberCombo.currentData()
        if not name:
            return
        self.w.dialog = ask_text(
            self.w,
            self.tr("设为专家"),
            self.tr("%1 的专业领域（多个用逗号分开，如：行政审批，城市更新）：").replace("%1", name),
            functools.partial(self._set_expert, name),
        )

    def _set_expert(self, name: str, text: str) -> None:
        ctx = self.w.ctx
        workspace, person = ctx.workspace, ctx.person
        if workspace is None or person is None:
            return
        fields = [f.strip() for f in text.replace("，", ",").replace("、", ",").split(",") if f.strip()]
        operation = functools.partial(casework.set_profile, fixed=False, fields=fields)
        ctx.runner.run_db(
            operation,
            workspace,
            person,
            name,
            receiver=self.w,
            done=lambda _r: self.w._changed(),
            failed=lambda error: self.w._say(str(error)),
        )

    def _recuse(self, name: str, reason: str) -> None:
        ctx = self.w.ctx
        workspace, person = ctx.workspace, ctx.person
        if workspace is None or person is None:
            return
        ctx.runner.run_db(
            casework.record_recusal,
            workspace,
            person,
            self.w.case_id,
            name,
            reason,
            receiver=self.w,
            done=lambda _r: self.w._changed(),
            failed=lambda error: self.w._say(str(error)),
        )


def _note(item: QTreeWidgetItem, note: str, editable: bool) -> None:
    item.setText(3, note)
    item.setToolTip(3, note)
    if editable:
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)


def _cite(citation: Any) -> str:
    """The article first (第四条(一)　《…》): a narrow column still shows where the item is."""
    place = f"{citation.article}{citation.item}"
    return f"{place}　{citation.title}" if place else str(citation.label())
