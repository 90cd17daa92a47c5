"""Where the main window opens: its saved place when that fits a screen now attached, else a default.

Why: Qt's restoreGeometry moves a window that is off every screen, but a window saved on a
1366x768 laptop and opened on a 1024x768 projector came back at 592x512 in a corner (Qt shrinks
what does not fit to two thirds of the screen). A saved place that does not fit is dropped: the
window fills the screen as on a first start.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QRect
from PySide6.QtGui import QGuiApplication

_MAGIC = 0x1D9D0CB  # QWidget::saveGeometry's header
LARGE_SCREEN = (1440, 900)  # above this, the default window is 1280x800 and centred


def saved_rects(geometry: QByteArray) -> tuple[QRect, QRect] | None:
    """(frame, normal) rectangles held by a QWidget.saveGeometry() value; None if unreadable."""
    stream = QDataStream(geometry, QIODevice.OpenModeFlag.ReadOnly)
    if stream.readUInt32() != _MAGIC:
        return None
    major = stream.readUInt16()
    stream.readUInt16()  # minor version
    if major < 1:
        return None
    rects = []
    for _rect in range(2):
        left, top, right, bottom = (stream.readInt32() for _ in range(4))
        rects.append(QRect(left, top, right - left + 1, bottom - top + 1))
    if stream.status() != QDataStream.Status.Ok:
        return None
    frame, normal = rects
    return frame, normal


def fits(geometry: QByteArray, screens: Sequence[QRect]) -> bool:
    """The saved window (its client area: a window manager's frame may reach past the screen's
    edge by a few pixels) lies wholly on one of `screens` (their available geometries)."""
    rects = saved_rects(geometry)
    if rects is None:
        return False
    _frame, normal = rects
    return any(screen.contains(normal) for screen in screens)


def available_screens() -> list[QRect]:
    return [screen.availableGeometry() for screen in QGuiApplication.screens()]


def default_geometry() -> QRect:
    """Fill a 1024x768 projector or a 1366x768 laptop; 1280x800, centred, on larger screens."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return QRect(0, 0, 1024, 700)
    available = screen.availableGeometry()
    if available.width() <= LARGE_SCREEN[0] or available.height() <= LARGE_SCREEN[1]:
        return available
    rect = QRect(0, 0, 1280, 800)
    rect.moveCenter(available.center())
    return rect
