"""What the bundle leaves out, shared by the Linux and Windows specs (and checked by a fast test).

Goal: under 250 MB unpacked. PyInstaller's PySide6 hooks already collect only the Qt modules the app
imports; these excludes stop optional imports in dependencies from dragging in more, and the filters
drop Qt translations for languages the app does not ship (it is a Simplified Chinese app).
"""

from __future__ import annotations

EXCLUDES = [
    "tkinter",
    "_tkinter",
    "turtle",
    "idlelib",
    "lib2to3",
    "pydoc_data",
    "test",
    "unittest",
    "pytest",
    "hypothesis",
    "mypy",
    "ruff",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuick3D",
    "PySide6.Qt3DCore",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtTest",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSerialPort",
    "PySide6.QtSensors",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtSpatialAudio",
    "PySide6.QtTextToSpeech",
    "PySide6.QtHttpServer",
    # pyHanko imports aiohttp (time stamping, fetchers) but the app never goes on the network: aiohttp
    # and its helpers run on their pure-Python fallbacks, so their C accelerators stay out (~9 MB).
    "aiohttp._http_parser",
    "aiohttp._http_writer",
    "aiohttp._websocket.reader_c",
    "aiohttp._websocket.mask",
    "multidict._multidict",
    "propcache._helpers_c",
    "frozenlist._frozenlist",
    "yarl._quoting_c",
    # lxml: pyHanko's difference analysis uses lxml.etree only (~4 MB).
    "lxml.objectify",
    "lxml.html",
    "lxml.sax",
    "lxml.isoschematron",
    "lxml.builder",
    # Pillow comes with pyHanko and reportlab; no image is ever decoded as AVIF or WebP, and there is
    # no Tk: those plugins and their libraries (libavif, libwebp) stay out (~6 MB).
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
]

# Qt translations kept: Simplified Chinese (the UI language) and nothing else; the app's own .qm live
# in rongcuo_desktop/resources and are not touched by this filter.
_KEEP_TRANSLATION_SUFFIXES = ("_zh_CN.qm",)


def keep_data(dest: str) -> bool:
    """False for bundle data the app never loads (other languages' Qt translations)."""
    norm = dest.replace("\\", "/")
    if "/Qt/translations/" in norm or norm.startswith("PySide6/translations/"):
        return norm.endswith(_KEEP_TRANSLATION_SUFFIXES)
    return True


# Qt libraries that come in through plugins the app does not need (QML/Quick tooling, virtual keyboard).
_DROP_BINARY_PREFIXES = ("libQt6Quick", "libQt6Qml", "Qt6Quick", "Qt6Qml", "libQt6VirtualKeyboard")

# Linux system libraries left to the target (and listed in the .deb's Depends): they must match the
# system's own configuration/daemons (fontconfig, D-Bus), and the bullseye builds of these ask for
# glibc 2.29/2.30 symbols (libpng16: pow@2.29, libsqlite3: log@2.29, libsystemd: gettid@2.30), which
# check_glibc.py rejects. UOS V20 and Kylin V10 ship all of them.
SYSTEM_LIBRARIES = (
    "libdbus-1.so.3",
    "libsystemd.so.0",
    "libfontconfig.so.1",
    "libfreetype.so.6",
    "libpng16.so.16",
    "libexpat.so.1",
    "libsqlite3.so.0",
)

# Qt plugins for embedded/kiosk use, Wayland (UOS and Kylin desktops are X11; XWayland covers the
# rest), GTK theming (its libraries are not in the root) and network discovery/TLS (no network code).
_DROP_PLUGIN_DIRS = (
    "egldeviceintegrations",
    "generic",
    "networkinformation",
    "tls",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
)
_DROP_PLUGIN_FILES = (
    "libqgtk3.so",
    "libqeglfs.so",
    "libqlinuxfb.so",
    "libqminimalegl.so",
    "libqvkkhrdisplay.so",
    "libqvnc.so",
    "libqwayland-egl.so",
    "libqwayland-generic.so",
)
_DROP_LINUX_QT_LIBS = (
    "libQt6EglFSDeviceIntegration",
    "libQt6EglFsKmsSupport",
    "libQt6WaylandClient",
    "libQt6WaylandEglClientHwIntegration",
    "libQt6WlShellIntegration",
)


def keep_binary(dest: str) -> bool:
    norm = dest.replace("\\", "/")
    parts = norm.split("/")
    name = parts[-1]
    if name.startswith(_DROP_BINARY_PREFIXES + _DROP_LINUX_QT_LIBS) or name in SYSTEM_LIBRARIES:
        return False
    if "plugins" in parts:
        plugin_dir = parts[parts.index("plugins") + 1] if len(parts) > parts.index("plugins") + 2 else ""
        if plugin_dir in _DROP_PLUGIN_DIRS or name in _DROP_PLUGIN_FILES:
            return False
    return True
