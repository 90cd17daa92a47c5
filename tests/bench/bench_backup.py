"""The backup at close, at 100,000 cases (then with 1 GB of attachments) or at any --count: what a close
costs, and that it completes or leaves nothing (cancelled midway, killed midway).

For each store it prints:
- the backup at close (store.backup.auto_backup, as the app runs it on its database worker, the store
  open beside it): total, and its parts -- the copy through SQLite's backup API, the two integrity
  checks of the written file, the SHA-256 and manifest, the rotation (at its steady state: `keep`
  backups already there, so every close also deletes the oldest);
- floor: the same database file copied as plain bytes with an fsync (the least any full copy costs);
  and the ratio;
- 跳过 at half way: the time from the request to the stop, and that no file is left;
- killed (SIGKILL) at half way in a child process: the unfinished hidden file it leaves, and that the
  next start-up's check (check_store, as the app runs it after the paint) removes it while every
  finished backup stays;
- optionally (--restore) the restore with all its checks;
- optionally (--app) the real app under Xvfb on that store: closed (SIGTERM, as a logout closes it)
  it shows 关闭前备份 and exits only once the backup is written (time from the close to the exit);
  killed with SIGKILL while that backup runs, it leaves a hidden unfinished file that its next start
  removes (time from the start until it is gone), and that start closes again with a backup.
Each line names the load average. Everything lives in a temp folder removed at the end.

Usage: .venv/bin/python tests/bench/bench_backup.py [--count 100000] [--attachments-mb 1024]
       [--store DIR]  (a kept store, DIR/data + DIR/bench.key as bench_list.py --keep makes it: copied
       first, never modified) [--keep DIR] (build the store there once, reuse it later) [--restore]
       [--app]
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from rongcuo_desktop.domain.case import Case  # noqa: E402
from rongcuo_desktop.domain.demo import synthetic_cases  # noqa: E402
from rongcuo_desktop.domain.roles import Role  # noqa: E402
from rongcuo_desktop.store import backup as backup_module  # noqa: E402
from rongcuo_desktop.store.attachments import attachments_of  # noqa: E402
from rongcuo_desktop.store.backup import (  # noqa: E402
    BackupCancelled,
    StoreFiles,
    auto_backup,
    check_store,
    list_backups,
    restore_backup,
)
from rongcuo_desktop.store.database import Store  # noqa: E402
from rongcuo_desktop.store.keys import KeyManager  # noqa: E402

PASSPHRASE = "bench backup passphrase 口令"
FILE_MB = 100  # one attachment at the default size limit
KEEP = 1  # rotation at its steady state from the second close (the app keeps 10: the same work per close)

# The child of the kill run: the backup at close, a marker file saying how far the copy is.
CHILD = """
import sys
from pathlib import Path
from rongcuo_desktop.store.backup import StoreFiles, auto_backup
data, marker, key = Path(sys.argv[1]), Path(sys.argv[2]), bytes.fromhex(sys.argv[3])
def progress(done, total):
    marker.write_text(str(done) + " " + str(total))
