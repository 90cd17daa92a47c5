"""The search of the case list, a page at a time: the first page of matches in the list's order, and
how many match, counted apart.

Why: a keystroke used to list every matching id in Python and intersect it with the whole order
(100,000 or 1,000,000 ids). A person looks at the first page; the rest waits until they scroll.
So the first page is found by the cheapest of two ways, and the count comes after the paint:

- a rare term (the trigram index gives at most ``FEW_MATCHES`` cases): the matching cases are
  sorted in SQL, and the count is exact at once;
- a common term, or a one- or two-character term (the trigram index cannot answer those): the
  list's order is walked (an index) for at most ``WALK_LIMIT`` cases, each tested with LIKE, and
  stops at the first page. A term that does not fill a page there reads every match instead.

``count_chunk`` counts the matches in one range of ids, so a count over 1,000,000 cases can stop
between ranges when the person has typed on (CaseRepository.count_matches).
Plain SQL on a raw cursor, like store/case_list.py.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rongcuo_desktop.store.case_list import SORT_COLUMNS, CaseFilter, CaseQuery, filter_sql

FTS_MIN_CHARS = 3  # the trigram tokenizer matches nothing shorter
FEW_MATCHES = 5_000  # at most this many trigram matches: sort them all in SQL
WALK_LIMIT = 5_000  # cases of the list's order tested with LIKE before reading every match
AMONG_LIMIT = 50_000  # filters leaving at most this many: their ordered ids (kept) are read by id
COUNT_CHUNK = 10_000  # ids per count statement: a stale count stops between them, within ~10 ms


def split_terms(text: str) -> tuple[list[str], list[str]]:
    """The search terms the trigram index answers, and the shorter ones LIKE answers."""
    terms = text.split()
    return [t for t in terms if len(t) >= FTS_MIN_CHARS], [t for t in terms if len(t) < FTS_MIN_CHARS]


def phrases(terms: Sequence[str]) -> str:
    """An FTS5 query: every term as a phrase (quotes doubled), all of them required."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def like_agrees(term: str) -> bool:
    """LIKE finds what the trigram index finds for this term: both fold only ASCII letters' case
    here, the index folds every letter's (É, Ａ), so a term with such a letter asks the index."""
    return all(ch.isascii() or ch.lower() == ch.upper() for ch in term)


