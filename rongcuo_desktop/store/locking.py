"""One app at a time per store: an OS lock on a small file in the data folder.

Why an OS lock (fcntl.flock / msvcrt.locking) and not the `filelock` package: the kernel drops the
lock when the holder dies, so a crash never leaves a lock that has to be broken by guessing; and we
need to write who holds the store into the very file that is locked, which `filelock` truncates on
every acquire. The file holds pid, host, account name and start time, never case data.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import logging
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from rongcuo_desktop.store.errors import StoreError

LOCK_FILE_NAME = "rongcuo.lock"
# On Windows the locked byte must lie outside the JSON so another process can still read who holds it.
_LOCK_OFFSET = 1 << 20

log = logging.getLogger(__name__)


class StoreInUse(StoreError):
    """Another running app holds this store; str() is the Chinese sentence for the user."""

    def __init__(self, holder: LockHolder | None) -> None:
        self.holder = holder
        if holder is None:
            message = "该数据库正被另一个程序使用。请先关闭它，再打开本程序。"
        else:
            who = f"“{holder.account}”" if holder.account else "另一个程序"
            message = (
                f"该数据库正被{who}使用（计算机 {holder.host}，进程 {holder.pid}，"
                f"自 {holder.started_local} 起）。请先关闭那边的程序，再打开本程序。"
            )
        super().__init__(message)


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    account: str
    started: str  # ISO 8601, UTC

    @property
    def started_local(self) -> str:
        try:
            when = dt.datetime.fromisoformat(self.started).astimezone()
        except ValueError:
            return self.started
        return when.strftime("%Y-%m-%d %H:%M")

    @classmethod
    def parse(cls, text: str) -> LockHolder | None:
        try:
            data = json.loads(text)
            return cls(
                int(data["pid"]), str(data["host"]), str(data.get("account", "")), str(data["started"])
            )
        except (ValueError, KeyError, TypeError):
            return None


def _try_lock(handle: IO[bytes]) -> bool | None:
    """True: locked; False: another process holds it; None: this file system has no locks."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        # ENOLCK / EOPNOTSUPP: a file system without locks (some network shares). Fall back to the
        # holder's note: a live pid on this host (or any other host) holds it, a dead one is stale.
        log.warning("file locks unsupported here (%s); using the pid in the lock file", error.errno)
        return None
    return True


def _unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def read_holder(data_dir: Path) -> LockHolder | None:
    try:
        return LockHolder.parse((data_dir / LOCK_FILE_NAME).read_bytes()[:4096].decode("utf-8", "replace"))
    except OSError:
        return None


class StoreLock:
    """Held from open to close. `acquire` raises StoreInUse when another live process holds it."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_FILE_NAME
        self._handle: IO[bytes] | None = None
        self._started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self._account = ""
        self.recovered_from: LockHolder | None = None  # a stale holder found (crash) and replaced

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self, account: str = "") -> None:
        if self._handle is not None:
            return
        self._account = account
        handle = open(self.path, "a+b")  # noqa: SIM115 - held open for the life of the store
        locked = _try_lock(handle)
        handle.seek(0)
        previous = LockHolder.parse(handle.read(4096).decode("utf-8", "replace"))
        if locked is None and previous is not None and previous.pid != os.getpid():
            here = previous.host == socket.gethostname()
            if not here or _pid_alive(previous.pid):
                locked = False  # cannot prove the other holder gone: refuse, naming them
        if locked is False:
            handle.close()
            raise StoreInUse(previous)
        if previous is not None and previous.pid != os.getpid():
            # The OS released the lock, so its holder is gone (a crash or a kill): recover.
            alive = previous.host == socket.gethostname() and _pid_alive(previous.pid)
            log.info("recovered a stale store lock (pid %s, alive=%s)", previous.pid, alive)
            self.recovered_from = previous
        self._handle = handle
        self._write()

    def set_account(self, account: str) -> None:
        """Record who logged in, so a second instance can say by whom the store is used."""
        self._account = account
        if self._handle is not None:
            self._write()

    def _write(self) -> None:
        assert self._handle is not None
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "account": self._account,
            "started": self._started,
        }
        handle = self._handle
        handle.seek(0)
        handle.truncate(0)
        handle.write(json.dumps(info, ensure_ascii=False).encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            handle.seek(0)
            handle.truncate(0)
            handle.flush()
            _unlock(handle)
        except OSError:
            log.warning("could not clear the store lock file", exc_info=True)
        finally:
            try:
                handle.close()
            except OSError:  # a full disk fails the last flush; the OS drops the lock with the file
                log.warning("could not close the store lock file", exc_info=True)

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
