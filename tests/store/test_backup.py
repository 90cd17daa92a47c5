"""Encrypted backups and restore: a backup opens only with the recovery passphrase, restores on
another PC, is checked before it replaces anything, and a restore never destroys the current store."""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rongcuo_desktop.cli.main import main as cli_main
from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.store.attachments import attachments_of
from rongcuo_desktop.store.backup import (
    BACKUPS_DIR_NAME,
    BackupCancelled,
    BackupDamaged,
    BackupDiskFull,
    BackupFromOtherStore,
    StoreFiles,
    auto_backup,
    create_backup,
    list_backups,
    newest_good_backup,
    read_manifest,
    restore_backup,
)
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.errors import WrongPassphrase
from rongcuo_desktop.store.keys import KeyManager

PASSPHRASE = "备份测试口令 2026 horse"
OTHER_PASSPHRASE = "另一个库的口令 battery"


def make_store(folder: Path, passphrase: str = PASSPHRASE) -> bytes:
    key = KeyManager(folder, kdf_target_seconds=0.05).create(passphrase)
    Store.create(folder, key).close()
    return key


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A store with 30 cases and one attachment, made once per module and copied while closed."""
    folder = tmp_path_factory.mktemp("template") / "data"
    key = make_store(folder)
    with Store.open(folder, key) as store:
        ids = [
            store.cases.add(
                Case(
                    doc_no=f"容错〔2026〕{n}号",
                    party_name=f"谢某{n}",
                    party_unit="某局",
                    party_position="科员",
                )
            )
            for n in range(1, 31)
        ]
        attachments_of(store).add_bytes(ids[0], "证据.pdf", b"%PDF-1.4 evidence " * 1000)
    return folder, key


@pytest.fixture
def store_dir(data_dir: Path, template: tuple[Path, bytes]) -> Path:
    shutil.copytree(template[0], data_dir)
    return data_dir


def tree_hashes(folder: Path) -> dict[str, str]:
    """Every file under folder (the store, its key file, its lock) with its SHA-256."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and BACKUPS_DIR_NAME not in p.relative_to(folder).parts
    }


def store_hashes(folder: Path) -> dict[str, str]:
    files = StoreFiles.in_dir(folder)
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (files.database, files.key_file)}


def doc_nos(folder: Path, key: bytes) -> list[str]:
    with Store.open(folder, key) as store:
        from rongcuo_desktop.store.repository import CaseQuery

        ids = store.cases.ids(CaseQuery(sort_column="doc_no", descending=False))
        return [row.doc_no for row in store.cases.rows(ids).values()]


def test_backup_restores_on_another_pc_with_the_passphrase_only(store_dir: Path, tmp_path: Path) -> None:
    """Given a store with cases and an attachment, when it is backed up to a USB folder and restored
    into an empty data folder with the recovery passphrase alone, then everything is there and the
    checks pass; the backup file holds none of the plaintext."""
    key = KeyManager(store_dir).unlock_with_passphrase(PASSPHRASE)
    usb = tmp_path / "U盘"
    steps: list[tuple[int, int]] = []
    backup = create_backup(
        StoreFiles.in_dir(store_dir), key, usb, progress=lambda d, t: steps.append((d, t)), pages_per_step=8
    )
    assert backup.parent == usb and backup.suffix == ".rcbak"
    assert len(steps) > 1 and steps[-1][0] == steps[-1][1]
    raw = backup.read_bytes()
    assert "谢某1".encode() not in raw and b"evidence" not in raw and b"SQLite format 3" not in raw
    other_pc = tmp_path / "新电脑" / "data"
    result = restore_backup(backup, PASSPHRASE, StoreFiles.in_dir(other_pc))
    assert result.kept_dir is None
    restored_key = KeyManager(other_pc).unlock_with_passphrase(PASSPHRASE)
    assert restored_key == key
    with Store.open(other_pc, restored_key) as store:
        assert store.cases.count() == 30
        case_id = store.cases.id_for_doc_no("容错〔2026〕1号")
        assert case_id is not None
        repo = attachments_of(store)
        (info,) = repo.list_for_case(case_id)
        assert repo.read(info.id).startswith(b"%PDF-1.4 evidence")
        assert store.audit_verify().ok


