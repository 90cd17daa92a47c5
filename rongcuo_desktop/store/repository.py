"""Cases in and out of the store, and the fast case list.

Why the list works on ids: the UI model holds only the ordered ids of one SQL query (filtered and
sorted in SQL over the narrow, indexed ``cases`` table) and fetches pages of rows as they are
painted. Loading 100,000 ORM objects takes ~9 s; this takes tens of milliseconds.

Search is a substring match on 文号, 当事人 and 单位: terms of 3+ characters go to the FTS5 trigram
index; shorter terms (Chinese names are often 2 characters) use LIKE on the narrow table.
Plain data crosses the boundary: domain ``Case`` objects and ``CaseRow``, never ORM objects.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from rongcuo_desktop.domain.case import ApplicantType, Case, CaseType, Conclusion, Stage
from rongcuo_desktop.store.errors import StoreError
from rongcuo_desktop.store.models import CaseRecord, CaseText, doc_no_sort_key

log = logging.getLogger(__name__)

STAGE_RANK: dict[Stage, int] = {stage: rank for rank, stage in enumerate(Stage)}
# Code -> member lookups (faster than Enum(value) on 100,000 rows, and plain for mypy).
_STAGES: dict[str, Stage] = {member.value: member for member in Stage}
_CONCLUSIONS: dict[str, Conclusion] = {member.value: member for member in Conclusion}
_CASE_TYPES: dict[str, CaseType] = {member.value: member for member in CaseType}
_APPLICANT_TYPES: dict[str, ApplicantType] = {member.value: member for member in ApplicantType}
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
FTS_MIN_CHARS = 3  # the trigram tokenizer matches nothing shorter
_ROWS_CHUNK = 500
_ROW_COLUMNS = "id, doc_no, party_name, party_unit, work_field, stage, applied_on, conclusion"

T = TypeVar("T")


class DuplicateDocNo(StoreError):
    def __init__(self, doc_no: str) -> None:
        super().__init__(f"文号“{doc_no}”已经存在，请检查是否重复登记。")


class CaseNotFound(StoreError):
    def __init__(self, case_id: int) -> None:
        super().__init__(f"找不到编号为 {case_id} 的案件，它可能已被删除。")


class StoreReadError(StoreError):
    """A read or write failed inside SQLCipher (damaged page, disk full, I/O error)."""


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


class CaseRepository:
    """All case reads and writes, serialized by the Store's lock (one connection, one thread at a time)."""

    def __init__(self, engine: Engine, lock: threading.RLock) -> None:
        self._engine = engine
        self._lock = lock

    # ----- writes ----------------------------------------------------------------------------

    def add(self, case: Case) -> int:
        def work(session: Session) -> int:
            now = _now()
            record = CaseRecord(created_at=now, texts=CaseText())
            _fill(record, case, now)
            session.add(record)
            session.flush()
            return record.id

        case_id = self._write(work, case.doc_no)
        log.info("case %d added", case_id)
        return case_id

    def update(self, case: Case) -> None:
        if case.id is None:
            raise ValueError("update() needs a case with an id")
        case_id = case.id

        def work(session: Session) -> None:
            record = session.get(CaseRecord, case_id)
            if record is None:
                raise CaseNotFound(case_id)
            if record.texts is None:
                record.texts = CaseText()
            _fill(record, case, _now())

        self._write(work, case.doc_no)
        log.info("case %d updated", case_id)

    def add_many(self, cases: Iterable[Case], *, batch_size: int = 5000) -> int:
        """Bulk insert with executemany (100,000 cases in seconds). All or nothing."""
        started = time.perf_counter()
        added = 0
        insert_case = text(
            "INSERT INTO cases (id, doc_no, doc_no_key, party_name, party_unit, party_position, case_type,"
            " applicant_type, work_field, stage, stage_rank, applied_on, conclusion, decided_on, rulebook,"
            " created_at, updated_at) VALUES (:id, :doc_no, :doc_no_key, :party_name, :party_unit,"
            " :party_position, :case_type, :applicant_type, :work_field, :stage, :stage_rank, :applied_on,"
            " :conclusion, :decided_on, :rulebook, :created_at, :updated_at)"
        )
        insert_text = text(
            "INSERT INTO case_texts (case_id, accountability_matter, facts, claimed_situation)"
            " VALUES (:case_id, :accountability_matter, :facts, :claimed_situation)"
        )
        with self._lock:
            try:
                with self._engine.begin() as conn:
                    next_id = (
                        conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM cases").scalar() or 0
                    ) + 1
                    now = _now().isoformat(sep=" ")
                    for batch in _batches(cases, batch_size):
                        case_rows, text_rows = [], []
                        for case in batch:
                            case_rows.append(_params(case, next_id, now))
                            text_rows.append(
                                {
                                    "case_id": next_id,
                                    "accountability_matter": case.accountability_matter,
                                    "facts": case.facts,
                                    "claimed_situation": case.claimed_situation,
                                }
                            )
                            next_id += 1
                        conn.execute(insert_case, case_rows)
                        conn.execute(insert_text, text_rows)
                        added += len(case_rows)
            except IntegrityError as error:
                raise StoreError("批量导入中有重复的文号，已全部撤销，数据库保持原样。") from error
            except DBAPIError as error:
                raise _read_error(error) from error
        log.info("%d cases bulk-inserted in %.2f s", added, time.perf_counter() - started)
        return added

    def add_missing(self, cases: Iterable[Case]) -> int:
        """Add the cases whose 文号 are not present yet (demo cases: safe to run twice)."""
        wanted = list(cases)
        present = self.existing_doc_nos([c.doc_no for c in wanted])
        return self.add_many(c for c in wanted if c.doc_no not in present)

    # ----- reads -----------------------------------------------------------------------------

    def get(self, case_id: int) -> Case:
        def work(session: Session) -> Case:
            record = session.get(CaseRecord, case_id)
            if record is None:
                raise CaseNotFound(case_id)
            return _to_case(record)

        return self._read(work)

    def ids(self, query: CaseQuery) -> list[int]:
        """Ids of the matching cases, filtered and sorted in SQL (fast on 100,000)."""
        column = SORT_COLUMNS.get(query.sort_column)
        if column is None:
            raise ValueError(f"unknown sort column {query.sort_column!r}")
        where, params = _where(query)
        direction = "DESC" if query.descending else "ASC"
        sql = f"SELECT id FROM cases{where} ORDER BY {column} {direction}, id {direction}"
        return self._raw(lambda cur: [row[0] for row in cur.execute(sql, params)])

    def rows(self, ids: Sequence[int]) -> dict[int, CaseRow]:
        """One page of list rows, keyed by id (ids not found are simply absent)."""
        wanted = list(dict.fromkeys(ids))

        def work(cur: Any) -> dict[int, CaseRow]:
            found: dict[int, CaseRow] = {}
            for start in range(0, len(wanted), _ROWS_CHUNK):
                chunk = wanted[start : start + _ROWS_CHUNK]
                marks = ",".join("?" * len(chunk))
                for row in cur.execute(f"SELECT {_ROW_COLUMNS} FROM cases WHERE id IN ({marks})", chunk):
                    found[row[0]] = CaseRow(
                        id=row[0],
                        doc_no=row[1],
                        party_name=row[2],
                        party_unit=row[3],
                        work_field=row[4],
                        stage=_STAGES[row[5]],
                        applied_on=dt.date.fromisoformat(row[6]),
                        conclusion=_CONCLUSIONS[row[7]] if row[7] else None,
                    )
            return found

        return self._raw(work)

    def count(self) -> int:
        return int(self._raw(lambda cur: cur.execute("SELECT count(*) FROM cases").fetchone()[0]))

    def stage_counts(self) -> dict[Stage, int]:
        def work(cur: Any) -> dict[Stage, int]:
            counts = dict.fromkeys(Stage, 0)
            for stage, number in cur.execute("SELECT stage, count(*) FROM cases GROUP BY stage"):
                counts[_STAGES[stage]] = number
            return counts

        return self._raw(work)

    def existing_doc_nos(self, doc_nos: Sequence[str]) -> set[str]:
        def work(cur: Any) -> set[str]:
            found: set[str] = set()
            for start in range(0, len(doc_nos), _ROWS_CHUNK):
                chunk = list(doc_nos[start : start + _ROWS_CHUNK])
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
                    return work(session)
            except IntegrityError as error:
                raise DuplicateDocNo(doc_no) from error
            except DBAPIError as error:
                raise _read_error(error) from error

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


