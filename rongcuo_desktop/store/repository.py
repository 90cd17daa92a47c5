"""Cases in and out of the store, and the fast case list.

Why the list works on ids: the UI model holds only the ordered ids of one SQL query (filtered and
sorted in SQL over the narrow, indexed ``cases`` table) and fetches pages of rows as they are
painted. Loading 100,000 ORM objects takes ~9 s; this takes tens of milliseconds.

Search is a substring match on all of a case's text (文号, 当事人, 单位, 问责事项, 事实, 申请情形):
terms of 3+ characters go to the FTS5 trigram index; shorter terms (Chinese names are often 2
characters) use LIKE on the compact search strings (migration 0008).
Plain data crosses the boundary: domain ``Case`` objects and ``CaseRow``, never ORM objects.

The conclusion (结论) and its date (认定日期) are not written here: ``add`` and ``update`` refuse them
(a 秘书 gets "秘书无权记录认定结论"), so every conclusion has the 主任's decision record from
``store.judgments.decide`` (with the engine's recommendation and the reason where they differ).
Only ``add_many`` brings cases in with conclusions, as history recorded elsewhere: each gets a
decision record marked as imported, in the same transaction; only a 主任 may do that, except for
the program's own demo cases (their conclusions are example data and say so).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import logging
import threading
import time
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from rongcuo_desktop.domain.case import Case, Stage
from rongcuo_desktop.domain.roles import Action, refusal
from rongcuo_desktop.domain.text_rules import check_case
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.store import case_search
from rongcuo_desktop.store.case_list import (
    ROWS_CHUNK,
    STAGES,
    CaseFilter,
    CaseQuery,
    CaseRow,
    has_head,
    head_ids,
    order_sql,
    read_count,
    read_order,
    read_rows,
)
from rongcuo_desktop.store.case_list import (
    SORT_COLUMNS as SORT_COLUMNS,  # re-exported: callers import the list's columns from here too
)
from rongcuo_desktop.store.case_search import FTS_MIN_CHARS as FTS_MIN_CHARS  # re-exported
from rongcuo_desktop.store.case_search import count_chunk, first_among, search_head
from rongcuo_desktop.store.case_search import match_sql as _match_sql  # re-exported (the bench's floor)
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.errors import CaseNotFound, PermissionDenied, StoreError, StoreReadError
from rongcuo_desktop.store.mapping import STAGE_RANK, fill_record, to_case
from rongcuo_desktop.store.models import CaseRecord, CaseText, doc_no_sort_key
from rongcuo_desktop.store.sort_keys import name_sort_key, unit_sort_key

if TYPE_CHECKING:
    from rongcuo_desktop.domain.roles import AccountInfo
    from rongcuo_desktop.store.guard import AccessGuard

log = logging.getLogger(__name__)

_ORDER_CACHE_SIZE = 2  # a million ids are 8 MB as an array: the list's order and one other
_COUNT_CACHE_SIZE = 32  # counts of searches and filters, until the next write

T = TypeVar("T")


class DuplicateDocNo(StoreError):
    def __init__(self, doc_no: str) -> None:
        super().__init__(f"文号“{doc_no}”已经存在，请检查是否重复登记。")


class ConclusionNotEditable(StoreError):
    """A conclusion or its date given to add()/update(): only store.judgments.decide records one."""


class StageNotEditable(StoreError):
    """A stage changed through update(): moves go through store.casework.move (the procedure's guards)."""


class RulebookNotEditable(StoreError):
    """The rulebook of a case with a checklist or a conclusion changed through update()."""


class InvalidCase(StoreError):
    """A case whose text or dates break domain/text_rules (invisible characters, too long, dates out
    of order); nothing was written. The message names every field."""


def checked_case(case: Case) -> Case:
    """The case as the one validator cleans it (NFC, trimmed), or InvalidCase naming each field."""
    try:
        return check_case(case)
    except ValidationError as error:
        raise InvalidCase(f"{error.said()}\n没有保存，数据库没有任何改动。") from None


def refuse_conclusion(actor: AccountInfo, case: Case, before: Case | None, what: str) -> None:
    """Refuse a conclusion or decided date set (or changed) outside store.judgments.decide."""
    if before is None:
        changed = case.conclusion is not None or case.decided_on is not None
    else:
        changed = (case.conclusion, case.decided_on) != (before.conclusion, before.decided_on)
    if not changed:
        return
    if not actor.may(Action.DECISION):
        raise PermissionDenied(
            f"{refusal(actor.role, Action.DECISION)}认定结论和认定日期只能由主任在研判后记录。"
        )
    raise ConclusionNotEditable(
        f"{what}时不能填写或修改认定结论和认定日期：请用“记录认定结论”（rongcuo decide）记录，"
        "这样每个结论都有主任的认定记录、当时的研判建议和理由。"
    )


class CaseRepository:
    """All case reads and writes, serialized by the Store's lock (one connection, one thread at a time)."""

    def __init__(self, engine: Engine, lock: threading.RLock, guard: AccessGuard) -> None:
        self._engine = engine
        self._lock = lock
        self._order_cache: dict[tuple[Any, ...], array[int]] = {}
        self._count_cache: dict[tuple[Any, ...], int] = {}
        # Issue 4: every write is checked (role, read-only) and audited in its own transaction;
        # every read is narrowed to the cases the person may see.
        self._guard = guard

    # ----- writes ----------------------------------------------------------------------------

    def add(self, case: Case, *, by: Credential | None = None) -> int:
        def work(session: Session) -> int:
            actor = self._guard.check_write(Action.CASE_CREATE, by)
            refuse_conclusion(actor, case, None, "登记案件")
            clean = checked_case(case)  # the one validator, after who may
            now = _now()
            record = CaseRecord(created_at=now, texts=CaseText())
            fill_record(record, clean, now)
            session.add(record)
            session.flush()
            self._guard.audit(
                session,
                Action.CASE_CREATE,
                case_id=record.id,
                summary=f"登记案件 {clean.doc_no}（{clean.stage.label}）",
                after=to_case(record),
                actor=actor,
            )
            return record.id

        case_id = self._write(work, case.doc_no)
        log.info("case %d added", case_id)
        return case_id

    def update(self, case: Case, *, by: Credential | None = None) -> None:
        if case.id is None:
            raise ValueError("update() needs a case with an id")
        case_id = case.id

        def work(session: Session) -> None:
            record = session.get(CaseRecord, case_id)
            if record is None:
                raise CaseNotFound(case_id)
            before = to_case(record)
            if case.stage != before.stage:  # the guards of domain/procedure, through store.casework
                raise StageNotEditable(
                    f"修改案件时不能改变阶段（{before.stage.label} → {case.stage.label}）：请用“推进阶段”"
                    "（rongcuo stage），它核对每一步的条件并记录日期。"
                )
            action, summary = describe_change(before, case)
            actor = self._guard.check_write(action, by)
            if action is not Action.CASE_EDIT and _data_changed(before, case):
                self._guard.check_write(Action.CASE_EDIT, by)  # a stage move may not smuggle in other edits
            refuse_conclusion(actor, case, before, "修改案件")
            clean = checked_case(case)  # the one validator, after who may
            if clean.rulebook != before.rulebook:
                self._refuse_rulebook_change(session, before)
            if record.texts is None:
                record.texts = CaseText()
            fill_record(record, clean, _now())
            session.flush()
            self._guard.audit(
                session,
                action,
                case_id=case_id,
                summary=summary,
                before=before,
                after=to_case(record),
                actor=actor,
            )

        self._write(work, case.doc_no)
        log.info("case %d updated", case_id)

    def _refuse_rulebook_change(self, session: Session, before: Case) -> None:
        """The rulebook is part of the judgment record once there is one (store.judgments)."""
        from rongcuo_desktop.store.judgment_models import CaseDecisionRow, ChecklistItemRow

        if before.conclusion is not None or session.get(CaseDecisionRow, before.id) is not None:
            raise RulebookNotEditable(
                "本案已记录认定结论，适用规则不再修改（认定时依据的规则库随认定记录保存）。"
            )
        has_checklist = session.scalar(
            select(ChecklistItemRow.case_id).where(ChecklistItemRow.case_id == before.id).limit(1)
        )
        if has_checklist is not None:
            raise RulebookNotEditable(
                "本案已有研判清单：适用规则请在研判清单中修改（rongcuo checklist --rulebook），"
                "清单中的编号会按新的规则库核对。"
            )

    def add_many(self, cases: Iterable[Case], *, batch_size: int = 5000, by: Credential | None = None) -> int:
        """Bulk insert with executemany (100,000 cases in seconds). All or nothing.

        A case with a conclusion comes in as history recorded elsewhere: its decision record is
        written in the same transaction, marked as imported (nobody here recorded it). Only a 主任
        may bring in conclusions, except the program's demo cases (example data, noted as such).
        """
        started = time.perf_counter()
        added = 0
        insert_decision = text(
            "INSERT INTO case_decisions (case_id, conclusion, decided_on, rulebook, note, recorded_by,"
            " recorded_by_account_id, recorded_at, recommendation, source) VALUES (:case_id, :conclusion,"
            " :decided_on, :rulebook, :note, '', NULL, NULL, NULL, 'imported')"
        )
        actor = self._guard.check_write(Action.IMPORT, by)
        from rongcuo_desktop.domain.demo import demo_cases
        from rongcuo_desktop.paths import demo_cases_file

        examples = {c.doc_no: c for c in demo_cases(demo_cases_file())}
        decided = 0
        doc_digest = hashlib.sha256()
        digests: list[str] = []
        with self._lock:
            try:
                with self._engine.begin() as conn:
                    next_id = next_case_id(conn)
                    first_id = next_id
                    now = _now().isoformat(sep=" ")
                    for batch in _batches(cases, batch_size):
                        case_rows, text_rows, decision_rows = [], [], []
                        for unchecked in batch:
                            decision = None
                            if unchecked.conclusion is not None or unchecked.decided_on is not None:
                                # Who may bring in a conclusion is said before what is wrong with it.
                                decision = _imported_decision(unchecked, next_id, actor, examples)
                            case = checked_case(unchecked)  # a bad one undoes the whole batch
                            if decision is not None:
                                decision = {**decision, "rulebook": case.rulebook}
                                decision_rows.append(decision)
                            case_rows.append(case_params(case, next_id, now))
                            text_rows.append(text_params(case, next_id))
                            digests.append(_written_digests(case, next_id, decision))
                            next_id += 1
                            doc_digest.update(case.doc_no.encode("utf-8") + b"\n")
                        conn.exec_driver_sql(CASE_SQL, case_rows)
                        conn.exec_driver_sql(TEXT_SQL, text_rows)
                        if decision_rows:
                            conn.execute(insert_decision, decision_rows)
                        added += len(case_rows)
                        decided += len(decision_rows)
                    if added:
                        # One event for the batch: who imported how many, a digest of the 文号 list, and
                        # each case's digests as written, so an edit outside the app is found later
                        # (store/audit_state.py; 3.2 MB of detail per 100,000 cases). Hashed from the
                        # rows as they are written, through the mappers that read them back: reading
                        # 100,000 cases back was half of the bulk add's time.
                        states = {"first": first_id, "digests": "".join(digests)}
                        conclusions = (
                            f"，其中 {decided} 件带有认定结论（记为导入的认定记录）" if decided else ""
                        )
                        self._guard.audit(
                            conn,
                            Action.IMPORT,
                            summary=f"批量导入 {added} 件案件{conclusions}",
                            detail={
                                "count": added,
                                "with_conclusion": decided,
                                "doc_nos_sha256": doc_digest.hexdigest(),
                                "case_states": states,
                            },
                            actor=actor,
                        )
            except IntegrityError as error:
                self._guard.after_rollback()
                raise StoreError("批量导入中有重复的文号，已全部撤销，数据库保持原样。") from error
            except DBAPIError as error:
                self._guard.after_rollback()
                raise _read_error(error) from error
            except BaseException:
                self._guard.after_rollback()
                raise
            self._guard.after_commit()
        log.info("%d cases bulk-inserted in %.2f s", added, time.perf_counter() - started)
        return added

    def add_missing(self, cases: Iterable[Case], *, by: Credential | None = None) -> int:
        """Add the cases whose 文号 are not present yet (demo cases: safe to run twice)."""
        wanted = list(cases)
        present = self.existing_doc_nos([c.doc_no for c in wanted])
        return self.add_many((c for c in wanted if c.doc_no not in present), by=by)

    # ----- reads -----------------------------------------------------------------------------

    def get(self, case_id: int, *, by: Credential | None = None) -> Case:
        def work(session: Session) -> Case:
            record = session.get(CaseRecord, case_id)
            if record is None:
                raise CaseNotFound(case_id)
            self._guard.check_read_case(session, case_id, by)
            return to_case(record)

        return self._read(work)

    def ids(
        self, query: CaseQuery, *, by: Credential | None = None, among: Collection[int] | None = None
    ) -> list[int]:
        """Ids of the matching cases, filtered and sorted in SQL (fast on 100,000).

        Two SQL queries: the ordered ids for (sort, filters) walk an index and are cached until the
        database changes; the search terms give a set of matching ids from the FTS5 trigram index
        (3+ characters) or a LIKE scan of the compact ``case_search_text`` table (shorter terms; with
        filters on, only the filtered cases' rows are scanned). Their intersection keeps the order.
        A single query with both was ~1 s per keystroke here (the sort index walk then decrypts every
        table page for the LIKE). `among`: only these ids (the overdue filter, from services.cases).
        """
        return list(self.order(query, by=by, among=among))

    def order(
        self, query: CaseQuery, *, by: Credential | None = None, among: Collection[int] | None = None
    ) -> array[int]:
        """ids(query) as a compact array (8 bytes an id): what the case list holds. Without search
        terms or `among` it is the cached order itself (shared, never to be changed by the caller)."""
        only = self._guard.case_filter(by)
        ordered = self._ordered_ids(query, only)
        terms = query.text.split()
        if among is None and not terms:
            return ordered
        if terms:
            sql, params = _match_sql(terms, query, only)
            matched = self._raw(lambda cur: {row[0] for row in cur.execute(sql, params)})
            among = matched if among is None else matched.intersection(among)
        assert among is not None
        return array("q", (case_id for case_id in ordered if case_id in among))

    def head(
        self, query: CaseQuery, limit: int, *, by: Credential | None = None
    ) -> tuple[list[int], int | None]:
        """The first `limit` of ``ids(query)`` and how many there are, without listing them all;
        the count is None when it takes a scan of its own (a common search term: count_matches).

        Without search terms ``LIMIT`` and a count (kept until a write: a sort does not change it)
        take ~1 ms where the whole order of 100,000 ids takes ~25 ms; with them, case_search.py.
        """
        if query.overdue or query.sort_column not in SORT_COLUMNS:
            ids = self.ids(query, by=by)
            return ids[:limit], len(ids)
        only = self._guard.case_filter(by)
        if not has_head(query):
            filtered = None
            if query.filtered:
                plain = dataclasses.replace(query, text="")
                filtered = self._filtered_count(plain, only)
                if filtered <= case_search.AMONG_LIMIT:  # the filters leave few: their text, by id
                    among = self._ordered_ids(plain, only)
                    page = self._raw(lambda cur: first_among(cur, query.text, among, limit))
                    if page is not None:
                        return page[0], page[1] if page[1] is not None else self._cached_count(query, only)
            first, total = self._raw(lambda cur: search_head(cur, query, limit, only, filtered))
            if total is None:
                total = self._cached_count(query, only)
            return first, total
        listed = self._filtered_count(query, only)
        total = self._filtered_count(CaseQuery(), only) if query.filtered else listed
        return self._raw(lambda cur: head_ids(cur, query, only, limit, listed, total)), listed

    def _filtered_count(self, query: CaseQuery, only: CaseFilter) -> int:
        """How many cases a query without search terms lists (kept until a write)."""
        total = self._cached_count(query, only)
        if total is None:
            total = self._raw(lambda cur: read_count(cur, query, only))
            self._remember_count(query, only, total)
        return total

    def count_matches(
        self, query: CaseQuery, *, by: Credential | None = None, current: Callable[[], bool] = lambda: True
    ) -> int | None:
        """How many cases match `query` (terms and filters; not the overdue one), counted a range of
        ids at a time, so it gives up (None) between ranges once `current()` is false: a person who
        typed on does not wait behind the count of what they typed before."""
        only = self._guard.case_filter(by)
        known = self._cached_count(query, only)
        if known is not None:
            return known
        token = self.changes()
        top = int(self._raw(lambda cur: cur.execute("SELECT coalesce(max(id), 0) FROM cases").fetchone()[0]))
        total = 0
        chunk = case_search.COUNT_CHUNK
        for low in range(1, top + 1, chunk):
            if not current():
                return None
            span = (low, low + chunk - 1)
            total += self._raw(functools.partial(count_chunk, query=query, only=only, id_range=span))
        if self.changes() == token:
            self._remember_count(query, only, total)
        return total

    def _count_key(self, query: CaseQuery, only: CaseFilter) -> tuple[Any, ...]:
        what = dataclasses.replace(query, sort_column="applied_on", descending=True)
        return (what, only[0], tuple(only[1]), self.changes())

    def _cached_count(self, query: CaseQuery, only: CaseFilter) -> int | None:
        return self._count_cache.get(self._count_key(query, only))

    def _remember_count(self, query: CaseQuery, only: CaseFilter, total: int) -> None:
        if len(self._count_cache) >= _COUNT_CACHE_SIZE:
            self._count_cache.pop(next(iter(self._count_cache)))
        self._count_cache[self._count_key(query, only)] = total

    def changes(self) -> tuple[int, int]:
        """A token that changes with every write (this connection's or another's): for caches above."""
        return self._raw(lambda cur: (cur.connection.total_changes, _data_version(cur)))

    def _ordered_ids(self, query: CaseQuery, only: tuple[str, list[Any]]) -> array[int]:
        sql, _where, params = order_sql(query, only)

        def work(cur: Any) -> array[int]:
            # total_changes counts every write on this (the only) connection, data_version every
            # commit by another one: together they say whether a cached order is still true.
            version = (cur.connection.total_changes, _data_version(cur))
            cache_key = (sql, tuple(params), version)
            cached = self._order_cache.get(cache_key)
            if cached is None:
                cached = read_order(cur, sql, params)
                if len(self._order_cache) >= _ORDER_CACHE_SIZE:
                    self._order_cache.pop(next(iter(self._order_cache)))
                self._order_cache[cache_key] = cached
            return cached

        return self._raw(work)

    def rows(self, ids: Sequence[int], *, by: Credential | None = None) -> dict[int, CaseRow]:
        """One page of list rows, keyed by id (ids not found are simply absent)."""
        only = self._guard.case_filter(by)
        return self._raw(lambda cur: read_rows(cur, ids, only))

    def count(self, *, by: Credential | None = None) -> int:
        """All cases `by` may see (every case: the kept count, store/case_list.kept_count_sql)."""
        only = self._guard.case_filter(by)
        return self._raw(lambda cur: read_count(cur, CaseQuery(), only))

    def stage_counts(self, *, by: Credential | None = None) -> dict[Stage, int]:
        """Per stage, the cases `by` may see: for every case from the kept ``case_stats`` (a GROUP BY of
        1,000,000 cases took ~0.3 s), narrowed to a 委员's cases by a GROUP BY over those."""
        only, params = self._guard.case_filter(by)
        if only:
            sql = f"SELECT stage, count(*) FROM cases WHERE {only} GROUP BY stage"
        else:
            sql = "SELECT stage, sum(cases) FROM case_stats GROUP BY stage"

        def work(cur: Any) -> dict[Stage, int]:
            counts = dict.fromkeys(Stage, 0)
            for stage, number in cur.execute(sql, params):
                counts[STAGES[stage]] = number
            return counts

        return self._raw(work)

    def work_fields(self, *, by: Credential | None = None) -> list[str]:
        """The distinct 领域 among the cases `by` may see: for every case from the kept ``case_stats``
        (the index walk over 1,000,000 cases took ~0.2 s of the database thread right after the
        start), for a 委员's cases an index walk narrowed to them."""
        only, params = self._guard.case_filter(by)
        if only:
            sql = f"SELECT DISTINCT work_field FROM cases WHERE work_field != '' AND {only}"
        else:
            sql = "SELECT DISTINCT work_field FROM case_stats WHERE work_field != '' AND cases > 0"
        return self._raw(
            lambda cur: sorted(str(r[0]) for r in cur.execute(sql + " ORDER BY work_field", params))
        )

    def years(self, *, by: Credential | None = None) -> list[int]:
        """The application years among the cases `by` may see, newest first (one index probe a year)."""
        only, params = self._guard.case_filter(by)
        narrow = f" AND {only}" if only else ""

        def work(cur: Any) -> list[int]:
            found: list[int] = []
            before = "9999-12-31"
            while True:  # skip from year to year down the applied_on index
                row = cur.execute(
                    f"SELECT max(applied_on) FROM cases WHERE applied_on < ?{narrow}", [before, *params]
                ).fetchone()
                if row is None or row[0] is None:
                    return found
                year = int(str(row[0])[:4])
                found.append(year)
                before = f"{year:04d}-01-01"

        return self._raw(work)

    def existing_doc_nos(self, doc_nos: Sequence[str]) -> set[str]:
        def work(cur: Any) -> set[str]:
            found: set[str] = set()
            for start in range(0, len(doc_nos), ROWS_CHUNK):
                chunk = list(doc_nos[start : start + ROWS_CHUNK])
                marks = ",".join("?" * len(chunk))
                found.update(
                    r[0] for r in cur.execute(f"SELECT doc_no FROM cases WHERE doc_no IN ({marks})", chunk)
                )
            return found

        return self._raw(work)

    def id_for_doc_no(self, doc_no: str) -> int | None:
        def work(session: Session) -> int | None:
            return session.scalar(select(CaseRecord.id).where(CaseRecord.doc_no == doc_no))

        return self._read(work)

    # ----- plumbing --------------------------------------------------------------------------

    def _write(self, work: Callable[[Session], T], doc_no: str) -> T:
        with self._lock:
            try:
                with Session(self._engine, expire_on_commit=False) as session, session.begin():
                    result = work(session)
            except IntegrityError as error:
                self._guard.after_rollback()
                raise DuplicateDocNo(doc_no) from error
            except DBAPIError as error:
                self._guard.after_rollback()
                raise _read_error(error) from error
            except BaseException:
                self._guard.after_rollback()
                raise
            self._guard.after_commit()
            return result

    def _read(self, work: Callable[[Session], T]) -> T:
        with self._lock:
            try:
                with Session(self._engine) as session:
                    return work(session)
            except DBAPIError as error:
                raise _read_error(error) from error

    def _raw(self, work: Callable[[Any], T]) -> T:
        """Run on the DBAPI cursor: the case list needs 100,000 ints without per-row overhead."""
        with self._lock:
            try:
                with self._engine.connect() as conn:
                    dbapi = conn.connection.dbapi_connection
                    assert dbapi is not None
                    cursor = dbapi.cursor()
                    try:
                        return work(cursor)
                    finally:
                        cursor.close()
            except DBAPIError as error:
                raise _read_error(error) from error
            except Exception as error:
                if type(error).__module__.startswith("sqlcipher3"):
                    raise _read_error(error) from error
                raise


def _data_version(cur: Any) -> int:
    return int(cur.execute("PRAGMA data_version").fetchone()[0])


_CHANGE_LABELS = {
    "doc_no": "文号",
    "party_name": "当事人",
    "party_unit": "单位",
    "party_position": "职务",
    "case_type": "案件类型",
    "applicant_type": "申请人类型",
    "work_field": "领域",
    "applied_on": "申请日期",
    "accountability_matter": "问责事项",
    "facts": "事实",
    "claimed_situation": "申请情形",
    "rulebook": "适用规则",
}


def _data_changed(before: Case, after: Case) -> bool:
    return any(getattr(before, name) != getattr(after, name) for name in _CHANGE_LABELS)


def describe_change(before: Case, after: Case) -> tuple[Action, str]:
    """The audit action of an update (stage move > edit) and a short Chinese summary. A conclusion is
    never changed by an update (refuse_conclusion): store.judgments.decide records it."""
    parts: list[str] = []
    action = Action.CASE_EDIT
    if before.stage != after.stage:
        action = Action.STAGE_MOVE
        parts.append(f"阶段：{before.stage.label} → {after.stage.label}")
    edited = [
        label for name, label in _CHANGE_LABELS.items() if getattr(before, name) != getattr(after, name)
    ]
    if edited:
        parts.append("修改：" + "、".join(edited))
    return action, "；".join(parts) or "保存（无改动）"


def _imported_decision(
    case: Case, case_id: int, actor: AccountInfo, examples: dict[str, Case]
) -> dict[str, Any]:
    """The decision record of a case bulk-added with its conclusion: history recorded elsewhere."""
    from rongcuo_desktop.store.judgments import EXAMPLE_DECISION_NOTE

    example = examples.get(case.doc_no) == case  # the program's own demo data, unchanged
    if not example and not actor.may(Action.DECISION):
        raise PermissionDenied(
            f"{refusal(actor.role, Action.DECISION)}带有认定结论的案件（如 {case.doc_no}）只能由主任导入。"
        )
    if case.conclusion is None:
        raise StoreError(f"案件 {case.doc_no} 有认定日期却没有认定结论，没有导入。")
    return {
        "case_id": case_id,
        "conclusion": case.conclusion.value,
        "decided_on": case.decided_on.isoformat() if case.decided_on else None,
        "rulebook": case.rulebook,
        "note": EXAMPLE_DECISION_NOTE if example else "",
    }


# The one bulk path for case rows (add_many, and the import of case files in store/transfer.py):
# executemany of plain parameters, checked cases only. The FTS triggers fire as for any insert.
CASE_SQL = (
    "INSERT INTO cases (id, doc_no, doc_no_key, party_name, party_unit, party_name_key,"
    " party_unit_key, party_position, case_type,"
    " applicant_type, work_field, stage, stage_rank, applied_on, conclusion, decided_on, rulebook,"
    " created_at, updated_at) VALUES (:id, :doc_no, :doc_no_key, :party_name, :party_unit,"
    " :party_name_key, :party_unit_key, :party_position, :case_type, :applicant_type, :work_field,"
    " :stage, :stage_rank, :applied_on,"
    " :conclusion, :decided_on, :rulebook, :created_at, :updated_at)"
)
TEXT_SQL = (
    "INSERT INTO case_texts (case_id, accountability_matter, facts, claimed_situation)"
    " VALUES (:case_id, :accountability_matter, :facts, :claimed_situation)"
)


def next_case_id(conn: Any) -> int:
    """The first free id after every case (bulk writes give out ids in order from here)."""
    return int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM cases").scalar() or 0) + 1


def text_params(case: Case, case_id: int) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "accountability_matter": case.accountability_matter,
        "facts": case.facts,
        "claimed_situation": case.claimed_situation,
    }


