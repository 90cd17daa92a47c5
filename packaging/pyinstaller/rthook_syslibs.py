"""PyInstaller runtime hook (Linux): name a missing system library before Qt loads its xcb plugin.

The bundle carries Qt but, like every Qt program, takes libxcb, libEGL/libGL, fontconfig/freetype
and D-Bus from the system. When one is missing, Qt aborts with a core dump and a hint that is easy to
miss; a committee clerk should instead read which package to install. We dlopen the bundled xcb plugin
ourselves: the loader's error names the first missing library. Said on stderr and, when a dialog tool
exists on the desktop (zenity, kdialog, xmessage, notify-send), in a dialog; and always in
~/.local/share/rongcuo-desktop/logs/startup-error.log (a menu launch has no visible stderr).
"""

from __future__ import annotations

import _ctypes
import os
import shutil
import subprocess
import sys
from pathlib import Path

# Library soname -> Debian/UOS/Kylin package that provides it (the ones the bundle leaves to the system).
PACKAGE_HINTS = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb.so.1": "libxcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def wants_xcb(environ: os._Environ[str] | dict[str, str]) -> bool:
    """Only the GUI on X11 loads the xcb plugin; the CLI and offscreen runs never do."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":", 1)[0] == "xcb"
    return bool(environ.get("DISPLAY"))


def missing_library(plugin: Path) -> str | None:
    """The loader's complaint about the xcb plugin, or None when it (and everything it needs) loads."""
    # _ctypes.dlopen, not ctypes.CDLL: PyInstaller's frozen ctypes replaces the loader's message
    # (which names the missing library) with a generic "Failed to load dynlib/dll".
    try:
        _ctypes.dlopen(str(plugin), os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as error:
        return str(error)
    return None


def message_for(error: str) -> str:
    # "libxcb-cursor.so.0: cannot open shared object file" (missing) or "/usr/lib/.../libEGL.so.1: file
    # too short" (broken): the library's own name comes first either way.
    soname = Path(error.split(":", 1)[0].strip()).name
    package = PACKAGE_HINTS.get(soname)
    hint = (
        f"请安装软件包 {package}（例如：sudo apt install {package}）。" if package else "请检查系统图形库。"
    )
    return f"无法启动图形界面：系统缺少库 {soname}。{hint}\n（详细信息：{error}）"


def _show_dialog(text: str) -> None:
    for tool, args in (
        ("zenity", ["--error", "--title=容错免责", f"--text={text}"]),
        ("kdialog", ["--title", "容错免责", "--error", text]),
        ("xmessage", ["-center", text]),
        ("notify-send", ["-u", "critical", "容错免责", text]),
    ):
        path = shutil.which(tool)
        if path:
            subprocess.run([path, *args], check=False, timeout=600)
            return


def _write_log(text: str) -> None:
    """Started from the menu, stderr goes nowhere: leave the message where support will look."""
    # Same folder as rongcuo_desktop.paths: RONGCUO_DATA_DIR, else the platformdirs data folder.
    override = os.environ.get("RONGCUO_DATA_DIR")
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "rongcuo-desktop"
    try:
        folder = (Path(override).expanduser() if override else base) / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "startup-error.log").open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    except OSError:
        pass


def _check() -> None:
    if Path(sys.executable).stem.lower() != "rongcuo-desktop" or not wants_xcb(os.environ):
        return
    base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    plugins = sorted(base.glob("PySide6/Qt/plugins/platforms/libqxcb.so"))
    if not plugins:
        return
    error = missing_library(plugins[0])
    if error is None:
        return
    text = message_for(error)
    print(text, file=sys.stderr, flush=True)
    _write_log(text)
    if os.environ.get("DISPLAY"):
        _show_dialog(text)
    sys.exit(3)


_check()
