"""The procedure as a state machine (domain/procedure.py): every guard, every move back, the stage
following the work, the flowchart's steps. No store, no Qt."""

from __future__ import annotations

import dataclasses

import pytest

from rongcuo_desktop.domain.case import ApplicantType, CaseType, Conclusion, Stage
from rongcuo_desktop.domain.procedure import (
    CaseProgress,
    ClearanceFinding,
    ProcedureError,
    StepState,
    applies,
    follow,
    missing,
    optional,
    options,
    path,
    plan_move,
    step_label,
    steps,
)

T, C, P = CaseType.TOLERANCE, CaseType.CLEARANCE, CaseType.PRE_FILING


def ready(case_type: CaseType = T, stage: Stage = Stage.APPLIED, **changes: object) -> CaseProgress:
    """A case with everything every guard asks for (each test takes one thing away)."""
    base = CaseProgress(
        case_type=case_type,
        stage=stage,
        applicant_type=ApplicantType.UNIT,
        matter="容缺办理人防事项审查",
        rulebook="fuzhou-2019@1",
        investigations=1,
        members_present=5,
        quorum=5,
        conclusion=Conclusion.EXEMPT if case_type is T else None,
        finding=ClearanceFinding.UNFOUNDED if case_type is C else None,
        wishes=True,
        clearing_methods=1,
        feedback_notices=1,
        disclosures=1,
        filings=1,
        visits_planned=4,
        visits_done=4,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def blocked(progress: CaseProgress, target: Stage, reason: str = "") -> str:
    with pytest.raises(ProcedureError) as caught:
        plan_move(progress, target, reason=reason)
    return str(caught.value)


# ----- the paths --------------------------------------------------------------------------------


def test_each_case_type_has_its_path() -> None:
    assert path(T)[0] is Stage.APPLIED and path(T)[-1] is Stage.CLOSED
    assert Stage.REJECTED not in path(T)
    assert path(C) == path(T)
    assert path(P) == (Stage.APPLIED, Stage.ACCEPTED, Stage.CLOSED)
    assert step_label(C, Stage.DISCLOSURE) == "澄清正名"
    assert step_label(P, Stage.ACCEPTED) == "登记备案"
    assert step_label(T, Stage.HEARING) == "听证会商"


def test_a_case_walks_its_whole_path_when_the_work_is_done() -> None:
    """Given everything done, when each next step is taken in turn, then every move is allowed."""
    for case_type in (T, C, P):
        progress = ready(case_type)
        for target in path(case_type)[1:]:
            move = plan_move(progress, target)
            assert move.target is target and not move.backward
            progress = dataclasses.replace(progress, stage=target)
        assert progress.stage is Stage.CLOSED


# ----- every guard ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case_type", "source", "target", "change", "words"),
    [
        (T, Stage.APPLIED, Stage.ACCEPTED, {"applicant_type": None}, "申请人类型"),
        (T, Stage.APPLIED, Stage.ACCEPTED, {"matter": "  "}, "问责事项未填写"),
        (C, Stage.APPLIED, Stage.ACCEPTED, {"matter": ""}, "被反映的问题未填写"),
        (P, Stage.APPLIED, Stage.ACCEPTED, {"matter": ""}, "拟采取的创新举措未填写"),
        (T, Stage.APPLIED, Stage.ACCEPTED, {"rulebook": ""}, "适用的规则库未选定"),
        (T, Stage.INVESTIGATION, Stage.HEARING, {"investigations": 0}, "还没有调查核实记录"),
        (T, Stage.INVESTIGATION, Stage.DECISION, {"investigations": 0}, "还没有调查核实记录"),
        (T, Stage.HEARING, Stage.DECISION, {"members_present": 4}, "只有 4 人，少于规则库规定的 5 人"),
        (T, Stage.HEARING, Stage.DECISION, {"quorum": None}, "无法核对到会委员人数"),
        (C, Stage.INVESTIGATION, Stage.DECISION, {"investigations": 0}, "还没有调查核实记录"),
        (T, Stage.DECISION, Stage.FEEDBACK, {"conclusion": None}, "还没有记录认定结论"),
        (C, Stage.DECISION, Stage.FEEDBACK, {"finding": None}, "核查结论"),
        (T, Stage.FEEDBACK, Stage.DISCLOSURE, {"feedback_notices": 0}, "先反馈、后公开"),
        (C, Stage.FEEDBACK, Stage.DISCLOSURE, {"wishes": False}, "当事人本人的意愿尚未记录"),
        (C, Stage.FEEDBACK, Stage.DISCLOSURE, {"clearing_methods": 0}, "澄清方式"),
        (T, Stage.FEEDBACK, Stage.FILING, {"conclusion": None}, "还没有记录认定结论"),
        (T, Stage.DECISION, Stage.FILING, {"feedback_notices": 0}, "不能进入“报告备案”：还没有结果反馈记录"),
        (T, Stage.FILING, Stage.FOLLOW_UP, {"filings": 0}, "还没有报告备案记录"),
        (T, Stage.FILING, Stage.FOLLOW_UP, {"visits_planned": 0}, "跟踪回访计划中没有回访"),
        (C, Stage.DISCLOSURE, Stage.FOLLOW_UP, {"disclosures": 0}, "还没有澄清正名的记录"),
        (T, Stage.FOLLOW_UP, Stage.CLOSED, {"visits_done": 2}, "还有 2 次回访未记录"),
        (T, Stage.FOLLOW_UP, Stage.CLOSED, {"filings": 0}, "还没有报告备案记录"),
        (C, Stage.FOLLOW_UP, Stage.CLOSED, {"disclosures": 0}, "还没有澄清正名的记录"),
        (C, Stage.FOLLOW_UP, Stage.CLOSED, {"feedback_notices": 0}, "还没有结果反馈记录"),
    ],
)
def test_every_guard_says_what_is_missing(
    case_type: CaseType, source: Stage, target: Stage, change: dict[str, object], words: str
) -> None:
    """Given a case ready for `target` but for one thing, when it moves, then the message names it."""
    assert plan_move(ready(case_type, source), target).target is target
    message = blocked(ready(case_type, source, **change), target)
    assert words in message, message
    assert message.startswith("不能进入")


