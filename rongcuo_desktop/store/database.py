"""The encrypted store: one SQLCipher file opened with a raw 256-bit key through SQLAlchemy 2.

Every connection is made by ``connection.connect`` in the engine's ``creator`` function, so the key
never sits in a URL and the rules of connection.py (key first, key proved, temp_store in memory,
WAL + synchronous FULL) hold for each one.

One connection per Store (a StaticPool), used from one thread at a time: the UI runs store calls
on a single worker thread, so the connection must allow a thread other than its creator.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import os
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from rongcuo_desktop import __version__
from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.domain.roles import AccountInfo, Action
from rongcuo_desktop.store.accounts import AccountRepository
from rongcuo_desktop.store.audit import TimelineEntry, VerifyReport, timeline
from rongcuo_desktop.store.audit_chain import ChainProblem
from rongcuo_desktop.store.audit_log import AuditLine, audit_lines
from rongcuo_desktop.store.connection import NOT_OURS, connect
from rongcuo_desktop.store.credential import Credential
from rongcuo_desktop.store.errors import (
    NotOurDatabase,
    StoreAlreadyExists,
    StoreError,
    StoreNotFound,
    StoreTooNew,
)
from rongcuo_desktop.store.guard import READ_ONLY_NOTE, SYSTEM_ACTOR, AccessGuard
from rongcuo_desktop.store.keys import CredentialStoreStatus
from rongcuo_desktop.store.layout import (
    db_path,
    ensure_writable_dir,
    existing_store_files,
    key_path,
    not_writable,
    os_reason,
    remove_stale_leftovers,
)
from rongcuo_desktop.store.locking import StoreLock
from rongcuo_desktop.store.migrations import HEAD_REVISION, MIGRATIONS_DIR
from rongcuo_desktop.store.repository import CaseRepository, _read_error
from rongcuo_desktop.store.secret import KeyBox
from rongcuo_desktop.store.wal_guard import WalGuard

if TYPE_CHECKING:
    from rongcuo_desktop.store.casework import CaseworkRepository
    from rongcuo_desktop.store.judgments import JudgmentRepository
    from rongcuo_desktop.store.saved_filters import SavedFilters
    from rongcuo_desktop.store.stats import StatsRepository
    from rongcuo_desktop.store.transfer import CaseTransfer

log = logging.getLogger(__name__)

KEY_BYTES = 32
# Up to this many cases the open compares every case with its latest events (~0.05 s for 500 here);
# a larger store checks those the latest events wrote and a random sample (audit_state.py).
ALL_STATES_AT_OPEN = 500


class Store:
    """An open store. ``cases`` is the case repository; call ``close()`` when done.

    The store holds the one-app lock file from open to close, checks the audit chain at open
    (read-only until the 主任 acknowledges a problem), and every write names its person with
    ``by=credential`` (``authenticate`` / ``key_holder`` / ``setup_credential``), whose role ``guard``
    checks below the UI. There is no "current user": once the store has accounts, a call that names
    nobody is refused.
    """

    def __init__(
        self, data_dir: Path, engine: Engine, key: bytes, file_lock: StoreLock | None = None
    ) -> None:
        self.data_dir = data_dir
        self._engine = engine
        self._lock = threading.RLock()
        self._file_lock = file_lock
        # The one long-lived copy of the key, for backups (store/backup.py); wiped at close (auto-lock).
        self.key_box = KeyBox(key)
        self.guard = AccessGuard(data_dir, key)
        self.cases = CaseRepository(engine, self._lock, self.guard)
        self.accounts = AccountRepository(self.read_session, self.write_session, self.guard)
        self.guard.lookup_account = self.accounts.get

    # A case's checklist, scores, recusals and decision; export and import (issue 4). Made when
    # first used: their modules (rulebooks, case files) are ~40 ms of imports the start can skip.

    @functools.cached_property
    def saved_filters(self) -> SavedFilters:
        """A person's saved filters of the case list (store/saved_filters.py)."""
        from rongcuo_desktop.store.saved_filters import SavedFilters

        return SavedFilters(self._engine, self._lock, self.guard)

    @functools.cached_property
    def judgments(self) -> JudgmentRepository:
        from rongcuo_desktop.store.judgments import JudgmentRepository

        return JudgmentRepository(self.read_session, self.write_session, self.guard)

    @functools.cached_property
    def casework(self) -> CaseworkRepository:
        """A case's file: moves, records of each step, committee seats, drafts (store/casework.py)."""
        from rongcuo_desktop.store.casework import CaseworkRepository

        return CaseworkRepository(self.read_session, self.write_session, self.guard)

    @functools.cached_property
    def stats(self) -> StatsRepository:
        """The statistics' counts (store/stats.py), over the cases the person may read."""
        from rongcuo_desktop.store.stats import StatsRepository

        return StatsRepository(self.read_session, self.guard)

    @functools.cached_property
    def transfer(self) -> CaseTransfer:
        from rongcuo_desktop.store.transfer import CaseTransfer

        return CaseTransfer(self.read_session, self.write_session, self.guard)

    # ----- open / create ---------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, key: bytes, *, file_lock: StoreLock | None = None) -> Store:
        """Open an existing store; never creates anything, never touches a file it cannot read.

        `file_lock`: the store lock already taken by the start-up's first look (first_look.py);
        the store holds it from now on, and releases it when the open fails.
        """
        data_dir = Path(data_dir)
        path = db_path(data_dir)
        if not path.is_file():
            hint = "密钥文件还在，" if key_path(data_dir).exists() else ""
            if file_lock is not None:
                file_lock.release()
            found = (
                f"数据目录中的 {path.name} 是一个文件夹，不是数据库文件"
                if path.is_dir()
                else f"数据目录中找不到数据库文件（{path.name}）"
            )
            raise StoreNotFound(
                f"{found}：{data_dir}。{hint}"
                "程序不会自动新建数据库，以免覆盖原有数据。请确认数据目录是否正确，或从备份中恢复。"
            )
        started = time.perf_counter()
        file_lock = file_lock or StoreLock(data_dir)
        try:
            # StoreInUse names who has it; a crashed holder's lock is recovered. A lock handed over is
            # held already, and acquire() then does nothing.
            file_lock.acquire()
        except OSError as error:  # read-only medium, permissions: say so, touch nothing
            raise not_writable(data_dir, os_reason(error)) from error
        remove_stale_leftovers(data_dir)  # temp files of a write a crash cut short (lock held)
        try:
            # A WAL or journal left beside the database is merged at the first read: copy it aside
            # first, check the merge, undo it on failure (wal_guard.py). None when nothing is pending.
            replay = WalGuard.prepare(data_dir)
        except BaseException:
            file_lock.release()
            raise
        try:
            engine = _make_engine(path, key, create=False)
            try:
                with engine.connect() as conn:
                    if replay is not None:
                        problems = _merged_problems(data_dir, key)
                        if problems:
                            raise _MergeRefused(problems)
                    migrated_from = _check_schema(conn, path, lambda: _backup_before_migration(data_dir, key))
                store = cls(data_dir, engine, key, file_lock)
                store._after_open(migrated_from)
            except BaseException:
                _dispose(engine)
                raise
        except BaseException as error:
            try:
                if replay is not None:
                    _undo_merge(replay, error)
            finally:
                file_lock.release()
            raise
        if replay is not None:
            replay.discard()
        log.info("store opened in %.1f ms", (time.perf_counter() - started) * 1000)
        return store

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
        file_lock = StoreLock(data_dir)
        try:
            file_lock.acquire()
        except OSError as error:
            raise not_writable(data_dir, os_reason(error)) from error
        remove_stale_leftovers(data_dir)
        try:
            # An empty file made owner-only and exclusively (never over one that appeared meanwhile):
            # SQLite gives -wal/-shm the main file's mode, and SQLCipher keys an empty file as new.
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            engine = _make_engine(path, key, create=True)
        except FileExistsError as error:
            file_lock.release()
            raise StoreAlreadyExists(
                f"数据目录中已经有数据库文件：{data_dir}。为保护已有数据，程序不会覆盖它。"
            ) from error
        except OSError as error:
            file_lock.release()
            raise not_writable(data_dir, os_reason(error)) from error
        except BaseException:
            file_lock.release()
            raise
        try:
            with engine.begin() as conn:
                _run_migrations(conn)
                now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                meta = {"store_id": store_id or "", "created_by": __version__, "created_at": now}
                conn.execute(
                    text("INSERT INTO store_meta (key, value) VALUES (:k, :v)"),
                    [{"k": k, "v": v} for k, v in meta.items()],
                )
            store = cls(data_dir, engine, key, file_lock)
            store._after_open(None)
        except BaseException:
            _dispose(engine)
            _remove_if_still_empty(path)  # made by us a moment ago, holds nothing: let a retry work
            file_lock.release()
            raise
        log.info("store created")
        return store

    def close(self) -> None:
        with self._lock:
            if self._engine is None:
                return
            try:
                with self.read_session() as session:
                    self.guard.at_close(session)
            except StoreError as error:
                log.warning("audit anchor at close: %s", type(error).__name__)
            try:
                with self._engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except DBAPIError as error:
                log.warning("checkpoint at close failed: %s", type(error.orig).__name__)
            _dispose(self._engine)  # and wipe the key its connections were opened with (auto-lock)
            self._engine = None  # type: ignore[assignment]
            if self._file_lock is not None:
                self._file_lock.release()
            self.key_box.wipe()
            log.info("store closed")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----- sessions, people and the audit trail (issue 4 part A) -------------------------------

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        with self._lock:
            try:
                with Session(self._engine) as session:
                    yield session
            except DBAPIError as error:
                raise _read_error(error) from error

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """One transaction; its audit event commits with it; the anchor moves after the commit."""
        with self._lock:
            try:
                with Session(self._engine, expire_on_commit=False) as session, session.begin():
                    yield session
            except BaseException as error:
                self.guard.after_rollback()
                if isinstance(error, DBAPIError):
                    raise _read_error(error) from error
                raise
            self.guard.after_commit()

    def _after_open(self, migrated_from: str | None) -> None:
        with self.read_session() as session:
            report = self.guard.check_at_open(session)
            self._check_states_at_open(session, report, upgraded=migrated_from is not None)
        if migrated_from is not None and report.ok:
            with self.write_session() as session:
                self.guard.audit(
                    session,
                    Action.MIGRATION,
                    summary=f"数据库结构由版本 {migrated_from} 升级到 {HEAD_REVISION}（升级前已自动备份）",
                    actor=SYSTEM_ACTOR,
                )

    def _check_states_at_open(self, session: Session, report: VerifyReport, *, upgraded: bool) -> None:
        """Cases as stored against their latest events (audit_state.py): all of them in a store of up
        to ALL_STATES_AT_OPEN cases, else those the latest events wrote and a random sample; the full
        check is `audit verify`'s. A mismatch makes the store read-only like a chain problem."""
        from rongcuo_desktop.store.audit import acknowledged_fingerprints
        from rongcuo_desktop.store.audit_state import ids_to_check_at_open, verify_states

        # Counted only as far as the threshold (a count of 1,000,000 cases took ~0.1 s of the open).
        count: int = session.execute(
            text("SELECT count(*) FROM (SELECT 1 FROM cases LIMIT :n)"), {"n": ALL_STATES_AT_OPEN + 1}
        ).scalar_one()
        ids = None if count <= ALL_STATES_AT_OPEN else ids_to_check_at_open(session)
        found = verify_states(session, ids, upgraded=upgraded).problems
        if found:
            done = acknowledged_fingerprints(session)
            found = [p for p in found if p.fingerprint not in done]
        if found:
            report.problems.extend(found)
            self.guard.open_report = report
            self.guard.read_only_reason = READ_ONLY_NOTE
            log.warning("case state check at open: %d problem(s); store is read-only", len(found))

    @property
    def read_only_reason(self) -> str | None:
        """Set when the check at open found audit problems; cleared by the 主任's acknowledgement."""
        return self.guard.read_only_reason

    @property
    def audit_problems(self) -> list[ChainProblem]:
        report = self.guard.open_report
        return [] if report is None else list(report.problems)

    # Who acts (store/credential.py): every write and every case read may name its person with
    # `by=credential`; the credential comes from one of these three.

    def authenticate(self, name: str, pin: str) -> Credential:
        """That person's credential, by their PIN (wrong ones audited and slowed down)."""
        credential = self.accounts.authenticate(name, pin)
        if self._file_lock is not None:
            self._file_lock.set_account(credential.name)
        return credential

    def key_holder(self, name: str | None = None) -> Credential:
        """The opener of the store (who has its key) acting as account `name`, or as the first 主任."""
        credential = self.accounts.key_holder(name)
        if self._file_lock is not None and credential.account.id:
            self._file_lock.set_account(credential.name)
        return credential

    def setup_credential(self) -> Credential:
        """A store without any account yet: the setup 主任 (refused once accounts exist)."""
        return self.guard.setup_credential()

    def record(
        self,
        action: Action,
        *,
        case_id: int | None = None,
        summary: str = "",
        by: Credential | None = None,
        **states: Any,
    ) -> None:
        """Record a read-like event (export, attachment opened, failed unlock): checked, then appended.

        Allowed while read-only (it changes no case), but the anchor does not move until acknowledged.
        """
        actor = self.guard.check(action, by)
        with self._lock:
            if case_id is not None:
                with self.read_session() as session:
                    self.guard.check_read_case(session, case_id, by)
            with self.write_session() as session:
                self.guard.audit(
                    session,
                    action,
                    case_id=case_id,
                    summary=summary,
                    before=states.get("before"),
                    after=states.get("after"),
                    actor=actor,
                )

    def record_failed_unlocks(self, count: int) -> None:
        """Passphrase attempts that failed before this open (the database was still locked then)."""
        if count <= 0:
            return
        with self.write_session() as session:
            self.guard.audit(
                session, Action.FAILED_UNLOCK, summary=f"恢复口令错误 {count} 次", actor=SYSTEM_ACTOR
            )

    def record_restore(self, summary: str, by: AccountInfo | Credential | None = None) -> None:
        """This database was put in place from a backup: say so in its chain (who, which backup, where
        the replaced store is kept), so a restore never reverts the record unseen.

        A restore made by store.backup.restore_backup records itself, and moves the anchors in the same
        step (issue 11, item 12): right after one (the chain's last event is that restore) this does
        nothing, so a caller that still records the restore does not record it twice.
        """
        with self.read_session() as session:
            last = session.execute(text("SELECT action FROM audit_events ORDER BY id DESC LIMIT 1")).scalar()
        if last == Action.RESTORE.value:
            return
        actor = self.guard.verify(by) if isinstance(by, Credential) else by or SYSTEM_ACTOR
        with self.write_session() as session:
            self.guard.audit(session, Action.RESTORE, summary=summary, actor=actor)

    def record_key_recovery(self, summary: str) -> None:
        """The key file was put back from a backup (the database itself untouched): said in the chain
        as the program's restore, since nobody could sign in while the key file was lost."""
        with self.write_session() as session:
            self.guard.audit(session, Action.RESTORE, summary=summary, actor=SYSTEM_ACTOR)

    def audit_verify(self, *, by: Credential | None = None) -> VerifyReport:
        """The full walk of the chain, compared with the anchor (rongcuo audit verify)."""
        self.guard.check(Action.AUDIT_VIEW, by)
        from rongcuo_desktop.store.audit import acknowledged_fingerprints
        from rongcuo_desktop.store.audit_state import verify_states

        with self.read_session() as session:
            report = self.guard.verify_chain(session)
            states = verify_states(session)  # every case against its latest events (audit_state.py)
            done = acknowledged_fingerprints(session)
        report.problems.extend(p for p in states.problems if p.fingerprint not in done)
        report.acknowledged.extend(p for p in states.problems if p.fingerprint in done)
        report.states_checked, report.states_unchecked = states.checked, states.unchecked
        return report

    def audit_timeline(self, case_id: int, *, by: Credential | None = None) -> list[TimelineEntry]:
        with self.read_session() as session:
            viewer = self.guard.check_read_case(session, case_id, by)
            return timeline(session, case_id, viewer)  # a 委员 reads others' scores only once decided

    def audit_log(self, *, by: Credential | None = None) -> list[AuditLine]:
        """Every event of the trail, oldest first (rongcuo audit log): for those who may view the audit."""
        self.guard.check(Action.AUDIT_VIEW, by)
        with self.read_session() as session:
            return audit_lines(session)

    def acknowledge_audit_problems(self, *, by: Credential | None = None) -> None:
        """The 主任 has read the warning: record it, re-anchor, leave read-only mode."""
        problems = self.audit_problems
        with self.write_session() as session:
            self.guard.acknowledge(session, problems, by)
        with self.read_session() as session:
            self.guard.after_acknowledge(session)

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

    def add_demo_cases(self, *, by: Credential | None = None) -> int:
        """Add the demo cases whose 文号 are not in the store yet; returns how many were added."""
        from rongcuo_desktop.domain.demo import demo_cases
        from rongcuo_desktop.paths import demo_cases_file

        return self.cases.add_missing(demo_cases(demo_cases_file()), by=by)

    def add_cases(self, cases: Iterable[Case], *, by: Credential | None = None) -> int:
        """Bulk insert (synthetic cases for benchmarks and load tests)."""
        return self.cases.add_many(cases, by=by)


