"""Encrypted backups and restore.

A backup is ONE file (``*.rcbak``) that can travel on a USB stick and restore on another PC:

    [SQLCipher database, written by SQLite's online backup API][manifest JSON][8-byte length][magic]

The database part is encrypted with the store's own key; the manifest carries the wrapped-key file
(the key wrapped under the recovery passphrase), so the backup opens with the recovery passphrase and
nothing else. Why the backup API and never a file copy: a copy of a database file taken beside a hot
journal was corrupt 19 times in 20 here. Why the manifest at the end: the database is written straight
into the destination file (one copy on the USB stick, not two), and its size and SHA-256 are only
known once it is written. The manifest is authenticated with an HMAC under the database key, and the
SHA-256 catches a truncated or altered file before anything is touched.

A backup counts only once the written file has passed ``PRAGMA cipher_integrity_check`` and
``quick_check`` of its tables (opened anew, after the copy) and the copy logged no HMAC failure on
the source; only then is it renamed into place, with that verdict in its authenticated manifest.
A damaged store therefore produces no backup at all (SourceDamaged), and rotation never deletes the
newest good backup (the same ``backup_is_good`` check that picks the backup offered after damage).

A restore checks everything (manifest, SHA-256, key, PRAGMA cipher_integrity_check, integrity_check,
the audit chain where it exists) on a staged copy BEFORE it replaces anything, and the current store
is never destroyed: its files are moved intact into ``backups/kept-before-restore-*``.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import errno
import hashlib
import hmac
import json
import logging
import os
import re
import shutil
import sqlite3
import struct
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import sqlcipher3

from rongcuo_desktop import __version__
from rongcuo_desktop.domain.roles import AccountInfo, Action, Role
from rongcuo_desktop.domain.structured import parse_json
from rongcuo_desktop.store import layout
from rongcuo_desktop.store.connection import connect_raw
from rongcuo_desktop.store.errors import StoreError, WrongPassphrase
from rongcuo_desktop.store.integrity_words import describe_problems, step_failed

log = logging.getLogger(__name__)

MAGIC = b"RCBAK\x001\n"
FORMAT_VERSION = 1
BACKUP_SUFFIX = ".rcbak"
BACKUPS_DIR_NAME = layout.BACKUPS_DIR_NAME
KEPT_PREFIX = "kept-before-restore-"
DEFAULT_KEEP = 10
OWNER_ONLY = 0o600  # backups and restored stores: the same mode as the store itself
_TRAILER = struct.Struct(">Q")
_MAX_MANIFEST = 4 * 1024 * 1024
_READ_CHUNK = 1024 * 1024
_NAME_RE = re.compile(r"^(auto|manual|pre-migration|pre-rekey)-(\d{8}-\d{6}-\d{3})(?:-(\d+))?\.rcbak$")
# Files that belong to a live SQLite database beside the main file.
_SIDE_SUFFIXES = layout.DB_SIDE_SUFFIXES

#: progress(done_steps, total_steps); cancelled() -> True asks the running operation to stop.
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


# Said whenever a backup is refused: reading or checking one never changes the current store.
UNTOUCHED = "当前数据库没有任何改动。"
WRONG_BACKUP_PASSPHRASE = (
    "这个备份的恢复口令不正确：要用做这个备份时的恢复口令打开（之后改过口令的，请用改之前的口令）。"
    "当前数据库没有任何改动。"
)


class BackupError(StoreError):
    """A backup or restore could not be done; str() says why in Chinese. Nothing current was changed."""


class BackupCancelled(BackupError):
    def __init__(self) -> None:
        super().__init__("已取消。未完成的备份文件已删除，当前数据库没有任何改动。")


class BackupDiskFull(BackupError):
    def __init__(self, where: Path) -> None:
        super().__init__(
            f"目标磁盘空间不足（{where}），备份没有完成，未完成的文件已删除。当前数据库没有任何改动。"
            "请换一个空间更大的位置再试。"
        )


class BackupDamaged(BackupError):
    """The file is truncated, altered, or not a rongcuo backup at all."""


class SourceDamaged(BackupError):
    """The store being backed up failed the checks: no backup was written, none was rotated out."""

    def __init__(self, problems: list[str], newest_good: BackupManifest | None) -> None:
        self.problems = problems
        self.newest_good = newest_good
        if newest_good is not None:
            todo = (
                f"最近一份完好的备份是 {newest_good.path.name}（{newest_good.created_local}）："
                "请用“数据 → 检查数据库完整性”从它恢复（命令行：rongcuo restore 该备份文件）。"
            )
        else:
            todo = "备份文件夹中没有完好的备份：请关闭程序，把数据目录整个复制保存后，联系技术人员。"
        super().__init__(
            f"当前数据库已损坏（{describe_problems(problems)}），这次没有生成备份：损坏的副本不算备份，"
            "也不会挤掉已有的完好备份。数据库文件没有被改动，已有的备份都原样保留。" + todo
        )


class BackupFromOtherStore(BackupError):
    def __init__(self) -> None:
        super().__init__(
            "这个备份来自另一个数据库，不是当前这个库的备份。为防止误替换，恢复已停止，当前数据库没有任何改动。"
        )


@dataclass(frozen=True)
class StoreFiles:
    """Where a store keeps its database and its wrapped-key file."""

    database: Path
    key_file: Path

    @property
    def data_dir(self) -> Path:
        return self.database.parent

    @classmethod
    def in_dir(cls, data_dir: Path) -> StoreFiles:
        return cls(layout.db_path(data_dir), layout.key_path(data_dir))


@dataclass(frozen=True)
class BackupManifest:
    path: Path
    kind: str
    created_at: dt.datetime
    app_version: str
    store_id: str
    db_size: int
    db_sha256: str
    key_file_name: str
    key_file_bytes: bytes
    extra: dict[str, Any]
    mac: str
    raw: dict[str, Any]

    @property
    def verified(self) -> bool:
        """The written file passed both integrity checks before it was put in place (recorded in the
        manifest, which the MAC covers). Backups written before this was recorded say nothing."""
        verdict = self.raw.get("verified")
        return isinstance(verdict, dict) and verdict.get("result") == "ok"

    @property
    def created_local(self) -> str:
        return self.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


_KIND_LABELS = {
    "auto": "关闭时自动",
    "manual": "手动",
    "pre-migration": "升级前自动",
    "pre-rekey": "更换口令前自动",
}


@dataclass(frozen=True)
class RestoreResult:
    kept_dir: Path | None  # where the replaced store now lives (None when there was none)
    manifest: BackupManifest
    note: str = ""  # why, when the caller says (e.g. damage found at start-up)

    @property
    def summary(self) -> str:
        """The audit trail's line for this restore (Store.record_restore): no names, no case data."""
        kind = _KIND_LABELS.get(self.manifest.kind, self.manifest.kind)
        text = f"从备份恢复了整个数据库（{kind}备份，备份时间 {self.manifest.created_local}）"
        if self.kept_dir is not None:
            text += f"；恢复前的数据库原样保留在 {BACKUPS_DIR_NAME}/{self.kept_dir.name}"
        return text + self.note


