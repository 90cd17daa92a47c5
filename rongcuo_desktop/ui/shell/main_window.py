"""The main window's frame: menus, toolbar, the case list in the centre, the status bar, its place.

The window holds a WindowContext (shell/context.py) that every feature is built with; features add
their actions through it (menus found by object name), and never reach into the window. The centre
is the case list (cases/list_pane.py). Window geometry and state are kept in the data folder's
ui.ini; the geometry only when it fits a screen attached now (shell/geometry.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QToolBar, QWidget

from rongcuo_desktop import __version__
from rongcuo_desktop.ui.cases.demo import DemoCases
from rongcuo_desktop.ui.cases.list_pane import CaseListPane
from rongcuo_desktop.ui.cases.table_model import CaseSource, FirstPage
from rongcuo_desktop.ui.labels import person as person_label
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.geometry import available_screens, default_geometry, fits
from rongcuo_desktop.ui.shell.menus import MenuName, build_menu_bar
from rongcuo_desktop.ui.shell.permissions import ActionGate
from rongcuo_desktop.ui.tasks import TaskRunner
from rongcuo_desktop.ui.theme import app_icon, icon

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.workspace import Workspace

# The same as the application display name, so Qt appends nothing to it.
WINDOW_TITLE = str(QT_TRANSLATE_NOOP("MainWindow", "容错免责案件库"))
GEOMETRY_KEY = "main/geometry"
STATE_KEY = "main/state"
QUIT_SEPARATOR = "quitSeparator"


class MainWindow(QMainWindow):
    """The case list and its menus.

    Built with a workspace, or at start-up with ``workspace=None`` and a ``source`` that reaches the
    store once it opens: the window then shows the first look at the list (store/first_look.py),
    says so with ``first_painted``, and gets its workspace from ``attach``. Until then nothing else
    asks the store anything, and the actions that need it wait.
    """

    first_painted = Signal()  # the list is on screen (a window without its store yet opens it now)

    def __init__(
        self,
        workspace: Workspace | None,
        person: Credential | None,
        runner: TaskRunner,
        settings: QSettings,
        data_dir: Path,
        *,
        credential_store_usable: bool = True,
        first_page: FirstPage | None = None,
        source: CaseSource | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr(WINDOW_TITLE))
        self.setWindowIcon(app_icon())
        self.context = ctx = WindowContext(
            self, runner, settings, data_dir, credential_store_usable=credential_store_usable
        )
        if workspace is not None:
            ctx.set_workspace(workspace, person)
        self.cases = CaseListPane(ctx, self, source=source, first_page=first_page)
        ctx.set_cases(self.cases)
        self.setCentralWidget(self.cases)
        build_menu_bar(self)
        ctx.set_gate(ActionGate(ctx))  # after the centre: the read-only banner goes above it
        self._build_frame_actions()
        self.demo = DemoCases(ctx, self.cases)
        self._build_toolbar()
        self.statusBar().addWidget(self.cases.counts_label, 1)
        self.cases.first_painted.connect(self.first_painted)
        ctx.person_changed.connect(self._show_person)
        self.restore_state()
        self.cases.start()

    def attach(self, workspace: Workspace, person: Credential | None) -> None:
        """The store opened after the first look was painted: the window works with it from now on."""
        self.context.set_workspace(workspace, person)

    # -- building ----------------------------------------------------------------------------------

    def _action(self, name: str, text: str, icon_name: str | None = None) -> QAction:
        action = QAction(icon(icon_name), text, self) if icon_name else QAction(text, self)
        action.setObjectName(name)
        return action

    def _build_frame_actions(self) -> None:
        ctx, cases = self.context, self.cases
        quit_action = self._action("quitAction", self.tr("退出"), "quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        ctx.menu(MenuName.FILE).addSeparator().setObjectName(QUIT_SEPARATOR)  # features go above it
        ctx.offer(MenuName.FILE, quit_action)
        self.find_action = self._action("findAction", self.tr("查找"), "search")
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(lambda: cases.search_edit.setFocus())
        ctx.offer(MenuName.CASES, self.find_action)
        self.refresh_action = self._action("refreshAction", self.tr("刷新"), "refresh")
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(cases.refresh)
        ctx.offer(MenuName.CASES, self.refresh_action)
        ctx.menu(MenuName.CASES).addSeparator()
        detail = self._action("toggleDetailAction", self.tr("显示详情窗格"))
        detail.setCheckable(True)
        detail.setChecked(True)
        detail.toggled.connect(cases.detail.setVisible)
        ctx.offer(MenuName.VIEW, detail)
        about = self._action("aboutAction", self.tr("关于"), "about")
        about.triggered.connect(self.show_about)
        ctx.offer(MenuName.HELP, about)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        toolbar.addWidget(self.cases.search_edit)
        toolbar.addWidget(self.cases.stage_combo)
        toolbar.addSeparator()
        toolbar.addAction(self.refresh_action)
        toolbar.addAction(self.demo.action)

    def _show_person(self) -> None:
        """The window's title names the person at the keyboard (stores with accounts)."""
        title = self.tr(WINDOW_TITLE)
        person = self.context.person
        if person is not None and person.id:
            title = f"{title} — {person_label(person.name, person.role.label)}"
        self.setWindowTitle(title)

    def show_about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("关于"),
            self.tr("容错免责委员会桌面工具 {version}\n案件数据在本机加密保存，不联网。").format(
                version=__version__
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setIconPixmap(app_icon().pixmap(48, 48))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- state -------------------------------------------------------------------------------------

    def restore_state(self) -> None:
        settings = self.context.settings
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and fits(geometry, available_screens()):
            self.restoreGeometry(geometry)
        else:  # first start, or saved on a larger screen than this one (a 1024x768 projector)
            self.setGeometry(default_geometry())
        state = settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.cases.restore_state()

    def save_state(self) -> None:
        settings = self.context.settings
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        self.cases.save_state()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cases.closing = True
        self.save_state()
        super().closeEvent(event)
