"""Entry point of `rongcuo-desktop` (the GUI).

Kept light on purpose: start-up time is a goal (main window with 100,000 cases in 0.6 s), so
nothing here imports reportlab or pyHanko; the PDF and seal layers load when first used.
"""

from __future__ import annotations

import argparse
import functools
import gc
import logging
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rongcuo_desktop import APP_NAME, __version__
from rongcuo_desktop.logsetup import configure_logging
from rongcuo_desktop.paths import resolve_data_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

SETTINGS_FILE = "ui.ini"
EXIT_DATA_DIR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rongcuo-desktop", description="容错免责委员会桌面工具")
    parser.add_argument("--version", action="version", version=f"rongcuo-desktop {__version__}")
    parser.add_argument(
        "--data-dir",
        help="数据目录（默认：用户数据目录中的内置库；也可用环境变量 RONGCUO_DATA_DIR）",
    )
    parser.add_argument(
        "--lang",
        type=_language,
        help="界面语言：zh_CN（默认，简体中文）或 en（English）；也可用环境变量 RONGCUO_LANG",
    )
    return parser


def _language(text: str) -> str:
    from rongcuo_desktop.ui.i18n import normalize

    try:
        return normalize(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不支持的界面语言：{text}（可选 zh_CN、en）") from None


def data_dir_problem(data_dir: Path) -> str | None:
    """None when the folder can be created and written; else the reason (for the message)."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=data_dir, prefix=".write-test-"):
            pass
    except OSError as error:
        return error.strerror or type(error).__name__
    return None


def _collector_paused_until_shown(entry: Callable[..., int]) -> Callable[..., int]:
    """No garbage collection until the main window shows (``opened`` turns it back on).

    The start creates several hundred thousand long-lived objects (modules, classes, SQLAlchemy's
    tables) and the collector would walk them again and again, ~20 ms of the start-up figure.
    Once the window shows they are frozen out of later collections. Restored however main ends.
    """

    @functools.wraps(entry)
    def wrapper(*args: Any, **kwargs: Any) -> int:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return entry(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper


@_collector_paused_until_shown
def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    args, qt_args = build_parser().parse_known_args(argv)
    data_dir = resolve_data_dir(args.data_dir)

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from rongcuo_desktop.ui.fonts import apply_cjk_font
    from rongcuo_desktop.ui.theme import app_icon, apply_theme

    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    assert isinstance(app, QApplication)
    from rongcuo_desktop.ui.i18n import chosen_language, install_translators

    translators_started = time.perf_counter()
    language = chosen_language(args.lang)
    catalogues = install_translators(app, language)
    translators_ms = (time.perf_counter() - translators_started) * 1000
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(app.translate("App", "容错免责案件库"))  # dialogs: "备份 — 容错免责案件库"
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    apply_cjk_font(app)
    apply_theme(app)

    problem = data_dir_problem(data_dir)
    if problem is not None:
        message = app.translate(
            "App",
            "数据目录无法写入：{folder}\n（{reason}）\n\n"
            "请检查该目录的权限，或用 --data-dir 指定另一个目录。程序将退出，没有改动任何文件。",
        ).format(folder=data_dir, reason=problem)
        QMessageBox.critical(None, app.translate("App", "数据目录不可用"), message)
        return EXIT_DATA_DIR
    configure_logging(data_dir)
    log.info(
        "rongcuo-desktop %s starting (pid %d, Qt ready after %.0f ms)",
        __version__,
        os.getpid(),
        (time.perf_counter() - started) * 1000,
    )
    log.info("language %s, translations %s loaded in %.1f ms", language, catalogues, translators_ms)

    from rongcuo_desktop.ui.startup.flow import Opened, Preview, Startup
    from rongcuo_desktop.ui.tasks import TaskRunner

    settings = QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
    runner = TaskRunner()
    startup = Startup(data_dir, runner, settings)
    # Dialogs come and go before the main window exists: only an explicit quit ends the app.
    app.setQuitOnLastWindowClosed(False)
    holder: dict[str, object] = {}

    def previewed(preview: Preview) -> None:
        """The list's first page, read before the store opened: show it now, open the store after."""
        from rongcuo_desktop.ui.shell.main_window import MainWindow  # warm by now (startup.WINDOW_MODULES)

        window = MainWindow(
            None,
            runner,
            settings,
            key_manager=preview.key_manager,
            credential_store_usable=preview.credential_store_usable,
            first_page=preview.first_page,
            source=preview.source,
        )
        holder["waiting_window"] = window
        window.first_painted.connect(startup.open_after_preview)
        app.setQuitOnLastWindowClosed(True)  # closed before its store opened: the app ends (and closes it)
        window.show()
        log.info("main window shown %.0f ms after main() (store opens after the paint)", _since(started))

    def withdrawn() -> None:
        window = holder.pop("waiting_window", None)
        if window is not None:
            app.setQuitOnLastWindowClosed(False)  # the recovery dialogs come next
            window.close()  # type: ignore[attr-defined]

    def opened(result: Opened) -> None:
        from rongcuo_desktop.ui.shell.main_window import MainWindow  # its store imports are warm by now

        holder["store"] = result.store
        waiting = holder.pop("waiting_window", None)
        if isinstance(waiting, MainWindow) and not waiting.isVisible():
            app.quit()  # closed before its store opened: the store is closed on the way out
            return
        if isinstance(waiting, MainWindow):
            window = waiting  # shown with the first look; it gets its store now
            window.attach_store(result.store)
            old_window = None
        else:
            window = MainWindow(
                result.store,
                runner,
                settings,
                key_manager=result.key_manager,
                credential_store_usable=result.credential_store_usable,
                first_page=result.first_page,
            )
            old_window = holder.get("window")
        holder["window"] = window
        from rongcuo_desktop.ui.data.safety import install_data_safety

        safety = install_data_safety(window, result, runner, settings, holder, rebuild=opened)
        from rongcuo_desktop.ui.people.menu import install_people  # issue 4: accounts, 办理记录, audit check

        holder["people"] = people = install_people(window, result.store, runner)
        from rongcuo_desktop.ui.shell.permissions import install_permissions  # only what the role may do

        holder["gate"] = install_permissions(window, result.store, runner, safety=safety, people=people)
        window.show()
        if not gc.isenabled():  # paused for the start (_collector_paused_until_shown)
            gc.freeze()
            gc.enable()
        if old_window is not None:  # after an unlock or a restore: the old window held the closed store
            old_window.close()  # type: ignore[attr-defined]
        app.setQuitOnLastWindowClosed(True)
        log.info("main window ready %.0f ms after main()", _since(started))

    _quit_on_signals(app)
    startup.previewed.connect(previewed)
    startup.preview_withdrawn.connect(withdrawn)
    startup.opened.connect(opened)
    startup.failed.connect(app.exit)
    QTimer.singleShot(0, startup.start)
    code = app.exec()

    safety = holder.get("safety")
    if safety is not None:
        safety.backup_on_close()  # type: ignore[attr-defined]  # encrypted, rotating (issue 4)
    store = holder.get("store")
    if store is not None:
        runner.run_db(store.close, receiver=app, on_success=lambda _none: None, label="close store")  # type: ignore[attr-defined]
    else:  # quit before the store was handed over (it may still be opening): close it after the open
        runner.run_db(startup.close_unclaimed, receiver=app, on_success=lambda _none: None, label="close")
    runner.shutdown()
    log.info("rongcuo-desktop exits with %d", code)
    return code


def _since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _quit_on_signals(app: QApplication) -> None:
    """SIGTERM/SIGINT (logout, shutdown, a test) close the window normally: state saved, store closed.

    Python runs signal handlers only when it holds control, so a light timer hands it control
    a few times a second while Qt's loop runs.
    """

    from PySide6.QtCore import QTimer

    def handler(_signum: int, _frame: object) -> None:
        app.closeAllWindows()
        app.quit()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    heartbeat = QTimer(app)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(250)


if __name__ == "__main__":
    sys.exit(main())
