"""Unlock and open: THE one place that decides between the OS credential store and the recovery
passphrase, and turns every way an open can fail into a typed error (services.errors).

The decision, in order:
1. a key file that asks for the passphrase at each start, or a caller that brings a passphrase
   itself (`rongcuo --passphrase-file`), skips the credential store;
2. otherwise the credential store is asked (D-Bus on Linux: call it off the GUI thread);
3. where it has no key, the passphrase is asked (Argon2id, ~0.5 s: off the GUI thread too), after a
   quick check that no other running app holds the store (so nobody types a passphrase in vain).

For the GUI the steps are separate calls (probe -> first_look -> open, or key_from_passphrase ->
open) so each runs on the right thread; for the CLI `unlock_and_open` does them all. Nothing here
imports SQLAlchemy until `open`/`create` runs: the start-up's first look stays fast.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rongcuo_desktop.services.errors import disk_problem
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.case_list import CaseQuery
from rongcuo_desktop.store.errors import StoreError, StoreNotFound
from rongcuo_desktop.store.first_look import FirstLook
from rongcuo_desktop.store.first_look import first_look as _first_look
from rongcuo_desktop.store.keys import (
    MIN_PASSPHRASE_LENGTH,
    CredentialStoreStatus,
    KeyManager,
    passphrase_strength,
)
from rongcuo_desktop.store.locking import StoreLock

if TYPE_CHECKING:
    from rongcuo_desktop.store.credential import Credential

log = logging.getLogger(__name__)

# What opening a store imports, named here so that the window can import it ahead of time on its
# database thread while something slow runs (the user types, a key is derived) without naming the
# store's modules itself: the first look's reader first, then the store with SQLAlchemy.
FIRST_LOOK_MODULES = ("rongcuo_desktop.store.connection", "rongcuo_desktop.store.first_look")
OPEN_MODULES = ("rongcuo_desktop.store.database",)

__all__ = [
    "FIRST_LOOK_MODULES",
    "MIN_PASSPHRASE_LENGTH",
    "OPEN_MODULES",
    "CredentialStoreStatus",
    "FirstLook",
    "KeyProbe",
    "change_passphrase",
    "change_passphrase_in_app",
    "create",
    "credential_store_status",
    "first_look",
    "key_from_passphrase",
    "lock",
    "open_store",
    "passphrase_strength",
    "probe",
    "set_require_passphrase",
    "store_exists",
    "unlock_and_open",
    "unlock_key",
]


@dataclass(frozen=True)
class KeyProbe:
    """What the credential store gave: the key, or why the passphrase is needed."""

    key: bytes | None
    status: CredentialStoreStatus | None  # set when there is no key: is a credential store usable here?
    note: str | None  # a calm note when the key is not where the key file says it was put
    require_passphrase_each_start: bool = False


def store_exists(data_dir: Path) -> bool:
    """Any part of a store is in the folder (then nothing may ever be created there)."""
    return KeyManager(data_dir).store_exists()


def credential_store_status(data_dir: Path) -> CredentialStoreStatus:
    """Whether this PC has a credential store the key may be kept in (the setup dialog says so)."""
    return KeyManager(data_dir).credential_store_status()


def probe(data_dir: Path, *, refuse_in_use: bool = True) -> KeyProbe:
    """Step 2 of the decision (slow: the credential store may talk over D-Bus).

    With no key there, and `refuse_in_use`, raises StoreInUse now when another running app holds
    the store, rather than after the passphrase was typed.
    """
    keys = KeyManager(data_dir)
    if not keys.store_exists():
        raise StoreNotFound(f"数据目录中没有数据库：{data_dir}。")
    key = keys.key_from_credential_store()
    if key is not None:
        return KeyProbe(key, None, None)
    if refuse_in_use:
        _refuse_if_in_use(data_dir)
    return KeyProbe(
        None,
        keys.credential_store_status(),
        keys.backend_change_note(),
        keys.require_passphrase_each_start,
    )


def key_from_passphrase(data_dir: Path, passphrase: str) -> bytes:
    """Step 3 (slow: Argon2id). Raises WrongPassphrase (nothing changed) or KeyFileProblem."""
    return KeyManager(data_dir).unlock_with_passphrase(passphrase)


def unlock_key(
    data_dir: Path,
    passphrase: Callable[[], str] | None = None,
    *,
    prefer_passphrase: bool = False,
    note: Callable[[str], None] | None = None,
) -> bytes:
    """The whole decision in one call (CLI, scripts): the key, from the credential store or else from
    the passphrase that `passphrase()` supplies (asked only when needed). `prefer_passphrase`: the
    caller brought a passphrase and wants it used. `note` hears the calm explanation of a key
    missing from the credential store."""
    keys = KeyManager(data_dir)
    if not keys.store_exists():
        raise StoreNotFound(f"数据目录中没有数据库：{data_dir}。")
    keys.check_key_file()
    key = None if prefer_passphrase else keys.key_from_credential_store()
    if key is not None:
        return key
    if passphrase is None:
        raise StoreError("需要恢复口令才能打开这个数据库。")
    explanation = keys.backend_change_note()
    if explanation and note is not None:
        note(explanation)
    return keys.unlock_with_passphrase(passphrase())


def first_look(data_dir: Path, key: bytes, query: CaseQuery, limit: int) -> FirstLook | None:
    """The list's first page read with plain SQLCipher before SQLAlchemy is imported (store/first_look.py);
    None when the normal open must decide. The look holds the store lock: pass `look.lock` to
    `open_store(file_lock=...)`, or release it."""
    return _first_look(data_dir, key, query, limit)


def open_store(
    data_dir: Path,
    key: bytes,
    *,
    file_lock: StoreLock | None = None,
    failed_unlocks: int = 0,
    credential_store_usable: bool = False,
) -> Workspace:
    """Open the store with its key (never creates anything). Typed failures: StoreNotFound,
    NotOurDatabase (wrong key, foreign or damaged file), StoreTooNew, StoreInUse, DataDirNotWritable,
    StoreError (a failed pre-upgrade backup). `failed_unlocks`: wrong passphrases typed before this
    open, recorded in the audit trail now that it can be written."""
    from rongcuo_desktop.store.database import Store

    store = Store.open(data_dir, key, file_lock=file_lock)
    try:
        if failed_unlocks > 0:
            store.record_failed_unlocks(failed_unlocks)
    except StoreError as error:
        log.warning("failed unlocks not recorded: %s", type(error).__name__)
    keys = KeyManager(data_dir)
    keys.remember_key(key)
    return Workspace(store, keys, credential_store_usable=credential_store_usable)


def create(
    data_dir: Path,
    passphrase: str,
    *,
    require_passphrase_each_start: bool = False,
    kdf_target_seconds: float | None = None,
) -> tuple[Workspace, CredentialStoreStatus]:
    """First start: a new key wrapped under the passphrase, then a new empty store (slow: Argon2id).
    Refuses (StoreAlreadyExists) where any part of a store is; never touches an existing file."""
    from rongcuo_desktop.store.database import initialize_store

    store, status = initialize_store(
        data_dir,
        passphrase,
        require_passphrase_each_start=require_passphrase_each_start,
        kdf_target_seconds=kdf_target_seconds,
    )
    keys = KeyManager(data_dir)
    keys.remember_key(store.key_box.get())
    return Workspace(store, keys, credential_store_usable=status.usable), status


def unlock_and_open(
    data_dir: Path,
    passphrase: Callable[[], str] | None = None,
    *,
    prefer_passphrase: bool = False,
    note: Callable[[str], None] | None = None,
) -> Workspace:
    """`unlock_key` then `open_store` (the CLI's one call)."""
    key = unlock_key(data_dir, passphrase, prefer_passphrase=prefer_passphrase, note=note)
    return open_store(data_dir, key)


def lock(workspace: Workspace) -> None:
    """Auto-lock or Ctrl+L: close the store (its key wiped) and forget the key manager's copy."""
    workspace.keys.forget_key()
    workspace.close()


def change_passphrase(
    data_dir: Path,
    old: str,
    new: str,
    *,
    kdf_target_seconds: float | None = None,
) -> bytes:
    """Change the recovery passphrase AND the database key (issue 11, item 9): a checked pre-rekey
    backup first (the old passphrase opens it), then a new random key, `PRAGMA rekey`, the anchors
    re-made (store/rekey.py; a kill at any step leaves a store that opens with the old or the new
    passphrase). So the old passphrase with an older backup no longer opens the current database.
    Refuses with StoreInUse while an app holds the store; returns the new key."""
    from rongcuo_desktop.store.rekey import change_passphrase as rekey

    keys = KeyManager(data_dir)
    if not keys.store_exists():
        raise StoreNotFound(f"数据目录中没有数据库：{data_dir}。")
    try:
        return rekey(data_dir, old, new, kdf_target_seconds=kdf_target_seconds)
    except OSError as error:  # the lock, or writing the key file (a full disk)
        message = disk_problem(error, "无法锁定数据目录")
        raise StoreError(f"{message}口令没有更换，原有文件保持不变。") from error


def change_passphrase_in_app(
    workspace: Workspace, old: str, new: str, *, kdf_target_seconds: float | None = None
) -> None:
    """The same change from the running app (文件 → 修改口令…, on the database thread): the store is
    closed for it and reopened with the new key, the people signed in carrying on (as after a
    restore). A refusal (wrong old passphrase, too short, no backup possible) reopens the store as it
    was, with its key."""
    from rongcuo_desktop.store.database import Store

    data_dir, key = workspace.data_dir, workspace.store.key_box.get()
    workspace.store.close()
    try:
        new_key = change_passphrase(data_dir, old, new, kdf_target_seconds=kdf_target_seconds)
    except BaseException:
        workspace.replace_store(Store.open(data_dir, key))
        raise
    workspace.replace_store(Store.open(data_dir, new_key))


def set_require_passphrase(workspace: Workspace, by: Credential, value: bool) -> None:
    """每次启动都需要口令 (the 主任's): on takes the key out of the credential store, off puts it back."""
    from rongcuo_desktop.domain.roles import Action

    workspace.store.guard.check(Action.ACCOUNT_MANAGE, by)
    workspace.keys.set_require_passphrase_each_start(value)


def _refuse_if_in_use(data_dir: Path) -> None:
    """Raise StoreInUse (naming the holder) when another running app has this store open. Takes and
    drops the lock (~10 ms, stdlib only); a folder that cannot be written is left for the open."""
    file_lock = StoreLock(data_dir)
    try:
        file_lock.acquire()
    except OSError:
        return
    file_lock.release()
