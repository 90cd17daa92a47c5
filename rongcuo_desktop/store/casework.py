"""A case file in the store: the procedure's moves, the records of each step, the case's committee,
the follow-up schedule and what is due, the repeat check, the typical-case library, and drafts.

The rules hold here, below any UI (issue 4): every write asks the guard who acts and whether their
role may (domain/roles.py: moves need STAGE_MOVE, records CASE_EDIT, the committee MEMBERS_ASSIGN),
runs the record through its domain rules (domain/casework.check_record: the one text and date
validator), asks the procedure (domain/procedure.plan_move) whether a move is allowed, and commits
with its audit event in one transaction. A record's or a seat's event hashes the case file before
and after (pinned rulebook, records, seats), so consecutive such events of a case chain; a move's
event hashes the case itself, like every case event (create, edit, move). Recording the work of
a step moves the case on as far as the guards allow (domain/procedure.follow), in the same
transaction, with its own STAGE_MOVE event; so does recording a decision (store.judgments.decide
calls `follow_decision`).

Drafts (text typed and not saved yet) are rows of this encrypted store, per person, case and field;
they are scratch, not records: written without an audit event (one per keystroke pause would bury
the trail), read only by their author, dropped when the edit is saved.

Plain data crosses the boundary (domain dataclasses and the dataclasses below), never ORM rows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from rongcuo_desktop.domain.case import Case, CaseType, Conclusion, Stage
from rongcuo_desktop.domain.case_file import MemberRole
from rongcuo_desktop.domain.casework import (
    RECORD_LABELS,
    RECORD_TYPES,
    Acceptance,
    CaseSketch,
    Clearance,
    DueItem,
    EvidenceLink,
    Investigation,
    LenientHandling,
    PlannedVisit,
    Record,
    RecordContext,
    Rejection,
    RepeatMatch,
    TypicalCase,
    TypicalMark,
    Visit,
    check_record,
    record_data,
    record_from_data,
    record_kind,
    repeat_matches,
    visit_schedule,
)
from rongcuo_desktop.domain.procedure import (
    CaseProgress,
    Move,
    ProcedureError,
    follow,
    plan_move,
    step_label,
)
from rongcuo_desktop.domain.roles import Action, Role
from rongcuo_desktop.domain.rulebook import Rulebook
from rongcuo_desktop.domain.text_rules import FIELDS, TextProblem, clean_text, record_date_issues
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.store.accounts import SessionFactory, replace_members
from rongcuo_desktop.store.audit_models import AccountRow, CaseMemberRow
from rongcuo_desktop.store.case_list import STAGES
from rongcuo_desktop.store.casework_models import (
    CaseRecordRow,
    CaseSeatRow,
    DraftRow,
    MemberProfileRow,
    StageLogRow,
)
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.errors import CaseNotFound, PermissionDenied, StoreError
from rongcuo_desktop.store.judgment_models import ChecklistItemRow, JudgmentMemberRow
from rongcuo_desktop.store.mapping import STAGE_RANK, to_case
from rongcuo_desktop.store.models import CaseRecord
from rongcuo_desktop.store.rulebooks import find as find_shipped_rulebook

if TYPE_CHECKING:
    from rongcuo_desktop.domain.roles import AccountInfo
    from rongcuo_desktop.store.guard import AccessGuard

log = logging.getLogger(__name__)


class CaseworkError(StoreError):
    """A move the procedure does not allow, or a record that breaks its rules; nothing was written.
    `missing` lists what a blocked move still needs (for the case window)."""

    def __init__(self, message: str, missing: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.missing = tuple(missing)


NEW_CASE = "new"  # the draft key of a case not registered yet
DUE_SLICE = 2000  # candidate cases per slice of the 工作台's query (~0.3 s at most on an old PC)
# The step whose work a record is: recording it moves the case there when the guards allow.
WORK_OF: dict[str, Stage] = {
    "investigation": Stage.INVESTIGATION,
    "hearing": Stage.HEARING,
    "clearance": Stage.DECISION,
    "feedback": Stage.FEEDBACK,
    "disclosure": Stage.DISCLOSURE,
    "filing": Stage.FILING,
    "visit": Stage.FOLLOW_UP,
}
_MOVE_ONLY = {"acceptance", "rejection"}  # written by the moves to 受理 / 不予受理
_CONCLUSIONS = {c.value: c for c in Conclusion}
_CASE_TYPES = {t.value: t for t in CaseType}
_ROLES = {r.value: r for r in MemberRole}
_TOLERATED_CODES = (Conclusion.EXEMPT.value, Conclusion.LENIENT.value)


# ----- plain data out ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One record of a case's file as stored: which, its number, the record, who wrote it when."""

    kind: str
    seq: int
    record: Record
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str


