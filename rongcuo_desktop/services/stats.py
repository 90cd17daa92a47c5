"""The committee's statistics for the 统计 view, `rongcuo stats` and the .xlsx export: cases by stage,
conclusion, field, year and type, and the average days per stage (domain/stats.py counts).

Over the cases the person may read: a 委员 gets the statistics of the cases of the committees they
sit on (and did not recuse from), the 秘书 and the 主任 of all cases. Aggregates only: no names, no
文号, nothing of any one case.
"""

from __future__ import annotations

from dataclasses import dataclass

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.domain.stats import Statistics, tally
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.credential import Credential

__all__ = ["StatsView", "statistics"]


@dataclass(frozen=True)
class StatsView:
    stats: Statistics
    everything: bool  # over every case of the store (秘书, 主任), or over the person's own cases

    @property
    def scope(self) -> str:
        """Over which cases, in words (the view's heading, the workbook's first sheet)."""
        if self.everything:
            return f"全部案件，共 {self.stats.total:,} 件"
        return f"本人参与（未回避）的案件，共 {self.stats.total:,} 件"


def statistics(ws: Workspace, by: Credential) -> StatsView:
    """Count the cases `by` may read (PermissionDenied for a person who may read none)."""
    groups, stays = ws.store.stats.counts(by=by)
    return StatsView(tally(groups, stays), by.may(Action.CASE_READ_ALL))
