"""The case file feature of the main window: 案件 → 登记新案件… / 打开案件 / 典型案例库…, 视图 → 工作台,
and the case window opened from the list (double-click, Enter).

One case window per case: opening a case already open raises its window. Built with the window's
context (shell/context.py) like every feature.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QWidget

from rongcuo_desktop.domain.casework import Record
from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.ui.casefile import ops
from rongcuo_desktop.ui.casefile.dialogs import RecordDialog
from rongcuo_desktop.ui.casefile.workbench import Workbench
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.menus import MenuName
from rongcuo_desktop.ui.shell.messages import tell

WORKBENCH_DOCK = "workbenchDock"


class CaseFileActions(QObject):
    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.windows: dict[int, QWidget] = {}
        self.dialog: QWidget | None = None
        window = ctx.window
        self.new_action = QAction(self.tr("登记新案件…"), window)
        self.new_action.setObjectName("newCaseAction")
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_case)
        self.open_action = QAction(self.tr("打开案件"), window)
        self.open_action.setObjectName("openCaseAction")
        self.open_action.setShortcut(QKeySequence("Ctrl+O"))
        self.open_action.triggered.connect(self.open_current)
        self.library_action = QAction(self.tr("典型案例库…"), window)
        self.library_action.setObjectName("typicalLibraryAction")
        self.library_action.triggered.connect(self.show_library)
        ctx.offer(MenuName.CASES, self.new_action, Action.CASE_CREATE, writes=True, before="findAction")
        ctx.offer(
            MenuName.CASES, self.open_action, Action.CASE_READ, Action.CASE_READ_ALL, before="findAction"
        )
        ctx.offer(
            MenuName.CASES, self.library_action, Action.CASE_READ, Action.CASE_READ_ALL, before="findAction"
        )
        ctx.case_activated.connect(self.open_case)
        self.workbench = Workbench(ctx)
        self.workbench.open_case.connect(self.open_case)
        self.workbench.record_visit.connect(self.record_visit)
        self.dock = QDockWidget(self.tr("工作台：待办与逾期"), window)
        self.dock.setObjectName(WORKBENCH_DOCK)
        self.dock.setWidget(self.workbench)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [220], Qt.Orientation.Vertical)  # the list keeps most of the room
        self.workbench_action = self.dock.toggleViewAction()
        self.workbench_action.setText(self.tr("工作台"))
        self.workbench_action.setObjectName("workbenchAction")
        self.workbench_action.setShortcut(QKeySequence("Ctrl+Shift+W"))
        ctx.offer(MenuName.VIEW, self.workbench_action, Action.CASE_READ, Action.CASE_READ_ALL)
        self.dock.setVisible(ctx.may(Action.CASE_EDIT))  # the calendar keepers see it at start
        self.dock.visibilityChanged.connect(lambda shown: self.workbench.refresh() if shown else None)
        ctx.person_changed.connect(self._person_changed)
        self.workbench.refresh()

    def _person_changed(self) -> None:
        if self.ctx.person is None:
            return
        self.dock.setVisible(self.dock.isVisible() and self.ctx.may(Action.CASE_READ, Action.CASE_READ_ALL))

    # -- the case window -------------------------------------------------------------------------

    def open_current(self) -> None:
        selected = self.ctx.cases.current_case()
        if selected is None:
            self.dialog = tell(self.ctx.window, self.tr("打开案件"), self.tr("请先在列表中选择一个案件。"))
            return
        self.open_case(selected[0])

    def open_case(self, case_id: int) -> QWidget | None:
        from rongcuo_desktop.ui.casefile.window import CaseWindow

        if self.ctx.workspace is None or self.ctx.person is None:
            return None
        existing = self.windows.get(case_id)
        if existing is not None:
            existing.show()
            existing.raise_()
            existing.activateWindow()
            return existing
        case_window = CaseWindow(self.ctx, case_id, self.ctx.window)
        self.windows[case_id] = case_window
        case_window.destroyed.connect(lambda _obj=None, cid=case_id: self.windows.pop(cid, None))
        case_window.show()
        return case_window

    def new_case(self) -> QWidget:
        from rongcuo_desktop.ui.casefile.new_case import NewCaseDialog

        dialog = NewCaseDialog(self.ctx, self.ctx.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.registered.connect(self._registered)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _registered(self, case_id: int) -> None:
        self.ctx.cases.show_cases([case_id])
        self.ctx.cases_changed.emit()
        self.open_case(case_id)

    def show_library(self) -> QWidget:
        from rongcuo_desktop.ui.casefile.library import TypicalLibraryDialog

        dialog = TypicalLibraryDialog(self.ctx, self.ctx.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- a visit from the 工作台 -----------------------------------------------------------------------

    def record_visit(self, case_id: int, visit_no: int) -> None:
        workspace, person = self.ctx.workspace, self.ctx.person
        if workspace is None or person is None:
            return
        self.ctx.runner.run_db(
            ops.load_case_view,
            workspace,
            person,
            case_id,
            receiver=self,
            done=lambda view: self._visit_form(view, visit_no),
            failed=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.dialog = tell(self.ctx.window, self.tr("跟踪回访"), str(error))

    def _visit_form(self, view: ops.CaseView, visit_no: int) -> None:
        case = view.file.case
        dialog = RecordDialog("visit", case.doc_no, self.ctx.window, visits=view.file.visits)
        index = dialog.ui.visitNoCombo.findData(visit_no)
        dialog.ui.visitNoCombo.setCurrentIndex(max(index, 0))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda record: self._save_visit(dialog, case.id or 0, record))
        self.dialog = dialog
        dialog.open()

    def _save_visit(self, dialog: RecordDialog, case_id: int, record: Record) -> None:
        from rongcuo_desktop.services import casework

        workspace, person = self.ctx.workspace, self.ctx.person
        if workspace is None or person is None:
            return
        self.ctx.runner.run_db(
            casework.add,
            workspace,
            person,
            case_id,
            record,
            receiver=self,
            done=lambda _seq: self._visit_saved(dialog),
            failed=lambda error: dialog.show_failure(str(error)),
        )

    def _visit_saved(self, dialog: RecordDialog) -> None:
        dialog.accept()
        self.ctx.cases_changed.emit()  # the 工作台 and the list follow (cases_changed)
