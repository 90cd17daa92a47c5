"""A hearing on a real X server while the projector is plugged in, unplugged and plugged in again.

Run by tests/ui/test_hearing_screens.py in its own process (one QApplication per process, on the xcb
platform): the X server is one framebuffer with a RandR monitor for the console (1024x768); the
projector is a second monitor (1920x1080 to its right) defined and deleted through RandR, which Qt
reports as screenAdded / screenRemoved. Each step waits for the app to have moved the audience window
(an event loop turning until it has, with a deadline), then prints one JSON line of what it saw; the
test holds the verdict.

    DISPLAY=:N QT_QPA_PLATFORM=xcb python tests/ui/hearing_screens_driver.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

CONSOLE = "CONSOLE"
PROJECTOR = "PROJECTOR"
PROJECTOR_RECT = (1024, 0, 1920, 1080)


def main() -> int:
    os.environ.setdefault("RONGCUO_CONFIG_DIR", tempfile.mkdtemp(prefix="rongcuo-screens-"))
    from tests.ui.x_monitors import Monitors

    display = os.environ["DISPLAY"]
    monitors = Monitors(display)
    monitors.define(CONSOLE, 0, 0, 1024, 768, with_output=True)  # before Qt reads the screens

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication(["hearing-screens"])
    from rongcuo_desktop.domain.hearing import Section
    from rongcuo_desktop.ui.fonts import apply_cjk_font
    from rongcuo_desktop.ui.hearing.audience import Blank
    from rongcuo_desktop.ui.hearing.console import HearingConsole
    from rongcuo_desktop.ui.judgment.hub import JudgmentHub
    from rongcuo_desktop.ui.shell.main_window import MainWindow
    from rongcuo_desktop.ui.tasks import TaskRunner
    from rongcuo_desktop.ui.theme import apply_theme
    from tests.ui.conftest import workspace_of
    from tests.ui.judgment_scene import make_scene

    apply_cjk_font(app)
    apply_theme(app)
    shots = os.environ.get("RONGCUO_SCREENSHOT_DIR", "")

    def wait(ready: Callable[[], bool], what: str, seconds: float = 60.0) -> bool:
        """Turn the event loop until `ready()`; False (and a line saying so) at the deadline."""
        deadline = time.monotonic() + seconds
        while not ready():
            if time.monotonic() > deadline:
                print(json.dumps({"timeout": what}), flush=True)
                return False
            app.processEvents()
            time.sleep(0.01)
        for _ in range(5):
            app.processEvents()
        return True

    def names() -> list[str]:
        return sorted(s.name() for s in QGuiApplication.screens())

    data = Path(tempfile.mkdtemp(prefix="rongcuo-screens-data-")) / "data"
    scene = make_scene(data)
    scene.score_all(["张委员", "赵委员", "钱委员", "孙委员"])
    runner = TaskRunner()
    chair = scene.person("王主任")
    ini = QSettings(str(data / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace_of(scene.store), chair, runner, ini, data, credential_store_usable=False)
    window.show()
    clock = [0]
    console = HearingConsole(window.context, scene.case_id, JudgmentHub(), clock=lambda: clock[0])
    audience = console.audience
    shown: list[bool] = []
    console.view_shown.connect(lambda: shown.append(True))
    console.show()
    console.refresh()
    ok = wait(lambda: bool(shown) and names() == [CONSOLE], "the console and its view")

    def seen(step: str) -> None:
        handle = audience.windowHandle()
        rect = handle.geometry() if handle is not None else audience.geometry()
        section, page = audience.position()
        line = {
            "step": step,
            "screens": names(),
            "audience_screen": audience.screen().name(),
            "audience_visible": audience.isVisible(),
            "fullscreen": audience.isFullScreen(),
            "rect": [rect.x(), rect.y(), rect.width(), rect.height()],
            "widget_rect": list(audience.geometry().getRect()),
            "console_screen": console.screen().name(),
            "state": {
                "started": console.started,
                "section": section.value,
                "page": page,
                "blank": audience.blank.value,
                "cover": audience.cover.isVisible(),
                "timer_running": console.timer.running,
                "timer": console.time_label.text(),
                "audience_timer": audience.timer_label.text(),
                "submitted": console.view.submitted if console.view else None,
            },
            "pages": sum(1 for s in audience.slides if s.section is section),
            "console_position": console.position_label.text(),
            "screen_choices": [console.screen_combo.itemText(i) for i in range(console.screen_combo.count())],
        }
        print(json.dumps(line, ensure_ascii=False), flush=True)
        if shots:
            target = Path(shots) / f"screens-{step}.png"
            subprocess.run(["import", "-window", "root", "-display", display, str(target)], check=False)

    # The hearing under way on one screen: a section, a black screen, the statement timer running.
    console.start()
    console.go_to(Section.RULES, 1)
    console.toggle_blank(Blank.BLACK)
    console.timer.start()
    clock[0] += 65_000
    console.timer.tick()
    ok = wait(lambda: audience.isVisible() and not audience.isFullScreen(), "a window on one screen") and ok
    seen("one-screen")

    def on_projector() -> bool:
        return (
            PROJECTOR in names()
            and audience.isVisible()
            and audience.isFullScreen()
            and audience.screen().name() == PROJECTOR
        )

    monitors.define(PROJECTOR, *PROJECTOR_RECT)  # the projector's cable goes in
    ok = wait(on_projector, "full screen on the projector") and ok
    handle = audience.windowHandle()
    ok = (
        wait(
            lambda: handle is not None and handle.geometry().getRect() == PROJECTOR_RECT,
            "the projector's rect",
        )
        and ok
    )
    seen("plugged")

    monitors.delete(PROJECTOR)  # and comes out mid-hearing
    ok = (
        wait(
            lambda: (
                PROJECTOR not in names()
                and audience.isVisible()
                and not audience.isFullScreen()
                and audience.screen().name() == CONSOLE
            ),
            "a window on the console's screen",
        )
        and ok
    )
    seen("unplugged")

    console.toggle_blank(Blank.BLACK)  # the chair brings the slide back
    monitors.define(PROJECTOR, *PROJECTOR_RECT)  # plugged in again
    ok = wait(on_projector, "full screen on the projector again") and ok
    seen("plugged-again")

    console.close()
    window.close()
    runner.shutdown()
    scene.store.close()
    monitors.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
