"""Logging to a rotating file in the data folder.

Log lines carry ids, counts and timings, never names, facts or other personal case data:
the log file is not encrypted.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from rongcuo_desktop.paths import log_dir

LOG_FILE_NAME = "rongcuo.log"
_configured_for: Path | None = None


class _QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The log is best effort: a full disk or a vanished folder must not print a traceback to the
    user ("--- Logging error ---" from logging's default), nor stop what is being done."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def configure_logging(data_dir: Path, level: int = logging.INFO) -> Path | None:
    """Send the package's log records to data_dir/logs/rongcuo.log (5 files of 1 MB).

    Returns the log file path, or None when the folder cannot be written (the app still runs).
    """
    global _configured_for
    folder = log_dir(data_dir)
    path = folder / LOG_FILE_NAME
    if _configured_for == path:
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = _QuietRotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("rongcuo_desktop")
    for old in list(root.handlers):
        if isinstance(old, logging.handlers.RotatingFileHandler):
            root.removeHandler(old)
            old.close()
    root.addHandler(handler)
    root.setLevel(level)
    _configured_for = path
    return path
