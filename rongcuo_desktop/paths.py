"""Where things are: shipped resources and the user's data folder.

One module knows the three ways the app runs (a checkout, a `pip install .`, a PyInstaller
bundle), so no other code guesses paths. Standard library and platformdirs only: every layer
may import it.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

import platformdirs

from rongcuo_desktop import APP_NAME

DATA_DIR_ENV = "RONGCUO_DATA_DIR"


@cache
def resources_dir() -> Path:
    """The folder holding fonts/, rulebooks/, themes/, icons/, translations/."""
    here = Path(__file__).resolve().parent
    candidates = []
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:  # PyInstaller one-folder bundle
        candidates.append(Path(bundle_root) / "rongcuo_desktop" / "resources")
        candidates.append(Path(bundle_root) / "resources")
    candidates.append(here / "resources")  # pip install . (package-dir mapping)
    candidates.append(here.parent / "resources")  # checkout / editable install
    for candidate in candidates:
        if (candidate / "rulebooks").is_dir():
            return candidate
    raise FileNotFoundError("找不到程序资源目录（resources）：安装可能不完整。")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def fonts_dir() -> Path:
    return resource("fonts")


def rulebooks_dir() -> Path:
    return resource("rulebooks")


def demo_cases_file() -> Path:
    """The demo cases (a case collection): domain.demo.demo_cases reads it."""
    return resource("demo", "cases.json")


def themes_dir() -> Path:
    return resource("themes")


def icons_dir() -> Path:
    return resource("icons")


def translations_dir() -> Path:
    """The app's compiled translations (rongcuo_desktop_<lang>.qm), committed beside their .ts."""
    return resource("translations")


def default_data_dir() -> Path:
    """The embedded default store lives here unless --data-dir or RONGCUO_DATA_DIR says otherwise."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


CONFIG_DIR_ENV = "RONGCUO_CONFIG_DIR"


def user_config_dir() -> Path:
    """The per-user config folder (outside the data folder: store/audit_anchors.py keeps the audit
    anchor's second copy there). RONGCUO_CONFIG_DIR points it elsewhere (tests, benchmarks)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None) -> Path:
    return Path(explicit).expanduser().resolve() if explicit else default_data_dir()


def log_dir(data_dir: Path) -> Path:
    return data_dir / "logs"
