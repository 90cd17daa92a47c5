"""The case window's dialogs: a stage move, one record of a step. Each holds its form as `self.ui`,
opens with open() and answers with a signal; the window does the store call and says how it went
(`show_failure` keeps the dialog open with what was typed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QInputDialog, QListWidgetItem, QWidget

from rongcuo_desktop.domain.case import CaseType, LabelledEnum, Stage
from rongcuo_desktop.domain.casework import (
    Disclosure,
    DisclosureMethod,
    Feedback,
    FeedbackTo,
    Hearing,
    HearingKind,
    Investigation,
    PlannedVisit,
    Record,
    Visit,
    mask_names,
)
from rongcuo_desktop.domain.procedure import MoveOption
from rongcuo_desktop.domain.rulebook import Rulebook
from rongcuo_desktop.services.attachments import AttachmentInfo
from rongcuo_desktop.ui.casefile.labels import step_text
from rongcuo_desktop.ui.forms.ui_case_record_dialog import Ui_CaseRecordDialog
from rongcuo_desktop.ui.forms.ui_case_stage_dialog import Ui_CaseStageDialog
from rongcuo_desktop.ui.labels import label

ERROR_STYLE = "color: #8c1c13;"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


E = TypeVar("E", bound=LabelledEnum)


def fill_enum(combo: QComboBox, members: Sequence[LabelledEnum], current: LabelledEnum | None = None) -> None:
    """A drop-down of a domain enum's members, shown translated, kept by their codes (Qt turns a str
    enum member into a plain str; the code is what comes back)."""
    combo.clear()
    for member in members:
        combo.addItem(label(member), member.value)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current.value)))


def show_enum(combo: QComboBox, member: LabelledEnum | None) -> None:
    combo.setCurrentIndex(max(0, combo.findData(member.value if member is not None else None)))


def chosen(combo: QComboBox, kind: type[E]) -> E | None:
    """The member the drop-down shows (None for an entry without one, e.g. “（请选择）”)."""
    code = combo.currentData()
    return kind.from_code_or_label(code) if isinstance(code, str) and code else None


def ask_text(parent: QWidget | None, title: str, text: str, on_answer: Callable[[str], None]) -> QInputDialog:
    """A line of text (a reason), window-modal, without a nested event loop; empty is no answer."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(text)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.textValueSelected.connect(lambda answer: on_answer(answer) if answer.strip() else None)
    dialog.open()
    return dialog


# ----- a stage move ----------------------------------------------------------------------------------


