"""The real `rongcuo-desktop` process under a real X server (Xvfb), on a store prepared here.

Given a store with the demo cases (no credential store: the passphrase is handed over in a file
named by RONGCUO_PASSPHRASE_FILE), when the app starts under Xvfb, then its main window appears
(found by xdotool), the case list fills, and a real X screenshot of the root window is not blank.
Screenshots are kept in RONGCUO_SCREENSHOT_DIR when set (to look at them).
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from tests.ui.xvfb_app import app_under_xvfb, demo_store, first_window, needs_tools, screenshot, wait_for

pytestmark = pytest.mark.xvfb


@needs_tools
@pytest.mark.parametrize("size", ["1366x768", "1024x768"])
def test_real_app_shows_the_case_list_under_xvfb(tmp_path: Path, size: str) -> None:
    data, secret = demo_store(tmp_path)
    ready = tmp_path / "ready"
    env = {**os.environ, "RONGCUO_PASSPHRASE_FILE": str(secret), "RONGCUO_READY_FILE": str(ready)}
    with app_under_xvfb(data, size, env) as (app, env):
        wait_for(lambda: ready.exists() or app.poll() is not None, 60, "the case list to fill")
        assert app.poll() is None, app.communicate()[0].decode(errors="replace")
        first_window(env, "--name", "^容错免责案件库$", timeout=30)
        time.sleep(0.5)  # let the last paint reach the X server
        colours, variance = screenshot(env, tmp_path / f"screenshot-{size}.png")
        assert colours > 20 and variance > 100, (colours, variance)
        # The log says the store opened and holds no case data in plain text.
        log_text = (data / "logs" / "rongcuo.log").read_text(encoding="utf-8")
        assert "store opened" in log_text and "谢某某" not in log_text
        # Closing the app (SIGTERM, as a logout does) writes the encrypted backup at close.
        app.send_signal(signal.SIGTERM)
        assert app.wait(30) == 0
        (backup,) = (data / "backups").glob("auto-*.rcbak")
        assert backup.stat().st_mode & 0o077 == 0 and "谢某某".encode() not in backup.read_bytes()


@needs_tools
def test_real_app_first_start_shows_the_setup_dialog(tmp_path: Path) -> None:
    """Given an empty data folder, when the real app starts under Xvfb, then its setup dialog shows
    (found by window class, screenshot not blank), and ending the app then leaves no store behind."""
    data = tmp_path / "fresh"
    env = dict(os.environ)
    for name in ("RONGCUO_PASSPHRASE_FILE", "DBUS_SESSION_BUS_ADDRESS"):
        env.pop(name, None)
    with app_under_xvfb(data, "1024x768", env) as (app, env):
        first_window(env, "--class", "rongcuo-desktop")
        time.sleep(0.8)
        colours, variance = screenshot(env, tmp_path / "setup-1024x768.png")
        assert colours > 20 and variance > 50, (colours, variance)
        app.send_signal(signal.SIGTERM)
        assert app.wait(20) == 0
        assert not (data / "rongcuo.db").exists() and not (data / "rongcuo-key.json").exists()
