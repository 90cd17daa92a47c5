"""The database key: random, wrapped under the recovery passphrase, optionally kept by the OS.

Why this shape: the database uses a random 256-bit raw SQLCipher key (opening costs ~0.3 ms
instead of a KDF run each time). The key is ALWAYS wrapped under the recovery passphrase with
Argon2id + AES-256-GCM in a small JSON key file beside the database, so the data survive a lost
credential store or a move to a new PC. Where a secure OS credential store works, the raw key is
also kept there so the app opens without a prompt. Which backend holds it is recorded, so a
changed backend is explained to the user instead of being reported as damage.

Nothing here ever deletes or recreates a store: every failure raises and leaves the files alone.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import importlib
import json
import logging
import math
import secrets
import threading
import time
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# argon2 and cryptography are imported where a passphrase is used (not on the start path when the
# key comes from the credential store); keyring and secretstorage where a backend is asked.
from rongcuo_desktop.domain.structured import parse_json, read_limited
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.store.errors import (
    DataDirNotWritable,
    KeyFileProblem,
    StoreAlreadyExists,
    StoreError,
    WrongPassphrase,
)
from rongcuo_desktop.store.layout import (
    atomic_write,
    db_path,
    ensure_writable_dir,
    existing_store_files,
    key_path,
    os_reason,
)

log = logging.getLogger(__name__)

KEY_BYTES = 32
SERVICE_NAME = "rongcuo-desktop"
KEY_FILE_FORMAT = "rongcuo-wrapped-key"
KEY_FILE_MAX_BYTES = 64 * 1024  # a key file is about 1 KB; the anchors and notes add a few hundred bytes
KEY_FILE_VERSION = 1
MIN_PASSPHRASE_LENGTH = 8

# Argon2id: memory fixed at 128 MiB (fits a 4 GB office PC), time cost calibrated at create to
# reach the target duration on this machine (~0.5 s here: t=4, m=128 MiB, p=2).
KDF_MEMORY_KIB = 128 * 1024
KDF_PARALLELISM = 2
KDF_TARGET_SECONDS = 0.5
# The floor of the calibration, whatever the load: at least 3 passes over the memory. RFC 9106's
# second recommended option for memory-constrained use is t=3 at 64 MiB; ours is 128 MiB, so a guess
# costs at least that even when a busy PC made the probes slow (the calibration under load once chose
# about 0.1 s per guess, t=1).
KDF_MIN_TIME_COST = 3
# The documented limits on reading a key file (README, 密钥文件): a file outside them is damaged or
# altered, and is refused before any key derivation (raised to the old maxima, every unlock took
# 153 s and 4.25 GB before "wrong passphrase"). The worst file inside them costs 32 passes over
# 128 MiB, or fewer over at most 512 MiB: about 3 s here.
KDF_MAX_MEMORY_KIB = 512 * 1024
KDF_MAX_TIME_COST = 32
KDF_MAX_PASSES_KIB = 32 * 128 * 1024  # time_cost x memory_kib
KDF_MAX_PARALLELISM = 8

# Backends we trust with the key: real OS credential stores. Anything else (keyrings.alt's
# plaintext / weakly encrypted files, fail, null, an empty chainer) is refused.
SECURE_BACKENDS: dict[str, str] = {
    "keyring.backends.SecretService.Keyring": "Secret Service（GNOME 密钥环等）",
    "keyring.backends.libsecret.Keyring": "Secret Service（libsecret）",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet 4",
    "keyring.backends.Windows.WinVaultKeyring": "Windows 凭据管理器",
    "keyring.backends.macOS.Keyring": "macOS 钥匙串",
}
_KEY_CHECK_LABEL = b"rongcuo key check v1"
# Every read-modify-write of a key file in this process holds this lock. The app rewrites the key
# file from two threads: the database worker moves the audit anchor after each save, a slow-work
# thread re-wraps the key when the passphrase is changed. Unlocked, one could write back the record
# it read before the other's write: a changed passphrase silently undone, or an anchor moved back.
# (Other processes are kept out by the store lock: see `rongcuo passphrase change`.)
_RECORD_LOCK = threading.RLock()


@dataclass(frozen=True)
class CredentialStoreStatus:
    usable: bool  # a secure OS credential store backend is available
    backend: str | None  # e.g. "keyring.backends.SecretService.Keyring"
    explanation: str  # Chinese, calm: why the passphrase is needed (shown once)


@dataclass(frozen=True)
class KdfParams:
    time_cost: int
    memory_kib: int
    parallelism: int
    salt: bytes

    def derive(self, passphrase: str) -> bytes:
        from argon2.low_level import Type, hash_secret_raw

        return hash_secret_raw(
            secret=_passphrase_bytes(passphrase),
            salt=self.salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_kib,
            parallelism=self.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": "argon2id",
            "version": 19,
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
            "salt": _b64(self.salt),
        }


def calibrate_kdf(target_seconds: float = KDF_TARGET_SECONDS) -> KdfParams:
    """Pick the Argon2id time cost that takes about target_seconds here.

    Two probes (t=1, t=2) separate the fixed cost of filling 128 MiB from the cost per pass;
    one probe alone overestimates a pass and lands well under the target.
    """
    salt = secrets.token_bytes(16)
    durations = []
    for passes in (1, 2):
        started = time.perf_counter()
        KdfParams(passes, KDF_MEMORY_KIB, KDF_PARALLELISM, salt).derive("calibration probe")
        durations.append(time.perf_counter() - started)
    per_pass = max(durations[1] - durations[0], durations[1] / 4, 1e-3)
    fixed = max(durations[0] - per_pass, 0.0)
    time_cost = max(KDF_MIN_TIME_COST, min(KDF_MAX_TIME_COST, round((target_seconds - fixed) / per_pass)))
    log.info("Argon2id calibrated: t=%d m=%d KiB (pass %.3f s)", time_cost, KDF_MEMORY_KIB, per_pass)
    return KdfParams(time_cost, KDF_MEMORY_KIB, KDF_PARALLELISM, salt)


@dataclass(frozen=True)
class _KeyFile:
    """The parsed key file. Only the wrapped key is secret-protected; the checksum tells damage
    or a hand edit apart from a wrong passphrase (both make AES-GCM fail)."""

    store_id: str
    kdf: KdfParams
    nonce: bytes
    wrapped_key: bytes
    key_check: bytes
    credential_backend: str | None
    require_passphrase_each_start: bool
    created_at: str
    # The audit chain's head (length, hash, HMAC under a key derived from the database key):
    # an older database put back shows up as a chain shorter than this (store/audit.py).
    audit_anchor: dict[str, Any] | None = None
    # Written by a restore the app made (store/backup.py): the anchors outside the data folder as they
    # were just before it, which the restored chain supersedes (HMAC'd like the anchor). Lets the open
    # finish the move of those anchors if the restore was cut short between its two steps.
    restored_over: dict[str, Any] | None = None
    # A passphrase change in progress (store/rekey.py): the new wrapping and each key under the other.
    rekey_pending: dict[str, Any] | None = None
    # The fingerprint (audit_chain.key_fingerprint) of the key before the last re-key: an outside
    # anchor still made under it was left behind by a change cut short, not put there by a rollback.
    previous_key_fingerprint: str | None = None

    def to_bytes(self) -> bytes:
        body = self._body()
        body["checksum"] = _checksum(body)
        return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def _body(self) -> dict[str, Any]:
        return (
            {
                "format": KEY_FILE_FORMAT,
                "version": KEY_FILE_VERSION,
                "store_id": self.store_id,
                "created_at": self.created_at,
                "kdf": self.kdf.to_json(),
                "cipher": "aes-256-gcm",
                "nonce": _b64(self.nonce),
                "wrapped_key": _b64(self.wrapped_key),
                "key_check": _b64(self.key_check),
                "credential_store": {"service": SERVICE_NAME, "backend": self.credential_backend},
                "require_passphrase_each_start": self.require_passphrase_each_start,
            }
            | ({"audit_anchor": self.audit_anchor} if self.audit_anchor is not None else {})
            | ({"restored_over": self.restored_over} if self.restored_over is not None else {})
            | ({"rekey_pending": self.rekey_pending} if self.rekey_pending is not None else {})
            | (
                {"previous_key_fingerprint": self.previous_key_fingerprint}
                if self.previous_key_fingerprint is not None
                else {}
            )
        )

    @classmethod
    def from_bytes(cls, raw: bytes) -> _KeyFile:
        try:
            # The one safe reader of outside files: no duplicate keys, no deep nesting, finite numbers.
            body = parse_json(raw, "密钥文件")
            if not isinstance(body, dict) or body.get("format") != KEY_FILE_FORMAT:
                raise ValueError("not a rongcuo key file")
            if body.get("version") != KEY_FILE_VERSION:
                raise ValueError(f"key file version {body.get('version')}")
            checksum = body.pop("checksum")
            if not hmac.compare_digest(str(checksum), _checksum(body)):
                raise ValueError("checksum mismatch")
            kdf = body["kdf"]
            if kdf["algorithm"] != "argon2id":
                raise ValueError("unknown kdf")
            params = KdfParams(
                time_cost=int(kdf["time_cost"]),
                memory_kib=int(kdf["memory_kib"]),
                parallelism=int(kdf["parallelism"]),
                salt=_unb64(kdf["salt"]),
            )
            if not (
                1 <= params.time_cost <= KDF_MAX_TIME_COST
                and 8 * params.parallelism <= params.memory_kib <= KDF_MAX_MEMORY_KIB
                and params.time_cost * params.memory_kib <= KDF_MAX_PASSES_KIB
                and 1 <= params.parallelism <= KDF_MAX_PARALLELISM
                and 16 <= len(params.salt) <= 64
            ):
                raise _OutOfBounds(params)
            backend = body["credential_store"]["backend"]
            parsed = cls(
                store_id=str(uuid.UUID(body["store_id"])),
                kdf=params,
                nonce=_unb64(body["nonce"]),
                wrapped_key=_unb64(body["wrapped_key"]),
                key_check=_unb64(body["key_check"]),
                credential_backend=str(backend) if backend else None,
                require_passphrase_each_start=bool(body["require_passphrase_each_start"]),
                created_at=str(body["created_at"]),
                audit_anchor=body["audit_anchor"] if isinstance(body.get("audit_anchor"), dict) else None,
                restored_over=body["restored_over"] if isinstance(body.get("restored_over"), dict) else None,
                rekey_pending=body["rekey_pending"] if isinstance(body.get("rekey_pending"), dict) else None,
                previous_key_fingerprint=str(body["previous_key_fingerprint"])
                if body.get("previous_key_fingerprint")
                else None,
            )
            if len(parsed.nonce) != 12 or len(parsed.wrapped_key) != KEY_BYTES + 16:
                raise ValueError("wrong sizes")
            return parsed
        except _OutOfBounds as error:
            kdf = error.params
            log.warning("key file rejected: kdf parameters out of bounds")
            raise KeyFileProblem(
                f"密钥文件中的密钥派生参数超出了本程序允许的范围（{kdf.time_cost} 轮、"
                f"{kdf.memory_kib // 1024} MiB 内存、{kdf.parallelism} 线程；"
                f"允许至多 {KDF_MAX_TIME_COST} 轮、{KDF_MAX_MEMORY_KIB // 1024} MiB）："
                "这个文件已损坏或被改动。为免长时间占用内存和处理器，"
                "程序没有用它尝试口令；数据库文件没有被打开，也没有被改动。"
                "请用“从备份找回密钥文件”（命令行：rongcuo restore --key-only 备份文件）放回，"
                "或用“从备份恢复”，不要新建数据库。"
            ) from None
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error) as error:
            log.warning("key file rejected: %s", error)
            raise KeyFileProblem(
                "密钥文件（rongcuo-key.json）已损坏或被改动，无法读取。数据库文件没有被打开，也没有被改动。"
                "请用“从备份找回密钥文件”（命令行：rongcuo restore --key-only 备份文件）放回，"
                "或用“从备份恢复”，不要新建数据库。"
            ) from error


def read_key_file(path: Path) -> bytes:
    """A key file's bytes through the safe reader: a regular file of at most KEY_FILE_MAX_BYTES (a
    device or a huge file put in its place is refused at once, never read to the end)."""
    try:
        return read_limited(path, "密钥文件", KEY_FILE_MAX_BYTES)
    except ValidationError as error:
        raise KeyFileProblem(
            f"无法读取密钥文件（{error}）。程序没有改动任何文件。请检查数据目录和密钥文件"
            "（例如文件夹是否只读、U盘是否写保护、是否被别的程序占用、是否被换成了别的文件）后重试；"
            "密钥文件确实损坏时，请用“从备份找回密钥文件”。"
        ) from None


class _OutOfBounds(ValueError):
    def __init__(self, params: KdfParams) -> None:
        super().__init__("kdf parameters out of bounds")
        self.params = params


class KeyFileChanged(WrongPassphrase):
    """AES-GCM failed on a key file that is not the one this PC recorded: the passphrase was changed
    or the file restored elsewhere, or the file was altered. Both look the same to AES-GCM; what can
    be told apart (the file changed since this PC last used it) is said."""


def wrapping_fingerprint(record: _KeyFile) -> str:
    """SHA-256 of what wraps the key (store id, KDF settings and salt, nonce, ciphertext, key check):
    recorded outside the data folder, it tells a wrong passphrase from a changed key file."""
    body = {
        "store_id": record.store_id,
        "kdf": record.kdf.to_json(),
        "nonce": _b64(record.nonce),
        "wrapped_key": _b64(record.wrapped_key),
        "key_check": _b64(record.key_check),
    }
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("ascii")).hexdigest()


def _record_fingerprint(record: _KeyFile) -> None:
    from rongcuo_desktop.store.audit_anchors import KeyFileRecord

    KeyFileRecord(record.store_id).write(wrapping_fingerprint(record))


def remember_key_file(raw: bytes) -> None:
    """This key file is now the store's (a restore or a recovery put it in place): remember it."""
    with contextlib.suppress(KeyFileProblem):
        _record_fingerprint(_KeyFile.from_bytes(raw))


