"""One SQLCipher connection to the store's file, made safe before anything else is read or written.

Without SQLAlchemy on purpose: the store's engine (database.py) makes every connection here, and
the start-up's first look at the case list (first_look.py) makes its one connection here too, before
SQLAlchemy is imported. The rules of every connection:
- the key is given by ``PRAGMA key`` first: the file is never written unencrypted;
- the key is proved with a read of ``sqlite_master``; a wrong key or a foreign file raises
  NotOurDatabase (``mode=rw`` cannot create a file);
- ``temp_store`` is memory (asserted): with temp files on disk SQLite writes sorter and temp-table
  pages in plaintext;
- WAL + synchronous FULL: a save that returned survives a kill or a power cut.

`connect_raw` is the same recipe's first half (key first, temp_store in memory asserted) for the
backup and the integrity checks, which read a live store beside the app (read-only) or write a
staged copy, and must not change the journal mode of a file they only look at or are building.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import sqlcipher3

from rongcuo_desktop.store.errors import NotOurDatabase, StoreError, StoreNotFound
from rongcuo_desktop.store.layout import not_writable
from rongcuo_desktop.store.secret import KeyBox

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
# SQLite's page cache holds decrypted pages (a page read again from the file is decrypted again). It
# is sized to the file, because what the searches go back to grows with it: with filters on, a
# keystroke reads the text of every filtered case (~60 MB of pages at 1,000,000 cases: 37 ms per
# keystroke with 64 MiB, 203 ms with 16), while at 100,000 cases 8-12 MiB answer as fast and the
# full 64 MiB was a third of the process's memory (RSS 208 -> ~155 MB after searching and sorting).
PAGE_CACHE_MIN_KIB = 8 * 1024
PAGE_CACHE_MAX_KIB = 64 * 1024
PAGE_CACHE_SHARE = 16  # the cache may hold 1/16 of the file, within those bounds


def page_cache_kib(path: Path) -> int:
    """The page cache for the database file at `path` (KiB): 1/16 of it, 8-64 MiB. The store's own
    connections use it; the benchmarks' bare connections take the same, so floors are comparable."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # a new file: the smallest
    return max(PAGE_CACHE_MIN_KIB, min(PAGE_CACHE_MAX_KIB, size // 1024 // PAGE_CACHE_SHARE))


# No claim that the file is "unchanged" here: that is said only after a SHA-256 comparison (a leftover
# WAL merged and put back, wal_guard.py). What is certain without one: this program wrote nothing to it
# (the key and the owner are proved by reading before any PRAGMA that writes, and a pending journal is
# merged only under wal_guard) and deleted nothing.
NOT_OURS = (
    "这个文件不是本程序的数据库，或者与密钥不匹配，也可能已经损坏：{path}。"
    "程序只读取了它，没有写入或删除。请确认数据目录是否正确，或从备份中恢复。"
)


def _keyed(conn: sqlcipher3.Connection, key: bytes) -> None:
    """The key before anything else is read or written: the file is never written unencrypted."""
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")


def _temp_store_in_memory(conn: sqlcipher3.Connection) -> None:
    """With temp files on disk SQLite writes sorter and temp-table pages in plaintext."""
    conn.execute("PRAGMA temp_store = MEMORY")
    if conn.execute("PRAGMA temp_store").fetchone()[0] != 2:
        raise StoreError("数据库的临时存储无法设为内存，为避免明文写入磁盘，操作已停止。")


def connect_raw(path: Path, key: bytes, *, readonly: bool = False) -> sqlcipher3.Connection:
    """A keyed connection for backup and checks: key first, temp_store in memory, nothing else set.
    `readonly`: beside the app's own connection, never writing. Driver errors are left to the caller
    (a check reports them as problems)."""
    uri = path.resolve().as_uri() + ("?mode=ro" if readonly else "?mode=rwc")
    conn = sqlcipher3.connect(uri, uri=True, check_same_thread=False)
    try:
        _keyed(conn, bytes(key))
        _temp_store_in_memory(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _why_unopenable(path: Path) -> str:
    """SQLite says only "unable to open database file", in English: say which case it is."""
    if not path.exists():
        return "文件不存在"
    if path.is_dir():
        return "这是一个文件夹，不是数据库文件"
    if not os.access(path, os.R_OK | os.W_OK):
        return "没有读写这个文件的权限"
    return "文件无法打开"


def connect(path: Path, box: KeyBox, *, create: bool) -> sqlcipher3.Connection:
    """A keyed, checked connection in autocommit mode (callers BEGIN their own transactions)."""
    uri = path.resolve().as_uri() + ("?mode=rwc" if create else "?mode=rw")
    try:
        conn = sqlcipher3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    except sqlcipher3.dbapi2.Error as error:
        if create:
            raise not_writable(path.parent, error) from error
        log.warning("the database file could not be opened: %s", error)  # SQLite's words, no path
        raise StoreNotFound(
            f"无法打开数据库文件：{path}（{_why_unopenable(path)}）。程序没有写入或删除它。"
        ) from error
    try:
        # SQLCipher's own log goes to stderr; our log records the failure (without paths or data).
        conn.execute("PRAGMA cipher_log_level = NONE")
        _keyed(conn, box.get())  # RuntimeError once wiped: locked
        # The key is proved by reading page 1; SQLCipher fails here on a wrong key or a foreign file.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not create:
            # Before any PRAGMA that writes (journal_mode rewrites the header): an empty file or
            # another SQLCipher database that happens to open with this key is not ours.
            ours = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()[0]
            if not ours:
                raise NotOurDatabase(NOT_OURS.format(path=path))
        _temp_store_in_memory(conn)
        conn.execute(f"PRAGMA cache_size = -{page_cache_kib(path)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("journal_mode is %s, not wal", mode)
        conn.execute("PRAGMA synchronous = FULL")
    except sqlcipher3.dbapi2.DatabaseError as error:
        conn.close()
        log.warning("key check failed: %s", type(error).__name__)
        raise NotOurDatabase(NOT_OURS.format(path=path)) from error
    except BaseException:
        conn.close()
        raise
    return conn