def like_pattern(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def match_sql(
    terms: Sequence[str], query: CaseQuery, only: CaseFilter, id_range: tuple[int, int] | None = None
) -> tuple[str, list[Any]]:
    """SQL for the ids of the cases matching every term (a substring of any of the case's texts) and
    the query's filters (not the overdue one), in no order; `id_range`: only ids in it (inclusive).

    Terms of 3+ characters go to the trigram index (phrases, ANDed). Shorter ones scan the compact
    search strings with LIKE: all of them, or with filters on only those of the filtered cases (an
    index on ``cases`` finds them, each string is then read by its id)."""
    long_terms = [t for t in terms if len(t) >= FTS_MIN_CHARS]
    short_terms = [t for t in terms if len(t) < FTS_MIN_CHARS]
    narrowing, narrowing_params = filter_sql(query, only)
    ranged = id_range is not None
    if not short_terms:
        sql = "SELECT rowid AS id FROM case_search WHERE case_search MATCH ?"
        params: list[Any] = [phrases(long_terms)]
        if ranged:
            sql += " AND rowid BETWEEN ? AND ?"
            params += list(id_range or ())
        if narrowing:  # the filters on the outside: FTS5 would test them row by row
            sql = "SELECT id FROM cases WHERE " + " AND ".join(narrowing) + f" AND id IN ({sql})"
            params = narrowing_params + params
        return sql, params
    clauses = ["id BETWEEN ? AND ?"] if ranged else []
    params = list(id_range or ())
    if narrowing:
        clauses.append("id IN (SELECT id FROM cases WHERE " + " AND ".join(narrowing) + ")")
        params += narrowing_params
    clauses += ["hay LIKE ? ESCAPE '\\'"] * len(short_terms)
    params += [like_pattern(t) for t in short_terms]
    if long_terms:
        within = " AND rowid BETWEEN ? AND ?" if ranged else ""
        clauses.append(f"id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?{within})")
        params += [phrases(long_terms), *(id_range or ())]
    return "SELECT id FROM case_search_text WHERE " + " AND ".join(clauses), params


def search_head(
    cursor: Any, query: CaseQuery, limit: int, only: CaseFilter, candidates: int | None = None
) -> tuple[list[int], int | None]:
    """The first `limit` ids of a search in the list's order, and how many match when that came for
    free (None: count them with count_chunk). `candidates`: how many cases the filters leave, when
    known (at most WALK_LIMIT: their text is read once, and the count comes with the page)."""
    column = SORT_COLUMNS.get(query.sort_column)
    if column is None:
        raise ValueError(f"unknown sort column {query.sort_column!r}")
    direction = "DESC" if query.descending else "ASC"
    order = f"ORDER BY {column} {direction}, id {direction}"
    long_terms, short_terms = split_terms(query.text)
    if candidates is not None and candidates <= WALK_LIMIT:
        return _sorted_matches(cursor, query, limit, only, order)
    if long_terms and not all(like_agrees(t) for t in long_terms):
        return _sorted_matches(cursor, query, limit, only, order)
    if long_terms:
        few = cursor.execute(
            "SELECT count(*) FROM (SELECT 1 FROM case_search WHERE case_search MATCH ? LIMIT ?)",
            [phrases(long_terms), FEW_MATCHES + 1],
        ).fetchone()[0]
        if few <= FEW_MATCHES:
            return _sorted_matches(cursor, query, limit, only, order)
    # Walk the list's order and test each case's text: a common term fills the page at once.
    narrowing, params = filter_sql(query, only)
    where = (" WHERE " + " AND ".join(narrowing)) if narrowing else ""
    test = "(SELECT hay FROM case_search_text s WHERE s.id = c.id) LIKE ? ESCAPE '\\'"
    tests = " AND ".join([test] * (len(long_terms) + len(short_terms)))
    sql = (
        f"SELECT id FROM (SELECT id, {column} FROM cases{where} {order} LIMIT ?) AS c WHERE {tests}"
        f" {order} LIMIT ?"
    )
    patterns = [like_pattern(t) for t in (*long_terms, *short_terms)]
    first = [row[0] for row in cursor.execute(sql, [*params, WALK_LIMIT, *patterns, limit])]
    if len(first) >= limit:
        return first, None
    return _sorted_matches(cursor, query, limit, only, order)


def _sorted_matches(
    cursor: Any, query: CaseQuery, limit: int, only: CaseFilter, order: str
) -> tuple[list[int], int]:
    """Every match in the list's order (few of them, or a rare short term): the first page, and the
    count exact. The order's index is walked and each entry looked up among the matches (``+id``:
    not the other way round, which reads every matching row of ``cases`` to sort them)."""
    long_terms, short_terms = split_terms(query.text)
    # LIKE reads only the filtered cases' text; the trigram index is asked alone, the filters outside.
    inner = (query, only) if short_terms else (CaseQuery(text=query.text), ("", []))
    sql, params = match_sql([*long_terms, *short_terms], *inner)
    narrowing, narrowing_params = filter_sql(query, only)
    where = "".join(f"{clause} AND " for clause in narrowing)
    rows = cursor.execute(
        f"SELECT id FROM cases WHERE {where}+id IN ({sql}) {order}", narrowing_params + params
    )
    matched = [row[0] for row in rows]
    return matched[:limit], len(matched)


def matches_among(cursor: Any, text: str, ids: Sequence[int]) -> set[int] | None:
    """Which of `ids` (a few thousand at most: the cases the filters leave) match every term, read
    by id with LIKE; None when a term needs the trigram index (like_agrees)."""
    terms = text.split()
    if not all(like_agrees(t) for t in terms):
        return None
    tests = " AND ".join(["hay LIKE ? ESCAPE '\\'"] * len(terms))
    sql = f"SELECT id FROM case_search_text WHERE id IN (SELECT value FROM json_each(?)) AND {tests}"
    return {row[0] for row in cursor.execute(sql, [json.dumps(list(ids)), *map(like_pattern, terms)])}


def count_chunk(cursor: Any, query: CaseQuery, only: CaseFilter, id_range: tuple[int, int]) -> int:
    """How many cases with ids in `id_range` match the query's terms and filters."""
    sql, params = match_sql(query.text.split(), query, only, id_range)
    return int(cursor.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])
