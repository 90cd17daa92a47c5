"""The case list's plain parts: its query, its rows and the SQL of its first page.

Kept apart from repository.py, which needs SQLAlchemy (~0.2 s to import), so the main window and
the start-up's first look at the store (first_look.py) can use them without it. Both the
repository and the first look run this SQL on a raw SQLCipher cursor, so the list painted at
start is the same list the repository gives later.
"""

from __future__ import annotations

import datetime as dt
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rongcuo_desktop.domain.case import CaseType, Conclusion, Stage
from rongcuo_desktop.store.errors import StoreError

# CaseQuery.sort_column -> the indexed column that orders it.
SORT_COLUMNS: dict[str, str] = {
    "doc_no": "doc_no_key",
    "party_name": "party_name_key",  # pinyin, surnames read as surnames (store/sort_keys.py)
    "party_unit": "party_unit_key",
    "work_field": "work_field",
    "stage": "stage_rank",
    "applied_on": "applied_on",
    "conclusion": "conclusion",
}
ROW_COLUMNS = "id, doc_no, party_name, party_unit, work_field, stage, applied_on, conclusion"
ROWS_CHUNK = 500
# Code -> member lookups (faster than Enum(value) on 100,000 rows, and plain for mypy).
STAGES: dict[str, Stage] = {member.value: member for member in Stage}
CONCLUSIONS: dict[str, Conclusion] = {member.value: member for member in Conclusion}