def _where(query: CaseQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.stage is not None:
        clauses.append("stage = ?")
        params.append(query.stage.value)
    for term in query.text.split():
        if len(term) >= FTS_MIN_CHARS:
            clauses.append("id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)")
            params.append('"' + term.replace('"', '""') + '"')
        else:
            like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append(
                "(doc_no LIKE ? ESCAPE '\\' OR party_name LIKE ? ESCAPE '\\'"
                " OR party_unit LIKE ? ESCAPE '\\')"
            )
            params.extend([like, like, like])
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _fill(record: CaseRecord, case: Case, now: dt.datetime) -> None:
    record.doc_no = case.doc_no
    record.doc_no_key = doc_no_sort_key(case.doc_no)
    record.party_name = case.party_name
    record.party_unit = case.party_unit
    record.party_position = case.party_position
    record.case_type = case.case_type.value
    record.applicant_type = case.applicant_type.value
    record.work_field = case.work_field
    record.stage = case.stage.value
    record.stage_rank = STAGE_RANK[case.stage]
    record.applied_on = case.applied_on
    record.conclusion = case.conclusion.value if case.conclusion else None
    record.decided_on = case.decided_on
    record.rulebook = case.rulebook
    record.updated_at = now
    record.texts.accountability_matter = case.accountability_matter
    record.texts.facts = case.facts
    record.texts.claimed_situation = case.claimed_situation


def _params(case: Case, case_id: int, now: str) -> dict[str, Any]:
    return {
        "id": case_id,
        "doc_no": case.doc_no,
        "doc_no_key": doc_no_sort_key(case.doc_no),
        "party_name": case.party_name,
        "party_unit": case.party_unit,
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


def _to_case(record: CaseRecord) -> Case:
    texts = record.texts
    return Case(
        id=record.id,
        doc_no=record.doc_no,
        party_name=record.party_name,
        party_unit=record.party_unit,
        party_position=record.party_position,
        case_type=_CASE_TYPES[record.case_type],
        applicant_type=_APPLICANT_TYPES[record.applicant_type],
        work_field=record.work_field,
        stage=_STAGES[record.stage],
        applied_on=record.applied_on,
        accountability_matter=texts.accountability_matter if texts else "",
        facts=texts.facts if texts else "",
        claimed_situation=texts.claimed_situation if texts else "",
        conclusion=_CONCLUSIONS[record.conclusion] if record.conclusion else None,
        decided_on=record.decided_on,
        rulebook=record.rulebook,
    )


def _read_error(error: Exception) -> StoreReadError:
    orig = getattr(error, "orig", error)
    log.error("database error: %s: %s", type(orig).__name__, orig)
    return StoreReadError(
        "读取或写入数据库时出错，文件可能已损坏或磁盘已满。刚才的操作没有完成，数据库文件保持原样。"
        "请从备份中恢复，或联系管理员。"
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