# --- keys and connections -------------------------------------------------------------------------


def store_id(key: bytes) -> str:
    """A public fingerprint of the database key: equal for every backup of one store, never the key."""
    return hmac.new(bytes(key), b"rongcuo-store-id", hashlib.sha256).hexdigest()[:32]


def _manifest_mac(key: bytes, body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode()
    return hmac.new(bytes(key), b"rongcuo-backup-manifest\x00" + canonical, hashlib.sha256).hexdigest()


def cannot_access(error: BaseException) -> bool:
    """SQLite could not open or write the file for reasons of the place, not of the content: a
    read-only folder or medium (SQLite needs to make the -shm file beside the database even to read),
    missing permissions. Never to be reported as damage."""
    text = str(error).lower()
    return any(words in text for words in ("unable to open", "readonly", "read-only", "access permission"))


def not_accessible(path: Path, error: BaseException) -> StoreError:
    log.warning("cannot open the database where it is: %s", str(error)[:200])
    return StoreError(
        f"无法打开数据库文件来读取：数据目录 {path.parent} 可能是只读的"
        "（U盘的写保护开关、只读的共享文件夹）或没有权限——SQLite 即使只是读取，也要在数据库旁边建立临时文件。"
        "这不是数据库损坏，程序没有改动任何文件。请把数据目录放到可以写入的位置，或恢复写入权限后重试。"
    )


def database_problems(path: Path, key: bytes) -> list[str]:
    """Run the two integrity checks; an empty list means the file is sound (for this key). A file
    that cannot be opened where it is (read-only folder, permissions) raises instead: not damage."""
    try:
        conn = connect_raw(path, key)
    except sqlcipher3.DatabaseError as error:
        if cannot_access(error):
            raise not_accessible(path, error) from error
        return [step_failed("无法打开", error)]
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as error:
            if cannot_access(error):
                raise not_accessible(path, error) from error
            raise
        problems = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
        rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            problems.extend(rows)
        return problems
    except sqlcipher3.DatabaseError as error:
        return [step_failed("检查失败", error)]
    finally:
        conn.close()


# The written backup's check: ordinary tables only. A virtual table's own check (FTS5's, on the case
# search index) decodes its whole index against a checksum: at 100,000 cases it was most of the 34 s
# the checks of the backup at close took here, and that index is derived data (rebuilt from the cases).
# Its pages are still checked: each one's HMAC, and the b-trees of its shadow tables.
_ORDINARY_TABLES = (
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' "
    "ORDER BY name"
)
# quick_check, not integrity_check: the copy's pages are the source's, each proved by its HMAC, so
# whether every index entry matches its row says something about the store, not about this copy (the
# store's own checks say it: after each start's paint, and 数据 → 完整性检查); at a million cases
# integrity_check's index lookups were 300 of the close's 370 s here.
_WRITTEN_CHECK = "quick_check"
_CHECK_CACHE_KIB = 65536  # 64 MB of page cache for the checks instead of SQLite's 2 MB


def written_problems(path: Path, key: bytes) -> list[str]:
    """The checks of a backup just written (empty: sound): ``PRAGMA cipher_integrity_check`` (every
    page's HMAC, so any byte the destination changed shows) and ``PRAGMA quick_check`` of every
    ordinary table with its indexes, without virtual tables' own checks (see _ORDINARY_TABLES).
    A restore still runs the full database_problems on its staged copy."""
    try:
        # Read-write, as the copy was: the written file is in WAL mode (page 1 is the store's), and
        # a read-only connection would leave its -shm and -wal behind.
        conn = connect_raw(path, key)
    except sqlcipher3.DatabaseError as error:
        return [step_failed("无法打开", error)]
    try:
        conn.execute(f"PRAGMA cache_size = -{_CHECK_CACHE_KIB}")
        problems = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
        for (table,) in conn.execute(_ORDINARY_TABLES).fetchall():
            quoted = '"' + str(table).replace('"', '""') + '"'
            rows = [str(row[0]) for row in conn.execute(f"PRAGMA {_WRITTEN_CHECK}({quoted})")]
            if rows != ["ok"]:
                problems.extend(rows)
        return problems
    except sqlcipher3.DatabaseError as error:
        return [step_failed("检查失败", error)]
    finally:
        conn.close()


def quick_problems(path: Path, key: bytes) -> list[str]:
    """PRAGMA quick_check on a read-only connection of its own (empty list: no damage found).

    The check after the start-up's first paint: 0.4 s at 100,000 cases and 2.5 s with 1 GB of
    attachments here (tests/bench/bench_integrity.py), too slow for the open itself, so it runs
    beside the app's own connection. It reads every page, so a page failing its HMAC shows too.
    """
    try:
        conn = connect_raw(path, key, readonly=True)
    except sqlcipher3.DatabaseError as error:
        if cannot_access(error):
            raise not_accessible(path, error) from error
        return [step_failed("无法打开", error)]
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
        return [] if rows == ["ok"] else rows
    except sqlcipher3.DatabaseError as error:
        if cannot_access(error):
            raise not_accessible(path, error) from error
        return [step_failed("检查失败", error)]
    finally:
        conn.close()


def audit_problems(path: Path, key: bytes, key_file_bytes: bytes | None = None) -> list[str]:
    """Walk the whole audit chain of a database file (empty list: sound, or no chain yet).

    With the key file that travels with it, the chain is also compared with its anchor: a backup
    whose database is older than its own anchor was put together from mismatched parts.
    """
    from rongcuo_desktop.store.audit_chain import (
        Anchor,
        AuditEvent,
        anchor_authentic,
        anchor_key,
        compare_with_anchor,
        verify_events,
    )

    conn = connect_raw(path, key)
    try:
        has_chain = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='audit_events'"
        ).fetchone()
        if not has_chain:
            return []
        rows = conn.execute(
            "SELECT seq, at, actor_id, actor_name, actor_role, action, case_id, summary, detail,"
            " before_hash, after_hash, prev_hash, hash FROM audit_events ORDER BY id"
        )
        events = [AuditEvent(*row) for row in rows]
    except sqlcipher3.DatabaseError as error:
        return [step_failed("审计记录无法读取", error)]
    finally:
        conn.close()
    problems = [problem.message for problem in verify_events(events)]
    if key_file_bytes is not None:
        with contextlib.suppress(ValueError, UnicodeDecodeError):
            anchor = Anchor.from_json(json.loads(key_file_bytes.decode("utf-8")).get("audit_anchor"))
            if anchor is not None and anchor.length > 0 and anchor_authentic(anchor_key(bytes(key)), anchor):
                length = max((e.seq for e in events), default=0)
                at_anchor = next((e.hash for e in events if e.seq == anchor.length), None)
                found = compare_with_anchor(anchor, length, at_anchor)
                if found is not None:
                    problems.append(found.message)
    return problems


