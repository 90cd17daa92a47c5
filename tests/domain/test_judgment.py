"""The five-dimension judgment: hard rules, statistics, explanation, and its properties (hypothesis)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rongcuo_desktop.domain.case import Case, CaseType, Conclusion
from rongcuo_desktop.domain.case_file import (
    CaseFile,
    Checklist,
    ConditionStatus,
    ExclusionStatus,
    Member,
    Score,
    load_case_file,
)
from rongcuo_desktop.domain.judgment import Judgment, judge, rank
from rongcuo_desktop.domain.rulebook import DIMENSIONS, find_rulebook, parse_rulebook
from rongcuo_desktop.domain.validation import ValidationError
from tests.conftest import REPO_ROOT

RULEBOOKS = REPO_ROOT / "resources" / "rulebooks"
EXAMPLES = REPO_ROOT / "docs" / "examples"
FUZHOU = find_rulebook("fuzhou-2019", RULEBOOKS)
ALL_MET = {f"c{i}": ConditionStatus.MET for i in range(1, 7)}


def member(member_id: str, *levels: int, recused: bool = False) -> Member:
    if recused:
        return Member(member_id, recused=True, recusal_reason="利害关系")
    return Member(
        member_id, scores={d: Score(level, "理由") for d, level in zip(DIMENSIONS, levels, strict=True)}
    )


def case_file(
    members: list[Member],
    conditions: Mapping[str, ConditionStatus] | None = None,
    exclusions: Mapping[str, ExclusionStatus] | None = None,
    situations: tuple[str, ...] = ("s8-2",),
    case_type: CaseType = CaseType.TOLERANCE,
) -> CaseFile:
    case = Case(
        "容错〔2026〕1号", "张某某", "某局", "科长", case_type=case_type, applied_on=dt.date(2026, 1, 5)
    )
    checklist = Checklist(situations, ALL_MET if conditions is None else conditions, exclusions or {})
    return CaseFile(case, checklist, tuple(members))


def panel(level: int, size: int = 5) -> list[Member]:
    return [member(f"m{i}", *[level] * 5) for i in range(size)]


# --- the shipped examples ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("tolerance-fuzhou.json", "予以容错免责"),
        ("tolerance-liwan-lenient.json", "从轻减轻处理"),
        ("clearance-liwan.json", None),
        ("pre-filing-fuzhou.json", None),
    ],
)
def test_each_documented_example_is_judged(name: str, expected: str | None) -> None:
    """Given the examples in docs/case-format.md, when judged under their own rulebook, then it holds."""
    cf = load_case_file(EXAMPLES / name)
    result = judge(cf, find_rulebook(cf.case.rulebook, RULEBOOKS)).to_dict()
    assert result["recommendation"] == expected
    assert result["rulebook"]["key"] == cf.case.rulebook
    assert result["explanation"].startswith("依据规则库《")
    if expected is None:
        assert result["reason"]
    json.dumps(result, ensure_ascii=False)  # JSON-ready


def test_example_fuzhou_statistics() -> None:
    cf = load_case_file(EXAMPLES / "tolerance-fuzhou.json")
    result = judge(cf, FUZHOU)
    assert result.recused == ("m9",) and len(result.counted) == 8
    motive = result.dimensions[0]
    assert (motive.name, motive.median, motive.min, motive.max, motive.spread) == ("动机态度", 5.0, 4, 5, 1)
    assert result.total == 4.4
    assert result.quorum_met and not result.fired_rules and not result.disagreements


# --- hard rules ----------------------------------------------------------------------------------


def test_a_confirmed_exclusion_gives_not_tolerated_whatever_the_scores() -> None:
    """Given every member scores 5, when 第九条(七) is confirmed, then 不予容错, citing the article."""
    result = judge(case_file(panel(5), exclusions={"x7": ExclusionStatus.CONFIRMED}), FUZHOU)
    assert result.score_recommendation is Conclusion.EXEMPT
    assert result.recommendation is Conclusion.NOT_TOLERATED
    (fired,) = result.fired_rules
    assert (fired.kind, fired.rule_id, fired.effect) == ("exclusion_confirmed", "x7", "not_tolerated")
    assert fired.citation is not None and fired.citation.label() == "《抚州市容错免责办法(试行)》第九条(七)"
    assert "第九条(七)" in result.explanation and "不予容错" in result.explanation


def test_an_exclusion_not_confirmed_does_not_fire() -> None:
    result = judge(case_file(panel(5), exclusions={"x7": ExclusionStatus.NOT_CONFIRMED}), FUZHOU)
    assert result.recommendation is Conclusion.EXEMPT and not result.fired_rules


def test_an_unmet_condition_rules_out_exemption_only() -> None:
    conditions = {**ALL_MET, "c4": ConditionStatus.NOT_MET}
    result = judge(case_file(panel(5), conditions=conditions), FUZHOU)
    assert result.recommendation is Conclusion.LENIENT
    assert [(r.kind, r.rule_id) for r in result.fired_rules] == [("condition_not_met", "c4")]
    assert "第四条(四)" in result.explanation
    low = judge(case_file(panel(2), conditions=conditions), FUZHOU)
    assert low.recommendation is Conclusion.NOT_TOLERATED  # the cap never raises a result


def test_an_unknown_condition_blocks_exemption_under_fuzhou_and_says_so() -> None:
    """Given c6 left unknown, then fuzhou (第四条 必须符合) caps at 从轻减轻处理 and asks to verify."""
    conditions = {k: v for k, v in ALL_MET.items() if k != "c6"}
    result = judge(case_file(panel(5), conditions=conditions), FUZHOU)
    assert result.recommendation is Conclusion.LENIENT
    assert [(r.kind, r.rule_id) for r in result.fired_rules] == [("condition_unknown", "c6")]
    assert "未查明视同不符合" in result.explanation and "补充核实" in result.explanation


def test_the_unknown_condition_policy_is_the_rulebooks_setting() -> None:
    data = FUZHOU.to_dict()
    data["settings"]["unknown_condition_blocks_exempt"]["value"] = False
    lenient_book = parse_rulebook(data)
    conditions = {"c1": ConditionStatus.MET, "c6": ConditionStatus.UNKNOWN}
    assert judge(case_file(panel(5), conditions=conditions), lenient_book).recommendation is Conclusion.EXEMPT


def test_no_claimed_situation_rules_out_exemption_where_the_rulebook_requires_one() -> None:
    result = judge(case_file(panel(5), situations=()), FUZHOU)
    assert result.recommendation is Conclusion.LENIENT
    assert [r.kind for r in result.fired_rules] == ["no_situation"]
    liwan = find_rulebook("liwan", RULEBOOKS)
    assert judge(case_file(panel(5), conditions={}, situations=()), liwan).recommendation is Conclusion.EXEMPT


def test_too_few_members_who_count_gives_no_recommendation_only_the_reason() -> None:
    """Given 6 members of whom 2 recused and 1 unfinished, then 3 count (< 5): no recommendation."""
    members = [*panel(5, 3), member("r1", recused=True), member("r2", recused=True)]
    members.append(Member("half", scores={"motive": Score(5)}))
    result = judge(case_file(members), FUZHOU)
    assert result.recommendation is None and not result.quorum_met
    assert "3 人，少于规则库规定的 5 人" in result.reason
    assert result.incomplete == ("half",) and result.recused == ("r1", "r2")
    assert result.to_dict()["recommendation"] is None
    assert result.fired_rules[0].kind == "quorum_not_met"


def test_no_quorum_wins_over_a_confirmed_exclusion_but_both_are_reported() -> None:
    result = judge(case_file(panel(5, 2), exclusions={"x1": ExclusionStatus.CONFIRMED}), FUZHOU)
    assert result.recommendation is None
    assert {r.kind for r in result.fired_rules} == {"quorum_not_met", "exclusion_confirmed"}


# --- statistics, thresholds, disagreements -------------------------------------------------------


def test_thresholds_and_the_dimension_floor() -> None:
    assert judge(case_file(panel(4)), FUZHOU).recommendation is Conclusion.EXEMPT  # total 4.0
    assert judge(case_file(panel(3)), FUZHOU).recommendation is Conclusion.LENIENT
    assert judge(case_file(panel(2)), FUZHOU).recommendation is Conclusion.NOT_TOLERATED
    # total 4.2 but 性质程度 median 2 < floor 3: not exempt
    members = [member(f"m{i}", 5, 5, 5, 2, 4) for i in range(5)]
    result = judge(case_file(members), FUZHOU)
    assert result.total == 4.2 and result.recommendation is Conclusion.LENIENT


def test_median_is_used_so_one_extreme_score_cannot_carry_the_result() -> None:
    members = [*panel(2, 4), member("x", 5, 5, 5, 5, 5)]
    result = judge(case_file(members), FUZHOU)
    assert result.total == 2.0 and result.recommendation is Conclusion.NOT_TOLERATED


def test_weights_come_from_the_rulebook() -> None:
    data = FUZHOU.to_dict()
    data["dimensions"][3]["weight"]["value"] = 3.0  # 性质程度 counts three times
    weighted = parse_rulebook(data)
    members = [member(f"m{i}", 5, 5, 5, 3, 5) for i in range(5)]
    assert judge(case_file(members), weighted).total == pytest.approx((5 * 4 + 3 * 3) / 7, abs=1e-6)


def test_a_spread_at_the_threshold_calls_for_consultation() -> None:
    members = [*panel(4, 4), member("m9", 1, 4, 4, 4, 4)]
    result = judge(case_file(members), FUZHOU)
    (disagreement,) = result.disagreements
    assert (disagreement.dimension, disagreement.spread, disagreement.threshold) == ("motive", 3, 3)
    assert result.to_dict()["needs_consultation"] is True
    assert "建议会商研判" in result.explanation


def test_checklist_ids_must_exist_in_the_rulebook() -> None:
    cf = case_file(panel(4), exclusions={"x10": ExclusionStatus.CONFIRMED}, situations=("s9-1",))
    with pytest.raises(ValidationError) as caught:
        judge(cf, FUZHOU)
    paths = [issue.path for issue in caught.value.issues]
    assert paths == ["checklist.situations[0]", "checklist.exclusions.x10"]


def test_clearance_and_pre_filing_get_no_recommendation_but_a_reason() -> None:
    for case_type in (CaseType.CLEARANCE, CaseType.PRE_FILING):
        result = judge(
            case_file([], exclusions={"x5": ExclusionStatus.CONFIRMED}, case_type=case_type), FUZHOU
        )
        assert result.recommendation is None and result.reason
        assert [r.kind for r in result.fired_rules] == ["exclusion_confirmed"]  # reported as a risk
    clearance = judge(case_file([], case_type=CaseType.CLEARANCE), FUZHOU)
    assert "第十五条" in clearance.explanation


def test_the_result_holds_no_names() -> None:
    members = [dataclasses.replace(m, name=f"委员{i}号") for i, m in enumerate(panel(4))]
    text = json.dumps(judge(case_file(members), FUZHOU).to_dict(), ensure_ascii=False)
    assert "委员0号" not in text and "张某某" not in text


# --- properties ----------------------------------------------------------------------------------

levels = st.integers(min_value=1, max_value=5)
# Mostly met / not confirmed, so that every recommendation (and every threshold) is reached often.
condition_status = st.sampled_from(
    [ConditionStatus.MET] * 4 + [ConditionStatus.NOT_MET, ConditionStatus.UNKNOWN]
)
exclusion_status = st.sampled_from([ExclusionStatus.NOT_CONFIRMED] * 12 + [ExclusionStatus.CONFIRMED])


@st.composite
def scores(draw: st.DrawFn, base: int) -> tuple[int, ...]:
    """Levels around a panel-wide base, so that panels agree as real ones mostly do."""
    return tuple(min(5, max(1, base + draw(st.sampled_from([-2, -1, 0, 0, 0, 1])))) for _ in DIMENSIONS)


@st.composite
def cases(draw: st.DrawFn) -> CaseFile:
    count = draw(st.integers(min_value=4, max_value=9))  # 4 is one short of the quorum
    base = draw(st.sampled_from([1, 2, 3, 3, 4, 4, 5, 5]))
    members = [member(f"m{i}", *draw(scores(base))) for i in range(count)]
    clean = draw(st.booleans())  # half the cases have a clean checklist, so that 予以容错免责 is reached
    conditions = {f"c{i}": ConditionStatus.MET if clean else draw(condition_status) for i in range(1, 7)}
    exclusions = {
        f"x{i}": ExclusionStatus.NOT_CONFIRMED if clean else draw(exclusion_status) for i in range(1, 10)
    }
    situations = draw(st.sampled_from([(), ("s5-1",), ("s8-2", "s8-3"), ("s7-1",)]))
    return case_file(members, conditions, exclusions, situations)


def outcome(result: Judgment) -> dict[str, Any]:
    """Everything a committee acts on (the counts of recused members are shown, not acted on)."""
    data = result.to_dict()
    return {
        k: data[k]
        for k in ("recommendation", "total", "dimensions", "fired_rules", "disagreements", "quorum_met")
    }


@settings(max_examples=120, deadline=None)
@given(cases(), st.data())
def test_raising_one_level_never_worsens_the_recommendation(cf: CaseFile, data: st.DataObject) -> None:
    """Climb from the drawn case to all 5s one member-level at a time, in an order hypothesis picks;
    no step may worsen the recommendation or the total. The climb crosses every threshold on the way."""
    steps = [
        (i, d) for i, m in enumerate(cf.members) for d, s in m.scores.items() for _ in range(5 - s.level)
    ]
    order = data.draw(st.permutations(steps))
    members = list(cf.members)
    before = judge(cf, FUZHOU)
    for index, dimension in order:
        chosen = members[index]
        raised = Score(chosen.scores[dimension].level + 1)
        members[index] = dataclasses.replace(chosen, scores={**chosen.scores, dimension: raised})
        after = judge(dataclasses.replace(cf, members=tuple(members)), FUZHOU)
        assert rank(after.recommendation) >= rank(before.recommendation), (index, dimension)
        assert (after.total or 0) >= (before.total or 0)
        before = after


@settings(max_examples=100, deadline=None)
@given(cases(), st.randoms(use_true_random=False))
def test_member_order_does_not_matter(cf: CaseFile, random: Any) -> None:
    shuffled = list(cf.members)
    random.shuffle(shuffled)
    assert judge(dataclasses.replace(cf, members=tuple(shuffled)), FUZHOU) == judge(cf, FUZHOU)


@settings(max_examples=100, deadline=None)
@given(cases(), st.integers(min_value=1, max_value=4))
def test_recused_members_never_change_the_result(cf: CaseFile, recused_count: int) -> None:
    recused = [member(f"r{i}", recused=True) for i in range(recused_count)]
    with_recused = dataclasses.replace(cf, members=(*cf.members, *recused))
    assert outcome(judge(with_recused, FUZHOU)) == outcome(judge(cf, FUZHOU))


@settings(max_examples=50, deadline=None)
@given(cases())
def test_judging_is_deterministic(cf: CaseFile) -> None:
    first = judge(cf, FUZHOU)
    assert judge(cf, FUZHOU) == first
    assert json.dumps(first.to_dict(), ensure_ascii=False) == json.dumps(
        judge(cf, FUZHOU).to_dict(), ensure_ascii=False
    )
