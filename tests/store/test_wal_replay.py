"""A leftover write-ahead log is never replayed into the database unguarded (issue 11, item 2).

SQLite merges (replays) a `rongcuo.db-wal` it finds beside the database at the first read. A WAL
left by a crash belongs to the database it was written for; an old one beside a newer database, or
a crash's WAL beside an older copy of the database, turns the database into garbage, and before this
the open either failed claiming the file was unchanged (it had been rewritten) or opened a damaged
store that reported itself as sound. Now the database, WAL and shm are copied aside first, the
merged result is checked, and on failure the copy goes back byte for byte.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from pathlib import Path

import pytest

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.store.backup import BACKUPS_DIR_NAME, StoreFiles, database_problems
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.errors import StoreError
from rongcuo_desktop.store.keys import KeyManager

PASSPHRASE = "日志重放测试口令 horse battery"
SIDE = ("-wal", "-shm")


def add_cases(store: Store, first: int, count: int) -> None:
    for n in range(first, first + count):
        store.cases.add(
            Case(doc_no=f"容错〔2026〕{n}号", party_name=f"谢某{n}", party_unit="某局", party_position="科员")
        )


def crash_files(data_dir: Path, into: Path) -> None:
    """Copy the database with its WAL and shm as a crash would leave them (the store still open)."""
    into.mkdir(parents=True, exist_ok=True)
    db = StoreFiles.in_dir(data_dir).database
    for suffix in ("", *SIDE):
        source = db.with_name(db.name + suffix)
        if source.exists():
            shutil.copy2(source, into / source.name)


def hashes(data_dir: Path) -> dict[str, str]:
    db = StoreFiles.in_dir(data_dir).database
    found = {}
    for suffix in ("", *SIDE):
        path = db.with_name(db.name + suffix)
        if path.exists():
            found[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.fixture
def store_dir(data_dir: Path) -> tuple[Path, bytes]:
    key = KeyManager(data_dir, kdf_target_seconds=0.05).create(PASSPHRASE)
    with Store.create(data_dir, key) as store:
        add_cases(store, 1, 20)
    return data_dir, key


def wal_of(data_dir: Path) -> Path:
    db = StoreFiles.in_dir(data_dir).database
    return db.with_name(db.name + "-wal")


def test_a_normal_close_leaves_no_wal(store_dir: tuple[Path, bytes]) -> None:
    """Given a store written to, when it is closed normally, then no WAL or shm is left beside it
    (the close checkpoints with TRUNCATE and the last connection removes them)."""
    data_dir, key = store_dir
    with Store.open(data_dir, key) as store:
        add_cases(store, 100, 5)
        assert wal_of(data_dir).exists() and wal_of(data_dir).stat().st_size > 0
    db = StoreFiles.in_dir(data_dir).database
    assert not any(db.with_name(db.name + s).exists() for s in SIDE)


def test_an_old_wal_beside_a_newer_database_is_put_back_byte_for_byte(
    store_dir: tuple[Path, bytes], tmp_path: Path
) -> None:
    """The first scenario of the issue. Given an old WAL (left by a crash in an earlier session) put
    beside the database that has been written and closed since, when the store is opened, then the
    open is refused, the message says the merge was tried on a copy kept aside and undone, and the
    database, WAL and shm are byte for byte what they were before the open (SHA-256)."""
    data_dir, key = store_dir
    with Store.open(data_dir, key) as store:
        add_cases(store, 21, 20)
        crash_files(data_dir, tmp_path / "old")
    with Store.open(data_dir, key) as store:
        add_cases(store, 41, 20)
    for suffix in SIDE:
        shutil.copy2(tmp_path / "old" / f"rongcuo.db{suffix}", StoreFiles.in_dir(data_dir).database.parent)
    before = hashes(data_dir)
    assert set(before) == {"rongcuo.db", "rongcuo.db-wal", "rongcuo.db-shm"}
    with pytest.raises(StoreError) as refused:
        Store.open(data_dir, key)
    message = str(refused.value)
    assert hashes(data_dir) == before, "the database was left merged with a WAL that does not belong to it"
    assert "rongcuo.db-wal" in message and "SHA-256" in message and "逐字节相同" in message
    assert "文件保持原样，没有被改动或删除" not in message
    assert not list((data_dir / BACKUPS_DIR_NAME).glob("wal-replay-*")), "the copy went back"


def test_an_older_database_with_a_crash_wal_is_put_back(
    store_dir: tuple[Path, bytes], tmp_path: Path
) -> None:
    """The second scenario of the issue. Given an older copy of the database and the WAL a later
    crash left (written for the newer database), when the store is opened, then it is not opened as
    a sound store with cases missing: the merge fails its checks and everything is put back."""
    data_dir, key = store_dir
    older = tmp_path / "older.db"
    shutil.copy2(StoreFiles.in_dir(data_dir).database, older)
    with Store.open(data_dir, key) as store:
        add_cases(store, 21, 20)
    with Store.open(data_dir, key) as store:  # the crash's WAL is written on top of the 40-case file
        add_cases(store, 41, 20)
        crash_files(data_dir, tmp_path / "crash")
    for name in ("rongcuo.db-wal", "rongcuo.db-shm"):
        shutil.copy2(tmp_path / "crash" / name, data_dir / name)
    shutil.copy2(older, StoreFiles.in_dir(data_dir).database)
    before = hashes(data_dir)
    with pytest.raises(StoreError) as refused:
        Store.open(data_dir, key)
    assert hashes(data_dir) == before
    assert "逐字节相同" in str(refused.value)


def test_a_crash_wal_with_its_own_database_is_merged_and_checked(
    store_dir: tuple[Path, bytes], tmp_path: Path
) -> None:
    """Given the database and the WAL a crash left for it, when the store is opened, then the WAL is
    merged, every saved case is there, both integrity checks and the audit chain pass, no WAL is left
    after the close and the copy kept aside during the merge is gone."""
    data_dir, key = store_dir
    with Store.open(data_dir, key) as store:
        add_cases(store, 21, 40)
        crash_files(data_dir, tmp_path / "crash")
    for name in ("rongcuo.db", "rongcuo.db-wal", "rongcuo.db-shm"):
        shutil.copy2(tmp_path / "crash" / name, data_dir / name)
    assert wal_of(data_dir).stat().st_size > 0
    with Store.open(data_dir, key) as store:
        assert store.cases.count() == 60
        assert store.audit_verify().ok
    assert database_problems(StoreFiles.in_dir(data_dir).database, key) == []
    assert not wal_of(data_dir).exists()
    assert not list((data_dir / BACKUPS_DIR_NAME).glob("wal-replay-*"))


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_copy_aside_is_owner_only_and_goes_back_exactly(
    store_dir: tuple[Path, bytes], tmp_path: Path
) -> None:
    """The copy kept aside before a merge lives in backups/wal-replay-<time>/ with the store's own
    mode (0600), and putting it back restores the files byte for byte."""
    from rongcuo_desktop.store.wal_guard import WalGuard

    data_dir, key = store_dir
    with Store.open(data_dir, key) as store:
        add_cases(store, 21, 5)
        crash_files(data_dir, tmp_path / "crash")
    for name in ("rongcuo.db", "rongcuo.db-wal", "rongcuo.db-shm"):
        shutil.copy2(tmp_path / "crash" / name, data_dir / name)
    before = hashes(data_dir)
    guard = WalGuard.prepare(data_dir)
    assert guard is not None
    assert guard.folder.parent == data_dir / BACKUPS_DIR_NAME and guard.folder.name.startswith("wal-replay-")
    assert {p.name for p in guard.folder.iterdir()} >= set(before)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in guard.folder.iterdir())
    StoreFiles.in_dir(data_dir).database.write_bytes(b"merged garbage")
    wal_of(data_dir).unlink()
    assert guard.put_back() is True
    assert hashes(data_dir) == before
    assert not guard.folder.exists()


def test_a_backup_never_merges_a_leftover_wal(store_dir: tuple[Path, bytes], tmp_path: Path) -> None:
    """Given a WAL left by a crash and no app running, when `rongcuo backup` runs, then it is refused
    (the backup's own connection would merge the WAL with no copy kept) and the database, WAL and shm
    are byte for byte as before; once the store has been opened (merged under the guard), it works."""
    from rongcuo_desktop.store.backup import BackupError, create_backup

    data_dir, key = store_dir
    with Store.open(data_dir, key) as store:
        add_cases(store, 21, 5)
        crash_files(data_dir, tmp_path / "crash")
    for name in ("rongcuo.db", "rongcuo.db-wal", "rongcuo.db-shm"):
        shutil.copy2(tmp_path / "crash" / name, data_dir / name)
    before = hashes(data_dir)
    with pytest.raises(BackupError, match="没有合并"):
        create_backup(StoreFiles.in_dir(data_dir), key, tmp_path / "usb")
    assert hashes(data_dir) == before
    with Store.open(data_dir, key) as store:
        assert store.cases.count() == 25
        assert create_backup(StoreFiles.in_dir(data_dir), key, tmp_path / "usb").exists()