# ----- the connection --------------------------------------------------------------------------


# The key each engine opens its connections with, in a wipeable box rather than a PRAGMA string kept
# in the creator's closure: the closed store stays referenced (the locked window's models hold it), so
# that string would have kept the key in memory through an auto-lock. _dispose wipes the box.
_ENGINE_KEYS: weakref.WeakKeyDictionary[Engine, KeyBox] = weakref.WeakKeyDictionary()


def _dispose(engine: Engine) -> None:
    engine.dispose()
    box = _ENGINE_KEYS.pop(engine, None)
    if box is not None:
        box.wipe()


def _make_engine(path: Path, key: bytes, *, create: bool) -> Engine:
    if len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    box = KeyBox(key)

    def creator() -> Any:
        return connect(path, box, create=create)

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

    _ENGINE_KEYS[engine] = box
    return engine


class _MergeRefused(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems[0] if problems else "")
        self.problems = problems


def _merged_problems(data_dir: Path, key: bytes) -> list[str]:
    """The checks of a database a leftover WAL was just merged into (on connections of their own,
    while the store's connection keeps the merged WAL open): both integrity checks, then the whole
    audit chain, compared with the anchor in the key file. Runs only after a crash (~3 s at 100,000
    cases, most of it integrity_check)."""
    from rongcuo_desktop.store.backup import audit_problems, database_problems

    path = db_path(data_dir)
    problems = database_problems(path, key)
    if not problems:
        try:
            key_file = key_path(data_dir).read_bytes()
        except OSError:
            key_file = None
        problems = audit_problems(path, key, key_file)
    return problems


