"""案件 → 添加示例案件, and the offer of the demo cases when the store is empty.

The demo cases are written from the seeds' situations with the names masked (谢某某); an empty
store offers them once (non-blocking, so a test can answer it). Offered only to roles that may
register cases, and never while the store is read-only (the action is a write).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services import cases as case_service
from rongcuo_desktop.ui.cases.list_pane import CaseListPane
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.menus import MenuName
from rongcuo_desktop.ui.theme import icon


class DemoCases(QObject):
    def __init__(self, ctx: WindowContext, cases: CaseListPane) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self._offered = False
        self.offer_box: QMessageBox | None = None
        self.action = QAction(icon("demo"), self.tr("添加示例案件"), ctx.window)
        self.action.setObjectName("addDemoAction")
        self.action.triggered.connect(self.add)
        ctx.menu(MenuName.CASES).addSeparator()
        ctx.offer(MenuName.CASES, self.action, Action.CASE_CREATE, writes=True)
        self.action.setEnabled(ctx.workspace is not None)  # a window shown before its store: waits
        ctx.workspace_changed.connect(lambda: self.action.setEnabled(ctx.workspace is not None))
        cases.counted.connect(self._counted)

    def _counted(self, total: int) -> None:
        # Offered only where the action is (a role without CASE_CREATE, a read-only store: not).
        if total == 0 and not self._offered and self.action.isVisible() and self.action.isEnabled():
            self._offered = True
            self.offer()

    def offer(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("案件库是空的"),
            self.tr("案件库里还没有案件。要添加几件示例案件（人名已按“谢某某”方式隐去）来熟悉程序吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._ctx.window,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("添加示例案件"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("暂不添加"))
        box.finished.connect(lambda result: self.add() if result == QMessageBox.StandardButton.Yes else None)
        self.offer_box = box
        box.open()

    def add(self) -> None:
        workspace, person = self._ctx.workspace, self._ctx.person
        if workspace is None or person is None:
            return
        self.action.setEnabled(False)
        self._ctx.runner.run_db(
            case_service.add_demo_cases,
            workspace,
            person,
            receiver=self,
            done=self._added,
            failed=self._failed,
        )

    def _added(self, added: int) -> None:
        self.action.setEnabled(True)
        self._ctx.status(self.tr("已添加 {n} 件示例案件。").format(n=added))
        self._ctx.cases_changed.emit()

    def _failed(self, error: BaseException) -> None:
        self.action.setEnabled(True)
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("操作未完成"), str(error), parent=self._ctx.window
        )
        box.open()
