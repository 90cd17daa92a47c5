"""The checklist dialog (秘书, before the hearing; forms/checklist_dialog.ui): the case's rulebook's
conditions (符合 / 不符合 / 未查明), situations (勾选 those claimed) and exclusions (已查实 / 经核查不存在 /
未核查), each with its citation, saved through services.judgment.set_checklist (audited; checked
against the rulebook by the store, which says what does not match)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QHeaderView, QTreeWidgetItem, QWidget

from rongcuo_desktop.domain.case_file import Checklist, ConditionStatus, ExclusionStatus
from rongcuo_desktop.domain.hearing import short_citation
from rongcuo_desktop.services import judgment
from rongcuo_desktop.ui.forms.ui_checklist_dialog import Ui_ChecklistDialog

if TYPE_CHECKING:
    from rongcuo_desktop.domain.rulebook import Citation, Rule, Rulebook
    from rongcuo_desktop.services.judgment import JudgmentRecord
    from rongcuo_desktop.ui.judgment.hub import JudgmentHub
    from rongcuo_desktop.ui.shell.context import WindowContext

_ID = Qt.ItemDataRole.UserRole


class ChecklistDialog(QDialog):
    def __init__(
        self,
        ctx: WindowContext,
        record: JudgmentRecord,
        rulebooks: list[Rulebook],
        hub: JudgmentHub | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent or ctx.window)
        self.ui = Ui_ChecklistDialog()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._ctx = ctx
        self._hub = hub
        self.record = record
        self.rulebooks = rulebooks
        self.setWindowTitle(self.tr("研判清单 — %1").replace("%1", record.doc_no))
        self.ui.titleLabel.setText(self.tr("%1 的研判清单").replace("%1", record.doc_no))
        self.ui.checklistTree.setHeaderLabels([self.tr("项目"), self.tr("出处"), self.tr("核对结果")])
        for book in rulebooks:
            self.ui.rulebookCombo.addItem(f"{book.title}（{book.key}）", book.key)
        current = self._index_of(record.rulebook)
        self.ui.rulebookCombo.setCurrentIndex(max(current, 0))
        self.ui.rulebookCombo.currentIndexChanged.connect(self._rebuild)
        tree = self.ui.checklistTree
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        tree.itemChanged.connect(lambda *_: self._summarise())
        buttons = self.ui.buttonBox
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存清单"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.ui.busyBar.hide()
        self._say("")
        if record.decided:
            self._say(self.tr("本案已记录认定结论，研判清单不再修改（只读）。"))
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self._combos: dict[tuple[str, str], QComboBox] = {}
        self._situations: dict[str, QTreeWidgetItem] = {}
        self._rebuild()

    def _index_of(self, key: str) -> int:
        if not key:
            return -1
        for index, book in enumerate(self.rulebooks):
            if key in (book.key, book.id):
                return index
        return -1

    def rulebook(self) -> Rulebook:
        return self.rulebooks[max(self.ui.rulebookCombo.currentIndex(), 0)]

    # -- the tree --------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        book = self.rulebook()
        same_book = self._index_of(self.record.rulebook) == self.ui.rulebookCombo.currentIndex()
        checklist = self.record.checklist if same_book else Checklist()
        tree = self.ui.checklistTree
        tree.blockSignals(True)
        tree.clear()
        self._combos.clear()
        self._situations.clear()
        conditions = self._group(self.tr("容错条件（须全部符合）"))
        for rule in book.conditions:
            status = checklist.conditions.get(rule.id, ConditionStatus.UNKNOWN)
            self._status_line(conditions, "condition", rule, list(ConditionStatus), status)
        situations = self._group(self.tr("容错情形（勾选申请适用的情形）"))
        for group in book.situation_groups:
            parent = QTreeWidgetItem(situations, [group.title, self._where(group.citation, book), ""])
            parent.setToolTip(1, group.citation.label())
            for rule in group.situations:
                item = QTreeWidgetItem(parent, [self._text(rule), self._where(rule.citation, book), ""])
                item.setToolTip(1, rule.citation.label())
                item.setData(0, _ID, rule.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                claimed = rule.id in checklist.situations
                item.setCheckState(0, Qt.CheckState.Checked if claimed else Qt.CheckState.Unchecked)
                item.setText(2, self.tr("申请适用") if claimed else "")
                item.setToolTip(0, rule.text)
                self._situations[rule.id] = item
            parent.setExpanded(any(s.id in checklist.situations for s in group.situations))
        exclusions = self._group(self.tr("不予容错情形（任一查实即不予容错）"))
        for rule in book.exclusions:
            found = checklist.exclusions.get(rule.id, ExclusionStatus.UNKNOWN)
            self._status_line(exclusions, "exclusion", rule, list(ExclusionStatus), found)
        for index in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(index)
            if top is not None and index != 1:
                top.setExpanded(True)
        tree.blockSignals(False)
        self._summarise()

    def _group(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.ui.checklistTree, [title])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        return item

    def _text(self, rule: Rule) -> str:
        return f"{rule.id}　{rule.text}"

    def _where(self, citation: Citation, book: Rulebook) -> str:
        """The article and item alone where the rule comes from the rulebook's own document (named
        in the rulebook line above); the whole citation otherwise (the tooltip has it always)."""
        return short_citation(citation, book)

    def _status_line(
        self, parent: QTreeWidgetItem, kind: str, rule: Rule, choices: list[object], status: object
    ) -> None:
        item = QTreeWidgetItem(parent, [self._text(rule), self._where(rule.citation, self.rulebook()), ""])
        item.setToolTip(0, rule.text)
        item.setToolTip(1, rule.citation.label())
        combo = QComboBox()
        combo.setObjectName(f"{kind}_{rule.id}")
        for choice in choices:
            combo.addItem(choice.label, choice)  # type: ignore[attr-defined]
        combo.setCurrentIndex(choices.index(status))
        combo.currentIndexChanged.connect(lambda *_: self._summarise())
        self.ui.checklistTree.setItemWidget(item, 2, combo)
        self._combos[(kind, rule.id)] = combo

    # -- the value -------------------------------------------------------------------------------

    def checklist(self) -> Checklist:
        situations = tuple(
            rule_id
            for rule_id, item in self._situations.items()
            if item.checkState(0) == Qt.CheckState.Checked
        )
        conditions = {r: c.currentData() for (k, r), c in self._combos.items() if k == "condition"}
        exclusions = {r: c.currentData() for (k, r), c in self._combos.items() if k == "exclusion"}
        return Checklist(situations, conditions, exclusions)

    def _summarise(self) -> None:
        checklist = self.checklist()
        for item in self._situations.values():
            claimed = item.checkState(0) == Qt.CheckState.Checked
            item.setText(2, self.tr("申请适用") if claimed else "")
        conditions = list(checklist.conditions.values())
        confirmed = list(checklist.exclusions.values()).count(ExclusionStatus.CONFIRMED)
        self.ui.summaryLabel.setText(
            self.tr(
                "已勾选情形 %1 项；条件符合 %2 项、不符合 %3 项、未查明 %4 项；不予容错情形已查实 %5 项。"
            )
            .replace("%1", str(len(checklist.situations)))
            .replace("%2", str(conditions.count(ConditionStatus.MET)))
            .replace("%3", str(conditions.count(ConditionStatus.NOT_MET)))
            .replace("%4", str(conditions.count(ConditionStatus.UNKNOWN)))
            .replace("%5", str(confirmed))
        )

    # -- saving ----------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))

    def submit(self) -> None:
        workspace, person = self._ctx.workspace, self._ctx.person
        if workspace is None or person is None:
            self._say(self.tr("数据库已锁定：请解锁后再保存。"))
            return
        self.ui.busyBar.show()
        self.ui.buttonBox.setEnabled(False)
        self._ctx.runner.run_db(
            functools.partial(
                judgment.set_checklist,
                workspace,
                person,
                self.record.case_id,
                self.checklist(),
                rulebook=self.rulebook().key,
            ),
            receiver=self,
            done=self._saved,
            failed=self._refused,
        )

    def _saved(self, _none: object) -> None:
        self.ui.busyBar.hide()
        if self._hub is not None:
            self._hub.changed.emit(self.record.case_id)
        self._ctx.status(self.tr("研判清单已保存（%1）。").replace("%1", self.record.doc_no))
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.ui.busyBar.hide()
        self.ui.buttonBox.setEnabled(True)
        self._say(self.tr("没有保存：") + (str(error) or type(error).__name__))
