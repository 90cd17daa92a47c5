"""Changing the recovery passphrase re-keys the database (issue 11, item 9).

Why: re-wrapping the key alone left the database key as it was, so the OLD passphrase together with an
older backup (whose key file it opens) still gave the key of the CURRENT database. Now a passphrase
change draws a new random database key and re-encrypts the database with it (``sqlcipher_export``
into a new file, renamed over the old one).

The order, so that a kill at any moment leaves a store that opens with the old or the new passphrase:
1. a verified backup first (``pre-rekey``; the old passphrase opens it);
2. the key file notes the change before the database changes: the new key wrapped under the new
   passphrase, and each key wrapped under the other (``rekey_pending``), beside the unchanged old
   wrapping;
3. the database re-encrypted under the new key into a new file (``sqlcipher_export``) and checked
   BEFORE step 2 (a refusal up to there changes no file), then renamed over the old one (all or
   nothing after a kill);
4. the key file takes the new wrapping and drops the note; the audit anchors (key file, config folder,
   credential store) are re-made under the new key, whose fingerprint they carry; the credential store
   gets the new key.
An unlock that finds the note (a change cut short) tries the database with both keys and finishes
whichever way the database went (keys.py, ``KeyManager._settle``): the re-keyed database gets step 4;
a database not yet re-keyed keeps its key, re-wrapped under the new passphrase when that is the one
typed (the change then completes without the re-key) or left under the old one.

The store must be closed (the store lock is taken here): the GUI and the CLI change the passphrase
with the store closed, as a restore does.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

from rongcuo_desktop.store.errors import StoreError
from rongcuo_desktop.store.integrity_words import describe_problems
from rongcuo_desktop.store.layout import BACKUPS_DIR_NAME, db_path, fsync_dir, os_reason

log = logging.getLogger(__name__)

_CROSS_INFO = b"rongcuo rekey cross-wrap v1"


def _cross_key(key: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_CROSS_INFO).derive(bytes(key))


def cross_wrap(under: bytes, key: bytes, store_id: str) -> str:
    """`key` encrypted under a key derived from `under` (AES-256-GCM, the store id as associated data)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    return base64.b64encode(nonce + AESGCM(_cross_key(under)).encrypt(nonce, key, store_id.encode())).decode()


