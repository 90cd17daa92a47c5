"""A projector plugged in, unplugged and plugged in again mid-hearing, on a real X server.

Given a hearing under way on one screen (a section's second page, a black screen, the statement
timer at 01:05 and running), when a projector appears (a RandR monitor defined on Xvfb: Qt reports
screenAdded), then the audience window goes full screen on it; when it is unplugged (screenRemoved),
the audience window comes back as a window on the console's screen, inside it; plugged in again, full
screen again. Throughout, the hearing's state stays: started, section, page, black screen, timer, the
ballots count, and the console says the page the projector shows.

The hearing runs in its own process (tests/ui/hearing_screens_driver.py: one QApplication per
process, on xcb); each step waits for the window to have moved and prints what it saw.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT
from tests.ui import x_monitors
from tests.ui.xvfb_app import needs_tools, start_xvfb

pytestmark = pytest.mark.xvfb
DRIVER = REPO_ROOT / "tests" / "ui" / "hearing_screens_driver.py"
CONSOLE_RECT = (0, 0, 1024, 768)
PROJECTOR_RECT = [1024, 0, 1920, 1080]


def inside(rect: list[int], outer: tuple[int, int, int, int]) -> bool:
    x, y, width, height = rect
    ox, oy, owidth, oheight = outer
    return ox <= x and oy <= y and x + width <= ox + owidth and y + height <= oy + oheight


@needs_tools
@pytest.mark.skipif(not x_monitors.available(), reason="libX11 and libXrandr come with the X server")
def test_plugging_and_unplugging_the_projector_keeps_the_hearing(tmp_path: Path) -> None:
    server, display = start_xvfb("2944x1080")  # one framebuffer: the console's 1024 + a 1920 projector
    env = dict(
        os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", RONGCUO_CONFIG_DIR=str(tmp_path / "config")
    )
    try:
        run = subprocess.run(
            [sys.executable, str(DRIVER)], env=env, capture_output=True, text=True, timeout=600, cwd=REPO_ROOT
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    lines: list[dict[str, Any]] = [
        json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")
    ]
    assert run.returncode == 0 and not [line for line in lines if "timeout" in line], (
        run.stdout,
        run.stderr[-3000:],
    )
    steps = {line["step"]: line for line in lines}
    assert list(steps) == ["one-screen", "plugged", "unplugged", "plugged-again"]

    one = steps["one-screen"]
    assert one["screens"] == ["CONSOLE"] and one["screen_choices"] == ["（只有一个屏幕：以窗口显示）"]
    assert one["audience_screen"] == "CONSOLE" and one["audience_visible"] and not one["fullscreen"]
    assert inside(one["rect"], CONSOLE_RECT)
    state = one["state"]
    assert state["started"] and (state["section"], state["page"]) == ("rules", 1)
    assert state["blank"] == "black" and state["cover"]
    assert state["timer_running"] and state["timer"] == "01:05" and state["audience_timer"] == "计时 01:05"
    assert state["submitted"] == 4

    plugged = steps["plugged"]
    assert plugged["screens"] == ["CONSOLE", "PROJECTOR"] and plugged["console_screen"] == "CONSOLE"
    assert plugged["audience_screen"] == "PROJECTOR" and plugged["fullscreen"]
    assert plugged["rect"] == PROJECTOR_RECT and plugged["screen_choices"] == ["PROJECTOR（1920×1080）"]
    assert plugged["state"] == state

    unplugged = steps["unplugged"]
    assert unplugged["screens"] == ["CONSOLE"] and unplugged["audience_screen"] == "CONSOLE"
    assert unplugged["audience_visible"] and not unplugged["fullscreen"]
    assert inside(unplugged["rect"], CONSOLE_RECT), unplugged["rect"]  # not left where the projector was
    assert unplugged["state"] == state

    again = steps["plugged-again"]
    assert again["audience_screen"] == "PROJECTOR" and again["fullscreen"] and again["rect"] == PROJECTOR_RECT
    assert again["state"] == {**state, "blank": "", "cover": False}  # the chair brought the slide back

    for line in lines:  # the console tells the presenter the page the room sees, at every size
        page = line["state"]["page"] + 1
        assert f"第 {page}/{line['pages']} 页" in line["console_position"], line
