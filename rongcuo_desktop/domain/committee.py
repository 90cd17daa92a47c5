"""The committee's rules and records, as plain data: who scored what, who sees which scores, when a
decision needs a written reason, whether enough members count.

One place for the rules a committee would recognise, so the store enforces them by calling these,
a dialog explains them from the same sentences, the CLI parses with them, and the sealed report
prints the records defined here. Standard library and domain only; each refusal is a
CommitteeError whose str() is a Chinese sentence naming the field (the store turns it into its
JudgmentError, so a caller above the store catches one type).

Blind scoring: until the chair reveals the round's scores (or the conclusion is recorded), a person
who may not read every case (a 委员) sees their own scores and, of the others, only who they are,
whether they recused and how many dimensions they have scored -- never a level or a rationale
(`visible_record`, `sees_score_event`). The reveal needs the quorum (`check_reveal`); after it the
round's ballots are final (`refuse_if_revealed`): a member amends until then. After 会商 the chair may
open a further round (`check_new_round`): the revealed ballots are kept as an earlier round, and the
new round is blind again. A paper ballot (a member without a PC) is entered by the 秘书 for a named
member and marked as such (`MemberRecord.paper`). The decision carries the meeting's votes
(赞成/反对/弃权, `check_votes`) and the dissenting opinions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rongcuo_desktop.domain import text_rules
from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.roles import AccountInfo, Action

if TYPE_CHECKING:
    from rongcuo_desktop.domain.case import Case
    from rongcuo_desktop.domain.case_file import CaseFile, Checklist, MemberRole, Score

# The case-file and rulebook modules (~20 ms of imports) are loaded by the functions that need them:
# the store's audit trail uses the records and the blind-scoring rule here at every open.

MAX_RULE_ID_LENGTH = 40
DIMENSION_COUNT = 5  # the five dimensions of seed 001 (domain.rulebook.DIMENSIONS)
_MEMBER_KEY = re.compile(r"^m(\d+)$")
# What a 委员 reads of another member's score event before the reveal (blind scoring).
SCORE_WITHHELD = "评分（评分揭晓前，他人的评分内容不公开）"
# Levels at which a member must say why (the extremes of the scale need a reason on record).
RATIONALE_LEVELS = (1, 5)


class CommitteeError(ValueError):
    """A committee rule refused the input; nothing was recorded. str() is the Chinese reason."""


# ----- the records -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberRecord:
    """One member on a case's judgment record."""

    key: str  # the member's id in case files (m1, m2, ...)
    name: str
    account_id: int | None  # None: recorded elsewhere under a name no account here has
    role: MemberRole
    recused: bool = False
    recusal_reason: str = ""
    recused_at: dt.datetime | None = None
    scores: Mapping[str, Score] = field(default_factory=dict)
    imported: bool = False
    pending: bool = False  # on the committee (case_members) but has neither scored nor recused
    scored: int = 0  # how many dimensions this member has scored (shown even when `hidden`)
    hidden: bool = False  # blind scoring: another member's scores, withheld until the reveal
    paper: tuple[str, ...] = ()  # dimensions whose level came on a paper ballot the 秘书 entered
    entered_by: str = ""  # who entered the paper ballot

    @property
    def complete(self) -> bool:
        return self.scored >= DIMENSION_COUNT


@dataclass(frozen=True)
class Votes:
    """The meeting's vote on the conclusion: 赞成 / 反对 / 弃权."""

    for_: int
    against: int
    abstain: int

    @property
    def total(self) -> int:
        return self.for_ + self.against + self.abstain

    @property
    def majority(self) -> bool:
        """More than half of those who voted agreed (the usual 过半数同意)."""
        return self.for_ * 2 > self.total

    def label(self) -> str:
        return f"赞成 {self.for_} 票，反对 {self.against} 票，弃权 {self.abstain} 票"


@dataclass(frozen=True)
class RoundInfo:
    """One round of scoring: opened (the first with the case; a later one by the chair after 会商,
    with the reason) and revealed by the chair (None while blind)."""

    number: int
    reason: str = ""
    opened_by: str = ""
    opened_at: dt.datetime | None = None
    revealed_by: str = ""
    revealed_at: dt.datetime | None = None

    @property
    def revealed(self) -> bool:
        return self.revealed_at is not None


@dataclass(frozen=True)
class EarlierBallot:
    """A member's ballot of a round that is closed (revealed, then a new round opened): kept as it was."""

    round: int
    key: str
    name: str
    account_id: int | None
    scores: Mapping[str, Score]
    paper: tuple[str, ...] = ()