auto_backup(StoreFiles.in_dir(data), key, keep=int(sys.argv[4]), progress=progress)
"""


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


class Phases:
    """Wall time of each part of one backup at close (the module's own functions, wrapped)."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self._saved: dict[str, Any] = {}

    def __enter__(self) -> Phases:
        for name, label in (
            ("written_problems", "checks"),
            ("_append_manifest", "sha256+manifest"),
            ("rotate_backups", "rotation"),
        ):
            original = getattr(backup_module, name)
            self._saved[name] = original
            setattr(backup_module, name, self._timed(original, label))
        return self

    def _timed(self, work: Callable[..., Any], label: str) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return work(*args, **kwargs)
            finally:
                self.times[label] = self.times.get(label, 0.0) + time.perf_counter() - started

        return run

    def __exit__(self, *_exc: object) -> None:
        for name, original in self._saved.items():
            setattr(backup_module, name, original)


def plain_copy(source: Path, target: Path) -> float:
    started = time.perf_counter()
    with source.open("rb") as reader, target.open("wb") as writer:
        shutil.copyfileobj(reader, writer, 1024 * 1024)
        writer.flush()
        os.fsync(writer.fileno())
    elapsed = time.perf_counter() - started
    target.unlink()
    return elapsed


def backup_at_close(data_dir: Path, key: bytes, label: str) -> None:
    files = StoreFiles.in_dir(data_dir)
    folder = data_dir / backup_module.BACKUPS_DIR_NAME
    db_mb = files.database.stat().st_size / 1024 / 1024
    # Steady state: KEEP backups already there, so this close's rotation deletes one.
    while len(list_backups(folder)) < KEEP:
        auto_backup(files, key, keep=KEEP)
    copy_done: list[float] = []
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if done >= total and not copy_done:
            copy_done.append(time.perf_counter() - started)

    with Phases() as phases:
        path = auto_backup(files, key, keep=KEEP, progress=progress)
    total = time.perf_counter() - started
    floor = plain_copy(files.database, folder / "floor.bin")
    parts = "; ".join(f"{name} {seconds:.1f} s" for name, seconds in phases.times.items())
    print(
        f"{label}: backup at close {total:.1f} s ({db_mb:.0f} MB store, {path.stat().st_size / 2**20:.0f} MB "
        f"backup): copy {copy_done[0] if copy_done else 0:.1f} s; {parts}",
        flush=True,
    )
    print(
        f"  floor: plain copy of the database file with fsync {floor:.1f} s; "
        f"ratio {total / floor:.2f}; {load()}"
    )
    assert len(list_backups(folder)) == KEEP, "rotation keeps KEEP backups"

    # 跳过 half way: stops, and leaves no file.
    before = sorted(p.name for p in folder.iterdir())
    asked: list[float] = []

    def cancelled() -> bool:
        return bool(asked)

    def half(done: int, total_steps: int) -> None:
        if not asked and done * 2 >= total_steps:
            asked.append(time.perf_counter())

    try:
        auto_backup(files, key, keep=KEEP, progress=half, cancelled=cancelled)
        raise AssertionError("the cancelled backup finished")
    except BackupCancelled:
        stopped = time.perf_counter() - asked[0]
    after = sorted(p.name for p in folder.iterdir())
    assert after == before, f"a cancel left {set(after) - set(before)}"
    print(f"  跳过 at half way: stopped {stopped * 1000:.0f} ms after the request; no file left; {load()}")

    # Killed half way (a logout that did not wait, the task manager): only a hidden unfinished file,
    # removed by the next start-up's check; the finished backups all stay.
    marker = data_dir.parent / "kill-marker"
    marker.unlink(missing_ok=True)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), str(marker), key.hex(), str(KEEP)],
        cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    try:
        while True:
            if child.poll() is not None:
                raise AssertionError("the backup ended before it could be killed")
            text = marker.read_text() if marker.exists() else ""
            if text.count(" ") == 1:
                done, steps = map(int, text.split())
                if done * 2 >= steps:
                    break
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    parts_left = sorted(folder.glob(".*.part"))
    left_mb = sum(p.stat().st_size for p in parts_left) / 2**20
    assert sorted(p.name for p in folder.glob("*.rcbak")) == [n for n in before if n.endswith(".rcbak")]
    started = time.perf_counter()
    check_store(files, key, quick=True)  # what the app runs after the first paint
    check_s = time.perf_counter() - started
    assert not list(folder.glob(".*.part")), "the next start left the unfinished file"
    assert sorted(p.name for p in folder.iterdir()) == before, (
        sorted(p.name for p in folder.iterdir()),
        before,
    )
    print(
        f"  killed at half way: left {len(parts_left)} hidden unfinished file(s) ({left_mb:.0f} MB), "
        f"never listed as a backup; the next start-up's check removed it ({check_s:.1f} s incl. "
        f"quick_check); the {KEEP} finished backups intact; {load()}",
        flush=True,
    )


def timed_restore(data_dir: Path, work: Path, label: str) -> None:
    """Last: the restored copy records itself and moves the store's outside anchor on, after which
    the original (now behind it) would open read-only."""
    newest = list_backups(data_dir / backup_module.BACKUPS_DIR_NAME)[0]
    target = work / f"restored-{label}" / "data"
    started = time.perf_counter()
    restore_backup(newest.path, PASSPHRASE, StoreFiles.in_dir(target))
    print(f"  restore incl. all checks {time.perf_counter() - started:.1f} s; {load()}", flush=True)
    shutil.rmtree(target.parent)


