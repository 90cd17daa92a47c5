"""Real X screenshots of the case window (docs/case-window-*.png). Not a test: run it on a virtual X
server of the size wanted, e.g.

    Xvfb :58 -screen 0 1024x768x24 -nolisten tcp &
    DISPLAY=:58 QT_QPA_PLATFORM=xcb .venv/bin/python tests/ui/case_window_screenshots.py OUT 1024

The case is walked through the GUI first (tests/ui/case_walk.py); then each section is shown and the
whole screen taken with ImageMagick's `import -window root`.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

SECTIONS = ["applicationTab", "checklistTab", "committeeTab", "decisionTab", "feedbackTab", "followUpTab"]


def main(out: Path, tag: str) -> int:
    os.environ["RONGCUO_CONFIG_DIR"] = tempfile.mkdtemp()
    out.mkdir(parents=True, exist_ok=True)
    display = os.environ["DISPLAY"]

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from rongcuo_desktop.ui.fonts import apply_cjk_font
    from rongcuo_desktop.ui.shell.features import WindowFeatures
    from rongcuo_desktop.ui.shell.main_window import MainWindow
    from rongcuo_desktop.ui.tasks import TaskRunner
    from rongcuo_desktop.ui.theme import apply_theme
    from tests.ui.case_walk import PINS, Walk, people
    from tests.ui.conftest import workspace_of

    apply_cjk_font(app)
    apply_theme(app)

    def pump(seconds: float = 0.5) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.02)

    def wait_until(predicate: object) -> None:
        end = time.time() + 30
        while not predicate() and time.time() < end:  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.01)
        if not predicate():  # type: ignore[operator]
            raise TimeoutError("the window did not get there")

    def snap(name: str) -> None:
        pump(0.8)
        subprocess.run(
            ["import", "-window", "root", "-display", display, str(out / f"{name}-{tag}.png")], check=True
        )

    data = Path(tempfile.mkdtemp()) / "data"
    store = people(data, secrets.token_bytes(32))
    runner = TaskRunner()
    ini = QSettings(str(data / "ui.ini"), QSettings.Format.IniFormat)
    person = store.authenticate("李秘书", PINS["李秘书"])
    window = MainWindow(workspace_of(store), person, runner, ini, data, credential_store_usable=False)
    features = WindowFeatures(window.context)
    window.showMaximized()
    pump(2)
    case_window = Walk(features, store, wait_until).tolerance_case()
    screen = case_window.screen().availableGeometry()
    case_window.setGeometry(screen)  # no window manager on Xvfb: the window placed where one would
    for section in SECTIONS:
        case_window.show_section(section)  # type: ignore[attr-defined]
        snap(f"case-window-{section[: -len('Tab')]}")
    case_window.close()
    window.close()
    pump(1)
    runner.shutdown()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
