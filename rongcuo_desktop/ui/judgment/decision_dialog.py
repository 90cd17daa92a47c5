"""The decision dialog (主任, forms/decision_dialog.ui): the engine's recommendation beside the
meeting's decision, the vote (赞成/反对/弃权), the reason where the decision departs from the
recommendation (domain.committee.note_required: the software never decides), the dissenting
opinions, and for a lighter handling which of the 四种形态 was used.

What is missing is said before anything is sent; the store checks the same rules and refuses
with the same sentences, nothing recorded. Recording the decision moves the case's stage (the
procedure follows the work).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.casework import FOUR_FORMS_MEANING, FourForms
from rongcuo_desktop.domain.committee import Votes, note_required
from rongcuo_desktop.services import judgment
from rongcuo_desktop.ui.forms.ui_decision_dialog import Ui_DecisionDialog

if TYPE_CHECKING:
    from rongcuo_desktop.services.judgment import DecisionInfo, Panel
    from rongcuo_desktop.ui.judgment.hub import JudgmentHub
    from rongcuo_desktop.ui.shell.context import WindowContext


class DecisionDialog(QDialog):
    def __init__(
        self,
        ctx: WindowContext,
        case_id: int,
        panel: Panel,
        hub: JudgmentHub | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent or ctx.window)
        self.ui = Ui_DecisionDialog()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._ctx = ctx
        self._hub = hub
        self.case_id = case_id
        self.panel = panel
        self.recorded: DecisionInfo | None = None
        record = panel.record
        result = panel.judgment
        self.recommendation = result.recommendation if result else None
        self.previous = record.conclusion
        self.setWindowTitle(self.tr("记录认定结论 — %1").replace("%1", record.doc_no))
        self.ui.titleLabel.setText(
            self.tr("%1：记录会议研究认定的结论。软件的研判建议仅供参考，由会议认定。").replace(
                "%1", record.doc_no
            )
        )
        if result is None:
            self.ui.recommendationLabel.setText(panel.problem or self.tr("研判结果无法计算。"))
        elif result.recommendation is None:
            self.ui.recommendationLabel.setText(self.tr("不作研判建议：") + result.reason)
        else:
            total = "—" if result.total is None else f"{result.total:.2f}".rstrip("0").rstrip(".")
            self.ui.recommendationLabel.setText(
                self.tr("研判建议：%1（加权总分 %2）")
                .replace("%1", result.recommendation.label)
                .replace("%2", total)
            )
        self.ui.explanationView.setPlainText(result.explanation if result else "")
        combo = self.ui.conclusionCombo
        for conclusion in Conclusion:
            combo.addItem(conclusion.label, conclusion.value)
        start = self.previous or self.recommendation
        if start is not None:
            combo.setCurrentIndex(combo.findData(start.value))
        today = dt.date.today()
        self.ui.dateEdit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.ui.dateEdit.setDate(QDate(today.year, today.month, today.day))
        for spin in (self.ui.forSpin, self.ui.againstSpin, self.ui.abstainSpin):
            spin.setMaximum(max(1, record.expected) if record.expected else 99)
            spin.valueChanged.connect(self._refresh)
        self.ui.formCombo.addItem(self.tr("（请选择）"), "")
        for form in FourForms:  # the case file's 四种形态 (domain.casework)
            self.ui.formCombo.addItem(f"{form.label}：{FOUR_FORMS_MEANING[form]}", form.value)
        combo.currentIndexChanged.connect(self._refresh)
        self.ui.noteEdit.textChanged.connect(self._refresh)
        self.ui.formCombo.currentIndexChanged.connect(self._refresh)
        self.ui.measureEdit.textChanged.connect(self._refresh)
        buttons = self.ui.buttonBox
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("记录认定结论"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.ui.busyBar.hide()
        self._say("")
        self._refresh()

    # -- the form --------------------------------------------------------------------------------

    def conclusion(self) -> Conclusion:
        return Conclusion.from_code_or_label(str(self.ui.conclusionCombo.currentData()))

    def votes(self) -> Votes:
        return Votes(self.ui.forSpin.value(), self.ui.againstSpin.value(), self.ui.abstainSpin.value())

    def reason_required(self) -> bool:
        return note_required(self.conclusion(), self.recommendation, self.previous)

    def gaps(self) -> list[str]:
        gaps: list[str] = []
        votes = self.votes()
        if votes.total == 0:
            gaps.append(self.tr("表决：请填写赞成、反对、弃权的票数"))
        expected = self.panel.record.expected
        if expected and votes.total > expected:
            gaps.append(
                self.tr("表决：合计 %1 票，多于未回避的委员 %2 人")
                .replace("%1", str(votes.total))
                .replace("%2", str(expected))
            )
        if self.reason_required() and not self.ui.noteEdit.toPlainText().strip():
            if self.previous is not None:
                gaps.append(self.tr("认定理由：更正已记录的结论，须写明更正的理由"))
            elif self.recommendation is None:
                gaps.append(self.tr("认定理由：研判没有给出建议，须写明认定理由"))
            else:
                gaps.append(self.tr("认定理由：结论与研判建议不同，须写明理由"))
        if self.conclusion() is Conclusion.LENIENT:
            if not self.ui.formCombo.currentData():
                gaps.append(self.tr("四种形态：从轻减轻处理须选择运用的形态"))
            if not self.ui.measureEdit.text().strip():
                gaps.append(self.tr("处理措施：请写明采取的措施（如谈话提醒）"))
        return gaps

    def _refresh(self) -> None:
        lenient = self.conclusion() is Conclusion.LENIENT
        self.ui.fourFormsBox.setVisible(lenient)
        if self.reason_required():
            self.ui.noteLabel.setText(self.tr("认定理由（与研判建议不同或更正结论，必填）："))
        else:
            self.ui.noteLabel.setText(self.tr("认定说明（与研判建议一致，可不填）："))
        votes = self.votes()
        if votes.total and not votes.majority:
            book = self.panel.rulebook
            rule = book.setting("vote_rule") if book else ""
            self.ui.votesNote.setText(
                self.tr("提示：赞成票未超过投票人数的一半（表决规则：%1）。").replace("%1", str(rule))
            )
        else:
            self.ui.votesNote.setText("")
        gaps = self.gaps()
        self.ui.missingLabel.setText(
            self.tr("记录前还缺：") + "；".join(gaps) + "。" if gaps else self.tr("可以记录。")
        )

    # -- submitting ------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self.ui.busyBar.setVisible(busy)
        for widget in (self.ui.decisionBox, self.ui.noteEdit, self.ui.dissentEdit, self.ui.buttonBox):
            widget.setEnabled(not busy)

    def four_forms(self) -> tuple[str, str]:
        """The 四种形态 chosen for a lighter handling (code, measure); ("", "") otherwise."""
        if self.conclusion() is not Conclusion.LENIENT:
            return "", ""
        return str(self.ui.formCombo.currentData() or ""), self.ui.measureEdit.text().strip()

    def submit(self) -> None:
        gaps = self.gaps()
        if gaps:
            self._say(self.tr("没有记录，还缺：") + "；".join(gaps) + "。")
            return
        workspace, person = self._ctx.workspace, self._ctx.person
        if workspace is None or person is None:
            self._say(self.tr("数据库已锁定：请解锁后再记录。"))
            return
        self._say("")
        self._set_busy(True)
        date = self.ui.dateEdit.date()
        self._ctx.runner.run_db(
            judgment.decide_with_form,
            workspace,
            person,
            self.case_id,
            self.conclusion(),
            self.ui.noteEdit.toPlainText(),
            dt.date(date.year(), date.month(), date.day()),
            self.votes(),
            self.ui.dissentEdit.toPlainText(),
            self.four_forms(),
            receiver=self,
            done=self._done,
            failed=self._refused,
        )

    def _done(self, decision: DecisionInfo) -> None:
        self._set_busy(False)
        self.recorded = decision
        if self._hub is not None:
            self._hub.changed.emit(self.case_id)
        self._ctx.cases_changed.emit()
        self._ctx.status(self.tr("已记录认定结论：%1。").replace("%1", decision.conclusion.label))
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self._say(self.tr("没有记录：") + (str(error) or type(error).__name__))