@dataclass(frozen=True)
class StageEntry:
    stage: Stage
    entered_on: dt.date
    at: str
    by_name: str
    backward: bool
    reason: str


@dataclass(frozen=True)
class Seat:
    """A member on a case's committee: fixed or an expert of a field, recused or not."""

    account_id: int
    name: str
    role: MemberRole
    field: str
    recused: bool = False
    recusal_reason: str = ""


@dataclass(frozen=True)
class SeatSpec:
    """A seat the secretary asks for: the member's account name, fixed or not, the field drawn for."""

    name: str
    role: MemberRole = MemberRole.FIXED
    field: str = ""


@dataclass(frozen=True)
class Profile:
    """A 委员 in the committee's pool: fixed or not, and the fields they are an expert in."""

    account_id: int
    name: str
    fixed: bool
    fields: tuple[str, ...]
    active: bool = True


@dataclass(frozen=True)
class CaseworkFile:
    """Everything of a case's file the case window shows, as one reader may see it."""

    case: Case
    entries: tuple[Entry, ...]
    stage_log: tuple[StageEntry, ...]
    seats: tuple[Seat, ...]
    progress: CaseProgress
    visits: tuple[PlannedVisit, ...]  # the follow-up schedule with the dates done
    plan_note: str  # where the schedule comes from (cited, or the committee's local default)
    due: tuple[DueItem, ...]  # what is due on this case (visits, a step's time limit)
    situations: tuple[str, ...] = ()  # claimed in the checklist

    def of(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]

    def one(self, kind: str) -> Record | None:
        found = self.of(kind)
        return found[0].record if found else None

    def entered_on(self, stage: Stage) -> dt.date | None:
        """The first day the case entered `stage` (after its last move back past it)."""
        day = None
        for entry in self.stage_log:
            if entry.stage is stage:
                day = day or entry.entered_on
                if entry.backward:
                    day = entry.entered_on
        if day is None and stage is Stage.APPLIED:
            return self.case.applied_on
        if day is None and stage is Stage.DECISION:
            return self.case.decided_on
        return day


# ----- reading inside a session ----------------------------------------------------------------------


@functools.lru_cache(maxsize=32)
def _rulebook(key: str) -> Rulebook | None:
    """A shipped rulebook by id@version (cached: the due list asks for it per case)."""
    if not key:
        return None
    try:
        return find_shipped_rulebook(key)
    except ValidationError:
        return None


def _entries(session: Session, case_id: int) -> list[Entry]:
    rows = session.execute(
        select(
            CaseRecordRow.kind,
            CaseRecordRow.seq,
            CaseRecordRow.data,
            CaseRecordRow.created_at,
            CaseRecordRow.created_by,
            CaseRecordRow.updated_at,
            CaseRecordRow.updated_by,
        )
        .where(CaseRecordRow.case_id == case_id)
        .order_by(CaseRecordRow.kind, CaseRecordRow.seq)
    ).all()
    return [Entry(k, s, record_from_data(k, json.loads(d)), *rest) for k, s, d, *rest in rows]


def _stage_log(session: Session, case_id: int) -> list[StageEntry]:
    rows = session.execute(
        select(
            StageLogRow.stage,
            StageLogRow.entered_on,
            StageLogRow.at,
            StageLogRow.by_name,
            StageLogRow.backward,
            StageLogRow.reason,
        )
        .where(StageLogRow.case_id == case_id)
        .order_by(StageLogRow.id)
    ).all()
    return [StageEntry(STAGES[s], on, at, by, bool(back), reason) for s, on, at, by, back, reason in rows]


def _seats(session: Session, case_id: int) -> list[Seat]:
    rows = session.execute(
        select(AccountRow.id, AccountRow.name, CaseSeatRow.role, CaseSeatRow.field)
        .join(CaseMemberRow, CaseMemberRow.account_id == AccountRow.id)
        .outerjoin(
            CaseSeatRow,
            (CaseSeatRow.case_id == CaseMemberRow.case_id) & (CaseSeatRow.account_id == AccountRow.id),
        )
        .where(CaseMemberRow.case_id == case_id)
        .order_by(AccountRow.name)
    ).all()
    recused = {
        account_id: reason
        for account_id, reason in session.execute(
            select(JudgmentMemberRow.account_id, JudgmentMemberRow.recusal_reason).where(
                JudgmentMemberRow.case_id == case_id, JudgmentMemberRow.recused.is_(True)
            )
        )
    }
    return [
        Seat(
            account_id,
            name,
            _ROLES.get(role or "", MemberRole.FIXED),
            field or "",
            account_id in recused,
            recused.get(account_id, ""),
        )
        for account_id, name, role, field in rows
    ]


