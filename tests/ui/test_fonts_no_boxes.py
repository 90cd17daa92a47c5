"""On a PC with no font at all (an empty fontconfig), the app draws every character it shows.

Given a fontconfig that names no font folder, when the app's font set-up runs, then the only
families Qt knows are the shipped ones and every character of the UI strings, rulebooks and demo
cases is drawn differently from the face's missing-glyph box (rendered and compared pixel by pixel
in a child process, since fontconfig is read once per process). And the real app under Xvfb shows
its first-start dialog with Chinese, Latin, digits and ● password dots (screenshot kept in
RONGCUO_SCREENSHOT_DIR when set, to look at).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.ui.test_fonts_coverage import shown, texts
from tests.ui.xvfb_app import app_under_xvfb, first_window, needs_tools, screenshot

PROBE = r"""
import json, sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QApplication
from rongcuo_desktop.ui.fonts import apply_cjk_font

app = QApplication(["probe"])
family = apply_cjk_font(app, 16)
font = app.font()

def draw(char):
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.drawText(4, 30, char)
    painter.end()
    return bytes(image.constBits())

box = draw("\ue000")  # a private-use code point no face has: what a missing glyph looks like
chars = json.loads(sys.stdin.read())
boxes = [c for c in chars if draw(c) == box]
print(json.dumps({"family": family, "families": QFontDatabase.families(), "boxes": boxes}))
"""


def empty_fontconfig(tmp_path: Path) -> dict[str, str]:
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def test_no_character_is_a_box_without_system_fonts(tmp_path: Path) -> None:
    env = {**empty_fontconfig(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    corpus = texts()
    chars = sorted(set().union(*(shown(corpus[k]) for k in ("UI strings (.ts)", "demo cases", "always"))))
    chars += sorted(shown(corpus["rulebooks"]) - set(chars))
    assert {"0", "A", "●", "〈", "〉"} <= set(chars)
    got = subprocess.run(
        [sys.executable, "-c", PROBE],
        input=json.dumps(chars),
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert got.returncode == 0, got.stderr[-2000:]
    result = json.loads(got.stdout.strip().splitlines()[-1])
    # Nothing but the shipped faces to fall back on: the check below is about the shipped font alone.
    generic = {"Sans Serif", "Serif", "Monospace"}  # fontconfig's aliases, no face behind them
    assert set(result["families"]) - generic == {"WenQuanYi Micro Hei", "WenQuanYi Micro Hei Mono"}, result
    assert result["family"] == "WenQuanYi Micro Hei"
    assert result["boxes"] == [], "".join(result["boxes"])


@needs_tools
@pytest.mark.xvfb
def test_real_setup_dialog_under_xvfb_without_system_fonts(tmp_path: Path) -> None:
    env = empty_fontconfig(tmp_path)
    for name in ("RONGCUO_PASSPHRASE_FILE", "DBUS_SESSION_BUS_ADDRESS"):
        env.pop(name, None)
    with app_under_xvfb(tmp_path / "fresh", "1024x768", env) as (app, env):
        window = first_window(env, "--class", "rongcuo-desktop")
        # Passphrase dots in both fields: the first field has focus when the dialog opens.
        for keys in (["type", "--window", window, "abc123ABC"], ["key", "--window", window, "Tab"]):
            subprocess.run(["xdotool", *keys], env=env, check=True, timeout=30)
        subprocess.run(["xdotool", "type", "--window", window, "abc123"], env=env, check=True, timeout=30)
        time.sleep(0.8)  # let the last paint reach the X server
        colours, variance = screenshot(env, tmp_path / "setup-no-fonts-1024x768.png")
        assert colours > 20 and variance > 50, (colours, variance)
        app.terminate()
        assert app.wait(20) == 0
