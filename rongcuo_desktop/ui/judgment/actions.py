"""案件 → 研判与听证: scoring, the checklist, the judgment panel, the reveal, a further round, the
decision and the hearing on the projector, for the case selected in the list (and, through
`JudgmentActions.for_case`, from a case's own window).

Each entry is offered to the roles the role table allows (the gate hides the rest, and disables
writes while the store is read-only); the store refuses anyway. Every dialog opens with its data
already read on the database thread, so it is ready when it appears.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QMessageBox, QPushButton, QVBoxLayout, QWidget

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services import judgment, rulebooks
from rongcuo_desktop.ui.judgment.hub import JudgmentHub
from rongcuo_desktop.ui.shell.menus import MenuName
from rongcuo_desktop.ui.shell.messages import confirm, tell

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.judgment import BallotForm, JudgmentRecord, Panel, RoundInfo
    from rongcuo_desktop.services.workspace import Workspace
    from rongcuo_desktop.ui.hearing.console import HearingConsole
    from rongcuo_desktop.ui.judgment.scoring_dialog import ScoringMode
    from rongcuo_desktop.ui.shell.context import WindowContext


def checklist_data(
    workspace: Workspace, by: Credential, case_id: int
) -> tuple[JudgmentRecord, list[rulebooks.Rulebook]]:
    """The checklist dialog's data: the case's record and the shipped rulebooks to choose from."""
    return judgment.record(workspace, by, case_id), rulebooks.shipped()


class JudgmentWindow(QDialog):
    """The judgment panel of one case in a window of its own, with the steps of the meeting as buttons."""

    def __init__(self, actions: JudgmentActions, case_id: int, doc_no: str) -> None:
        super().__init__(actions.ctx.window)
        from rongcuo_desktop.ui.judgment.panel import JudgmentPanel

        self.setObjectName("judgmentWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("研判结果 — %1").replace("%1", doc_no))
        self.case_id = case_id
        layout = QVBoxLayout(self)
        self.panel = JudgmentPanel(actions.ctx, case_id, actions.hub)
        layout.addWidget(self.panel)
        ctx = actions.ctx
        for name, text, slot, needs in (
            ("panelScoreButton", self.tr("委员在本机评分…"), actions.member_score, (Action.CASE_READ_ALL,)),
            ("panelPaperButton", self.tr("录入纸质评分票…"), actions.paper_ballot, (Action.PAPER_BALLOT,)),
            ("panelChecklistButton", self.tr("研判清单…"), actions.checklist, (Action.CASE_EDIT,)),
            ("panelRevealButton", self.tr("揭晓评分"), actions.reveal, (Action.REVEAL,)),
            ("panelRoundButton", self.tr("会商后重新评分…"), actions.new_round, (Action.NEW_ROUND,)),
            ("panelDecisionButton", self.tr("记录认定结论…"), actions.decide, (Action.DECISION,)),
            ("panelHearingButton", self.tr("听证投屏…"), actions.hearing, (Action.CASE_READ_ALL,)),
        ):
            if not ctx.may(*needs):
                continue
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(functools.partial(slot, case_id, doc_no))
            self.panel.add_button(button)
        self.resize(980, 720)
        self.panel.refresh()


class JudgmentActions(QObject):
    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.hub = JudgmentHub(self)
        self.dialog: QWidget | None = None  # the last dialog opened (tests answer it)
        self.hearing_console: HearingConsole | None = None
        window = ctx.window
        self.menu = QMenu(self.tr("研判与听证(&J)"), window)
        self.menu.setObjectName("judgmentMenu")
        cases_menu = ctx.menu(MenuName.CASES)
        cases_menu.addSeparator()
        cases_menu.addMenu(self.menu)
        self.actions: dict[str, QAction] = {}
        for name, text, slot, needs, writes in (
            ("scoreAction", self.tr("评分…"), self.score, (Action.SCORE,), True),
            ("memberScoreAction", self.tr("委员在本机评分（输入个人口令）…"), self.member_score,
             (Action.CASE_READ_ALL,), True),
            ("paperBallotAction", self.tr("录入纸质评分票…"), self.paper_ballot,
             (Action.PAPER_BALLOT,), True),
            ("checklistAction", self.tr("研判清单…"), self.checklist, (Action.CASE_EDIT,), False),
            ("judgmentAction", self.tr("研判结果…"), self.show_panel, (Action.CASE_READ_ALL,), False),
            ("revealAction", self.tr("揭晓评分"), self.reveal, (Action.REVEAL,), True),
            ("newRoundAction", self.tr("会商后重新评分…"), self.new_round, (Action.NEW_ROUND,), True),
            ("decisionAction", self.tr("记录认定结论…"), self.decide, (Action.DECISION,), True),
            ("hearingAction", self.tr("听证投屏…"), self.hearing, (Action.CASE_READ_ALL,), False),
        ):  # fmt: skip
            action = QAction(text, window)
            action.setObjectName(name)
            action.triggered.connect(functools.partial(self._on_selected, slot))
            ctx.offer(None, action, *needs, writes=writes)
            self.menu.addAction(action)
            self.actions[name] = action
        self.actions["hearingAction"].setShortcut("Ctrl+F5")

    # -- the selected case -----------------------------------------------------------------------

    def _on_selected(self, slot: object, _checked: bool = False) -> None:
        selected = self.ctx.cases.current_case()
        if selected is None:
            self.dialog = tell(
                self.ctx.window,
                self.tr("研判与听证"),
                self.tr("请先在列表中选择一个案件。"),
                icon=QMessageBox.Icon.Information,
            )
            return
        slot(*selected)  # type: ignore[operator]

    def _ready(self) -> tuple[Workspace, Credential] | None:
        workspace, person = self.ctx.workspace, self.ctx.person
        if workspace is None or person is None:
            return None
        return workspace, person

    def _failed(self, error: BaseException) -> None:
        self.dialog = tell(self.ctx.window, self.tr("研判与听证"), str(error) or type(error).__name__)

    # -- scoring ---------------------------------------------------------------------------------

    def score(self, case_id: int, doc_no: str = "") -> None:
        """A 委员 on their own session: their own ballot (not if recused, not after the reveal)."""
        from rongcuo_desktop.ui.judgment.scoring_dialog import ScoringMode

        self._open_scoring(case_id, ScoringMode.OWN)

    def member_score(self, case_id: int, doc_no: str = "") -> None:
        """A member at the secretary's (or chair's) PC: their name and PIN inside the dialog."""
        from rongcuo_desktop.ui.judgment.scoring_dialog import ScoringMode

        self._open_scoring(case_id, ScoringMode.PIN)

    def paper_ballot(self, case_id: int, doc_no: str = "") -> None:
        from rongcuo_desktop.ui.judgment.scoring_dialog import ScoringMode

        self._open_scoring(case_id, ScoringMode.PAPER)

    def _open_scoring(self, case_id: int, mode: ScoringMode) -> None:
        ready = self._ready()
        if ready is None:
            return
        self.ctx.runner.run_db(
            judgment.ballot_form, *ready, case_id,
            receiver=self, done=functools.partial(self._show_scoring, mode), failed=self._failed,
        )  # fmt: skip

    def _show_scoring(self, mode: ScoringMode, form: BallotForm) -> None:
        from rongcuo_desktop.ui.judgment.scoring_dialog import ScoringDialog, ScoringMode

        refusal = ""
        if form.revealed:
            refusal = self.tr("第 %1 轮评分已经揭晓，评分不再修改。").replace("%1", str(form.round.number))
        elif mode is ScoringMode.OWN and form.own is not None and form.own.recused:
            refusal = self.tr("您已申请回避，不能对本案评分，也不能查看本案的评分。")
        elif mode is not ScoringMode.OWN and not any(not m.recused for m in form.members):
            refusal = self.tr("本案还没有可以评分的委员：请先指定本案的委员。")
        if refusal:
            self.dialog = tell(self.ctx.window, self.tr("评分"), refusal)
            return
        dialog = ScoringDialog(self.ctx, form, mode, self.hub)
        self.dialog = dialog
        dialog.open()

    # -- the checklist, the panel ----------------------------------------------------------------

    def checklist(self, case_id: int, doc_no: str = "") -> None:
        ready = self._ready()
        if ready is None:
            return
        self.ctx.runner.run_db(
            checklist_data, *ready, case_id, receiver=self, done=self._show_checklist, failed=self._failed
        )

    def _show_checklist(self, data: tuple[JudgmentRecord, list[rulebooks.Rulebook]]) -> None:
        from rongcuo_desktop.ui.judgment.checklist_dialog import ChecklistDialog

        dialog = ChecklistDialog(self.ctx, data[0], data[1], self.hub)
        self.dialog = dialog
        dialog.open()

    def show_panel(self, case_id: int, doc_no: str = "") -> None:
        window = JudgmentWindow(self, case_id, doc_no)
        self.dialog = window
        window.show()

    # -- the chair: reveal, a further round, the decision ----------------------------------------

    def reveal(self, case_id: int, doc_no: str = "") -> None:
        self.dialog = confirm(
            self.ctx.window,
            self.tr("揭晓评分"),
            self.tr("揭晓 %1 本轮的评分？").replace("%1", doc_no),
            self.tr("揭晓"),
            functools.partial(self._reveal, case_id),
            informative=self.tr(
                "揭晓后，本案的委员都能看到每个人的评分，本轮评分不再修改；投屏显示雷达图和结果。"
            ),
            icon=QMessageBox.Icon.Question,
        )

    def _reveal(self, case_id: int) -> None:
        ready = self._ready()
        if ready is None:
            return
        self.ctx.runner.run_db(
            judgment.reveal, *ready, case_id,
            receiver=self, done=functools.partial(self._revealed, case_id), failed=self._failed,
        )  # fmt: skip

    def _revealed(self, case_id: int, current: RoundInfo) -> None:
        self.hub.changed.emit(case_id)
        self.ctx.status(self.tr("第 %1 轮评分已揭晓。").replace("%1", str(current.number)))

    def new_round(self, case_id: int, doc_no: str = "") -> None:
        dialog = QInputDialog(self.ctx.window)
        dialog.setWindowTitle(self.tr("会商后重新评分"))
        dialog.setLabelText(
            self.tr("写明重新评分的理由（会商中澄清的事实或分歧）。本轮已揭晓的评分保留在记录中：")
        )
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setOkButtonText(self.tr("开始新一轮评分"))
        dialog.setCancelButtonText(self.tr("取消"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(functools.partial(self._new_round, case_id))
        self.dialog = dialog
        dialog.open()

    def _new_round(self, case_id: int, reason: str) -> None:
        ready = self._ready()
        if ready is None:
            return
        self.ctx.runner.run_db(
            judgment.open_round, *ready, case_id, reason,
            receiver=self, done=functools.partial(self._revealed_round, case_id), failed=self._failed,
        )  # fmt: skip

    def _revealed_round(self, case_id: int, current: RoundInfo) -> None:
        self.hub.changed.emit(case_id)
        self.ctx.status(self.tr("已开始第 %1 轮评分。").replace("%1", str(current.number)))

    def decide(self, case_id: int, doc_no: str = "") -> None:
        ready = self._ready()
        if ready is None:
            return
        self.ctx.runner.run_db(
            judgment.panel, *ready, case_id,
            receiver=self, done=functools.partial(self._show_decision, case_id), failed=self._failed,
        )  # fmt: skip

    def _show_decision(self, case_id: int, panel: Panel) -> None:
        from rongcuo_desktop.ui.judgment.decision_dialog import DecisionDialog

        dialog = DecisionDialog(self.ctx, case_id, panel, self.hub)
        self.dialog = dialog
        dialog.open()

    # -- the hearing -----------------------------------------------------------------------------

    def hearing(self, case_id: int, doc_no: str = "") -> None:
        from rongcuo_desktop.ui.hearing.console import HearingConsole

        if self.hearing_console is not None:
            self.hearing_console.close()
        console = HearingConsole(self.ctx, case_id, self.hub)
        self.hearing_console = console
        console.show()
        console.refresh()