def _situations(session: Session, case_id: int) -> tuple[str, ...]:
    return tuple(
        session.scalars(
            select(ChecklistItemRow.rule_id)
            .where(ChecklistItemRow.case_id == case_id, ChecklistItemRow.kind == "situation")
            .order_by(ChecklistItemRow.position)
        )
    )


def _start_of_follow_up(case: Case, entries: Sequence[Entry]) -> dt.date | None:
    """The day the year of follow-up counts from: the decision (容错免责), the finding (澄清正名)."""
    if case.case_type is CaseType.CLEARANCE:
        clearance = next((e.record for e in entries if e.kind == "clearance"), None)
        return clearance.found_on if isinstance(clearance, Clearance) else None
    return case.decided_on


def _schedule(case: Case, entries: Sequence[Entry], progress: CaseProgress) -> tuple[list[PlannedVisit], str]:
    rulebook = _rulebook(case.rulebook)
    start = _start_of_follow_up(case, entries)
    if rulebook is None or start is None or not progress.follow_up_applies:
        return [], ""
    plan = rulebook.visit_plan()
    done: dict[int, dt.date] = {}
    for e in entries:
        if isinstance(e.record, Visit):
            done.setdefault(e.record.visit_no, e.record.visited_on)
    source = plan.citation.label() if plan.citation else ""
    note = "；".join(part for part in (source, plan.note) if part)
    return visit_schedule(start, plan.visit_months, done), note


def _progress(session: Session, record: CaseRecord, entries: Sequence[Entry]) -> CaseProgress:
    case = to_case(record)
    rulebook = _rulebook(case.rulebook)
    present = session.scalar(
        select(func.count())
        .select_from(CaseMemberRow)
        .where(
            CaseMemberRow.case_id == record.id,
            ~select(JudgmentMemberRow.id)
            .where(
                JudgmentMemberRow.case_id == record.id,
                JudgmentMemberRow.account_id == CaseMemberRow.account_id,
                JudgmentMemberRow.recused.is_(True),
            )
            .exists(),
        )
    )
    kinds = [e.kind for e in entries]
    clearance = next((e.record for e in entries if isinstance(e.record, Clearance)), None)
    visits_done = len({e.record.visit_no for e in entries if isinstance(e.record, Visit)})
    progress = CaseProgress(
        case_type=case.case_type,
        stage=case.stage,
        applicant_type=case.applicant_type,
        matter=case.accountability_matter,
        rulebook=case.rulebook,
        investigations=kinds.count("investigation"),
        members_present=int(present or 0),
        quorum=int(rulebook.setting("quorum")) if rulebook else None,
        conclusion=case.conclusion,
        finding=clearance.finding if clearance else None,
        wishes=bool(clearance and clearance.wishes.strip()),
        clearing_methods=len(clearance.methods) if clearance else 0,
        feedback_notices=kinds.count("feedback"),
        disclosures=kinds.count("disclosure"),
        filings=kinds.count("filing"),
        visits_done=visits_done,
    )
    planned = 0
    if rulebook is not None and progress.follow_up_applies:
        planned = len(rulebook.visit_plan().visit_months)
    return dataclasses.replace(progress, visits_planned=planned)


def _context(
    session: Session, record: CaseRecord, entries: Sequence[Entry], progress: CaseProgress
) -> RecordContext:
    acceptance = next((e.record for e in entries if isinstance(e.record, Acceptance)), None)
    rulebook = _rulebook(record.rulebook)
    decided_on = record.decided_on
    if record.case_type == CaseType.CLEARANCE.value:
        clearance = next((e.record for e in entries if isinstance(e.record, Clearance)), None)
        decided_on = clearance.found_on if isinstance(clearance, Clearance) else None
    return RecordContext(
        case_type=CaseType.from_code_or_label(record.case_type),
        party_name=record.party_name,
        applied_on=record.applied_on,
        accepted_on=acceptance.accepted_on if isinstance(acceptance, Acceptance) else None,
        decided_on=decided_on,
        usage_ids=frozenset(r.id for r in rulebook.result_usage) if rulebook else frozenset(),
        visits_planned=progress.visits_planned,
    )


def snapshot(session: Session, record: CaseRecord) -> dict[str, Any]:
    """The case file as plain data for the audit hashes of its CASE_RECORD events: every record and
    the seats (the stage and the rulebook are the case's own: moves hash the case, see apply_move)."""
    return file_states(session, [record.id])[record.id]