# --- writing a backup -----------------------------------------------------------------------------


def _is_disk_full(error: BaseException) -> bool:
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return True
    text = str(error).lower()
    return "disk is full" in text or "database or disk is full" in text or "no space" in text


def _timestamp(now: dt.datetime) -> str:
    local = now.astimezone()
    return local.strftime("%Y%m%d-%H%M%S-") + f"{local.microsecond // 1000:03d}"


def _unique_path(folder: Path, kind: str, now: dt.datetime) -> Path:
    """kind-YYYYmmdd-HHMMSS-mmm.rcbak: names sort by time; a clash within a millisecond adds -2, -3."""
    stem = f"{kind}-{_timestamp(now)}"
    candidate = folder / f"{stem}{BACKUP_SUFFIX}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{BACKUP_SUFFIX}"
        n += 1
    return candidate


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class _Stop(Exception):
    pass


PART_SUFFIX = ".part"
# The part itself, or a file SQLite made beside it (a killed writer leaves its -wal and -shm too).
_PART_RE = re.compile(r"^\..+\.rcbak\.(\d+)\.part(?:-wal|-shm|-journal)?$")
_UNCHECKED_PART_AGE_S = 24 * 3600  # where a process cannot be asked about (not POSIX)


def remove_stale_parts(folder: Path) -> list[Path]:
    """Delete unfinished backup files whose writer is gone (killed mid-backup: power cut, task
    manager, a logout that did not wait). They never counted as backups; each can be as large as
    the store. A part of a running backup (its process alive) is left alone."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for part in folder.glob(f".*{BACKUP_SUFFIX}*{PART_SUFFIX}*"):
        match = _PART_RE.match(part.name)
        if match is not None and os.name == "posix":
            pid = int(match.group(1))
            if pid == os.getpid() or _pid_alive(pid):
                continue
        else:  # an older name without a pid, or a system where pids cannot be asked: go by age
            with contextlib.suppress(OSError):
                if dt.datetime.now().timestamp() - part.stat().st_mtime < _UNCHECKED_PART_AGE_S:
                    continue
        with contextlib.suppress(OSError):
            size = part.stat().st_size
            part.unlink()
            removed.append(part)
            log.info("removed an unfinished backup file left by a killed process (%d bytes)", size)
    return removed


def create_backup(
    files: StoreFiles,
    key: bytes,
    dest_dir: Path,
    *,
    kind: str = "manual",
    extra: dict[str, Any] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    pages_per_step: int = 2048,
) -> Path:
    """Write an encrypted backup of the store into dest_dir and return its path.

    Reads the store through its own read-only connection, so the running app's connection is not
    disturbed. On cancel, a full disk or any error the partial file is removed and the store is as it was.
    """
    if kind not in ("auto", "manual", "pre-migration", "pre-rekey"):
        raise ValueError(kind)
    from rongcuo_desktop.store.keys import read_key_file

    try:
        key_file_bytes = read_key_file(files.key_file)
    except StoreError as error:
        raise BackupError(f"备份没有进行：{error}") from error
    _refuse_unmerged_journal(files)
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"无法在 {dest_dir} 创建备份文件夹：{layout.os_reason(error)}") from error
    remove_stale_parts(dest_dir)
    now = dt.datetime.now(dt.UTC)
    final = _unique_path(dest_dir, kind, now)
    # A hidden name that never counts as a backup (list_backups reads *.rcbak only); the pid lets
    # the next backup or start-up remove it when this process was killed before the rename.
    part = final.with_name(f".{final.name}.{os.getpid()}{PART_SUFFIX}")
    try:
        part.touch(mode=OWNER_ONLY, exist_ok=False)  # holds the wrapped key: owner only, like the store
    except OSError as error:
        if _is_disk_full(error):
            raise BackupDiskFull(dest_dir) from error
        raise BackupError(f"无法写入 {dest_dir}：{layout.os_reason(error)}") from error
    try:
        _write_database(files.database, key, part, progress, cancelled, pages_per_step)
        _append_manifest(part, key, kind, now, key_file_bytes, files.key_file.name, extra or {})
        os.replace(part, final)
        _remove_sides(part)  # what SQLite made beside the part while writing and checking it
        _fsync_dir(dest_dir)
    except _Stop:
        _remove_quietly(part)
        raise BackupCancelled() from None
    except (OSError, sqlite3.Error, sqlcipher3.Error) as error:
        _remove_quietly(part)
        if _is_disk_full(error):
            raise BackupDiskFull(dest_dir) from error
        if isinstance(error, OSError):
            raise BackupError(f"备份写入失败：{layout.os_reason(error)}。当前数据库没有任何改动。") from error
        if "i/o error" in str(error).lower():
            raise BackupError(
                f"写入 {dest_dir} 时出错（磁盘空间可能已满、U盘被拔出或介质损坏），备份没有完成，"
                "未完成的文件已删除。当前数据库没有任何改动。"
            ) from error
        reason = step_failed("数据库报告", error)
        raise BackupError(f"备份失败（{reason}）。当前数据库没有任何改动。") from error
    except BaseException:
        _remove_quietly(part)
        raise
    log.info("backup written: kind=%s size=%d", kind, final.stat().st_size)
    return final


def _refuse_unmerged_journal(files: StoreFiles) -> None:
    """A WAL left by a crash is merged only by Store.open, under wal_guard's copy and checks; the
    backup's own connection would merge it unguarded. While the app runs, its WAL is live (it holds
    the store lock) and the backup reads through it as usual."""
    from rongcuo_desktop.store.locking import StoreLock
    from rongcuo_desktop.store.wal_guard import pending_journal

    if not pending_journal(files.data_dir):
        return
    lock = StoreLock(files.data_dir)
    try:
        lock.acquire()
    except (StoreError, OSError):
        return  # the running app holds the store: the WAL is its own, in use
    lock.release()
    raise BackupError(
        f"数据库旁边有上次没有正常关闭时留下的日志文件（{files.database.name}-wal），还没有合并进数据库。"
        "备份没有进行；程序没有打开数据库，也没有合并日志。请先用本程序打开一次这个库"
        "（打开时会先保留副本、再合并并检查），然后再备份。"
    )


def _write_database(
    source_path: Path,
    key: bytes,
    part: Path,
    progress: Progress | None,
    cancelled: Cancelled | None,
    pages_per_step: int,
) -> None:
    """Copy the store into `part` with the backup API, then check the written file.

    Raises SourceDamaged when the source logged an HMAC failure during the copy or the written file
    fails a check while the source does too; BackupError when only the written file is bad (the
    destination disk).
    """
    if not source_path.exists():
        raise BackupError("没有找到数据库文件，无法备份。")
    sides = [source_path.with_name(source_path.name + s) for s in ("-wal", "-shm")]
    existed = {side: side.exists() for side in sides}
    source = connect_raw(source_path, key)
    try:
        try:
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as error:
            if cannot_access(error):
                raise BackupError(f"备份没有进行：{not_accessible(source_path, error)}") from error
            if _is_disk_full(error) or "i/o error" in str(error).lower():
                # SQLite could not make its files beside the database (a full disk): not damage.
                source.close()
                _remove_made_sides(existed)
                raise BackupError(
                    f"备份没有进行：读取数据库时无法在它旁边建立临时文件（{layout.os_reason(error)}，"
                    "多半是磁盘空间已满）。这不是数据库损坏，数据库没有改动。请先腾出磁盘空间再试。"
                ) from error
            raise _source_damaged(source_path.parent, [step_failed("无法读取", error)], key) from error
        target = connect_raw(part, key)
        try:
            # Nothing to roll back into: a failed backup file is deleted whole.
            target.execute("PRAGMA journal_mode = OFF")

            def step(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)
                if cancelled is not None and cancelled():
                    raise _Stop()

            if cancelled is not None and cancelled():
                raise _Stop()
            with _cipher_log(source) as logged:
                source.backup(target, pages=pages_per_step, progress=step)
        finally:
            target.close()
    finally:
        source.close()
    failed_pages = _hmac_failures(logged())
    if failed_pages:
        raise _source_damaged(
            source_path.parent,
            [f"复制时第 {', '.join(map(str, failed_pages[:5]))} 页的 HMAC 校验失败"],
            key,
        )
    problems = written_problems(part, key)  # the written file, opened anew
    if problems:
        if database_problems(source_path, key):
            raise _source_damaged(source_path.parent, problems, key)
        raise BackupError(
            "写出的备份未通过完整性检查（目标磁盘可能有问题），已删除；当前数据库完好，没有任何改动。"
            "请换一个位置或另一个U盘再备份。"
        )


def _remove_made_sides(existed: dict[Path, bool]) -> None:
    """The -wal (empty) and -shm a failed read made beside the database: gone again, so a refused
    backup leaves the data folder as it found it. Never one that was there before, or a WAL with data."""
    for side, was_there in existed.items():
        with contextlib.suppress(OSError):
            empty = not side.name.endswith("-wal") or side.stat().st_size == 0
            if not was_there and side.exists() and empty:
                side.unlink()


_HMAC_FAILED = re.compile(r"(?:hmac check failed for|error decrypting page) (?:pgno=)?(\d+)")


def _hmac_failures(text: str) -> list[int]:
    """The page numbers SQLCipher's log names as failing their HMAC (damaged or altered pages)."""
    return sorted({int(m.group(1)) for m in _HMAC_FAILED.finditer(text)})


