"""The statistics' counting in SQL: the cases grouped, and the known stays in each stage.

Over every case (the 秘书, the 主任) the figures are read as kept: ``case_stats`` and
``case_stage_stays`` are kept by triggers as cases and moves are written (migration 0009), so
100,000 cases are a few thousand rows to read (~10 ms) instead of a GROUP BY of five columns over
the cases table (~0.5 s, nearly all of it sorting) and a window over the stage log (~0.3 s).

Over the cases a 委员 may read (the guard's case filter: the committees they sit on and did not
recuse from) the two grouping queries below run, narrowed to those cases; they are also what the
kept figures must equal (tests/services/test_stats.py). Either way the view is drawn from the
grouped rows (domain/stats.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rongcuo_desktop.domain.case import CaseType, Conclusion, Stage
from rongcuo_desktop.domain.stats import CaseGroup, StageStay
from rongcuo_desktop.store.accounts import SessionFactory
from rongcuo_desktop.store.credential import Credential

if TYPE_CHECKING:
    from rongcuo_desktop.store.guard import AccessGuard

_STAGES = {s.value: s for s in Stage}
_CONCLUSIONS = {c.value: c for c in Conclusion}
_TYPES = {t.value: t for t in CaseType}

GROUPS_SQL = (
    "SELECT stage, conclusion, work_field, CAST(substr(applied_on, 1, 4) AS INTEGER), case_type,"
    " count(*), count(decided_on), total(julianday(decided_on) - julianday(applied_on))"
    " FROM cases{where} GROUP BY 1, 2, 3, 4, 5"
)
# Each move's stage with the day it was left (the next move's day); the stay in 申请 runs from the
# application to the first move when that move is the one out of 申请 (受理 or 不予受理).
STAYS_SQL = (
    "WITH moves AS ("
    " SELECT l.case_id, l.stage, l.entered_on,"
    " lead(l.entered_on) OVER (PARTITION BY l.case_id ORDER BY l.id) AS left_on,"
    " row_number() OVER (PARTITION BY l.case_id ORDER BY l.id) AS n"
    " FROM case_stage_log l{where}),"
    " stays AS ("
    " SELECT case_id, stage, julianday(left_on) - julianday(entered_on) AS days"
    " FROM moves WHERE left_on IS NOT NULL"
    " UNION ALL"
    " SELECT m.case_id, 'applied', julianday(m.entered_on) - julianday(c.applied_on)"
    " FROM moves m JOIN cases c ON c.id = m.case_id"
    " WHERE m.n = 1 AND m.stage IN ('accepted', 'rejected')),"
    " per_case AS (SELECT stage, case_id, total(days) AS days FROM stays GROUP BY stage, case_id)"
    " SELECT stage, count(*), total(days) FROM per_case GROUP BY stage"
)
# The same two results from the figures kept by triggers (every case; migration 0009).
KEPT_GROUPS_SQL = (
    "SELECT stage, conclusion, work_field, year, case_type, cases, decided, days"
    " FROM case_stats WHERE cases > 0"
)
KEPT_STAYS_SQL = "SELECT stage, count(*), total(days) FROM case_stage_stays GROUP BY stage"


class StatsRepository:
    def __init__(self, read_session: SessionFactory, guard: AccessGuard) -> None:
        self._read = read_session
        self._guard = guard
        # The last counts per case filter, with the database version they were counted at: opening
        # the view again, or a refresh when nothing changed, costs no scan of 100,000 cases.
        self._cache: dict[tuple[Any, ...], tuple[list[CaseGroup], list[StageStay]]] = {}

    def counts(self, *, by: Credential | None = None) -> tuple[list[CaseGroup], list[StageStay]]:
        """The grouped cases and the known stays, over the cases `by` may read."""
        only, params = self._guard.case_filter(by)
        with self._read() as session:
            conn = session.connection()
            dbapi: Any = conn.connection.dbapi_connection
            # total_changes counts every write on this (the only) connection, data_version every
            # commit by another one: together they say whether counts are still true (as the list's
            # order cache in store/repository.py).
            version = (dbapi.total_changes, conn.exec_driver_sql("PRAGMA data_version").scalar())
            key = (only, tuple(params), version)
            cached = self._cache.get(key)
            if cached is not None:
                return cached
            if only:
                groups_sql = GROUPS_SQL.format(where=f" WHERE {only}")
                stays_sql = STAYS_SQL.format(where=f" WHERE l.case_id IN (SELECT id FROM cases WHERE {only})")
            else:
                groups_sql, stays_sql = KEPT_GROUPS_SQL, KEPT_STAYS_SQL
            groups = [_group(row) for row in conn.exec_driver_sql(groups_sql, tuple(params)).all()]
            stays = [
                StageStay(_STAGES[str(row[0])], int(row[1]), float(row[2]))
                for row in conn.exec_driver_sql(stays_sql, tuple(params))
                if str(row[0]) in _STAGES
            ]
            self._cache = {k: v for k, v in self._cache.items() if k[2] == version}  # older ones are stale
            self._cache[key] = (groups, stays)
        return groups, stays


def _group(row: Any) -> CaseGroup:
    stage, conclusion, field, year, case_type, count, decided, days = row
    return CaseGroup(
        stage=_STAGES[stage],
        conclusion=_CONCLUSIONS.get(conclusion or ""),
        field=str(field or ""),
        year=int(year or 0),
        case_type=_TYPES[case_type],
        count=int(count),
        decided=int(decided),
        days_to_decision=float(days or 0.0),
    )
