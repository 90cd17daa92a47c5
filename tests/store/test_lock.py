"""One app per store: a second instance is refused and told by whom; a crashed holder is recovered."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from rongcuo_desktop.store.locking import LOCK_FILE_NAME, StoreInUse, StoreLock, read_holder

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from rongcuo_desktop.store.locking import StoreLock
    lock = StoreLock(Path(sys.argv[1]))
    lock.acquire()
    lock.set_account("王主任")
    print("ready", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    yield process
    process.kill()
    process.wait()


def test_second_instance_is_refused_and_told_by_whom(tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    """Given another process holds the store, when this one opens it, then it is refused by name."""
    with pytest.raises(StoreInUse) as caught:
        StoreLock(tmp_path).acquire()
    message = str(caught.value)
    assert "王主任" in message and str(holder.pid) in message and "正被" in message


def test_stale_lock_after_a_kill_is_recovered(tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    """Given the holder was killed (SIGKILL, no clean-up), when we open, then we get the store."""
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert read_holder(tmp_path) is not None  # the dead holder's note is still on disk
    lock = StoreLock(tmp_path)
    lock.acquire("李秘书")
    try:
        assert lock.recovered_from is not None and lock.recovered_from.pid == holder.pid
        now = read_holder(tmp_path)
        assert now is not None and now.pid == os.getpid() and now.account == "李秘书"
    finally:
        lock.release()


def test_lock_is_released_on_close_and_holds_no_case_data(tmp_path: Path) -> None:
    with StoreLock(tmp_path) as lock:
        lock.set_account("张委员")
        with pytest.raises(StoreInUse):
            StoreLock(tmp_path).acquire()
        text = (tmp_path / LOCK_FILE_NAME).read_text(encoding="utf-8")
        assert set(json.loads(text)) == {"pid", "host", "account", "started"}
    second = StoreLock(tmp_path)
    second.acquire()
    assert second.recovered_from is None  # a clean close leaves nothing to recover
    second.release()


def test_a_second_store_open_is_refused_while_the_first_is_open(data_dir: Path) -> None:
    """Given an open store, when the same data folder is opened again, then StoreInUse, and after
    the first closes, the folder opens."""
    import secrets

    from rongcuo_desktop.store.database import Store

    key = secrets.token_bytes(32)
    first = Store.create(data_dir, key)
    try:
        with pytest.raises(StoreInUse, match="正被"):
            Store.open(data_dir, key)
    finally:
        first.close()
    Store.open(data_dir, key).close()


def test_without_file_locks_a_live_holder_refuses_and_a_dead_one_is_recovered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given a file system where flock fails with ENOLCK (some network shares; simulated, as no
    such mount exists here), then the pid in the lock file decides: alive -> in use, dead -> stale."""
    import errno
    import fcntl

    def no_locks(_fd: int, _op: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        note = {
            "pid": sleeper.pid,
            "host": socket.gethostname(),
            "account": "王主任",
            "started": "2026-11-22T08:00:00+00:00",
        }
        (tmp_path / LOCK_FILE_NAME).write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(StoreInUse, match="王主任"):
            StoreLock(tmp_path).acquire()
    finally:
        sleeper.kill()
        sleeper.wait()
    lock = StoreLock(tmp_path)
    lock.acquire()
    assert lock.recovered_from is not None and lock.recovered_from.pid == sleeper.pid
    lock.release()
