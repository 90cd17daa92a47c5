"""The search of the case list, a page at a time: the first page of matches in the list's order, and
how many match, counted apart.

Why: a keystroke used to list every matching id in Python and intersect it with the whole order
(100,000 or 1,000,000 ids). A person looks at the first page; the rest waits until they scroll.
So the first page is found by the cheapest of two ways, and the count comes after the paint:

- a rare term (the trigram index gives at most ``FEW_MATCHES`` cases): the matching cases are
  sorted in SQL, and the count is exact at once. A one- or two-character term is shorter than a
  trigram: the index's vocabulary (``case_search_vocab``, migration 0010) lists the tokens that
  begin with it and the cases they occur in, which hold every case with the term (each character
  of a case's string starts a token: the string ends in two U+001F). Only those cases are then
  tested with LIKE, so the answer is exactly LIKE's;
- a sparse term (too few to fill a page within ``WALK_LIMIT`` cases; at most ``SPARSE``): the
  list's order is walked (an index) with the term's cases in hand, until a page is found; only
  those cases' text is read;
- a common term: the list's order is walked for at most ``WALK_LIMIT`` cases, each tested with
  LIKE, and stops at the first page; one that is not at the head of this order is walked for as
  above.

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
AMONG_FIRST = 1_000  # the filters' first cases tested for a page; each later slice four times larger
COUNT_CHUNK = 10_000  # ids per count statement: a stale count stops between them, within ~10 ms
FEW_SHORT = 1_000  # a short term in at most this many places: its cases are sorted whole
SPARSE = 50_000  # a term in at most this many (and too few to fill a page within WALK_LIMIT cases):
# the list's order is walked with its cases in hand
BY_ID_SHARE = 30  # at most 1 match in this many cases: read the matches by id and sort them
TRIGRAM_MATCH = "SELECT rowid FROM case_search WHERE case_search MATCH ?"  # the cases of a phrase query
VOCAB = "case_search_vocab"  # fts5vocab (instance) over case_search: token, case, offset
TOP = chr(0x10FFFF)  # the last character: a token <= term + TOP... begins with term
READ_AS_FFFD = {0xFFFE: 0xFFFD, 0xFFFF: 0xFFFD}  # as SQLite reads them (code points: the font test)


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


def vocab_answers(term: str) -> bool:
    """A short term whose tokens the vocabulary lists: the tokenizer folds its characters as LIKE
    does (ASCII letters' case; every other character of such a term is left as it is)."""
    return 0 < len(term) < FTS_MIN_CHARS and like_agrees(term)


def token_range(term: str) -> tuple[str, str]:
    """The first and last token (inclusive) that begin with `term`, folded as the tokenizer folds
    it (U+FFFE and U+FFFF are read as U+FFFD by SQLite, in the index and in LIKE alike)."""
    folded = "".join(ch.lower() if ch.isascii() else ch for ch in term).translate(READ_AS_FFFD)
    return folded, folded + TOP * (FTS_MIN_CHARS - len(folded))


def vocab_sql() -> str:
    """The ids of the cases holding a token in a range (ids repeat: one row per occurrence)."""
    return f"SELECT doc FROM {VOCAB} WHERE term >= ? AND term <= ?"


def like_pattern(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def match_sql(
    terms: Sequence[str],
    query: CaseQuery,
    only: CaseFilter,
    id_range: tuple[int, int] | None = None,
    driver: str | None = None,
) -> tuple[str, list[Any]]:
    """SQL for the ids of the cases matching every term (a substring of any of the case's texts) and
    the query's filters (not the overdue one), in no order; `id_range`: only ids in it (inclusive).

    Terms of 3+ characters go to the trigram index (phrases, ANDed). Shorter ones scan the compact
    search strings with LIKE: all of them, or with filters on only those of the filtered cases (an
    index on ``cases`` finds them, each string is then read by its id), or with `driver` (a short
    term, vocab_answers) only the cases the index's vocabulary names for it."""
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
    if driver is not None:
        clauses.append(f"id IN ({vocab_sql()})")
        params += list(token_range(driver))
    if narrowing:
        plus = "+" if driver is not None else ""  # the vocabulary's few cases drive, not the filters
        clauses.append(f"{plus}id IN (SELECT id FROM cases WHERE " + " AND ".join(narrowing) + ")")
        params += narrowing_params
    clauses += ["hay LIKE ? ESCAPE '\\'"] * len(short_terms)
    params += [like_pattern(t) for t in short_terms]
    if long_terms:
        within = " AND rowid BETWEEN ? AND ?" if ranged else ""
        plus = "+" if driver is not None else ""
        clauses.append(f"{plus}id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?{within})")
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
    top = int(cursor.execute("SELECT coalesce(max(id), 0) FROM cases").fetchone()[0])
    # Fewer cases than this, and the walk below would likely not fill the page (at 1,000,000 cases
    # and pages of 200: 40,000; at 100,000: 4,000).
    sparse = min(SPARSE, top * limit // WALK_LIMIT)
    among: tuple[str, list[Any]] | None = None  # the cases of the rarest term, as SQL
    if long_terms:
        few = _trigram_count(cursor, long_terms, max(FEW_MATCHES, sparse))
        if few <= FEW_MATCHES:
            return _sorted_matches(cursor, query, limit, only, order, matches=few, top=top)
        among = (TRIGRAM_MATCH, [phrases(long_terms)])
        if few <= sparse:
            return _order_walk(cursor, query, limit, only, order, among)
    driver, occurrences = _rarest_short(cursor, short_terms, max(FEW_SHORT, sparse))
    if driver is not None and occurrences <= min(FEW_SHORT, sparse):
        return _sorted_matches(cursor, query, limit, only, order, driver, occurrences, top)
    if driver is not None:
        among = (vocab_sql(), list(token_range(driver)))
        if occurrences <= sparse:
            return _order_walk(cursor, query, limit, only, order, among)
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
    if among is not None:  # common, but not at the head of this order
        return _order_walk(cursor, query, limit, only, order, among)
    return _sorted_matches(cursor, query, limit, only, order)


def _order_walk(
    cursor: Any, query: CaseQuery, limit: int, only: CaseFilter, order: str, among: tuple[str, list[Any]]
) -> tuple[list[int], int | None]:
    """The list's order walked (an index) until `limit` cases are found among the cases of one term
    (`among`: SQL for their ids, from the trigram index or its vocabulary, and its parameters); only
    those are read and tested with LIKE. A term in 1 case of 50 fills a page of 200 after ~10,000
    entries of the index, without reading their text. Fewer than `limit` found: the whole order was
    walked, and the count is exact."""
    narrowing, params = filter_sql(query, only)
    where = "".join(f"{clause} AND " for clause in narrowing)
    terms = query.text.split()
    test = "(SELECT hay FROM case_search_text s WHERE s.id = c.id) LIKE ? ESCAPE '\\'"
    tests = " AND ".join([test] * len(terms))
    sql = f"SELECT id FROM cases c WHERE {where}+id IN ({among[0]}) AND {tests} {order} LIMIT ?"
    patterns = [like_pattern(t) for t in terms]
    first = [row[0] for row in cursor.execute(sql, [*params, *among[1], *patterns, limit])]
    return first, (len(first) if len(first) < limit else None)


def _trigram_count(cursor: Any, long_terms: Sequence[str], cap: int) -> int:
    """How many cases hold every long term (the trigram index), counted up to `cap` + 1."""
    found = cursor.execute(f"SELECT count(*) FROM ({TRIGRAM_MATCH} LIMIT ?)", [phrases(long_terms), cap + 1])
    return int(found.fetchone()[0])


def _rarest_short(cursor: Any, terms: Sequence[str], cap: int) -> tuple[str | None, int]:
    """The short term (vocab_answers) with the fewest occurrences in the index, and how many (counted
    up to `cap` + 1: a common term's are not all read); None when no term is such."""
    best: tuple[str | None, int] = (None, 0)
    for term in sorted((t for t in terms if vocab_answers(t)), key=len, reverse=True):
        occurrences = int(
            cursor.execute(
                f"SELECT count(*) FROM ({vocab_sql()} LIMIT ?)", [*token_range(term), cap + 1]
            ).fetchone()[0]
        )
        if best[0] is None or occurrences < best[1]:
            best = (term, occurrences)
        if occurrences <= FEW_SHORT:
            break
    return best


def _sorted_matches(
    cursor: Any,
    query: CaseQuery,
    limit: int,
    only: CaseFilter,
    order: str,
    driver: str | None = None,
    matches: int | None = None,
    top: int = 0,
) -> tuple[list[int], int]:
    """Every match in the list's order (few of them, or a rare short term): the first page, and the
    count exact. `driver`: a short term whose cases the vocabulary names (match_sql). `matches`: at
    most this many (when known): up to 1 in BY_ID_SHARE cases they are read by id and sorted;
    more, and the order's index is walked and each entry looked up among the matches (``+id``: not
    the other way round, which reads every matching row of ``cases`` to sort them)."""
    long_terms, short_terms = split_terms(query.text)
    # LIKE reads only the filtered cases' text (unless the vocabulary names fewer); the trigram index
    # is asked alone, the filters outside.
    alone = not short_terms or driver is not None
    inner = (CaseQuery(text=query.text), ("", [])) if alone else (query, only)
    sql, params = match_sql([*long_terms, *short_terms], *inner, driver=driver)
    narrowing, narrowing_params = filter_sql(query, only)
    where = "".join(f"{clause} AND " for clause in narrowing)
    by_id = matches is not None and matches * BY_ID_SHARE <= top
    plus = "" if by_id else "+"
    rows = cursor.execute(
        f"SELECT id FROM cases WHERE {where}{plus}id IN ({sql}) {order}", narrowing_params + params
    )
    matched = [row[0] for row in rows]
    return matched[:limit], len(matched)


def first_among(
    cursor: Any, text: str, ids: Sequence[int], limit: int
) -> tuple[list[int], int | None] | None:
    """The first `limit` of `ids` (the cases the filters leave, in the list's order) matching every
    term, and how many match when every id was tested (None: counted apart, as after a walk).

    Why in slices (1,000 ids, then four times more each time): a common term fills the page from the
    first ones, where testing every id (12,500 for one 领域 at 100,000 cases) took ~50 ms a keystroke;
    a rare one still ends in a few statements. None when a term needs the trigram index."""
    matched: list[int] = []
    start, size = 0, AMONG_FIRST
    while start < len(ids):
        part = ids[start : start + size]
        found = matches_among(cursor, text, part)
        if found is None:
            return None
        matched.extend(case_id for case_id in part if case_id in found)
        start += size
        size *= 4
        if len(matched) >= limit and start < len(ids):
            return matched[:limit], None
    return matched[:limit], len(matched)


def matches_among(cursor: Any, text: str, ids: Sequence[int]) -> set[int] | None:
    """Which of `ids` (up to AMONG_LIMIT: the cases the filters leave) match every term, read by id
    with LIKE; None when a term needs the trigram index (like_agrees). A term held by fewer cases
    than a quarter of `ids` (the trigram index, or its vocabulary for a short term) names the cases
    to read instead: at 1,000,000 cases the filters' 40,000 strings are ~60 MB to read."""
    terms = text.split()
    if not all(like_agrees(t) for t in terms):
        return None
    among = json.dumps(list(ids))
    tests = " AND ".join(["hay LIKE ? ESCAPE '\\'"] * len(terms))
    patterns = [like_pattern(t) for t in terms]
    fewer = _fewer_cases(cursor, terms, len(ids) // 4)
    if fewer is not None:
        sql = (
            f"SELECT id FROM case_search_text WHERE id IN ({fewer[0]})"
            f" AND +id IN (SELECT value FROM json_each(?)) AND {tests}"
        )
        return {row[0] for row in cursor.execute(sql, [*fewer[1], among, *patterns])}
    sql = f"SELECT id FROM case_search_text WHERE id IN (SELECT value FROM json_each(?)) AND {tests}"
    return {row[0] for row in cursor.execute(sql, [among, *patterns])}


def _fewer_cases(cursor: Any, terms: Sequence[str], cap: int) -> tuple[str, list[Any]] | None:
    """SQL (and parameters) for the cases of the terms' rarest, when they are at most `cap` (places,
    for a short term); None when no term is that rare. The long terms are asked together."""
    long_terms, short_terms = split_terms(" ".join(terms))
    if long_terms and _trigram_count(cursor, long_terms, cap) <= cap:
        return TRIGRAM_MATCH, [phrases(long_terms)]
    driver, occurrences = _rarest_short(cursor, short_terms, cap)
    if driver is not None and occurrences <= cap:
        return vocab_sql(), list(token_range(driver))
    return None


def count_chunk(cursor: Any, query: CaseQuery, only: CaseFilter, id_range: tuple[int, int]) -> int:
    """How many cases with ids in `id_range` match the query's terms and filters."""
    sql, params = match_sql(query.text.split(), query, only, id_range)
    return int(cursor.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])
