"""The real `rongcuo-desktop` process under a real X server (Xvfb), on a store prepared here.

Given a store with the demo cases (no credential store: the passphrase is handed over in a file
named by RONGCUO_PASSPHRASE_FILE), when the app starts under Xvfb, then its main window appears
(found by xdotool), the case list fills, and a real X screenshot of the root window is not blank.
Screenshots are kept in RONGCUO_SCREENSHOT_DIR when set (to look at them).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.xvfb
APP = REPO_ROOT / ".venv" / "bin" / "rongcuo-desktop"
PASSPHRASE = "秋天的稻田里有七只白鹭"

needs_tools = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("Xvfb", "xdotool", "import")),
    reason="Xvfb, xdotool and ImageMagick's import are installed by `make sysdeps`",
)


def start_xvfb(size: str) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb picks a free display itself (-displayfd) and tells us which."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    assert number.isdigit(), "Xvfb did not report a display"
    return server, f":{number}"


@pytest.fixture
def prepared_store(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    data = tmp_path / "data"
    key = KeyManager(data, kdf_target_seconds=0.1).create(PASSPHRASE, require_passphrase_each_start=True)
    store = Store.create(data, key)
    store.add_demo_cases()
    store.close()
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    yield data, secret


def wait_for(predicate: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(predicate) and predicate():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def pixel_spread(path: Path) -> tuple[int, float]:
    """Distinct colours and luminance variance on a grid of samples (a blank screen has ~0)."""
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not an image"
    values, colours = [], set()
    for y in range(0, image.height(), 6):
        for x in range(0, image.width(), 6):
            rgb = image.pixel(x, y) & 0xFFFFFF
            colours.add(rgb)
            r, g, b = rgb >> 16, (rgb >> 8) & 0xFF, rgb & 0xFF
            values.append(0.299 * r + 0.587 * g + 0.114 * b)
    mean = sum(values) / len(values)
    return len(colours), sum((v - mean) ** 2 for v in values) / len(values)


@needs_tools
@pytest.mark.parametrize("size", ["1366x768", "1024x768"])
def test_real_app_shows_the_case_list_under_xvfb(
    prepared_store: tuple[Path, Path], tmp_path: Path, size: str
) -> None:
    data, secret = prepared_store
    ready = tmp_path / "ready"
    shot = tmp_path / f"screenshot-{size}.png"
    server, display = start_xvfb(size)
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "RONGCUO_PASSPHRASE_FILE": str(secret),
        "RONGCUO_READY_FILE": str(ready),
    }
    env.pop("RONGCUO_DATA_DIR", None)
    app = subprocess.Popen(
        [str(APP), "--data-dir", str(data)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        wait_for(lambda: ready.exists() or app.poll() is not None, 60, "the case list to fill")
        assert app.poll() is None, app.communicate()[0].decode(errors="replace")
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "^容错免责案件库$"],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert found.returncode == 0 and found.stdout.split(), found.stderr
        time.sleep(0.5)  # let the last paint reach the X server
        subprocess.run(["import", "-window", "root", str(shot)], env=env, check=True, timeout=60)
        colours, variance = pixel_spread(shot)
        assert colours > 20 and variance > 100, (colours, variance)
        keep = os.environ.get("RONGCUO_SCREENSHOT_DIR")
        if keep:
            shutil.copy(shot, Path(keep) / shot.name)
        # The log says the store opened and holds no case data in plain text.
        log_text = (data / "logs" / "rongcuo.log").read_text(encoding="utf-8")
        assert "store opened" in log_text and "谢某某" not in log_text
        # Closing the app (SIGTERM, as a logout does) writes the encrypted backup at close.
        app.send_signal(signal.SIGTERM)
        assert app.wait(30) == 0
        (backup,) = (data / "backups").glob("auto-*.rcbak")
        assert backup.stat().st_mode & 0o077 == 0 and "谢某某".encode() not in backup.read_bytes()
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
        server.terminate()
        server.wait(10)


@needs_tools
def test_real_app_first_start_shows_the_setup_dialog(tmp_path: Path) -> None:
    """Given an empty data folder, when the real app starts under Xvfb, then its setup dialog shows
    (found by window class, screenshot not blank), and ending the app then leaves no store behind."""
    data = tmp_path / "fresh"
    shot = tmp_path / "setup-1024x768.png"
    server, display = start_xvfb("1024x768")
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    for name in ("RONGCUO_DATA_DIR", "RONGCUO_PASSPHRASE_FILE", "DBUS_SESSION_BUS_ADDRESS"):
        env.pop(name, None)
    app = subprocess.Popen(
        [str(APP), "--data-dir", str(data)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--class", "rongcuo-desktop"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert found.returncode == 0 and found.stdout.split(), found.stderr
        time.sleep(0.8)
        subprocess.run(["import", "-window", "root", str(shot)], env=env, check=True, timeout=60)
        colours, variance = pixel_spread(shot)
        assert colours > 20 and variance > 50, (colours, variance)
        keep = os.environ.get("RONGCUO_SCREENSHOT_DIR")
        if keep:
            shutil.copy(shot, Path(keep) / shot.name)
        app.send_signal(signal.SIGTERM)
        assert app.wait(20) == 0
        assert not (data / "rongcuo.db").exists() and not (data / "rongcuo-key.json").exists()
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        server.terminate()
        server.wait(10)
