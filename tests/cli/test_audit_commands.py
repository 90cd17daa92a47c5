"""`rongcuo init --chair-name`, `--as NAME --pin-file`, `audit verify/acknowledge`, accounts, members."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlcipher3

from rongcuo_desktop.cli.main import main
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.store.layout import db_path

PASSPHRASE = "命令行测试口令 abc 2026"


@pytest.fixture
def files(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setattr("rongcuo_desktop.store.keys.KDF_MEMORY_KIB", 8 * 1024)  # KDF not under test
    monkeypatch.setattr("rongcuo_desktop.store.keys.KDF_TARGET_SECONDS", 0.05)
    paths = {"pp": PASSPHRASE, "chair": "111186", "member": "333386"}
    out = {}
    for name, content in paths.items():
        (tmp_path / name).write_text(content + "\n", encoding="utf-8")
        out[name] = str(tmp_path / name)
    return out


def rongcuo(*args: str) -> int:
    return main(["--data-dir", os.environ["RONGCUO_DATA_DIR"], *args])


def test_init_creates_the_chair_and_roles_hold_on_the_command_line(
    files: dict[str, str], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pp = ["--passphrase-file", files["pp"]]
    assert (
        rongcuo("init", *pp, "--require-passphrase", "--chair-name", "王主任", "--pin-file", files["chair"])
        == 0
    )
    assert "王主任" in capsys.readouterr().out
    assert rongcuo("demo", *pp) == 0
    assert rongcuo("account", "add", "张委员", "--role", "委员", "--new-pin-file", files["member"], *pp) == 0
    capsys.readouterr()
    assert rongcuo("--as", "张委员", "--pin-file", files["member"], "demo", *pp) == 2
    assert "委员无权导入" in capsys.readouterr().err
    assert rongcuo("--as", "张委员", "--pin-file", files["chair"], "list", *pp) == 2
    assert "个人口令不正确" in capsys.readouterr().err
    assert rongcuo("--as", "张委员", "list", *pp) == 2
    assert "--pin-file" in capsys.readouterr().err
    assert rongcuo("members", "容错〔2026〕1号", "张委员", *pp) == 0
    capsys.readouterr()
    assert rongcuo("--as", "张委员", "--pin-file", files["member"], "list", *pp) == 0
    listed = capsys.readouterr()
    assert "共 1 件" in listed.err and "容错〔2026〕1号" in listed.out
    assert rongcuo("audit", "verify", *pp) == 0
    assert "审计记录完好" in capsys.readouterr().out


def test_audit_verify_names_an_edited_event_and_acknowledge_reopens_writes(
    files: dict[str, str], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pp = ["--passphrase-file", files["pp"]]
    rongcuo("init", *pp, "--require-passphrase", "--chair-name", "王主任", "--pin-file", files["chair"])
    rongcuo("demo", *pp)
    key = KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE)
    conn = sqlcipher3.connect(str(db_path(data_dir)), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("UPDATE audit_events SET actor_name = '别人' WHERE seq = 2")
    conn.close()
    capsys.readouterr()
    assert rongcuo("audit", "verify", *pp) == 1
    out = capsys.readouterr().out
    assert "第 2 条" in out and "修改" in out
    assert rongcuo("demo", "--count", "1", *pp) == 2
    assert "只读" in capsys.readouterr().err
    assert rongcuo("audit", "acknowledge", *pp) == 0
    assert "已记录主任的确认" in capsys.readouterr().out
    assert rongcuo("demo", "--count", "1", *pp) == 0
