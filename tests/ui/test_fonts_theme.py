"""The shipped CJK font is registered and used as fallback; the theme and icons load; a drop-down's
highlighted item can be read."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from rongcuo_desktop.paths import icons_dir
from rongcuo_desktop.ui.fonts import apply_cjk_font
from rongcuo_desktop.ui.theme import app_icon, apply_theme, icon, style_sheet


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


def relative_luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio (1 to 21; body text wants at least 4.5)."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_highlighted_item_of_a_drop_down_is_readable(qtbot: QtBot) -> None:
    """Given the theme, when a drop-down is open and an item is highlighted, then that item's text
    stands out from its highlight (it was dark red on dark text, unreadable: a first-hour find)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_cjk_font(app)
    apply_theme(app)
    try:
        combo = QComboBox()
        qtbot.addWidget(combo)
        combo.addItems(["全部阶段", "申请", "受理", "调查核实"])
        combo.show()
        combo.showPopup()
        view = combo.view()
        qtbot.waitUntil(view.isVisible)
        view.setCurrentIndex(combo.model().index(2, 0))
        rect = view.visualRect(combo.model().index(2, 0)).adjusted(3, 3, -3, -3)  # not the edges
        rect.setWidth(view.fontMetrics().horizontalAdvance("受理") + 16)  # the text, not the row's end
        image = view.viewport().grab(rect).toImage()
        pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
        counts: dict[int, int] = {}
        for colour in pixels:
            counts[colour.rgb()] = counts.get(colour.rgb(), 0) + 1
        background = QColor.fromRgb(max(counts, key=lambda rgb: counts[rgb]))
        # The strokes of the two characters, not a stray light pixel at an edge, stand out from it.
        readable = sum(1 for colour in pixels if contrast(background, colour) >= 4.5)
        assert background.red() > 100 and background.green() < 60, background.name()  # the highlight
        assert readable >= 40, (background.name(), readable)
        combo.hidePopup()
    finally:
        app.setStyleSheet("")