@dataclass(frozen=True)
class DecisionInfo:
    conclusion: Conclusion
    decided_on: dt.date | None
    rulebook: str
    note: str
    recorded_by: str  # "" when imported from a version 1 file (the audit trail says who imported it)
    recorded_at: dt.datetime | None
    recommendation: Conclusion | None  # the engine's, when the decision was recorded here
    imported: bool
    votes: Votes | None = None  # None: not recorded (older decisions, imports)
    dissent: str = ""  # dissenting opinions, as the meeting recorded them


@dataclass(frozen=True)
class JudgmentRecord:
    """A case's checklist, members (scores, recusals) and decision, as one reader may see it."""

    case_id: int
    doc_no: str
    rulebook: str
    checklist: Checklist
    members: tuple[MemberRecord, ...]
    decision: DecisionInfo | None
    conclusion: Conclusion | None  # the case's conclusion (also set by older versions without a decision row)
    blind: bool = False  # read by a 委员 before the reveal: the other members' scores are left out
    rounds: tuple[RoundInfo, ...] = ()  # rounds with a record (none: round 1, not revealed)
    earlier: tuple[EarlierBallot, ...] = ()  # the ballots of closed rounds

    @property
    def decided(self) -> bool:
        return self.conclusion is not None

    @property
    def round(self) -> RoundInfo:
        """The current round (the first, blind, when nothing was recorded about rounds)."""
        return self.rounds[-1] if self.rounds else RoundInfo(1)

    @property
    def revealed(self) -> bool:
        """The current round's scores are open to every member (revealed by the chair, or decided)."""
        return self.decided or self.round.revealed

    @property
    def submitted(self) -> int:
        """Members of the current round whose ballot is complete (what a hearing may show: not who)."""
        return sum(1 for m in self.members if not m.recused and m.complete)

    @property
    def expected(self) -> int:
        """Members who are to score in the current round (on the committee, not recused)."""
        return sum(1 for m in self.members if not m.recused)


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a case's history (办理记录), as people read it."""

    seq: int
    at: dt.datetime
    actor_name: str
    actor_role_label: str
    action_label: str
    summary: str


@dataclass(frozen=True)
class Quorum:
    """How many members count (not recused, every dimension scored) against how many must."""

    required: int
    counted: int
    recused: int
    incomplete: int  # on the record, not recused, some dimension missing (or none scored yet)

    @property
    def met(self) -> bool:
        return self.counted >= self.required


# ----- scores ------------------------------------------------------------------------------------


def dimension_id(text: str) -> str:
    """A dimension by id (motive) or Chinese name (动机态度)."""
    from rongcuo_desktop.domain.rulebook import DIMENSIONS

    text = text.strip()
    for dim_id, name in DIMENSIONS.items():
        if text in (dim_id, name):
            return dim_id
    names = "、".join(f"{name}（{dim_id}）" for dim_id, name in DIMENSIONS.items())
    raise CommitteeError(f"没有名为“{text}”的评分维度，应为 {names} 之一。")


def checked_scores(scores: Mapping[str, Score]) -> dict[str, Score]:
    """A member's scores as the record keeps them: dimensions by id (in the rulebook's order), each
    level 1..5, a rationale where the level is an extreme (1 or 5: `rationale_required`). The one
    check of a score, whoever gives it."""
    from rongcuo_desktop.domain.rulebook import DIMENSIONS, LEVELS
    from rongcuo_desktop.domain.validation import brief

    if not scores:
        raise CommitteeError("没有给出任何维度的评分。")
    clean: dict[str, Score] = {}
    for key, score in scores.items():
        dim_id = dimension_id(key)
        name = DIMENSIONS[dim_id]
        if dim_id in clean:
            raise CommitteeError(f"维度“{name}”给了两次评分。")
        level = score.level
        if isinstance(level, bool) or not isinstance(level, int) or level not in LEVELS:
            raise CommitteeError(f"维度“{name}”的等级应为 1 到 5 的整数，实际为 {brief(level)}。")
        rationale = score.rationale.strip() if isinstance(score.rationale, str) else ""
        rationale = clean_text(rationale, "rationale", f"维度“{name}”的")
        if not rationale and rationale_required(level):
            raise CommitteeError(f"维度“{name}”评为 {level} 级，需要写明理由。")
        clean[dim_id] = dataclasses.replace(score, rationale=rationale)
    return {d: clean[d] for d in DIMENSIONS if d in clean}


