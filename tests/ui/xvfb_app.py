"""The real `rongcuo-desktop` process under a real X server (Xvfb): what the Xvfb tests share.

Start the server and the app, find a window with xdotool, take an X screenshot and tell a blank
one from a painted one; the app and the server are ended however the test ends.
"""

from __future__ import annotations

import contextlib
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


def demo_store(folder: Path) -> tuple[Path, Path]:
    """A store with the demo cases in folder/data, its passphrase in folder/passphrase.txt (handed
    to the app by RONGCUO_PASSPHRASE_FILE: no credential store)."""
    data = folder / "data"
    key = KeyManager(data, kdf_target_seconds=0.1).create(PASSPHRASE, require_passphrase_each_start=True)
    store = Store.create(data, key)
    store.add_demo_cases()
    store.close()
    secret = folder / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return data, secret


@contextlib.contextmanager
def app_under_xvfb(
    data: Path, size: str, env: dict[str, str], *, output: int = subprocess.PIPE
) -> Iterator[tuple[subprocess.Popen[bytes], dict[str, str]]]:
    """The app on data under a new Xvfb of `size`, with env (RONGCUO_DATA_DIR dropped: --data-dir
    names it); yields the process and the environment that reaches its display. On the way out a
    running app gets SIGTERM (then SIGKILL after 10 s) and the server is stopped."""
    server, display = start_xvfb(size)
    env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("RONGCUO_DATA_DIR", None)
    app: subprocess.Popen[bytes] | None = None
    try:  # the server is stopped even when the app cannot be started at all
        app = subprocess.Popen(
            [str(APP), "--data-dir", str(data)], env=env, stdout=output, stderr=subprocess.STDOUT
        )
        yield app, env
    finally:
        if app is not None and app.poll() is None:
            app.send_signal(signal.SIGTERM)
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
        server.terminate()
        server.wait(10)


def first_window(env: dict[str, str], *query: str, timeout: float = 60) -> str:
    """The id of the first visible window xdotool finds for query (e.g. "--name", "^容错免责案件库$")."""
    found = subprocess.run(
        ["xdotool", "search", "--sync", "--onlyvisible", *query],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert found.returncode == 0 and found.stdout.split(), found.stderr
    return found.stdout.split()[0]


def screenshot(env: dict[str, str], shot: Path) -> tuple[int, float]:
    """The X root window saved to shot (kept in RONGCUO_SCREENSHOT_DIR when set, to look at), and
    its pixel spread."""
    subprocess.run(["import", "-window", "root", str(shot)], env=env, check=True, timeout=60)
    keep = os.environ.get("RONGCUO_SCREENSHOT_DIR")
    if keep:
        shutil.copy(shot, Path(keep) / shot.name)
    return pixel_spread(shot)


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