# An extra SQL condition on cases.id and its parameters (AccessGuard.case_filter); ("", []) for all.
CaseFilter = tuple[str, list[Any]]
EVERY_CASE: CaseFilter = ("", [])


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list; the narrow columns only."""

    id: int
    doc_no: str
    party_name: str
    party_unit: str
    work_field: str
    stage: Stage
    applied_on: dt.date
    conclusion: Conclusion | None


UNDECIDED = "undecided"  # CaseQuery.conclusion: no conclusion yet


@dataclass(frozen=True)
class CaseQuery:
    """What the list shows: search terms (all must match, each a substring of 文号, 当事人, 单位,
    问责事项, 事实 or 申请情形) and filters that combine (all must hold), in one order."""

    text: str = ""
    stage: Stage | None = None
    sort_column: str = "applied_on"  # one of SORT_COLUMNS
    descending: bool = True
    case_type: CaseType | None = None
    work_field: str | None = None  # 领域, exactly
    conclusion: str | None = None  # a Conclusion code, or UNDECIDED
    year: int | None = None  # of the application date (申请日期)
    overdue: bool = False  # only cases with a follow-up visit or a step overdue (services.cases)

    @property
    def filtered(self) -> bool:
        """Any filter besides the search text."""
        return bool(
            self.stage or self.case_type or self.work_field or self.conclusion or self.year or self.overdue
        )


def filter_sql(query: CaseQuery, only: CaseFilter) -> tuple[list[str], list[Any]]:
    """The WHERE conditions on ``cases`` of the query's filters (all but the text and overdue) and the
    person's narrowing, and their parameters. Each condition has an index: stage, case_type (a scan of
    the narrow table at worst), work_field, conclusion, applied_on for the year."""
    clauses = [only[0]] if only[0] else []
    params: list[Any] = list(only[1])
    if query.stage is not None:
        clauses.append("stage = ?")
        params.append(query.stage.value)
    if query.case_type is not None:
        clauses.append("case_type = ?")
        params.append(query.case_type.value)
    if query.work_field:
        clauses.append("work_field = ?")
        params.append(query.work_field)
    if query.conclusion == UNDECIDED:
        clauses.append("conclusion IS NULL")
    elif query.conclusion:
        clauses.append("conclusion = ?")
        params.append(query.conclusion)
    if query.year:
        clauses.append("applied_on >= ? AND applied_on < ?")
        params += [f"{query.year:04d}-01-01", f"{query.year + 1:04d}-01-01"]
    return clauses, params


def kept_count_sql(query: CaseQuery, only: CaseFilter) -> tuple[str, list[Any]] | None:
    """How many cases the query's filters leave, read from ``case_stats`` (kept by triggers as cases
    are written, migration 0009: a few thousand rows) instead of counting 1,000,000 index entries
    (~0.1 s). None where it cannot say: a person's narrowing (a 委员's cases), search terms, the
    overdue filter. Its groups have the list's filters as columns: the stage, the conclusion (''
    for none), the 领域, the year of application and the type."""
    if only[0] or query.text.split() or query.overdue:
        return None
    clauses: list[str] = []
    params: list[Any] = []
    for column, value in (
        ("stage", query.stage.value if query.stage is not None else None),
        ("case_type", query.case_type.value if query.case_type is not None else None),
        ("work_field", query.work_field or None),
        ("conclusion", "" if query.conclusion == UNDECIDED else query.conclusion or None),
        ("year", query.year or None),
    ):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return f"SELECT coalesce(sum(cases), 0) FROM case_stats{where}", params


def order_sql(query: CaseQuery, only: CaseFilter) -> tuple[str, str, list[Any]]:
    """The ordered ids of the case list (the whole order and its first page alike): the SELECT,
    its WHERE clause alone (for a count) and their parameters."""
    column = SORT_COLUMNS.get(query.sort_column)
    if column is None:
        raise ValueError(f"unknown sort column {query.sort_column!r}")
    clauses, params = filter_sql(query, only)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    direction = "DESC" if query.descending else "ASC"
    return f"SELECT id FROM cases{where} ORDER BY {column} {direction}, id {direction}", where, params


def has_head(query: CaseQuery) -> bool:
    """The first page of `query` can be read without the whole order (no search terms, no overdue)."""
    return not query.text.split() and not query.overdue and query.sort_column in SORT_COLUMNS


def read_head(cursor: Any, query: CaseQuery, limit: int, only: CaseFilter) -> tuple[list[int], int]:
    """The first `limit` ids in the list's order and how many there are (LIMIT and the kept count:
    ~1 ms, where the whole order of 100,000 ids takes ~25 ms). Only where has_head() is true."""
    listed = read_count(cursor, query, only)
    total = read_count(cursor, CaseQuery(), only) if query.filtered else listed
    return head_ids(cursor, query, only, limit, listed, total), listed


def head_ids(
    cursor: Any, query: CaseQuery, only: CaseFilter, limit: int, listed: int, total: int
) -> list[int]:
    """The first `limit` ids of a query without search terms, `listed` of `total` cases passing its
    filters (head_sql)."""
    sql, params = head_sql(cursor, query, only, limit, listed, total)
    return [row[0] for row in cursor.execute(sql, params)]


def head_sql(
    cursor: Any, query: CaseQuery, only: CaseFilter, limit: int, listed: int, total: int
) -> tuple[str, list[Any]]:
    """The SELECT of the first `limit` ids of a query without search terms, and its parameters.

    Why not always order_sql with LIMIT: where no index holds both a filter and the order (领域 or
    结论, then sorted by 当事人), SQLite reads the filter's cases by the filter's index and sorts
    every one of them before the first row: 125,000 cases, ~0.6 s at 1,000,000. When the filters
    leave many cases (listed² ≥ limit × total), walking the order's own index and testing each case
    stops after about limit × total / listed of them instead (~13 ms); so that walk is asked for,
    but only where SQLite's own plan would sort (an index serving both, like (stage, applied_on),
    stays)."""
    sql, _where, params = order_sql(query, only)
    head, params = f"{sql} LIMIT ?", [*params, limit]
    if query.filtered and listed * listed >= limit * total and _sorts_first(cursor, head, params):
        walked = f"cases INDEXED BY ix_cases_{SORT_COLUMNS[query.sort_column]}_id"
        head = head.replace("FROM cases", f"FROM {walked}", 1)
    return head, params


_SORTS_FIRST: dict[str, bool] = {}  # SQL -> SQLite's plan sorts (the schema's indexes decide it)


def _sorts_first(cursor: Any, sql: str, params: Sequence[Any]) -> bool:
    """Whether SQLite's plan for `sql` sorts the rows (a temporary B-tree) before the first one.
    Asked once per statement: the plan follows from the indexes, not from the parameters."""
    known = _SORTS_FIRST.get(sql)
    if known is None:
        plan = cursor.execute(f"EXPLAIN QUERY PLAN {sql}", list(params)).fetchall()
        known = _SORTS_FIRST[sql] = any("TEMP B-TREE" in str(step[-1]) for step in plan)
    return known


def read_count(cursor: Any, query: CaseQuery, only: CaseFilter) -> int:
    """How many cases a query without search terms lists: kept (kept_count_sql) or counted."""
    kept = kept_count_sql(query, only)
    if kept is not None:
        return int(cursor.execute(*kept).fetchone()[0])
    _sql, where, params = order_sql(query, only)
    return int(cursor.execute(f"SELECT count(*) FROM cases{where}", params).fetchone()[0])


def read_order(cursor: Any, sql: str, params: Sequence[Any]) -> array[int]:
    """The ids `sql` selects (one column, in its order) as a compact array: 8 bytes an id where a
    list holds a 36-byte int object and its pointer (1,000,000 ids: 8 MB, not 36 MB).

    SQLite joins them into one hex string in a single step (group_concat over the ordered subquery:
    an aggregate's subquery is never flattened, so its ORDER BY holds), while the interpreter's
    lock is released; row by row, the worker held that lock for most of ~0.5 s at 1,000,000 cases
    and the window stuttered meanwhile."""
    joined = f"SELECT group_concat(printf('%016x', id), '') FROM ({sql})"
    text = cursor.execute(joined, list(params)).fetchone()[0]
    ids = array("q", bytes.fromhex(text or ""))
    if sys.byteorder == "little":
        ids.byteswap()  # the hex is big-endian
    return ids


def read_rows(cursor: Any, ids: Sequence[int], only: CaseFilter) -> dict[int, CaseRow]:
    """The list rows of `ids`, keyed by id (ids not found, or not allowed by `only`, are absent)."""
    wanted = list(dict.fromkeys(ids))
    narrow = f" AND {only[0]}" if only[0] else ""
    found: dict[int, CaseRow] = {}
    for start in range(0, len(wanted), ROWS_CHUNK):
        chunk = wanted[start : start + ROWS_CHUNK]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT {ROW_COLUMNS} FROM cases WHERE id IN ({marks}){narrow}"
        for row in cursor.execute(sql, [*chunk, *only[1]]):
            found[row[0]] = CaseRow(
                id=row[0],
                doc_no=row[1],
                party_name=row[2],
                party_unit=row[3],
                work_field=row[4],
                stage=STAGES[row[5]],
                applied_on=dt.date.fromisoformat(row[6]),
                conclusion=CONCLUSIONS[row[7]] if row[7] else None,
            )
    return found


class InvalidFilterName(StoreError):
    """A saved filter's name is empty, too long or has characters that are not text."""


@dataclass(frozen=True)
class SavedFilter:
    """A person's named filter of the list (store/saved_filters.py)."""

    name: str
    query: CaseQuery


def query_to_dict(query: CaseQuery) -> dict[str, Any]:
    """A query as plain JSON values (a saved filter)."""
    return {
        "text": query.text,
        "stage": query.stage.value if query.stage else None,
        "sort_column": query.sort_column,
        "descending": query.descending,
        "case_type": query.case_type.value if query.case_type else None,
        "work_field": query.work_field,
        "conclusion": query.conclusion,
        "year": query.year,
        "overdue": query.overdue,
    }


def query_from_dict(data: Any) -> CaseQuery:
    """A saved filter back as a query; a value this version does not know is left out, never fatal."""
    if not isinstance(data, dict):
        return CaseQuery()

    def text(name: str) -> str | None:
        value = data.get(name)
        return value if isinstance(value, str) and value else None

    case_types = {member.value: member for member in CaseType}
    conclusion = text("conclusion")
    year = data.get("year")
    sort_column = text("sort_column") or "applied_on"
    return CaseQuery(
        text=text("text") or "",
        stage=STAGES.get(text("stage") or ""),
        sort_column=sort_column if sort_column in SORT_COLUMNS else "applied_on",
        descending=data.get("descending") is not False,
        case_type=case_types.get(text("case_type") or ""),
        work_field=text("work_field"),
        conclusion=conclusion if conclusion in CONCLUSIONS or conclusion == UNDECIDED else None,
        year=year if isinstance(year, int) and not isinstance(year, bool) and 1900 < year < 3000 else None,
        overdue=data.get("overdue") is True,
    )