def scores_from_data(data: Any) -> dict[str, Score]:
    """Scores in the case file's shape ({"motive": {"level": 4, "rationale": "…"}, …}) read from JSON
    (by the domain's safe reader). Rationales may be left out here (a shared one may follow);
    `checked_scores` requires them. Messages name the key and quote at most a short prefix."""
    from rongcuo_desktop.domain.case_file import Score
    from rongcuo_desktop.domain.rulebook import LEVELS
    from rongcuo_desktop.domain.validation import brief

    if not isinstance(data, dict) or not data:
        raise CommitteeError('应为一个表（对象），如 {"motive": {"level": 4, "rationale": "…"}}')
    scores: dict[str, Score] = {}
    for key, value in data.items():
        try:
            dim_id = dimension_id(str(key))
        except CommitteeError as error:
            raise CommitteeError(f"{brief(key)}：{error}") from None
        if not isinstance(value, dict) or set(value) - {"level", "rationale"}:
            raise CommitteeError(f'{key}：应为 {{"level": 1–5, "rationale": "理由"}}')
        level, rationale = value.get("level"), value.get("rationale", "")
        if isinstance(level, bool) or not isinstance(level, int) or level not in LEVELS:
            raise CommitteeError(f"{key}.level：等级应为 1 到 5 的整数，实际为 {brief(level)}")
        if not isinstance(rationale, str):
            raise CommitteeError(f"{key}.rationale：应为文本")
        rationale = clean_text(rationale, "rationale", f"{key}.rationale：")
        if dim_id in scores:
            raise CommitteeError(f"{key}：这个维度出现了两次")
        scores[dim_id] = Score(level, rationale)
    return scores


def rationale_required(level: int) -> bool:
    """An extreme level (1 or 5) needs its reason written down; levels 2-4 may carry one."""
    return level in RATIONALE_LEVELS


def ballot_gaps(levels: Mapping[str, int | None], rationales: Mapping[str, str]) -> list[str]:
    """What a ballot still lacks before it can be submitted, one short sentence each, in the
    rulebook's order: a dimension without a level, an extreme level without its reason. The scoring
    dialog lists these; `checked_scores` refuses the same things."""
    from rongcuo_desktop.domain.rulebook import DIMENSIONS

    gaps: list[str] = []
    for dim_id, name in DIMENSIONS.items():
        level = levels.get(dim_id)
        if level is None:
            gaps.append(f"{name}：未选择等级")
        elif rationale_required(level) and not rationales.get(dim_id, "").strip():
            gaps.append(f"{name}：评为 {level} 级，须写明理由")
    return gaps


def missing_dimensions(scores: Mapping[str, Score]) -> list[str]:
    """The Chinese names of the dimensions not scored yet (a member counts once all five are)."""
    from rongcuo_desktop.domain.rulebook import DIMENSIONS

    return [name for dim_id, name in DIMENSIONS.items() if dim_id not in scores]


# ----- the checklist, recusal, the frozen record ----------------------------------------------------


def check_checklist_text(checklist: Checklist) -> None:
    """What the domain types cannot say: ids are short non-empty text, situations do not repeat."""
    from rongcuo_desktop.domain.case_file import ConditionStatus, ExclusionStatus

    ids = [*checklist.situations, *checklist.conditions, *checklist.exclusions]
    for rule_id in ids:
        if not isinstance(rule_id, str) or not rule_id.strip() or len(rule_id) > MAX_RULE_ID_LENGTH:
            raise CommitteeError(
                f"研判清单中的编号 {rule_id!r} 无效（应为 1 到 {MAX_RULE_ID_LENGTH} 个字符）。"
            )
        clean_text(rule_id, "rule_id")
    if len(set(checklist.situations)) != len(checklist.situations):
        raise CommitteeError("研判清单中的容错情形有重复。")
    for rule_id, status in checklist.conditions.items():
        if not isinstance(status, ConditionStatus):
            raise CommitteeError(f"容错条件 {rule_id} 的状态无效：{status!r}。")
    for rule_id, excluded in checklist.exclusions.items():
        if not isinstance(excluded, ExclusionStatus):
            raise CommitteeError(f"不予容错情形 {rule_id} 的状态无效：{excluded!r}。")


