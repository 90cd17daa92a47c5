"""`rongcuo restore --key-only` (issue 11, item 9): a lost or damaged key file put back from a backup
with its passphrase, the database kept as it is (changes made after the backup stay), the recovery in
the audit trail; refused with nothing changed for a wrong passphrase, a sound key file, an old backup
after a passphrase change, a running app. Real stores, the real CLI entry point."""

from __future__ import annotations

from pathlib import Path

import pytest

from rongcuo_desktop.cli.main import main as cli_main
from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.store.backup import BACKUPS_DIR_NAME, StoreFiles, create_backup
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from tests.store.test_backup import PASSPHRASE, store_dir, template, tree_hashes  # noqa: F401 (fixtures)

NEW_PASSPHRASE = "换过的口令 Ferry-boats 3 rivers"
LATER = "容错〔2026〕901号"


@pytest.fixture
def files(store_dir: Path) -> StoreFiles:  # noqa: F811
    return StoreFiles.in_dir(store_dir)


def secret(tmp_path: Path, text: str, name: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def backup_then_change(files: StoreFiles, tmp_path: Path) -> Path:
    """A backup, then a case added after it (the recovery must keep it)."""
    key = KeyManager(files.data_dir).unlock_with_passphrase(PASSPHRASE)
    backup = create_backup(files, key, tmp_path / "usb")
    with Store.open(files.data_dir, key) as store:
        store.cases.add(Case(doc_no=LATER, party_name="林某某", party_unit="某镇", party_position="镇长"))
    return backup


def restore_key(files: StoreFiles, backup: Path, passphrase_file: str) -> int:
    base = ["--data-dir", str(files.data_dir)]
    return cli_main([*base, "restore", "--key-only", str(backup), "--passphrase-file", passphrase_file])


def test_a_lost_key_file_comes_back_and_the_later_case_stays(
    files: StoreFiles, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Given a backup, a case added after it and then a lost key file, when `restore --key-only` runs
    with a wrong passphrase, then it is refused and nothing changes; with the right one the key file
    is back, the later case is still there, and the audit trail says the program recovered it."""
    backup = backup_then_change(files, tmp_path)
    files.key_file.unlink()
    before = tree_hashes(files.data_dir)
    assert restore_key(files, backup, secret(tmp_path, "错误的口令 xyz 不对", "wrong")) == 2
    assert "恢复口令不正确" in capsys.readouterr().err
    assert tree_hashes(files.data_dir) == before and not files.key_file.exists()

    assert restore_key(files, backup, secret(tmp_path, PASSPHRASE, "right")) == 0
    assert "找回密钥文件" in capsys.readouterr().out
    key = KeyManager(files.data_dir).unlock_with_passphrase(PASSPHRASE)
    with Store.open(files.data_dir, key) as store:
        assert store.cases.id_for_doc_no(LATER) is not None, "the database was kept as it was"
        assert store.audit_problems == [] and store.audit_verify().ok
        with store.read_session() as session:
            sql = "SELECT summary FROM audit_events WHERE action = 'restore'"
            rows = session.connection().exec_driver_sql(sql)
            (summary,) = [str(r[0]) for r in rows]
    assert "找回了密钥文件" in summary and "数据库保持现状" in summary


def test_a_damaged_key_file_is_kept_aside_and_a_sound_one_is_left_alone(
    files: StoreFiles, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sound key file is never replaced (refused, nothing changed); a damaged one (a repeated key,
    which the safe reader refuses) is moved into backups/, not overwritten, and the store opens."""
    backup = backup_then_change(files, tmp_path)
    right = secret(tmp_path, PASSPHRASE, "right")
    before = tree_hashes(files.data_dir)
    assert restore_key(files, backup, right) == 2
    assert "完好" in capsys.readouterr().err and tree_hashes(files.data_dir) == before

    damaged = b'{"format": "rongcuo-wrapped-key", "format": "x"}'
    files.key_file.write_bytes(damaged)
    assert cli_main(["--data-dir", str(files.data_dir), "list", "--passphrase-file", right]) == 2
    assert "--key-only" in capsys.readouterr().err  # the message names the way out
    assert restore_key(files, backup, right) == 0
    assert "保留在" in capsys.readouterr().out
    (aside,) = (files.data_dir / BACKUPS_DIR_NAME).glob("damaged-key-file-*.json")
    assert aside.read_bytes() == damaged
    assert cli_main(["--data-dir", str(files.data_dir), "list", "--passphrase-file", right]) == 0


def test_an_old_backup_after_a_passphrase_change_and_a_running_app_are_refused(
    files: StoreFiles, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After a passphrase change (the database re-keyed) an older backup's key file does not open the
    database: refused, saying why, nothing changed. While an app holds the store: refused too."""
    from rongcuo_desktop.services.unlock import change_passphrase

    backup = backup_then_change(files, tmp_path)
    right = secret(tmp_path, PASSPHRASE, "right")
    key = KeyManager(files.data_dir).unlock_with_passphrase(PASSPHRASE)
    with Store.open(files.data_dir, key):
        files.key_file.rename(tmp_path / "kept-key.json")
        before = tree_hashes(files.data_dir)
        assert restore_key(files, backup, right) == 2
        assert "正被" in capsys.readouterr().err, "refused while the app holds the store"
        assert tree_hashes(files.data_dir) == before
        (tmp_path / "kept-key.json").rename(files.key_file)
    change_passphrase(files.data_dir, PASSPHRASE, NEW_PASSPHRASE)
    files.key_file.unlink()
    before = tree_hashes(files.data_dir)
    assert restore_key(files, backup, right) == 2
    assert "更换过口令" in capsys.readouterr().err
    assert tree_hashes(files.data_dir) == before
