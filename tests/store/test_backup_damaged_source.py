"""A damaged store never produces a backup, and good backups are never pushed out (issue 11, item 1).

The scenario from the issue: one byte flipped inside a page of a closed store (offset 44874), then
the app is closed eleven times with its automatic backup. Before, every close wrote an unrestorable
backup and rotation deleted the good ones; now each backup is refused as coming from a damaged
source, no file is written or rotated out, and the integrity check offers the newest good backup.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from rongcuo_desktop.cli.main import main as cli_main
from rongcuo_desktop.store import backup as backup_module
from rongcuo_desktop.store.backup import (
    BACKUPS_DIR_NAME,
    MAGIC,
    SourceDamaged,
    StoreFiles,
    auto_backup,
    backup_is_good,
    check_store,
    database_problems,
    list_backups,
    newest_good_backup,
    read_manifest,
    restore_backup,
    rotate_backups,
)
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from rongcuo_desktop.ui.tasks import TaskRunner

PASSPHRASE = "损坏备份测试口令 horse battery"
DAMAGED_OFFSET = 44874  # the offset from the issue: inside a page the demo store uses


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A closed store with the demo cases and three good automatic backups (three closes)."""
    folder = tmp_path_factory.mktemp("template") / "data"
    key = KeyManager(folder, kdf_target_seconds=0.05).create(PASSPHRASE)
    with Store.create(folder, key) as store:
        store.add_demo_cases()
    for _ in range(3):
        auto_backup(StoreFiles.in_dir(folder), key)
    return folder, key


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def folder_hashes(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()
    }


def test_eleven_closes_of_a_damaged_store_keep_every_good_backup(
    data_dir: Path, tmp_path: Path, template: tuple[Path, bytes]
) -> None:
    """Given a store with one flipped byte at offset 44874 and three good automatic backups, when the
    app closes eleven times (each close takes the automatic backup, keeping 2), then every backup is
    refused as coming from a damaged source naming the newest good backup, the backup folder is byte
    for byte unchanged (nothing written, nothing rotated out), and the integrity check offers that
    same newest good backup, which restores."""
    shutil.copytree(template[0], data_dir)
    key = template[1]
    files = StoreFiles.in_dir(data_dir)
    flip(files.database, DAMAGED_OFFSET)
    assert database_problems(files.database, key), "the flipped byte must hit a page in use"
    backups = data_dir / BACKUPS_DIR_NAME
    before = folder_hashes(backups)
    newest_before = max(backups.glob("auto-*.rcbak"))

    tried = refused = 0
    for _ in range(11):
        tried += 1
        with pytest.raises(SourceDamaged) as caught:
            auto_backup(files, key, keep=2)
        refused += 1
        message = str(caught.value)
        assert "已损坏" in message and "没有生成备份" in message and newest_before.name in message
        assert "已有的备份都原样保留" in message
        said = message.lower()
        assert "page" not in said and "verification" not in said and "tree" not in said, message
    assert folder_hashes(backups) == before, "a damaged store wrote or rotated out a backup"
    lost = sum(1 for name in before if not (backups / name).exists())

    report = check_store(files, key)
    assert report.damaged and report.newest_good is not None
    assert report.newest_good.path == newest_before
    restored = tmp_path / "restored"
    restore_backup(report.newest_good.path, PASSPHRASE, StoreFiles.in_dir(restored))
    assert not database_problems(StoreFiles.in_dir(restored).database, key)
    print(
        f"damaged-source backups: {tried} tried, {refused} refused, {lost} good backups rotated out, "
        f"{len(list_backups(backups))} of {len(before)} backups still restorable"
    )


