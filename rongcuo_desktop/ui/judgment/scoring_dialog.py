"""The scoring dialog (forms/scoring_dialog.ui): one member, one case, the five dimensions.

Who scores where (services.accounts' API note):
- OWN: a 委员 signed in on their own session scores as themselves;
- PIN: on the secretary's (or chair's) PC a member picks their name and types their PIN inside the
  dialog; the PIN signs them in for this one submission only, in the operation that writes
  (ui/judgment/ops.py), and the window's person never changes;
- PAPER: the secretary enters the paper ballot of a named member who has no PC; the record and the
  audit trail mark it as such.

The dialog shows what is still missing before it submits (a level, the reason an extreme level needs,
who is scoring), from the same rule the store applies (domain.committee.ballot_gaps); the store
refuses the rest (recusal, not on the committee, a wrong PIN, a revealed round) and the dialog says
why, nothing recorded. Before the reveal the dialog shows no other member's levels: it only ever
holds the scorer's own ballot.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QShowEvent, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from rongcuo_desktop.domain.committee import ballot_gaps
from rongcuo_desktop.services import judgment
from rongcuo_desktop.services.judgment import BallotForm, MemberRecord, Score
from rongcuo_desktop.ui.forms.ui_scoring_dialog import Ui_ScoringDialog
from rongcuo_desktop.ui.judgment import ops
from rongcuo_desktop.ui.judgment.dimension_page import LEVEL_KEYS, DimensionPage

if TYPE_CHECKING:
    from rongcuo_desktop.ui.judgment.hub import JudgmentHub
    from rongcuo_desktop.ui.shell.context import WindowContext


class ScoringMode(Enum):
    OWN = "own"
    PIN = "pin"
    PAPER = "paper"


class ScoringDialog(QDialog):
    def __init__(
        self,
        ctx: WindowContext,
        form: BallotForm,
        mode: ScoringMode,
        hub: JudgmentHub | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent or ctx.window)
        self.ui = Ui_ScoringDialog()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._ctx = ctx
        self._hub = hub
        self.form = form
        self.mode = mode
        self.submitted: MemberRecord | None = None
        round_text = self.tr("第 %1 轮").replace("%1", str(form.round.number))
        self.ui.titleLabel.setText(
            self.tr("%1 · %2评分 · 规则库：%3")
            .replace("%1", form.doc_no)
            .replace("%2", round_text)
            .replace("%3", form.rulebook.title)
        )
        self.setWindowTitle(self.tr("五维评分 — %1").replace("%1", form.doc_no))
        self.pages: list[DimensionPage] = []
        count = len(form.rulebook.dimensions)
        for index, dimension in enumerate(form.rulebook.dimensions, start=1):
            page = DimensionPage(dimension, index, count)
            page.changed.connect(self._refresh)
            page.tab_out.connect(lambda forward, i=index - 1: self._tab_out(i, forward))
            self.ui.dimensionStack.addWidget(page)
            self.pages.append(page)
            item = QListWidgetItem(dimension.name)
            self.ui.dimensionList.addItem(item)
        self.ui.dimensionList.currentRowChanged.connect(self._show_page)
        self._set_up_identity()
        buttons = self.ui.buttonBox
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("提交纸质评分票") if mode is ScoringMode.PAPER else self.tr("提交评分"))
        ok.setAutoDefault(False)
        ok.setDefault(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.ui.verifyButton.clicked.connect(self.read_own_ballot)
        self.ui.memberCombo.currentIndexChanged.connect(self._refresh)
        self.ui.pinEdit.textChanged.connect(self._refresh)
        self.ui.busyBar.hide()
        self._say("")
        if form.own is not None and mode is ScoringMode.OWN:
            self.fill(form.own)
        self.ui.dimensionList.setCurrentRow(0)
        self._refresh()

    # -- who scores ------------------------------------------------------------------------------

    def _set_up_identity(self) -> None:
        ui = self.ui
        person = self._ctx.person
        if self.mode is ScoringMode.OWN:
            ui.modeLabel.setText(
                self.tr("%1 本人评分。揭晓前，其他委员看不到您的评分，您也看不到他们的。").replace(
                    "%1", person.name if person else ""
                )
            )
            ui.identityBox.hide()
            return
        combo = ui.memberCombo
        combo.addItem(self.tr("（请选择委员）"), "")
        for member in self.form.members:
            if member.recused:
                combo.addItem(self.tr("%1（已回避，不能评分）").replace("%1", member.name), "")
                model = combo.model()
                if isinstance(model, QStandardItemModel):
                    model.item(combo.count() - 1).setEnabled(False)
            else:
                combo.addItem(member.name, member.name)
        if self.mode is ScoringMode.PIN:
            ui.modeLabel.setText(
                self.tr(
                    "委员在本机评分：请委员本人选择姓名、输入个人口令。口令只用于这一次提交，"
                    "提交后程序仍由%1使用。"
                ).replace("%1", person.name if person else "")
            )
            ui.identityNote.setText(
                self.tr("如需修改已提交的评分，输入口令后点“核对口令并读取本人已评”。揭晓前可以修改。")
            )
        else:
            ui.modeLabel.setText(
                self.tr("纸质评分票：由%1代没有电脑的委员录入。记录和审计记录中都注明为纸质评分票。").replace(
                    "%1", person.name if person else ""
                )
            )
            ui.pinLabel.hide()
            ui.pinEdit.hide()
            ui.verifyButton.hide()
            ui.identityNote.setText(self.tr("请核对纸质评分票上的委员签名与所选委员一致。"))
            ui.identityNote.setObjectName("paperNote")

    def member_name(self) -> str:
        if self.mode is ScoringMode.OWN:
            return self._ctx.person.name if self._ctx.person else ""
        return str(self.ui.memberCombo.currentData() or "")

    def select_member(self, name: str) -> None:
        index = self.ui.memberCombo.findData(name)
        if index >= 0:
            self.ui.memberCombo.setCurrentIndex(index)

    # -- the ballot ------------------------------------------------------------------------------

    def levels(self) -> dict[str, int | None]:
        return {page.dimension.id: page.level() for page in self.pages}

    def reasons(self) -> dict[str, str]:
        return {page.dimension.id: page.reason() for page in self.pages}

    def fill(self, line: MemberRecord) -> None:
        """Put a member's own ballot back in the form (to amend it before the reveal)."""
        for page in self.pages:
            score = line.scores.get(page.dimension.id)
            page.set_level(score.level if score else None)
            page.set_reason(score.rationale if score else "")
        self._refresh()

    def gaps(self) -> list[str]:
        """What is still missing, in words (identity first: who is scoring)."""
        gaps: list[str] = []
        if self.mode is not ScoringMode.OWN and not self.member_name():
            gaps.append(self.tr("评分人：请选择委员"))
        if self.mode is ScoringMode.PIN and not self.ui.pinEdit.text():
            gaps.append(self.tr("个人口令：请委员本人输入"))
        return gaps + ballot_gaps(self.levels(), self.reasons())

    def _refresh(self) -> None:
        levels, reasons = self.levels(), self.reasons()
        for row, page in enumerate(self.pages):
            level = levels[page.dimension.id]
            own_gaps = ballot_gaps({page.dimension.id: level}, reasons)
            missing = any(g.startswith(page.dimension.name) for g in own_gaps)
            if level is None:
                text = self.tr("%1　未评").replace("%1", page.dimension.name)
            elif missing:
                text = (
                    self.tr("%1　%2 级，缺理由").replace("%1", page.dimension.name).replace("%2", str(level))
                )
            else:
                text = self.tr("%1　%2 级").replace("%1", page.dimension.name).replace("%2", str(level))
            item = self.ui.dimensionList.item(row)
            item.setText(text)
            font = item.font()
            font.setBold(level is None or missing)
            item.setFont(font)
        gaps = self.gaps()
        if gaps:
            self.ui.missingLabel.setText(self.tr("提交前还缺：") + "；".join(gaps) + "。")
        else:
            self.ui.missingLabel.setText(self.tr("五个维度都已评定，可以提交。"))
        # Red while something is missing, green when complete; the words say it too (black and white).
        self.ui.missingLabel.setStyleSheet("color: #8c1c13;" if gaps else "color: #1d6b32;")

    # -- navigation ------------------------------------------------------------------------------

    def current_page(self) -> DimensionPage:
        return self.pages[max(0, self.ui.dimensionStack.currentIndex())]

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.ui.dimensionStack.setCurrentIndex(row)

    def go_to(self, row: int, *, reason: bool = False) -> None:
        self.ui.dimensionList.setCurrentRow(row)
        page = self.pages[row]
        if reason:
            page.focus_reason()
        else:
            page.focus_levels()

    def _tab_out(self, row: int, forward: bool) -> None:
        if forward and row + 1 < len(self.pages):
            self.go_to(row + 1)
        elif not forward and row > 0:
            self.go_to(row - 1, reason=True)
        elif forward:  # after the last dimension: who scores, then submit
            target: QWidget = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
            if self.mode is ScoringMode.PIN:
                target = self.ui.memberCombo if not self.member_name() else self.ui.pinEdit
            elif self.mode is ScoringMode.PAPER and not self.member_name():
                target = self.ui.memberCombo
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """1-5 anywhere outside a text field choose the shown dimension's level."""
        level = LEVEL_KEYS.get(Qt.Key(event.key()))
        if level is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.current_page().choose(level)
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.current_page().focus_levels()

    # -- submitting ------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self.ui.busyBar.setVisible(busy)
        for widget in (self.ui.dimensionStack, self.ui.identityBox, self.ui.buttonBox):
            widget.setEnabled(not busy)

    def ballot(self) -> dict[str, Score]:
        reasons = self.reasons()
        return {
            d: Score(level, reasons[d].strip()) for d, level in self.levels().items() if level is not None
        }

    def submit(self) -> None:
        gaps = self.gaps()
        if gaps:
            self._say(self.tr("没有提交，还缺：") + "；".join(gaps) + "。")
            for row, page in enumerate(self.pages):
                if any(g.startswith(page.dimension.name) for g in gaps):
                    self.go_to(row, reason=page.level() is not None)
                    break
            return
        workspace, person = self._ctx.workspace, self._ctx.person
        if workspace is None or person is None:
            self._say(self.tr("数据库已锁定：请解锁后再提交。"))
            return
        self._say("")
        self._set_busy(True)
        scores, case_id, runner = self.ballot(), self.form.case_id, self._ctx.runner
        if self.mode is ScoringMode.OWN:
            runner.run_db(
                judgment.score, workspace, person, case_id, scores,
                receiver=self, done=self._done, failed=self._refused,
            )  # fmt: skip
        elif self.mode is ScoringMode.PIN:
            pin = self.ui.pinEdit.text()
            self.ui.pinEdit.clear()  # the PIN is not kept in the dialog once sent
            runner.run_db(
                ops.score_with_pin, workspace, self.member_name(), pin, case_id, scores,
                receiver=self, done=self._done, failed=self._refused,
            )  # fmt: skip
        else:
            runner.run_db(
                judgment.score_paper, workspace, person, case_id, self.member_name(), scores,
                receiver=self, done=self._done, failed=self._refused,
            )  # fmt: skip

    def _done(self, line: MemberRecord) -> None:
        self._set_busy(False)
        self.submitted = line
        if self._hub is not None:
            self._hub.changed.emit(self.form.case_id)
        self._ctx.status(
            self.tr("已记录 %1 的评分（%2）。").replace("%1", line.name).replace("%2", self.form.doc_no)
        )
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self._say(self.tr("没有提交：") + (str(error) or type(error).__name__))
        self._refresh()

    def read_own_ballot(self) -> None:
        """PIN mode: the member's own ballot, read with their PIN, back into the form to amend."""
        workspace, name, pin = self._ctx.workspace, self.member_name(), self.ui.pinEdit.text()
        if workspace is None or not name or not pin:
            self._say(self.tr("请先选择委员并输入个人口令。"))
            return
        self._set_busy(True)
        self._ctx.runner.run_db(
            ops.own_ballot_with_pin, workspace, name, pin, self.form.case_id,
            receiver=self, done=self._read, failed=self._refused,
        )  # fmt: skip

    def _read(self, line: MemberRecord | None) -> None:
        self._set_busy(False)
        if line is None or not line.scores:
            self._say(self.tr("口令正确；%1在本轮还没有评分。").replace("%1", self.member_name()))
            return
        self.fill(line)
        self._say(self.tr("已读取%1本轮的评分，可以修改后重新提交。").replace("%1", self.member_name()))