class KeyManager:
    """Creates, unlocks and re-wraps the key of the store in data_dir."""

    def __init__(self, data_dir: Path, *, kdf_target_seconds: float = KDF_TARGET_SECONDS) -> None:
        self.data_dir = Path(data_dir)
        self._kdf_target_seconds = kdf_target_seconds
        self._last_key: bytes | None = None
        self._credential_entry_missing = False
        self._anchor_just_read: dict[str, Any] | None = None

    # ----- state -----------------------------------------------------------------------------

    @property
    def key_file(self) -> Path:
        return key_path(self.data_dir)

    def store_exists(self) -> bool:
        """A database or key file (or a side file of one) is present: never create here."""
        return bool(existing_store_files(self.data_dir))

    def check_key_file(self) -> None:
        """Raise KeyFileProblem when the key file is missing or altered (for an early, clear message)."""
        self._read()

    @property
    def store_id(self) -> str:
        return self._read().store_id

    @property
    def require_passphrase_each_start(self) -> bool:
        try:
            return self._read().require_passphrase_each_start
        except KeyFileProblem:
            return False

    def credential_store_status(self) -> CredentialStoreStatus:
        backend, weak = _secure_backend()
        if backend is not None:
            name = _qualname(backend)
            return CredentialStoreStatus(
                True,
                name,
                f"数据库密钥除了由恢复口令保护，还保存在本机的{_friendly(name)}中，启动时无需输入口令。",
            )
        if weak:
            return CredentialStoreStatus(
                False,
                None,
                f"这台电脑只有不够安全的凭据后端（{', '.join(weak)}），它会把密钥以明文或弱加密保存，"
                "本程序不使用它。因此每次启动都需要输入恢复口令，数据依然加密保存。",
            )
        return CredentialStoreStatus(
            False,
            None,
            "这台电脑没有可用的系统凭据库（如 Windows 凭据管理器、macOS 钥匙串或 Secret Service），"
            "这在离线办公电脑上很常见。因此每次启动都需要输入恢复口令，数据依然加密保存。",
        )

    # ----- create / unlock -------------------------------------------------------------------

    def create(self, passphrase: str, *, require_passphrase_each_start: bool = False) -> bytes:
        """Make a new random key and wrap it (slow: Argon2id ~0.5 s). Returns the 32-byte key."""
        if self.store_exists():
            raise StoreAlreadyExists(
                f"数据目录中已经有一个数据库：{self.data_dir}。为保护已有数据，程序不会覆盖它。"
            )
        if len(passphrase) < MIN_PASSPHRASE_LENGTH:
            raise PassphraseTooShort()
        ensure_writable_dir(self.data_dir)
        key = secrets.token_bytes(KEY_BYTES)
        store_id = str(uuid.uuid4())
        kdf = calibrate_kdf(self._kdf_target_seconds)
        nonce, wrapped = _wrap(key, passphrase, kdf, store_id)
        backend_name = None
        if not require_passphrase_each_start:
            backend_name = self._put_in_credential_store(store_id, key)
        record = _KeyFile(
            store_id=store_id,
            kdf=kdf,
            nonce=nonce,
            wrapped_key=wrapped,
            key_check=_key_check(key, store_id),
            credential_backend=backend_name,
            require_passphrase_each_start=require_passphrase_each_start,
            created_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        )
        self._write(record)
        _record_fingerprint(record)
        self._last_key = key
        log.info("store key created (credential store: %s)", backend_name or "none")
        return key

    def key_from_credential_store(self) -> bytes | None:
        """The key from the OS credential store, fast; None when not there or not allowed."""
        self._credential_entry_missing = False
        try:
            record = self._read()
        except KeyFileProblem:
            return None  # unlock_with_passphrase / check_key_file report it clearly
        if record.require_passphrase_each_start or record.credential_backend is None:
            return None
        # Only the backend the key file names is asked: on the start path no other backend is
        # imported or probed. Where it is gone, backend_change_note explains the change.
        try:
            stored = _get_password(record.credential_backend, record.store_id)
        except _BackendUnavailable:
            return None
        except Exception as error:  # a locked or broken keyring must not stop the passphrase path
            log.warning("credential store read failed: %s", type(error).__name__)
            return None
        if stored is None:
            self._credential_entry_missing = True
            log.warning("credential store has no entry for this store")
            return None
        try:
            key = base64.b64decode(stored, validate=True)
        except (binascii.Error, ValueError):
            key = b""
        if len(key) != KEY_BYTES or not hmac.compare_digest(
            _key_check(key, record.store_id), record.key_check
        ):
            log.warning("credential store entry does not match the key file; ignored")
            self._credential_entry_missing = True
            return None
        if record.rekey_pending is not None:
            from rongcuo_desktop.store.rekey import cross_unwrap

            other = cross_unwrap(key, str(record.rekey_pending.get("new_under_old", "")), record.store_id)
            if other is None:
                return None
            key = self._settle(key, other, typed_new=None)
        self._last_key = key
        return key

    def unlock_with_passphrase(self, passphrase: str) -> bytes:
        """Unwrap the key (slow). Raises WrongPassphrase; on a wrong passphrase nothing changes."""
        record = self._read()
        if record.rekey_pending is not None:
            return self._unlock_during_rekey(record, passphrase)
        key = _unwrap(record, passphrase)
        _record_fingerprint(record)  # the key file this PC now knows to be sound
        self._last_key = key
        if not record.require_passphrase_each_start:
            self._rehome_in_credential_store(record, key)
        return key

    def remember_key(self, key: bytes) -> None:
        """The key proved by opening the store (services.unlock.open_store): kept like an unlock's, so
        turning 每次启动都需要口令 off can put it back into the credential store."""
        self._last_key = bytes(key)

    # ----- a passphrase change that re-keys the database (store/rekey.py) ----------------------

    def read_record(self) -> _KeyFile:
        return self._read()

    def note_rekey(self, old_key: bytes, new_key: bytes, new_passphrase: str) -> None:
        """Step 2: the new key wrapped under the new passphrase, and each key under the other, noted
        in the key file beside the unchanged old wrapping (slow: Argon2id for the new passphrase)."""
        from rongcuo_desktop.store.rekey import cross_wrap

        record = self._read()
        kdf = calibrate_kdf(self._kdf_target_seconds)
        nonce, wrapped = _wrap(new_key, new_passphrase, kdf, record.store_id)
        pending = {
            "kdf": kdf.to_json(),
            "nonce": _b64(nonce),
            "wrapped_key": _b64(wrapped),
            "key_check": _b64(_key_check(new_key, record.store_id)),
            "new_under_old": cross_wrap(old_key, new_key, record.store_id),
            "old_under_new": cross_wrap(new_key, old_key, record.store_id),
        }

        def note(current: _KeyFile) -> _KeyFile:
            if current.wrapped_key != record.wrapped_key:
                raise KeyFileProblem("密钥文件在更换口令期间被另一处改动过，口令没有更换，请重试。")
            return _replace(current, rekey_pending=pending)

        self._update(note)

    def adopt_rekey(self, old_key: bytes, new_key: bytes, anchor: dict[str, Any] | None) -> None:
        """Step 4: the noted wrapping becomes the key file's, with the anchor re-made under the new key
        (one atomic write); then the credential store gets the new key."""
        from rongcuo_desktop.store.audit_chain import anchor_key, key_fingerprint

        def adopt(current: _KeyFile) -> _KeyFile:
            pending = current.rekey_pending
            if pending is None:
                return current
            kdf = pending["kdf"]
            return _replace(
                current,
                kdf=KdfParams(
                    int(kdf["time_cost"]),
                    int(kdf["memory_kib"]),
                    int(kdf["parallelism"]),
                    _unb64(kdf["salt"]),
                ),
                nonce=_unb64(pending["nonce"]),
                wrapped_key=_unb64(pending["wrapped_key"]),
                key_check=_unb64(pending["key_check"]),
                rekey_pending=None,
                audit_anchor=anchor if anchor is not None else current.audit_anchor,
                restored_over=None,
                previous_key_fingerprint=key_fingerprint(anchor_key(bytes(old_key))),
            )

        with _RECORD_LOCK:
            record = self._update(adopt)
            _record_fingerprint(record)
            if not record.require_passphrase_each_start and record.credential_backend is not None:
                name = self._put_in_credential_store(record.store_id, new_key)
                if name is None:
                    log.warning("credential store did not take the new key; the passphrase will be asked")
        self._last_key = new_key

    def _unlock_during_rekey(self, record: _KeyFile, passphrase: str) -> bytes:
        """A passphrase change was cut short: the old or the new passphrase gives both keys."""
        from rongcuo_desktop.store.rekey import cross_unwrap

        pending = record.rekey_pending
        assert pending is not None
        try:
            old_key = _unwrap(record, passphrase)
            new_key = cross_unwrap(old_key, str(pending.get("new_under_old", "")), record.store_id)
            typed_new = False
        except WrongPassphrase:
            noted = _replace(
                record,
                kdf=KdfParams(
                    int(pending["kdf"]["time_cost"]),
                    int(pending["kdf"]["memory_kib"]),
                    int(pending["kdf"]["parallelism"]),
                    _unb64(pending["kdf"]["salt"]),
                ),
                nonce=_unb64(pending["nonce"]),
                wrapped_key=_unb64(pending["wrapped_key"]),
                key_check=_unb64(pending["key_check"]),
            )
            new_key = _unwrap(noted, passphrase)
            old_key = cross_unwrap(new_key, str(pending.get("old_under_new", "")), record.store_id)  # type: ignore[assignment]
            typed_new = True
        if old_key is None or new_key is None:
            raise KeyFileProblem("密钥文件中未完成的口令更换记录不一致，它被改动过。请从备份中找回密钥文件。")
        key = self._settle(old_key, new_key, typed_new=typed_new, passphrase=passphrase)
        self._last_key = key
        return key

    def _settle(
        self, old_key: bytes, new_key: bytes, *, typed_new: bool | None, passphrase: str | None = None
    ) -> bytes:
        """Finish a passphrase change cut short, whichever way the database went; returns its key."""
        from rongcuo_desktop.store.rekey import database_key, finish_rekey

        found = database_key(self.data_dir, new_key, old_key)
        if found == new_key:
            finish_rekey(self.data_dir, old_key, new_key)
            log.info("an interrupted passphrase change was finished (database re-keyed)")
            return new_key
        if found is None:
            raise KeyFileProblem(
                "上一次更换口令没有完成，而数据库用旧密钥和新密钥都打不开。程序没有改动任何文件。"
                "请用更换口令之前的备份（备份文件夹中的 pre-rekey 备份）恢复。"
            )
        # The database was not re-keyed yet: it keeps its key.
        if typed_new and passphrase is not None:
            kdf = calibrate_kdf(self._kdf_target_seconds)
            nonce, wrapped = _wrap(old_key, passphrase, kdf, self._read().store_id)
            self._update(
                lambda current: _replace(
                    current, kdf=kdf, nonce=nonce, wrapped_key=wrapped, rekey_pending=None
                )
            )
            _record_fingerprint(self._read())
            log.warning("an interrupted passphrase change: the key was re-wrapped, the re-key not done")
        else:
            self._update(lambda current: _replace(current, rekey_pending=None))
            log.warning("an interrupted passphrase change was dropped: the database kept its key")
        return old_key

    def forget_key(self) -> None:
        """Drop the key remembered from the last unlock (auto-lock): the passphrase or the credential
        store is needed to have it again."""
        self._last_key = None

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the same key under a new passphrase; the database is not touched."""
        record = self._read()
        key = _unwrap(record, old)
        if len(new) < MIN_PASSPHRASE_LENGTH:
            raise PassphraseTooShort()
        kdf = calibrate_kdf(self._kdf_target_seconds)
        nonce, wrapped = _wrap(key, new, kdf, record.store_id)

        def rewrap(current: _KeyFile) -> _KeyFile:
            # The key derivation above took about a second: keep what changed meanwhile (the anchor).
            if current.store_id != record.store_id or current.wrapped_key != record.wrapped_key:
                raise KeyFileProblem("密钥文件在更换口令期间被另一处改动过，口令没有更换，请重试。")
            return _replace(current, kdf=kdf, nonce=nonce, wrapped_key=wrapped)

        _record_fingerprint(self._update(rewrap))
        self._last_key = key
        log.info("recovery passphrase changed (key re-wrapped)")

    def set_require_passphrase_each_start(self, value: bool) -> None:
        """每次启动都需要口令: on removes the key from the credential store; off puts it back."""
        with _RECORD_LOCK:
            self._set_require_passphrase_each_start(value)

    def _set_require_passphrase_each_start(self, value: bool) -> None:
        record = self._read()
        if value:
            if record.credential_backend is not None:
                backend, _ = _secure_backend()
                if backend is not None and _qualname(backend) == record.credential_backend:
                    try:
                        backend.delete_password(SERVICE_NAME, record.store_id)
                    except Exception as error:
                        log.warning("credential store delete failed: %s", type(error).__name__)
            self._write(_replace(record, require_passphrase_each_start=True, credential_backend=None))
            return
        updated = _replace(record, require_passphrase_each_start=False)
        if self._last_key is not None:
            name = self._put_in_credential_store(record.store_id, self._last_key)
            updated = _replace(updated, credential_backend=name)
        self._write(updated)

    def backend_change_note(self) -> str | None:
        """A calm Chinese note when the key is not where the key file says it was put."""
        try:
            record = self._read()
        except KeyFileProblem:
            return None
        if record.require_passphrase_each_start or record.credential_backend is None:
            return None
        backend, _ = _secure_backend()
        now = _qualname(backend) if backend is not None else None
        before = _friendly(record.credential_backend)
        if now != record.credential_backend:
            where = f"现在使用的是{_friendly(now)}" if now else "现在这台电脑没有可用的系统凭据库"
            return (
                f"数据库密钥原先保存在{before}中，{where}。这通常是换了电脑、重装了系统或更改了设置造成的，"
                "数据并没有损坏：输入恢复口令即可正常打开。"
                + ("之后密钥会保存到新的凭据库中。" if now else "")
            )
        if self._credential_entry_missing:
            return (
                f"在{before}中没有找到本数据库的密钥（可能被清理过）。数据并没有损坏："
                "输入恢复口令即可正常打开，之后密钥会重新保存。"
            )
        return None

    # ----- the audit anchor (issue 4: rollback detection) ---------------------------------------

    def read_audit_anchor(self) -> dict[str, Any] | None:
        try:
            return self._read().audit_anchor
        except KeyFileProblem:
            return None

    def write_audit_anchor(self, anchor: dict[str, Any], *, settled: bool = False) -> None:
        """Move the anchor in the key file; `settled`: the anchors outside agree again, so a restore's
        note of what it superseded (restored_over) is dropped."""

        def change(record: _KeyFile) -> _KeyFile:
            restored = None if settled else record.restored_over
            if record.audit_anchor == anchor and record.restored_over == restored:
                return record
            return _replace(record, audit_anchor=dict(anchor), restored_over=restored)

        self._update(change)

    def read_previous_key_fingerprint(self) -> str | None:
        try:
            return self._read().previous_key_fingerprint
        except KeyFileProblem:
            return None

    def read_restored_over(self) -> dict[str, Any] | None:
        try:
            return self._read().restored_over
        except KeyFileProblem:
            return None

    def read_audit_anchor_from_credential_store(self) -> dict[str, Any] | None:
        record = self._anchor_record()
        if record is None or record.credential_backend is None:
            return None
        try:
            stored = _get_password(record.credential_backend, f"{record.store_id}:audit-anchor")
            value = json.loads(stored) if stored else None
        except _BackendUnavailable:
            return None
        except Exception as error:
            log.warning("credential store anchor read failed: %s", type(error).__name__)
            return None
        anchor = value if isinstance(value, dict) else None
        self._anchor_just_read = anchor
        return anchor

    def write_audit_anchor_to_credential_store(self, anchor: dict[str, Any]) -> None:
        # The check at open reads the anchor, then writes the head it verified: when that is what
        # it has just read (nothing recorded since the last close), the write would change nothing.
        # Skipping it saves a Secret Service round trip with a key exchange at every start.
        just_read, self._anchor_just_read = self._anchor_just_read, None
        if just_read is not None and just_read == anchor:
            return
        record = self._anchor_record()
        if record is None or record.credential_backend is None:
            return
        backend = _recorded_backend(record.credential_backend)
        if backend is None:
            return
        try:
            backend.set_password(SERVICE_NAME, f"{record.store_id}:audit-anchor", json.dumps(anchor))
        except Exception as error:
            log.warning("credential store anchor write failed: %s", type(error).__name__)

    def _anchor_record(self) -> _KeyFile | None:
        """The key file, when a credential store holds this store's key and is in use."""
        try:
            record = self._read()
        except KeyFileProblem:
            return None
        if record.require_passphrase_each_start or record.credential_backend is None:
            return None
        return record

    # ----- internals -------------------------------------------------------------------------

    def _read(self) -> _KeyFile:
        if not self.key_file.exists() and not self.key_file.is_symlink():
            if db_path(self.data_dir).exists():
                raise KeyFileProblem(
                    f"找不到密钥文件（{self.key_file.name}），数据库无法解锁。数据库文件没有任何改动。"
                    "请用“从备份找回密钥文件”（命令行：rongcuo restore --key-only 备份文件）放回；"
                    "不要新建数据库，以免覆盖原有数据。"
                )
            raise KeyFileProblem(f"数据目录中没有数据库：{self.data_dir}。")
        return _KeyFile.from_bytes(read_key_file(self.key_file))

    def _update(self, change: Callable[[_KeyFile], _KeyFile]) -> _KeyFile:
        """Read, change and write the key file as one step for every thread of this process."""
        with _RECORD_LOCK:
            record = self._read()
            updated = change(record)
            if updated != record:
                self._write(updated)
            return updated

    def _write(self, record: _KeyFile) -> None:
        try:
            atomic_write(self.key_file, record.to_bytes())
        except OSError as error:
            raise DataDirNotWritable(
                f"无法写入密钥文件：{os_reason(error)}。原有文件保持不变，请检查数据目录的权限和磁盘空间。"
            ) from error

    def _put_in_credential_store(self, store_id: str, key: bytes) -> str | None:
        backend, _ = _secure_backend()
        if backend is None:
            return None
        try:
            backend.set_password(SERVICE_NAME, store_id, _b64(key))
        except Exception as error:
            log.warning("credential store write failed: %s", type(error).__name__)
            return None
        return _qualname(backend)

    def _rehome_in_credential_store(self, record: _KeyFile, key: bytes) -> None:
        """After a passphrase unlock, put the key where the current secure backend keeps it."""
        backend, _ = _secure_backend()
        if backend is None:
            return
        name = _qualname(backend)
        if name == record.credential_backend and not self._credential_entry_missing:
            try:
                if backend.get_password(SERVICE_NAME, record.store_id) is not None:
                    return
            except Exception:
                return
        stored = self._put_in_credential_store(record.store_id, key)
        if stored is not None:
            try:
                self._update(lambda current: _replace(current, credential_backend=stored))
                self._credential_entry_missing = False
            except DataDirNotWritable:
                log.warning("could not record the credential backend (data folder not writable)")