def test_restore_keeps_the_current_store_intact(store_dir: Path, tmp_path: Path) -> None:
    """Given a backup and later changes, when the backup is restored, then the store is as at backup
    time, and the replaced store's files sit byte for byte in backups/kept-before-restore-*."""
    key = KeyManager(store_dir).unlock_with_passphrase(PASSPHRASE)
    backup = create_backup(StoreFiles.in_dir(store_dir), key, tmp_path / "usb")
    with Store.open(store_dir, key) as store:
        store.cases.add(
            Case(doc_no="容错〔2026〕99号", party_name="林某某", party_unit="某镇", party_position="镇长")
        )
    before = store_hashes(store_dir)
    result = restore_backup(backup, PASSPHRASE, StoreFiles.in_dir(store_dir))
    assert result.kept_dir is not None and result.kept_dir.parent == store_dir / BACKUPS_DIR_NAME
    kept = {name: hashlib.sha256((result.kept_dir / name).read_bytes()).hexdigest() for name in before}
    assert kept == before
    assert "容错〔2026〕99号" not in doc_nos(store_dir, key)
    assert "容错〔2026〕99号" in doc_nos(result.kept_dir, key), (
        "the kept store still opens and has the change"
    )


@pytest.mark.parametrize("damage", ["truncated", "flipped_in_database", "edited_manifest", "not_a_backup"])
def test_damaged_backups_are_refused_and_nothing_changes(
    store_dir: Path, tmp_path: Path, damage: str
) -> None:
    """Given a truncated, bit-flipped, hand-edited or foreign file, when it is restored, then a clear
    Chinese message refuses it and every file of the current store is unchanged."""
    key = KeyManager(store_dir).unlock_with_passphrase(PASSPHRASE)
    backup = create_backup(StoreFiles.in_dir(store_dir), key, tmp_path / "usb")
    data = bytearray(backup.read_bytes())
    size = read_manifest(backup).db_size
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "flipped_in_database":
        data[size // 2] ^= 0x10
    elif damage == "edited_manifest":
        data = bytearray(bytes(data).replace(b'"kind": "manual"', b'"kind": "auto!!"'))
    else:
        data = bytearray(b"PK\x03\x04" + os.urandom(5000))
    backup.write_bytes(bytes(data))
    before = tree_hashes(store_dir)
    with pytest.raises(BackupDamaged) as caught:
        restore_backup(backup, PASSPHRASE, StoreFiles.in_dir(store_dir))
    assert any(word in str(caught.value) for word in ("截断", "改动", "不是完整的备份", "不符"))
    assert tree_hashes(store_dir) == before
    assert not list(store_dir.glob(".restore-staging-*"))


def test_wrong_passphrase_and_other_store_are_refused(store_dir: Path, tmp_path: Path) -> None:
    """Given a backup of another store, and a wrong passphrase, when each is restored over the
    current store, then each is refused with a clear message and the current store is untouched."""
    other = tmp_path / "other" / "data"
    other_key = make_store(other, OTHER_PASSPHRASE)
    foreign = create_backup(StoreFiles.in_dir(other), other_key, tmp_path / "usb")
    key = KeyManager(store_dir).unlock_with_passphrase(PASSPHRASE)
    own = create_backup(StoreFiles.in_dir(store_dir), key, tmp_path / "usb")
    before = tree_hashes(store_dir)
    with pytest.raises(WrongPassphrase, match="恢复口令不正确"):
        restore_backup(own, "不是这个口令 at all", StoreFiles.in_dir(store_dir))
    with pytest.raises(BackupFromOtherStore, match="另一个数据库"):
        restore_backup(foreign, OTHER_PASSPHRASE, StoreFiles.in_dir(store_dir))
    with pytest.raises(BackupFromOtherStore):
        restore_backup(foreign, None, StoreFiles.in_dir(store_dir), current_key=key)
    assert tree_hashes(store_dir) == before
    # Deliberately replacing with another store's backup is possible, and still keeps the current one.
    result = restore_backup(foreign, OTHER_PASSPHRASE, StoreFiles.in_dir(store_dir), allow_other_store=True)
    assert result.kept_dir is not None
    assert KeyManager(store_dir).unlock_with_passphrase(OTHER_PASSPHRASE) == other_key


def test_cancel_leaves_no_partial_file(store_dir: Path, tmp_path: Path) -> None:
    """Given a running backup, when 取消 is pressed after the first step, no file is left behind."""
    key = KeyManager(store_dir).unlock_with_passphrase(PASSPHRASE)
    usb = tmp_path / "usb"
    calls = []
    with pytest.raises(BackupCancelled, match="已取消"):
        create_backup(
            StoreFiles.in_dir(store_dir),
            key,
            usb,
            progress=lambda d, t: calls.append(d),
            cancelled=lambda: bool(calls),
            pages_per_step=4,
        )
    assert list(usb.iterdir()) == []


def test_auto_backups_rotate_and_keep_manual_ones(store_dir: Path) -> None:
    """Given 13 automatic backups with a limit of 10 and one manual backup, the 10 newest automatic
    ones and the manual one are kept; newest_good_backup picks the newest intact one of this store."""
    files = StoreFiles.in_dir(store_dir)
    key = KeyManager(store_dir).unlock_with_passphrase(PASSPHRASE)
    folder = store_dir / BACKUPS_DIR_NAME
    manual = create_backup(files, key, folder, kind="manual")
    made = [auto_backup(files, key, keep=10) for _ in range(13)]
    autos = sorted(p.name for p in folder.glob("auto-*.rcbak"))
    assert len(autos) == 10
    assert made[-1].exists() and not made[0].exists() and manual.exists()
    newest = newest_good_backup(folder, key)
    assert newest is not None and newest.path == made[-1]
    data = bytearray(made[-1].read_bytes())
    data[5000] ^= 0x01
    made[-1].write_bytes(bytes(data))
    fallback = newest_good_backup(folder, key)
    assert fallback is not None and fallback.path == made[-2]
    assert len(list_backups(folder)) == 11


def _tmpfs(mount_point: Path, size: str) -> bool:
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    mount_point.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount_point)], capture_output=True
    )
    return done.returncode == 0


