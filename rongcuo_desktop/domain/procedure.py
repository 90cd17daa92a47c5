"""The procedure as a state machine: which stages a case goes through, and what each step needs.

The spine is DOMAIN.md's procedure (seed 000's six steps, seed 002 第十一条, seed 001):

    申请 → 受理 ─(不予受理)→ 结案
             ↓
          调查核实 → [听证 / 会商研判] → 结论认定 → 结果反馈 → 事项公开 → 报告备案 → 跟踪回访 → 结案归档

Each case type walks its own path (`path`): a 澄清正名 case verifies the report, records the
person's wishes and clears them publicly (letter, meeting, circular); a 事前备案 is accepted and
kept, so that a later case can cite it as evidence. A stage is entered only when its guard holds
(`missing`): the guard names, in words a secretary uses, what is still to be done. A case may jump
ahead over steps whose work is already done and over optional steps (a hearing, a disclosure);
it may go back to any earlier step of its path with a reason (more investigation after a hearing).
The stage follows the work: recording a decision, a feedback notice, a disclosure, a filing or a
visit moves the case on as far as its guards allow (`follow`).

Plain data in (`CaseProgress`: what the case has), plain answers out; the store calls it inside
the transaction that writes the move, the GUI and the CLI call it to explain a blocked move. Both
get the same sentence. Standard library only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from rongcuo_desktop.domain.case import ApplicantType, CaseType, Conclusion, LabelledEnum, Stage


class ProcedureError(ValueError):
    """A move the procedure does not allow; `str()` says in Chinese what is missing."""

    def __init__(self, message: str, missing: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.missing = tuple(missing)


class ClearanceFinding(LabelledEnum):
    """What the verification of a 澄清正名 case found about the report (seed 002 第十五条, seed 000)."""

    UNFOUNDED = ("unfounded", "反映失实")
    PARTLY = ("partly", "部分属实但不构成追究纪律责任")
    FOUNDED = ("founded", "反映属实")


# ----- the paths ---------------------------------------------------------------------------------

_TOLERANCE = (
    Stage.APPLIED,
    Stage.ACCEPTED,
    Stage.INVESTIGATION,
    Stage.HEARING,
    Stage.DECISION,
    Stage.FEEDBACK,
    Stage.DISCLOSURE,
    Stage.FILING,
    Stage.FOLLOW_UP,
    Stage.CLOSED,
)
_PRE_FILING = (Stage.APPLIED, Stage.ACCEPTED, Stage.CLOSED)
PATHS: dict[CaseType, tuple[Stage, ...]] = {
    CaseType.TOLERANCE: _TOLERANCE,
    CaseType.CLEARANCE: _TOLERANCE,
    CaseType.PRE_FILING: _PRE_FILING,
}
TOLERATED = frozenset({Conclusion.EXEMPT, Conclusion.LENIENT})
CLEARED = frozenset({ClearanceFinding.UNFOUNDED, ClearanceFinding.PARTLY})

# How a step is called where a case type names it differently from the stage list.
_STEP_LABELS: dict[tuple[CaseType, Stage], str] = {
    (CaseType.CLEARANCE, Stage.APPLIED): "反映 / 申请",
    (CaseType.CLEARANCE, Stage.INVESTIGATION): "核查核实",
    (CaseType.CLEARANCE, Stage.DECISION): "核查结论",
    (CaseType.CLEARANCE, Stage.DISCLOSURE): "澄清正名",
    (CaseType.PRE_FILING, Stage.APPLIED): "备案申请",
    (CaseType.PRE_FILING, Stage.ACCEPTED): "登记备案",
    (CaseType.PRE_FILING, Stage.REJECTED): "不予备案",
    (CaseType.PRE_FILING, Stage.CLOSED): "备案存档",
}
# The matter a case type is about (受理 needs it).
MATTER_LABELS: dict[CaseType, str] = {
    CaseType.TOLERANCE: "问责事项",
    CaseType.CLEARANCE: "被反映的问题",
    CaseType.PRE_FILING: "拟采取的创新举措",
}


def path(case_type: CaseType) -> tuple[Stage, ...]:
    """The stages of a case type, in order (不予受理 is a side exit from 申请, not on the path)."""
    return PATHS[case_type]


def step_label(case_type: CaseType, stage: Stage) -> str:
    return _STEP_LABELS.get((case_type, stage), stage.label)


# ----- what a case has ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseProgress:
    """Everything the guards look at, as counts and flags (the store fills it from its records)."""

    case_type: CaseType
    stage: Stage
    applicant_type: ApplicantType | None = None
    matter: str = ""
    rulebook: str = ""  # the pinned rulebook, id@version ("" before 受理)
    investigations: int = 0
    members_present: int = 0  # on the case's committee and not recused
    quorum: int | None = None  # the rulebook's quorum (None: no rulebook yet)
    conclusion: Conclusion | None = None
    finding: ClearanceFinding | None = None  # 澄清正名 only
    wishes: bool = False  # 澄清正名: the person's wishes are recorded
    clearing_methods: int = 0  # 澄清正名: ways of clearing chosen (letter, meeting, circular)
    feedback_notices: int = 0
    disclosures: int = 0
    filings: int = 0
    visits_planned: int = 0
    visits_done: int = 0

    @property
    def decided(self) -> bool:
        """The meeting's conclusion (容错免责) or the verification's finding (澄清正名) is recorded."""
        if self.case_type is CaseType.CLEARANCE:
            return self.finding is not None
        return self.conclusion is not None

    @property
    def follow_up_applies(self) -> bool:
        """Seed 000: the cadre tolerated is followed for a year; a cleared cadre as well (seed 001's
        回访); a case not tolerated, or a report found true, has no follow-up."""
        if self.case_type is CaseType.TOLERANCE:
            return self.conclusion in TOLERATED
        if self.case_type is CaseType.CLEARANCE:
            return self.finding in CLEARED
        return False


class StepState(Enum):
    DONE = "done"
    CURRENT = "current"
    AHEAD = "ahead"
    SKIPPED = "skipped"  # an optional step passed over, or one that does not apply to this case


def applies(progress: CaseProgress, stage: Stage) -> bool:
    """Whether this case can ever enter `stage` (a follow-up for a case not tolerated cannot)."""
    if stage is Stage.REJECTED:
        return True
    if stage not in path(progress.case_type):
        return False
    if stage is Stage.FOLLOW_UP:
        return not progress.decided or progress.follow_up_applies
    if stage is Stage.DISCLOSURE and progress.case_type is CaseType.CLEARANCE:
        return progress.finding is not ClearanceFinding.FOUNDED  # nothing to clear
    return True


def optional(progress: CaseProgress, stage: Stage) -> bool:
    """A step the case may pass over (or one that does not apply to it)."""
    if not applies(progress, stage):
        return True
    if stage is Stage.HEARING:
        return True  # seed 001: 会商 "for complex, sensitive or major cases"; seed 000 hears at 结论认定
    if stage is Stage.DISCLOSURE:
        return progress.case_type is CaseType.TOLERANCE  # seed 002 第十一条 (三): "可以…公开"
    if stage is Stage.FILING:
        return progress.case_type is CaseType.CLEARANCE
    return False


# ----- the guards ---------------------------------------------------------------------------------


def missing(progress: CaseProgress, stage: Stage, *, reason: str = "") -> list[str]:
    """What `stage` still needs before the case may enter it, each in one phrase ([] when nothing)."""
    p = progress
    out: list[str] = []
    tolerance = p.case_type is CaseType.TOLERANCE
    clearance = p.case_type is CaseType.CLEARANCE
    if not applies(p, stage):
        return [_not_applicable(p, stage)]
    if stage is Stage.REJECTED:
        if not reason.strip():
            out.append("不予受理须写明理由")
    elif stage is Stage.ACCEPTED:
        if p.applicant_type is None:
            out.append("申请人类型（当事人、所在单位或纪检监察机关）未选")
        if not p.matter.strip():
            out.append(f"{MATTER_LABELS[p.case_type]}未填写")
        if not p.rulebook and p.case_type is not CaseType.PRE_FILING:
            out.append("适用的规则库未选定")
    elif stage is Stage.HEARING:
        if p.investigations < 1:
            out.append("还没有调查核实记录（听证、会商前至少需要一份）")
    elif stage is Stage.DECISION:
        if p.investigations < 1:
            out.append("还没有调查核实记录（至少需要一份）")
        if tolerance:
            if p.quorum is None:
                out.append("本案未指定规则库，无法核对到会委员人数")
            elif p.members_present < p.quorum:
                out.append(f"本案委员中未回避的只有 {p.members_present} 人，少于规则库规定的 {p.quorum} 人")
    elif stage is Stage.FEEDBACK:
        out += _need_decision(p)
    elif stage is Stage.DISCLOSURE:
        out += _need_decision(p)
        if p.feedback_notices < 1:
            out.append("还没有结果反馈记录（先反馈、后公开）")
        if clearance:
            if not p.wishes:
                out.append("当事人本人的意愿尚未记录")
            if p.clearing_methods < 1:
                out.append("澄清方式（书面澄清、会议澄清、通报澄清）未选")
    elif stage is Stage.FILING:
        out += _need_decision(p)
        if p.feedback_notices < 1:
            out.append("还没有结果反馈记录")
    elif stage is Stage.FOLLOW_UP:
        out += _need_decision(p)
        if tolerance and p.filings < 1:
            out.append("还没有报告备案记录（备案号、日期、报送机关）")
        if clearance and p.finding in CLEARED and p.disclosures < 1:
            out.append("还没有澄清正名的记录（澄清方式、日期）")
        if p.visits_planned < 1:
            out.append("规则库的跟踪回访计划中没有回访")
    elif stage is Stage.CLOSED:
        if p.case_type is CaseType.PRE_FILING:
            if p.stage is Stage.APPLIED:
                out.append("备案尚未登记（先受理）")
        else:
            out += _need_decision(p)
            if p.feedback_notices < 1:
                out.append("还没有结果反馈记录")
            if tolerance and p.filings < 1:
                out.append("还没有报告备案记录")
            if clearance and p.finding in CLEARED and p.disclosures < 1:
                out.append("还没有澄清正名的记录")
            if p.follow_up_applies and p.visits_done < p.visits_planned:
                left = p.visits_planned - p.visits_done
                out.append(f"跟踪回访计划中还有 {left} 次回访未记录")
    return out


def _need_decision(p: CaseProgress) -> list[str]:
    if p.decided:
        return []
    if p.case_type is CaseType.CLEARANCE:
        return ["核查结论（反映失实、部分属实或属实）尚未记录"]
    return ["还没有记录认定结论"]


def _not_applicable(p: CaseProgress, stage: Stage) -> str:
    label = step_label(p.case_type, stage)
    if stage is Stage.FOLLOW_UP and p.case_type is CaseType.TOLERANCE:
        return f"认定结论为“{p.conclusion.label if p.conclusion else ''}”，不进行{label}"
    if stage is Stage.FOLLOW_UP or stage is Stage.DISCLOSURE:
        return f"核查结论为“{p.finding.label if p.finding else ''}”，不进行{label}"
    return f"{p.case_type.label}案件没有“{label}”这一步"


# ----- moves ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Move:
    """A move the procedure allows: where from, where to, and each stage entered on the way."""

    source: Stage
    target: Stage
    backward: bool
    entered: tuple[Stage, ...]  # forward: the steps passed (their work done) and the target
    reason: str = ""


def plan_move(progress: CaseProgress, target: Stage, *, reason: str = "") -> Move:
    """The move to `target`, or ProcedureError saying what is missing (in Chinese)."""
    p = progress
    reason = reason.strip()
    label = step_label(p.case_type, target)
    here = step_label(p.case_type, p.stage)
    if target is p.stage:
        raise ProcedureError(f"案件已在“{here}”阶段。")
    steps = path(p.case_type)
    if p.stage is Stage.REJECTED:
        if target is not Stage.APPLIED:
            raise ProcedureError("不予受理的案件已经结束：如属误判，可退回“申请”（须写明理由）后重新受理。")
        return _back(p, target, reason, label)
    if target is Stage.REJECTED:
        if p.stage is not Stage.APPLIED:
            raise ProcedureError(f"只有在“申请”阶段才能不予受理；本案已在“{here}”阶段。")
        needs = missing(p, target, reason=reason)
        if needs:
            raise ProcedureError(_blocked(label, needs), needs)
        return Move(p.stage, target, False, (target,), reason)
    if target not in steps:
        raise ProcedureError(f"{p.case_type.label}案件没有“{label}”这一步。")
    if p.stage not in steps:  # a stage from an older version or an import of another type
        raise ProcedureError(f"案件的当前阶段“{here}”不在{p.case_type.label}案件的流程中，请先退回。")
    position, goal = steps.index(p.stage), steps.index(target)
    if goal < position:
        return _back(p, target, reason, label)
    entered: list[Stage] = []
    for stage in steps[position + 1 : goal + 1]:
        if stage is not target and optional(p, stage):
            continue  # an optional step passed over, or one that does not apply
        needs = missing(p, stage, reason=reason)
        if needs:
            what = label if stage is target else f"“{step_label(p.case_type, stage)}”（须先完成这一步）"
            raise ProcedureError(_blocked(what, needs, quoted=stage is target), needs)
        entered.append(stage)
    return Move(p.stage, target, False, tuple(entered), reason)


def _back(p: CaseProgress, target: Stage, reason: str, label: str) -> Move:
    if not reason:
        message = f"退回到“{label}”须写明理由（例如：听证后需要补充调查）。"
        raise ProcedureError(message, ["退回的理由"])
    return Move(p.stage, target, True, (target,), reason)


def _blocked(what: str, needs: Sequence[str], *, quoted: bool = True) -> str:
    name = f"“{what}”" if quoted else what
    return f"不能进入{name}：" + "；".join(needs) + "。"


@dataclass(frozen=True, slots=True)
class MoveOption:
    """A move the case window offers: allowed now, or why not."""

    target: Stage
    backward: bool
    blocked: tuple[str, ...]  # what is missing ([] when the move may be made)

    @property
    def allowed(self) -> bool:
        return not self.blocked


def options(progress: CaseProgress) -> list[MoveOption]:
    """The forward moves worth offering (the next required step and the optional ones before it,
    不予受理 at 申请) and every move back, each allowed or with what it misses."""
    p = progress
    steps = path(p.case_type)
    out: list[MoveOption] = []
    if p.stage is Stage.REJECTED:
        return [MoveOption(Stage.APPLIED, True, ())]
    if p.stage not in steps:
        return [MoveOption(s, True, ()) for s in steps]
    position = steps.index(p.stage)
    for stage in steps[position + 1 :]:
        if not applies(p, stage):
            continue
        try:
            plan_move(p, stage, reason="（预览）")
            blocked: tuple[str, ...] = ()
        except ProcedureError as error:
            blocked = error.missing or (str(error),)
        out.append(MoveOption(stage, False, blocked))
        if not optional(p, stage):
            break
    if p.stage is Stage.APPLIED:
        out.append(MoveOption(Stage.REJECTED, False, ()))
    out += [MoveOption(s, True, ()) for s in reversed(steps[:position])]
    return out


def follow(progress: CaseProgress, done: Stage) -> Move | None:
    """The move after the work of step `done` was recorded (a decision, a feedback notice, a
    disclosure, a filing, a visit): to `done` when the case is behind it and every guard on the way
    holds, else None (the record is kept; the case stays where it is).

    A recorded decision always takes the case to 结论认定: the meeting has decided, whatever the
    case's stage said (issue: "a decided case still reads 受理 beside 予以容错免责")."""
    p = progress
    order = path(p.case_type)
    if done not in order or p.stage not in order or order.index(done) <= order.index(p.stage):
        return None
    if done is Stage.DECISION and p.decided:
        passed = order[order.index(p.stage) + 1 : order.index(done) + 1]
        entered = tuple(s for s in passed if s is done or not optional(p, s))
        return Move(p.stage, done, False, entered, "随认定结论进入结论认定")
    try:
        return plan_move(p, done)
    except ProcedureError:
        return None