def key_file_with_anchor(raw: bytes, anchor: dict[str, Any], restored_over: dict[str, Any] | None) -> bytes:
    """A key file (as bytes, e.g. the copy inside a backup) with its anchor moved (store/backup.py)."""
    record = _KeyFile.from_bytes(raw)
    return _replace(record, audit_anchor=dict(anchor), restored_over=restored_over).to_bytes()


def credential_store_anchor(raw: bytes) -> dict[str, Any] | None:
    """The anchor the credential store holds for the store this key file belongs to (None if none or
    not in use): what a restore of that key file supersedes."""
    try:
        record = _KeyFile.from_bytes(raw)
    except KeyFileProblem:
        return None
    if record.require_passphrase_each_start or record.credential_backend is None:
        return None
    try:
        stored = _get_password(record.credential_backend, f"{record.store_id}:audit-anchor")
        value = json.loads(stored) if stored else None
    except _BackendUnavailable:
        return None
    except Exception as error:
        log.warning("credential store anchor read failed: %s", type(error).__name__)
        return None
    return value if isinstance(value, dict) else None


class PassphraseTooShort(StoreError):
    def __init__(self) -> None:
        super().__init__(f"恢复口令至少需要 {MIN_PASSPHRASE_LENGTH} 个字符。")


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """Score 0..4 and a Chinese hint. A rough entropy estimate with penalties for common patterns."""
    if not passphrase:
        return 0, "请输入恢复口令。"
    length = len(passphrase)
    pool = 0
    if any(c.islower() and c.isascii() for c in passphrase):
        pool += 26
    if any(c.isupper() and c.isascii() for c in passphrase):
        pool += 26
    if any(c.isdigit() and c.isascii() for c in passphrase):
        pool += 10
    if any(not c.isalnum() and c.isascii() for c in passphrase):
        pool += 32
    if any(not c.isascii() for c in passphrase):
        pool += 2000  # Chinese characters: a large alphabet, though people pick common ones
    distinct = len(set(passphrase))
    bits = min(length, distinct * 2) * math.log2(max(pool, 2))
    lowered = passphrase.lower()
    common = ("password", "123456", "qwerty", "abc123", "111111", "admin", "rongcuo", "888888", "000000")
    if any(word in lowered for word in common):
        bits /= 2
    if distinct <= 2:
        bits = min(bits, 10)
    if length < MIN_PASSPHRASE_LENGTH:
        return 0, f"太短：至少需要 {MIN_PASSPHRASE_LENGTH} 个字符。"
    if bits < 36:
        return 1, "较弱：容易被猜中。可以用几个不相关的词语组成一句话。"
    if bits < 50:
        return 2, "一般：再加几个字或词会更安全。"
    if bits < 70:
        return 3, "较强。请把口令抄写在纸上，放在安全的地方。"
    return 4, "很强。请把口令抄写在纸上，放在安全的地方：忘记口令将无法找回数据。"


