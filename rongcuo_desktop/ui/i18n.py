"""The UI language: Simplified Chinese unless asked otherwise, with Qt's own strings to match.

The source strings are Chinese (the first language), so a Chinese UI needs no translator of the
app's own; it loads Qt's qtbase_zh_CN.qm so standard buttons and context menus read 确定/取消/复制.
English loads resources/translations/rongcuo_desktop_en.qm; Qt's own strings are English already.

The choice is `--lang` on the command line, else the environment variable RONGCUO_LANG, else
Chinese — never the system locale: committee PCs often run an English or mixed-locale Windows, and
this is a Chinese government tool. Loading a translator takes well under a millisecond.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from rongcuo_desktop.paths import translations_dir

log = logging.getLogger(__name__)

LANG_ENV = "RONGCUO_LANG"
CHINESE = "zh_CN"
ENGLISH = "en"
DEFAULT_LANGUAGE = CHINESE
LANGUAGES = (CHINESE, ENGLISH)
APP_CATALOG = "rongcuo_desktop"  # rongcuo_desktop_<lang>.qm

_ALIASES = {
    "zh": CHINESE,
    "zh_cn": CHINESE,
    "zh_hans": CHINESE,
    "zh_hans_cn": CHINESE,
    "cn": CHINESE,
    "en": ENGLISH,
    "en_us": ENGLISH,
    "en_gb": ENGLISH,
}
_LOCALES = {
    CHINESE: QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China),
    ENGLISH: QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}

# Installed translators must outlive this call (Qt keeps only a pointer to them).
_installed: list[QTranslator] = []


def normalize(code: str) -> str:
    """'zh', 'zh-CN', 'zh_CN' -> 'zh_CN'; 'en', 'en_US' -> 'en'. ValueError for anything else."""
    key = code.strip().replace("-", "_").lower()
    if key not in _ALIASES:
        raise ValueError(code)
    return _ALIASES[key]


def chosen_language(explicit: str | None) -> str:
    """--lang wins, then RONGCUO_LANG, then Chinese. A bad RONGCUO_LANG is logged, not fatal."""
    if explicit:
        return normalize(explicit)
    from_env = os.environ.get(LANG_ENV, "").strip()
    if from_env:
        try:
            return normalize(from_env)
        except ValueError:
            log.warning("%s=%r is not a language this app ships; using %s", LANG_ENV, from_env, CHINESE)
    return DEFAULT_LANGUAGE


def qt_translations_dir() -> Path | None:
    """Where Qt's own .qm files are: Qt's configured path (a wheel: PySide6/Qt/translations), else
    the places a PyInstaller bundle puts them."""
    candidates = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        root = Path(bundle_root)
        candidates += [root / "PySide6" / "Qt" / "translations", root / "translations"]
    for candidate in candidates:
        if (candidate / "qtbase_zh_CN.qm").is_file():
            return candidate
    return None


def remove_translators(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translators(app: QCoreApplication, language: str) -> list[str]:
    """Install the translators for `language` (replacing any installed before); returns the names
    of the catalogues loaded, for the log. A missing file leaves the Chinese source strings."""
    language = normalize(language)
    remove_translators(app)
    QLocale.setDefault(_LOCALES[language])
    wanted: list[tuple[str, Path | None]] = []
    if language == CHINESE:
        wanted.append(("qtbase_zh_CN", qt_translations_dir()))
    else:
        wanted.append((f"{APP_CATALOG}_{language}", _app_translations_dir()))
    loaded = []
    for name, folder in wanted:
        translator = QTranslator(app)
        if folder is not None and translator.load(name, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(name)
        else:
            log.warning("translation %s not found (in %s)", name, folder)
    return loaded


def _app_translations_dir() -> Path | None:
    try:
        return translations_dir()
    except FileNotFoundError:
        return None