def test_a_disk_that_fills_up_during_the_backup(store_dir: Path, tmp_path: Path) -> None:
    """Given a destination with less room than the backup needs (a real 64 KiB tmpfs where this
    machine allows mounting, else a 64 KiB file-size limit on the writing process: an honest
    simulation of the same ENOSPC/EFBIG path), when backing up, then a clear message says the disk
    is full, no partial file is left, and the current store is byte for byte unchanged."""
    key = KeyManager(store_dir).unlock_with_passphrase(PASSPHRASE)
    size = StoreFiles.in_dir(store_dir).database.stat().st_size
    assert size > 64 * 1024, "the store must be bigger than the small disk"
    before = tree_hashes(store_dir)
    usb = tmp_path / "small-usb"
    if _tmpfs(usb, "64k"):
        try:
            with pytest.raises(BackupDiskFull, match="空间不足"):
                create_backup(StoreFiles.in_dir(store_dir), key, usb)
            assert list(usb.iterdir()) == []
        finally:
            subprocess.run(["umount", str(usb)], check=False)
    else:
        usb.mkdir()
        script = (
            "import resource, signal, sys\n"
            "from pathlib import Path\n"
            "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, resource.RLIM_INFINITY))\n"
            "from rongcuo_desktop.store.backup import BackupError, StoreFiles, create_backup\n"
            "try:\n"
            f"    files = StoreFiles.in_dir(Path({str(store_dir)!r}))\n"
            f"    create_backup(files, bytes.fromhex({key.hex()!r}), Path({str(usb)!r}))\n"
            "except BackupError as error:\n"
            "    print(error); sys.exit(3)\n"
        )
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
        assert done.returncode == 3, done.stderr
        assert "空间" in done.stdout and "当前数据库没有任何改动" in done.stdout
        assert list(usb.iterdir()) == []
    assert tree_hashes(store_dir) == before
    assert resource  # the module is used by the simulation branch


