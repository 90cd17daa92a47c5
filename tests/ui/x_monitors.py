"""Plug and unplug monitors on a real X server (Xvfb) through RandR 1.5, as a projector cable does.

Qt's xcb platform builds its QScreens from the server's RandR monitors and follows their changes
(QGuiApplication.screenAdded / screenRemoved), so a monitor defined or deleted here is, for the app,
a screen plugged in or unplugged. A monitor defined by a client lives as long as that client's
connection: keep the Monitors object open for the whole run.

Called through ctypes on libX11 and libXrandr (installed with the X server, see `make sysdeps`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
from types import TracebackType


class _MonitorInfo(ctypes.Structure):
    _fields_ = [  # XRRMonitorInfo (X11/extensions/Xrandr.h)
        ("name", ctypes.c_ulong),
        ("primary", ctypes.c_int),
        ("automatic", ctypes.c_int),
        ("noutput", ctypes.c_int),
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("mwidth", ctypes.c_int),
        ("mheight", ctypes.c_int),
        ("outputs", ctypes.POINTER(ctypes.c_ulong)),
    ]


class _ScreenResources(ctypes.Structure):
    _fields_ = [  # the leading fields of XRRScreenResources
        ("timestamp", ctypes.c_ulong),
        ("config_timestamp", ctypes.c_ulong),
        ("ncrtc", ctypes.c_int),
        ("crtcs", ctypes.c_void_p),
        ("noutput", ctypes.c_int),
        ("outputs", ctypes.POINTER(ctypes.c_ulong)),
    ]


def _library(name: str, soname: str) -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library(name) or soname)


def available() -> bool:
    try:
        _library("X11", "libX11.so.6")
        _library("Xrandr", "libXrandr.so.2")
    except OSError:
        return False
    return True


class Monitors:
    """A connection to `display` that defines and deletes RandR monitors."""

    def __init__(self, display: str) -> None:
        x11 = _library("X11", "libX11.so.6")
        xrandr = _library("Xrandr", "libXrandr.so.2")
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x11.XInternAtom.restype = ctypes.c_ulong
        x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        x11.XFree.argtypes = [ctypes.c_void_p]
        xrandr.XRRAllocateMonitor.restype = ctypes.POINTER(_MonitorInfo)
        xrandr.XRRAllocateMonitor.argtypes = [ctypes.c_void_p, ctypes.c_int]
        xrandr.XRRSetMonitor.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_MonitorInfo)]
        xrandr.XRRDeleteMonitor.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]
        xrandr.XRRGetScreenResourcesCurrent.restype = ctypes.POINTER(_ScreenResources)
        xrandr.XRRGetScreenResourcesCurrent.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        xrandr.XRRFreeScreenResources.argtypes = [ctypes.c_void_p]
        self._x11, self._xrandr = x11, xrandr
        self._display = x11.XOpenDisplay(display.encode())
        if not self._display:
            raise OSError(f"cannot open X display {display}")
        self._root = x11.XDefaultRootWindow(self._display)

    def _output(self) -> int:
        """The X screen's one output (Xvfb has one): a monitor holding it replaces its automatic one."""
        resources = self._xrandr.XRRGetScreenResourcesCurrent(self._display, self._root)
        try:
            return int(resources.contents.outputs[0])
        finally:
            self._xrandr.XRRFreeScreenResources(resources)

    def define(
        self, name: str, x: int, y: int, width: int, height: int, *, with_output: bool = False
    ) -> None:
        """A monitor `name` at x,y of width x height pixels (96 dpi in millimetres)."""
        info = self._xrandr.XRRAllocateMonitor(self._display, 1 if with_output else 0)
        try:
            monitor = info.contents
            monitor.name = self._x11.XInternAtom(self._display, name.encode(), 0)
            monitor.x, monitor.y, monitor.width, monitor.height = x, y, width, height
            monitor.mwidth, monitor.mheight = width * 254 // 960, height * 254 // 960
            if with_output:
                monitor.outputs[0] = self._output()
            self._xrandr.XRRSetMonitor(self._display, self._root, info)
            self._x11.XSync(self._display, 0)
        finally:
            self._x11.XFree(info)

    def delete(self, name: str) -> None:
        atom = self._x11.XInternAtom(self._display, name.encode(), 0)
        self._xrandr.XRRDeleteMonitor(self._display, self._root, atom)
        self._x11.XSync(self._display, 0)

    def close(self) -> None:
        if self._display:
            self._x11.XCloseDisplay(self._display)
            self._display = None

    def __enter__(self) -> Monitors:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
