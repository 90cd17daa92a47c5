"""The app between start and end: the start sequence, the main window, its features, the close.

One window for the whole run: an unlock or a restore gives it a new workspace through its context
(features read it from there), so nothing is rebuilt and the window keeps its place and state.
"""

from __future__ import annotations

import gc
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QApplication

from rongcuo_desktop.ui.startup.flow import Preview, Startup
from rongcuo_desktop.ui.startup.opening import Opened
from rongcuo_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from rongcuo_desktop.ui.data.closing_backup import ClosingBackup
    from rongcuo_desktop.ui.shell.features import WindowFeatures
    from rongcuo_desktop.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

# Written with the wall-clock time once the store is open and every menu usable (tests, bench).
OPENED_FILE_ENV = "RONGCUO_OPENED_FILE"


class AppShell(QObject):
    def __init__(
        self, app: QApplication, data_dir: Path, runner: TaskRunner, settings: QSettings, started: float
    ) -> None:
        super().__init__()
        self._app = app
        self._data_dir = data_dir
        self._runner = runner
        self._settings = settings
        self._started = started
        self.window: MainWindow | None = None  # imported when first needed (not on the start path)
        self.features: WindowFeatures | None = None
        self.startup = Startup(data_dir, runner, settings)
        self.startup.previewed.connect(self._previewed)
        self.startup.preview_withdrawn.connect(self._withdrawn)
        self.startup.opened.connect(self._opened)
        self.startup.failed.connect(app.exit)
        # Dialogs come and go before the main window exists: only an explicit quit ends the app.
        app.setQuitOnLastWindowClosed(False)

    def start(self) -> None:
        self.startup.start()

    def _previewed(self, preview: Preview) -> None:
        """The list's first page, read before the store opened: show it now, open the store after."""
        from rongcuo_desktop.ui.shell.main_window import MainWindow  # warm by now (WINDOW_MODULES)

        window = MainWindow(
            None,
            None,
            self._runner,
            self._settings,
            preview.data_dir,
            credential_store_usable=True,
            first_page=preview.first_page,
            source=preview.source,
        )
        self.window = window
        window.first_painted.connect(self.startup.open_after_preview)
        self._app.setQuitOnLastWindowClosed(True)  # closed before its store opened: the app ends
        window.show()
        log.info("main window shown %.0f ms after main() (store opens after the paint)", self._since())

    def _withdrawn(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            self._app.setQuitOnLastWindowClosed(False)  # the recovery dialogs come next
            window.close()

    def _opened(self, opened: Opened) -> None:
        from rongcuo_desktop.ui.shell.features import WindowFeatures
        from rongcuo_desktop.ui.shell.main_window import MainWindow

        window = self.window
        if window is not None and not window.isVisible():
            self._runner.run_db(opened.workspace.close, receiver=self, done=_ignore)
            self._app.quit()  # closed before its store opened
            return
        if window is not None:
            window.attach(opened.workspace, opened.person)  # shown with the first look
        else:
            window = MainWindow(
                opened.workspace,
                opened.person,
                self._runner,
                self._settings,
                self._data_dir,
                credential_store_usable=opened.workspace.credential_store_usable,
                first_page=opened.first_page,
            )
            self.window = window
        features = WindowFeatures(window.context)
        self.features = features
        window.show()
        if not gc.isenabled():  # paused for the start (app.main is collector_paused)
            gc.freeze()
            gc.enable()
        self._app.setQuitOnLastWindowClosed(True)
        log.info("main window ready %.0f ms after main()", self._since())
        opened_file = os.environ.get(OPENED_FILE_ENV)
        if opened_file:
            Path(opened_file).write_text(f"{time.time():.6f}\n", encoding="utf-8")
        features.integrity.check_in_background()

    def finish(self) -> ClosingBackup | None:
        """As the app ends: the backup at close, then the store closed (or what the start held).
        Returns the backup's progress window (its `ended` signal) when the app must wait for it."""
        closing = None
        if self.features is not None:
            closing = self.features.backup.at_close()  # encrypted, rotating, never cut off
        workspace = self.window.context.workspace if self.window is not None else None
        if workspace is not None:
            self._runner.run_db(workspace.close, receiver=self._app, done=_ignore)
        else:  # quit before the store was handed over (it may still be opening): close it after the open
            self._runner.run_db(self.startup.held.release, receiver=self._app, done=_ignore)
        return closing

    def _since(self) -> float:
        return (time.perf_counter() - self._started) * 1000


def _ignore(_result: object) -> None:
    """Nobody waits for a close as the app ends."""