@contextlib.contextmanager
def _cipher_log(conn: sqlcipher3.Connection) -> Iterator[Callable[[], str]]:
    """Send SQLCipher's log to a private temporary file while the block runs; yields a reader.

    SQLCipher reports a page that fails its HMAC only in its log (the backup API copies on), and the
    log setting is process-wide: it is switched back to silent afterwards, as connection.py keeps it.
    The file holds page numbers and error codes, no data.
    """
    fd, name = tempfile.mkstemp(prefix="rongcuo-cipher-", suffix=".log")
    os.close(fd)
    text = ""
    try:
        conn.execute(f"PRAGMA cipher_log = '{name}'")
        conn.execute("PRAGMA cipher_log_level = WARN")
        try:
            yield lambda: text
        finally:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute("PRAGMA cipher_log = stderr")  # closes the file
            with contextlib.suppress(OSError):
                text = Path(name).read_text(encoding="utf-8", errors="replace")
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)


def _source_damaged(data_dir: Path, problems: list[str], key: bytes) -> SourceDamaged:
    log.warning("store failed its checks during a backup: %d problem(s)", len(problems))
    return SourceDamaged(problems, newest_good_backup(data_dir / BACKUPS_DIR_NAME, key))


def _append_manifest(
    part: Path,
    key: bytes,
    kind: str,
    now: dt.datetime,
    key_file_bytes: bytes,
    key_file_name: str,
    extra: dict[str, Any],
) -> None:
    digest = hashlib.sha256()
    with part.open("rb") as reader:
        while chunk := reader.read(_READ_CHUNK):
            digest.update(chunk)
    db_size = part.stat().st_size
    body: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "kind": kind,
        "created_at": now.isoformat(),
        "app_version": __version__,
        "store_id": store_id(key),
        "db_size": db_size,
        "db_sha256": digest.hexdigest(),
        "key_file_name": key_file_name,
        "key_file": base64.b64encode(key_file_bytes).decode("ascii"),
        "extra": extra,
        # Written only after the file passed both checks (_write_database): rotation and the backup
        # offered after damage read this verdict (backup_is_good).
        "verified": {
            "checks": ["cipher_integrity_check", "quick_check of every ordinary table"],
            "result": "ok",
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        },
    }
    body["mac"] = _manifest_mac(key, body)
    blob = json.dumps(body, ensure_ascii=True, sort_keys=True).encode("ascii")
    with part.open("ab") as writer:
        writer.write(blob)
        writer.write(_TRAILER.pack(len(blob)))
        writer.write(MAGIC)
        writer.flush()
        os.fsync(writer.fileno())