def test_a_blocked_move_lists_everything_missing_at_once() -> None:
    progress = CaseProgress(T, Stage.APPLIED)
    with pytest.raises(ProcedureError) as caught:
        plan_move(progress, Stage.ACCEPTED)
    assert len(caught.value.missing) == 3
    assert str(caught.value) == (
        "不能进入“受理”：申请人类型（当事人、所在单位或纪检监察机关）未选；问责事项未填写；适用的规则库未选定。"
    )


def test_a_pre_filing_needs_no_rulebook_and_closes_once_registered() -> None:
    plan_move(ready(P, rulebook=""), Stage.ACCEPTED)
    assert "备案尚未登记" in blocked(ready(P), Stage.CLOSED)
    assert plan_move(ready(P, Stage.ACCEPTED), Stage.CLOSED).target is Stage.CLOSED


def test_rejection_needs_a_reason_ends_the_case_and_only_from_application() -> None:
    assert "不予受理须写明理由" in blocked(ready(), Stage.REJECTED, reason="  ")
    move = plan_move(ready(), Stage.REJECTED, reason="不属于容错免责的适用范围")
    assert move.target is Stage.REJECTED and move.reason == "不属于容错免责的适用范围"
    assert "只有在“申请”阶段才能不予受理" in blocked(ready(stage=Stage.INVESTIGATION), Stage.REJECTED, "x")
    rejected = ready(stage=Stage.REJECTED)
    assert "已经结束" in blocked(rejected, Stage.ACCEPTED)
    assert "须写明理由" in blocked(rejected, Stage.APPLIED)
    assert plan_move(rejected, Stage.APPLIED, reason="误判，重新受理").backward


def test_follow_up_is_for_tolerated_cases_only() -> None:
    not_tolerated = ready(stage=Stage.FILING, conclusion=Conclusion.NOT_TOLERATED)
    assert not applies(not_tolerated, Stage.FOLLOW_UP)
    assert "认定结论为“不予容错”，不进行跟踪回访" in blocked(not_tolerated, Stage.FOLLOW_UP)
    # …and such a case closes without visits.
    assert plan_move(not_tolerated, Stage.CLOSED).entered == (Stage.CLOSED,)
    founded = ready(C, Stage.FEEDBACK, finding=ClearanceFinding.FOUNDED)
    assert not applies(founded, Stage.DISCLOSURE) and not applies(founded, Stage.FOLLOW_UP)
    assert "核查结论为“反映属实”" in blocked(founded, Stage.DISCLOSURE)


def test_optional_steps_may_be_passed_over() -> None:
    """A hearing and a tolerance case's disclosure are optional; the jump enters only what is due."""
    assert optional(ready(), Stage.HEARING) and optional(ready(), Stage.DISCLOSURE)
    assert not optional(ready(C), Stage.DISCLOSURE) and optional(ready(C), Stage.FILING)
    move = plan_move(ready(stage=Stage.INVESTIGATION), Stage.DECISION)
    assert move.entered == (Stage.DECISION,)
    move = plan_move(ready(stage=Stage.FEEDBACK), Stage.FILING)
    assert move.entered == (Stage.FILING,)