def _undo_merge(replay: WalGuard, error: BaseException) -> None:
    """The open failed with a leftover journal merged: put the copies back and raise the reason,
    saying (by SHA-256) whether the files are as they were."""
    if isinstance(error, _MergeRefused):
        raise replay.failed(error.problems) from None
    if isinstance(error, NotOurDatabase):  # the merged file cannot even be read as ours
        raise replay.failed([str(error)]) from error
    if isinstance(error, StoreError):  # e.g. too new: the reason stands, and what became of the files
        note = replay.undo_note()
        try:
            replaced = type(error)(f"{error}{note}")
        except TypeError:
            replaced = StoreError(f"{error}{note}")
        raise replaced from error
    replay.put_back()  # an interruption or a bug: the copies go back, the error is raised as it is


def _check_schema(conn: Connection, path: Path, before_migration: Callable[[], None]) -> str | None:
    """Refuse a foreign or newer store; bring an older one up to date (after a backup).

    Returns the revision the store had when it was upgraded, None when it was already current.
    """
    try:
        tables = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"alembic_version", "store_meta", "cases"} <= tables:
            raise NotOurDatabase(NOT_OURS.format(path=path))
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        conn.rollback()
    except DBAPIError as error:
        raise NotOurDatabase(NOT_OURS.format(path=path)) from error
    if revision == HEAD_REVISION:
        return None
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
            "请安装最新版本的程序后再打开；这个版本只读取了数据库文件，没有写入。"
        )
    log.info("store schema upgrade from %s", revision)
    before_migration()
    with conn.begin():
        _run_migrations(conn)
    return revision


