"""A first look at the case list at start-up, before SQLAlchemy is imported.

Why: importing SQLAlchemy, the ORM models and the store modules takes ~0.25 s of the ~0.6 s the
start may take to show 100,000 cases. For a store that anyone at this PC may read (no accounts
yet: the setup 主任 sees every case), the first page of the list is read here on a plain SQLCipher
connection (the same connect() and the same SQL as the repository), the window paints it, and
the Store opens right after, holding the lock this look took.

It only looks: it writes nothing a normal open would not (connect() sets WAL as every connection
does), and it declines (None) whenever a normal open has more to do or to say — a store in use,
a WAL left by a crash (merged only by Store.open, with a copy kept aside),
a missing or foreign file, a wrong key, an older or newer schema, accounts to pass, any error.
The normal open then runs as before and reports the problem the usual way.
"""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from rongcuo_desktop.store.case_list import EVERY_CASE, CaseQuery, CaseRow, has_head, read_head, read_rows
from rongcuo_desktop.store.layout import db_path
from rongcuo_desktop.store.locking import StoreLock
from rongcuo_desktop.store.migrations import HEAD_REVISION
from rongcuo_desktop.store.secret import KeyBox
from rongcuo_desktop.store.wal_guard import pending_journal

log = logging.getLogger(__name__)

_NEEDED_TABLES = frozenset({"alembic_version", "store_meta", "cases", "case_stats", "accounts"})


@dataclass
class FirstLook:
    """The first page of the list and the store lock, held for the Store.open that follows."""

    ids: list[int]
    total: int
    rows: dict[int, CaseRow]
    lock: StoreLock


def first_look(data_dir: Path, key: bytes, query: CaseQuery, limit: int) -> FirstLook | None:
    """The first `limit` rows of `query`, or None when the normal open should decide."""
    if not has_head(query):
        return None
    path = db_path(data_dir)
    if not path.is_file() or pending_journal(data_dir):
        return None  # a leftover WAL is merged only by Store.open, with a copy kept aside (wal_guard)
    started = time.perf_counter()
    lock = StoreLock(data_dir)
    try:
        lock.acquire()
    except Exception as error:  # in use, or a folder that cannot be written: Store.open says so
        log.info("first look declined: %s", type(error).__name__)
        return None
    try:
        look = _read(path, key, query, limit, lock)
    except Exception as error:  # wrong key, damage, ...: Store.open finds it again and reports it
        log.info("first look declined: %s", type(error).__name__)
        look = None
    if look is None:
        lock.release()
        return None
    log.info("first look at the case list in %.1f ms", (time.perf_counter() - started) * 1000)
    return look


def _read(path: Path, key: bytes, query: CaseQuery, limit: int, lock: StoreLock) -> FirstLook | None:
    from rongcuo_desktop.store.connection import connect  # sqlcipher3: imported here, on the worker

    box = KeyBox(key)
    try:
        conn = connect(path, box, create=False)
    finally:
        box.wipe()  # the connection is keyed; this copy is not needed any more
    with contextlib.closing(conn):
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not _NEEDED_TABLES.issubset(tables):
            return None
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != HEAD_REVISION:
            return None  # an upgrade (with its backup) is Store.open's work
        if conn.execute("SELECT 1 FROM accounts LIMIT 1").fetchone() is not None:
            return None  # the person picks themselves first: what they may see depends on it
        cursor = conn.cursor()
        try:
            conn.execute("BEGIN")  # one snapshot for the ids, the count and the rows
            ids, total = read_head(cursor, query, limit, EVERY_CASE)
            rows = read_rows(cursor, ids, EVERY_CASE)
            conn.execute("COMMIT")
        finally:
            cursor.close()
    return FirstLook(ids, total, rows, lock)
