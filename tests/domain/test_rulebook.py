"""Rulebooks: the shipped ones are complete and cite their sources; broken ones say exactly where."""

from __future__ import annotations

import copy
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from rongcuo_desktop.domain.rulebook import (
    DIMENSIONS,
    RULEBOOK_FORMAT_VERSION,
    Rulebook,
    find_rulebook,
    iter_rulebooks,
    load_rulebook,
    parse_rulebook,
)
from rongcuo_desktop.domain.validation import ValidationError
from tests.conftest import REPO_ROOT

RULEBOOKS = REPO_ROOT / "resources" / "rulebooks"
SEEDS = REPO_ROOT.parent / "shared" / "seeds"
SEED_OF = {"fuzhou-2019": "002", "binzhou-2017": "000", "liwan": "001", "wendeng-2019": "004"}


def fuzhou_data() -> dict[str, Any]:
    return tomllib.loads((RULEBOOKS / "fuzhou-2019.toml").read_text(encoding="utf-8"))


def errors_of(data: Any) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        parse_rulebook(data)
    return [str(issue) for issue in caught.value.issues]


def all_rules(rb: Rulebook) -> list[Any]:
    questions = [q for d in rb.dimensions for q in d.questions]
    return [
        *rb.principles,
        *rb.conditions,
        *rb.situations,
        *rb.exclusions,
        *rb.procedure,
        *rb.result_usage,
        *questions,
    ]


def test_the_four_shipped_rulebooks_load() -> None:
    keys = sorted(rb.key for rb in iter_rulebooks(RULEBOOKS))
    assert keys == ["binzhou-2017@1", "fuzhou-2019@1", "liwan@1", "wendeng-2019@1"]


def test_fuzhou_is_complete_from_seed_002() -> None:
    """Given seed 002, then fuzhou-2019 has 6 conditions, 14 situations in 4 groups, 9 exclusions, 七看."""
    rb = find_rulebook("fuzhou-2019", RULEBOOKS)
    assert [r.citation.item for r in rb.conditions] == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"]
    assert {r.citation.article for r in rb.conditions} == {"第四条"}
    assert [(g.citation.article, len(g.situations)) for g in rb.situation_groups] == [
        ("第五条", 4),
        ("第六条", 4),
        ("第七条", 2),
        ("第八条", 4),
    ]
    assert len(rb.exclusions) == 9 and {r.citation.article for r in rb.exclusions} == {"第九条"}
    questions = [q.name for d in rb.dimensions for q in d.questions]
    assert sorted(questions) == sorted(["看初衷", "看节点", "看性质", "看程序", "看缘由", "看结果", "看处置"])
    assert len(rb.result_usage) == 6 and {r.citation.article for r in rb.result_usage} == {"第十四条"}
    assert [p.name for p in rb.procedure[:3]] == ["提出申请", "调查核实", "结果反馈"]
    assert rb.rule("x7").citation.label() == "《抚州市容错免责办法(试行)》第九条(七)"
    assert rb.setting("situation_required_for_exempt") is True
    assert not rb.gaps