# ----- the flowchart ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Step:
    stage: Stage
    label: str
    state: StepState
    optional: bool


def steps(progress: CaseProgress, visited: frozenset[Stage] | None = None) -> list[Step]:
    """The case's procedure as the flowchart draws it: each step done, current, ahead or skipped.
    `visited`: the stages the case has entered (its stage log); an optional step before the current
    one that was never entered is drawn as skipped."""
    p = progress
    order = path(p.case_type)
    if p.stage is Stage.REJECTED:
        first = Step(Stage.APPLIED, step_label(p.case_type, Stage.APPLIED), StepState.DONE, False)
        last = Step(Stage.REJECTED, step_label(p.case_type, Stage.REJECTED), StepState.CURRENT, False)
        return [first, last]
    position = order.index(p.stage) if p.stage in order else -1
    out = []
    for i, stage in enumerate(order):
        skippable = optional(p, stage)
        if not applies(p, stage):
            state = StepState.SKIPPED
        elif i < position:
            passed_over = skippable and visited is not None and stage not in visited
            state = StepState.SKIPPED if passed_over else StepState.DONE
        elif i == position:
            state = StepState.CURRENT
        else:
            state = StepState.AHEAD
        out.append(Step(stage, step_label(p.case_type, stage), state, skippable))
    return out