def test_a_jump_over_required_steps_checks_each_of_them() -> None:
    move = plan_move(ready(stage=Stage.ACCEPTED), Stage.DECISION)
    assert move.entered == (Stage.INVESTIGATION, Stage.DECISION)
    message = blocked(ready(C, Stage.FEEDBACK, wishes=False), Stage.FOLLOW_UP)
    assert "“澄清正名”（须先完成这一步）" in message and "意愿" in message


# ----- moves back, and bad moves --------------------------------------------------------------------


@pytest.mark.parametrize("case_type", [T, C, P])
def test_every_move_back_needs_a_reason_and_is_allowed_with_one(case_type: CaseType) -> None:
    order = path(case_type)
    for here in order[1:]:
        for back in order[: order.index(here)]:
            progress = ready(case_type, here)
            message = blocked(progress, back)
            assert f"退回到“{step_label(case_type, back)}”须写明理由" in message
            move = plan_move(progress, back, reason="听证后需要补充调查")
            assert move.backward and move.entered == (back,) and move.source is here


def test_forbidden_moves_are_refused_with_a_sentence() -> None:
    assert "案件已在“调查核实”阶段" in blocked(ready(stage=Stage.INVESTIGATION), Stage.INVESTIGATION)
    assert "事前备案案件没有“调查核实”这一步" in blocked(ready(P), Stage.INVESTIGATION)
    assert "不在事前备案案件的流程中" in blocked(ready(P, Stage.HEARING), Stage.CLOSED)


# ----- what the case window offers, the stage following the work, the flowchart -----------------------


def test_options_offer_the_next_step_the_optional_ones_before_it_and_every_way_back() -> None:
    offered = options(ready(stage=Stage.INVESTIGATION, investigations=0))
    forward = [(o.target, o.allowed) for o in offered if not o.backward]
    assert forward == [(Stage.HEARING, False), (Stage.DECISION, False)]
    assert [o.target for o in offered if o.backward] == [Stage.ACCEPTED, Stage.APPLIED]
    at_application = options(ready(stage=Stage.APPLIED))
    assert [o.target for o in at_application] == [Stage.ACCEPTED, Stage.REJECTED]
    assert [o.target for o in options(ready(stage=Stage.REJECTED))] == [Stage.APPLIED]


def test_the_stage_follows_the_work() -> None:
    """A decision moves the case to 结论认定 whatever its stage; later records move it as far as the
    guards allow, and never back."""
    decided = ready(stage=Stage.ACCEPTED, members_present=0)
    move = follow(decided, Stage.DECISION)
    assert move is not None and move.target is Stage.DECISION
    assert move.entered == (Stage.INVESTIGATION, Stage.DECISION)
    assert follow(ready(stage=Stage.DECISION), Stage.FEEDBACK) is not None
    assert follow(ready(stage=Stage.DECISION, feedback_notices=0), Stage.FILING) is None
    assert follow(ready(stage=Stage.FILING), Stage.FEEDBACK) is None  # a late notice moves nothing back
    assert follow(ready(stage=Stage.DECISION, conclusion=None), Stage.DECISION) is None
    assert follow(ready(P), Stage.FEEDBACK) is None


def test_the_flowchart_marks_done_current_ahead_and_skipped_steps() -> None:
    progress = ready(stage=Stage.FEEDBACK)
    drawn = {s.stage: s.state for s in steps(progress, frozenset(path(T)) - {Stage.HEARING})}
    assert drawn[Stage.APPLIED] is StepState.DONE and drawn[Stage.HEARING] is StepState.SKIPPED
    assert drawn[Stage.FEEDBACK] is StepState.CURRENT and drawn[Stage.CLOSED] is StepState.AHEAD
    no_follow_up = {s.stage: s.state for s in steps(ready(conclusion=Conclusion.NOT_TOLERATED))}
    assert no_follow_up[Stage.FOLLOW_UP] is StepState.SKIPPED
    rejected = steps(ready(stage=Stage.REJECTED))
    assert [(s.stage, s.state) for s in rejected] == [
        (Stage.APPLIED, StepState.DONE),
        (Stage.REJECTED, StepState.CURRENT),
    ]


def test_missing_is_empty_when_the_guard_holds() -> None:
    for stage in path(T)[1:]:
        assert missing(ready(), stage) == []
