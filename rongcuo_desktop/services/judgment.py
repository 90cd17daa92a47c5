"""A case's judgment: the checklist (秘书), a member's scores and recusal (委员), a paper ballot
entered for a member without a PC (秘书), the reveal and further rounds after 会商 (主任), the
decision with its votes and dissent (主任), and what each person may read of it (blind scoring until
the reveal). `panel` and `ballot_form` are what the judgment panel and the scoring dialog show.

Every write takes the acting person's Credential and commits with its audit event in one
transaction; the store refuses a role that may not (services are a door, not the lock). The rules a
dialog wants to explain before a write -- which dimensions are missing, whether a reason is required,
the quorum -- are domain.committee's, re-exported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.case_file import CaseFile, Checklist, ConditionStatus, ExclusionStatus, Score
from rongcuo_desktop.domain.committee import (
    CommitteeError,
    DecisionInfo,
    EarlierBallot,
    JudgmentRecord,
    MemberRecord,
    Quorum,
    RoundInfo,
    TimelineEntry,
    Votes,
    ballot_gaps,
    checked_scores,
    dimension_id,
    is_own,
    missing_dimensions,
    note_required,
    quorum,
    rationale_required,
    scores_from_data,
    sees_levels,
)
from rongcuo_desktop.domain.judgment import FiredRule, Judgment
from rongcuo_desktop.domain.rulebook import Rulebook
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.errors import JudgmentError
from rongcuo_desktop.store.rulebooks import find as find_rulebook

__all__ = [
    "BallotForm",
    "Checklist",
    "CommitteeError",
    "ConditionStatus",
    "DecisionInfo",
    "EarlierBallot",
    "ExclusionStatus",
    "JudgmentRecord",
    "MemberRecord",
    "Panel",
    "Quorum",
    "RoundInfo",
    "Score",
    "TimelineEntry",
    "Votes",
    "ballot_form",
    "ballot_gaps",
    "case_file",
    "checked_scores",
    "decide",
    "decide_with_form",
    "dimension_id",
    "judge",
    "missing_dimensions",
    "note_required",
    "open_round",
    "own_line",
    "panel",
    "quorum_of",
    "rationale_required",
    "record",
    "recuse",
    "reveal",
    "score",
    "score_paper",
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
    """`by` (a 委员 on the case's committee) scores some or all dimensions (a rationale at levels 1
    and 5); amending until the reveal. Returns their line as it now stands."""
    ws.store.judgments.score(case_id, scores, by=by)
    line = own_line(ws, by, case_id)
    assert line is not None
    return line


def recuse(ws: Workspace, by: Credential, case_id: int, reason: str) -> None:
    """`by` recuses from the case (the reason is required); their scores are withdrawn."""
    ws.store.judgments.recuse(case_id, reason, by=by)


def score_paper(
    ws: Workspace, by: Credential, case_id: int, member: str, scores: Mapping[str, Score]
) -> MemberRecord:
    """The 秘书 enters the paper ballot of `member` (a 委员 of the case's committee without a PC):
    marked as a paper ballot in the record and the audit trail. Returns the member's line."""
    ws.store.judgments.score_paper(case_id, member, scores, by=by)
    for line in record(ws, by, case_id).members:
        if line.name == member.strip():
            return line
    raise JudgmentError(f"没有找到委员“{member}”的评分记录。")


def reveal(ws: Workspace, by: Credential, case_id: int) -> RoundInfo:
    """The 主任 reveals the current round's scores (refused before the quorum)."""
    return ws.store.judgments.reveal(case_id, by=by)


def open_round(ws: Workspace, by: Credential, case_id: int, reason: str) -> RoundInfo:
    """After the reveal and 会商, the 主任 opens the next round (the reason required); the revealed
    ballots stay on the record as an earlier round."""
    return ws.store.judgments.open_round(case_id, reason, by=by)


def decide(
    ws: Workspace,
    by: Credential,
    case_id: int,
    conclusion: Conclusion,
    *,
    note: str = "",
    decided_on: dt.date | None = None,
    votes: Votes | None = None,
    dissent: str = "",
) -> DecisionInfo:
    """The 主任 records the meeting's conclusion (with the reason where `note_required`), the vote
    (赞成/反对/弃权) and the dissenting opinions."""
    return ws.store.judgments.decide(
        case_id, conclusion, note=note, decided_on=decided_on, votes=votes, dissent=dissent, by=by
    )


def decide_with_form(
    ws: Workspace,
    by: Credential,
    case_id: int,
    conclusion: Conclusion,
    note: str,
    decided_on: dt.date | None,
    votes: Votes | None,
    dissent: str,
    four_forms: tuple[str, str] = ("", ""),
) -> DecisionInfo:
    """The decision dialog's one write: `decide`, with the 四种形态 of a lighter handling (its code,
    domain.casework.FourForms, and the measure taken) recorded in the same transaction."""
    from rongcuo_desktop.domain.casework import FourForms, LenientHandling

    code, measure = four_forms
    lenient = None
    if code:
        try:
            lenient = LenientHandling(FourForms.from_code_or_label(code), measure)
        except ValueError:
            raise JudgmentError(f"“四种形态”无效：{code}。") from None
    return ws.store.judgments.decide(
        case_id,
        conclusion,
        note=note,
        decided_on=decided_on,
        votes=votes,
        dissent=dissent,
        lenient=lenient,
        by=by,
    )


# ----- what the dialogs and the judgment panel show ---------------------------------------------------


@dataclass(frozen=True)
class Panel:
    """The judgment panel of one case as `viewer` may see it. Before the reveal only the chair sees
    the running result (levels, medians, the chart); others see the counts, the quorum and the hard
    rules of the checklist."""

    record: JudgmentRecord
    rulebook: Rulebook | None
    quorum: Quorum | None
    levels_visible: bool
    judgment: Judgment | None  # None: levels not visible to this viewer, or no rulebook
    fired_rules: tuple[FiredRule, ...]
    ballots: tuple[tuple[int, ...], ...]  # each counted member's five levels (the chart's faint lines)
    problem: str = ""  # why there is no result (no rulebook, the checklist does not match it)

    @property
    def revealed(self) -> bool:
        return self.record.revealed


def panel(ws: Workspace, by: Credential, case_id: int) -> Panel:
    """What the judgment panel shows `by` (the chair before the reveal; anyone reading the case after)."""
    current = record(ws, by, case_id)
    visible = sees_levels(by.account, current)
    if not current.rulebook:
        return Panel(current, None, None, visible, None, (), (), "本案未指定规则库：请先填写研判清单。")
    try:
        book = find_rulebook(current.rulebook)
        result = ws.store.judgments.judge(case_id, book, by=by)
    except ValidationError as error:
        why = error.issues[-1].said if error.issues else str(error)
        return Panel(current, None, None, visible, None, (), (), why)
    counted = quorum(current, int(book.setting("quorum")))
    dims = [d.id for d in book.dimensions]
    ballots = tuple(
        tuple(m.scores[d].level for d in dims)
        for m in current.members
        if not m.recused and m.complete and len(m.scores) == len(dims)
    )
    if not visible:
        return Panel(current, book, counted, False, None, result.fired_rules, ())
    return Panel(current, book, counted, True, result, result.fired_rules, ballots)


@dataclass(frozen=True)
class BallotForm:
    """What the scoring dialog needs: the case, the rulebook's dimensions (descriptors, guiding
    questions), who may score on it (the committee, recused members marked) and, for a member, their
    own ballot of the current round to amend."""

    case_id: int
    doc_no: str
    rulebook: Rulebook
    round: RoundInfo
    revealed: bool
    members: tuple[MemberRecord, ...]
    own: MemberRecord | None


def ballot_form(ws: Workspace, by: Credential, case_id: int) -> BallotForm:
    """The scoring dialog's data as `by` may read it (a 委员: their own line only)."""
    current = record(ws, by, case_id)
    if not current.rulebook:
        raise JudgmentError("本案未指定规则库：请秘书先填写研判清单，再评分。")
    book = find_rulebook(current.rulebook)
    own = next((m for m in current.members if is_own(m, by.account)), None)
    return BallotForm(case_id, current.doc_no, book, current.round, current.revealed, current.members, own)
