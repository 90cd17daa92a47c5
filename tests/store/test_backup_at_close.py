"""The backup at close is complete or absent (issue 15, "backup at close"): a backup process killed
midway leaves only a hidden unfinished file that never counts as a backup, and the next backup or
start-up check removes it; a cancel leaves nothing at all. Real SQLCipher stores, a real SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rongcuo_desktop.store.backup import (
    BACKUPS_DIR_NAME,
    BackupCancelled,
    StoreFiles,
    auto_backup,
    backup_is_good,
    check_store,
    list_backups,
    remove_stale_parts,
)
from rongcuo_desktop.store.keys import KeyManager
from tests.store.test_backup import PASSPHRASE, store_dir, template  # noqa: F401 (fixtures)

# Writes the backup at close one page per step and stops for good after the first step (it reads
# stdin, which the test never writes), so the kill lands mid-backup by construction, not by timing.
CHILD = """
import sys
from pathlib import Path
from rongcuo_desktop.store.backup import StoreFiles, auto_backup

data, marker, key = Path(sys.argv[1]), Path(sys.argv[2]), bytes.fromhex(sys.argv[3])

def progress(done, total):
    if not marker.exists():
        marker.write_text(f"{done}/{total}")
        sys.stdin.read()

auto_backup(StoreFiles.in_dir(data), key, progress=progress, cancelled=None)
"""


def wait_for(condition: object, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def unfinished(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.part"))


def hidden(folder: Path) -> list[str]:
    """Every hidden file in the backups folder: parts and whatever SQLite made beside them."""
    return sorted(p.name for p in folder.glob(".*"))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_backup_killed_midway_leaves_nothing_that_counts(store_dir: Path, tmp_path: Path) -> None:  # noqa: F811
    """Given a backup at close in its own process, when it is killed (SIGKILL) after its first page,
    then no backup counts (none listed, the newest good one is still the earlier one), the only
    trace is one hidden unfinished file named with the dead process's id; the next start-up check
    removes it, and the next backup is complete and good."""
    key = KeyManager(store_dir).unlock_with_passphrase(PASSPHRASE)
    files = StoreFiles.in_dir(store_dir)
    folder = store_dir / BACKUPS_DIR_NAME
    earlier = auto_backup(files, key)
    marker = tmp_path / "started"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(store_dir), str(marker), key.hex()],
        stdin=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[1],
    )
    try:
        wait_for(lambda: marker.exists() or child.poll() is not None, 60, "the backup's first page")
        assert child.poll() is None, "the backup process ended before it was killed"
        (part,) = unfinished(folder)
        assert str(child.pid) in part.name and part.stat().st_size > 0
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert [m.path for m in list_backups(folder)] == [earlier]  # the killed one never counts
    assert backup_is_good(list_backups(folder)[0], key)
    assert unfinished(folder) == [part]

    assert not check_store(files, key, quick=True).damaged  # the start-up's check tidies up
    assert hidden(folder) == []  # the part and anything SQLite had made beside it
    later = auto_backup(files, key)
    assert [m.path for m in list_backups(folder)] == [later, earlier]
    assert all(backup_is_good(m, key) for m in list_backups(folder))
    assert sorted(folder.iterdir()) == sorted([earlier, later])  # the backups and nothing else


def test_an_unfinished_file_of_a_running_backup_is_left_alone(store_dir: Path) -> None:  # noqa: F811
    """A part whose writer is alive (this process) is another backup at work: never removed; one of
    an older name without a process id goes only once it is a day old."""
    folder = store_dir / BACKUPS_DIR_NAME
    folder.mkdir(exist_ok=True)
    running = folder / f".auto-20261204-101010-000.rcbak.{os.getpid()}.part"
    running.write_bytes(b"x" * 100)
    old_style = folder / ".auto-20261204-101010-001.rcbak.part"
    old_style.write_bytes(b"y" * 100)
    assert remove_stale_parts(folder) == []
    a_day_ago = time.time() - 25 * 3600
    os.utime(old_style, (a_day_ago, a_day_ago))
    assert remove_stale_parts(folder) == [old_style]
    assert running.exists()


def test_a_cancelled_backup_at_close_leaves_no_file(store_dir: Path) -> None:  # noqa: F811
    """跳过这次备份 during the copy: BackupCancelled, and the backups folder holds nothing new, not even
    a hidden unfinished file."""
    key = KeyManager(store_dir).unlock_with_passphrase(PASSPHRASE)
    folder = store_dir / BACKUPS_DIR_NAME
    steps: list[int] = []
    with pytest.raises(BackupCancelled):
        auto_backup(
            StoreFiles.in_dir(store_dir),
            key,
            progress=lambda d, _t: steps.append(d),
            cancelled=lambda: bool(steps),
        )
    assert steps and list_backups(folder) == [] and hidden(folder) == []
