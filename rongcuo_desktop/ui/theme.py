"""Style sheet and icons, from resources/ (reachable in a checkout, a wheel and a bundle)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from rongcuo_desktop.paths import icons_dir, themes_dir

log = logging.getLogger(__name__)

DEFAULT_THEME = "default"


def style_sheet(name: str = DEFAULT_THEME) -> str:
    path = themes_dir() / f"{name}.qss"
    try:
        sheet = path.read_text(encoding="utf-8")
    except OSError:
        log.warning("theme %s not found; using Qt's default look", name)
        return ""
    # Style sheets resolve url() against the working directory: point them at our icons instead.
    return sheet.replace("@icons/", icons_dir().as_posix() + "/")


def apply_theme(app: QApplication, name: str = DEFAULT_THEME) -> None:
    # Fusion looks the same on Windows, UOS and Kylin, so the style sheet behaves the same.
    app.setStyle("Fusion")
    app.setStyleSheet(style_sheet(name))


def icon(name: str) -> QIcon:
    """An icon from resources/icons/NAME.svg (an empty icon when missing, never a crash)."""
    path = icons_dir() / f"{name}.svg"
    if not path.is_file():
        log.warning("icon %s missing", name)
        return QIcon()
    return QIcon(str(path))


def app_icon() -> QIcon:
    return icon("app")
