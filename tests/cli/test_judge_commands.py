"""`rongcuo rulebook list|show|check` and `rongcuo judge`: JSON out; bad input exits 2 naming the field."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from rongcuo_desktop.cli.main import main
from tests.conftest import REPO_ROOT

EXAMPLES = REPO_ROOT / "docs" / "examples"
RULEBOOKS = REPO_ROOT / "resources" / "rulebooks"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_case(tmp_path: Path, change: Any) -> Path:
    data = json.loads((EXAMPLES / "tolerance-fuzhou.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_judge_prints_the_required_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "judge", str(EXAMPLES / "tolerance-fuzhou.json"))
    assert code == 0 and not err
    result = json.loads(out)
    for key in (
        "recommendation",
        "total",
        "dimensions",
        "fired_rules",
        "disagreements",
        "quorum_met",
        "explanation",
    ):
        assert key in result
    assert result["recommendation"] == "予以容错免责"
    assert "予以容错免责" in out  # ensure_ascii=False: readable Chinese, not \\u escapes
    assert result["rulebook"]["key"] == "fuzhou-2019@1"


def test_judge_under_another_rulebook_and_explain(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_case(tmp_path, lambda d: d["checklist"].update(situations=[], conditions={}, exclusions={}))
    code, out, _err = run(capsys, "judge", str(path), "--rulebook", "wendeng-2019", "--explain")
    assert code == 0
    assert out.startswith("依据规则库《关于建立健全容错纠错机制") and "研判建议：予以容错免责" in out


def test_judge_with_no_quorum_prints_null_and_the_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_case(tmp_path, lambda d: d.update(members=d["members"][:3]))
    code, out, _err = run(capsys, "judge", str(path))
    result = json.loads(out)
    assert code == 0 and result["recommendation"] is None and "少于规则库规定的 5 人" in result["reason"]
    assert result["quorum_met"] is False


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["members"][0]["scores"].update(mood={"level": 3}), "members[0].scores.mood"),
        (lambda d: d["members"][3]["scores"]["impact"].update(level=0), "members[3].scores.impact.level"),
        (lambda d: d["checklist"]["exclusions"].update(x10="confirmed"), "checklist.exclusions.x10"),
        (lambda d: d["checklist"]["conditions"].update(c7="met"), "checklist.conditions.c7"),
        (lambda d: d["members"][4].update(id="m1"), "members[4].id"),
        (lambda d: d["members"][0].update(recused=True), "members[0]: 已回避"),
        (lambda d: d.update(format_version=99), "format_version"),
        (lambda d: d["case"].update(rulebook="shanghai-2030"), "找不到规则库 'shanghai-2030'"),
        (lambda d: d["case"].update(rulebook=""), "case.rulebook 为空"),
    ],
)
def test_bad_case_files_exit_2_naming_the_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, change: Any, field: str
) -> None:
    code, out, err = run(capsys, "judge", str(write_case(tmp_path, change)))
    assert code == 2 and not out
    assert err.startswith("错误：") and field in err
    assert "Traceback" not in err


def test_malformed_json_and_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "rongcuo-case", members: []}', encoding="utf-8")
    code, _out, err = run(capsys, "judge", str(broken))
    assert code == 2 and "JSON 格式错误（第 1 行第 28 列）" in err
    code, _out, err = run(capsys, "judge", str(tmp_path / "nowhere.json"))
    assert code == 2 and "无法读取文件" in err


def test_a_newer_rulebook_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tomllib.loads((RULEBOOKS / "fuzhou-2019.toml").read_text(encoding="utf-8"))
    data["format_version"] = 2
    future = tmp_path / "future.json"
    future.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _out, err = run(capsys, "rulebook", "check", str(future))
    assert code == 2 and "format_version: 规则库格式版本为 2" in err
    code, _out, err = run(capsys, "judge", str(EXAMPLES / "tolerance-fuzhou.json"), "--rulebook", str(future))
    assert code == 2 and "升级程序" in err


def test_rulebook_list_show_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _err = run(capsys, "rulebook", "list", "--json")
    assert code == 0
    assert {r["key"] for r in json.loads(out)} == {
        "fuzhou-2019@1",
        "binzhou-2017@1",
        "liwan@1",
        "wendeng-2019@1",
    }
    code, out, _err = run(capsys, "rulebook", "show", "fuzhou-2019", "--json")
    shown = json.loads(out)
    assert (
        code == 0 and len(shown["exclusions"]) == 9 and shown["settings"]["quorum"]["local_default"] is True
    )
    code, out, _err = run(capsys, "rulebook", "show", "wendeng-2019")
    assert code == 0 and "原文缺项" in out and "看问题性质" in out
    code, out, _err = run(capsys, "rulebook", "check", str(RULEBOOKS / "liwan.toml"))
    assert code == 0 and out.startswith("规则库 liwan@1 有效")
    shown["dimensions"][2]["levels"][4]["descriptor"] = ""
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(shown, ensure_ascii=False), encoding="utf-8")
    code, _out, err = run(capsys, "rulebook", "check", str(bad))
    assert code == 2 and "dimensions[2].levels[4]: descriptor missing" in err


def test_the_installed_command_never_shows_a_traceback(tmp_path: Path) -> None:
    """Given a fresh `python -m` process, when the file is malformed, then exit 2 and no traceback."""
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "rongcuo_desktop.cli.main", "judge", str(broken)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    assert proc.returncode == 2 and "JSON 格式错误" in proc.stderr and "Traceback" not in proc.stderr
