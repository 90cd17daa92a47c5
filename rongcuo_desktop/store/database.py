"""The encrypted store: one SQLCipher file opened with a raw 256-bit key through SQLAlchemy 2.

Rules kept here, for every connection:
- the key is given by ``PRAGMA key`` in a ``creator`` function, before anything else is read or
  written: the file is never written unencrypted, and the key never sits in a URL;
- ``temp_store`` is memory (asserted): with temp files on disk SQLite writes sorter and temp-table
  pages in plaintext;
- the key is proved with a read of ``sqlite_master``; a wrong key or a foreign file raises
  NotOurDatabase and nothing is created (open uses ``mode=rw``, which cannot create a file);
- WAL + synchronous FULL: a save that returned survives a kill or a power cut.

One connection per Store (a StaticPool), used from one thread at a time: the UI runs store calls
on a single worker thread, so the connection must allow a thread other than its creator.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool

from rongcuo_desktop import __version__
from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.store.errors import (
    NotOurDatabase,
    StoreAlreadyExists,
    StoreError,
    StoreNotFound,
    StoreTooNew,
)
from rongcuo_desktop.store.layout import (
    db_path,
    ensure_writable_dir,
    existing_store_files,
    key_path,
    not_writable,
)
from rongcuo_desktop.store.migrations import HEAD_REVISION, MIGRATIONS_DIR
from rongcuo_desktop.store.repository import CaseRepository

log = logging.getLogger(__name__)

KEY_BYTES = 32
BUSY_TIMEOUT_MS = 5000

_NOT_OURS = (
    "这个文件不是本程序的数据库，或者与密钥不匹配，也可能已经损坏：{path}。"
    "文件保持原样，没有被改动或删除。请确认数据目录是否正确，或从备份中恢复。"
)


class Store:
    """An open store. ``cases`` is the case repository; call ``close()`` when done."""

    def __init__(self, data_dir: Path, engine: Engine) -> None:
        self.data_dir = data_dir
        self._engine = engine
        self._lock = threading.RLock()
        self.cases = CaseRepository(engine, self._lock)

    # ----- open / create ---------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, key: bytes) -> Store:
        """Open an existing store; never creates anything, never touches a file it cannot read."""
        data_dir = Path(data_dir)
        path = db_path(data_dir)
        if not path.is_file():
            hint = "密钥文件还在，" if key_path(data_dir).exists() else ""
            raise StoreNotFound(
                f"数据目录中找不到数据库文件（{path.name}）：{data_dir}。{hint}"
                "程序不会自动新建数据库，以免覆盖原有数据。请确认数据目录是否正确，或从备份中恢复。"
            )
        started = time.perf_counter()
        engine = _make_engine(path, key, create=False)
        try:
            with engine.connect() as conn:
                _check_schema(conn, path)
        except BaseException:
            engine.dispose()
            raise
        log.info("store opened in %.1f ms", (time.perf_counter() - started) * 1000)
        return cls(data_dir, engine)

    @classmethod
    def create(cls, data_dir: Path, key: bytes, *, store_id: str | None = None) -> Store:
        """Create a new, empty store. Refuses when any part of a store is already there."""
        data_dir = Path(data_dir)
        ensure_writable_dir(data_dir)
        path = db_path(data_dir)
        if any(p != key_path(data_dir) for p in existing_store_files(data_dir)):
            raise StoreAlreadyExists(
                f"数据目录中已经有数据库文件：{data_dir}。为保护已有数据，程序不会覆盖它。"
            )
        if store_id is None and key_path(data_dir).exists():
            store_id = _store_id_from_key_file(data_dir)
        engine = _make_engine(path, key, create=True)
        try:
            with engine.begin() as conn:
                _run_migrations(conn)
                now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                meta = {"store_id": store_id or "", "created_by": __version__, "created_at": now}
                conn.execute(
                    text("INSERT INTO store_meta (key, value) VALUES (:k, :v)"),
                    [{"k": k, "v": v} for k, v in meta.items()],
                )
        except BaseException:
            engine.dispose()
            raise
        log.info("store created")
        return cls(data_dir, engine)

    def close(self) -> None:
        with self._lock:
            try:
                with self._engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except DBAPIError as error:
                log.warning("checkpoint at close failed: %s", type(error.orig).__name__)
            self._engine.dispose()
            log.info("store closed")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----- small conveniences ----------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        """For later store modules (audit, backup) that need their own SQL; hold ``lock`` while used."""
        return self._engine

    @property
    def lock(self) -> threading.RLock:
        return self._lock

    def meta(self) -> dict[str, str]:
        with self._lock, self._engine.connect() as conn:
            return {str(k): str(v) for k, v in conn.execute(text("SELECT key, value FROM store_meta"))}

    def add_demo_cases(self) -> int:
        """Add the demo cases whose 文号 are not in the store yet; returns how many were added."""
        from rongcuo_desktop.domain.demo import demo_cases

        return self.cases.add_missing(demo_cases())

    def add_cases(self, cases: Iterable[Case]) -> int:
        """Bulk insert (synthetic cases for benchmarks and load tests)."""
        return self.cases.add_many(cases)


# ----- the connection --------------------------------------------------------------------------


def _make_engine(path: Path, key: bytes, *, create: bool) -> Engine:
    if len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    pragma_key = f"PRAGMA key = \"x'{key.hex()}'\""
    uri = path.resolve().as_uri() + ("?mode=rwc" if create else "?mode=rw")

    def creator() -> Any:
        try:
            conn = sqlcipher3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        except sqlcipher3.dbapi2.Error as error:
            if create:
                raise not_writable(path.parent, error) from error
            raise StoreNotFound(f"无法打开数据库文件：{path}（{error}）。文件没有被改动。") from error
        try:
            # SQLCipher's own log goes to stderr; our log records the failure (without paths or data).
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(pragma_key)
            # The key is proved by reading page 1; SQLCipher fails here on a wrong key or a foreign file.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA temp_store = MEMORY")
            temp_store = conn.execute("PRAGMA temp_store").fetchone()[0]
            if temp_store != 2:
                raise StoreError("数据库的临时存储无法设为内存，为避免明文写入磁盘，程序停止打开。")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("journal_mode is %s, not wal", mode)
            conn.execute("PRAGMA synchronous = FULL")
        except sqlcipher3.dbapi2.DatabaseError as error:
            conn.close()
            log.warning("key check failed: %s", type(error).__name__)
            raise NotOurDatabase(_NOT_OURS.format(path=path)) from error
        except BaseException:
            conn.close()
            raise
        return conn

    engine = create_engine(
        "sqlite://",
        creator=creator,
        module=sqlcipher3.dbapi2,
        poolclass=StaticPool,
    )

    # The driver runs in autocommit (isolation_level=None); SQLAlchemy's transactions emit BEGIN
    # themselves, so DDL in migrations is transactional and nothing is committed half-done.
    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def _check_schema(conn: Connection, path: Path) -> None:
    """Refuse a foreign or newer store; bring an older one up to date."""
    try:
        tables = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"alembic_version", "store_meta", "cases"} <= tables:
            raise NotOurDatabase(_NOT_OURS.format(path=path))
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        conn.rollback()
    except DBAPIError as error:
        raise NotOurDatabase(_NOT_OURS.format(path=path)) from error
    if revision == HEAD_REVISION:
        return
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    from rongcuo_desktop.store.migrations import MIGRATIONS_DIR as folder

    script = ScriptDirectory(str(folder))
    try:
        known = revision is not None and script.get_revision(revision) is not None
    except CommandError:
        known = False
    if not known:
        raise StoreTooNew(
            "这个数据库由更新版本的程序创建或升级过，当前版本无法安全地打开它。"
            "请安装最新版本的程序后再打开；数据库文件没有被改动。"
        )
    log.info("store schema upgrade from %s", revision)
    with conn.begin():
        _run_migrations(conn)


def _run_migrations(conn: Connection) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = conn
    command.upgrade(config, "head")


def _store_id_from_key_file(data_dir: Path) -> str | None:
    import json

    try:
        value = json.loads(key_path(data_dir).read_text(encoding="utf-8")).get("store_id")
    except (OSError, ValueError, AttributeError):
        return None
    return str(value) if value else None