def app_close(data_dir: Path, work: Path, label: str) -> None:
    """The real app under Xvfb: close (SIGTERM) and time it to the exit; kill it mid-close, restart."""
    from tests.ui.xvfb_app import start_xvfb

    folder = data_dir / backup_module.BACKUPS_DIR_NAME
    secret = work / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    server, display = start_xvfb("1366x768")
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "RONGCUO_PASSPHRASE_FILE": str(secret)}
    env.pop("RONGCUO_DATA_DIR", None)
    app_bin = REPO / ".venv" / "bin" / "rongcuo-desktop"

    def start() -> tuple[subprocess.Popen[bytes], float]:
        ready = work / "ready"
        ready.unlink(missing_ok=True)
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(app_bin), "--data-dir", str(data_dir)],
            env={**env, "RONGCUO_READY_FILE": str(ready)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # The store has an account: its sign-in asks for the PIN first (typed as a person types it).
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--class", "rongcuo-desktop"],
            env=env,
            capture_output=True,
            timeout=600,
        )
        assert found.returncode == 0, "no window of the app"
        time.sleep(0.5)
        if not ready.exists():
            subprocess.run(["xdotool", "type", "--delay", "20", "111186"], env=env, check=True)
            subprocess.run(["xdotool", "key", "Return"], env=env, check=True)
        wait_until(lambda: ready.exists() or process.poll() is not None, 600, "the case list")
        assert process.poll() is None, "the app ended at start"
        return process, time.perf_counter() - started

    def closing_window_shown() -> bool:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "关闭前备份"], env=env, capture_output=True
        )
        return found.returncode == 0

    try:
        backups = {p.name for p in folder.glob("*.rcbak")}
        app, opened = start()
        closed_at = time.perf_counter()
        app.send_signal(signal.SIGTERM)
        shown = False
        while app.poll() is None:
            if not shown and closing_window_shown():
                shown = True
                keep = os.environ.get("RONGCUO_SCREENSHOT_DIR")
                if keep:  # to look at the window the person sees while the close waits
                    shot = Path(keep) / f"closing-backup-{label.split()[0].replace(',', '')}.png"
                    subprocess.run(["import", "-window", "root", str(shot)], env=env, check=False)
            time.sleep(0.2)
        close_s = time.perf_counter() - closed_at
        # auto-*: the backup at close (an older store also gets a pre-migration backup as it opens)
        new = {p.name for p in folder.glob("auto-*.rcbak")} - backups
        left = list(folder.glob(".*.part"))
        assert app.returncode == 0 and len(new) == 1 and not left, (app.returncode, new, left)
        print(
            f"  real app ({label}): opened in {opened:.1f} s; closed: 关闭前备份 "
            f"{'shown' if shown else 'not seen'}, exit {close_s:.1f} s after the close with the backup "
            f"written and checked, no unfinished file; {load()}",
            flush=True,
        )

        app, _opened = start()
        app.send_signal(signal.SIGTERM)
        wait_until(lambda: any(p.stat().st_size > 0 for p in folder.glob(".*.rcbak.*.part")), 600, "the part")
        app.kill()
        app.wait()
        left = list(folder.glob(".*.rcbak.*.part"))
        left_mb = sum(p.stat().st_size for p in left) / 2**20
        if not left:  # a small store's backup is done within the poll
            print("  real app killed mid-close: the backup was done before the kill (store too small)")
            return
        app, opened = start()
        started = time.perf_counter()
        wait_until(lambda: not list(folder.glob(".*.part*")), 600, "the unfinished file to go")
        gone_s = opened + time.perf_counter() - started
        app.send_signal(signal.SIGTERM)
        assert app.wait(1800) == 0 and not list(folder.glob(".*.part*"))
        print(
            f"  real app killed mid-close: left a hidden unfinished file ({left_mb:.0f} MB, never listed); "
            f"the next start removed it {gone_s:.1f} s after the start (the check after the paint) "
            f"and closed again with a backup; {load()}",
            flush=True,
        )
    finally:
        server.terminate()
        server.wait(10)


def wrap_key(data_dir: Path, key: bytes) -> None:
    """A key file for a copied store that has none (bench_list.py makes its store with a bare key):
    KeyManager.create in an empty folder with this key as its 'random' one, the file then moved over."""
    from rongcuo_desktop.store import keys as keys_module

    empty = data_dir.parent / "key-only"
    real = keys_module.secrets.token_bytes
    keys_module.secrets.token_bytes = lambda n=None: key if n == len(key) else real(n)  # type: ignore[assignment]
    try:
        made = KeyManager(empty, kdf_target_seconds=0.05).create(
            PASSPHRASE, require_passphrase_each_start=True
        )
    finally:
        keys_module.secrets.token_bytes = real
    assert made == key
    name = StoreFiles.in_dir(empty).key_file.name
    shutil.move(str(empty / name), str(data_dir / name))
    shutil.rmtree(empty)


