"""What the window benchmarks share: the app as the real one is set up, a store with its 主任, the
main window shown and painted, and a wait for a signal (not for time)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui.fonts import apply_cjk_font
from rongcuo_desktop.ui.shell.features import WindowFeatures
from rongcuo_desktop.ui.shell.main_window import MainWindow
from rongcuo_desktop.ui.tasks import TaskRunner
from rongcuo_desktop.ui.theme import apply_theme

CHAIR, CHAIR_PIN = "王主任", "111186"


def bench_app(argv: list[str]) -> QApplication:
    app = QApplication(argv)
    apply_cjk_font(app)
    apply_theme(app)
    return app


def wait_for(signal: object, start: Callable[[], object] | None = None, limit_ms: int = 30_000) -> None:
    """Run the event loop until `signal` fires (or `limit_ms` passes), after calling `start`."""
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(limit_ms, loop.quit)
    if start is not None:
        start()
    loop.exec()


def store_with_chair(data: Path) -> tuple[Store, bytes, Credential]:
    """A new store in `data` with its 主任 signed in by PIN; returns the store, its key and the 主任."""
    key = secrets.token_bytes(32)
    store = Store.create(data, key)
    store.accounts.add(CHAIR, Role.CHAIR, CHAIR_PIN)
    return store, key, store.authenticate(CHAIR, CHAIR_PIN)


def shown_window(
    store: Store, data: Path, person: Credential, runner: TaskRunner
) -> tuple[MainWindow, WindowFeatures, Workspace]:
    """The main window for `person`, shown and painted once."""
    workspace = Workspace(store, KeyManager(data))
    settings = QSettings(str(data / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, person, runner, settings, data)
    features = WindowFeatures(window.context)
    window.show()
    wait_for(window.first_painted)
    return window, features, workspace
