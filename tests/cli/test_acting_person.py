"""The command line acts for one named person (#11 items 4, 5, 13, 16): backup and restore take --as
and follow the role table, attachments work by 文号 on a store with accounts, `members 文号` only
shows, a 委员's export is refused before anything is said, a made-up --as name is nobody."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rongcuo_desktop.cli.main import main

PASSPHRASE = "命令行操作人测试口令 2026"
PINS = {"王主任": "135790", "李秘书": "246813", "张委员": "357902", "赵委员": "468024"}
DOC = "容错〔2026〕5号"


@pytest.fixture
def files(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A store with a 主任, a 秘书, two 委员 (张委员 on case 5's committee) and the demo cases."""
    monkeypatch.setattr("rongcuo_desktop.store.keys.KDF_MEMORY_KIB", 8 * 1024)  # KDF not under test
    monkeypatch.setattr("rongcuo_desktop.store.keys.KDF_TARGET_SECONDS", 0.05)
    out = {"pp": str(tmp_path / "pp")}
    Path(out["pp"]).write_text(PASSPHRASE + "\n", encoding="utf-8")
    for name, pin in PINS.items():
        out[name] = str(tmp_path / f"{pin}.pin")
        Path(out[name]).write_text(pin + "\n", encoding="utf-8")
    init = ["init", "--require-passphrase", "--chair-name", "王主任", "--pin-file", out["王主任"]]
    assert rongcuo(out, *init) == 0
    for name, role in (("李秘书", "秘书"), ("张委员", "委员"), ("赵委员", "委员")):
        assert rongcuo(out, "account", "add", name, "--role", role, "--new-pin-file", out[name]) == 0
    assert rongcuo(out, "demo") == 0
    assert rongcuo(out, "members", DOC, "张委员") == 0
    return out


def rongcuo(files: dict[str, str], *args: str, who: str | None = None) -> int:
    person = ["--as", who, "--pin-file", files[who]] if who else []
    return main(
        ["--data-dir", os.environ["RONGCUO_DATA_DIR"], *person, *args, "--passphrase-file", files["pp"]]
    )


def audit_lines(files: dict[str, str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert rongcuo(files, "audit", "log") == 0
    return capsys.readouterr().out.splitlines()


def test_backup_and_restore_follow_the_role_table(
    files: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "stick"
    assert rongcuo(files, "backup", "--to", str(stick), who="张委员") == 2
    assert "委员无权备份" in capsys.readouterr().err and not stick.exists()
    assert rongcuo(files, "backup", "--to", str(stick), who="李秘书") == 0
    (written,) = stick.glob("*.rcbak")
    data_dir = Path(os.environ["RONGCUO_DATA_DIR"])
    for who in ("张委员", "李秘书"):
        capsys.readouterr()
        assert rongcuo(files, "restore", str(written), who=who) == 2
        assert "无权恢复" in capsys.readouterr().err
        assert not list((data_dir / "backups").glob("kept-before-restore-*"))  # nothing replaced
    assert rongcuo(files, "restore", str(written), who="王主任") == 0
    restore = [line for line in audit_lines(files, capsys) if "\trestore\t" in line]
    assert len(restore) == 1 and "\t王主任\t" in restore[0]


def test_attachments_by_doc_no_for_the_person_named(
    files: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evidence = tmp_path / "会议纪要.txt"
    evidence.write_text("纪要", encoding="utf-8")
    assert rongcuo(files, "attach", DOC, str(evidence), who="张委员") == 2
    assert "委员无权添加附件" in capsys.readouterr().err
    assert rongcuo(files, "attach", DOC, str(evidence), who="李秘书") == 0
    capsys.readouterr()
    assert rongcuo(files, "attachments", DOC, who="张委员") == 0
    assert "会议纪要.txt" in capsys.readouterr().out
    assert rongcuo(files, "attachments", DOC, who="赵委员") == 2
    assert "不是该案件的委员" in capsys.readouterr().err


def test_members_without_names_shows_and_clearing_needs_the_flag(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = audit_lines(files, capsys)
    assert rongcuo(files, "members", DOC) == 0
    assert "案件委员：张委员" in capsys.readouterr().out
    assert audit_lines(files, capsys)[len(before) :] == []  # showing wrote nothing
    assert rongcuo(files, "members", DOC, "赵委员", "--clear") == 2
    assert "--clear" in capsys.readouterr().err
    assert rongcuo(files, "members", DOC, "--clear") == 0
    assert "案件委员：（无）" in capsys.readouterr().out


def test_a_members_export_is_refused_before_anything_is_said(
    files: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    capsys.readouterr()
    assert rongcuo(files, "export", DOC, "--out", str(out), who="张委员") == 2
    said = capsys.readouterr()
    assert said.err.strip() == "错误：委员无权导出。" and said.out == "" and not out.exists()
    assert rongcuo(files, "export", DOC, "--out", str(out), who="李秘书") == 0
    assert "导出已记入审计记录" in capsys.readouterr().err and out.is_file()


def test_a_made_up_name_is_nobody(files: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """#11 item 5: `--as 幽灵主任` once created a 主任 account."""
    files["幽灵主任"] = files["王主任"]
    capsys.readouterr()
    assert (
        rongcuo(
            files,
            "account",
            "add",
            "幽灵委员",
            "--role",
            "委员",
            "--new-pin-file",
            files["张委员"],
            who="幽灵主任",
        )
        == 2
    )
    assert "个人口令不正确" in capsys.readouterr().err
    assert rongcuo(files, "account", "list") == 0
    assert "幽灵" not in capsys.readouterr().out


def test_pins_change_and_reset(
    files: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new.pin"
    new.write_text("975310\n", encoding="utf-8")
    weak = tmp_path / "weak.pin"
    weak.write_text("123456\n", encoding="utf-8")
    assert rongcuo(files, "account", "change-pin", "--new-pin-file", str(weak), who="张委员") == 2
    assert "连续的数字" in capsys.readouterr().err
    assert rongcuo(files, "account", "change-pin", "--new-pin-file", str(new), who="张委员") == 0
    assert rongcuo(files, "list", who="张委员") == 2  # the old PIN no longer signs in
    files["张委员"] = str(new)
    assert rongcuo(files, "list", who="张委员") == 0
    assert rongcuo(files, "account", "reset-pin", "赵委员", "--new-pin-file", str(new), who="李秘书") == 2
    assert "秘书无权管理账户" in capsys.readouterr().err
    assert rongcuo(files, "account", "reset-pin", "赵委员", "--new-pin-file", str(new)) == 0
    assert any("重设账户“赵委员”的个人口令" in line for line in audit_lines(files, capsys))