def test_cli_backup_of_a_damaged_store_fails_and_writes_nothing(
    data_dir: Path, tmp_path: Path, template: tuple[Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    """`rongcuo backup --to BK` on the damaged store exits non-zero, says the store is damaged and
    which backup to restore, writes no file into BK, and prints no SQLCipher log lines."""
    shutil.copytree(template[0], data_dir)
    flip(StoreFiles.in_dir(data_dir).database, DAMAGED_OFFSET)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    usb = tmp_path / "BK"
    code = cli_main(
        ["--data-dir", str(data_dir), "backup", "--to", str(usb), "--passphrase-file", str(secret)]
    )
    captured = capsys.readouterr()
    assert code != 0
    assert "已损坏" in captured.err and "rongcuo restore" in captured.err
    assert "备份完成" not in captured.out
    assert "hmac check failed" not in captured.err  # SQLCipher's log goes to a private file, not stderr
    assert list(usb.glob("*")) == [] if usb.exists() else True


def _legacy_backup(folder: Path, name: str, database: bytes, key: bytes, key_file: bytes) -> Path:
    """A backup file as the app wrote it before the verdict was recorded (no "verified" field)."""
    body = {
        "format": 1,
        "kind": "auto",
        "created_at": f"{name[5:9]}-{name[9:11]}-{name[11:13]}T00:00:00+00:00",  # auto-YYYYmmdd-...
        "app_version": "0.1",
        "store_id": backup_module.store_id(key),
        "db_size": len(database),
        "db_sha256": hashlib.sha256(database).hexdigest(),
        "key_file_name": "rongcuo-key.json",
        "key_file": base64.b64encode(key_file).decode("ascii"),
        "extra": {},
    }
    body["mac"] = backup_module._manifest_mac(key, body)
    blob = json.dumps(body, ensure_ascii=True, sort_keys=True).encode("ascii")
    path = folder / name
    path.write_bytes(database + blob + backup_module._TRAILER.pack(len(blob)) + MAGIC)
    return path


def test_rotation_never_deletes_the_newest_good_backup(data_dir: Path, template: tuple[Path, bytes]) -> None:
    """Given one good automatic backup and, newer than it, five unverified backups (the format before
    the verdict was recorded) whose database part fails the integrity check, when rotation keeps 2,
    then the good one survives although it is the oldest, and it is the one offered as newest good;
    an unverified backup that does pass the checks counts as good (checked on a copy)."""
    shutil.copytree(template[0], data_dir)
    key = template[1]
    files = StoreFiles.in_dir(data_dir)
    backups = data_dir / BACKUPS_DIR_NAME
    good = max(backups.glob("auto-*.rcbak"))
    for extra in backups.glob("auto-*.rcbak"):
        if extra != good:
            extra.unlink()
    damaged = bytearray(files.database.read_bytes())
    damaged[DAMAGED_OFFSET] ^= 0xFF
    key_file = files.key_file.read_bytes()
    bad = [
        _legacy_backup(backups, f"auto-2099010{n}-000000-000.rcbak", bytes(damaged), key, key_file)
        for n in range(1, 6)
    ]
    assert all(read_manifest(p).verified is False for p in bad)
    assert not any(backup_is_good(read_manifest(p), key) for p in bad)
    removed = rotate_backups(backups, 2, key=key)
    assert good.exists(), "rotation deleted the only good backup"
    assert good not in removed and len(removed) == 3
    newest = newest_good_backup(backups, key)
    assert newest is not None and newest.path == good

    sound = _legacy_backup(
        backups, "auto-20990201-000000-000.rcbak", files.database.read_bytes(), key, key_file
    )
    assert backup_is_good(read_manifest(sound), key)
    newest = newest_good_backup(backups, key)
    assert newest is not None and newest.path == sound
    assert not list(backups.glob(".check-*")), "the checking copy is removed"


def test_the_check_after_the_paint_offers_the_newest_good_backup(
    qtbot: QtBot,
    runner: TaskRunner,
    data_dir: Path,
    tmp_path: Path,
    template: tuple[Path, bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given the damaged store opens (the damaged page is not read at open), when the window's data
    safety starts its check after the paint (PRAGMA quick_check off the database thread), then the
    damage is found and the newest good backup is offered; the store file is not touched."""
    from PySide6.QtCore import QSettings

    from rongcuo_desktop.ui.data.restore import RestoreActions
    from tests.ui.conftest import open_window, person_of

    shutil.copytree(template[0], data_dir)
    files = StoreFiles.in_dir(data_dir)
    flip(files.database, DAMAGED_OFFSET)
    damaged = hashlib.sha256(files.database.read_bytes()).hexdigest()
    offered: list[tuple[str, object]] = []
    monkeypatch.setattr(
        RestoreActions, "offer_newest", lambda _self, problem, newest: offered.append((problem, newest))
    )
    store = Store.open(data_dir, template[1])
    try:
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        opened = open_window(qtbot, runner, store, person_of(store), settings=settings)
        opened.all.integrity.check_in_background()
        qtbot.waitUntil(lambda: bool(offered), timeout=15000)
        opened.window.close()
        qtbot.waitUntil(lambda: not runner.busy, timeout=15000)
    finally:
        store.close()
    problem, newest = offered[0]
    assert problem
    assert newest is not None and getattr(newest, "path", None) == max(
        (data_dir / BACKUPS_DIR_NAME).glob("auto-*.rcbak")
    )
    with Store.open(data_dir, template[1]):
        pass
    assert hashlib.sha256(files.database.read_bytes()).hexdigest() == damaged
