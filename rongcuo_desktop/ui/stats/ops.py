"""The statistics view's named operations (ui/tasks.py): plain data in and out, no widget."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rongcuo_desktop.services import stats
from rongcuo_desktop.services.accounts import Credential
from rongcuo_desktop.services.stats import StatsView
from rongcuo_desktop.services.workspace import Workspace


def load_statistics(ws: Workspace, by: Credential) -> StatsView:
    """On the database thread: the counts over the cases `by` may read."""
    return stats.statistics(ws, by)


def write_workbook(view: StatsView, path: Path) -> Path:
    """On a slow thread (no database): the .xlsx file; the save dialog asked before replacing one."""
    from rongcuo_desktop.reports.stats_xlsx import write_workbook as write

    return write(view.stats, path, scope=view.scope, made_at=dt.datetime.now(), overwrite=True)
