"""The case window's sections, filled from one CaseView, and what each section's buttons do.

Kept apart from window.py (the frame: reading the case, moves, edits) so that each stays small. Every
change is a named services call through the task runner; when it is done the window reads the case
again (CaseWindow._changed), so the sections always show what the store has.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidgetItem, QWidget

from rongcuo_desktop.domain.case import CaseType
from rongcuo_desktop.domain.casework import (
    FOUR_FORMS_MEANING,
    Acceptance,
    FourForms,
    Hearing,
    Investigation,
    Record,
    Rejection,
)
from rongcuo_desktop.domain.procedure import ClearanceFinding
from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services import casework
from rongcuo_desktop.ui.casefile import ops
from rongcuo_desktop.ui.casefile.dialogs import (
    RecordDialog,
    fill_enum,
)
from rongcuo_desktop.ui.casefile.extensions import decision_panels
from rongcuo_desktop.ui.casefile.section_outcome import OutcomeSection
from rongcuo_desktop.ui.casefile.section_part import excerpt, html_of, rows, select_last
from rongcuo_desktop.ui.casefile.section_people import PeopleSection
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


class Sections(QObject):
    """The sections of one case window. Each is built from its own form the first time its tab is
    shown (a window opens in a fraction of the time), and filled from the latest CaseView."""

    def __init__(self, window: CaseWindow) -> None:
        super().__init__(window)
        self.w = window
        self.ui = window.ui
        self.view: ops.CaseView | None = None
        self.built: set[str] = set()
        self.people = PeopleSection(self)
        self.outcome = OutcomeSection(self)
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
        ui.attachmentsButton.clicked.connect(self.show_attachments)
        ui.attachmentsButton.setVisible(self.w.ctx.may(Action.ATTACHMENT_OPEN))

    def _wire_checklist(self) -> None:
        self.ui.saveChecklistButton.clicked.connect(self.people.save_checklist)
        tree = self.ui.checklistTree
        tree.setColumnCount(4)
        # The item's text takes the room left by its status and its citation, on any screen.
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 210)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 160)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # 说明 only: edit_note
        tree.itemDoubleClicked.connect(self.people.edit_note)

    def _wire_committee(self) -> None:
        ui = self.ui
        ui.addFixedButton.clicked.connect(self.people.add_fixed)
        ui.addExpertButton.clicked.connect(self.people.add_expert)
        ui.expertFieldCombo.currentIndexChanged.connect(self.people.fill_experts)
        ui.removeSeatButton.clicked.connect(self.people.remove_seat)
        ui.recuseButton.clicked.connect(self.people.ask_recusal)
        ui.expertProfileButton.clicked.connect(self.people.ask_expert_fields)
        ui.expertProfileButton.setToolTip(
            self.tr("把上面选中的委员设为非固定成员（专家），并写明其专业领域（多个用逗号分开）")
        )

    def _wire_hearing(self) -> None:
        self.ui.addHearingButton.clicked.connect(lambda: self.open_record("hearing"))
        self.ui.hearingTree.currentItemChanged.connect(self._show_hearing)

    def _wire_decision(self) -> None:
        ui = self.ui
        ui.saveLenientButton.clicked.connect(self.outcome.save_lenient)
        ui.saveUsageButton.clicked.connect(self.outcome.save_usage)
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
        ui.disclosureTree.currentItemChanged.connect(self.outcome.show_disclosure)

    def _wire_followUp(self) -> None:
        ui = self.ui
        ui.saveFilingButton.clicked.connect(self.outcome.save_filing)
        ui.recordVisitButton.clicked.connect(lambda: self.open_record("visit"))
        ui.visitsTree.currentItemChanged.connect(self.outcome.show_visit)

    def _wire_clearance(self) -> None:
        ui = self.ui
        ui.saveClearanceButton.clicked.connect(self.outcome.save_clearance)
        fill_enum(ui.findingCombo, list(ClearanceFinding))
        ui.findingCombo.insertItem(0, self.tr("（尚未核查）"), "")

    def _wire_links(self) -> None:
        ui = self.ui
        ui.linkButton.clicked.connect(self.outcome.link_pre_filing)
        ui.maskButton.clicked.connect(self.outcome.mask_summary)
        ui.markTypicalButton.clicked.connect(self.outcome.mark_typical)

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
            self.people.fill_checklist(view, editor and not decided)
        elif key == "committee":
            self.people.fill_committee(view, ctx.may_change(Action.MEMBERS_ASSIGN))
        elif key == "hearing":
            rows(
                self.ui.hearingTree,
                [(label(r.kind), r.held_on.isoformat(), excerpt(r.participants)) for r in self._of(Hearing)],
                self._seqs("hearing"),
            )
            self._show_buttons(editor, self.ui.addHearingButton)
            select_last(self.ui.hearingTree)
        elif key == "decision":
            self.outcome.fill_decision(view, editor)
        elif key == "feedback":
            self.outcome.fill_feedback(view)
            self._show_buttons(editor, self.ui.addFeedbackButton, self.ui.addDisclosureButton)
        elif key == "followUp":
            self.outcome.fill_follow_up(view, editor)
            self._show_buttons(editor and bool(view.file.visits), self.ui.recordVisitButton)
        elif key == "clearance":
            self.outcome.fill_clearance(view, editor)
        elif key == "links":
            self.outcome.fill_links(view, editor)

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
        self._fill_claimed(view)
        self.ui.caseTypeValue.setText(label(file.case.case_type))

    def _fill_claimed(self, view: ops.CaseView) -> None:
        """The situations the application claims from the rulebook's list (kept on the checklist)."""
        claimed = view.record.checklist.situations if view.record is not None else ()
        texts = (
            {r.id: f"{r.text}（{r.citation.label()}）" for r in view.rulebook.situations}
            if view.rulebook
            else {}
        )
        if claimed:
            self.ui.claimedLabel.setText("\n".join(f"• {texts.get(c, c)}" for c in claimed))
        else:
            self.ui.claimedLabel.setText(self.tr("未勾选。可在“研判清单”中勾选申请的容错情形。"))

    def _fill_investigations(self, view: ops.CaseView) -> None:
        records = self._of(Investigation)
        rows(
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
        self.ui.investigationView.setHtml(html_of(parts))

    def _record_at(self, kind: str, item: QTreeWidgetItem | None) -> Record | None:
        if item is None or self.view is None:
            return None
        seq = item.data(0, Qt.ItemDataRole.UserRole)
        return next((e.record for e in self.view.file.of(kind) if e.seq == seq), None)

    def _show_hearing(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        record = self._record_at("hearing", item)
        if isinstance(record, Hearing):
            self.ui.hearingView.setHtml(
                html_of([(self.tr("参加人员"), record.participants), (self.tr("意见"), record.summary)])
            )
        else:
            self.ui.hearingView.clear()

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

    def show_attachments(self) -> None:
        """本案附件…: added here, they can be linked from an investigation record."""
        from rongcuo_desktop.ui.data.attachments_dialog import AttachmentsDialog  # off the start path

        if self.view is None:
            return
        dialog = AttachmentsDialog(self.w.ctx, self.w.case_id, self.view.file.case.doc_no, self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.w.reload())
        self.w.dialog = dialog
        dialog.show()

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
