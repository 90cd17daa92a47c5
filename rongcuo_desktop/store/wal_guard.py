"""A leftover write-ahead log is merged only with a copy kept aside, and undone if the result is bad.

Why: SQLite merges ("replays") a ``rongcuo.db-wal`` it finds beside the database at the first read,
writing its pages into ``rongcuo.db``. A WAL left by a crash belongs to the database it was written
for, and merging it is how the saves of the crashed session survive. But a WAL that does not belong
(an old one beside a newer database, a crash's WAL beside an older copy of the database put back)
turns the database into garbage, and the merge cannot be undone afterwards.

So before the store opens a database with a non-empty WAL (or a rollback journal) beside it, and while
it holds the store lock (no other app has the file open: the WAL is a leftover), the database, WAL and
shm are copied into ``backups/wal-replay-<time>/`` (owner-only, like the store). After the open, the
merged database must pass ``cipher_integrity_check``, ``integrity_check`` and the audit chain walk
(store/backup.py's checks). On failure the copies are moved back and compared by SHA-256 with what was
there before, and the message says exactly that; on success the copies are removed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from rongcuo_desktop.store.errors import DataDirNotWritable, NotOurDatabase
from rongcuo_desktop.store.integrity_words import describe_problems
from rongcuo_desktop.store.layout import BACKUPS_DIR_NAME, DB_SIDE_SUFFIXES, db_path, fsync_dir, os_reason

log = logging.getLogger(__name__)

REPLAY_PREFIX = "wal-replay-"
OWNER_ONLY = 0o600
_CHUNK = 1024 * 1024


class WalReplayFailed(NotOurDatabase):
    """The merged database failed its checks; the files were put back (or, if not, where they are).

    A NotOurDatabase, so the start-up offers the newest good backup as for any damaged store.
    """


def pending_journal(data_dir: Path) -> list[Path]:
    """The side files SQLite would replay at the next read: a WAL or rollback journal with content."""
    db = db_path(data_dir)
    found = []
    for suffix in ("-wal", "-journal"):
        side = db.with_name(db.name + suffix)
        with contextlib.suppress(OSError):
            if side.stat().st_size > 0:
                found.append(side)
    return found


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as reader:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_owner_only(source: Path, target: Path) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), OWNER_ONLY)
    with os.fdopen(fd, "wb") as writer, source.open("rb") as reader:
        shutil.copyfileobj(reader, writer, _CHUNK)
        writer.flush()
        os.fsync(writer.fileno())


@dataclass
class WalGuard:
    """The copy of a database and its side files taken before SQLite may merge the WAL."""

    data_dir: Path
    folder: Path
    hashes: dict[str, str] = field(default_factory=dict)  # file name -> SHA-256 before the merge

    @classmethod
    def prepare(cls, data_dir: Path) -> WalGuard | None:
        """Copy the database and its side files aside when a journal is pending; None when none is.

        Call it holding the store lock, before any connection is made. Raises DataDirNotWritable when
        the copy cannot be made (a full disk): the database is then not opened at all.
        """
        if not pending_journal(data_dir):
            return None
        db = db_path(data_dir)
        parts = [p for p in (db, *(db.with_name(db.name + s) for s in DB_SIDE_SUFFIXES)) if p.exists()]
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        folder = data_dir / BACKUPS_DIR_NAME / f"{REPLAY_PREFIX}{stamp}"
        guard = cls(data_dir, folder)
        try:
            folder.mkdir(parents=True, mode=0o700)
            for part in parts:
                guard.hashes[part.name] = _sha256(part)
                _copy_owner_only(part, folder / part.name)
                if _sha256(folder / part.name) != guard.hashes[part.name]:
                    raise OSError(f"the copy of {part.name} differs from the original")
            fsync_dir(folder)
        except OSError as error:
            shutil.rmtree(folder, ignore_errors=True)
            raise DataDirNotWritable(
                f"数据库旁边有上次没有正常关闭时留下的日志文件（{db.name}-wal），打开时要把它合并进数据库。"
                f"合并前必须先把数据库和日志复制一份保留，但复制没有成功（{os_reason(error)}）。"
                "为免合并出错时无法挽回，程序没有打开数据库，也没有合并日志。"
                "请腾出与数据库大小相当的磁盘空间（或检查数据目录的权限）后再打开。"
            ) from error
        log.info("a leftover journal will be merged; %d file(s) copied aside first", len(parts))
        return guard

    def discard(self) -> None:
        """The merge passed its checks: the copies are not needed."""
        shutil.rmtree(self.folder, ignore_errors=True)
        log.info("leftover journal merged and checked")

    def put_back(self) -> bool:
        """Move the copies back in place of the merged files; True when every file's SHA-256 is again
        what it was before the merge (and no file that was not there is left)."""
        db = db_path(self.data_dir)
        for suffix in ("", *DB_SIDE_SUFFIXES):
            current = db.with_name(db.name + suffix)
            if current.name not in self.hashes:
                with contextlib.suppress(OSError):
                    current.unlink()  # made by the open (an empty -shm): it was not there before
        for name in self.hashes:
            with contextlib.suppress(OSError):
                os.replace(self.folder / name, self.data_dir / name)
        fsync_dir(self.data_dir)
        same = True
        for name, digest in self.hashes.items():
            try:
                same = same and _sha256(self.data_dir / name) == digest
            except OSError:
                same = False
        if same:
            shutil.rmtree(self.folder, ignore_errors=True)
        return same

    def undo_note(self) -> str:
        """Put the copies back; the sentence that says (by SHA-256) whether the files are as before."""
        if self.put_back():
            return (
                "打开时合并过数据库旁的日志文件；合并前保留的数据库和日志已放回原处，"
                "经 SHA-256 核对与打开前逐字节相同。"
            )
        return (
            f"打开时合并过数据库旁的日志文件；合并前的副本在 {BACKUPS_DIR_NAME}/{self.folder.name}，"
            "但放回后与打开前不一致（SHA-256 不同）：请不要删除这个文件夹。"
        )

    def failed(self, problems: list[str]) -> WalReplayFailed:
        """Put the copies back and say what happened, what is as it was, and what to do."""
        db = db_path(self.data_dir).name
        restored = self.put_back()
        log.warning(
            "merged database failed its checks (%d problem(s)); copies put back: %s", len(problems), restored
        )
        what = (
            f"数据库旁边有上次没有正常关闭时留下的日志文件（{db}-wal）。打开时 SQLite 把它合并进了数据库，"
            f"合并后的数据库没有通过检查（{describe_problems(problems)}）："
            "这份日志不属于这个数据库（例如数据库或日志被换成了别的副本）。"
        )
        if restored:
            kept = "合并前程序已把数据库和日志复制保留，现已放回原处，经 SHA-256 核对与合并前逐字节相同。"
        else:
            kept = (
                f"合并前程序已把数据库和日志复制到 {BACKUPS_DIR_NAME}/{self.folder.name}，"
                "但放回后与合并前不一致（SHA-256 不同）：请不要删除这个文件夹。"
            )
        todo = "请从最近一份完好的备份恢复；或关闭程序，把整个数据目录复制保存后交给技术人员。"
        return WalReplayFailed(what + kept + todo)