def cross_unwrap(under: bytes, blob: str, store_id: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        raw = base64.b64decode(blob, validate=True)
        return AESGCM(_cross_key(under)).decrypt(raw[:12], raw[12:], store_id.encode())
    except (InvalidTag, ValueError):
        return None


def database_key(data_dir: Path, *candidates: bytes) -> bytes | None:
    """Which of the keys the database opens with now (read-only: nothing is written), or None."""
    import sqlcipher3

    from rongcuo_desktop.store.backup import connect_raw

    for key in candidates:
        try:
            conn = connect_raw(db_path(data_dir), key, readonly=True)
        except sqlcipher3.DatabaseError:
            continue
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return key
        except sqlcipher3.DatabaseError:
            continue
        finally:
            conn.close()
    return None


def change_passphrase(
    data_dir: Path, old: str, new: str, *, kdf_target_seconds: float | None = None
) -> bytes:
    """Re-key the database under a new random key wrapped by `new`; returns the new key. Raises
    WrongPassphrase (nothing changed), PassphraseTooShort, StoreInUse, BackupError (no backup: nothing
    changed) or StoreError."""
    from rongcuo_desktop.store.backup import BackupError, StoreFiles, create_backup
    from rongcuo_desktop.store.keys import (
        KDF_TARGET_SECONDS,
        MIN_PASSPHRASE_LENGTH,
        KeyManager,
        PassphraseTooShort,
        _unwrap,
    )
    from rongcuo_desktop.store.locking import StoreLock
    from rongcuo_desktop.store.wal_guard import pending_journal

    manager = KeyManager(data_dir, kdf_target_seconds=kdf_target_seconds or KDF_TARGET_SECONDS)
    lock = StoreLock(data_dir)
    lock.acquire("更换恢复口令")
    try:
        if pending_journal(data_dir):
            raise StoreError(
                "数据库旁边有上次没有正常关闭时留下的日志文件，还没有合并。口令没有更换，任何文件都没有改动。"
                "请先用本程序打开一次这个库（打开时会安全地合并），再更换口令。"
            )
        record = manager.read_record()
        if record.rekey_pending is not None:
            raise StoreError("上一次更换口令没有完成：请先用口令解锁一次（程序会把它完成），再更换口令。")
        old_key = _unwrap(record, old)
        if len(new) < MIN_PASSPHRASE_LENGTH:
            raise PassphraseTooShort()
        unchanged = "口令没有更换，原有文件保持不变。"
        try:
            backup = create_backup(
                StoreFiles.in_dir(data_dir), old_key, data_dir / BACKUPS_DIR_NAME, kind="pre-rekey"
            )
        except BackupError as error:
            raise StoreError(f"更换口令前要先做一份备份，但没有做成：{error}{unchanged}") from error
        new_key = secrets.token_bytes(32)
        try:
            # The new file first, then the note in the key file: a refusal up to here (a full disk)
            # leaves every file as it was (the backup made for this change goes too).
            rekeyed = _export(data_dir, old_key, new_key)
            try:
                manager.note_rekey(old_key, new_key, new)
            except BaseException:
                with contextlib.suppress(OSError):
                    rekeyed.unlink()
                raise
        except (StoreError, OSError) as error:
            with contextlib.suppress(OSError):
                backup.unlink()
            if isinstance(error, StoreError):
                raise
            raise StoreError(f"无法写入（{os_reason(error)}）。{unchanged}") from error
        _rekey_database(data_dir, rekeyed, new_key)
        finish_rekey(data_dir, old_key, new_key)
    finally:
        lock.release()
    log.info("recovery passphrase changed; database re-keyed")
    return new_key


def _export(data_dir: Path, old_key: bytes, new_key: bytes) -> Path:
    """The database re-encrypted under `new_key` into a new hidden file beside it (".rongcuo.db.*.tmp",
    owner only), checked; the database itself is only read. Why not PRAGMA rekey in place: in WAL mode
    a kill during it or during the checkpoint after it left the main file half under the old key, half
    under the new, with the WAL holding the rest; the next open's merge then failed its checks (page
    1's HMAC) and the store did not open. A copy killed before it is put in place is removed by the
    next open (layout.remove_stale_leftovers)."""
    import sqlcipher3

    from rongcuo_desktop.store.backup import connect_raw, database_problems

    database = db_path(data_dir)
    fd, tmp_name = tempfile.mkstemp(dir=data_dir, prefix=f".{database.name}.", suffix=".tmp")  # 0600
    os.close(fd)
    tmp = Path(tmp_name)
    unchanged = "口令没有更换，原有文件保持不变。"
    try:
        conn = connect_raw(database, old_key)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every committed page in the main file
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            quoted = str(tmp).replace("'", "''")
            conn.execute(f"ATTACH DATABASE '{quoted}' AS rekeyed KEY \"x'{bytes(new_key).hex()}'\"")
            conn.execute("SELECT sqlcipher_export('rekeyed')")
            conn.execute(f"PRAGMA rekeyed.user_version = {version}")
            conn.execute("DETACH DATABASE rekeyed")
        finally:
            conn.close()
        wal = database.with_name(database.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:  # never beside the new file: it would be replayed
            raise StoreError(f"数据库的日志没能合并。{unchanged}请关闭其他程序后重试。")
        with tmp.open("rb+") as written:
            os.fsync(written.fileno())
        problems = database_problems(tmp, new_key)
        if problems:
            said = describe_problems(problems)
            raise StoreError(f"用新密钥写出的数据库没有通过完整性检查（{said}）。{unchanged}")
    except sqlcipher3.DatabaseError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(f"重新加密数据库时出错（{os_reason(error)}）。{unchanged}") from error
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def _rekey_database(data_dir: Path, rekeyed: Path, new_key: bytes) -> None:
    """The re-encrypted copy takes the database's name (one atomic rename): before it the database
    is under the old key, after it whole under the new one (the key file's note covers both)."""
    os.replace(rekeyed, db_path(data_dir))
    fsync_dir(data_dir)
    if database_key(data_dir, new_key) is None:
        raise StoreError(
            "重新加密后的数据库无法用新密钥打开；更换前的备份在备份文件夹（pre-rekey），"
            "下次用口令解锁时程序会核对并完成或撤销这次更换。"
        )


def finish_rekey(data_dir: Path, old_key: bytes, new_key: bytes) -> None:
    """Step 4: the key file takes the new wrapping with its anchor re-made under the new key (one
    atomic write), then the config folder's and the credential store's anchors and the credential
    store's key follow. The key file keeps the old key's fingerprint, so an outside anchor a kill left
    under the old key reads as superseded, not as a rollback (audit.AnchorKeeper)."""
    from rongcuo_desktop.store.audit import AnchorKeeper
    from rongcuo_desktop.store.audit_chain import Anchor, anchor_authentic, anchor_key, make_anchor
    from rongcuo_desktop.store.keys import KeyManager

    manager = KeyManager(data_dir)
    anchor_raw: Any = manager.read_audit_anchor()
    anchor = Anchor.from_json(anchor_raw) if anchor_raw else None
    moved = None
    if anchor is not None and anchor_authentic(anchor_key(bytes(old_key)), anchor):
        moved = make_anchor(anchor_key(bytes(new_key)), anchor.length, anchor.head).to_json()
    manager.adopt_rekey(old_key, new_key, moved)
    if moved is not None:
        AnchorKeeper(data_dir, new_key).write(int(moved["length"]), str(moved["head"]), credential_store=True)
