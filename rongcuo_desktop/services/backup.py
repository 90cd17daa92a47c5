"""Backups, restore and the integrity check: the store/backup.py operations with the person who acts,
the role table (backup: 秘书 and 主任; restore: 主任) and the close/reopen around a restore, written
once for the GUI's 数据 menu and for `rongcuo backup / restore`.

A backup is read through its own connection, beside the open store. A restore checks the whole backup
on a staged copy before anything is replaced and keeps the current store intact aside; in the app
the Workspace then holds the restored store, and whoever was signed in carries on where the restored
store knows them (the same account), so the window needs no new sign-in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rongcuo_desktop.domain.os_errors import os_reason
from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services.progress import QUIET, Progress, as_callbacks
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.backup import (
    BACKUPS_DIR_NAME,
    DEFAULT_KEEP,
    WRONG_BACKUP_PASSPHRASE,
    BackupCancelled,
    BackupManifest,
    DamageReport,
    KeyRecovery,
    RestoreResult,
    StoreFiles,
    auto_backup,
    check_store,
    create_backup,
    list_backups,
    newest_good_backup,
    read_manifest,
    recover_key_file,
    restore_backup,
    rotate_backups,
    unwrap_key_file,
    verify_backup_file,
)
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.errors import StoreError, WrongPassphrase
from rongcuo_desktop.store.locking import StoreLock

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_KEEP",
    "BackupCancelled",
    "BackupManifest",
    "DamageReport",
    "KeyRecovered",
    "RestoreResult",
    "Restored",
    "backup",
    "backup_at_close",
    "backups",
    "backups_folder",
    "check_integrity",
    "read_backup",
    "recover_key",
    "restore_after_damage",
    "restore_file",
    "restore_in_app",
]

#: Who acts in a store opened for a restore (the CLI: --as NAME with the PIN, else the key holder).
Acting = Callable[[Workspace], Credential]


@dataclass(frozen=True)
class Restored:
    result: RestoreResult
    note: str = ""  # said to the user when the restore could not be put in the audit trail


def backups_folder(data_dir: Path) -> Path:
    return data_dir / BACKUPS_DIR_NAME


def backups(folder: Path) -> list[BackupManifest]:
    """The backups in a folder, newest first (unreadable files left out)."""
    return list_backups(folder)


def read_backup(path: Path) -> BackupManifest:
    """A backup's manifest (when and by what it was made); BackupDamaged for a file that is not one."""
    return read_manifest(path)


def backup(ws: Workspace, by: Credential, to: Path | None = None, *, task: Progress = QUIET) -> Path:
    """A backup by `by` (秘书, 主任) into `to` (a USB stick) or the data folder's backups (rotated).
    SourceDamaged when the store fails its checks (no backup written, none rotated out)."""
    ws.store.guard.check(Action.BACKUP, by)
    progress, cancelled = as_callbacks(task)
    key = ws.store.key_box.get()
    folder = to or backups_folder(ws.data_dir)
    path = create_backup(
        StoreFiles.in_dir(ws.data_dir), key, folder, kind="manual", progress=progress, cancelled=cancelled
    )
    if to is None:
        rotate_backups(folder, key=key, newest_good=path)
    return path


def backup_at_close(ws: Workspace, *, keep: int = DEFAULT_KEEP, task: Progress = QUIET) -> Path:
    """The program's own backup as it closes (no person acts: it is part of closing). It runs to the
    end with progress, or stops on a cancel leaving nothing: the written file only gets its name
    once checked, and an unfinished one left by a killed close is removed by the next backup or
    start-up check (store.backup.remove_stale_parts)."""
    progress, cancelled = as_callbacks(task)
    files = StoreFiles.in_dir(ws.data_dir)
    return auto_backup(files, ws.store.key_box.get(), keep=keep, progress=progress, cancelled=cancelled)


def check_integrity(ws: Workspace, *, quick: bool = False) -> DamageReport:
    """The two integrity checks (`quick`: PRAGMA quick_check, for after the start-up's paint), reading
    only, on a connection of their own; on damage, the newest good backup to offer."""
    return check_store(StoreFiles.in_dir(ws.data_dir), ws.store.key_box.get(), quick=quick)


def _backup_key(path: Path, passphrase: str) -> tuple[BackupManifest, bytes]:
    """The backup's manifest and key; a wrong passphrase or a damaged file is refused before anything
    current is touched."""
    manifest = read_manifest(path)
    try:
        key = unwrap_key_file(manifest.key_file_bytes, passphrase)
    except WrongPassphrase:
        raise WrongPassphrase(WRONG_BACKUP_PASSPHRASE) from None
    verify_backup_file(manifest, key)
    return manifest, key