class StageDialog(QDialog):
    """Move a case to one stage: what the step still needs (a blocked move is explained and cannot be
    confirmed), the day, and -- where the step asks for it -- the rulebook (受理) or the reason (a move
    back, 不予受理)."""

    submitted = Signal(object, dict)  # the Stage, {"on", "reason", "rulebook", "note"}

    def __init__(
        self,
        case_type: CaseType,
        option: MoveOption,
        rulebooks: Sequence[Rulebook],
        current_rulebook: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseStageDialog()
        self.ui.setupUi(self)
        self.option = option
        target = option.target
        name = step_text(case_type, target)
        self.setWindowTitle(self.tr("退回到“%1”") if option.backward else self.tr("进入“%1”"))
        self.setWindowTitle(self.windowTitle().replace("%1", name))
        ui = self.ui
        ui.dateEdit.setDate(qdate(dt.date.today()))
        ui.dateEdit.setMaximumDate(qdate(dt.date.today()))
        accepting = target is Stage.ACCEPTED and not option.backward
        needs_reason = option.backward or target is Stage.REJECTED
        for widget, shown in (
            (ui.rulebookCaption, accepting),
            (ui.rulebookCombo, accepting),
            (ui.noteCaption, accepting),
            (ui.noteEdit, accepting),
            (ui.reasonCaption, needs_reason),
            (ui.reasonEdit, needs_reason),
        ):
            widget.setVisible(shown)
        for rulebook in rulebooks:
            ui.rulebookCombo.addItem(f"{rulebook.title}（{rulebook.key}）", rulebook.key)
        index = ui.rulebookCombo.findData(current_rulebook)
        ui.rulebookCombo.setCurrentIndex(max(index, 0))
        if option.backward:
            ui.titleLabel.setText(
                self.tr("把案件退回到“%1”。退回须写明理由，记入办理记录。").replace("%1", name)
            )
        elif target is Stage.REJECTED:
            ui.titleLabel.setText(self.tr("不予受理：案件就此结束。须写明理由。"))
        else:
            ui.titleLabel.setText(self.tr("进入“%1”。日期是这一步实际办理的日期。").replace("%1", name))
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        if option.blocked:
            ui.missingLabel.setText(
                self.tr("还不能进入这一步：") + "\n" + "\n".join(f"· {m}" for m in option.blocked)
            )
            ui.missingLabel.setStyleSheet(ERROR_STYLE)
            ok.setEnabled(False)
            ok.setToolTip(self.tr("先完成上面列出的事项"))
        else:
            ui.missingLabel.hide()
        ok.setText(self.tr("确定"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        ui.buttonBox.accepted.connect(self._submit)
        ui.buttonBox.rejected.connect(self.reject)
        ui.messageLabel.hide()

    def _submit(self) -> None:
        ui = self.ui
        values = {
            "on": pydate(ui.dateEdit.date()),
            "reason": ui.reasonEdit.toPlainText() if ui.reasonEdit.isVisible() else "",
            "rulebook": ui.rulebookCombo.currentData() if ui.rulebookCombo.isVisible() else None,
            "note": ui.noteEdit.toPlainText() if ui.noteEdit.isVisible() else "",
        }
        self.submitted.emit(self.option.target, values)

    def show_failure(self, message: str) -> None:
        self.ui.messageLabel.setText(message)
        self.ui.messageLabel.setStyleSheet(ERROR_STYLE)
        self.ui.messageLabel.show()


# ----- one record of a step ----------------------------------------------------------------------------


class RecordDialog(QDialog):
    """A record of one kind (investigation, hearing, feedback, disclosure, visit), new or corrected."""

    submitted = Signal(object)  # the record (domain.casework)

    PAGES = ("investigation", "hearing", "feedback", "disclosure", "visit")

    def __init__(
        self,
        kind: str,
        doc_no: str,
        parent: QWidget | None = None,
        *,
        record: Record | None = None,
        attachments: Sequence[AttachmentInfo] = (),
        visits: Sequence[PlannedVisit] = (),
        party_name: str = "",
        facts: str = "",
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseRecordDialog()
        self.ui.setupUi(self)
        self.kind = kind
        self._party = party_name
        self._facts = facts
        ui = self.ui
        titles = {
            "investigation": self.tr("调查核实记录"),
            "hearing": self.tr("听证、会商记录"),
            "feedback": self.tr("结果反馈"),
            "disclosure": self.tr("事项公开"),
            "visit": self.tr("跟踪回访"),
        }
        self.setWindowTitle(titles[kind])
        ui.caseLabel.setText(doc_no)
        ui.pages.setCurrentIndex(self.PAGES.index(kind))
        today = qdate(dt.date.today())
        for edit in (
            ui.heldDateEdit,
            ui.hearingDateEdit,
            ui.sentDateEdit,
            ui.disclosedDateEdit,
            ui.visitedDateEdit,
        ):
            edit.setDate(today)
            edit.setMaximumDate(today)
        fill_enum(ui.hearingKindCombo, list(HearingKind))
        fill_enum(ui.recipientCombo, list(FeedbackTo))
        fill_enum(ui.disclosureMethodCombo, list(DisclosureMethod))
        for text in (self.tr("书面通知"), self.tr("当面反馈"), self.tr("谈话反馈")):
            ui.methodCombo.addItem(text)
        for text in (self.tr("谈心谈话"), self.tr("实地走访"), self.tr("电话回访")):
            ui.visitFormCombo.addItem(text)
        for attachment in attachments:
            item = QListWidgetItem(f"{attachment.file_name}（{attachment.size_text}）", ui.attachmentsList)
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        ui.attachmentsCaption.setVisible(bool(attachments))
        ui.attachmentsList.setVisible(bool(attachments))
        for visit in visits:
            text = (
                self.tr("第 %1 次（应于 %2）")
                .replace("%1", str(visit.visit_no))
                .replace("%2", visit.due_on.isoformat())
            )
            ui.visitNoCombo.addItem(text, visit.visit_no)
        first_open = next((i for i, v in enumerate(visits) if v.done_on is None), 0)
        ui.visitNoCombo.setCurrentIndex(first_open)
        ui.fillMaskedButton.clicked.connect(self._fill_masked)
        if record is not None:
            self._show(record)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        ui.buttonBox.accepted.connect(self._submit)
        ui.buttonBox.rejected.connect(self.reject)
        ui.messageLabel.hide()

    def _show(self, record: Record) -> None:
        ui = self.ui
        if isinstance(record, Investigation):
            ui.heldDateEdit.setDate(qdate(record.held_on))
            ui.investigatorsEdit.setText(record.investigators)
            ui.findingsEdit.setPlainText(record.findings)
            ui.unitOpinionEdit.setPlainText(record.unit_opinion)
            ui.statementEdit.setPlainText(record.statement)
            for row in range(ui.attachmentsList.count()):
                item = ui.attachmentsList.item(row)
                if item.data(Qt.ItemDataRole.UserRole) in record.attachment_ids:
                    item.setCheckState(Qt.CheckState.Checked)

    def _fill_masked(self) -> None:
        """A first disclosure text from the facts, names masked (谢某某); the secretary edits it."""
        self.ui.disclosureTextEdit.setPlainText(mask_names(self._facts, [self._party]))

    def record(self) -> Record:
        ui = self.ui
        if self.kind == "investigation":
            ids = tuple(
                int(ui.attachmentsList.item(row).data(Qt.ItemDataRole.UserRole))
                for row in range(ui.attachmentsList.count())
                if ui.attachmentsList.item(row).checkState() == Qt.CheckState.Checked
            )
            return Investigation(
                pydate(ui.heldDateEdit.date()),
                ui.investigatorsEdit.text(),
                ui.findingsEdit.toPlainText(),
                ui.unitOpinionEdit.toPlainText(),
                ui.statementEdit.toPlainText(),
                ids,
            )
        if self.kind == "hearing":
            return Hearing(
                chosen(ui.hearingKindCombo, HearingKind) or HearingKind.HEARING,
                pydate(ui.hearingDateEdit.date()),
                ui.participantsEdit.toPlainText(),
                ui.hearingSummaryEdit.toPlainText(),
            )
        if self.kind == "feedback":
            return Feedback(
                chosen(ui.recipientCombo, FeedbackTo) or FeedbackTo.UNIT,
                pydate(ui.sentDateEdit.date()),
                ui.methodCombo.currentText(),
                ui.feedbackNoteEdit.toPlainText(),
            )
        if self.kind == "disclosure":
            return Disclosure(
                ui.scopeEdit.text(),
                chosen(ui.disclosureMethodCombo, DisclosureMethod) or DisclosureMethod.MEETING,
                pydate(ui.disclosedDateEdit.date()),
                ui.disclosureTextEdit.toPlainText(),
            )
        return Visit(
            int(ui.visitNoCombo.currentData() or 0),
            pydate(ui.visitedDateEdit.date()),
            ui.visitorsEdit.text(),
            ui.visitNotesEdit.toPlainText(),
            ui.visitFormCombo.currentText(),
        )

    def _submit(self) -> None:
        self.submitted.emit(self.record())

    def show_failure(self, message: str) -> None:
        self.ui.messageLabel.setText(message)
        self.ui.messageLabel.setStyleSheet(ERROR_STYLE)
        self.ui.messageLabel.show()
