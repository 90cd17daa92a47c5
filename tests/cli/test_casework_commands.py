"""`rongcuo register / stage / record / casefile / followups` as a script runs them (real processes,
a real SQLCipher store): a whole case from the command line, the same guards and messages as the
case window, bad input exiting 2 with the field named and nothing changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.test_store_commands import PASSPHRASE, rongcuo

DOC = "容错〔2025〕9号"
MEMBERS = ["张委员", "赵委员", "钱委员", "孙委员", "李委员"]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A store with a chair and five members (the fuzhou rulebook's quorum), and the passphrase file."""
    root = tmp_path_factory.mktemp("cli-casework")
    secret = root / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    pin = root / "pin.txt"
    pin.write_text("135790\n", encoding="utf-8")
    store = root / "store"
    done = rongcuo(
        store, "init", "--passphrase-file", str(secret), "--chair-name", "王主任", "--pin-file", str(pin)
    )
    assert done.returncode == 0, done.stderr
    for name in MEMBERS:
        added = rongcuo(
            store, "account", "add", name, "--role", "委员", "--new-pin-file", str(pin),
            "--passphrase-file", str(secret),
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
    return store, secret


def test_a_whole_case_from_the_command_line(template: tuple[Path, Path], tmp_path: Path) -> None:
    source, secret = template
    store = tmp_path / "store"
    shutil.copytree(source, store, ignore=shutil.ignore_patterns("*.lock", "logs"))
    pp = ["--passphrase-file", str(secret)]

    def run(*args: str) -> tuple[int, str, str]:
        done = rongcuo(store, *args, *pp)
        return done.returncode, done.stdout, done.stderr

    code, out, err = run(
        "register", "--doc-no", DOC, "--party", "谢明华", "--unit", "某区行政审批局", "--applicant", "unit",
        "--field", "行政审批", "--applied-on", "2025-01-12", "--rulebook", "fuzhou-2019",
    )  # fmt: skip
    assert code == 0 and "已登记" in out, err
    assert run("register", "--doc-no", DOC, "--party", "谢某某")[0] == 2  # the 文号 exists
    # 受理 needs the matter: blocked, said as the case window says it, nothing changed.
    code, out, err = run("stage", DOC, "--to", "受理")
    assert code == 2 and "不能进入“受理”：问责事项未填写。" in err
    code, out, err = run("stage", DOC)
    assert code == 0 and "不能进入 受理：问责事项未填写" in out and "不予受理" in out
    # (the matter is edited in the case window; here the secretary registers a second case with it)
    code, out, err = run(
        "register", "--doc-no", "容错〔2025〕10号", "--party", "谢明华", "--unit", "某区行政审批局",
        "--applicant", "unit", "--applied-on", "2025-01-12", "--matter", "容缺办理人防事项审查",
    )  # fmt: skip
    assert code == 0, err
    case = "容错〔2025〕10号"
    code, out, err = run(
        "stage", case, "--to", "accepted", "--rulebook", "fuzhou-2019", "--date", "2025-01-15"
    )
    assert code == 0 and "受理（2025-01-15）" in out, err
    bad = run("record", case, "investigation", "--set", "held_on=2025-01-13", "--set", "investigators=王某")
    assert bad[0] == 2 and "findings: 缺少这一项" in bad[2]
    bad = run(
        "record", case, "investigation", "--set", "held_on=2025-01-13", "--set", "investigators=王某",
        "--set", "findings=查明属实",
    )  # fmt: skip
    assert bad[0] == 2 and "调查日期 2025-01-13 早于受理日期 2025-01-15" in bad[2] and "没有保存" in bad[2]
    code, out, err = run(
        "record", case, "investigation", "--set", "held_on=2025-02-01", "--set", "investigators=王某、李某",
        "--set", "findings=查明属实，未谋取私利", "--set", "statement=本人陈述",
    )  # fmt: skip
    assert code == 0 and "现在的阶段：调查核实" in out, err
    code, out, err = run("stage", case, "--to", "结论认定")
    assert code == 2 and "未回避的只有 0 人，少于规则库规定的 5 人" in err
    assert run("members", case, *MEMBERS)[0] == 0
    code, out, err = run("expert", "李委员", "--field", "行政审批")
    assert code == 0 and "非固定成员（专家），领域：行政审批" in out, err
    code, out, err = run("stage", case, "--to", "结论认定", "--date", "2025-03-01")
    assert code == 0, err
    code, out, err = run(
        "decide", case, "--conclusion", "予以容错免责", "--note", "会议认定", "--date", "2025-03-02"
    )
    assert code == 0, err
    code, out, err = run(
        "record", case, "feedback", "--set", "recipient=申请单位", "--set", "sent_on=2025-03-05"
    )
    assert code == 0 and "结果反馈" in out, err
    code, out, err = run("stage", case, "--to", "结案归档")
    assert code == 2 and "还没有报告备案记录" in err
    code, out, err = run("stage", case, "--to", "调查核实")
    assert code == 2 and "退回到“调查核实”须写明理由" in err
    code, out, err = run("casefile", case, "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["stage"] == "feedback" and shown["rulebook"] == "fuzhou-2019@1"
    assert [r["kind"] for r in shown["records"]] == ["acceptance", "feedback", "investigation"]
    assert [v["due_on"] for v in shown["visits"]] == ["2025-06-02", "2025-09-02", "2025-12-02", "2026-03-02"]
    code, out, err = run("followups", "--overdue", "--json")
    assert code == 0, err
    due = json.loads(out)
    assert {d["doc_no"] for d in due} == {case} and due[0]["kind"] == "visit" and due[0]["overdue"]
    code, out, err = run("audit", "verify")
    assert code == 0 and "审计记录完好" in out, out + err


def test_bad_options_are_refused_before_the_store_opens(template: tuple[Path, Path], tmp_path: Path) -> None:
    source, secret = template
    store = tmp_path / "store"
    shutil.copytree(source, store, ignore=shutil.ignore_patterns("*.lock", "logs"))
    pp = ["--passphrase-file", str(secret)]
    done = rongcuo(store, "stage", DOC, "--to", "审批", *pp)
    assert done.returncode == 2 and "--to 审批：应为" in done.stderr
    done = rongcuo(store, "record", DOC, "meeting", "--set", "x=1", *pp)
    assert done.returncode == 2 and "没有 'meeting' 这种记录" in done.stderr
    done = rongcuo(store, "register", "--doc-no", DOC, "--applied-on", "2025-13-01", *pp)
    assert done.returncode == 2 and "日期应写成 YYYY-MM-DD" in done.stderr
    done = rongcuo(store, "stage", "容错〔2099〕1号", "--to", "受理", *pp)
    assert done.returncode == 2 and "找不到文号为“容错〔2099〕1号”的案件" in done.stderr
