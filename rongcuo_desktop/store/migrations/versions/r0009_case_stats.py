"""Statistics kept as the cases change, so the 统计 view reads a few thousand rows instead of grouping
100,000 cases on every open (a GROUP BY of five columns over the cases table took ~0.5 s; reading
the kept counts takes milliseconds).

- ``case_stats``: one row per (stage, conclusion, field, year of application, case type) with how
  many cases, how many of them have a decision date and their days from application to decision.
  Triggers on ``cases`` add a case to its group and take it out of the old one on every change of
  those columns (an empty conclusion stands for none, so the key has no NULL).
- ``case_stage_stays``: one row per case and stage it stayed in, with the days there (added up
  when the case came back to the stage). A trigger on ``case_stage_log`` (moves are only ever
  appended) gives the stage before each new move its days; the first move out of 申请 (受理 or 不予
  受理) gives 申请 its days from the application date, kept right when that date is edited.

Both live inside the encrypted file and hold the same figures the grouping queries of
store/stats.py give (a test compares them); a 委员's statistics still come from those queries,
narrowed to their cases.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLES = (
    "CREATE TABLE case_stats ("
    " stage VARCHAR(20) NOT NULL, conclusion VARCHAR(20) NOT NULL, work_field VARCHAR(64) NOT NULL,"
    " year INTEGER NOT NULL, case_type VARCHAR(20) NOT NULL,"
    " cases INTEGER NOT NULL, decided INTEGER NOT NULL, days REAL NOT NULL,"
    " CONSTRAINT pk_case_stats PRIMARY KEY (stage, conclusion, work_field, year, case_type)"
    ") WITHOUT ROWID",
    "CREATE TABLE case_stage_stays ("
    " stage VARCHAR(20) NOT NULL, case_id INTEGER NOT NULL, days REAL NOT NULL,"
    " CONSTRAINT pk_case_stage_stays PRIMARY KEY (stage, case_id)"
    ") WITHOUT ROWID",
    "CREATE INDEX ix_case_stage_stays_case_id ON case_stage_stays (case_id)",
)


def _group(row: str) -> str:
    """The group key and figures of one case (`row` is new or old) as SQL expressions."""
    return (
        f"{row}.stage, coalesce({row}.conclusion, ''), coalesce({row}.work_field, ''),"
        f" CAST(substr({row}.applied_on, 1, 4) AS INTEGER), {row}.case_type,"
        f" 1, {row}.decided_on IS NOT NULL,"
        f" coalesce(julianday({row}.decided_on) - julianday({row}.applied_on), 0)"
    )


_ADD = (
    "INSERT INTO case_stats (stage, conclusion, work_field, year, case_type, cases, decided, days)"
    f" VALUES ({_group('new')}) ON CONFLICT DO UPDATE SET cases = cases + 1,"
    " decided = decided + excluded.decided, days = days + excluded.days;"
)
_OLD_KEY = (
    "stage = old.stage AND conclusion = coalesce(old.conclusion, '')"
    " AND work_field = coalesce(old.work_field, '')"
    " AND year = CAST(substr(old.applied_on, 1, 4) AS INTEGER) AND case_type = old.case_type"
)
_TAKE = (
    "UPDATE case_stats SET cases = cases - 1, decided = decided - (old.decided_on IS NOT NULL),"
    " days = days - coalesce(julianday(old.decided_on) - julianday(old.applied_on), 0)"
    f" WHERE {_OLD_KEY};"
    f" DELETE FROM case_stats WHERE {_OLD_KEY} AND cases <= 0;"
)
# The move before the new one (the last logged for the case) has ended: its stage gets the days.
_STAY = (
    "INSERT INTO case_stage_stays (stage, case_id, days)"
    " SELECT stage, case_id, days FROM ("
    "  SELECT p.stage, p.case_id, coalesce(julianday(new.entered_on) - julianday(p.entered_on), 0) AS days"
    "  FROM case_stage_log p WHERE p.case_id = new.case_id AND p.id < new.id ORDER BY p.id DESC LIMIT 1"
    " ) WHERE true ON CONFLICT DO UPDATE SET days = days + excluded.days;"
)
# The first move, when it is the one out of 申请: 申请 lasted from the application to it.
_FIRST = "SELECT min(id) FROM case_stage_log WHERE case_id = {case}"
_APPLIED_STAY = (
    "INSERT INTO case_stage_stays (stage, case_id, days)"
    " SELECT 'applied', c.id, coalesce(julianday(new.entered_on) - julianday(c.applied_on), 0)"
    " FROM cases c WHERE c.id = new.case_id AND new.stage IN ('accepted', 'rejected')"
    f" AND new.id = ({_FIRST.format(case='new.case_id')})"
    " ON CONFLICT DO UPDATE SET days = days + excluded.days;"
)
_APPLIED_MOVED = (
    "UPDATE case_stage_stays"
    " SET days = days + coalesce(julianday(old.applied_on) - julianday(new.applied_on), 0)"
    " WHERE stage = 'applied' AND case_id = new.id AND EXISTS (SELECT 1 FROM case_stage_log f"
    f" WHERE f.id = ({_FIRST.format(case='new.id')}) AND f.stage IN ('accepted', 'rejected'));"
)

TRIGGERS = {
    "cases_stats_ai": f"AFTER INSERT ON cases BEGIN {_ADD} END",
    "cases_stats_au": (
        "AFTER UPDATE OF stage, conclusion, work_field, applied_on, case_type, decided_on ON cases"
        f" BEGIN {_TAKE} {_ADD} END"
    ),
    "cases_stats_ad": (
        f"AFTER DELETE ON cases BEGIN {_TAKE} DELETE FROM case_stage_stays WHERE case_id = old.id; END"
    ),
    "cases_stays_au": (
        "AFTER UPDATE OF applied_on ON cases WHEN old.applied_on IS NOT new.applied_on"
        f" BEGIN {_APPLIED_MOVED} END"
    ),
    "case_stage_log_stays_ai": f"AFTER INSERT ON case_stage_log BEGIN {_STAY} {_APPLIED_STAY} END",
}

# What is there already: the same figures the grouping queries of store/stats.py give.
_FILL_STATS = (
    "INSERT INTO case_stats (stage, conclusion, work_field, year, case_type, cases, decided, days)"
    " SELECT stage, coalesce(conclusion, ''), coalesce(work_field, ''),"
    " CAST(substr(applied_on, 1, 4) AS INTEGER), case_type, count(*), count(decided_on),"
    " total(julianday(decided_on) - julianday(applied_on))"
    " FROM cases GROUP BY 1, 2, 3, 4, 5"
)
_FILL_STAYS = (
    "INSERT INTO case_stage_stays (stage, case_id, days)"
    " WITH moves AS ("
    " SELECT l.case_id, l.stage, l.entered_on,"
    " lead(l.entered_on) OVER (PARTITION BY l.case_id ORDER BY l.id) AS left_on,"
    " row_number() OVER (PARTITION BY l.case_id ORDER BY l.id) AS n"
    " FROM case_stage_log l),"
    " stays AS ("
    " SELECT case_id, stage, julianday(left_on) - julianday(entered_on) AS days"
    " FROM moves WHERE left_on IS NOT NULL"
    " UNION ALL"
    " SELECT m.case_id, 'applied', julianday(m.entered_on) - julianday(c.applied_on)"
    " FROM moves m JOIN cases c ON c.id = m.case_id"
    " WHERE m.n = 1 AND m.stage IN ('accepted', 'rejected'))"
    " SELECT stage, case_id, total(days) FROM stays GROUP BY stage, case_id"
)


def upgrade() -> None:
    for statement in TABLES:
        op.execute(statement)
    op.execute(_FILL_STATS)
    op.execute(_FILL_STAYS)
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP INDEX IF EXISTS ix_case_stage_stays_case_id")
    op.execute("DROP TABLE IF EXISTS case_stage_stays")
    op.execute("DROP TABLE IF EXISTS case_stats")
