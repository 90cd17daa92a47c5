"""Where the reports' save dialogs open: the folder used last (remembered per user), else Documents."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

FOLDER_KEY = "reports/last_folder"


def start_folder(settings: QSettings) -> Path:
    """Where the save dialog opens: the folder used last, else the documents folder."""
    last = str(settings.value(FOLDER_KEY, "") or "")
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def with_suffix(chosen: Path, suffix: str) -> Path:
    return chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)