def clean_text(value: str, field: str, where: str = "") -> str:
    """The one validator for text (domain/text_rules: NFC, no invisible characters, length limits),
    refusing as a committee rule does."""
    try:
        return text_rules.clean_text(value, text_rules.FIELDS[field])
    except text_rules.TextProblem as problem:
        raise CommitteeError(f"{where}{problem}。") from None


def decision_note(note: str) -> str:
    return clean_text(note.strip(), "decision_note")


def recusal_reason(reason: str) -> str:
    reason = clean_text(reason.strip(), "recusal_reason")
    if not reason:
        raise CommitteeError("回避理由不能为空：请写明回避的原因（例如与当事人的关系）。")
    return reason


def refuse_if_revealed(record: JudgmentRecord) -> None:
    """A round's ballots are final once revealed: amend until then; after 会商 a new round."""
    refuse_if_decided(record)
    current = record.round
    if current.revealed:
        raise CommitteeError(
            f"第 {current.number} 轮评分已经揭晓，评分和回避不再修改。"
            f"如需重新评分，请主任在会商后开始第 {current.number + 1} 轮评分。"
        )


def check_reveal(record: JudgmentRecord, counted: Quorum) -> None:
    """The chair reveals the current round: not twice, not after the decision, not before the quorum."""
    if record.decided:
        label = record.conclusion.label if record.conclusion else ""
        raise CommitteeError(f"本案已记录认定结论（{label}），评分已经公开。")
    current = record.round
    if current.revealed:
        raise CommitteeError(f"第 {current.number} 轮评分已经揭晓。")
    if not counted.met:
        missing = counted.required - counted.counted
        detail = f"；尚未评完五个维度的委员 {counted.incomplete} 人" if counted.incomplete else ""
        raise CommitteeError(
            f"计入评分的委员 {counted.counted} 人，少于法定人数 {counted.required} 人（还差 {missing} 人"
            f"{detail}），不能揭晓评分。"
        )


def check_new_round(record: JudgmentRecord, reason: str) -> str:
    """A further round after 会商: only once the current one is revealed and before the decision,
    with the reason written down (what the 会商 found). Returns the reason as stored."""
    refuse_if_decided(record)
    current = record.round
    if not current.revealed:
        raise CommitteeError(
            f"第 {current.number} 轮评分尚未揭晓：揭晓并会商后，才能开始第 {current.number + 1} 轮评分。"
        )
    reason = clean_text(reason.strip(), "round_reason")
    if not reason:
        raise CommitteeError("请写明重新评分的理由（例如会商中澄清的事实或分歧）。")
    return reason