def test_cli_backup_and_restore(store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`rongcuo backup --to DIR` writes one .rcbak; `rongcuo restore FILE` puts it back and says where
    the replaced store is kept; a wrong passphrase exits 2 with a Chinese message."""
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("错误的口令 xyz\n", encoding="utf-8")
    base = ["--data-dir", str(store_dir)]
    usb = tmp_path / "usb"
    assert cli_main([*base, "backup", "--to", str(usb), "--passphrase-file", str(secret)]) == 0
    assert "备份完成" in capsys.readouterr().out
    (backup,) = usb.glob("*.rcbak")
    assert cli_main([*base, "backups", "--dir", str(usb)]) == 0
    assert backup.name in capsys.readouterr().out
    before = tree_hashes(store_dir)
    assert cli_main([*base, "restore", str(backup), "--passphrase-file", str(wrong)]) == 2
    assert "恢复口令不正确" in capsys.readouterr().err
    assert tree_hashes(store_dir) == before
    assert cli_main([*base, "restore", str(backup), "--passphrase-file", str(secret)]) == 0
    out = capsys.readouterr().out
    assert "已从备份恢复" in out and "原样保留" in out
    key = KeyManager(store_dir).unlock_with_passphrase(PASSPHRASE)
    assert len(doc_nos(store_dir, key)) == 30
    with Store.open(store_dir, key) as store:  # the restore is in the restored store's audit trail
        with store.read_session() as session:
            rows = session.connection().exec_driver_sql(
                "SELECT summary FROM audit_events WHERE action = 'restore'"
            )
            (summary,) = [str(r[0]) for r in rows]
        assert "从备份恢复" in summary and "kept-before-restore-" in summary
        assert store.audit_verify().ok


def test_backup_while_the_store_is_open_and_writing(store_dir: Path, tmp_path: Path) -> None:
    """Given the app has the store open, a backup taken through its own connection is complete and
    the app keeps writing afterwards."""
    key = KeyManager(store_dir).unlock_with_passphrase(PASSPHRASE)
    with Store.open(store_dir, key) as store:
        store.cases.add(
            Case(doc_no="容错〔2026〕50号", party_name="周某某", party_unit="某区", party_position="主任")
        )
        backup = create_backup(StoreFiles.in_dir(store_dir), key, tmp_path / "usb")
        store.cases.add(
            Case(doc_no="容错〔2026〕51号", party_name="吴某某", party_unit="某区", party_position="科长")
        )
        assert store.cases.count() == 32
    target = tmp_path / "elsewhere" / "data"
    restore_backup(backup, PASSPHRASE, StoreFiles.in_dir(target))
    names = doc_nos(target, key)
    assert "容错〔2026〕50号" in names and "容错〔2026〕51号" not in names


def test_restore_links_the_old_store_aside_and_clears_stale_staging(store_dir: Path, tmp_path: Path) -> None:
    """Given a folder left by a restore that was killed (its process is gone), when a restore runs,
    that folder is removed; the old database is kept under a second name (the same file, so the data
    folder never lacked a database) before the new one replaces it atomically."""
    key = KeyManager(store_dir).unlock_with_passphrase(PASSPHRASE)
    backup = create_backup(StoreFiles.in_dir(store_dir), key, tmp_path / "usb")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = store_dir / f".restore-staging-{dead.stdout.strip()}-000000000000"
    stale.mkdir()
    (stale / "rongcuo.db").write_bytes(os.urandom(4096))
    inode = StoreFiles.in_dir(store_dir).database.stat().st_ino
    result = restore_backup(backup, PASSPHRASE, StoreFiles.in_dir(store_dir))
    assert not stale.exists()
    assert result.kept_dir is not None
    assert (result.kept_dir / "rongcuo.db").stat().st_ino == inode
    assert StoreFiles.in_dir(store_dir).database.stat().st_ino != inode


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_backups_and_a_restored_store_are_readable_by_their_owner_only(
    store_dir: Path, tmp_path: Path
) -> None:
    """Given the store's files are owner-only (0600), when a backup is written and restored, then the
    backup file, the restored database, its key file and the side files SQLite makes stay 0600: a
    restore never leaves the wrapped key or the database readable by other users of the PC."""
    import stat

    def mode(path: Path) -> int:
        return stat.S_IMODE(path.stat().st_mode)

    files = StoreFiles.in_dir(store_dir)
    key = KeyManager(store_dir).unlock_with_passphrase(PASSPHRASE)
    old_umask = os.umask(0o022)  # an ordinary desktop umask: new files would be 0644
    try:
        backup = create_backup(files, key, tmp_path / "usb")
        auto = auto_backup(files, key)
        assert mode(backup) == 0o600 and mode(auto) == 0o600
        restore_backup(backup, PASSPHRASE, files)
        assert mode(files.database) == 0o600 and mode(files.key_file) == 0o600
        with Store.open(store_dir, key):
            side = [files.database.with_name(files.database.name + s) for s in ("-wal", "-shm")]
            assert side and all(mode(p) == 0o600 for p in side if p.exists())
    finally:
        os.umask(old_umask)
