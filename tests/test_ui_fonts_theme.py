"""The shipped CJK font is registered and used as fallback; the theme and icons load."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rongcuo_desktop.paths import icons_dir
from rongcuo_desktop.ui.fonts import apply_cjk_font
from rongcuo_desktop.ui.theme import app_icon, icon, style_sheet


def test_cjk_font_is_registered_and_has_the_glyphs(qtbot: QtBot) -> None:
    """Given a machine without CJK fonts, when the app font is set up, then the shipped family is in
    the application font and it has glyphs for the words the UI shows."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    family = apply_cjk_font(app)
    assert family and family in QFontDatabase.families()
    assert family in app.font().families()
    metrics = QFontMetrics(app.font())
    for char in "容错免责案件库谢某某〔〕":
        assert metrics.inFontUcs4(ord(char)), char


def test_theme_and_icons_load(qtbot: QtBot) -> None:
    assert "QTableView" in style_sheet()
    assert not app_icon().isNull()
    names = [p.stem for p in icons_dir().glob("*.svg")]
    assert {"app", "key", "demo", "quit", "search", "refresh"} <= set(names)
    for name in names:
        assert not icon(name).pixmap(24, 24).isNull(), name
