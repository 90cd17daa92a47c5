"""The case file repository's reads: the whole file, progress, what is due across cases (in
slices, for the 工作台), the repeat check, the typical-case library and the 事前备案 a case may cite.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from rongcuo_desktop.domain.case import Case, Stage
from rongcuo_desktop.domain.casework import (
    CaseSketch,
    DueItem,
    RepeatMatch,
    TypicalCase,
    TypicalMark,
    repeat_matches,
)
from rongcuo_desktop.domain.casework_data import record_from_data
from rongcuo_desktop.domain.procedure import (
    CaseProgress,
)
from rongcuo_desktop.store.accounts import SessionFactory
from rongcuo_desktop.store.case_list import STAGES
from rongcuo_desktop.store.casework_models import (
    CaseRecordRow,
    StageLogRow,
)
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.errors import CaseNotFound
from rongcuo_desktop.store.judgment_models import ChecklistItemRow
from rongcuo_desktop.store.mapping import to_case
from rongcuo_desktop.store.models import CaseRecord

if TYPE_CHECKING:
    from rongcuo_desktop.store.guard import AccessGuard
from rongcuo_desktop.store.casework_file import (
    _CASE_TYPES,
    _CONCLUSIONS,
    DUE_SLICE,
    CaseworkFile,
    Entry,
    StageEntry,
    _due_of,
    _entries,
    _light_progress,
    _progress,
    _raw,
    _schedule,
    _seats,
    _shipped_with_deadlines,
    _situations,
    _stage_log,
)


class RepositoryBase:
    """What every part of the case file repository holds: its sessions and the access guard."""

    def __init__(
        self, read_session: SessionFactory, write_session: SessionFactory, guard: AccessGuard
    ) -> None:
        self._read = read_session
        self._write = write_session
        self._guard = guard

    def _case(self, session: Session, case_id: int) -> CaseRecord:
        record = session.get(CaseRecord, case_id)
        if record is None:
            raise CaseNotFound(case_id)
        return record


class CaseworkReads(RepositoryBase):
    """Reads of the case file (store/casework.py: CaseworkRepository)."""

    def file(self, case_id: int, *, by: Credential | None = None) -> CaseworkFile:
        """The case's whole file as `by` may read it (a 委员: a case of their committee, not recused)."""
        with self._read() as session:
            record = self._case(session, case_id)
            self._guard.check_read_case(session, case_id, by)
            return self._file(session, record)

    def _file(self, session: Session, record: CaseRecord) -> CaseworkFile:
        entries = _entries(session, record.id)
        progress = _progress(session, record, entries)
        case = to_case(record)
        visits, note = _schedule(case, entries, progress)
        stage_log = _stage_log(session, record.id)
        due = _due_of(case, progress, visits, stage_log)
        return CaseworkFile(
            case=case,
            entries=tuple(entries),
            stage_log=tuple(stage_log),
            seats=tuple(_seats(session, record.id)),
            progress=progress,
            visits=tuple(visits),
            plan_note=note,
            due=tuple(due),
            situations=_situations(session, record.id),
        )

    def progress(self, case_id: int, *, by: Credential | None = None) -> CaseProgress:
        return self.file(case_id, by=by).progress

    def due(self, *, by: Credential | None = None, case_ids: Sequence[int] | None = None) -> list[DueItem]:
        """What is due on the cases `by` may read (or on `case_ids` of them): follow-up visits not
        yet recorded, and steps past a rulebook's time limit; by date."""
        out: list[DueItem] = []
        after = 0
        while True:
            items, after_next = self.due_slice(by=by, case_ids=case_ids, after=after)
            out += items
            if after_next is None:
                return sorted(out, key=lambda d: (d.due_on, d.doc_no, d.visit_no))
            after = after_next

    def due_slice(
        self,
        *,
        by: Credential | None = None,
        case_ids: Sequence[int] | None = None,
        after: int = 0,
        limit: int = DUE_SLICE,
    ) -> tuple[list[DueItem], int | None]:
        """`due` for the next `limit` candidate cases with ids above `after`, and where to go on (None:
        done). The 工作台 reads a large store slice by slice, so the list's pages are served between."""
        only, params = self._guard.case_filter(by)
        clauses = ["stage NOT IN ('closed', 'rejected')"]
        if only:
            clauses.append(only)
        if case_ids is not None:
            if not case_ids:
                return [], None
            clauses.append(f"id IN ({','.join(str(int(i)) for i in case_ids)})")
        # Only cases that can have something due: tolerated or cleared ones (visits), and those under a
        # rulebook with time limits (none of the shipped ones has any).
        kinds = [
            "(conclusion IN ('exempt', 'lenient') AND decided_on IS NOT NULL)",
            "case_type = 'clearance'",
        ]
        limited = [rb.key for rb in _shipped_with_deadlines()]
        if limited:
            kinds.append(f"rulebook IN ({','.join('?' * len(limited))})")
        clauses.append("(" + " OR ".join(kinds) + ")")
        clauses.append("id > ?")
        sql = "SELECT id FROM cases WHERE " + " AND ".join(clauses) + " ORDER BY id LIMIT ?"
        out: list[DueItem] = []
        with self._read() as session:
            ids = [row[0] for row in _raw(session, sql, [*params, *limited, after, limit])]
            for start in range(0, len(ids), 500):
                out += self._due_for(session, ids[start : start + 500])
        return out, (ids[-1] if len(ids) == limit else None)

    def _due_for(self, session: Session, ids: list[int]) -> list[DueItem]:
        # Plain columns, never ORM rows: a row's texts would be loaded one case at a time (at 100,000
        # cases that was 50 s for the 工作台; this is well under a second).
        marks = ",".join(str(int(i)) for i in ids)
        cases: dict[int, Case] = {}
        for row in _raw(
            session,
            "SELECT id, doc_no, case_type, stage, conclusion, decided_on, rulebook, applied_on"
            f" FROM cases WHERE id IN ({marks})",
            (),
        ):
            cases[int(row[0])] = Case(
                doc_no=row[1],
                party_name="",
                party_unit="",
                party_position="",
                case_type=_CASE_TYPES[row[2]],
                stage=STAGES[row[3]],
                conclusion=_CONCLUSIONS.get(row[4] or ""),
                decided_on=dt.date.fromisoformat(row[5]) if row[5] else None,
                rulebook=row[6] or "",
                applied_on=dt.date.fromisoformat(row[7]),
                id=int(row[0]),
            )
        by_case: dict[int, list[Entry]] = {i: [] for i in ids}
        for case_id, kind, seq, data in session.execute(
            select(CaseRecordRow.case_id, CaseRecordRow.kind, CaseRecordRow.seq, CaseRecordRow.data).where(
                CaseRecordRow.case_id.in_(ids), CaseRecordRow.kind.in_(("visit", "clearance"))
            )
        ):
            entry = Entry(kind, seq, record_from_data(kind, json.loads(data)), "", "", "", "")
            by_case[case_id].append(entry)
        logs: dict[int, list[StageEntry]] = {}
        if any(rb.stage_deadlines for rb in _shipped_with_deadlines()):
            for case_id, stage, on, back in session.execute(
                select(StageLogRow.case_id, StageLogRow.stage, StageLogRow.entered_on, StageLogRow.backward)
                .where(StageLogRow.case_id.in_(ids))
                .order_by(StageLogRow.id)
            ):
                logs.setdefault(case_id, []).append(StageEntry(STAGES[stage], on, "", "", bool(back), ""))
        out: list[DueItem] = []
        for case_id in ids:
            case = cases.get(case_id)
            if case is None:
                continue
            entries = by_case[case_id]
            progress = _light_progress(case, entries)
            visits, _note = _schedule(case, entries, progress)
            out += _due_of(case, progress, visits, logs.get(case_id, []))
        return out

    def overdue_among(
        self, case_ids: Sequence[int], *, by: Credential | None = None, today: dt.date | None = None
    ) -> set[int]:
        """Which of `case_ids` have something overdue (the case list's marker)."""
        today = today or dt.date.today()
        return {d.case_id for d in self.due(by=by, case_ids=case_ids) if d.overdue(today)}

    def repeat_warnings(self, sketch: CaseSketch, *, by: Credential | None = None) -> list[RepeatMatch]:
        """Earlier tolerated cases with the same person and situation (seed 002 第九条 (九)), among the
        cases `by` may read. `sketch` is the case as it stands (a new one has case_id 0)."""
        only, params = self._guard.case_filter(by)
        narrow = f" AND {only}" if only else ""
        sql = (
            "SELECT id FROM cases WHERE party_name = ? AND conclusion IN ('exempt', 'lenient') AND id != ?"
            + narrow
        )
        with self._read() as session:
            ids = [row[0] for row in _raw(session, sql, [sketch.party_name.strip(), sketch.case_id, *params])]
            earlier = self._sketches(session, ids)
        return repeat_matches(sketch, earlier)

    def sketch(self, case_id: int, *, by: Credential | None = None) -> CaseSketch:
        with self._read() as session:
            self._case(session, case_id)
            self._guard.check_read_case(session, case_id, by)
            return self._sketches(session, [case_id])[0]

    def _sketches(self, session: Session, ids: Sequence[int]) -> list[CaseSketch]:
        if not ids:
            return []
        situations: dict[int, list[str]] = {}
        for case_id, rule_id in session.execute(
            select(ChecklistItemRow.case_id, ChecklistItemRow.rule_id)
            .where(ChecklistItemRow.case_id.in_(ids), ChecklistItemRow.kind == "situation")
            .order_by(ChecklistItemRow.case_id, ChecklistItemRow.position)
        ):
            situations.setdefault(case_id, []).append(rule_id)
        out = []
        for r in session.scalars(select(CaseRecord).where(CaseRecord.id.in_(ids)).order_by(CaseRecord.id)):
            out.append(
                CaseSketch(
                    case_id=r.id,
                    doc_no=r.doc_no,
                    party_name=r.party_name,
                    party_unit=r.party_unit,
                    work_field=r.work_field,
                    situations=tuple(situations.get(r.id, ())),
                    rulebook=r.rulebook,
                    conclusion=_CONCLUSIONS.get(r.conclusion or ""),
                    decided_on=r.decided_on,
                )
            )
        return out

    def typical_cases(self, *, by: Credential | None = None) -> list[TypicalCase]:
        """The typical-case library, as `by` may read it; names masked (谢某某) before they leave."""
        from rongcuo_desktop.domain.case import mask_name

        only, params = self._guard.case_filter(by)
        narrow = f" AND cases.{only}" if only else ""  # `id IN (...)` of the guard, on cases
        sql = (
            "SELECT case_records.case_id, case_records.data FROM case_records JOIN cases"
            " ON cases.id = case_records.case_id WHERE case_records.kind = 'typical'" + narrow
        )
        with self._read() as session:
            rows = _raw(session, sql, params)
            marks = {case_id: record_from_data("typical", json.loads(data)) for case_id, data in rows}
            sketches = self._sketches(session, list(marks))
        out = []
        for s in sketches:
            mark = marks[s.case_id]
            assert isinstance(mark, TypicalMark)
            masked = dataclasses.replace(s, party_name=mask_name(s.party_name), party_unit="")
            out.append(TypicalCase(masked, mark.summary, mark.marked_on))
        return out

    def pre_filings(self, *, by: Credential | None = None) -> list[tuple[int, str, str, Stage]]:
        """The 事前备案 a case may cite as evidence: (id, 文号, unit, stage), registered ones only."""
        only, params = self._guard.case_filter(by)
        narrow = f" AND {only}" if only else ""
        sql = (
            "SELECT id, doc_no, party_unit, stage FROM cases WHERE case_type = 'pre_filing'"
            " AND stage IN ('accepted', 'closed')" + narrow + " ORDER BY applied_on DESC, id DESC"
        )
        with self._read() as session:
            rows = _raw(session, sql, params)
        return [(i, doc_no, unit, STAGES[stage]) for i, doc_no, unit, stage in rows]