def check_votes(votes: Votes | None, seated: int) -> None:
    """The meeting's vote counts: whole numbers, at least one vote, not more votes than members
    seated on the case and not recused (`seated`; 0: the committee is not recorded here)."""
    if votes is None:
        return
    for label, value in (("赞成", votes.for_), ("反对", votes.against), ("弃权", votes.abstain)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise CommitteeError(f"表决票数“{label}”应为不小于 0 的整数。")
    if votes.total == 0:
        raise CommitteeError("表决票数合计为 0：请填写赞成、反对、弃权的票数（或不记录表决）。")
    if seated and votes.total > seated:
        raise CommitteeError(f"表决票数合计 {votes.total} 票，多于本案未回避的委员 {seated} 人：请核对票数。")


def dissent_text(text: str) -> str:
    return clean_text(text.strip(), "dissent")


def refuse_if_decided(record: JudgmentRecord) -> None:
    """Once the conclusion is recorded, the checklist, scores and recusals no longer change."""
    if record.conclusion is not None:
        raise CommitteeError(
            f"本案已记录认定结论（{record.conclusion.label}），研判清单、评分和回避不再修改。"
            "如需更正，请由主任重新记录认定结论。"
        )


# ----- who sees what (blind scoring) ------------------------------------------------------------------


def is_own(member: MemberRecord, viewer: AccountInfo) -> bool:
    """The viewer's own line: theirs by account, or imported under their name (which they take over)."""
    if member.account_id is not None:
        return member.account_id == viewer.id
    return bool(member.name) and member.name == viewer.name


def visible_record(record: JudgmentRecord, viewer: AccountInfo) -> JudgmentRecord:
    """What `viewer` may read of a record: everything once revealed (or decided) or for those who
    read every case; before that, a 委员 reads their own scores and only a count of the others'.
    Earlier rounds were revealed before they closed: everyone reads them."""
    if record.revealed or viewer.may(Action.CASE_READ_ALL):
        return record
    members = tuple(
        m if is_own(m, viewer) else dataclasses.replace(m, scores={}, hidden=True) for m in record.members
    )
    return dataclasses.replace(record, members=members, blind=True)


def sees_score_event(viewer: AccountInfo | None, revealed: bool, scorer_id: int | None) -> bool:
    """Whether `viewer` may read what a score event in a case's history says (levels, dimensions):
    always once its round was revealed (or the case decided) or with AUDIT_VIEW; before that only
    their own."""
    if viewer is None or revealed or viewer.may(Action.AUDIT_VIEW):
        return True
    return scorer_id == viewer.id


def sees_levels(viewer: AccountInfo, record: JudgmentRecord) -> bool:
    """Whether the judgment panel shows `viewer` the levels, medians and chart of the current round:
    after the reveal everyone who reads the case; before it the chair alone (the 秘书 keeps the
    record but the running result is for the chair's eyes, the projector shows only a count)."""
    return record.revealed or viewer.may(Action.DECISION)


# ----- quorum and the decision -------------------------------------------------------------------------


def quorum(record: JudgmentRecord, required: int) -> Quorum:
    """The engine's count (domain.judgment): members not recused with every dimension scored."""
    counted = sum(1 for m in record.members if not m.recused and m.complete)
    recused = sum(1 for m in record.members if m.recused)
    incomplete = sum(1 for m in record.members if not m.recused and not m.complete)
    return Quorum(required=required, counted=counted, recused=recused, incomplete=incomplete)


def note_required(
    conclusion: Conclusion, recommendation: Conclusion | None, previous: Conclusion | None
) -> bool:
    """A written reason is required when the decision departs from the recommendation (or the engine
    gave none), and when it corrects a conclusion already recorded (DOMAIN.md: the software never decides)."""
    return previous is not None or recommendation is not conclusion


def check_decision(
    conclusion: Conclusion,
    note: str,
    *,
    recommendation: Conclusion | None,
    why_no_recommendation: str,
    previous: Conclusion | None,
    decided_on: dt.date,
    applied_on: dt.date,
    today: dt.date,
) -> None:
    """The decision rules: a meeting date not in the future and not before the application; the
    reason written down where `note_required`."""
    if decided_on > today:
        raise CommitteeError(f"认定日期 {decided_on.isoformat()} 晚于今天：请填写会议实际认定的日期。")
    if decided_on < applied_on:
        raise CommitteeError(
            f"认定日期 {decided_on.isoformat()} 早于申请日期 {applied_on.isoformat()}：请核对日期。"
        )
    if note.strip():
        return
    if previous is not None:
        raise CommitteeError(
            f"本案已记录认定结论（{previous.label}）：更正须在说明（note）中写明更正的理由。"
        )
    if recommendation is None:
        raise CommitteeError(
            f"研判没有给出建议（{why_no_recommendation.rstrip('。') or '原因见研判结果'}）："
            "请在说明（note）中写明认定理由。"
        )
    if recommendation is not conclusion:
        raise CommitteeError(
            f"认定结论“{conclusion.label}”与研判建议“{recommendation.label}”不同：请在说明（note）中写明理由。"
        )


# ----- the case file of a record, member keys ------------------------------------------------------


def build_case_file(case: Case, record: JudgmentRecord) -> CaseFile:
    """The domain case file of a stored case: what the engine judges, the export writes and the
    report prints."""
    from rongcuo_desktop.domain.case_file import CaseFile, DecisionRecord, Member

    members = tuple(
        Member(
            id=m.key,
            name=m.name,
            role=m.role,
            recused=m.recused,
            recusal_reason=m.recusal_reason,
            scores=dict(m.scores),
        )
        for m in record.members
    )
    decision = record.decision
    note = ""
    block = None
    if decision is not None and decision.conclusion == case.conclusion:
        note = decision.note
        if decision.recorded_by and decision.recorded_at is not None:
            block = DecisionRecord(decision.recorded_by, decision.recorded_at, decision.rulebook)
    return CaseFile(
        case=case, checklist=record.checklist, members=members, decision_note=note, decision=block
    )


def next_member_key(taken: list[str]) -> str:
    used = {int(m.group(1)) for k in taken if (m := _MEMBER_KEY.match(k))}
    n = 1
    while n in used or f"m{n}" in taken:
        n += 1
    return f"m{n}"


def clean_member_name(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip()


# ----- what the audit trail keeps of a record ---------------------------------------------------


def snapshot(record: JudgmentRecord) -> dict[str, Any]:
    """The record as plain data for the audit hashes (members who have not acted are left out): the
    same dict, key for key, as before it moved here, so older events still chain. What came later
    (paper ballots, rounds and the reveal, votes and dissent) adds keys only where it holds
    something, so a record without them hashes as it always did."""
    checklist = record.checklist
    decision = record.decision
    members = []
    for m in record.members:
        if m.pending:
            continue
        line: dict[str, Any] = {
            "key": m.key,
            "name": m.name,
            "account_id": m.account_id,
            "role": m.role.value,
            "recused": m.recused,
            "recusal_reason": m.recusal_reason,
            "scores": {d: [s.level, s.rationale] for d, s in m.scores.items()},
        }
        if m.paper:
            line["paper"] = {"dimensions": list(m.paper), "entered_by": m.entered_by}
        members.append(line)
    out: dict[str, Any] = {
        "rulebook": record.rulebook,
        "checklist": {
            "situations": list(checklist.situations),
            "conditions": {k: v.value for k, v in sorted(checklist.conditions.items())},
            "exclusions": {k: v.value for k, v in sorted(checklist.exclusions.items())},
        },
        "members": members,
        "decision": None if decision is None else _decision_data(decision),
        "conclusion": record.conclusion.value if record.conclusion else None,
    }
    if record.rounds:
        out["rounds"] = [
            {
                "round": r.number,
                "reason": r.reason,
                "opened_by": r.opened_by,
                "opened_at": r.opened_at.isoformat() if r.opened_at else None,
                "revealed_by": r.revealed_by,
                "revealed_at": r.revealed_at.isoformat() if r.revealed_at else None,
            }
            for r in record.rounds
        ]
    if record.earlier:
        out["earlier"] = [
            {
                "round": b.round,
                "key": b.key,
                "name": b.name,
                "account_id": b.account_id,
                "scores": {d: [s.level, s.rationale] for d, s in b.scores.items()},
                "paper": list(b.paper),
            }
            for b in record.earlier
        ]
    return out


def _decision_data(decision: DecisionInfo) -> dict[str, Any]:
    data: dict[str, Any] = {
        "conclusion": decision.conclusion.value,
        "decided_on": decision.decided_on.isoformat() if decision.decided_on else None,
        "rulebook": decision.rulebook,
        "note": decision.note,
        "recorded_by": decision.recorded_by,
        "recorded_at": decision.recorded_at.isoformat() if decision.recorded_at else None,
    }
    if decision.votes is not None:
        votes = decision.votes
        data["votes"] = {"for": votes.for_, "against": votes.against, "abstain": votes.abstain}
    if decision.dissent:
        data["dissent"] = decision.dissent
    return data


def replaced_decision(record: JudgmentRecord) -> dict[str, Any]:
    """The decision a correction replaces, for the DECISION event's detail."""
    old = record.decision
    return {
        "conclusion": record.conclusion.value if record.conclusion else None,
        "decided_on": old.decided_on.isoformat() if old and old.decided_on else None,
        "note": old.note if old else "",
        "recorded_by": old.recorded_by if old else "",
        "recorded_at": old.recorded_at.isoformat() if old and old.recorded_at else None,
        "imported": old.imported if old else False,
        **(
            {"votes": _decision_data(old).get("votes"), "dissent": old.dissent}
            if old and (old.votes or old.dissent)
            else {}
        ),
    }


def checklist_summary(before: JudgmentRecord, after: JudgmentRecord) -> str:
    """The audit summary of a checklist change: counts, never the items' wording."""
    from rongcuo_desktop.domain.case_file import ConditionStatus, ExclusionStatus

    checklist = after.checklist
    conditions = list(checklist.conditions.values())
    exclusions = list(checklist.exclusions.values())
    parts = [
        f"研判清单：情形 {len(checklist.situations)} 项",
        f"条件 {len(conditions)} 项（符合 {conditions.count(ConditionStatus.MET)}、"
        f"不符合 {conditions.count(ConditionStatus.NOT_MET)}、"
        f"未查明 {conditions.count(ConditionStatus.UNKNOWN)}）",
        f"不予容错情形 {len(exclusions)} 项（已查实 {exclusions.count(ExclusionStatus.CONFIRMED)}）",
    ]
    text = "，".join(parts)
    if before.rulebook != after.rulebook:
        text += f"；适用规则：{before.rulebook or '（无）'} → {after.rulebook}"
    return text
