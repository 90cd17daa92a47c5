"""What a SIGKILL in the middle of a write leaves in the data folder is tidied at the next open.

A real writer process is killed while its write is half done: the key file rewrite (atomic_write:
the temporary file is complete, the rename has not happened) and a backup into backups/ (the .part
file is written, not yet renamed). The kill is placed exactly there by making os.replace block in
the writer, then sending SIGKILL. Afterwards the key file is byte for byte the old one, and the next
Store.open, which holds the store lock, removes the dead writer's temporary files, and only those.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.store.layout import BACKUPS_DIR_NAME, STALE_PART_SECONDS, key_path

PASSPHRASE = "崩溃残留测试口令 horse battery"

WRITER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path

    step, data_dir, key = sys.argv[1], Path(sys.argv[2]), bytes.fromhex(sys.argv[3])

    def stuck(src, dst):  # the temporary file is complete; the rename never comes
        print("about to rename", flush=True)
        time.sleep(120)

    if step == "key file":
        from rongcuo_desktop.store.keys import KeyManager
        manager = KeyManager(data_dir)
        os.replace = stuck
        manager.set_require_passphrase_each_start(False)  # rewrites the key file
    else:
        from rongcuo_desktop.store.backup import StoreFiles, create_backup
        os.replace = stuck
        create_backup(StoreFiles.in_dir(data_dir), key, data_dir / "backups", kind="auto")
    """
)


def kill_mid_write(step: str, data_dir: Path, key: bytes) -> None:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, step, str(data_dir), key.hex()],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert writer.stdout is not None
        line = writer.stdout.readline()
        assert line.strip() == "about to rename", writer.stderr.read() if writer.stderr else ""
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(10)
        assert writer.returncode == -signal.SIGKILL
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()


def test_a_killed_key_file_write_and_backup_leave_nothing_after_the_next_open(data_dir: Path) -> None:
    """Given a store, when a key-file rewrite and a backup are each SIGKILLed just before their
    rename, then the key file is unchanged and still unlocks, the next open removes both temporary
    files (once the backup's .part is old), and leaves a live backup's fresh .part and other files."""
    key = KeyManager(data_dir, kdf_target_seconds=0.05).create(PASSPHRASE, require_passphrase_each_start=True)
    Store.create(data_dir, key).close()
    key_before = key_path(data_dir).read_bytes()

    kill_mid_write("key file", data_dir, key)
    (tmp,) = data_dir.glob(".rongcuo-key.json.*.tmp")
    assert tmp.stat().st_size > 0  # the dead writer's complete copy of the key file
    assert key_path(data_dir).read_bytes() == key_before
    assert KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE) == key

    kill_mid_write("backup", data_dir, key)
    backups = data_dir / BACKUPS_DIR_NAME
    (dead_part,) = backups.glob(".auto-*.rcbak.*.part")  # named with its writer's process id
    assert dead_part.stat().st_size > 4096
    assert not list(backups.glob("*.rcbak"))
    # A .part that is still being written (a `rongcuo backup` running now) must survive the open.
    live_part = backups / ".manual-20261201-090000-000.rcbak.part"
    live_part.write_bytes(b"\0" * 4096)
    unrelated = [data_dir / ".notes.tmp", data_dir / "rongcuo.db.tmp", backups / "old.rcbak.part"]
    for path in unrelated:
        path.write_bytes(b"not ours to remove")

    # Right after the crash the backup's .part is too fresh to call dead: only the key file's goes.
    Store.open(data_dir, key).close()
    assert not tmp.exists() and dead_part.exists() and live_part.exists()
    old = time.time() - STALE_PART_SECONDS - 60
    os.utime(dead_part, (old, old))
    Store.open(data_dir, key).close()
    assert not dead_part.exists()
    assert live_part.exists() and all(path.exists() for path in unrelated)
    assert key_path(data_dir).read_bytes() == key_before


@pytest.mark.skipif(os.name != "posix", reason="the store lock test relies on POSIX flock")
def test_leftovers_are_not_touched_without_the_store_lock(data_dir: Path) -> None:
    """Given another process holds the store, opening is refused before anything is tidied."""
    from rongcuo_desktop.store.locking import StoreInUse

    key = KeyManager(data_dir, kdf_target_seconds=0.05).create(PASSPHRASE, require_passphrase_each_start=True)
    first = Store.create(data_dir, key)
    try:
        pending = data_dir / ".rongcuo-key.json.abcd1234.tmp"
        pending.write_bytes(b"{}")  # as if the holder were writing its key file right now
        with pytest.raises(StoreInUse):
            Store.open(data_dir, key)
        assert pending.exists()
    finally:
        first.close()