def test_seed_silences_are_gaps_not_inventions() -> None:
    """Given seeds that only name counts, then the rulebooks list the gap and its count, not items."""
    wendeng = find_rulebook("wendeng-2019", RULEBOOKS)
    gaps = {g.field: g.expected for g in wendeng.gaps}
    assert gaps["situations"] == 11 and gaps["conditions"] == 4
    assert not wendeng.situations and not wendeng.conditions
    assert len([q for d in wendeng.dimensions for q in d.questions if q.name.startswith("看")]) == 6
    liwan = find_rulebook("liwan", RULEBOOKS)
    assert {g.field: g.expected for g in liwan.gaps}["situations"] == 96
    assert liwan.work_fields == ("营商环境", "城市更新", "行政执法", "征地拆迁")
    assert liwan.bodies == ("街道", "社区", "经济联社")
    assert [x.text for x in liwan.exclusions] == ["对违反政治纪律的坚决不容", "对严重违反廉洁纪律的坚决不容"]
    binzhou = find_rulebook("binzhou-2017", RULEBOOKS)
    follow_up = binzhou.settings["follow_up_months"]
    assert follow_up.value == 12 and not follow_up.local_default and follow_up.citation is not None
    assert {g.field: g.expected for g in binzhou.gaps}["situations"] == 10
    assert [p.id for p in binzhou.procedure if p.id == "steps"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed texts not available outside the project workspace")
@pytest.mark.parametrize("rulebook_id", sorted(SEED_OF))
def test_every_rule_text_is_verbatim_from_its_seed(rulebook_id: str) -> None:
    """Given the seed a rulebook cites, then every rule text appears in it word for word."""
    seed_text = next(SEEDS.glob(f"{SEED_OF[rulebook_id]}_*.txt")).read_text(encoding="utf-8")
    flat_seed = re.sub(r"\s+", "", seed_text)
    rb = find_rulebook(rulebook_id, RULEBOOKS)
    missing = [r.id for r in all_rules(rb) if re.sub(r"\s+", "", r.text) not in flat_seed]
    assert not missing, f"{rulebook_id}: not verbatim: {missing}"


@pytest.mark.parametrize("rulebook_id", sorted(SEED_OF))
def test_every_number_is_cited_or_marked_local_default(rulebook_id: str) -> None:
    rb = find_rulebook(rulebook_id, RULEBOOKS)
    for name, setting in rb.settings.items():
        assert setting.local_default or setting.citation is not None, name
    for dimension in rb.dimensions:
        assert len(dimension.descriptors) == 5 and all(dimension.descriptors)
        assert dimension.scale_local_default  # no seed gives level descriptors
    assert "settings.quorum" in [path for path, _s in rb.local_defaults()]
    assert [d.id for d in rb.dimensions] == list(DIMENSIONS)


@pytest.mark.parametrize("rulebook_id", sorted(SEED_OF))
def test_to_dict_round_trips_through_json(rulebook_id: str, tmp_path: Path) -> None:
    """Given a rulebook shown as JSON, when that JSON is loaded as a rulebook file, then it is the same."""
    rb = find_rulebook(rulebook_id, RULEBOOKS)
    path = tmp_path / f"{rulebook_id}.json"
    path.write_text(json.dumps(rb.to_dict(), ensure_ascii=False), encoding="utf-8")
    again = load_rulebook(path)
    assert again.to_dict() == rb.to_dict()


def test_missing_descriptor_names_the_exact_place() -> None:
    data = fuzhou_data()
    del data["dimensions"][2]["levels"][4]["descriptor"]
    assert errors_of(data) == ["dimensions[2].levels[4]: descriptor missing（缺少等级描述）"]


def test_every_problem_is_reported_at_once() -> None:
    data = fuzhou_data()
    data["dimensions"][0]["levels"][1]["level"] = 9
    data["exclusions"][3]["id"] = "x1"
    data["conditions"][0]["citation"]["doc"] = "nowhere"
    data["settings"]["quorum"] = {"value": 5}
    data["colour"] = "red"
    errors = errors_of(data)
    assert "dimensions[0].levels[1].level: 等级应为 1 到 5 的整数，实际为 9" in errors
    assert any(e.startswith("exclusions[3].id: 'x1' 与 exclusions[0] 重复") for e in errors)
    assert "conditions[0].citation.doc: documents 中没有 'nowhere'" in errors
    assert any(e.startswith("settings.quorum: 计入评分的委员最少人数：既无出处") for e in errors)
    assert "colour: 未知字段" in errors


def test_a_newer_format_version_is_refused_clearly() -> None:
    data = fuzhou_data()
    data["format_version"] = RULEBOOK_FORMAT_VERSION + 1
    data["something_new"] = {"the": "future"}
    (error,) = errors_of(data)
    assert error.startswith(f"format_version: 规则库格式版本为 {RULEBOOK_FORMAT_VERSION + 1}")
    assert "升级程序" in error


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["dimensions"].pop(3), "dimensions: 缺少维度 nature：五个维度缺一不可"),
        (lambda d: d["dimensions"][1].update(id="mood"), "dimensions[1].id: 未知维度 'mood'"),
        (lambda d: d["settings"].pop("quorum"), "settings: 缺少 quorum（计入评分的委员最少人数）"),
        (
            lambda d: d["settings"]["quorum"].update(value=0),
            "settings.quorum.value: 计入评分的委员最少人数应在 1 到 99 之间",
        ),
        (lambda d: d["settings"]["lenient_threshold"].update(value=4.5), "settings.lenient_threshold.value"),
        (lambda d: d["dimensions"][4]["levels"].pop(0), "dimensions[4].levels: 缺少等级 1"),
        (
            lambda d: d["situation_groups"][1]["situations"][2].pop("text"),
            "situation_groups[1].situations[2]: 缺少 text",
        ),
        (lambda d: d.update(version="1"), "version: 规则库版本号：应为整数"),
    ],
)
def test_specific_problems_name_their_field(change: Any, expected: str) -> None:
    data = copy.deepcopy(fuzhou_data())
    change(data)
    assert any(e.startswith(expected) for e in errors_of(data)), errors_of(data)


def test_syntax_errors_are_reported_without_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "x"\nversion = = 1\n', encoding="utf-8")
    with pytest.raises(ValidationError, match="TOML 格式错误"):
        load_rulebook(broken)


def test_find_by_version_and_unknown_name() -> None:
    assert find_rulebook("fuzhou-2019@1", RULEBOOKS).version == 1
    with pytest.raises(ValidationError, match="找不到规则库 'fuzhou-2019@9'"):
        find_rulebook("fuzhou-2019@9", RULEBOOKS)
