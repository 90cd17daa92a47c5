"""A case file's work, step by step: register, move through the procedure, record each step, seat the
committee, keep the follow-up calendar; what is due; the repeat check and the typical-case library;
drafts of unsaved text.

Every write takes the acting person's Credential and commits with its audit event in one
transaction; the store refuses a role that may not (a 委员 reads and scores, never moves a case) and a
move the procedure does not allow (CaseworkError says what is missing, in the words the case window
and `rongcuo stage` both show). The procedure's own rules -- the path of a case type, what each step
needs, the moves the case window offers -- are domain.procedure's, re-exported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from rongcuo_desktop.domain.case import Case, Stage
from rongcuo_desktop.domain.casework import (
    RECORD_LABELS,
    CaseSketch,
    DueItem,
    Record,
    RepeatMatch,
    TypicalCase,
    similar_typical,
)
from rongcuo_desktop.domain.procedure import CaseProgress, MoveOption, options, path, step_label, steps
from rongcuo_desktop.domain.rulebook import Rulebook
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.casework import (
    NEW_CASE,
    CaseworkError,
    CaseworkFile,
    Entry,
    Profile,
    Seat,
    SeatSpec,
    StageEntry,
)
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.rulebooks import find as find_rulebook
from rongcuo_desktop.store.rulebooks import shipped

__all__ = [
    "NEW_CASE",
    "RECORD_LABELS",
    "CaseProgress",
    "CaseworkError",
    "CaseworkFile",
    "DueItem",
    "Entry",
    "MoveOption",
    "Profile",
    "Seat",
    "SeatSpec",
    "StageEntry",
    "add",
    "drafts",
    "drop_drafts",
    "due",
    "due_slice",
    "file",
    "move",
    "move_options",
    "overdue_among",
    "path",
    "pre_filings",
    "profiles",
    "record_recusal",
    "register",
    "remove",
    "repeat_warnings",
    "replace",
    "rulebook_of",
    "rulebooks",
    "save_draft",
    "set_committee",
    "set_profile",
    "similar_typical_cases",
    "sketch",
    "step_label",
    "steps",
    "typical_cases",
]


# ----- reads ------------------------------------------------------------------------------------


def file(ws: Workspace, by: Credential, case_id: int) -> CaseworkFile:
    """The case's whole file as `by` may read it (a 委员: their committee's cases, not recused ones)."""
    return ws.store.casework.file(case_id, by=by)


def move_options(progress: CaseProgress) -> list[MoveOption]:
    """The moves the case window offers for a case's progress, each allowed or with what it misses."""
    return options(progress)


def due(ws: Workspace, by: Credential) -> list[DueItem]:
    """What is due across the cases `by` may read (visits not recorded, steps past a time limit)."""
    return ws.store.casework.due(by=by)


def due_slice(ws: Workspace, by: Credential, after: int = 0) -> tuple[list[DueItem], int | None]:
    """`due` in slices (the 工作台 on a large store): the items of the next candidate cases after
    `after`, and where to go on (None: done)."""
    return ws.store.casework.due_slice(by=by, after=after)


def overdue_among(
    ws: Workspace, by: Credential, case_ids: Sequence[int], today: dt.date | None = None
) -> set[int]:
    """Which of `case_ids` have something overdue (the case list's marker)."""
    return ws.store.casework.overdue_among(case_ids, by=by, today=today)


def sketch(ws: Workspace, by: Credential, case_id: int) -> CaseSketch:
    """What the repeat check and the typical-case library compare of a stored case."""
    return ws.store.casework.sketch(case_id, by=by)


def repeat_warnings(ws: Workspace, by: Credential, case: CaseSketch) -> list[RepeatMatch]:
    """Earlier tolerated cases with the same person and situation (seed 002 第九条 (九))."""
    return ws.store.casework.repeat_warnings(case, by=by)


def typical_cases(ws: Workspace, by: Credential) -> list[TypicalCase]:
    """The typical-case library (names masked)."""
    return ws.store.casework.typical_cases(by=by)