def file_states(session: Session, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The case files of `ids` as their CASE_RECORD events hash them (store/audit_state.py compares
    them with the latest such event); an empty file for a case without records or seats."""
    out: dict[int, dict[str, Any]] = {int(i): {"records": [], "seats": []} for i in ids}
    for start in range(0, len(ids), 500):
        chunk = [int(i) for i in ids[start : start + 500]]
        for case_id, kind, seq, data in session.execute(
            select(CaseRecordRow.case_id, CaseRecordRow.kind, CaseRecordRow.seq, CaseRecordRow.data)
            .where(CaseRecordRow.case_id.in_(chunk))
            .order_by(CaseRecordRow.case_id, CaseRecordRow.kind, CaseRecordRow.seq)
        ):
            out[case_id]["records"].append([kind, seq, json.loads(data)])
        for case_id, account_id, role, field in session.execute(
            select(CaseSeatRow.case_id, CaseSeatRow.account_id, CaseSeatRow.role, CaseSeatRow.field)
            .where(CaseSeatRow.case_id.in_(chunk))
            .order_by(CaseSeatRow.case_id, CaseSeatRow.account_id)
        ):
            out[case_id]["seats"].append([account_id, role, field])
    return out


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


# ----- moving a case (also called by store.judgments.decide) -------------------------------------------


def apply_move(
    session: Session,
    guard: AccessGuard,
    record: CaseRecord,
    move: Move,
    actor: AccountInfo,
    *,
    on: dt.date,
    why: str = "",
    before: Case | None = None,
) -> None:
    """Write a move the procedure allowed: the case's stage, one stage-log line per stage entered, and
    the STAGE_MOVE event. Its before and after hashes are of the case itself (domain Case), as every
    case event's are (create, edit, move): a move changes the case, not its file's records."""
    before = before if before is not None else to_case(record)
    at = _now()
    for stage in move.entered:
        session.add(
            StageLogRow(
                case_id=record.id,
                stage=stage.value,
                entered_on=on,
                at=at,
                by_name=actor.name,
                backward=move.backward,
                reason=move.reason if move.backward or stage is Stage.REJECTED else "",
            )
        )
    record.stage = move.target.value
    record.stage_rank = STAGE_RANK[move.target]
    record.updated_at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    session.flush()
    case_type = CaseType.from_code_or_label(record.case_type)
    arrow = f"{step_label(case_type, move.source)} → {step_label(case_type, move.target)}"
    summary = (
        f"阶段：{arrow}" + ("（退回，理由已记录）" if move.backward else "") + (f"（{why}）" if why else "")
    )
    detail: dict[str, Any] = {
        "from": move.source.value,
        "to": move.target.value,
        "entered": [s.value for s in move.entered],
        "backward": move.backward,
        "on": on.isoformat(),
    }
    if move.reason and (move.backward or move.target is Stage.REJECTED):
        detail["reason"] = move.reason
    guard.audit(
        session,
        Action.STAGE_MOVE,
        case_id=record.id,
        summary=summary,
        detail=detail,
        before=before,
        after=to_case(record),
        actor=actor,
    )


def follow_decision(session: Session, guard: AccessGuard, record: CaseRecord, actor: AccountInfo) -> None:
    """A decision was just recorded on `record` (store.judgments.decide): the case moves to 结论认定
    if it was behind it (the stage follows the work), in the same transaction."""
    entries = _entries(session, record.id)
    move = follow(_progress(session, record, entries), Stage.DECISION)
    if move is not None:
        on = record.decided_on or dt.date.today()
        apply_move(session, guard, record, move, actor, on=on, why="随认定结论")


def record_with_decision(
    session: Session, guard: AccessGuard, record: CaseRecord, handling: LenientHandling, actor: AccountInfo
) -> None:
    """The decision dialog records the lighter handling's 四种形态 with the decision, in the
    decision's transaction (store.judgments.decide): one case file record, checked and audited as
    `CaseworkRepository.add` does."""
    entries = _entries(session, record.id)
    keeper = CaseworkRepository(_no_session, _no_session, guard)
    keeper._put(session, record, handling, actor, entries, _progress(session, record, entries))


def _no_session() -> Any:
    raise RuntimeError("record_with_decision writes in the caller's session")


# ----- the repository -------------------------------------------------------------------------------


class CaseworkRepository:
    """A case's file: moves, records, committee, drafts; what is due; the repeat check and library."""

    def __init__(
        self, read_session: SessionFactory, write_session: SessionFactory, guard: AccessGuard
    ) -> None:
        self._read = read_session
        self._write = write_session
        self._guard = guard

    # --- reads ---------------------------------------------------------------------------------

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

    # --- moves ---------------------------------------------------------------------------------

    def move(
        self,
        case_id: int,
        target: Stage,
        *,
        reason: str = "",
        on: dt.date | None = None,
        rulebook: str | None = None,
        note: str = "",
        by: Credential | None = None,
    ) -> Stage:
        """Move the case to `target` (or say, in CaseworkError, what is missing). 受理 pins the rulebook
        (`rulebook`, or the one the case names) and records the acceptance; 不予受理 records the
        reason; a move back needs a reason. `on` is the day of the step (today by default)."""
        actor = self._guard.check_write(Action.STAGE_MOVE, by)
        on = on or dt.date.today()
        reason = _clean_reason(reason) if reason.strip() else ""
        with self._write() as session:
            record = self._case(session, case_id)
            before = snapshot(session, record)
            case_before = to_case(record)
            if target is Stage.ACCEPTED and rulebook is not None:
                self._pin_rulebook(session, record, rulebook)
            entries = _entries(session, case_id)
            progress = _progress(session, record, entries)
            try:
                move = plan_move(progress, target, reason=reason)
            except ProcedureError as error:
                raise CaseworkError(str(error), error.missing) from None
            self._check_day(session, record, on, move)
            step: Record | None = None
            if target is Stage.ACCEPTED and not move.backward:
                step = Acceptance(on, record.rulebook, note)
            elif target is Stage.REJECTED:
                step = Rejection(on, reason)
            if step is not None:  # its own event first (the rulebook pinned with it), then the move
                self._put(session, record, step, actor, entries, progress, before=before)
            apply_move(session, self._guard, record, move, actor, on=on, before=case_before)
        log.info("case %d moved to %s", case_id, target.value)
        return target

    def _pin_rulebook(self, session: Session, record: CaseRecord, name: str) -> None:
        found = _rulebook(name.strip()) if "@" in name else None
        if found is None:
            try:
                found = find_shipped_rulebook(name.strip())
            except ValidationError as error:
                raise CaseworkError(f"受理没有进行：{error.issues[0].message}") from None
        if record.rulebook == found.key:
            return
        has_checklist = session.scalar(
            select(ChecklistItemRow.case_id).where(ChecklistItemRow.case_id == record.id).limit(1)
        )
        if record.conclusion is not None or has_checklist is not None:
            raise CaseworkError(
                f"本案已按规则库 {record.rulebook} 填写研判清单或记录认定结论，受理时不能改用 {found.key}。"
            )
        record.rulebook = found.key

    def _check_day(self, session: Session, record: CaseRecord, on: dt.date, move: Move) -> None:
        """The day of a move: not in the future, not before the application nor the last move."""
        last = session.scalar(
            select(StageLogRow.entered_on)
            .where(StageLogRow.case_id == record.id)
            .order_by(StageLogRow.id.desc())
            .limit(1)
        )
        label = f"进入“{step_label(CaseType.from_code_or_label(record.case_type), move.target)}”的日期"
        issues = record_date_issues("on", label, on, {"申请日期": record.applied_on, "上一步的日期": last})
        if issues:
            raise CaseworkError(f"{issues[0].message}。阶段没有改变。")

    # --- records -------------------------------------------------------------------------------

    def add(self, case_id: int, record: Record, *, by: Credential | None = None) -> int:
        """Add a record (a single one, such as 备案, replaces the one there); returns its number.
        The case then moves on as far as the work allows."""
        return self._save(case_id, record, None, by)

    def replace(self, case_id: int, seq: int, record: Record, *, by: Credential | None = None) -> int:
        """Correct record number `seq` of its kind."""
        return self._save(case_id, record, seq, by)

    def _save(self, case_id: int, record: Record, seq: int | None, by: Credential | None) -> int:
        actor = self._guard.check_write(Action.CASE_RECORD, by)
        kind = record_kind(record)
        if kind in _MOVE_ONLY:
            raise CaseworkError(f"“{RECORD_LABELS[kind]}”随阶段推进记录（rongcuo stage）。")
        with self._write() as session:
            row = self._case(session, case_id)
            before = snapshot(session, row)
            entries = _entries(session, case_id)
            progress = _progress(session, row, entries)
            number = self._put(session, row, record, actor, entries, progress, seq=seq, before=before)
            entries = _entries(session, case_id)
            stage = WORK_OF.get(kind)
            if stage is not None:
                move = follow(_progress(session, row, entries), stage)
                if move is not None:
                    day = _day_of(record) or dt.date.today()
                    apply_move(session, self._guard, row, move, actor, on=day, why=f"随{RECORD_LABELS[kind]}")
        log.info("case %d: %s %d saved", case_id, kind, number)
        return number

    def _put(
        self,
        session: Session,
        row: CaseRecord,
        record: Record,
        actor: AccountInfo,
        entries: Sequence[Entry],
        progress: CaseProgress,
        *,
        seq: int | None = None,
        before: dict[str, Any] | None = None,
    ) -> int:
        kind = record_kind(record)
        before = before if before is not None else snapshot(session, row)
        context = _context(session, row, entries, progress)
        try:
            clean = check_record(record, context)
        except ValidationError as error:
            raise CaseworkError(f"{error}\n没有保存，数据库没有任何改动。") from None
        try:
            self._check_links(session, row, clean)
        except CaseworkError as error:
            raise CaseworkError(f"{error}没有保存。") from None
        same = [e for e in entries if e.kind == kind]
        single = bool(RECORD_TYPES[kind].SINGLE)
        if isinstance(clean, Visit):
            taken = [e for e in same if isinstance(e.record, Visit) and e.record.visit_no == clean.visit_no]
            if taken and taken[0].seq != seq:
                raise CaseworkError(f"第 {clean.visit_no} 次回访已经记录；如需更正，请修改那条记录。")
        if seq is None and single and same:
            seq = same[0].seq
        now = _now()
        data = json.dumps(record_data(clean), ensure_ascii=False, sort_keys=True)
        if seq is not None:
            stored = session.scalar(
                select(CaseRecordRow).where(
                    CaseRecordRow.case_id == row.id, CaseRecordRow.kind == kind, CaseRecordRow.seq == seq
                )
            )
            if stored is None:
                raise CaseworkError(f"本案没有第 {seq} 条{RECORD_LABELS[kind]}。")
            stored.data, stored.updated_at, stored.updated_by = data, now, actor.name
            verb = "修改"
        else:
            seq = max((e.seq for e in same), default=0) + 1
            session.add(
                CaseRecordRow(
                    case_id=row.id,
                    kind=kind,
                    seq=seq,
                    data=data,
                    created_at=now,
                    created_by=actor.name,
                    updated_at=now,
                    updated_by=actor.name,
                )
            )
            verb = "记录"
        row.updated_at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        session.flush()
        number = "" if single else f"（第 {seq} 条）"
        self._guard.audit(
            session,
            Action.CASE_RECORD,
            case_id=row.id,
            summary=f"{verb}{RECORD_LABELS[kind]}{number}",
            detail={"record": kind, "seq": seq},
            before=before,
            after=snapshot(session, row),
            actor=actor,
        )
        return seq

    def remove(self, case_id: int, kind: str, seq: int, *, by: Credential | None = None) -> None:
        """Delete record `seq` of `kind` (a record entered by mistake); the stage stays where it is."""
        actor = self._guard.check_write(Action.CASE_RECORD, by)
        if kind not in RECORD_TYPES or kind in _MOVE_ONLY:
            raise CaseworkError(f"不能删除这类记录：{kind}。")
        with self._write() as session:
            row = self._case(session, case_id)
            before = snapshot(session, row)
            stored = session.scalar(
                select(CaseRecordRow).where(
                    CaseRecordRow.case_id == case_id, CaseRecordRow.kind == kind, CaseRecordRow.seq == seq
                )
            )
            if stored is None:
                raise CaseworkError(f"本案没有第 {seq} 条{RECORD_LABELS[kind]}。")
            session.delete(stored)
            session.flush()
            self._guard.audit(
                session,
                Action.CASE_RECORD,
                case_id=case_id,
                summary=f"删除{RECORD_LABELS[kind]}（第 {seq} 条）",
                detail={"record": kind, "seq": seq, "removed": True},
                before=before,
                after=snapshot(session, row),
                actor=actor,
            )

    def _check_links(self, session: Session, row: CaseRecord, record: Record) -> None:
        """Attachments linked to an investigation are this case's; a linked 事前备案 is one."""
        if isinstance(record, Investigation) and record.attachment_ids:
            found = set(
                session.scalars(text("SELECT id FROM attachments WHERE case_id = :c").bindparams(c=row.id))
            )
            strange = [i for i in record.attachment_ids if i not in found]
            if strange:
                raise CaseworkError(f"附件 {strange[0]} 不是本案的附件，不能关联到调查核实记录。")
        if isinstance(record, EvidenceLink):
            linked = session.get(CaseRecord, record.pre_filing_id)
            if linked is None or linked.case_type != CaseType.PRE_FILING.value:
                raise CaseworkError(f"编号 {record.pre_filing_id} 不是一件事前备案，不能作为证据关联。")
            if linked.stage not in (Stage.ACCEPTED.value, Stage.CLOSED.value):
                raise CaseworkError(f"事前备案 {linked.doc_no} 尚未登记备案，不能作为证据关联。")
            if linked.id == row.id:
                raise CaseworkError("案件不能关联自己。")
        if isinstance(record, TypicalMark) and row.conclusion is None:
            raise CaseworkError("只有已认定的案件才能列为典型案例。")

    # --- the committee -------------------------------------------------------------------------

    def set_committee(self, case_id: int, seats: Sequence[SeatSpec], *, by: Credential | None = None) -> None:
        """The case's committee: fixed members and experts drawn by field (seed 000). Only 委员; a
        member who scored or recused stays on it (store.accounts.replace_members)."""
        actor = self._guard.check_write(Action.MEMBERS_ASSIGN, by)
        clean = []
        for seat in seats:
            try:
                field = clean_text(seat.field, FIELDS["expert_field"])
            except TextProblem as problem:
                raise CaseworkError(f"{seat.name}：{problem}。没有保存。") from None
            clean.append(dataclasses.replace(seat, field=field))
        with self._write() as session:
            row = self._case(session, case_id)
            before = snapshot(session, row)
            names_before, wanted = replace_members(session, case_id, [s.name for s in clean])
            ids = dict(
                session.execute(
                    select(AccountRow.name, AccountRow.id).where(AccountRow.name.in_(wanted))
                ).all()
            )
            session.execute(delete(CaseSeatRow).where(CaseSeatRow.case_id == case_id))
            for seat in clean:
                name = seat.name.strip()
                if name in ids:
                    session.add(
                        CaseSeatRow(
                            case_id=case_id, account_id=ids[name], role=seat.role.value, field=seat.field
                        )
                    )
            session.flush()
            experts = sum(1 for s in clean if s.role is MemberRole.NON_FIXED)
            # Two events, each hashing what it is about: the committee (as store.accounts writes it)
            # and the case file with its seats (who is an expert of which field).
            self._guard.audit(
                session,
                Action.MEMBERS_ASSIGN,
                case_id=case_id,
                summary=f"案件委员：{'、'.join(wanted) or '（无）'}（其中非固定成员 {experts} 人）",
                before={"members": names_before},
                after={"members": wanted},
                actor=actor,
            )
            self._guard.audit(
                session,
                Action.CASE_RECORD,
                case_id=case_id,
                summary=f"委员会组成：固定成员 {len(clean) - experts} 人，非固定成员 {experts} 人",
                detail={"record": "seats"},
                before=before,
                after=snapshot(session, row),
                actor=actor,
            )

    def profiles(self, *, by: Credential | None = None) -> list[Profile]:
        """Every 委员 account with their place in the pool (fixed or not, fields of expertise)."""
        self._guard.acting(by)
        with self._read() as session:
            rows = session.execute(
                select(
                    AccountRow.id,
                    AccountRow.name,
                    AccountRow.active,
                    MemberProfileRow.fixed,
                    MemberProfileRow.fields,
                )
                .outerjoin(MemberProfileRow, MemberProfileRow.account_id == AccountRow.id)
                .where(AccountRow.role == Role.MEMBER.value)
                .order_by(AccountRow.name)
            ).all()
        return [
            Profile(
                i,
                name,
                bool(fixed) if fixed is not None else True,
                tuple(json.loads(fields or "[]")),
                bool(active),
            )
            for i, name, active, fixed, fields in rows
        ]

    def set_profile(
        self, name: str, *, fixed: bool, fields: Iterable[str], by: Credential | None = None
    ) -> None:
        """A 委员's place in the pool: fixed, or a non-fixed expert of these fields."""
        actor = self._guard.check_write(Action.MEMBERS_ASSIGN, by)
        clean: list[str] = []
        for field in fields:
            try:
                value = clean_text(field, FIELDS["expert_field"])
            except TextProblem as problem:
                raise CaseworkError(f"{problem}。没有保存。") from None
            if value and value not in clean:
                clean.append(value)
        with self._write() as session:
            account = session.scalar(select(AccountRow).where(AccountRow.name == name.strip()))
            if account is None or account.role != Role.MEMBER.value:
                raise CaseworkError(f"没有名为“{name}”的委员账户。")
            profile = session.get(MemberProfileRow, account.id)
            before = (
                None if profile is None else {"fixed": profile.fixed, "fields": json.loads(profile.fields)}
            )
            if profile is None:
                profile = MemberProfileRow(account_id=account.id)
                session.add(profile)
            profile.fixed, profile.fields = fixed, json.dumps(clean, ensure_ascii=False)
            self._guard.audit(
                session,
                Action.MEMBERS_ASSIGN,
                summary=f"委员“{account.name}”：{'固定成员' if fixed else '非固定成员'}"
                + (f"，领域 {'、'.join(clean)}" if clean else ""),
                before=before,
                after={"fixed": fixed, "fields": clean},
                actor=actor,
            )

    # --- drafts --------------------------------------------------------------------------------

    def save_draft(self, case_key: str, field: str, value: str, *, by: Credential | None = None) -> None:
        """Keep unsaved text (the case window, debounced) until it is saved or discarded."""
        actor = self._draft_author(by)
        if len(value) > FIELDS["draft"].max_length:
            raise CaseworkError(f"草稿太长：{len(value):,} 个字，最多 {FIELDS['draft'].max_length:,} 个字。")
        with self._write() as session:
            row = session.get(DraftRow, (actor.id, case_key, field))
            if row is None:
                session.add(
                    DraftRow(account_id=actor.id, case_key=case_key, field=field, text=value, saved_at=_now())
                )
            else:
                row.text, row.saved_at = value, _now()

    def drafts(self, case_key: str, *, by: Credential | None = None) -> dict[str, str]:
        actor = self._draft_author(by)
        with self._read() as session:
            rows = session.execute(
                select(DraftRow.field, DraftRow.text).where(
                    DraftRow.account_id == actor.id, DraftRow.case_key == case_key
                )
            ).all()
        return dict(rows)

    def drop_drafts(
        self, case_key: str, fields: Iterable[str] | None = None, *, by: Credential | None = None
    ) -> None:
        actor = self._draft_author(by)
        with self._write() as session:
            query = delete(DraftRow).where(DraftRow.account_id == actor.id, DraftRow.case_key == case_key)
            if fields is not None:
                query = query.where(DraftRow.field.in_(list(fields)))
            session.execute(query)

    def _draft_author(self, by: Credential | None) -> AccountInfo:
        actor = self._guard.acting(by)
        if not (actor.may(Action.CASE_EDIT) or actor.may(Action.CASE_CREATE)):
            raise PermissionDenied(f"{actor.role.label}不编辑案件，没有草稿。")
        return actor

    # --- plumbing ------------------------------------------------------------------------------

    def _case(self, session: Session, case_id: int) -> CaseRecord:
        record = session.get(CaseRecord, case_id)
        if record is None:
            raise CaseNotFound(case_id)
        return record


# ----- helpers ---------------------------------------------------------------------------------------


def _clean_reason(reason: str) -> str:
    try:
        return clean_text(reason, FIELDS["reason"])
    except TextProblem as problem:
        raise CaseworkError(f"{problem}。阶段没有改变。") from None


def _day_of(record: Record) -> dt.date | None:
    for name in ("held_on", "sent_on", "disclosed_on", "filed_on", "visited_on", "found_on"):
        value = getattr(record, name, None)
        if isinstance(value, dt.date):
            return value
    return None


def _raw(session: Session, sql: str, params: Sequence[Any]) -> list[Any]:
    """SQL with `?` placeholders (as the guard's case filter writes them), on the session's connection."""
    return list(session.connection().exec_driver_sql(sql, tuple(params)).all())


def _light_progress(case: Case, entries: Sequence[Entry]) -> CaseProgress:
    """Enough of a case's progress for its schedule (who follows up), without the committee queries."""
    clearance = next((e.record for e in entries if isinstance(e.record, Clearance)), None)
    return CaseProgress(
        case_type=case.case_type,
        stage=case.stage,
        rulebook=case.rulebook,
        conclusion=case.conclusion,
        finding=clearance.finding if isinstance(clearance, Clearance) else None,
    )


def _due_of(
    case: Case, progress: CaseProgress, visits: Sequence[PlannedVisit], stage_log: Sequence[StageEntry]
) -> list[DueItem]:
    """A case's due items: each planned visit not recorded, and its current step's time limit."""
    assert case.id is not None
    if case.stage in (Stage.CLOSED, Stage.REJECTED):
        return []
    out = [
        DueItem(
            case.id,
            case.doc_no,
            "visit",
            f"第 {v.visit_no} 次回访（认定后第 {v.month} 个月）",
            v.due_on,
            v.visit_no,
        )
        for v in visits
        if v.done_on is None
    ]
    rulebook = _rulebook(case.rulebook)
    deadline = rulebook.deadline(case.stage.value) if rulebook else None
    if deadline is not None:
        entered = None
        for entry in stage_log:
            if entry.stage is case.stage:
                entered = entry.entered_on
        if entered is None and case.stage is Stage.APPLIED:
            entered = case.applied_on
        if entered is not None:
            label = f"“{step_label(case.case_type, case.stage)}”期限 {deadline.days} 天"
            out.append(
                DueItem(case.id, case.doc_no, "deadline", label, entered + dt.timedelta(days=deadline.days))
            )
    return out


@functools.lru_cache(maxsize=1)
def _shipped_with_deadlines() -> tuple[Rulebook, ...]:
    from rongcuo_desktop.store.rulebooks import shipped

    return tuple(rb for rb in shipped() if rb.stage_deadlines)
