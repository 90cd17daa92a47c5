"""The case file's records (domain/casework.py): each field through the one validator, dates in
order, names masked in what is disclosed, the follow-up schedule, the repeat check of seed 002
第九条 (九), the typical-case library, and the rulebook's follow-up plan and step deadlines."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from rongcuo_desktop.domain.case import CaseType, Conclusion
from rongcuo_desktop.domain.casework import (
    RECORD_TYPES,
    Acceptance,
    CaseSketch,
    ChecklistNotes,
    Clearance,
    ClearingMethod,
    Disclosure,
    DisclosureMethod,
    EvidenceLink,
    Feedback,
    FeedbackTo,
    Filing,
    FourForms,
    Hearing,
    HearingKind,
    Investigation,
    LenientHandling,
    RecordContext,
    Rejection,
    ResultUsage,
    TypicalCase,
    TypicalMark,
    Visit,
    add_months,
    check_record,
    mask_names,
    repeat_matches,
    search_typical,
    similar_typical,
    unmasked_names,
    visit_schedule,
)
from rongcuo_desktop.domain.casework_data import record_data, record_from_data
from rongcuo_desktop.domain.procedure import ClearanceFinding
from rongcuo_desktop.domain.rulebook import find_rulebook, parse_rulebook
from rongcuo_desktop.domain.text_rules import FIELDS
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.paths import rulebooks_dir

D = dt.date
TODAY = D(2026, 6, 1)
DECIDED = RecordContext(
    case_type=CaseType.TOLERANCE,
    party_name="谢明华",
    applied_on=D(2026, 1, 12),
    accepted_on=D(2026, 1, 15),
    decided_on=D(2026, 3, 2),
    usage_ids=frozenset({"u1", "u2", "u3"}),
    visits_planned=4,
    today=TODAY,
)
UNDECIDED = RecordContext(CaseType.TOLERANCE, "谢明华", D(2026, 1, 12), D(2026, 1, 15), today=TODAY)

EVERY_RECORD = [
    Acceptance(D(2026, 1, 15), "fuzhou-2019@1", "符合受理条件"),
    Rejection(D(2026, 1, 20), "不属于本办法适用范围"),
    Investigation(D(2026, 2, 1), "王某、李某", "查明容缺办理属实", "单位认为出于公心", "本人申辩", (3, 4)),
    Hearing(HearingKind.CONSULTATION, D(2026, 2, 20), "纪委、组织部、住建局", "一致认为符合第八条(二)"),
    ResultUsage(("u1", "u3"), "年度考核不扣分"),
    Feedback(FeedbackTo.UNIT, D(2026, 3, 5), "书面通知", "已送达"),
    Disclosure("全区", DisclosureMethod.CIRCULAR, D(2026, 3, 10), "谢某某同志出于公心，予以容错免责。"),
    Filing("备〔2026〕7号", D(2026, 3, 12), "市纪委监委"),
    Visit(1, D(2026, 5, 30), "张某", "工作状态良好", "谈心谈话"),
    LenientHandling(FourForms.FIRST, "批评教育"),
    TypicalMark("谢某某在容缺审批中……", D(2026, 3, 20)),
    EvidenceLink(9, "事前备案的创新举措"),
    ChecklistNotes(("c4-1", "s5-1"), ("法规无禁止，见调查记录 1", "本人申请")),
]


@pytest.mark.parametrize("record", EVERY_RECORD, ids=lambda r: r.KIND)
def test_every_record_round_trips_through_plain_data(record: Any) -> None:
    data = record_data(record)
    assert record_from_data(record.KIND, copy.deepcopy(data)) == record
    assert check_record(record, DECIDED) == record


def test_clearance_round_trips_and_belongs_to_clearance_cases() -> None:
    record = Clearance(
        ClearanceFinding.UNFOUNDED, D(2026, 2, 1), "希望在单位会议上澄清", (ClearingMethod.MEETING,)
    )
    assert record_from_data("clearance", record_data(record)) == record
    clearance = RecordContext(CaseType.CLEARANCE, "谢明华", D(2026, 1, 12), D(2026, 1, 15), today=TODAY)
    assert check_record(record, clearance) == record
    with pytest.raises(ValidationError, match="只有澄清正名案件"):
        check_record(record, DECIDED)
    with pytest.raises(ValidationError, match="记录核查结论须写明日期"):
        check_record(Clearance(ClearanceFinding.FOUNDED), clearance)


def test_every_kind_has_a_label_and_its_text_fields_have_limits() -> None:
    from rongcuo_desktop.domain.casework import _TEXT, RECORD_LABELS

    assert set(RECORD_TYPES) == set(RECORD_LABELS)
    for fields in _TEXT.values():
        for key in fields.values():
            assert FIELDS[key].max_length > 0


@pytest.mark.parametrize(
    ("record", "words"),
    [
        (Investigation(D(2026, 2, 1), "", "查明"), "investigators: 调查人员不能为空"),
        (Investigation(D(2026, 2, 1), "王某", " \n "), "findings: 调查核实的情况不能为空"),
        (Investigation(D(2026, 1, 13), "王某", "查明"), "调查日期 2026-01-13 早于受理日期 2026-01-15"),
        (Investigation(D(2026, 7, 1), "王某", "查明"), "调查日期 2026-07-01 晚于今天"),
        (Investigation(D(1999, 7, 1), "王某", "查明"), "年份不合理"),
        (
            Investigation(D(2026, 2, 1), "王某", "x" * 20_001),
            "调查核实的情况太长：20,001 个字，最多 20,000 个字",
        ),
        (Investigation(D(2026, 2, 1), "王某\u202e", "查明"), "调查人员的第 3 个字符是不可见的格式字符"),
        (Investigation(D(2026, 2, 1), "王某", "查明", attachment_ids=(1, 1)), "关联的附件有重复"),
        (Feedback(FeedbackTo.PARTY, D(2026, 3, 1)), "反馈日期 2026-03-01 早于认定日期 2026-03-02"),
        (Filing("  ", D(2026, 3, 12), "市纪委"), "备案号不能为空"),
        (Visit(5, D(2026, 5, 1), "张某", "好"), "回访计划只有 4 次，没有第 5 次"),
        (Visit(0, D(2026, 5, 1), "张某", "好"), "回访次数应从 1 开始"),
        (ResultUsage(()), "至少选择一项结果运用"),
        (ResultUsage(("u9",)), "规则库的结果运用中没有 'u9'"),
        (Disclosure("全区", DisclosureMethod.MEETING, D(2026, 3, 10), "谢明华同志出于公心"), "谢某某"),
        (TypicalMark("谢明华在容缺审批中", D(2026, 3, 20)), "当事人的全名“谢明华”"),
        (Rejection(D(2026, 1, 20), ""), "理由不能为空"),
        (LenientHandling(FourForms.FIRST, ""), "处理措施不能为空"),
        (
            ChecklistNotes(("c4-1",), ("x" * 501,)),
            "notes[0]: 研判清单中第 1 项（'c4-1'）的说明太长：501 个字，最多 500 个字",
        ),
        (ChecklistNotes(("c4-1", "c4-2"), ("见材料",)), "说明 1 条，清单条目 2 项"),
    ],
)
def test_bad_input_names_the_field(record: Any, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_record(record, DECIDED)
    assert words in str(caught.value), str(caught.value)


def test_a_form_is_told_the_fields_chinese_name_never_its_internal_path() -> None:
    """Given a note too long beside the second item of the rulebook's checklist and an investigation
    with an empty field and a date before the acceptance, when they are checked, then the message for
    the form names the checklist item as the checklist shows it and each field by its Chinese name,
    and no internal path (notes[1], investigators, held_on) is left in it."""
    import dataclasses

    from rongcuo_desktop.domain.casework import checklist_item_names

    rulebook = find_rulebook("fuzhou-2019", rulebooks_dir())
    names = checklist_item_names((("容错条件", rulebook.conditions), ("不予容错情形", rulebook.exclusions)))
    context = dataclasses.replace(DECIDED, checklist_items=names)
    first, second = rulebook.conditions[0], rulebook.conditions[1]
    with pytest.raises(ValidationError) as caught:
        check_record(ChecklistNotes((first.id, second.id), ("见调查记录", "说" * 501)), context)
    said = caught.value.said()
    assert f"研判清单中容错条件“{second.text}”的说明太长：501 个字，最多 500 个字" in said, said
    assert "notes" not in said and "[" not in said
    with pytest.raises(ValidationError) as caught:
        check_record(Investigation(D(2026, 1, 13), "", "查明"), context)
    said = caught.value.said()
    assert "调查人员不能为空" in said and "调查日期 2026-01-13 早于受理日期" in said, said
    assert not any(word in said for word in ("investigators", "held_on", ":")), said
    long_rule = next(r for r in rulebook.exclusions if len(r.name or r.text) > 24)
    assert names[long_rule.id].endswith("…”") and len(names[long_rule.id]) < 40


def test_steps_after_the_decision_need_one() -> None:
    with pytest.raises(ValidationError, match="本案还没有认定结论"):
        check_record(Feedback(FeedbackTo.UNIT, D(2026, 3, 5)), UNDECIDED)


def test_text_is_stored_cleaned() -> None:
    record = check_record(Investigation(D(2026, 2, 1), "  王某  ", "查明\r\n属实"), DECIDED)
    assert record.investigators == "王某" and record.findings == "查明\n属实"


def test_names_are_masked() -> None:
    assert mask_names("谢明华同志与谢明华的同事", ["谢明华"]) == "谢某某同志与谢某某的同事"
    assert unmasked_names("谢某某同志", ["谢某某"]) == []
    assert unmasked_names("王某同志", ["王"]) == []  # one character is no name to look for


def test_the_follow_up_schedule_counts_months_from_the_decision() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2026, 11, 15), 3) == D(2027, 2, 15)
    plan = visit_schedule(D(2026, 3, 2), (3, 6, 9, 12), {1: D(2026, 6, 1)})
    assert [v.due_on for v in plan] == [D(2026, 6, 2), D(2026, 9, 2), D(2026, 12, 2), D(2027, 3, 2)]
    assert plan[0].done_on == D(2026, 6, 1) and not plan[0].overdue(D(2027, 1, 1))
    assert plan[1].overdue(D(2026, 9, 3)) and not plan[1].overdue(D(2026, 9, 2))


# ----- the repeat check ------------------------------------------------------------------------------


def sketch(case_id: int, **changes: Any) -> CaseSketch:
    base: dict[str, Any] = {
        "case_id": case_id,
        "doc_no": f"容错〔2025〕{case_id}号",
        "party_name": "谢明华",
        "party_unit": "某局",
        "work_field": "行政审批",
        "situations": ("s8-2",),
        "rulebook": "fuzhou-2019@1",
        "conclusion": Conclusion.EXEMPT,
        "decided_on": D(2025, 5, 1),
    }
    base.update(changes)
    return CaseSketch(**base)


def test_a_repeat_of_a_tolerated_error_is_warned_of() -> None:
    new = sketch(10, conclusion=None, decided_on=None)
    found = repeat_matches(new, [sketch(1), sketch(2, conclusion=Conclusion.NOT_TOLERATED)])
    assert [m.earlier.case_id for m in found] == [1]
    message = found[0].message()
    assert "容错〔2025〕1号" in message and "同名同单位" in message and "s8-2" in message
    assert "第九条(九)" in message and "请核实" in message


@pytest.mark.parametrize(
    ("earlier", "new_changes", "expected"),
    [
        ({"party_name": "谢明"}, {}, False),  # another person
        ({"situations": ("s5-1",)}, {}, False),  # another situation under the same rulebook
        ({"situations": ("s8-2",), "rulebook": "liwan@1"}, {}, False),  # ids of another rulebook
        ({"situations": ()}, {}, True),  # no situation recorded then: the same field counts
        ({"situations": (), "work_field": "征地拆迁"}, {}, False),
        ({"party_unit": "某镇"}, {}, True),  # the same name elsewhere is still worth a look
        ({}, {"party_name": "谢某某"}, False),  # a masked name identifies nobody
    ],
)
def test_what_counts_as_the_same_person_and_situation(
    earlier: dict[str, Any], new_changes: dict[str, Any], expected: bool
) -> None:
    new = sketch(10, conclusion=None, **new_changes)
    assert bool(repeat_matches(new, [sketch(1, **earlier)])) is expected


def test_the_typical_case_library_is_searched_and_shown_beside_a_new_case() -> None:
    library = [
        TypicalCase(sketch(1), "谢某某容缺审批", D(2025, 6, 1)),
        TypicalCase(
            sketch(2, work_field="征地拆迁", situations=("s6-2",), conclusion=Conclusion.LENIENT),
            "陈某某补偿面积",
            D(2025, 7, 1),
        ),
    ]
    assert [t.sketch.case_id for t in search_typical(library, situation="s8-2")] == [1]
    assert [t.sketch.case_id for t in search_typical(library, field="征地拆迁")] == [2]
    assert [t.sketch.case_id for t in search_typical(library, conclusion=Conclusion.LENIENT)] == [2]
    assert [t.sketch.case_id for t in search_typical(library, text="补偿")] == [2]
    assert library[0].masked_name == "谢某某"
    assert [t.sketch.case_id for t in similar_typical(library, sketch(9, situations=("s6-2",)))] == [2]
    assert [t.sketch.case_id for t in similar_typical(library, sketch(9, situations=()))] == [1]


# ----- the rulebook's follow-up plan and step deadlines -----------------------------------------------


def test_every_shipped_rulebook_has_a_follow_up_plan_with_its_source() -> None:
    binzhou = find_rulebook("binzhou-2017", rulebooks_dir())
    plan = binzhou.visit_plan()
    assert plan.visit_months == (3, 6, 9, 12)
    assert plan.citation is not None and "为期一年的跟踪管理" in plan.citation.note
    fuzhou = find_rulebook("fuzhou-2019", rulebooks_dir()).visit_plan()
    assert fuzhou.local_default and fuzhou.citation is None and "本地默认" in fuzhou.note


def rulebook_data(**changes: Any) -> dict[str, Any]:
    data = find_rulebook("fuzhou-2019", rulebooks_dir()).to_dict()
    data.update(changes)
    return data


def test_a_rulebook_without_a_plan_visits_every_three_months_and_says_so() -> None:
    data = rulebook_data()
    del data["follow_up"]
    data["settings"]["follow_up_months"] = {"value": 8, "local_default": True}
    plan = parse_rulebook(data).visit_plan()
    assert plan.visit_months == (3, 6, 8) and plan.local_default and "程序默认" in plan.note


def test_the_plan_and_deadlines_round_trip_and_bad_ones_are_refused() -> None:
    data = rulebook_data(stage_deadlines=[{"stage": "investigation", "days": 30, "local_default": True}])
    rulebook = parse_rulebook(data)
    assert rulebook.deadline("investigation") is not None and rulebook.deadline("investigation").days == 30
    assert parse_rulebook(rulebook.to_dict()).stage_deadlines == rulebook.stage_deadlines
    bad = rulebook_data(
        follow_up={"visits": [6, 3, 13]},
        stage_deadlines=[{"stage": "closed", "days": 0, "local_default": True}, {"stage": "no", "days": 5}],
    )
    with pytest.raises(ValidationError) as caught:
        parse_rulebook(bad)
    text = str(caught.value)
    for words in (
        "follow_up: 既无出处",
        "follow_up.visits[1]: 回访时间（认定后第几个月）应逐次增大",
        "follow_up.visits[2]: 回访时间（认定后第几个月） 13 超出跟踪回访期限",
        "stage_deadlines[0].stage: “结案归档”是案件的终点",
        "stage_deadlines[0].days: 阶段期限（天）应在 1 到 3650 之间",
        "stage_deadlines[1].stage: 未知的阶段 'no'",
    ):
        assert words in text, text
