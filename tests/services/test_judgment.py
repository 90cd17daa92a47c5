"""A member's score from the service down to the audit trail, with the window's person unchanged;
blind scoring, recusal and the decision rules through services."""

from __future__ import annotations

import pytest

from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services import accounts, audit, judgment
from rongcuo_desktop.services.errors import JudgmentError, PermissionDenied
from rongcuo_desktop.services.judgment import ConditionStatus, ExclusionStatus, Score
from tests.services.conftest import PINS, Committee

FULL = {d: Score(4, "出于公心、及时纠错") for d in ("motive", "conditions", "procedure", "nature", "impact")}


def prepared(committee: Committee) -> int:
    """Case 1 with a checklist on fuzhou-2019 (秘书) and 张委员 and 赵委员 on its committee."""
    ws, case_id = committee.ws, committee.case_ids[0]
    accounts.set_members(ws, committee.secretary, case_id, ["张委员", "赵委员"])
    judgment.update_checklist(
        ws,
        committee.secretary,
        case_id,
        rulebook="fuzhou-2019",
        situations=("s8-2",),
        conditions={f"c{i}": ConditionStatus.MET for i in range(1, 7)},
        exclusions={f"x{i}": ExclusionStatus.NOT_CONFIRMED for i in range(1, 10)},
    )
    return case_id


def test_a_member_scores_for_one_call_and_the_trail_names_them(committee: Committee) -> None:
    """Given the secretary's window, when 张委员 signs in for one scoring and scores, then the record
    and the audit event are 张委员's, the levels stay out of the event's summary, and the secretary's
    credential still acts as the secretary."""
    ws = committee.ws
    case_id = prepared(committee)
    member = accounts.sign_in(ws, "张委员", PINS["张委员"])
    line = judgment.score(ws, member, case_id, {"动机态度": Score(5, "为公"), "客观条件": Score(4, "无先例")})
    assert line.name == "张委员" and line.scored == 2 and not line.complete
    del member  # the dialog is closed: the window never held the member's credential
    entry = judgment.timeline(ws, committee.secretary, case_id)[-1]
    assert (entry.actor_name, entry.action_label) == ("张委员", Action.SCORE.label)
    assert entry.summary == "评分：动机态度、客观条件（2 项）"
    assert committee.secretary.may(Action.CASE_CREATE)


def test_blind_until_the_chair_decides(committee: Committee) -> None:
    ws = committee.ws
    case_id = prepared(committee)
    judgment.score(ws, committee.zhang, case_id, FULL)
    judgment.score(ws, committee.zhao, case_id, {**FULL, "impact": Score(2, "损失较大")})
    seen = judgment.record(ws, committee.zhao, case_id)
    zhang = next(m for m in seen.members if m.name == "张委员")
    assert seen.blind and not zhang.scores and zhang.scored == 5
    assert judgment.record(ws, committee.secretary, case_id).members[0].scores
    summaries = [
        e.summary for e in judgment.timeline(ws, committee.zhao, case_id) if e.actor_name == "张委员"
    ]
    assert summaries == ["评分（评分揭晓前，他人的评分内容不公开）"]
    counted = judgment.quorum_of(ws, committee.chair, case_id)
    assert (counted.counted, counted.required, counted.met) == (2, 5, False)
    result = judgment.judge(ws, committee.chair, case_id)
    assert result.recommendation is None and "少于规则库规定的 5 人" in result.reason
    with pytest.raises(JudgmentError, match="研判没有给出建议"):
        judgment.decide(ws, committee.chair, case_id, Conclusion.LENIENT)
    with pytest.raises(PermissionDenied, match="秘书无权记录认定结论"):
        judgment.decide(ws, committee.secretary, case_id, Conclusion.LENIENT, note="会议研究认定")
    decision = judgment.decide(ws, committee.chair, case_id, Conclusion.LENIENT, note="会议研究认定")
    assert decision.recorded_by == "王主任" and decision.recommendation is None
    after = judgment.record(ws, committee.zhao, case_id)
    assert not after.blind and all(m.scores for m in after.members)
    with pytest.raises(JudgmentError, match="不再修改"):
        judgment.score(ws, committee.zhang, case_id, FULL)


def test_recusal_and_who_may_score(committee: Committee) -> None:
    ws = committee.ws
    case_id = prepared(committee)
    other_case = committee.case_ids[1]
    with pytest.raises(PermissionDenied, match="不在本案"):
        judgment.score(ws, committee.zhang, other_case, FULL)
    with pytest.raises(PermissionDenied, match="秘书无权评分"):
        judgment.score(ws, committee.secretary, case_id, FULL)
    with pytest.raises(JudgmentError, match="需要写明理由"):
        judgment.score(ws, committee.zhang, case_id, {"motive": Score(5, "")})
    judgment.score(ws, committee.zhang, case_id, FULL)
    with pytest.raises(JudgmentError, match="回避理由不能为空"):
        judgment.recuse(ws, committee.zhang, case_id, "  ")
    judgment.recuse(ws, committee.zhang, case_id, "与当事人系同一科室")
    with pytest.raises(PermissionDenied, match="已回避本案"):  # recusal locks the member out (issue 12)
        judgment.own_line(ws, committee.zhang, case_id)
    (line,) = [m for m in judgment.record(ws, committee.chair, case_id).members if m.name == "张委员"]
    assert line.recused and not line.scores
    with pytest.raises(JudgmentError, match="已申请回避"):
        judgment.score(ws, committee.zhang, case_id, FULL)
    assert [e.summary for e in judgment.timeline(ws, committee.chair, case_id)][
        -1
    ] == "申请回避，撤回已有的 5 项评分"


def test_the_audit_log_and_verify_for_those_who_may(committee: Committee) -> None:
    ws = committee.ws
    assert audit.verify(ws, committee.secretary).ok
    assert any(line.action == "login" for line in audit.log(ws, committee.chair))
    with pytest.raises(PermissionDenied, match="委员无权查看审计记录"):
        audit.log(ws, committee.zhang)
    assert audit.acknowledge(ws, committee.chair) == []  # nothing was found at open
