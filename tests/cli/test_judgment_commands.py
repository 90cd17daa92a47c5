"""`rongcuo checklist / score / recuse / decide / judge --case / export / import` as a script runs them
(real processes, real SQLCipher stores). Bad import files exit 2, name the field and leave the
database file byte for byte as it was."""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_store_commands import PASSPHRASE, rongcuo
from tests.conftest import REPO_ROOT

DOC = "容错〔2026〕5号"  # a demo case at 听证会商, no conclusion yet
EXAMPLE = REPO_ROOT / "docs" / "examples" / "tolerance-fuzhou.json"


@pytest.fixture(scope="module")
def secrets_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("secrets")
    (folder / "passphrase.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    for name, pin in (("chair", "111186"), ("zhang", "333386"), ("zhao", "444486")):
        (folder / f"{name}.pin").write_text(pin + "\n", encoding="utf-8")
    return folder


def pp(secrets_dir: Path) -> list[str]:
    return ["--passphrase-file", str(secrets_dir / "passphrase.txt")]


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory, secrets_dir: Path) -> dict[str, Path]:
    """`full`: chair 王主任, members 张委员 and 赵委员 on case 5, the demo cases; `empty`: chair only."""
    root = tmp_path_factory.mktemp("templates")
    made: dict[str, Path] = {}
    for kind in ("full", "empty"):
        store = root / kind
        chair = ["--chair-name", "王主任", "--pin-file", str(secrets_dir / "chair.pin")]
        done = rongcuo(store, "init", *pp(secrets_dir), *chair)
        assert done.returncode == 0, done.stderr
        made[kind] = store
    full = made["full"]
    for name, pin in (("张委员", "zhang"), ("赵委员", "zhao")):
        added = rongcuo(
            full, "account", "add", name, "--role", "委员", "--new-pin-file", str(secrets_dir / f"{pin}.pin"),
            *pp(secrets_dir),
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
    assert rongcuo(full, "demo", *pp(secrets_dir)).returncode == 0
    assert rongcuo(full, "members", DOC, "张委员", "赵委员", *pp(secrets_dir)).returncode == 0
    return made


def copy_of(template: Path, target: Path) -> Path:
    shutil.copytree(template, target, ignore=shutil.ignore_patterns("*.lock", "logs"))
    return target


def as_member(secrets_dir: Path, name: str, pin: str) -> list[str]:
    return ["--as", name, "--pin-file", str(secrets_dir / f"{pin}.pin")]


def test_a_hearing_from_the_command_line(
    templates: dict[str, Path], secrets_dir: Path, tmp_path: Path
) -> None:
    """Given case 5 with 张委员 and 赵委员, when the secretary's checklist, a score, a recusal and the
    chair's decision are entered, then judge --case prints the engine's JSON, the members' refusals
    exit 2, and the exported file imports into another store and exports again unchanged."""
    store = copy_of(templates["full"], tmp_path / "a")
    zhang = as_member(secrets_dir, "张委员", "zhang")
    zhao = as_member(secrets_dir, "赵委员", "zhao")
    run = lambda *args: rongcuo(store, *args, *pp(secrets_dir))  # noqa: E731

    checklist = run(
        "checklist", DOC, "--rulebook", "fuzhou-2019", "--situation", "s8-2",
        *[f"--condition=c{i}=符合" for i in range(1, 7)], "--exclusion", "x1=not_confirmed",
    )  # fmt: skip
    assert checklist.returncode == 0, checklist.stderr
    assert "c1 符合" in checklist.stdout and "x1 经核查不存在" in checklist.stdout
    bad = run("checklist", DOC, "--exclusion", "x10=confirmed")
    assert bad.returncode == 2 and "没有编号为 'x10' 的不予容错情形" in bad.stderr

    levels = ["--dimension", "动机态度=5", "--dimension", "客观条件=4", "--dimension", "程序方法=4"]
    levels += ["--dimension", "性质程度=5", "--dimension", "后果影响=4"]
    scored = rongcuo(store, *zhang, "score", DOC, *levels, "--rationale", "出于公心", *pp(secrets_dir))
    assert scored.returncode == 0, scored.stderr
    assert "动机态度 5、客观条件 4" in scored.stdout
    out_of_range = rongcuo(
        store, *zhang, "score", DOC, "--dimension", "动机态度=7", "--rationale", "x", *pp(secrets_dir)
    )
    assert out_of_range.returncode == 2 and "维度“动机态度”的等级应为 1 到 5 的整数" in out_of_range.stderr
    recused = rongcuo(store, *zhao, "recuse", DOC, "--reason", "与当事人系同一科室", *pp(secrets_dir))
    assert recused.returncode == 0, recused.stderr
    late = rongcuo(
        store, *zhao, "score", DOC, "--dimension", "motive=3", "--rationale", "x", *pp(secrets_dir)
    )
    assert late.returncode == 2 and "已回避本案" in late.stderr  # recusal locks them out of the case
    blind = rongcuo(store, *zhang, "judge", "--case", DOC, *pp(secrets_dir))  # before the decision
    assert blind.returncode == 0 and "委员只能看到本人的评分" in blind.stderr, blind.stderr
    not_chair = rongcuo(store, *zhang, "decide", DOC, "--conclusion", "予以容错免责", *pp(secrets_dir))
    assert not_chair.returncode == 2 and "委员无权记录认定结论" in not_chair.stderr
    no_reason = run("decide", DOC, "--conclusion", "予以容错免责")
    assert no_reason.returncode == 2 and "研判没有给出建议" in no_reason.stderr and "note" in no_reason.stderr
    decided = run("decide", DOC, "--conclusion", "予以容错免责", "--note", "听证会一致认定")
    assert decided.returncode == 0 and "予以容错免责（研判建议：无建议）" in decided.stdout

    judged = run("judge", "--case", DOC)
    assert judged.returncode == 0, judged.stderr
    result = json.loads(judged.stdout)
    assert result["recommendation"] is None and result["quorum"]["counted"] == 1
    assert result["quorum"]["recused"] == 1 and result["rulebook"]["key"] == "fuzhou-2019@1"
    assert "张委员" not in judged.stdout

    exported = tmp_path / "case5.json"
    done = run("export", DOC, "--out", str(exported))
    assert done.returncode == 0, done.stderr
    assert "警告：导出文件是未加密的明文" in done.stderr
    assert run("export", DOC, "--out", str(exported)).returncode == 2  # never overwritten silently
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["decision"]["recorded_by"] == "王主任" and data["decision_note"] == "听证会一致认定"

    other = copy_of(templates["empty"], tmp_path / "b")
    imported = rongcuo(other, "import", str(exported), *pp(secrets_dir))
    assert imported.returncode == 0, imported.stderr
    assert (
        "已导入 1 件案件" in imported.stdout and "按原记录保留并注明姓名：张委员、赵委员" in imported.stdout
    )
    again = tmp_path / "again.json"
    assert rongcuo(other, "export", DOC, "--out", str(again), *pp(secrets_dir)).returncode == 0
    assert json.loads(again.read_text(encoding="utf-8")) == data
    verify = rongcuo(other, "audit", "verify", *pp(secrets_dir))
    assert verify.returncode == 0 and "审计记录完好" in verify.stdout
    log = rongcuo(store, "audit", "log", "--case", DOC, *pp(secrets_dir))
    actions = [line.split("\t")[3] for line in log.stdout.splitlines()]
    assert actions[-6:] == ["修改案件", "评分", "申请回避", "记录认定结论", "推进案件阶段", "导出"]


def example() -> dict[str, Any]:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["case"]["doc_no"] = "容错〔2026〕99号"  # not in the demo cases: only the intended error fires
    return dict(data)


def changed(change: Callable[[dict[str, Any]], Any]) -> str:
    data = copy.deepcopy(example())
    change(data)
    return json.dumps(data, ensure_ascii=False)


BAD_FILES = {
    "malformed-json": ('{"format": "rongcuo-case",\n  "case": {,}\n}', "JSON 格式错误（第 2 行第 12 列）"),
    "unknown-dimension": (
        changed(lambda d: d["members"][2]["scores"].update(mood={"level": 3})),
        "members[2].scores.mood: 未知维度 'mood'",
    ),
    "level-out-of-range": (
        changed(lambda d: d["members"][0]["scores"]["nature"].update(level=6)),
        "members[0].scores.nature.level: 等级应为 1 到 5 的整数，实际为 6",
    ),
    "duplicate-member": (
        changed(lambda d: d["members"][1].update(id="m1")),
        "members[1].id: 委员 'm1' 重复（已见于 members[0]）",
    ),
    "newer-format": (
        changed(lambda d: d.update(format_version=3)),
        "format_version: 案件文件格式版本为 3，本程序只支持到 2",
    ),
    "existing-doc-no": (
        changed(lambda d: d["case"].update(doc_no=DOC)),
        f"case.doc_no: 文号“{DOC}”在本库中已经存在",
    ),
    "newer-collection": (
        json.dumps({"format": "rongcuo-cases", "format_version": 2, "cases": [example()]}),
        "format_version: 案件集合文件格式版本为 2，本程序只支持到 1",
    ),
    "bad-case-in-collection": (
        json.dumps(
            {
                "format": "rongcuo-cases",
                "format_version": 1,
                "cases": [example(), {"format": "rongcuo-case"}],
            },
            ensure_ascii=False,
        ),
        "cases[1]: 缺少 format_version",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_bad_import_exits_2_names_the_field_and_changes_nothing(
    kind: str, templates: dict[str, Path], secrets_dir: Path, tmp_path: Path
) -> None:
    store = copy_of(templates["full"], tmp_path / "store")
    content, expected = BAD_FILES[kind]
    path = tmp_path / f"{kind}.json"
    path.write_text(content, encoding="utf-8")
    database = store / "rongcuo.db"
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    result = rongcuo(store, "import", str(path), *pp(secrets_dir))
    assert result.returncode == 2, result.stdout + result.stderr
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "没有导入，数据库没有任何改动" in result.stderr
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    if kind == "existing-doc-no":
        assert "--skip-existing" in result.stderr


def test_a_refused_import_leaves_case_count_and_audit_length(
    templates: dict[str, Path], secrets_dir: Path, tmp_path: Path
) -> None:
    store = copy_of(templates["full"], tmp_path / "store")
    listed = rongcuo(store, "list", "--json", *pp(secrets_dir))
    verified = rongcuo(store, "audit", "verify", *pp(secrets_dir))
    path = tmp_path / "dup.json"
    path.write_text(BAD_FILES["existing-doc-no"][0], encoding="utf-8")
    assert rongcuo(store, "import", str(path), *pp(secrets_dir)).returncode == 2
    assert len(json.loads(rongcuo(store, "list", "--json", *pp(secrets_dir)).stdout)) == len(
        json.loads(listed.stdout)
    )
    assert rongcuo(store, "audit", "verify", *pp(secrets_dir)).stdout == verified.stdout  # same length
    skipped = rongcuo(store, "import", str(path), "--skip-existing", *pp(secrets_dir))
    assert skipped.returncode == 0 and f"跳过本库已有的文号（未覆盖）：{DOC}" in skipped.stdout
