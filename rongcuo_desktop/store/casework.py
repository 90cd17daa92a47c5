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

Plain data crosses the boundary (domain dataclasses and those of store/casework_file.py), never ORM
rows. The repository is in parts: its reads (casework_queries.py), the committee and drafts
(casework_committee.py), and here the moves and records.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from rongcuo_desktop.domain.case import Case, CaseType, Stage
from rongcuo_desktop.domain.casework import (
    RECORD_LABELS,
    RECORD_TYPES,
    Acceptance,
    EvidenceLink,
    Investigation,
    LenientHandling,
    Record,
    Rejection,
    TypicalMark,
    Visit,
    check_record,
    record_kind,
)
from rongcuo_desktop.domain.casework_data import record_data
from rongcuo_desktop.domain.procedure import (
    CaseProgress,
    Move,
    ProcedureError,
    follow,
    plan_move,
    step_label,
)
from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.domain.text_rules import FIELDS, TextProblem, clean_text, record_date_issues
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.store.casework_models import (
    CaseRecordRow,
    StageLogRow,
)
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.judgment_models import ChecklistItemRow
from rongcuo_desktop.store.mapping import STAGE_RANK, to_case
from rongcuo_desktop.store.models import CaseRecord
from rongcuo_desktop.store.rulebooks import find as find_shipped_rulebook

if TYPE_CHECKING:
    from rongcuo_desktop.domain.roles import AccountInfo
    from rongcuo_desktop.store.guard import AccessGuard
from rongcuo_desktop.store.casework_committee import CommitteeAndDrafts
from rongcuo_desktop.store.casework_file import (
    _MOVE_ONLY,
    _context,
    _entries,
    _now,
    _progress,
    _rulebook,
)
from rongcuo_desktop.store.casework_file import (
    DUE_SLICE as DUE_SLICE,
)
from rongcuo_desktop.store.casework_file import (
    NEW_CASE as NEW_CASE,
)
from rongcuo_desktop.store.casework_file import (
    WORK_OF as WORK_OF,
)
from rongcuo_desktop.store.casework_file import (  # re-exported: the file as plain data
    CaseworkError as CaseworkError,
)
from rongcuo_desktop.store.casework_file import (
    CaseworkFile as CaseworkFile,
)
from rongcuo_desktop.store.casework_file import (
    Entry as Entry,
)
from rongcuo_desktop.store.casework_file import (
    Profile as Profile,
)
from rongcuo_desktop.store.casework_file import (
    Seat as Seat,
)
from rongcuo_desktop.store.casework_file import (
    SeatSpec as SeatSpec,
)
from rongcuo_desktop.store.casework_file import (
    StageEntry as StageEntry,
)
from rongcuo_desktop.store.casework_file import (
    file_states as file_states,
)
from rongcuo_desktop.store.casework_file import (
    snapshot as snapshot,
)
from rongcuo_desktop.store.casework_queries import CaseworkReads

log = logging.getLogger(__name__)


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


class CaseworkRepository(CaseworkReads, CommitteeAndDrafts):
    """A case's file: moves, records, committee, drafts; what is due; the repeat check and library."""

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
            raise CaseworkError(f"{error.said()}\n没有保存，数据库没有任何改动。") from None
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
