"""The committee's rules as plain functions: score checks, blind scoring, quorum, the decision note."""

from __future__ import annotations

import datetime as dt

import pytest

from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.case_file import Checklist, MemberRole, Score
from rongcuo_desktop.domain.committee import (
    CommitteeError,
    JudgmentRecord,
    MemberRecord,
    check_decision,
    checked_scores,
    missing_dimensions,
    next_member_key,
    note_required,
    quorum,
    scores_from_data,
    sees_score_event,
    visible_record,
)
from rongcuo_desktop.domain.roles import AccountInfo, Role

ZHANG = AccountInfo(id=3, name="张委员", role=Role.MEMBER)
ZHAO = AccountInfo(id=4, name="赵委员", role=Role.MEMBER)
SECRETARY = AccountInfo(id=2, name="李秘书", role=Role.SECRETARY)
FULL = {d: Score(4, "出于公心") for d in ("motive", "conditions", "procedure", "nature", "impact")}


def line(key: str, who: AccountInfo, scores: dict[str, Score], *, recused: bool = False) -> MemberRecord:
    return MemberRecord(
        key=key,
        name=who.name,
        account_id=who.id,
        role=MemberRole.FIXED,
        recused=recused,
        scores=scores,
        scored=len(scores),
    )


def a_record(conclusion: Conclusion | None = None) -> JudgmentRecord:
    return JudgmentRecord(
        case_id=1,
        doc_no="容错〔2026〕1号",
        rulebook="fuzhou-2019@1",
        checklist=Checklist(),
        members=(line("m1", ZHANG, FULL), line("m2", ZHAO, {"motive": Score(2, "存疑")})),
        decision=None,
        conclusion=conclusion,
    )


def test_scores_are_checked_once_for_every_door() -> None:
    clean = checked_scores({"后果影响": Score(3, "  损失已挽回 "), "动机态度": Score(5, "为公")})
    assert list(clean) == ["motive", "impact"] and clean["impact"].rationale == "损失已挽回"
    for bad, why in (
        ({}, "没有给出任何维度的评分"),
        ({"勇气": Score(3, "x")}, "没有名为“勇气”的评分维度"),
        ({"motive": Score(6, "x")}, "等级应为 1 到 5 的整数"),
        ({"motive": Score(True, "x")}, "等级应为 1 到 5 的整数"),  # type: ignore[arg-type]
        ({"motive": Score(5, " ")}, "评为 5 级，需要写明理由"),
        ({"motive": Score(1, "")}, "评为 1 级，需要写明理由"),
        ({"motive": Score(3, "x"), "动机态度": Score(3, "y")}, "给了两次评分"),
    ):
        with pytest.raises(CommitteeError, match=why):
            checked_scores(bad)
    # Levels 2-4 may go without a reason; the extremes need one.
    assert checked_scores({"motive": Score(3, " ")})["motive"].rationale == ""


def test_scores_in_the_case_file_shape() -> None:
    assert scores_from_data({"动机态度": {"level": 4}}) == {"motive": Score(4, "")}
    for bad, why in (
        ([], "应为一个表"),
        ({"motive": 4}, "应为"),
        ({"motive": {"level": 4, "extra": 1}}, "应为"),
        ({"motive": {"level": 0}}, "motive.level"),
        ({"motive": {"level": 3, "rationale": 5}}, "motive.rationale"),
    ):
        with pytest.raises(CommitteeError, match=why):
            scores_from_data(bad)
    assert missing_dimensions({"motive": Score(1)}) == ["客观条件", "程序方法", "性质程度", "后果影响"]


def test_blind_until_the_decision() -> None:
    before = visible_record(a_record(), ZHAO)
    mine, theirs = before.members[1], before.members[0]
    assert before.blind and mine.scores and not theirs.scores and theirs.hidden and theirs.scored == 5
    assert visible_record(a_record(), SECRETARY) == a_record()  # reads every case: sees everything
    decided = a_record(Conclusion.LENIENT)
    assert visible_record(decided, ZHAO) == decided
    assert not sees_score_event(ZHAO, revealed=False, scorer_id=ZHANG.id)
    assert sees_score_event(ZHAO, revealed=False, scorer_id=ZHAO.id)
    assert sees_score_event(ZHAO, revealed=True, scorer_id=ZHANG.id)
    assert sees_score_event(SECRETARY, revealed=False, scorer_id=ZHANG.id)


def test_quorum_counts_complete_members_who_did_not_recuse() -> None:
    counted = quorum(a_record(), required=2)
    assert (counted.counted, counted.incomplete, counted.recused, counted.met) == (1, 1, 0, False)
    blind = quorum(visible_record(a_record(), ZHAO), required=1)  # the count survives blind reading
    assert blind.counted == 1 and blind.met


def test_a_decision_needs_a_reason_where_it_departs_or_corrects() -> None:
    today = dt.date(2026, 5, 1)
    applied = dt.date(2026, 3, 1)
    common = {"decided_on": today, "applied_on": applied, "today": today, "why_no_recommendation": ""}
    check_decision(Conclusion.EXEMPT, "", recommendation=Conclusion.EXEMPT, previous=None, **common)
    assert not note_required(Conclusion.EXEMPT, Conclusion.EXEMPT, None)
    assert note_required(Conclusion.LENIENT, Conclusion.EXEMPT, None)
    assert note_required(Conclusion.EXEMPT, Conclusion.EXEMPT, Conclusion.LENIENT)
    for conclusion, recommendation, previous, why in (
        (Conclusion.LENIENT, Conclusion.EXEMPT, None, "与研判建议“予以容错免责”不同"),
        (Conclusion.LENIENT, None, None, "研判没有给出建议"),
        (Conclusion.EXEMPT, Conclusion.EXEMPT, Conclusion.LENIENT, "更正须在说明"),
    ):
        with pytest.raises(CommitteeError, match=why):
            check_decision(conclusion, " ", recommendation=recommendation, previous=previous, **common)
        check_decision(conclusion, "会议认为……", recommendation=recommendation, previous=previous, **common)
    with pytest.raises(CommitteeError, match="晚于今天"):
        check_decision(
            Conclusion.EXEMPT,
            "x",
            recommendation=None,
            previous=None,
            decided_on=today + dt.timedelta(days=1),
            applied_on=applied,
            today=today,
            why_no_recommendation="",
        )
    with pytest.raises(CommitteeError, match="早于申请日期"):
        check_decision(
            Conclusion.EXEMPT,
            "x",
            recommendation=None,
            previous=None,
            decided_on=dt.date(2026, 1, 1),
            applied_on=applied,
            today=today,
            why_no_recommendation="",
        )


def test_member_keys_fill_the_first_gap() -> None:
    assert next_member_key([]) == "m1"
    assert next_member_key(["m1", "m3", "x"]) == "m2"
