"""What the GUI tests share: a workspace and a person from a real store, and a window built as the
app builds it (ui/shell/app_shell.py: the window, then its features once the store is open)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from rongcuo_desktop.services.accounts import Credential
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui.shell.features import WindowFeatures
from rongcuo_desktop.ui.shell.main_window import MainWindow
from rongcuo_desktop.ui.tasks import TaskRunner


def workspace_of(store: Store, keys: KeyManager | None = None, *, usable: bool = False) -> Workspace:
    """The store as services hand it to the GUI (services.unlock.open_store makes one)."""
    return Workspace(store, keys or KeyManager(store.data_dir), credential_store_usable=usable)


def person_of(store: Store, name: str = "", pin: str = "") -> Credential:
    """Who acts: that person by their PIN, else the setup 主任 of a store without accounts."""
    return store.authenticate(name, pin) if name else store.setup_credential()


@dataclass
class Opening:
    window: MainWindow
    features: WindowFeatures | None
    workspace: Workspace

    @property
    def all(self) -> WindowFeatures:
        assert self.features is not None
        return self.features


def open_window(
    qtbot: QtBot,
    runner: TaskRunner,
    store: Store,
    person: Credential,
    *,
    keys: KeyManager | None = None,
    usable: bool = False,
    settings: QSettings | None = None,
    features: bool = True,
) -> Opening:
    """The main window on the store as `person`, shown, its counts in; with its features."""
    workspace = workspace_of(store, keys, usable=usable)
    ini = settings or QSettings(str(store.data_dir / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, person, runner, ini, store.data_dir, credential_store_usable=usable)
    qtbot.addWidget(window)
    built = WindowFeatures(window.context) if features else None
    window.show()
    qtbot.waitUntil(lambda: bool(window.cases.counts_label.text()), timeout=20000)
    # Settled: what the window's features ask at start (the 工作台's due list, the list's overdue
    # marks) has been answered, so a test's own store calls and checks of `runner.busy` are its own.
    qtbot.waitUntil(lambda: not runner.busy, timeout=20000)
    return Opening(window, built, workspace)


def action(window: MainWindow, name: str) -> QAction:
    """An action of the window, by its object name (as features and menus are found)."""
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found
