"""A case's file as plain data (entries, the stage log, seats, profiles), read from the store in
one session, and what the repository's parts share: the error, the kinds of work, the plain reads
of progress, schedule and what is due. Split from store/casework.py (the repository), which
re-exports the public names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rongcuo_desktop.domain.case import Case, CaseType, Conclusion, Stage
from rongcuo_desktop.domain.case_file import MemberRole
from rongcuo_desktop.domain.casework import (
    Acceptance,
    Clearance,
    DueItem,
    PlannedVisit,
    Record,
    RecordContext,
    Visit,
    checklist_item_names,
    visit_schedule,
)
from rongcuo_desktop.domain.casework_data import record_from_data
from rongcuo_desktop.domain.procedure import (
    CaseProgress,
    step_label,
)
from rongcuo_desktop.domain.rulebook import Rulebook
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.store.audit_models import AccountRow, CaseMemberRow
from rongcuo_desktop.store.case_list import STAGES
from rongcuo_desktop.store.casework_models import (
    CaseRecordRow,
    CaseSeatRow,
    StageLogRow,
)
from rongcuo_desktop.store.errors import StoreError
from rongcuo_desktop.store.judgment_models import ChecklistItemRow, JudgmentMemberRow
from rongcuo_desktop.store.mapping import to_case
from rongcuo_desktop.store.models import CaseRecord
from rongcuo_desktop.store.rulebooks import find as find_shipped_rulebook

if TYPE_CHECKING:
    pass


class CaseworkError(StoreError):
    """A move the procedure does not allow, or a record that breaks its rules; nothing was written.
    `missing` lists what a blocked move still needs (for the case window)."""

    def __init__(self, message: str, missing: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.missing = tuple(missing)


NEW_CASE = "new"  # the draft key of a case not registered yet
DUE_SLICE = 2000  # candidate cases per slice of the 工作台's query (~0.3 s at most on an old PC)
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
        checklist_items=(
            checklist_item_names(
                (
                    ("容错条件", rulebook.conditions),
                    ("容错情形", rulebook.situations),
                    ("不予容错情形", rulebook.exclusions),
                )
            )
            if rulebook
            else {}
        ),
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