def restore_in_app(
    ws: Workspace, by: Credential, path: Path, passphrase: str | None, *, task: Progress = QUIET
) -> RestoreResult:
    """The 主任 replaces the open store with a backup. Refused before anything closes for another role,
    a wrong passphrase or a damaged file. `passphrase=None`: this store's own backup (the newest good
    one, offered when damage was found), opened with the store's key. Otherwise `ws` holds the
    restored store afterwards (or, when the staged checks refuse the backup, the current one again,
    unless it no longer opens: then `ws.is_open` is false) and `by` carries on where the restored
    store knows them. The restore goes into the restored store's audit trail."""
    from rongcuo_desktop.store.database import Store

    person = ws.store.guard.check(Action.RESTORE, by)
    key = ws.store.key_box.get()
    new_key = key if passphrase is None else _backup_key(path, passphrase)[1]
    data_dir = ws.data_dir
    _, cancelled = as_callbacks(task)
    ws.store.close()
    try:
        result = restore_backup(
            path,
            passphrase,
            StoreFiles.in_dir(data_dir),
            lambda _raw, _passphrase: new_key,  # unwrapped above: no second Argon2 derivation (~0.5 s)
            current_key=key,
            cancelled=cancelled,
            by=person,  # the restore records itself, as this person, before it is put in place
        )
    except BaseException:
        try:  # the current store is in place, untouched
            ws.replace_store(Store.open(data_dir, key))
        except Exception as reopen_error:  # the refusal is what the user needs to read
            log.warning("current store not reopened after a refused restore: %s", type(reopen_error).__name__)
        raise
    ws.replace_store(Store.open(data_dir, new_key))
    return result


def restore_after_damage(data_dir: Path, key: bytes, manifest: BackupManifest) -> RestoreResult:
    """At start-up the store did not open (damage) and the key is known: put the newest good backup of
    this same store in place. No person acts (nobody could sign in): the restore records itself as
    the program's, with a note that damage was found at start-up."""
    return restore_backup(
        manifest.path, None, StoreFiles.in_dir(data_dir), current_key=key, note="（启动时发现数据库损坏）"
    )


def newest_good(data_dir: Path, key: bytes) -> BackupManifest | None:
    """The newest backup of this store that passes every check (offered after damage is found)."""
    return newest_good_backup(backups_folder(data_dir), key)


def restore_file(
    data_dir: Path,
    path: Path,
    passphrase: str,
    acting: Acting,
    *,
    allow_other_store: bool = False,
    task: Progress = QUIET,
) -> Restored:
    """Restore from the command line (no app may hold the store meanwhile). Where the current store
    opens (credential store, or the backup's passphrase on its key file), the person `acting` gives
    there must be a 主任: refused before anything is replaced, and the restore is recorded as theirs.
    Where it does not open (damaged, missing, another passphrase), the restore goes ahead for whoever
    has the backup's passphrase (recovery must stay possible), recorded as the program's: nobody's
    PIN could be checked."""
    _manifest, new_key = _backup_key(path, passphrase)
    current = _open_current(data_dir, passphrase)
    person = None
    current_key: bytes | None = None
    if current is not None:
        try:
            person = current.store.guard.check(Action.RESTORE, acting(current))
            current_key = current.store.key_box.get()
        finally:
            current.close()
    data_dir.mkdir(parents=True, exist_ok=True)
    _, cancelled = as_callbacks(task)
    file_lock = StoreLock(data_dir)
    try:
        file_lock.acquire("rongcuo restore")  # no running app may hold the store while it is replaced
        result = restore_backup(
            path,
            passphrase,
            StoreFiles.in_dir(data_dir),
            lambda _raw, _passphrase: new_key,
            current_key=current_key,
            allow_other_store=allow_other_store,
            cancelled=cancelled,
            by=person,
        )
    except OSError as error:
        raise StoreError(
            f"无法锁定数据目录：{os_reason(error)}。没有恢复，当前数据库没有任何改动。"
        ) from error
    finally:
        file_lock.release()
    note = (
        "" if person is not None else "当前数据库没有打开，无法核对操作人：这次恢复在审计记录中记为程序所做。"
    )
    return Restored(result, note)


def _open_current(data_dir: Path, passphrase: str) -> Workspace | None:
    """The current store opened to ask who may restore; None where it cannot be opened."""
    from rongcuo_desktop.services import unlock

    try:
        return unlock.unlock_and_open(data_dir, lambda: passphrase)
    except StoreError as error:
        log.info("current store not opened before a restore: %s", type(error).__name__)
        return None


@dataclass(frozen=True)
class KeyRecovered:
    recovery: KeyRecovery
    note: str = ""  # said to the user when the recovery could not be put in the audit trail

    @property
    def key(self) -> bytes:
        return self.recovery.key


def recover_key(data_dir: Path, path: Path, passphrase: str) -> KeyRecovered:
    """A lost or damaged key file put back from a backup of this store with that backup's passphrase
    (`rongcuo restore --key-only`, and the start-up's 从备份找回密钥文件). Only the key file: the
    database, written to since the backup, stays as it is. Nobody can sign in while the key file is
    lost, so whoever holds the backup's passphrase may do it (as for a restore of a store that does
    not open); the store then records it as the program's. No running app may hold the store."""
    from rongcuo_desktop.store.database import Store

    file_lock = StoreLock(data_dir)
    try:
        file_lock.acquire("rongcuo restore --key-only")
        recovery = recover_key_file(path, passphrase, StoreFiles.in_dir(data_dir))
    except OSError as error:
        raise StoreError(
            f"无法锁定数据目录：{os_reason(error)}。没有找回，当前的数据库和密钥文件都没有改动。"
        ) from error
    finally:
        file_lock.release()
    try:
        with Store.open(data_dir, recovery.key) as store:
            store.record_key_recovery(recovery.summary)
    except StoreError as error:
        log.warning("key recovery not recorded in the audit trail: %s", type(error).__name__)
        return KeyRecovered(recovery, f"密钥文件已找回，但没能记入审计记录：{error}")
    return KeyRecovered(recovery)