def case_params(case: Case, case_id: int, now: str) -> dict[str, Any]:
    return {
        "id": case_id,
        "doc_no": case.doc_no,
        "doc_no_key": doc_no_sort_key(case.doc_no),
        "party_name": case.party_name,
        "party_unit": case.party_unit,
        "party_name_key": name_sort_key(case.party_name),
        "party_unit_key": unit_sort_key(case.party_unit),
        "party_position": case.party_position,
        "case_type": case.case_type.value,
        "applicant_type": case.applicant_type.value,
        "work_field": case.work_field,
        "stage": case.stage.value,
        "stage_rank": STAGE_RANK[case.stage],
        "applied_on": case.applied_on.isoformat(),
        "conclusion": case.conclusion.value if case.conclusion else None,
        "decided_on": case.decided_on.isoformat() if case.decided_on else None,
        "rulebook": case.rulebook,
        "created_at": now,
        "updated_at": now,
    }


def _written_digests(case: Case, case_id: int, decision: dict[str, Any] | None) -> str:
    """A bulk-added case's two short digests (audit_state.bulk_states' format) from what is written:
    the case as `to_case` reads it, its judgment record (a decision at most) as `load_records` does."""
    from rongcuo_desktop.domain.committee import snapshot
    from rongcuo_desktop.store.audit_chain import state_digest
    from rongcuo_desktop.store.audit_state import SHORT
    from rongcuo_desktop.store.judgments import record_from_rows

    stored = dataclasses.replace(case, id=case_id)
    row = SimpleNamespace(
        id=case_id,
        doc_no=case.doc_no,
        rulebook=case.rulebook,
        conclusion=case.conclusion.value if case.conclusion else None,
    )
    decision_row = None
    if decision is not None:
        decision_row = SimpleNamespace(
            **{**decision, "decided_on": case.decided_on},
            recorded_by="",
            recorded_at=None,
            recommendation=None,
            source="imported",
            votes_for=None,
            votes_against=None,
            votes_abstain=None,
            dissent="",
        )
    judgment = snapshot(record_from_rows(row, decision_row))
    return state_digest(stored)[:SHORT] + state_digest(judgment)[:SHORT]


def _read_error(error: Exception) -> StoreReadError:
    orig = getattr(error, "orig", error)
    log.error("database error: %s: %s", type(orig).__name__, orig)
    text = str(orig).lower()
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreReadError(
            "数据目录现在不能写入（例如U盘的写保护开关被拨上、文件夹被设为只读或权限被改），刚才的保存没有完成，"
            "已整个撤销；之前保存的内容不受影响，数据库没有损坏。请恢复写入权限后再保存一次。"
        )
    if "disk is full" in text or "database or disk is full" in text:
        return StoreReadError(
            "磁盘空间已满，刚才的保存没有完成，已整个撤销；之前保存的内容不受影响。请腾出磁盘空间后再保存一次。"
        )
    return StoreReadError(
        "读取或写入数据库时出错，文件可能已损坏或磁盘已满。刚才的操作没有完成，已整个撤销（之前保存的内容不受影响）。"
        "请用“数据 → 检查数据库完整性”检查，必要时从备份中恢复，或联系管理员。"
    )


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
