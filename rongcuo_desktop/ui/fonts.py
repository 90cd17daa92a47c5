"""The shipped CJK font, registered at start.

Why: many committee PCs (and this build machine) have no CJK font at all; without one every
Chinese character renders as a tofu box. The shipped face (WenQuanYi Micro Hei) also has Latin,
digits, the ● password dots and the 〈〉“”—…①· punctuation, so even a PC with an empty fontconfig
shows no box. It becomes the fallback for the system's default family, so Latin text keeps the
system look and any character the system font lacks (often 〈〉) comes from the shipped face.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from rongcuo_desktop.paths import fonts_dir

log = logging.getLogger(__name__)

CJK_FONT_FILE = "wqy-microhei.ttc"
# Families a .ui file or a style sheet may name; all fall back to the shipped font.
_SUBSTITUTED = (
    "Sans Serif",
    "SimSun",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Droid Sans Fallback",
)


def register_cjk_font() -> str | None:
    """Load the shipped font into Qt's font database; return its family (None if unusable)."""
    path = fonts_dir() / CJK_FONT_FILE
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.error("could not load the shipped CJK font %s", path.name)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    # A .ttc registers every face it holds; the proportional one comes first in the collection.
    proportional = [name for name in families if "Mono" not in name]
    chosen = proportional or families
    return chosen[0] if chosen else None


def apply_cjk_font(app: QApplication, point_size: int = 10) -> str | None:
    """Register the font and make it the application's fallback family; return the family."""
    family = register_cjk_font()
    if family is None:
        return None
    base = QFont(app.font())
    system_family = base.family()
    families = [system_family, family] if system_family and system_family != family else [family]
    base.setFamilies(families)
    base.setPointSize(point_size)
    app.setFont(base)
    for name in (*_SUBSTITUTED, system_family):
        if name and name != family:
            QFont.insertSubstitution(name, family)
    log.info("CJK font registered: %s", family)
    return family
