"""A passphrase change re-keys the database, and survives a kill at any step (issue 11, item 9).

Re-wrapping alone kept the database key, so the old passphrase plus an older backup still unlocked the
current database. Now the change draws a new key and re-encrypts the database (store/rekey.py) after
a verified backup; killed with SIGKILL in each step, the store always opens with the old or the new
passphrase, whole and with its audit trail sound.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.store.backup import (
    BACKUPS_DIR_NAME,
    StoreFiles,
    backup_is_good,
    create_backup,
    database_problems,
    list_backups,
    restore_backup,
)
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.errors import WrongPassphrase
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.store.rekey import change_passphrase, database_key

OLD, NEW = "更换前的口令 horse battery", "更换后的口令 staple correct"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    folder = tmp_path_factory.mktemp("template") / "data"
    key = KeyManager(folder, kdf_target_seconds=0.05).create(OLD)
    with Store.create(folder, key) as store:
        store.add_demo_cases()
        for n in range(1, 201):
            store.cases.add(
                Case(
                    doc_no=f"口令〔2026〕{n}号",
                    party_name=f"谢某{n}",
                    party_unit="某局",
                    party_position="科员",
                )
            )
    return folder, key


def test_a_passphrase_change_re_keys_the_database(
    data_dir: Path, tmp_path: Path, template: tuple[Path, bytes]
) -> None:
    """Given a backup made with the old passphrase, when the passphrase is changed, then the database
    has a new key: the old passphrase opens neither the key file nor (through the old backup's key
    file) the current database; the new one opens it with every case and a sound audit trail; a
    verified pre-rekey backup was written first."""
    shutil.copytree(template[0], data_dir)
    old_key = template[1]
    old_backup = create_backup(StoreFiles.in_dir(data_dir), old_key, tmp_path / "usb")
    new_key = change_passphrase(data_dir, OLD, NEW, kdf_target_seconds=0.05)
    assert new_key != old_key
    assert database_key(data_dir, old_key) is None, "the old key still opens the database"
    with pytest.raises(WrongPassphrase):
        KeyManager(data_dir).unlock_with_passphrase(OLD)
    assert KeyManager(data_dir).unlock_with_passphrase(NEW) == new_key
    elsewhere = tmp_path / "from-old-backup"
    restore_backup(old_backup, OLD, StoreFiles.in_dir(elsewhere))  # the old backup opens as it was
    assert KeyManager(elsewhere).unlock_with_passphrase(OLD) == old_key
    assert database_key(data_dir, KeyManager(elsewhere).unlock_with_passphrase(OLD)) is None
    with Store.open(data_dir, new_key) as store:
        assert store.audit_problems == [], [p.message for p in store.audit_problems]
        assert store.cases.count() == 210
        assert store.audit_verify().ok
    assert database_problems(StoreFiles.in_dir(data_dir).database, new_key) == []
    (pre,) = [m for m in list_backups(data_dir / BACKUPS_DIR_NAME) if m.kind == "pre-rekey"]
    assert backup_is_good(pre, old_key)


STEP = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import rongcuo_desktop.store.rekey as rekey
    from rongcuo_desktop.store.keys import KeyManager

    def marked(name, real):
        def run(*args, **kwargs):
            print(name, flush=True)
            return real(*args, **kwargs)
        return run

    rekey._rekey_database = marked("rekey", rekey._rekey_database)
    rekey.finish_rekey = marked("finish", rekey.finish_rekey)
    KeyManager.note_rekey = marked("note", KeyManager.note_rekey)
    print("start", flush=True)
    rekey.change_passphrase(Path(sys.argv[1]), sys.argv[2], sys.argv[3], kdf_target_seconds=0.05)
    print("done", flush=True)
    """
)


def test_a_kill_in_every_step_of_the_change_leaves_a_store_that_opens(
    tmp_path: Path, template: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given the change running in its own process, when it is killed (SIGKILL) a few random
    milliseconds after it enters each step (the backup, noting the change, the re-encryption, finishing),
    then the store opens with the old or the new passphrase (the unlock finishes or drops the change),
    both integrity checks pass, every case is there and the audit trail is sound."""
    script = tmp_path / "change.py"
    script.write_text(STEP, encoding="utf-8")
    rng = random.Random(11)
    outcomes: dict[str, int] = {"old": 0, "new": 0}
    steps = ["start", "note", "rekey", "finish"] * 3
    for n, step in enumerate(steps):
        data_dir = tmp_path / f"run{n}" / "data"
        shutil.copytree(template[0], data_dir)
        # Each run is its own PC: the copies share the template's store id, and this PC's anchor copy
        # of a run that finished its re-key would rightly call the next run's old copy a rollback.
        monkeypatch.setenv("RONGCUO_CONFIG_DIR", str(tmp_path / f"run{n}" / "config"))
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
        changer = subprocess.Popen(
            [sys.executable, str(script), str(data_dir), OLD, NEW],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert changer.stdout is not None
        for line in changer.stdout:
            if line.strip() in (step, "done"):
                break
        time.sleep(rng.uniform(0.0, 0.03))
        changer.send_signal(signal.SIGKILL)
        changer.wait(30)
        try:
            key = KeyManager(data_dir).unlock_with_passphrase(NEW)
            outcomes["new"] += 1
        except WrongPassphrase:
            key = KeyManager(data_dir).unlock_with_passphrase(OLD)
            outcomes["old"] += 1
        with Store.open(data_dir, key) as store:
            assert store.audit_problems == [], (step, [p.message for p in store.audit_problems])
            assert store.cases.count() == 210, step
            assert store.audit_verify().ok, step
        assert database_problems(StoreFiles.in_dir(data_dir).database, key) == [], step
        assert not list(data_dir.glob(".rongcuo.db.*.tmp")), "an unfinished re-encrypted copy is tidied away"
    print(
        f"passphrase changes killed: {len(steps)} tried, {len(steps)} opened afterwards ({outcomes}), 0 lost"
    )


def test_a_lost_key_file_is_recovered_from_a_backup_with_the_passphrase(
    data_dir: Path, tmp_path: Path, template: tuple[Path, bytes]
) -> None:
    """Given a backup and then a lost key file, when the key file is recovered from the backup with
    its passphrase, then only the key file comes back (the database, written to since, is kept as it
    is) and the store opens whole; after a passphrase change, an older backup's key file is refused
    (it does not open the re-keyed database) and nothing is changed."""
    from rongcuo_desktop.store.backup import BackupError, recover_key_file

    shutil.copytree(template[0], data_dir)
    key = template[1]
    files = StoreFiles.in_dir(data_dir)
    backup = create_backup(files, key, tmp_path / "usb")
    with Store.open(data_dir, key) as store:
        store.cases.add(
            Case(doc_no="容错〔2026〕900号", party_name="林某某", party_unit="某镇", party_position="镇长")
        )
    files.key_file.unlink()
    assert recover_key_file(backup, OLD, files).key == key
    assert KeyManager(data_dir).unlock_with_passphrase(OLD) == key
    with Store.open(data_dir, key) as store:
        assert store.cases.id_for_doc_no("容错〔2026〕900号") is not None, "the database was kept"
        assert store.audit_problems == []

    change_passphrase(data_dir, OLD, NEW, kdf_target_seconds=0.05)
    files.key_file.write_bytes(b"{ damaged")
    db_before = files.database.read_bytes()
    with pytest.raises(BackupError, match="更换过口令"):
        recover_key_file(backup, OLD, files)
    assert files.database.read_bytes() == db_before and files.key_file.read_bytes() == b"{ damaged"
