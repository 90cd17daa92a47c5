"""Entry point of `rongcuo-desktop` (the GUI).

Kept light on purpose: start-up time is a goal (main window with 100,000 cases in 0.6 s), so
nothing here imports reportlab or pyHanko; the PDF and seal layers load when first used.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rongcuo_desktop import APP_NAME, __version__
from rongcuo_desktop.domain.collector import collector_paused
from rongcuo_desktop.domain.os_errors import os_reason
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
    parser.add_argument(
        "--verify",
        nargs="?",
        const="",
        metavar="FILE",
        help="只打开“验证文件”窗口，离线验证封存的 PDF 或备案包（不打开、也不新建案件库）",
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
        return os_reason(error)
    return None


# No garbage collection until the main window shows (app_shell turns it back on and freezes what the
# start created): the start creates several hundred thousand long-lived objects (modules, classes,
# SQLAlchemy's tables) that the collector would walk again and again, ~20 ms of the start-up figure.
@collector_paused
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
        from PySide6.QtCore import QEventLoop

        from rongcuo_desktop.ui.shell.messages import tell

        # Before the application's loop ever runs: this loop is the only one (nothing is nested in
        # anything), and it ends with the box; app.exit() would leave the application quitting.
        box = tell(None, app.translate("App", "数据目录不可用"), message, icon=QMessageBox.Icon.Critical)
        loop = QEventLoop()
        box.finished.connect(loop.quit)
        loop.exec()
        return EXIT_DATA_DIR
    configure_logging(data_dir)
    log.info(
        "rongcuo-desktop %s starting (pid %d, Qt ready after %.0f ms)",
        __version__,
        os.getpid(),
        (time.perf_counter() - started) * 1000,
    )
    log.info("language %s, translations %s loaded in %.1f ms", language, catalogues, translators_ms)
    if args.verify is not None:  # the receiving authority's check: no store at all
        from rongcuo_desktop.ui.reports.entry import run_verify_only

        return run_verify_only(app, data_dir, Path(args.verify).expanduser() if args.verify else None)

    from rongcuo_desktop.ui.shell.app_shell import AppShell
    from rongcuo_desktop.ui.tasks import TaskRunner

    settings = QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
    runner = TaskRunner()
    shell = AppShell(app, data_dir, runner, settings, started)
    _quit_on_signals(app)
    QTimer.singleShot(0, shell.start)
    code = app.exec()
    closing = shell.finish()
    if closing is not None:
        # The backup at close runs to its end, with its progress window (or is skipped, leaving no
        # file): a second run of the event loop after the first has ended, not a nested one.
        closing.ended.connect(app.quit)
        app.exec()
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
