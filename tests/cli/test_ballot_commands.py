"""`rongcuo ballot / reveal / round` and `decide` with its votes, as a script runs them (real processes,
a real SQLCipher store): a paper ballot is marked as such, the reveal is refused before the quorum,
a further round before the reveal, half-given votes; refusals exit 2 and leave the store file as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.cli.test_store_commands import PASSPHRASE, rongcuo

DOC = "容错〔2026〕5号"  # a demo case at 听证会商 on fuzhou-2019, no conclusion yet
PINS = {"chair": "111186", "secretary": "222286", "zhang": "333386", "zhao": "444486"}


def store_digest(data_dir: Path) -> str:
    return hashlib.sha256((data_dir / "rongcuo.db").read_bytes()).hexdigest()


def test_paper_ballot_reveal_round_and_votes(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "passphrase.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    for name, pin in PINS.items():
        (secrets / f"{name}.pin").write_text(pin + "\n", encoding="utf-8")
    pp = ["--passphrase-file", str(secrets / "passphrase.txt")]
    data = tmp_path / "data"
    chair = ["--chair-name", "王主任", "--pin-file", str(secrets / "chair.pin")]
    assert rongcuo(data, "init", *pp, *chair).returncode == 0
    for name, role, pin in (
        ("李秘书", "秘书", "secretary"),
        ("张委员", "委员", "zhang"),
        ("赵委员", "委员", "zhao"),
    ):
        added = rongcuo(
            data, "account", "add", name, "--role", role, "--new-pin-file", str(secrets / f"{pin}.pin"), *pp
        )
        assert added.returncode == 0, added.stderr
    assert rongcuo(data, "demo", *pp).returncode == 0
    assert rongcuo(data, "members", DOC, "张委员", "赵委员", *pp).returncode == 0
    secretary = ["--as", "李秘书", "--pin-file", str(secrets / "secretary.pin")]

    done = rongcuo(
        data, *secretary, "ballot", DOC, "--member", "张委员",
        *(f"--dimension={d}=4" for d in ("动机态度", "客观条件", "程序方法", "性质程度", "后果影响")), *pp,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "已录入 张委员 的纸质评分票" in done.stdout and "录入人 李秘书" in done.stdout

    refused = rongcuo(data, *secretary, "ballot", DOC, "--member", "赵委员", "--dimension", "动机态度=5", *pp)
    assert refused.returncode == 2 and "评为 5 级，需要写明理由" in refused.stderr
    before = store_digest(data)  # (a sign-in with --as is itself audited: compared from here on)
    for args, message in (
        (("reveal", DOC), "少于法定人数"),
        (("round", DOC, "--reason", "会商后重评"), "尚未揭晓"),
        (("decide", DOC, "--conclusion", "从轻减轻处理", "--note", "理由", "--for", "2"), "请同时给出"),
        (
            ("decide", DOC, "--conclusion", "从轻减轻处理", "--note", "理由", "--for", "3", "--against", "0",
             "--abstain", "0"),
            "表决票数合计 3 票，多于本案未回避的委员 2 人",
        ),
    ):  # fmt: skip
        refused = rongcuo(data, *args, *pp)
        assert refused.returncode == 2 and message in refused.stderr, (args, refused.stderr)
    assert store_digest(data) == before

    decided = rongcuo(
        data, "decide", DOC, "--conclusion", "从轻减轻处理", "--note", "会议研究认定",
        "--for", "2", "--against", "0", "--abstain", "0", "--dissent", "无",
        "--form", "第一种形态", "--measure", "谈话提醒", *pp,
    )  # fmt: skip
    assert decided.returncode == 0, decided.stderr
    assert "表决：赞成 2 票，反对 0 票，弃权 0 票" in decided.stdout
