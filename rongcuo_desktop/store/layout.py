"""The files of a store in its data folder, and careful ways to write them.

One module names the files so the key manager, the store and later the backup code agree on
what "a store exists here" means (any part of one present: never overwrite).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tempfile
import time
from pathlib import Path

from rongcuo_desktop.domain.os_errors import os_reason
from rongcuo_desktop.store.errors import DataDirNotWritable

DB_FILE_NAME = "rongcuo.db"
KEY_FILE_NAME = "rongcuo-key.json"
# SQLite side files: present after a crash or while open; a store whose main file vanished but
# whose WAL remains is still "a store" and must not be overwritten.
DB_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
BACKUPS_DIR_NAME = "backups"

# What a process killed at the wrong moment leaves behind (see remove_stale_leftovers):
# atomic_write's temporary file ".<target>.<8 random chars>.tmp" beside one of our files, and a
# backup's ".<name>.rcbak.<pid>.part" in backups/ (store/backup.py writes it, then renames it).
_ATOMIC_TMP_RE = re.compile(r"^\.rongcuo[^/]*\.[A-Za-z0-9_]{8}\.tmp$")
_BACKUP_PART_RE = re.compile(
    r"^\.(auto|manual|pre-migration|pre-rekey)-\d{8}-\d{6}-\d{3}(-\d+)?\.rcbak(\.\d+)?\.part$"
)
# A backup being written touches its .part file with every step; one untouched this long is dead.
STALE_PART_SECONDS = 15 * 60

log = logging.getLogger(__name__)


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILE_NAME


def key_path(data_dir: Path) -> Path:
    return data_dir / KEY_FILE_NAME


def existing_store_files(data_dir: Path) -> list[Path]:
    db = db_path(data_dir)
    candidates = [db, *(db.with_name(db.name + suffix) for suffix in DB_SIDE_SUFFIXES), key_path(data_dir)]
    return [path for path in candidates if path.exists()]


def not_writable(data_dir: Path, reason: object | None = None) -> DataDirNotWritable:
    return DataDirNotWritable(
        f"数据目录无法写入：{data_dir}。请选择一个可以写入的文件夹（例如本机的“文档”目录），"
        "或请管理员检查该文件夹的权限和磁盘空间。" + (f"（系统提示：{reason}）" if reason else "")
    )


def ensure_writable_dir(data_dir: Path) -> None:
    """Create the folder if needed and prove a file can be written there (root ignores chmod)."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=data_dir, prefix=".write-test-", delete=True) as probe:
            probe.write(b"ok")
            probe.flush()
    except OSError as error:
        raise not_writable(data_dir, os_reason(error)) from error


def atomic_write(path: Path, data: bytes) -> None:
    """Write a small file so that a crash leaves either the old or the new content, never half."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def remove_stale_leftovers(data_dir: Path) -> int:
    """Remove the temporary files of writes that a crash or SIGKILL cut short; returns how many.

    Call it only while holding the store lock (store/locking.py): then no other app writes here.
    An atomic_write's temporary file is never needed again (the target was either replaced or
    never touched), and it may hold a copy of the wrapped key. A backup's .part file is removed only
    when it has not been written to for STALE_PART_SECONDS, because `rongcuo backup` may write into
    backups/ without the lock. Every failure is ignored: this is tidying, never a reason not to open.
    """
    removed = 0
    candidates = [p for p in _listing(data_dir) if _ATOMIC_TMP_RE.match(p.name)]
    now = time.time()
    for part in _listing(data_dir / BACKUPS_DIR_NAME):
        if _BACKUP_PART_RE.match(part.name):
            with contextlib.suppress(OSError):
                if now - part.stat().st_mtime > STALE_PART_SECONDS:
                    candidates += [part, *(part.with_name(part.name + s) for s in DB_SIDE_SUFFIXES)]
    for path in candidates:
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed += 1
    if removed:
        log.info("removed %d stale temporary file(s) left by an interrupted write", removed)
    return removed


def _listing(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a directory for fsync; NTFS journals the rename
        return
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