def _create_owner_only(path: Path) -> BinaryIO:
    """A new file (never over an existing one) readable by its owner only, as Store.create makes the
    database and atomic_write the key file: a restored store must not become readable by others."""
    return os.fdopen(
        os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), OWNER_ONLY), "wb"
    )


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
    _remove_sides(path)


def _remove_sides(path: Path) -> None:
    for side in (path.with_name(path.name + s) for s in _SIDE_SUFFIXES):
        with contextlib.suppress(OSError):
            side.unlink()


# --- reading a backup -----------------------------------------------------------------------------


def read_manifest(path: Path) -> BackupManifest:
    """Read and sanity-check the manifest (no key needed). Raises BackupDamaged for a bad file."""
    damaged = f"“{path.name}”不是完整的备份文件（可能被截断、改动，或根本不是本程序的备份）。{UNTOUCHED}"
    try:
        size = path.stat().st_size
        with path.open("rb") as reader:
            tail = len(MAGIC) + _TRAILER.size
            if size < tail:
                raise BackupDamaged(damaged)
            reader.seek(size - tail)
            (length,) = _TRAILER.unpack(reader.read(_TRAILER.size))
            if reader.read(len(MAGIC)) != MAGIC or not 0 < length <= min(_MAX_MANIFEST, size - tail):
                raise BackupDamaged(damaged)
            reader.seek(size - tail - length)
            raw = parse_json(reader.read(length), "备份的说明部分")  # the one safe reader
    except FileNotFoundError as error:
        raise BackupError(f"找不到备份文件：{path}") from error
    except OSError as error:
        raise BackupError(f"无法读取备份文件：{layout.os_reason(error)}") from error
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupDamaged(damaged) from error
    try:
        if raw["format"] != FORMAT_VERSION:
            raise BackupDamaged(
                f"“{path.name}”是新版本程序写的备份（格式 {raw['format']}），请先升级本程序。"
            )
        manifest = BackupManifest(
            path=path,
            kind=str(raw["kind"]),
            created_at=dt.datetime.fromisoformat(raw["created_at"]),
            app_version=str(raw["app_version"]),
            store_id=str(raw["store_id"]),
            db_size=int(raw["db_size"]),
            db_sha256=str(raw["db_sha256"]),
            key_file_name=str(raw["key_file_name"]),
            key_file_bytes=base64.b64decode(raw["key_file"], validate=True),
            extra=dict(raw.get("extra") or {}),
            mac=str(raw["mac"]),
            raw=raw,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BackupDamaged(damaged) from error
    if manifest.db_size != size - len(MAGIC) - _TRAILER.size - length:
        raise BackupDamaged(damaged)
    return manifest


def check_manifest_mac(manifest: BackupManifest, key: bytes) -> None:
    body = {k: v for k, v in manifest.raw.items() if k != "mac"}
    if not hmac.compare_digest(_manifest_mac(key, body), manifest.mac) or manifest.store_id != store_id(key):
        raise BackupDamaged(
            f"“{manifest.path.name}”的说明部分与密钥不符：文件被改动过，或拼接自别的库。{UNTOUCHED}"
        )


def _copy_database_part(manifest: BackupManifest, target: Path, cancelled: Cancelled | None) -> None:
    digest = hashlib.sha256()
    remaining = manifest.db_size
    with manifest.path.open("rb") as reader, _create_owner_only(target) as writer:
        while remaining:
            if cancelled is not None and cancelled():
                raise _Stop()
            chunk = reader.read(min(_READ_CHUNK, remaining))
            if not chunk:
                break
            digest.update(chunk)
            writer.write(chunk)
            remaining -= len(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    if remaining or not hmac.compare_digest(digest.hexdigest(), manifest.db_sha256):
        raise BackupDamaged(f"“{manifest.path.name}”的数据部分校验不符：文件被截断或改动过。{UNTOUCHED}")


def list_backups(folder: Path) -> list[BackupManifest]:
    """Readable backups in folder, newest first; unreadable files are skipped (they are not 'good')."""
    found: list[BackupManifest] = []
    if not folder.is_dir():
        return found
    for path in folder.glob(f"*{BACKUP_SUFFIX}"):
        with contextlib.suppress(BackupError):
            found.append(read_manifest(path))
    found.sort(key=lambda m: (m.created_at, m.path.name), reverse=True)
    return found


def verify_backup_file(manifest: BackupManifest, key: bytes) -> None:
    """Check the manifest MAC and the SHA-256 of the database part (no staging, reads the file once)."""
    check_manifest_mac(manifest, key)
    digest = hashlib.sha256()
    remaining = manifest.db_size
    with manifest.path.open("rb") as reader:
        while remaining and (chunk := reader.read(min(_READ_CHUNK, remaining))):
            digest.update(chunk)
            remaining -= len(chunk)
    if remaining or not hmac.compare_digest(digest.hexdigest(), manifest.db_sha256):
        raise BackupDamaged(f"“{manifest.path.name}”的数据部分校验不符：文件被截断或改动过。{UNTOUCHED}")


def backup_is_good(manifest: BackupManifest, key: bytes) -> bool:
    """The one test of a good backup, for rotation, the integrity check's offer and the start-up's.

    Good: a backup of this store (MAC under this key), its bytes intact (SHA-256), and the written
    file passed both integrity checks -- as recorded in its manifest when it was written, or, for a
    backup written before that was recorded, by running the checks on a copy now.
    """
    try:
        verify_backup_file(manifest, key)
    except (BackupError, OSError):
        return False
    if manifest.verified:
        return True
    try:
        return not _staged_problems(manifest, key)
    except (BackupError, OSError, _Stop):
        return False


def _staged_problems(manifest: BackupManifest, key: bytes) -> list[str]:
    """Both integrity checks on a private copy of a backup's database part (beside the backup, or in
    the temp folder when that is read-only: the copy is encrypted either way)."""
    try:
        folder = tempfile.mkdtemp(prefix=".check-", dir=manifest.path.parent)
    except OSError:
        folder = tempfile.mkdtemp(prefix="rongcuo-check-")
    try:
        staged = Path(folder) / "check.db"
        _copy_database_part(manifest, staged, None)
        return database_problems(staged, key)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def newest_good_backup(folder: Path, key: bytes) -> BackupManifest | None:
    """The newest backup of THIS store that `backup_is_good`; offered after damage is found."""
    for manifest in list_backups(folder):
        if backup_is_good(manifest, key):
            return manifest
    return None


def auto_backup(
    files: StoreFiles,
    key: bytes,
    *,
    keep: int = DEFAULT_KEEP,
    folder: Path | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """The backup taken at each close of the app: into data_dir/backups, oldest autos beyond `keep` go.

    A damaged store raises SourceDamaged and nothing is written or rotated out; a cancel (the close's
    跳过) raises BackupCancelled and leaves nothing.
    """
    target = folder or files.data_dir / BACKUPS_DIR_NAME
    path = create_backup(files, key, target, kind="auto", progress=progress, cancelled=cancelled)
    rotate_backups(target, keep, key=key, newest_good=path)
    return path


def _name_order(path: Path) -> tuple[str, int]:
    """auto-20261122-081209-123-2 is newer than auto-20261122-081209-123 (same millisecond)."""
    match = _NAME_RE.match(path.name)
    if match is None:
        return path.name, 0
    return match.group(2), int(match.group(3) or 0)


@dataclass(frozen=True)
class DamageReport:
    """What the integrity checks found, and the backup to offer when they found something."""

    problems: list[str]
    newest_good: BackupManifest | None

    @property
    def damaged(self) -> bool:
        return bool(self.problems)

    @property
    def summary(self) -> str:
        """The problems in Chinese, for the message a person reads (SQLite's words are logged)."""
        return describe_problems(self.problems)


def check_store(
    files: StoreFiles, key: bytes, backups: Path | None = None, *, quick: bool = False
) -> DamageReport:
    """PRAGMA cipher_integrity_check + integrity_check on the store (with `quick`: PRAGMA quick_check,
    the check after the start-up's paint); on damage, find the newest good backup of this store.
    Reads only: a damaged store is never re-initialised or repaired here."""
    folder = backups or files.data_dir / BACKUPS_DIR_NAME
    with contextlib.suppress(OSError):
        remove_stale_parts(folder)  # a backup killed last time: its unfinished file goes now
    problems = quick_problems(files.database, key) if quick else database_problems(files.database, key)
    if not problems:
        return DamageReport([], None)
    log.warning("store failed its integrity check: %d problem(s)", len(problems))
    return DamageReport(problems, newest_good_backup(folder, key))


def rotate_backups(
    folder: Path, keep: int = DEFAULT_KEEP, *, key: bytes, newest_good: Path | None = None
) -> list[Path]:
    """Delete the oldest automatic backups beyond `keep`; manual and kept stores are never touched,
    and neither is the newest good backup (backup_is_good), wherever it falls in the order.

    `newest_good`: a backup create_backup has just written and checked (the newest good one by
    construction), so that rotation does not read the whole of it again for its SHA-256: at a
    million cases that second read was several seconds of every close."""
    autos = sorted(
        (p for p in folder.glob(f"auto-*{BACKUP_SUFFIX}") if _NAME_RE.match(p.name)),
        key=_name_order,
        reverse=True,
    )
    beyond = autos[max(keep, 1) :]
    if not beyond:
        return []
    if newest_good is None:
        found = newest_good_backup(folder, key)
        newest_good = found.path if found is not None else None
    removed = []
    for old in beyond:
        if old == newest_good:
            continue
        with contextlib.suppress(OSError):
            old.unlink()
            removed.append(old)
    return removed


# --- restore --------------------------------------------------------------------------------------

#: unwrap(key_file_bytes, passphrase) -> database key; raises WrongPassphrase. Given by the caller so
#: this module does not depend on the key-file format (store/keys.py owns it).
Unwrap = Callable[[bytes, str], bytes]
#: extra_checks(staged_database, key) -> problems (the audit chain check plugs in here).
ExtraCheck = Callable[[Path, bytes], list[str]]


def unwrap_key_file(raw: bytes, passphrase: str) -> bytes:
    """Unwrap a key file that is not in a data folder (the copy inside a backup)."""
    # keys.py owns the format; its parser and unwrap are used as they are, not re-implemented.
    from rongcuo_desktop.store.keys import _KeyFile, _unwrap

    return _unwrap(_KeyFile.from_bytes(raw), passphrase)


def _key_file_store_uuid_bytes(raw: bytes) -> str | None:
    """The store's public id from a key file (no passphrase needed); None when unreadable."""
    from rongcuo_desktop.store.keys import _KeyFile

    try:
        return _KeyFile.from_bytes(raw).store_id
    except StoreError:
        return None


def _key_file_store_uuid(path: Path) -> str | None:
    from rongcuo_desktop.store.keys import read_key_file

    try:
        return _key_file_store_uuid_bytes(read_key_file(path))
    except StoreError:
        return None


def _existing_store_parts(files: StoreFiles) -> list[Path]:
    parts = [files.database, *(files.database.with_name(files.database.name + s) for s in _SIDE_SUFFIXES)]
    parts.append(files.key_file)
    return [p for p in parts if p.exists()]


def _remove_stale_staging(data_dir: Path) -> None:
    """Staging folders left by a restore that was killed (encrypted copies, never needed again)."""
    if os.name != "posix":  # os.kill(pid, 0) would terminate the process on Windows
        return
    for folder in data_dir.glob(".restore-staging-*"):
        with contextlib.suppress(ValueError, IndexError):
            pid = int(folder.name.split("-")[2])
            if pid != os.getpid() and not _pid_alive(pid):
                shutil.rmtree(folder, ignore_errors=True)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


@contextlib.contextmanager
def _staging(data_dir: Path) -> Iterator[Path]:
    staging = data_dir / f".restore-staging-{os.getpid()}-{dt.datetime.now().strftime('%H%M%S%f')}"
    staging.mkdir(parents=True)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def restore_backup(
    backup_path: Path,
    passphrase: str | None,
    files: StoreFiles,
    unwrap: Unwrap | None = None,
    *,
    current_key: bytes | None = None,
    allow_other_store: bool = False,
    extra_checks: ExtraCheck | None = None,
    cancelled: Cancelled | None = None,
    by: AccountInfo | None = None,
    note: str = "",
) -> RestoreResult:
    """Check a backup completely, then put it in place of the current store (which is kept, not lost).

    The current store must be closed by the caller. ``current_key`` (when the caller knows it) lets the
    restore refuse a backup of another store; without it the backup's passphrase is tried on the
    current key file for the same purpose. With ``passphrase=None`` the backup is opened with
    ``current_key`` itself (restoring this store's own backup after damage was found).

    The restore records itself (issue 11, item 12): a RESTORE event by ``by`` (the program when None)
    is appended to the checked copy before it is put in place, the copy's key file gets the anchor of
    that new head together with a note of the anchors outside the data folder it supersedes, and once
    the files are in place those outside anchors (config folder, credential store) move to the new
    head. So the restored store opens as what it is, an expected move, not as a rollback; a restore cut
    short between the two steps is finished by the next open (audit.AnchorKeeper reads the note).
    """
    manifest = read_manifest(backup_path)
    unwrap = unwrap or unwrap_key_file
    try:
        if passphrase is None:
            # The key is already known (the app is unlocked, the current file is damaged): a backup
            # of this same store opens with it; a backup of any other store fails the MAC below.
            if current_key is None:
                raise WrongPassphrase()
            key = bytes(current_key)
        else:
            key = unwrap(manifest.key_file_bytes, passphrase)
    except WrongPassphrase:
        raise WrongPassphrase(WRONG_BACKUP_PASSPHRASE) from None
    except StoreError as error:
        raise BackupDamaged(f"备份里的密钥部分无法读取：{error}") from error
    if passphrase is None and manifest.store_id != store_id(key):
        raise BackupFromOtherStore()
    check_manifest_mac(manifest, key)

    data_dir = files.data_dir
    current = _existing_store_parts(files)
    if current and not allow_other_store:
        current_uuid = _key_file_store_uuid(files.key_file)
        backup_uuid = _key_file_store_uuid_bytes(manifest.key_file_bytes)
        if current_uuid is not None and backup_uuid is not None and current_uuid != backup_uuid:
            raise BackupFromOtherStore()
        if current_key is None and files.key_file.exists() and passphrase is not None:
            with contextlib.suppress(StoreError, OSError):
                from rongcuo_desktop.store.keys import read_key_file

                current_key = unwrap(read_key_file(files.key_file), passphrase)
        if current_key is None:
            raise BackupError(
                "无法确认这个备份属于当前数据库（当前库的密钥不能用该口令解开）。"
                "如确定要用它替换当前库，请明确选择“替换为其他库的备份”；当前库会原样保留。"
            )
        if store_id(current_key) != manifest.store_id:
            raise BackupFromOtherStore()

    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        _remove_stale_staging(data_dir)
        with _staging(data_dir) as staging:
            staged_db = staging / files.database.name
            staged_key = staging / files.key_file.name
            _copy_database_part(manifest, staged_db, cancelled)
            problems = database_problems(staged_db, key)
            if not problems:
                problems = audit_problems(staged_db, key, manifest.key_file_bytes)
            if not problems and extra_checks is not None:
                problems = extra_checks(staged_db, key)
            if problems:
                log.warning("backup failed its checks: %d problem(s)", len(problems))
                raise BackupDamaged(
                    f"“{backup_path.name}”没有通过完整性检查（{describe_problems(problems)}），不能用来恢复。"
                    "当前数据库没有任何改动。"
                )
            if cancelled is not None and cancelled():
                raise _Stop()
            kept_dir = _kept_dir(files) if current else None
            result = RestoreResult(kept_dir=kept_dir, manifest=manifest, note=note)
            head = _record_restore(staged_db, key, by, result.summary)
            key_file = manifest.key_file_bytes
            if head is not None:
                key_file = _key_file_at(key_file, key, head)
            with _create_owner_only(staged_key) as key_writer:
                key_writer.write(key_file)
                key_writer.flush()
                os.fsync(key_writer.fileno())
            kept = _keep_current(files, current, kept_dir) if kept_dir is not None else None
            try:
                os.replace(staged_db, files.database)
                os.replace(staged_key, files.key_file)
            except OSError:
                if kept is not None:
                    _put_back(kept, data_dir)
                raise
            _fsync_dir(data_dir)
    except _Stop:
        raise BackupCancelled() from None
    except OSError as error:
        if _is_disk_full(error):
            raise BackupError("数据目录所在磁盘空间不足，恢复没有进行。当前数据库没有任何改动。") from error
        raise BackupError(f"恢复失败：{layout.os_reason(error)}。当前数据库没有任何改动。") from error
    if head is not None:
        _move_outside_anchors(data_dir, key, head)
    from rongcuo_desktop.store.keys import remember_key_file

    remember_key_file(key_file)  # a wrong passphrase on it later is told apart from an altered file
    log.info("store restored from a backup (kind=%s)", manifest.kind)
    return result


#: Who restores when the caller names nobody (the program, as for a schema upgrade).
_PROGRAM = AccountInfo(id=0, name="（程序）", role=Role.CHAIR)


def _record_restore(
    staged_db: Path, key: bytes, by: AccountInfo | None, summary: str
) -> tuple[int, str] | None:
    """Append the RESTORE event to the checked copy: who (as the restored store knows them by name),
    which backup, where the replaced store is kept. Returns the new head, None for a chain-less file."""
    from rongcuo_desktop.store.audit import append_event_raw

    actor = by or _PROGRAM
    conn = connect_raw(staged_db, key)
    try:
        if actor.id:
            # The same person in the restored store (ids differ between stores); else by name only.
            actor = AccountInfo(0, actor.name, actor.role)
            with contextlib.suppress(sqlcipher3.DatabaseError, ValueError):
                row = conn.execute(
                    "SELECT id, role FROM accounts WHERE name = ? AND active", (actor.name,)
                ).fetchone()
                if row is not None:
                    actor = AccountInfo(int(row[0]), actor.name, Role.from_code_or_label(str(row[1])))
        event = append_event_raw(conn, actor, Action.RESTORE, summary=summary)
    finally:
        conn.close()
    return None if event is None else (event.seq, event.hash)


def _key_file_at(raw: bytes, key: bytes, head: tuple[int, str]) -> bytes:
    """The restored key file with its anchor at the restore's event and the note of the outside
    anchors this restore supersedes (HMAC'd under the restored key: nobody without it can forge one)."""
    from rongcuo_desktop.store.audit_anchors import ConfigAnchor
    from rongcuo_desktop.store.audit_chain import anchor_key, make_anchor, restore_mac
    from rongcuo_desktop.store.keys import credential_store_anchor, key_file_with_anchor

    mac_key = anchor_key(bytes(key))
    uuid_ = _key_file_store_uuid_bytes(raw)
    config = None
    if uuid_ is not None:
        with contextlib.suppress(ValueError):
            config = ConfigAnchor(uuid_).read()
    superseded: dict[str, Any] = {"config": config, "credential_store": credential_store_anchor(raw)}
    note = {**superseded, "mac": restore_mac(mac_key, superseded)}
    return key_file_with_anchor(raw, make_anchor(mac_key, *head).to_json(), note)


def _move_outside_anchors(data_dir: Path, key: bytes, head: tuple[int, str]) -> None:
    """The second step: the config folder's and the credential store's anchors follow the restored
    head (a failure here is finished by the next open, which reads the restore's note)."""
    from rongcuo_desktop.store.audit import AnchorKeeper

    try:
        AnchorKeeper(data_dir, key).write(*head, credential_store=True)
    except Exception as error:
        log.warning("anchors outside the data folder not moved after the restore: %s", type(error).__name__)


def _kept_dir(files: StoreFiles) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return files.data_dir / BACKUPS_DIR_NAME / f"{KEPT_PREFIX}{stamp}"


def _keep_current(files: StoreFiles, parts: list[Path], kept: Path) -> Path:
    """Move the current store's files, together and untouched, into backups/kept-before-restore-*."""
    kept.mkdir(parents=True)
    (kept / "说明.txt").write_text(
        "这里是恢复备份之前的数据库，原样保留（已加密）。如需找回，关闭程序后把这些文件移回数据目录即可。\n",
        encoding="utf-8",
    )
    moved: list[Path] = []
    try:
        for part in parts:
            if part in (files.database, files.key_file):
                try:
                    # A second name for the same file: the live name stays until the atomic replace
                    # that follows, so a crash in between never leaves the data folder without a store.
                    os.link(part, kept / part.name)
                    continue
                except OSError:
                    pass  # no hard links on this file system: move it (a short window, then replace)
            # Side files (-wal/-shm/-journal) belong to the old database and must never meet the new one.
            os.replace(part, kept / part.name)
            moved.append(part)
    except OSError:
        for part in moved:
            with contextlib.suppress(OSError):
                os.replace(kept / part.name, part)
        raise
    _fsync_dir(kept)
    _fsync_dir(files.data_dir)
    return kept


def _put_back(kept: Path, data_dir: Path) -> None:
    for item in kept.iterdir():
        if item.name == "说明.txt":
            continue
        with contextlib.suppress(OSError):
            os.link(item, data_dir / item.name)  # a hard-linked original is still in place: keep both
            continue
        with contextlib.suppress(OSError):
            os.replace(item, data_dir / item.name)


@dataclass(frozen=True)
class KeyRecovery:
    """A key file put back from a backup: the key, the backup it came from, where a damaged key
    file that was in the way now lies (None when the file was missing)."""

    key: bytes
    manifest: BackupManifest
    kept_aside: Path | None

    @property
    def summary(self) -> str:
        """The audit trail's line (Store.record_key_recovery): no names, no case data."""
        kind = _KIND_LABELS.get(self.manifest.kind, self.manifest.kind)
        text = f"从备份找回了密钥文件（{kind}备份，备份时间 {self.manifest.created_local}），数据库保持现状"
        if self.kept_aside is not None:
            text += f"；原来损坏的密钥文件保留在 {BACKUPS_DIR_NAME}/{self.kept_aside.name}"
        return text


def recover_key_file(
    backup_path: Path, passphrase: str, files: StoreFiles, unwrap: Unwrap | None = None
) -> KeyRecovery:
    """A lost or damaged key file, put back from a backup of this store with its passphrase (issue 11,
    item 9): only the key file, the database stays as it is. Refused unless the backup's key opens
    the CURRENT database (after a re-key an older backup's does not).

    A damaged key file in the way is kept in backups/, never overwritten in place."""
    from rongcuo_desktop.store.errors import KeyFileProblem
    from rongcuo_desktop.store.keys import KeyManager, remember_key_file
    from rongcuo_desktop.store.rekey import database_key

    unchanged = "当前的数据库和密钥文件都没有改动。"
    if not files.database.exists():
        raise BackupError(
            f"数据目录中没有数据库文件，只找回密钥文件没有意义：请用“从备份恢复”整个恢复。{unchanged}"
        )
    if files.key_file.exists():
        try:
            KeyManager(files.data_dir).check_key_file()
        except KeyFileProblem:
            pass  # damaged: it is kept aside below
        else:
            raise BackupError(f"当前的密钥文件完好，不需要找回。{unchanged}")
    manifest = read_manifest(backup_path)
    try:
        key = (unwrap or unwrap_key_file)(manifest.key_file_bytes, passphrase)
    except WrongPassphrase:
        raise WrongPassphrase(WRONG_BACKUP_PASSPHRASE) from None
    except StoreError as error:
        raise BackupDamaged(f"备份里的密钥部分无法读取：{error}") from error
    check_manifest_mac(manifest, key)
    try:
        opens = database_key(files.data_dir, key) is not None
    except sqlcipher3.DatabaseError as error:
        if cannot_access(error):
            raise not_accessible(files.database, error) from error
        opens = False
    if not opens:
        raise BackupError(
            f"“{backup_path.name}”里的密钥打不开现在的数据库：这个备份做成之后更换过口令（数据库已重新加密），"
            "或它是别的库的备份。请用更换口令之后做的备份找回密钥文件；或者用这个备份整个恢复"
            f"（数据回到备份时的样子，当前库会原样保留）。{unchanged}"
        )
    aside = None
    try:
        if files.key_file.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            aside = files.data_dir / BACKUPS_DIR_NAME / f"damaged-key-file-{stamp}.json"
            aside.parent.mkdir(parents=True, exist_ok=True)
            os.replace(files.key_file, aside)
        layout.atomic_write(files.key_file, manifest.key_file_bytes)
    except OSError as error:
        if aside is not None and aside.exists() and not files.key_file.exists():
            with contextlib.suppress(OSError):
                os.replace(aside, files.key_file)  # back where it was: nothing changed
        reason = "磁盘空间不足" if _is_disk_full(error) else layout.os_reason(error)
        raise BackupError(
            f"无法写入密钥文件（{reason}），没有找回。数据目录 {files.data_dir} 需要可以写入。{unchanged}"
        ) from error
    remember_key_file(manifest.key_file_bytes)
    log.info("key file recovered from a backup (kind=%s)", manifest.kind)
    return KeyRecovery(key, manifest, aside)
