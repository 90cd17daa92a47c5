"""A case's judgment: the checklist (秘书), a member's scores and recusal (委员), the decision (主任),
and what each person may read of it (blind scoring until the decision).

Every write takes the acting person's Credential and commits with its audit event in one
transaction; the store refuses a role that may not (services are a door, not the lock). The rules a
dialog wants to explain before a write -- which dimensions are missing, whether a reason is required,
the quorum -- are domain.committee's, re-exported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.case_file import CaseFile, Checklist, ConditionStatus, ExclusionStatus, Score
from rongcuo_desktop.domain.committee import (
    CommitteeError,
    DecisionInfo,
    JudgmentRecord,
    MemberRecord,
    Quorum,
    TimelineEntry,
    checked_scores,
    dimension_id,
    missing_dimensions,
    note_required,
    quorum,
    scores_from_data,
)
from rongcuo_desktop.domain.judgment import Judgment
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.errors import JudgmentError
from rongcuo_desktop.store.rulebooks import find as find_rulebook

__all__ = [
    "Checklist",
    "CommitteeError",
    "ConditionStatus",
    "DecisionInfo",
    "ExclusionStatus",
    "JudgmentRecord",
    "MemberRecord",
    "Quorum",
    "Score",
    "TimelineEntry",
    "case_file",
    "checked_scores",
    "decide",
    "dimension_id",
    "judge",
    "missing_dimensions",
    "note_required",
    "own_line",
    "quorum_of",
    "record",
    "recuse",
    "score",
    "scores_from_data",
    "set_checklist",
    "timeline",
    "update_checklist",
]


def record(ws: Workspace, by: Credential, case_id: int) -> JudgmentRecord:
    """The case's record as `by` may read it (a 委员 before the decision: own scores, others' counts)."""
    return ws.store.judgments.record(case_id, by=by)


def own_line(ws: Workspace, by: Credential, case_id: int) -> MemberRecord | None:
    """`by`'s own line on the record (their scores, recusal), None before they act."""
    for member in record(ws, by, case_id).members:
        if member.account_id == by.id:
            return member
    return None


def case_file(ws: Workspace, by: Credential, case_id: int) -> CaseFile:
    """The stored case as the domain CaseFile (what the engine judges, export writes, a report prints)."""
    return ws.store.judgments.case_file(case_id, by=by)


def judge(ws: Workspace, by: Credential, case_id: int, rulebook: str | None = None) -> Judgment:
    """The engine's result for the case under `rulebook` (a name or a file), or the case's own; a 委员
    before the decision judges only what they may read. Raises JudgmentError (no rulebook) or the
    domain's ValidationError (the checklist names rules the rulebook does not have)."""
    chosen = find_rulebook(rulebook) if rulebook else None
    return ws.store.judgments.judge(case_id, chosen, by=by)


def quorum_of(ws: Workspace, by: Credential, case_id: int) -> Quorum:
    """How many members count against the case's rulebook's quorum (JudgmentError without a rulebook)."""
    current = record(ws, by, case_id)
    if not current.rulebook:
        raise JudgmentError("本案未指定规则库：请先在研判清单中指定规则库。")
    return quorum(current, int(find_rulebook(current.rulebook).setting("quorum")))


def timeline(ws: Workspace, by: Credential, case_id: int) -> list[TimelineEntry]:
    """The case's history (办理记录); a 委员 reads others' score events as "评分" until the decision."""
    return ws.store.audit_timeline(case_id, by=by)


def set_checklist(
    ws: Workspace, by: Credential, case_id: int, checklist: Checklist, *, rulebook: str | None = None
) -> None:
    """Replace the case's checklist (秘书, 主任), checked against `rulebook` or the case's own."""
    ws.store.judgments.set_checklist(case_id, checklist, rulebook=rulebook, by=by)


def update_checklist(
    ws: Workspace,
    by: Credential,
    case_id: int,
    *,
    situations: tuple[str, ...] = (),
    conditions: Mapping[str, ConditionStatus] | None = None,
    exclusions: Mapping[str, ExclusionStatus] | None = None,
    rulebook: str | None = None,
    clear: bool = False,
) -> JudgmentRecord:
    """Add to the case's checklist (or start from empty with `clear`), then save; the new record."""
    current = Checklist() if clear else record(ws, by, case_id).checklist
    claimed = list(current.situations)
    claimed += [s.strip() for s in situations if s.strip() not in claimed]
    merged = Checklist(
        tuple(claimed),
        {**current.conditions, **dict(conditions or {})},
        {**current.exclusions, **dict(exclusions or {})},
    )
    set_checklist(ws, by, case_id, merged, rulebook=rulebook)
    return record(ws, by, case_id)


def score(ws: Workspace, by: Credential, case_id: int, scores: Mapping[str, Score]) -> MemberRecord:
    """`by` (a 委员 on the case's committee) scores some or all dimensions, each with a rationale;
    amending until the decision. Returns their line as it now stands."""
    ws.store.judgments.score(case_id, scores, by=by)
    line = own_line(ws, by, case_id)
    assert line is not None
    return line


def recuse(ws: Workspace, by: Credential, case_id: int, reason: str) -> None:
    """`by` recuses from the case (the reason is required); their scores are withdrawn."""
    ws.store.judgments.recuse(case_id, reason, by=by)


def decide(
    ws: Workspace,
    by: Credential,
    case_id: int,
    conclusion: Conclusion,
    *,
    note: str = "",
    decided_on: dt.date | None = None,
) -> DecisionInfo:
    """The 主任 records the meeting's conclusion (with the reason where `note_required`)."""
    return ws.store.judgments.decide(case_id, conclusion, note=note, decided_on=decided_on, by=by)