# ----- helpers ---------------------------------------------------------------------------------


def _passphrase_bytes(passphrase: str) -> bytes:
    # NFC so the same passphrase typed with another input method still matches.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _wrap(key: bytes, passphrase: str, kdf: KdfParams, store_id: str) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(kdf.derive(passphrase)).encrypt(nonce, key, store_id.encode("ascii"))
    return nonce, wrapped


def _unwrap(record: _KeyFile, passphrase: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    started = time.perf_counter()
    try:
        key = AESGCM(record.kdf.derive(passphrase)).decrypt(
            record.nonce, record.wrapped_key, record.store_id.encode("ascii")
        )
    except InvalidTag as error:
        log.info("unlock refused: AES-GCM failed (%.2f s)", time.perf_counter() - started)
        raise _refusal(record) from error
    if not hmac.compare_digest(_key_check(key, record.store_id), record.key_check):
        raise KeyFileProblem(
            "密钥文件内部不一致（解出的密钥与文件中的校验值不符），它被改动过。数据库文件没有被打开，也没有被改动。"
            "请从备份中找回密钥文件（rongcuo-key.json）放回数据目录，或用“从备份恢复”。"
        )
    log.info("unlocked with passphrase (%.2f s)", time.perf_counter() - started)
    return key


def _refusal(record: _KeyFile) -> WrongPassphrase:
    """AES-GCM cannot tell a wrong passphrase from an altered key file; the record of the key file
    this PC last used (outside the data folder) can, where there is one."""
    from rongcuo_desktop.store.audit_anchors import KeyFileRecord

    untouched = "数据库文件没有被打开，也没有被改动。"
    known = KeyFileRecord(record.store_id).read()
    if known == wrapping_fingerprint(record):
        return WrongPassphrase(
            f"恢复口令不正确（密钥文件与这台电脑上次使用时完全相同）。{untouched}请重试，"
            "注意大小写、全角半角和输入法。"
        )
    if known is not None:
        return KeyFileChanged(
            "用这个口令解不开密钥文件，而这个密钥文件与这台电脑上次使用时的不同："
            "可能在别的电脑上更换过口令或从备份恢复过（请用那之后的口令），也可能被改动过"
            f"（那样请从备份中找回密钥文件 rongcuo-key.json）。{untouched}"
        )
    return WrongPassphrase(
        "用这个口令解不开密钥文件：恢复口令不正确，或者密钥文件被改动过——这台电脑上没有这个密钥文件的记录，"
        f"无法区分这两种情况。{untouched}请重试；若确定口令无误，请从备份中找回密钥文件。"
    )


def _key_check(key: bytes, store_id: str) -> bytes:
    return hmac.new(key, _KEY_CHECK_LABEL + store_id.encode("ascii"), hashlib.sha256).digest()[:16]


def _checksum(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _replace(record: _KeyFile, **changes: Any) -> _KeyFile:
    from dataclasses import replace

    return replace(record, **changes)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    return base64.b64decode(str(text), validate=True)


def _qualname(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _friendly(name: str | None) -> str:
    if name is None:
        return "系统凭据库"
    return SECURE_BACKENDS.get(name, name)


class _BackendUnavailable(Exception):
    """The backend the key file names cannot be used here (not installed, no service, not secure)."""


SECRET_SERVICE_BACKEND = "keyring.backends.SecretService.Keyring"


def _get_password(backend_name: str, username: str) -> str | None:
    """An entry from the backend the key file names, and only from it."""
    if backend_name == SECRET_SERVICE_BACKEND:
        try:
            return _secret_service_get(SERVICE_NAME, username)
        except Exception as error:  # keyring below handles unlock prompts and reports failures
            log.info("Secret Service read directly failed (%s); asking through keyring", type(error).__name__)
    backend = _recorded_backend(backend_name)
    if backend is None:
        raise _BackendUnavailable(backend_name)
    value = backend.get_password(SERVICE_NAME, username)
    return None if value is None else str(value)


def _secret_service_get(service: str, username: str) -> str | None:
    """keyring's SecretService get_password without importing keyring (~40 ms with its entry
    points): the same default collection, the same attributes, one D-Bus connection.

    Anything unusual (no bus, no service, no default collection, a locked collection or item that
    would need an unlock prompt) raises, and the caller asks through keyring as before.
    """
    from contextlib import closing

    import secretstorage

    with closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.Collection(connection)  # the default collection; raises if none
        if collection.is_locked():
            raise secretstorage.LockedException("the default collection is locked")
        for item in collection.search_items({"username": username, "service": service}):
            if item.is_locked():
                raise secretstorage.LockedException("the item is locked")
            return item.get_secret().decode("utf-8")
    return None


def _recorded_backend(name: str) -> Any | None:
    """The keyring backend the key file names, if it is a secure one and usable here; else None.

    Imports that one backend, not all of them: keyring's get_all_keyring loads every entry point
    and asks each backend whether it works (~80 ms here, with D-Bus round trips).
    """
    if name not in SECURE_BACKENDS:
        return None
    module_name, _, class_name = name.rpartition(".")
    try:
        backend_class = getattr(importlib.import_module(module_name), class_name)
        if float(backend_class.priority) <= 0:
            return None
        return backend_class()
    except Exception as error:
        log.info("credential backend %s not usable: %s", name, type(error).__name__)
        return None


def _secure_backend() -> tuple[Any | None, list[str]]:
    """The best secure keyring backend here (or None) and the names of weak ones we refused.

    Decided by class and priority, never by what keyring would pick by default: keyring may be
    configured to use keyrings.alt's plaintext file, which must not hold a database key.
    """
    try:
        from keyring.backend import get_all_keyring
        from keyring.backends.chainer import ChainerBackend

        found = list(get_all_keyring())
    except Exception as error:
        log.info("no keyring backends: %s", type(error).__name__)
        return None, []
    flat: list[Any] = []
    for backend in found:
        if isinstance(backend, ChainerBackend):
            flat.extend(backend.backends)
        else:
            flat.append(backend)
    secure: list[tuple[float, Any]] = []
    weak: list[str] = []
    for backend in flat:
        name = _qualname(backend)
        try:
            priority = float(backend.priority)
        except Exception:
            continue
        if name in SECURE_BACKENDS and priority > 0:
            secure.append((priority, backend))
        elif priority > 0 and not name.startswith(("keyring.backends.fail", "keyring.backends.null")):
            weak.append(name)
    if not secure:
        return None, sorted(set(weak))
    return max(secure, key=lambda item: item[0])[1], []