def _remove_if_still_empty(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.stat().st_size == 0:
            path.unlink()


def _run_migrations(conn: Connection) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = conn
    command.upgrade(config, "head")


def _backup_before_migration(data_dir: Path, key: bytes) -> None:
    """An encrypted backup (SQLite backup API, never a file copy) before the schema changes."""
    from rongcuo_desktop.store.backup import BACKUPS_DIR_NAME, BackupError, StoreFiles, create_backup

    try:
        path = create_backup(
            StoreFiles.in_dir(data_dir), key, data_dir / BACKUPS_DIR_NAME, kind="pre-migration"
        )
    except BackupError as error:
        raise StoreError(
            f"这个数据库需要升级到新版本的结构，但升级前的自动备份没有成功：{error}"
            "为安全起见没有升级，程序没有写入数据库文件。"
        ) from error
    log.info("pre-migration backup written: %s", path.name)


def _store_id_from_key_file(data_dir: Path) -> str | None:
    import json

    try:
        value = json.loads(key_path(data_dir).read_text(encoding="utf-8")).get("store_id")
    except (OSError, ValueError, AttributeError):
        return None
    return str(value) if value else None


def initialize_store(
    data_dir: Path,
    passphrase: str,
    *,
    require_passphrase_each_start: bool = False,
    kdf_target_seconds: float | None = None,
) -> tuple[Store, CredentialStoreStatus]:
    """First start: wrap a new key under the passphrase, then create the empty database.

    Refuses (StoreAlreadyExists) when any part of a store is there. If the database cannot be
    created after the key file was written, that new key file is removed again (it protects
    nothing yet), so a second attempt is not refused; an existing file is never touched.
    """
    from rongcuo_desktop.store.keys import KeyManager

    manager = (
        KeyManager(data_dir)
        if kdf_target_seconds is None
        else KeyManager(data_dir, kdf_target_seconds=kdf_target_seconds)
    )
    status = manager.credential_store_status()
    key = manager.create(passphrase, require_passphrase_each_start=require_passphrase_each_start)
    try:
        store = Store.create(data_dir, key, store_id=manager.store_id)
    except BaseException:
        if not db_path(data_dir).exists():
            with contextlib.suppress(OSError):
                key_path(data_dir).unlink()
        raise
    return store, status