def similar_typical_cases(ws: Workspace, by: Credential, case: CaseSketch) -> list[TypicalCase]:
    """Typical cases to show beside `case`: those claiming one of its situations, else of its field."""
    return similar_typical(typical_cases(ws, by), case)


def pre_filings(ws: Workspace, by: Credential) -> list[tuple[int, str, str, Stage]]:
    """Registered 事前备案 a case may cite as evidence: (id, 文号, unit, stage)."""
    return ws.store.casework.pre_filings(by=by)


def profiles(ws: Workspace, by: Credential) -> list[Profile]:
    """Every 委员 with their place in the committee's pool (fixed, or an expert of some fields)."""
    return ws.store.casework.profiles(by=by)


def rulebooks() -> list[Rulebook]:
    """The shipped rulebooks (the choice at 受理)."""
    return shipped()


def rulebook_of(key: str) -> Rulebook | None:
    """The rulebook a case is pinned to (id@version), None when there is none."""
    if not key:
        return None
    try:
        return find_rulebook(key)
    except ValueError:
        return None


# ----- writes -----------------------------------------------------------------------------------


def register(ws: Workspace, by: Credential, case: Case) -> int:
    """Register a new case (秘书, 主任) at 申请; DuplicateDocNo when its 文号 exists. Its drafts as a
    new case are dropped once it is registered."""
    case_id = ws.store.cases.add(case, by=by)
    ws.store.casework.drop_drafts(NEW_CASE, by=by)
    return case_id


def move(
    ws: Workspace,
    by: Credential,
    case_id: int,
    target: Stage,
    *,
    reason: str = "",
    on: dt.date | None = None,
    rulebook: str | None = None,
    note: str = "",
) -> Stage:
    """Move the case to `target`; CaseworkError (with `.missing`) says what the step still needs.
    受理 pins `rulebook` (or the case's own); a move back, and 不予受理, need a reason."""
    return ws.store.casework.move(case_id, target, reason=reason, on=on, rulebook=rulebook, note=note, by=by)


def add(ws: Workspace, by: Credential, case_id: int, record: Record) -> int:
    """Record a step's work (investigation, hearing, feedback, disclosure, 备案, visit, …); the case
    moves on as far as its guards allow. Returns the record's number."""
    return ws.store.casework.add(case_id, record, by=by)


def replace(ws: Workspace, by: Credential, case_id: int, seq: int, record: Record) -> int:
    return ws.store.casework.replace(case_id, seq, record, by=by)


def remove(ws: Workspace, by: Credential, case_id: int, kind: str, seq: int) -> None:
    ws.store.casework.remove(case_id, kind, seq, by=by)


def set_committee(ws: Workspace, by: Credential, case_id: int, seats: Sequence[SeatSpec]) -> None:
    """The case's committee: fixed members and experts drawn by field (秘书, 主任)."""
    ws.store.casework.set_committee(case_id, seats, by=by)


def set_profile(ws: Workspace, by: Credential, name: str, *, fixed: bool, fields: Iterable[str]) -> None:
    ws.store.casework.set_profile(name, fixed=fixed, fields=fields, by=by)


def record_recusal(ws: Workspace, by: Credential, case_id: int, member: str, reason: str) -> None:
    """The 秘书 records a member's recusal (declared at the meeting): the member's scores are withdrawn
    and they read nothing of the case any more."""
    ws.store.judgments.recuse(case_id, reason, member=member, by=by)


def save_draft(ws: Workspace, by: Credential, case_key: str, field: str, text: str) -> None:
    """Keep unsaved text (the case window calls this a moment after typing stops)."""
    ws.store.casework.save_draft(case_key, field, text, by=by)


def drafts(ws: Workspace, by: Credential, case_key: str) -> dict[str, str]:
    return ws.store.casework.drafts(case_key, by=by)


def drop_drafts(ws: Workspace, by: Credential, case_key: str, fields: Iterable[str] | None = None) -> None:
    ws.store.casework.drop_drafts(case_key, fields, by=by)
