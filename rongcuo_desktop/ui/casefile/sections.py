"""The case window's sections, filled from one CaseView, and what each section's buttons do.

Kept apart from window.py (the frame: reading the case, moves, edits) so that each stays small. Every
change is a named services call through the task runner; when it is done the window reads the case
again (CaseWindow._changed), so the sections always show what the store has.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtWidgets import QComboBox, QListWidgetItem, QTreeWidget, QTreeWidgetItem, QWidget

from rongcuo_desktop.domain.case import CaseType, Conclusion
from rongcuo_desktop.domain.case_file import Checklist, ConditionStatus, ExclusionStatus, MemberRole
from rongcuo_desktop.domain.casework import (
    FOUR_FORMS_MEANING,
    Acceptance,
    Clearance,
    ClearingMethod,
    Disclosure,
    EvidenceLink,
    Feedback,
    Filing,
    FourForms,
    Hearing,
    Investigation,
    LenientHandling,
    Record,
    Rejection,
    ResultUsage,
    TypicalMark,
    Visit,
    mask_names,
)
from rongcuo_desktop.domain.procedure import ClearanceFinding
from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services import casework
from rongcuo_desktop.ui.casefile import ops
from rongcuo_desktop.ui.casefile.dialogs import (
    RecordDialog,
    ask_text,
    chosen,
    fill_enum,
    pydate,
    qdate,
    show_enum,
)
from rongcuo_desktop.ui.casefile.extensions import decision_panels
from rongcuo_desktop.ui.forms.ui_case_section_application import Ui_CaseSectionApplication
from rongcuo_desktop.ui.forms.ui_case_section_checklist import Ui_CaseSectionChecklist
from rongcuo_desktop.ui.forms.ui_case_section_clearance import Ui_CaseSectionClearance
from rongcuo_desktop.ui.forms.ui_case_section_committee import Ui_CaseSectionCommittee
from rongcuo_desktop.ui.forms.ui_case_section_decision import Ui_CaseSectionDecision
from rongcuo_desktop.ui.forms.ui_case_section_feedback import Ui_CaseSectionFeedback
from rongcuo_desktop.ui.forms.ui_case_section_follow_up import Ui_CaseSectionFollowUp
from rongcuo_desktop.ui.forms.ui_case_section_hearing import Ui_CaseSectionHearing
from rongcuo_desktop.ui.forms.ui_case_section_investigation import Ui_CaseSectionInvestigation
from rongcuo_desktop.ui.forms.ui_case_section_links import Ui_CaseSectionLinks
from rongcuo_desktop.ui.labels import label

# Each section's form (forms/case_section_*.ui), by the key of its tab (`<key>Tab` in case_window.ui).
_FORMS: dict[str, Callable[[], Any]] = {
    "application": Ui_CaseSectionApplication,
    "investigation": Ui_CaseSectionInvestigation,
    "checklist": Ui_CaseSectionChecklist,
    "committee": Ui_CaseSectionCommittee,
    "hearing": Ui_CaseSectionHearing,
    "decision": Ui_CaseSectionDecision,
    "feedback": Ui_CaseSectionFeedback,
    "followUp": Ui_CaseSectionFollowUp,
    "clearance": Ui_CaseSectionClearance,
    "links": Ui_CaseSectionLinks,
}

if TYPE_CHECKING:
    from rongcuo_desktop.ui.casefile.window import CaseWindow

EXCERPT = 60


def excerpt(text: str, limit: int = EXCERPT) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _rows(tree: QTreeWidget, rows: Sequence[Sequence[str]], data: Sequence[object] = ()) -> None:
    tree.clear()
    for i, cells in enumerate(rows):
        item = QTreeWidgetItem(tree, [str(c) for c in cells])
        for column, cell in enumerate(cells):
            item.setToolTip(column, str(cell))
        if i < len(data):
            item.setData(0, Qt.ItemDataRole.UserRole, data[i])
    for column in range(tree.columnCount() - 1):
        tree.resizeColumnToContents(column)


class Sections(QObject):
    """The sections of one case window. Each is built from its own form the first time its tab is
    shown (a window opens in a fraction of the time), and filled from the latest CaseView."""

    def __init__(self, window: CaseWindow) -> None:
        super().__init__(window)
        self.w = window
        self.ui = window.ui
        self.view: ops.CaseView | None = None
        self.built: set[str] = set()
        self.ui.sections.currentChanged.connect(self._tab_shown)

    # -- building ----------------------------------------------------------------------------------

    def ensure(self, key: str) -> None:
        """Build section `key` (its form into its tab) unless it is built; fill it if the case is in."""
        if key in self.built:
            return
        form = _FORMS[key]()
        host = getattr(self.ui.frame, f"{key}Tab")
        page = QWidget(host)
        form.setupUi(page)
        getattr(self.ui.frame, f"{key}Host").addWidget(page)
        self.ui.add(form)
        self.built.add(key)
        getattr(self, f"_wire_{key}")()
        if self.view is not None:
            self._fill_section(key, self.view)

    def _tab_shown(self, index: int) -> None:
        page = self.ui.sections.widget(index)
        if page is not None and page.objectName().endswith("Tab"):
            self.ensure(page.objectName()[: -len("Tab")])

    def _wire_application(self) -> None:
        """The application's fields are the window's (window.py: the editor wires them)."""

    def _wire_investigation(self) -> None:
        ui = self.ui
        ui.addInvestigationButton.clicked.connect(lambda: self.open_record("investigation"))
        ui.editInvestigationButton.clicked.connect(self.edit_investigation)
        ui.investigationTree.currentItemChanged.connect(self._show_investigation)

    def _wire_checklist(self) -> None:
        self.ui.saveChecklistButton.clicked.connect(self.save_checklist)
        self.ui.checklistTree.setColumnCount(3)

    def _wire_committee(self) -> None:
        ui = self.ui
        ui.addFixedButton.clicked.connect(self.add_fixed)
        ui.addExpertButton.clicked.connect(self.add_expert)
        ui.expertFieldCombo.currentIndexChanged.connect(self._fill_experts)
        ui.removeSeatButton.clicked.connect(self.remove_seat)
        ui.recuseButton.clicked.connect(self.ask_recusal)
        ui.expertProfileButton.clicked.connect(self.ask_expert_fields)
        ui.expertProfileButton.setToolTip(
            self.tr("把上面选中的委员设为非固定成员（专家），并写明其专业领域（多个用逗号分开）")
        )

    def _wire_hearing(self) -> None:
        self.ui.addHearingButton.clicked.connect(lambda: self.open_record("hearing"))
        self.ui.hearingTree.currentItemChanged.connect(self._show_hearing)

    def _wire_decision(self) -> None:
        ui = self.ui
        ui.saveLenientButton.clicked.connect(self.save_lenient)
        ui.saveUsageButton.clicked.connect(self.save_usage)
        fill_enum(ui.formCombo, list(FourForms))
        for i, form in enumerate(FourForms):
            ui.formCombo.setItemData(i, FOUR_FORMS_MEANING[form], Qt.ItemDataRole.ToolTipRole)
        for factory in decision_panels():  # the scoring and hearing feature's panel (extensions.py)
            ui.decisionSlotLayout.addWidget(factory(self.w.panel_context, ui.decisionSlot))
        ui.decisionSlot.setVisible(ui.decisionSlotLayout.count() > 0)

    def _wire_feedback(self) -> None:
        ui = self.ui
        ui.addFeedbackButton.clicked.connect(lambda: self.open_record("feedback"))
        ui.addDisclosureButton.clicked.connect(lambda: self.open_record("disclosure"))
        ui.disclosureTree.currentItemChanged.connect(self._show_disclosure)

    def _wire_followUp(self) -> None:
        ui = self.ui
        ui.saveFilingButton.clicked.connect(self.save_filing)
        ui.recordVisitButton.clicked.connect(lambda: self.open_record("visit"))
        ui.visitsTree.currentItemChanged.connect(self._show_visit)

    def _wire_clearance(self) -> None:
        ui = self.ui
        ui.saveClearanceButton.clicked.connect(self.save_clearance)
        fill_enum(ui.findingCombo, list(ClearanceFinding))
        ui.findingCombo.insertItem(0, self.tr("（尚未核查）"), "")

    def _wire_links(self) -> None:
        ui = self.ui
        ui.linkButton.clicked.connect(self.link_pre_filing)
        ui.maskButton.clicked.connect(self._mask_summary)
        ui.markTypicalButton.clicked.connect(self.mark_typical)

    # -- filling ---------------------------------------------------------------------------------

    def fill(self, view: ops.CaseView) -> None:
        """The frame's parts (the flowchart, the tabs shown, the typical-case note) and every section
        built so far."""
        self.view = view
        case = view.file.case
        steps = casework.steps(view.file.progress, frozenset(e.stage for e in view.file.stage_log) or None)
        dates = {s.stage: d for s in steps if (d := view.file.entered_on(s.stage)) is not None}
        self.ui.chart.set_steps(case.case_type, steps, dates)
        self.ui.chartScroll.setMinimumWidth(self.ui.chart.sizeHint().width() + 4)
        clearance_index = self.ui.sections.indexOf(self.ui.clearanceTab)
        self.ui.sections.setTabVisible(clearance_index, case.case_type is CaseType.CLEARANCE)
        if view.similar:
            text = self.tr("有 %1 件情形相同或领域相同的典型案例可供参照（见“关联与典型”）。")
            self.ui.similarLabel.setText(text.replace("%1", str(len(view.similar))))
            self.ui.similarLabel.show()
        else:
            self.ui.similarLabel.hide()
        for key in sorted(self.built):
            self._fill_section(key, view)

    def _fill_section(self, key: str, view: ops.CaseView) -> None:
        ctx = self.w.ctx
        editor = ctx.may_change(Action.CASE_EDIT)
        decided = view.file.case.conclusion is not None
        if key == "application":
            self._fill_acceptance(view)
        elif key == "investigation":
            self._fill_investigations(view)
            self._show_buttons(editor, self.ui.addInvestigationButton, self.ui.editInvestigationButton)
        elif key == "checklist":
            self._fill_checklist(view, editor and not decided)
        elif key == "committee":
            self._fill_committee(view, ctx.may_change(Action.MEMBERS_ASSIGN))
        elif key == "hearing":
            _rows(
                self.ui.hearingTree,
                [(label(r.kind), r.held_on.isoformat(), excerpt(r.participants)) for r in self._of(Hearing)],
                self._seqs("hearing"),
            )
            self._show_buttons(editor, self.ui.addHearingButton)
            _select_last(self.ui.hearingTree)
        elif key == "decision":
            self._fill_decision(view, editor)
        elif key == "feedback":
            self._fill_feedback(view)
            self._show_buttons(editor, self.ui.addFeedbackButton, self.ui.addDisclosureButton)
        elif key == "followUp":
            self._fill_follow_up(view, editor)
            self._show_buttons(editor and bool(view.file.visits), self.ui.recordVisitButton)
        elif key == "clearance":
            self._fill_clearance(view, editor)
        elif key == "links":
            self._fill_links(view, editor)

    def _show_buttons(self, enabled: bool, *buttons: QWidget) -> None:
        """Offered to those whose role may record; enabled while the store may be written."""
        for button in buttons:
            button.setVisible(self.w.ctx.may(Action.CASE_EDIT))
            button.setEnabled(enabled)

    def _of(self, kind: type[Any]) -> list[Any]:
        assert self.view is not None
        return [e.record for e in self.view.file.entries if isinstance(e.record, kind)]

    def _seqs(self, kind: str) -> list[int]:
        assert self.view is not None
        return [e.seq for e in self.view.file.of(kind)]

    def _fill_acceptance(self, view: ops.CaseView) -> None:
        file = view.file
        acceptance, rejection = file.one("acceptance"), file.one("rejection")
        lines = []
        if isinstance(rejection, Rejection):
            text = self.tr("不予受理（%1）：%2").replace("%1", rejection.rejected_on.isoformat())
            lines.append(text.replace("%2", rejection.reason))
        if isinstance(acceptance, Acceptance):
            lines.append(self.tr("受理日期：%1").replace("%1", acceptance.accepted_on.isoformat()))
            if acceptance.note:
                lines.append(self.tr("受理意见：%1").replace("%1", acceptance.note))
        if view.rulebook is not None:
            lines.append(
                self.tr("适用的规则库：%1（%2）")
                .replace("%1", view.rulebook.title)
                .replace("%2", view.rulebook.key)
            )
        elif file.case.rulebook:
            lines.append(self.tr("适用的规则库：%1").replace("%1", file.case.rulebook))
        if not lines:
            lines.append(self.tr("尚未受理。受理时选定适用的规则库（之后不随规则库的新版本改变）。"))
        self.ui.acceptanceLabel.setText("\n".join(lines))
        self.ui.caseTypeValue.setText(label(file.case.case_type))

    def _fill_investigations(self, view: ops.CaseView) -> None:
        records = self._of(Investigation)
        _rows(
            self.ui.investigationTree,
            [(r.held_on.isoformat(), r.investigators, excerpt(r.findings)) for r in records],
            self._seqs("investigation"),
        )
        self.ui.investigationView.clear()
        last = self.ui.investigationTree.topLevelItem(len(records) - 1) if records else None
        if last is not None:
            self.ui.investigationTree.setCurrentItem(last)

    def _show_investigation(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        record = self._record_at("investigation", item)
        if not isinstance(record, Investigation) or self.view is None:
            self.ui.investigationView.clear()
            return
        names = {a.id: a.file_name for a in self.view.attachments}
        parts = [
            (self.tr("调查核实的情况"), record.findings),
            (self.tr("所在单位意见"), record.unit_opinion),
            (self.tr("当事人陈述申辩"), record.statement),
            (self.tr("关联附件"), "、".join(names.get(i, f"#{i}") for i in record.attachment_ids)),
        ]
        self.ui.investigationView.setHtml(_html(parts))

    def _record_at(self, kind: str, item: QTreeWidgetItem | None) -> Record | None:
        if item is None or self.view is None:
            return None
        seq = item.data(0, Qt.ItemDataRole.UserRole)
        return next((e.record for e in self.view.file.of(kind) if e.seq == seq), None)

    def _fill_checklist(self, view: ops.CaseView, editable: bool) -> None:
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
        tree.setHeaderLabels([self.tr("条目"), self.tr("状态"), self.tr("出处")])

        def group(title: str) -> QTreeWidgetItem:
            item = QTreeWidgetItem(tree, [title])
            item.setFirstColumnSpanned(True)
            item.setExpanded(True)
            return item

        conditions = group(self.tr("容错条件"))
        for rule in rulebook.conditions:
            status = checklist.conditions.get(rule.id, ConditionStatus.UNKNOWN)
            self._status_row(conditions, rule, list(ConditionStatus), status, editable)
        situations = group(self.tr("容错情形"))
        for rule in rulebook.situations:
            item = QTreeWidgetItem(situations, [rule.text, "", rule.citation.label()])
            item.setData(0, Qt.ItemDataRole.UserRole, ("situation", rule.id))
            item.setToolTip(0, rule.text)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags if editable else flags & ~Qt.ItemFlag.ItemIsEnabled)
            claimed = rule.id in checklist.situations
            item.setCheckState(0, Qt.CheckState.Checked if claimed else Qt.CheckState.Unchecked)
            item.setText(1, self.tr("申请") if claimed else "")
        exclusions = group(self.tr("不予容错情形"))
        for rule in rulebook.exclusions:
            found = checklist.exclusions.get(rule.id, ExclusionStatus.UNKNOWN)
            self._status_row(exclusions, rule, list(ExclusionStatus), found, editable)
        tree.setColumnWidth(0, max(280, tree.width() // 2))
        tree.resizeColumnToContents(1)

    def _status_row(
        self, parent: QTreeWidgetItem, rule: Any, choices: list[Any], status: Any, editable: bool
    ) -> None:
        tree = self.ui.checklistTree
        item = QTreeWidgetItem(parent, [rule.text, "", rule.citation.label()])
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

    def _fill_committee(self, view: ops.CaseView, may_assign: bool) -> None:
        seats = view.file.seats
        _rows(
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
        self.ui.quorumLabel.setText(
            self.tr("未回避的委员 %1 人；%2。")
            .replace("%1", str(progress.members_present))
            .replace("%2", quorum)
        )
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
        self._fill_experts()
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

    def _fill_experts(self, _index: int = 0) -> None:
        if self.view is None:
            return
        field = self.ui.expertFieldCombo.currentData()
        seated = {s.name for s in self.view.file.seats}
        self.ui.expertCombo.clear()
        for profile in self.view.profiles:
            if profile.active and field in profile.fields and profile.name not in seated:
                self.ui.expertCombo.addItem(profile.name, profile.name)

    def _fill_decision(self, view: ops.CaseView, editor: bool) -> None:
        case = view.file.case
        record = view.record
        parts: list[tuple[str, str]] = []
        if case.conclusion is None:
            parts.append((self.tr("认定结论"), self.tr("尚未认定。委员评分、会议认定由主任记录。")))
        else:
            parts.append((self.tr("认定结论"), label(case.conclusion)))
            parts.append((self.tr("认定日期"), case.decided_on.isoformat() if case.decided_on else ""))
            decision = record.decision if record is not None else None
            if decision is not None:
                parts.append((self.tr("记录人"), decision.recorded_by or self.tr("（导入的认定记录）")))
                if decision.recommendation is not None:
                    parts.append((self.tr("当时的研判建议"), label(decision.recommendation)))
                parts.append((self.tr("说明"), decision.note))
        if record is not None:
            counted = sum(1 for m in record.members if not m.recused and m.complete)
            parts.append((self.tr("已完成评分的委员"), str(counted)))
        self.ui.decisionView.setHtml(_html(parts))
        lenient = case.conclusion is Conclusion.LENIENT
        self.ui.lenientGroup.setVisible(lenient)
        handling = view.file.one("lenient")
        if isinstance(handling, LenientHandling):
            show_enum(self.ui.formCombo, handling.form)
            self.ui.measureEdit.setPlainText(handling.measure)
        for widget in (self.ui.formCombo, self.ui.measureEdit, self.ui.saveLenientButton):
            widget.setEnabled(editor)
        self._fill_usage(view, editor)

    def _fill_usage(self, view: ops.CaseView, editor: bool) -> None:
        usage_list = self.ui.usageList
        usage_list.clear()
        rulebook = view.rulebook
        tolerated = view.file.case.conclusion in (Conclusion.EXEMPT, Conclusion.LENIENT)
        self.ui.usageGroup.setVisible(rulebook is not None and bool(rulebook.result_usage))
        if rulebook is None:
            return
        current = view.file.one("result_usage")
        chosen = set(current.areas) if isinstance(current, ResultUsage) else set()
        for rule in rulebook.result_usage:
            item = QListWidgetItem(f"{rule.text}（{rule.citation.label()}）", usage_list)
            item.setData(Qt.ItemDataRole.UserRole, rule.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if rule.id in chosen else Qt.CheckState.Unchecked)
        usage_list.setWordWrap(True)
        if isinstance(current, ResultUsage):
            self.ui.usageNoteEdit.setText(current.note)
        for widget in (usage_list, self.ui.usageNoteEdit, self.ui.saveUsageButton):
            widget.setEnabled(editor and tolerated)

    def _fill_feedback(self, view: ops.CaseView) -> None:
        _rows(
            self.ui.feedbackTree,
            [
                (label(r.recipient), r.sent_on.isoformat(), r.method, excerpt(r.note))
                for r in self._of(Feedback)
            ],
            self._seqs("feedback"),
        )
        _rows(
            self.ui.disclosureTree,
            [(r.disclosed_on.isoformat(), r.scope, label(r.method)) for r in self._of(Disclosure)],
            self._seqs("disclosure"),
        )
        self.ui.disclosureView.clear()
        _select_last(self.ui.disclosureTree)

    def _show_disclosure(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        record = self._record_at("disclosure", item)
        self.ui.disclosureView.setPlainText(record.text if isinstance(record, Disclosure) else "")

    def _show_hearing(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        record = self._record_at("hearing", item)
        if isinstance(record, Hearing):
            self.ui.hearingView.setHtml(
                _html([(self.tr("参加人员"), record.participants), (self.tr("意见"), record.summary)])
            )
        else:
            self.ui.hearingView.clear()

    def _fill_follow_up(self, view: ops.CaseView, editor: bool) -> None:
        filing = view.file.one("filing")
        if isinstance(filing, Filing):
            self.ui.filingNumberEdit.setText(filing.number)
            self.ui.filingDateEdit.setDate(qdate(filing.filed_on))
            self.ui.filingToEdit.setText(filing.to_whom)
        else:
            self.ui.filingDateEdit.setDate(QDate.currentDate())
        self.ui.filingDateEdit.setMaximumDate(QDate.currentDate())
        for widget in (
            self.ui.filingNumberEdit,
            self.ui.filingDateEdit,
            self.ui.filingToEdit,
            self.ui.saveFilingButton,
        ):
            widget.setEnabled(editor and view.file.progress.decided)
        visits_done = {r.visit_no: r for r in self._of(Visit)}
        today = dt.date.today()
        rows = []
        for planned in view.file.visits:
            done = visits_done.get(planned.visit_no)
            if done is not None:
                state = self.tr("已回访")
            elif planned.overdue(today):
                state = self.tr("已逾期")
            else:
                state = self.tr("待回访")
            rows.append(
                (
                    self.tr("第 %1 次").replace("%1", str(planned.visit_no)),
                    planned.due_on.isoformat(),
                    done.visited_on.isoformat() if done else "",
                    done.visitors if done else "",
                    state,
                )
            )
        _rows(self.ui.visitsTree, rows, [p.visit_no for p in view.file.visits])
        for i in range(self.ui.visitsTree.topLevelItemCount()):
            item = self.ui.visitsTree.topLevelItem(i)
            if item is not None and item.text(4) == self.tr("已逾期"):
                item.setForeground(4, Qt.GlobalColor.darkRed)
        if view.file.visits:
            plan = self.tr("回访计划：认定后第 %1 个月").replace(
                "%1", "、".join(str(v.month) for v in view.file.visits)
            )
            self.ui.planLabel.setText(f"{plan}。{view.file.plan_note}")
        elif view.file.progress.decided and not view.file.progress.follow_up_applies:
            self.ui.planLabel.setText(self.tr("本案的结论不进行跟踪回访。"))
        else:
            self.ui.planLabel.setText(self.tr("认定后按规则库的回访计划列出各次回访。"))
        self.ui.visitView.clear()

    def _show_visit(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        number = item.data(0, Qt.ItemDataRole.UserRole)
        record = next((r for r in self._of(Visit) if r.visit_no == number), None)
        if record is None:
            self.ui.visitView.clear()
        else:
            self.ui.visitView.setHtml(
                _html([(self.tr("回访方式"), record.form), (self.tr("回访情况"), record.notes)])
            )

    def _fill_clearance(self, view: ops.CaseView, editor: bool) -> None:
        record = view.file.one("clearance")
        ui = self.ui
        if isinstance(record, Clearance):
            show_enum(ui.findingCombo, record.finding)
            if record.found_on:
                ui.foundDateEdit.setDate(qdate(record.found_on))
            ui.wishesEdit.setPlainText(record.wishes)
            ui.clearanceNoteEdit.setPlainText(record.note)
            for method, box in self._method_boxes():
                box.setChecked(method in record.methods)
        else:
            ui.foundDateEdit.setDate(QDate.currentDate())
        for widget in (
            ui.findingCombo,
            ui.foundDateEdit,
            ui.wishesEdit,
            ui.clearanceNoteEdit,
            ui.saveClearanceButton,
        ):
            widget.setEnabled(editor)
        for _method, box in self._method_boxes():
            box.setEnabled(editor)

    def _method_boxes(self) -> list[tuple[ClearingMethod, Any]]:
        ui = self.ui
        return [
            (ClearingMethod.LETTER, ui.letterCheck),
            (ClearingMethod.MEETING, ui.meetingCheck),
            (ClearingMethod.CIRCULAR, ui.circularCheck),
        ]

    def _fill_links(self, view: ops.CaseView, editor: bool) -> None:
        names = {i: (doc_no, unit) for i, doc_no, unit, _stage in view.pre_filings}
        links = self._of(EvidenceLink)
        _rows(
            self.ui.evidenceTree,
            [(*names.get(r.pre_filing_id, (f"#{r.pre_filing_id}", "")), excerpt(r.note)) for r in links],
            self._seqs("evidence_link"),
        )
        linked = {r.pre_filing_id for r in links}
        self.ui.preFilingCombo.clear()
        for case_id, doc_no, unit, _stage in view.pre_filings:
            if case_id not in linked and case_id != view.file.case.id:
                self.ui.preFilingCombo.addItem(f"{doc_no}　{unit}", case_id)
        self.ui.preFilingCombo.setEnabled(editor and self.ui.preFilingCombo.count() > 0)
        self.ui.linkButton.setEnabled(editor and self.ui.preFilingCombo.count() > 0)
        self.ui.evidenceGroup.setVisible(view.file.case.case_type is not CaseType.PRE_FILING)
        mark = view.file.one("typical")
        decided = view.file.case.conclusion is not None
        if isinstance(mark, TypicalMark):
            self.ui.typicalState.setText(
                self.tr("已于 %1 列为典型案例。").replace("%1", mark.marked_on.isoformat())
            )
            self.ui.typicalSummaryEdit.setPlainText(mark.summary)
        else:
            self.ui.typicalState.setText(
                self.tr("已认定的案件可列为典型案例，供以后情形相同的案件参照（姓名须隐去）。")
                if decided
                else self.tr("认定后可列为典型案例。")
            )
        for widget in (self.ui.typicalSummaryEdit, self.ui.maskButton, self.ui.markTypicalButton):
            widget.setEnabled(editor and decided)
        _rows(
            self.ui.similarTree,
            [
                (t.sketch.doc_no, t.masked_name, t.sketch.work_field, label(t.sketch.conclusion))
                for t in view.similar
            ],
        )

    # -- actions ---------------------------------------------------------------------------------

    def open_record(
        self, kind: str, record: Record | None = None, seq: int | None = None
    ) -> RecordDialog | None:
        view = self.view
        if view is None:
            return None
        case = view.file.case
        dialog = RecordDialog(
            kind,
            case.doc_no,
            self.w,
            record=record,
            attachments=view.attachments,
            visits=view.file.visits,
            party_name=case.party_name,
            facts=case.facts,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda new: self._save_record(new, seq, dialog))
        self.w.dialog = dialog
        dialog.open()
        return dialog

    def edit_investigation(self) -> None:
        item = self.ui.investigationTree.currentItem()
        record = self._record_at("investigation", item)
        if item is not None and record is not None:
            self.open_record("investigation", record, item.data(0, Qt.ItemDataRole.UserRole))

    def _save_record(self, record: Record, seq: int | None, dialog: QWidget | None) -> None:
        if seq is None:
            self._call(casework.add, record, dialog=dialog)
        else:
            self._call(casework.replace, seq, record, dialog=dialog)

    def _call(self, operation: Callable[..., Any], *args: Any, dialog: QWidget | None = None) -> None:
        """`operation(ws, person, case_id, *args)` on the database thread; then the case is read again."""
        ctx = self.w.ctx
        workspace, person = ctx.workspace, ctx.person
        if workspace is None or person is None:
            return
        failed = dialog.show_failure if dialog is not None and hasattr(dialog, "show_failure") else None
        ctx.runner.run_db(
            operation,
            workspace,
            person,
            self.w.case_id,
            *args,
            receiver=self.w,
            done=lambda _result: self.w._changed(dialog),
            failed=(lambda error: failed(str(error))) if failed else (lambda error: self.w._say(str(error))),
        )

    def save_checklist(self) -> None:
        if self.view is not None and self.view.rulebook is not None:
            self._call(ops.save_checklist, self.checklist(), self.view.rulebook.key)

    def save_filing(self) -> None:
        ui = self.ui
        self._call(
            casework.add,
            Filing(ui.filingNumberEdit.text(), pydate(ui.filingDateEdit.date()), ui.filingToEdit.text()),
        )

    def save_lenient(self) -> None:
        self._call(
            casework.add,
            LenientHandling(
                chosen(self.ui.formCombo, FourForms) or FourForms.FIRST, self.ui.measureEdit.toPlainText()
            ),
        )

    def save_usage(self) -> None:
        usage_list = self.ui.usageList
        areas = tuple(
            str(usage_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(usage_list.count())
            if usage_list.item(i).checkState() == Qt.CheckState.Checked
        )
        self._call(casework.add, ResultUsage(areas, self.ui.usageNoteEdit.text()))

    def save_clearance(self) -> None:
        ui = self.ui
        finding = chosen(ui.findingCombo, ClearanceFinding)
        record = Clearance(
            finding,
            pydate(ui.foundDateEdit.date()) if finding is not None else None,
            ui.wishesEdit.toPlainText(),
            tuple(method for method, box in self._method_boxes() if box.isChecked()),
            ui.clearanceNoteEdit.toPlainText(),
        )
        self._call(casework.add, record)

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

    def link_pre_filing(self) -> None:
        case_id = self.ui.preFilingCombo.currentData()
        if case_id is not None:
            self._call(casework.add, EvidenceLink(int(case_id), self.tr("事前备案，作为证据")))

    def _mask_summary(self) -> None:
        if self.view is not None:
            edit = self.ui.typicalSummaryEdit
            text = edit.toPlainText() or self.view.file.case.facts
            edit.setPlainText(mask_names(text, [self.view.file.case.party_name]))

    def mark_typical(self) -> None:
        self._call(casework.add, TypicalMark(self.ui.typicalSummaryEdit.toPlainText(), dt.date.today()))


def _select_last(tree: QTreeWidget) -> None:
    """The latest record is the one shown below its list."""
    last = tree.topLevelItem(tree.topLevelItemCount() - 1) if tree.topLevelItemCount() else None
    if last is not None:
        tree.setCurrentItem(last)


def _html(parts: Sequence[tuple[str, str]]) -> str:
    rows = "".join(
        f"<p><b>{html.escape(title)}</b><br/>{html.escape(text).replace(chr(10), '<br/>') or '—'}</p>"
        for title, text in parts
    )
    return rows
