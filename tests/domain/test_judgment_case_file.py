"""The case JSON format: it carries a whole Case, round-trips, and names the field of every problem."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from rongcuo_desktop.domain.case import ApplicantType, Case, CaseType, Conclusion, Stage
from rongcuo_desktop.domain.case_file import (
    CASE_FORMAT_VERSION,
    ConditionStatus,
    dump_case_file,
    dumps_case_file,
    load_case_file,
    parse_case_file,
)
from rongcuo_desktop.domain.validation import ValidationError
from tests.conftest import REPO_ROOT

EXAMPLES = REPO_ROOT / "docs" / "examples"


def example() -> dict[str, Any]:
    return json.loads((EXAMPLES / "tolerance-fuzhou.json").read_text(encoding="utf-8"))


def errors_of(data: Any) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        parse_case_file(data)
    return [str(issue) for issue in caught.value.issues]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_examples_round_trip(path: Path) -> None:
    """Given an example file, when loaded and dumped again, then nothing is lost or changed."""
    loaded = load_case_file(path)
    assert parse_case_file(json.loads(dumps_case_file(loaded))) == loaded
    assert dump_case_file(loaded) == json.loads(path.read_text(encoding="utf-8"))


def test_every_case_field_is_carried() -> None:
    """Given a Case with every field set, when exported and imported, then it is equal (export/import)."""
    cf = load_case_file(EXAMPLES / "tolerance-fuzhou.json")
    case = Case(
        doc_no="容错〔2026〕9号",
        party_name="赵某某",
        party_unit="某镇",
        party_position="镇长",
        case_type=CaseType.TOLERANCE,
        applicant_type=ApplicantType.DISCIPLINE_ORGAN,
        work_field="安全生产",
        stage=Stage.CLOSED,
        applied_on=dt.date(2026, 2, 1),
        accountability_matter="问责事项",
        facts="事实",
        claimed_situation="情形",
        conclusion=Conclusion.LENIENT,
        decided_on=dt.date(2026, 3, 1),
        rulebook="fuzhou-2019@1",
        id=42,
    )
    assert {f.name for f in dataclasses.fields(Case)} <= set(
        dump_case_file(dataclasses.replace(cf, case=case))["case"]
    )
    full = dataclasses.replace(cf, case=case, decision_note="会议认为情节较轻，改为从轻处理")
    assert parse_case_file(dump_case_file(full)) == full


def test_chinese_labels_are_accepted_for_codes() -> None:
    data = example()
    data["case"]["case_type"] = "容错免责"
    data["case"]["stage"] = "听证会商"
    data["checklist"]["conditions"]["c6"] = "未查明"
    cf = parse_case_file(data)
    assert cf.case.case_type is CaseType.TOLERANCE and cf.case.stage is Stage.HEARING
    assert cf.checklist.conditions["c6"] is ConditionStatus.UNKNOWN


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["members"][2]["scores"].update(mood={"level": 3}),
            "members[2].scores.mood: 未知维度 'mood'",
        ),
        (
            lambda d: d["members"][0]["scores"]["nature"].update(level=6),
            "members[0].scores.nature.level: 等级应为 1 到 5 的整数，实际为 6",
        ),
        (lambda d: d["members"][1].update(id="m1"), "members[1].id: 委员 'm1' 重复（已见于 members[0]）"),
        (
            lambda d: d["members"][8].update(scores={"motive": {"level": 3}}),
            "members[8]: 已回避（recused = true）却有评分（scores）",
        ),
        (lambda d: d["case"].update(case_type="appeal"), "case.case_type: 应为 tolerance（容错免责）"),
        (lambda d: d["case"].update(applied_on="2026/3/2"), "case.applied_on: 应为 YYYY-MM-DD 格式的日期"),
        (
            lambda d: d["checklist"]["exclusions"].update(x1="maybe"),
            "checklist.exclusions.x1: 应为 confirmed",
        ),
        (lambda d: d["checklist"]["situations"].append("s8-2"), "checklist.situations[1]: 情形 's8-2' 重复"),
        (
            lambda d: d["members"][0]["scores"]["motive"].update(level="4"),
            "members[0].scores.motive.level: 应为整数",
        ),
        (lambda d: d.update(format="something-else"), "format: 应为 'rongcuo-case'"),
        (lambda d: d.pop("case"), "缺少 case"),
        (lambda d: d["case"].update(colour="red"), "case.colour: 未知字段"),
    ],
)
def test_bad_input_names_the_field(change: Any, expected: str) -> None:
    data = copy.deepcopy(example())
    change(data)
    errors = errors_of(data)
    assert any(e.startswith(expected) for e in errors), errors


def test_a_newer_case_format_is_refused_clearly() -> None:
    data = example()
    data["format_version"] = CASE_FORMAT_VERSION + 1
    data["hearing_minutes"] = []
    (error,) = errors_of(data)
    assert error.startswith(f"format_version: 案件文件格式版本为 {CASE_FORMAT_VERSION + 1}")
    assert "升级程序" in error


def test_malformed_json_says_where(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text('{"format": "rongcuo-case",\n  "case": {,}\n}', encoding="utf-8")
    with pytest.raises(ValidationError, match="JSON 格式错误（第 2 行第 12 列）"):
        load_case_file(path)


def test_a_member_without_scores_yet_is_allowed_but_partial_members_keep_what_they_have() -> None:
    data = example()
    data["members"].append({"id": "m10", "name": "新委员"})
    data["members"].append({"id": "m11", "scores": {"motive": {"level": 4}}})
    cf = parse_case_file(data)
    assert not cf.members[-2].complete and not cf.members[-1].complete
    assert cf.members[-1].scores["motive"].level == 4
