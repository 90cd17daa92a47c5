"""案件 → 登记新案件…: a new application at 申请, with the situations it claims from the rulebook's list.

Beside the form the dialog shows, as the secretary types, the earlier tolerated cases of the same
person and situation (seed 002 第九条 (九): a repeat is not tolerated again) and the typical cases of
the same situation. What is typed is kept as a draft in the encrypted store a moment after typing
stops (services.casework.save_draft, key NEW_CASE) and comes back when the dialog opens again.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QListWidgetItem,
    QTreeWidgetItem,
    QWidget,
)

from rongcuo_desktop.domain.case import ApplicantType, Case, CaseType
from rongcuo_desktop.domain.casework import CaseSketch
from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services import casework
from rongcuo_desktop.ui.casefile import ops
from rongcuo_desktop.ui.casefile.dialogs import ERROR_STYLE, chosen, fill_enum, pydate
from rongcuo_desktop.ui.casefile.editing import FieldEditor
from rongcuo_desktop.ui.forms.ui_case_new_dialog import Ui_CaseNewDialog
from rongcuo_desktop.ui.labels import label
from rongcuo_desktop.ui.shell.context import WindowContext

log = logging.getLogger(__name__)
HELP_DEBOUNCE_MS = 400
NEW_FIELDS = {
    "doc_no": "docNoEdit",
    "party_name": "partyEdit",
    "party_unit": "unitEdit",
    "party_position": "positionEdit",
    "work_field": "fieldCombo",
    "accountability_matter": "matterEdit",
    "facts": "factsEdit",
}


class NewCaseDialog(QDialog):
    registered = Signal(int)  # the new case's id
    draft_saved = Signal()

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseNewDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        ui = self.ui
        fill_enum(ui.typeCombo, list(CaseType))
        fill_enum(ui.applicantCombo, list(ApplicantType))
        ui.applicantCombo.insertItem(0, self.tr("（请选择）"), "")
        ui.applicantCombo.setCurrentIndex(0)
        for rulebook in ops.shipped_rulebooks():
            ui.rulebookCombo.addItem(f"{rulebook.title}（{rulebook.key}）", rulebook.key)
        # The last one used; at first the fullest (the one whose source gives its whole list).
        fullest = max(ops.shipped_rulebooks(), key=lambda r: len(r.situations), default=None)
        last = ctx.settings.value("casefile/rulebook") or (fullest.key if fullest else "")
        ui.rulebookCombo.setCurrentIndex(max(0, ui.rulebookCombo.findData(last)))
        ui.columns.setStretch(0, 3)
        ui.columns.setStretch(1, 2)
        for combo in (ui.typeCombo, ui.applicantCombo, ui.fieldCombo, ui.rulebookCombo):
            # Long rulebook titles must not widen the form past its share of the dialog.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        ui.appliedDateEdit.setDate(QDate.currentDate())
        ui.appliedDateEdit.setMaximumDate(QDate.currentDate())
        ui.messageLabel.hide()
        ui.repeatLabel.hide()
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登记"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        ui.buttonBox.accepted.connect(self.submit)
        ui.buttonBox.rejected.connect(self.reject)
        self.editor = FieldEditor(self)
        for key, name in NEW_FIELDS.items():
            self.editor.add(key, getattr(ui, name))
        self.editor.draft_wanted.connect(self._save_drafts)
        self.editor.load(dict.fromkeys(NEW_FIELDS, ""))  # nothing is stored yet: all is new
        self._help_timer = QTimer(self)
        self._help_timer.setSingleShot(True)
        self._help_timer.setInterval(HELP_DEBOUNCE_MS)
        self._help_timer.timeout.connect(self._ask_help)
        for widget in (ui.partyEdit, ui.unitEdit):
            widget.textChanged.connect(lambda _t: self._help_timer.start())
        ui.fieldCombo.currentTextChanged.connect(lambda _t: self._help_timer.start())
        ui.situationsList.itemChanged.connect(lambda _item: self._help_timer.start())
        ui.rulebookCombo.currentIndexChanged.connect(self._fill_rulebook)
        ui.typeCombo.currentIndexChanged.connect(self._type_changed)
        self._fill_rulebook()
        self._load_drafts()

    # -- the rulebook's lists ------------------------------------------------------------------------

    def _fill_rulebook(self, _index: int = 0) -> None:
        rulebook = ops.rulebook(self.ui.rulebookCombo.currentData() or "")
        situations = self.ui.situationsList
        situations.clear()
        field = self.ui.fieldCombo.currentText()
        self.ui.fieldCombo.blockSignals(True)
        self.ui.fieldCombo.clear()
        if rulebook is not None:
            for rule in rulebook.situations:
                item = QListWidgetItem(rule.text, situations)
                item.setToolTip(rule.citation.label())
                item.setData(Qt.ItemDataRole.UserRole, rule.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            for work_field in rulebook.work_fields:
                self.ui.fieldCombo.addItem(work_field, work_field)
        self.ui.fieldCombo.setEditText(field)
        self.ui.fieldCombo.blockSignals(False)
        self.ui.situationsCaption.setVisible(situations.count() > 0)
        situations.setVisible(situations.count() > 0)

    def _type_changed(self, _index: int) -> None:
        words = {
            CaseType.TOLERANCE: self.tr("问责事项"),
            CaseType.CLEARANCE: self.tr("被反映的问题"),
            CaseType.PRE_FILING: self.tr("拟采取的创新举措"),
        }
        self.ui.matterCaption.setText(words[chosen(self.ui.typeCombo, CaseType) or CaseType.TOLERANCE])

    # -- drafts --------------------------------------------------------------------------------------

    def _load_drafts(self) -> None:
        workspace, person = self.ctx.workspace, self.ctx.person
        if workspace is None or person is None or not person.may(Action.CASE_CREATE):
            return
        self.ctx.runner.run_db(
            casework.drafts, workspace, person, casework.NEW_CASE, receiver=self, done=self._drafts_loaded
        )

    def _drafts_loaded(self, drafts: dict[str, str]) -> None:
        restored = self.editor.restore(drafts)
        if restored:
            self.ui.draftLabel.setText(
                self.tr("已恢复上次未登记的内容（%1 项）").replace("%1", str(len(restored)))
            )

    def _save_drafts(self, changes: dict[str, str]) -> None:
        workspace, person = self.ctx.workspace, self.ctx.person
        if workspace is None or person is None:
            return
        for key, text in changes.items():
            self.ctx.runner.run_db(
                casework.save_draft,
                workspace,
                person,
                casework.NEW_CASE,
                key,
                text,
                receiver=self,
                done=lambda _r: self.draft_saved.emit(),
            )

    # -- the repeat check and typical cases ----------------------------------------------------------

    def sketch(self) -> CaseSketch:
        ui = self.ui
        chosen = tuple(
            str(ui.situationsList.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(ui.situationsList.count())
            if ui.situationsList.item(i).checkState() == Qt.CheckState.Checked
        )
        return CaseSketch(
            0,
            ui.docNoEdit.text(),
            ui.partyEdit.text().strip(),
            ui.unitEdit.text().strip(),
            ui.fieldCombo.currentText().strip(),
            chosen,
            ui.rulebookCombo.currentData() or "",
        )

    def _ask_help(self) -> None:
        workspace, person = self.ctx.workspace, self.ctx.person
        sketch = self.sketch()
        if workspace is None or person is None or not (sketch.party_name or sketch.situations):
            return  # nothing typed yet to compare
        self.ctx.runner.run_db(
            ops.new_case_help, workspace, person, sketch, receiver=self, done=self._show_help
        )

    def _show_help(self, found: ops.NewCaseHelp) -> None:
        ui = self.ui
        if found.repeats:
            lines = [self.tr("重复情形提示（第九条(九)）：")] + [m.message() for m in found.repeats]
            ui.repeatLabel.setText("\n".join(lines))
            ui.repeatLabel.setStyleSheet(
                "background: #fbeeea; color: #8c1c13; border: 1px solid #e3b5ad; padding: 6px;"
            )
            ui.repeatLabel.show()
        else:
            ui.repeatLabel.hide()
        ui.similarTree.clear()
        for typical in found.similar:
            QTreeWidgetItem(
                ui.similarTree, [typical.sketch.doc_no, typical.masked_name, label(typical.sketch.conclusion)]
            ).setToolTip(0, typical.summary)

    # -- registering ---------------------------------------------------------------------------------

    def case(self) -> Case:
        ui = self.ui
        applicant = chosen(ui.applicantCombo, ApplicantType)
        return Case(
            doc_no=ui.docNoEdit.text(),
            party_name=ui.partyEdit.text(),
            party_unit=ui.unitEdit.text(),
            party_position=ui.positionEdit.text(),
            case_type=chosen(ui.typeCombo, CaseType) or CaseType.TOLERANCE,
            applicant_type=applicant or ApplicantType.PARTY,
            work_field=ui.fieldCombo.currentText(),
            applied_on=pydate(ui.appliedDateEdit.date()),
            accountability_matter=ui.matterEdit.toPlainText(),
            facts=ui.factsEdit.toPlainText(),
            rulebook=ui.rulebookCombo.currentData() or "",
        )

    def submit(self) -> None:
        if chosen(self.ui.applicantCombo, ApplicantType) is None:
            self.show_failure(self.tr("申请人类型：请选择当事人、所在单位或纪检监察机关。"))
            return
        workspace, person = self.ctx.workspace, self.ctx.person
        if workspace is None or person is None:
            return
        self.editor.flush_drafts()
        self.ctx.settings.setValue("casefile/rulebook", self.ui.rulebookCombo.currentData())
        self.ctx.runner.run_db(
            ops.register_case,
            workspace,
            person,
            self.case(),
            self.sketch().situations,
            self.ui.rulebookCombo.currentData() or "",
            receiver=self,
            done=self._registered,
            failed=lambda error: self.show_failure(str(error)),
        )

    def _registered(self, case_id: int) -> None:
        log.info("case %d registered", case_id)
        self.registered.emit(case_id)
        self.accept()

    def done(self, result: int) -> None:
        """Closed: nothing more is asked of the store for it (the drafts stay until registered)."""
        self._help_timer.stop()
        self.editor.flush_drafts()
        super().done(result)

    def show_failure(self, message: str) -> None:
        self.ui.messageLabel.setText(message)
        self.ui.messageLabel.setStyleSheet(ERROR_STYLE)
        self.ui.messageLabel.show()