def wait_until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--attachments-mb", type=int, default=1024)
    parser.add_argument(
        "--store", type=Path, help="a kept store (DIR/data, DIR/bench.key): copied, not modified"
    )
    parser.add_argument("--restore", action="store_true", help="also time a restore with all its checks")
    parser.add_argument("--keep", type=Path, help="build the store here once (data/) and reuse it")
    parser.add_argument("--app", action="store_true", help="also close (and kill) the real app under Xvfb")
    args = parser.parse_args(argv)
    if args.keep is not None:  # the kept store's outside audit anchors stay beside it
        (args.keep / "config").mkdir(parents=True, exist_ok=True)
        os.environ["RONGCUO_CONFIG_DIR"] = str(args.keep / "config")
    work = Path(tempfile.mkdtemp(prefix="rongcuo-bench-backup-"))
    try:
        data_dir = work / "data"
        kept = args.keep / "data" if args.keep is not None else None
        if kept is not None and (args.keep / "built").exists():
            shutil.copytree(kept, data_dir, ignore=shutil.ignore_patterns("*.lock", "backups", "logs"))
            key = KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE)
            label = f"{args.count:,} cases"
            print(f"{label}: kept store copied; {load()}", flush=True)
        elif args.store is not None:
            key = bytes.fromhex((args.store / "bench.key").read_text().strip())
            shutil.copytree(args.store / "data", data_dir, ignore=shutil.ignore_patterns("*.lock", "backups"))
            from rongcuo_desktop.store.connection import connect_raw

            bare = connect_raw(StoreFiles.in_dir(data_dir).database, key)
            count = bare.execute("SELECT count(*) FROM cases").fetchone()[0]
            bare.close()
            label = f"{count:,} cases (kept store)"
            if not StoreFiles.in_dir(data_dir).key_file.exists():
                wrap_key(data_dir, key)  # a bench store made with a bare key: the app needs its key file
            if args.restore:
                print("--restore needs the passphrase of a store made here; not timed", flush=True)
        else:
            key = KeyManager(data_dir, kdf_target_seconds=0.05).create(
                PASSPHRASE, require_passphrase_each_start=True
            )
            started = time.perf_counter()
            with Store.create(data_dir, key) as store:
                store.accounts.add("王主任", Role.CHAIR, "111186")
                acting = store.authenticate("王主任", "111186")
                done = 0
                while done < args.count:  # slices: a million cases never sit in one list
                    size = min(100_000, args.count - done)
                    store.add_cases(synthetic_cases(size, seed=7, start=done), by=acting)
                    done += size
            label = f"{args.count:,} cases"
            print(f"{label} inserted in {time.perf_counter() - started:.1f} s; {load()}", flush=True)
            if kept is not None:
                shutil.rmtree(args.keep, ignore_errors=True)
                shutil.copytree(data_dir, kept)
                (args.keep / "built").touch()
        backup_at_close(data_dir, key, label)
        if args.app:
            app_close(data_dir, work, label)
        if args.attachments_mb <= 0 or args.store is not None:
            if args.restore and args.store is None:
                timed_restore(data_dir, work, "cases")
            return 0

        files = max(1, -(-args.attachments_mb // FILE_MB))  # each at most the 100 MB limit
        each = args.attachments_mb * 1024 * 1024 // files
        with Store.open(data_dir, key) as store:
            acting = store.authenticate("王主任", "111186")
            case_id = store.cases.add(
                Case(
                    doc_no="附件基准〔2026〕1号", party_name="基准", party_unit="基准", party_position="基准"
                ),
                by=acting,
            )
            repo = attachments_of(store)
            started = time.perf_counter()
            for n in range(files):  # random bytes: nothing compresses
                repo.add_bytes(case_id, f"evidence-{n}.bin", secrets.token_bytes(each), by=acting)
            added_s = time.perf_counter() - started
        total_mb = files * each / 2**20
        print(
            f"{files} attachments x {each / 2**20:.0f} MB = {total_mb:.0f} MB added in {added_s:.1f} s",
            flush=True,
        )
        backup_at_close(data_dir, key, f"{label} + {total_mb:.0f} MB attachments")
        if args.app:
            app_close(data_dir, work, f"{label} + {total_mb:.0f} MB attachments")
        if args.restore:
            timed_restore(data_dir, work, "attachments")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
