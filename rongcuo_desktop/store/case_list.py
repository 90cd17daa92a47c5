"""The case list's plain parts: its query, its rows and the SQL of its first page.

Kept apart from repository.py, which needs SQLAlchemy (~0.2 s to import), so the main window and
the start-up's first look at the store (first_look.py) can use them without it. Both the
repository and the first look run this SQL on a raw SQLCipher cursor, so the list painted at
start is the same list the repository gives later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rongcuo_desktop.domain.case import Conclusion, Stage

# CaseQuery.sort_column -> the indexed column that orders it.
SORT_COLUMNS: dict[str, str] = {
    "doc_no": "doc_no_key",
    "party_name": "party_name",
    "party_unit": "party_unit",
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


@dataclass(frozen=True)
class CaseQuery:
    text: str = ""  # matches 文号, 当事人 name, 单位 (substring)
    stage: Stage | None = None
    sort_column: str = "applied_on"  # one of SORT_COLUMNS
    descending: bool = True


def order_sql(
    column: str, descending: bool, stage: Stage | None, only: CaseFilter
) -> tuple[str, str, list[Any]]:
    """The ordered ids of the case list (the whole order and its first page alike): the SELECT,
    its WHERE clause alone (for a count) and their parameters."""
    clauses = [only[0]] if only[0] else []
    params: list[Any] = list(only[1])
    if stage is not None:
        clauses.append("stage = ?")
        params.append(stage.value)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    direction = "DESC" if descending else "ASC"
    return f"SELECT id FROM cases{where} ORDER BY {column} {direction}, id {direction}", where, params


def has_head(query: CaseQuery) -> bool:
    """The first page of `query` can be read without the whole order (no search terms)."""
    return not query.text.split() and query.sort_column in SORT_COLUMNS


def read_head(cursor: Any, query: CaseQuery, limit: int, only: CaseFilter) -> tuple[list[int], int]:
    """The first `limit` ids in the list's order and how many there are (LIMIT and count(*): ~1 ms,
    where the whole order of 100,000 ids takes ~25 ms). Only for a query where has_head() is true."""
    sql, where, params = order_sql(SORT_COLUMNS[query.sort_column], query.descending, query.stage, only)
    first = [row[0] for row in cursor.execute(f"{sql} LIMIT ?", [*params, limit])]
    total = cursor.execute(f"SELECT count(*) FROM cases{where}", params).fetchone()[0]
    return first, int(total)


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
