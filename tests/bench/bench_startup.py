"""Start-up figure: process start to main window painted with the case list filled.

100,000 cases in the store, the key taken from a real credential store: the script re-runs itself
inside a private D-Bus session (dbus-run-session) with its own gnome-keyring-daemon and HOME, so
the user's keyring is never touched. The app writes the wall-clock time to RONGCUO_READY_FILE after
it has painted the first filled rows; the figure is that time minus the moment before the process
was started (interpreter start and imports included). Median of 5 runs. Goals: at most 0.4 s to the
list painted and 0.6 s to every menu usable up to 100,000 cases; 0.6 s and 1.0 s at 1,000,000.
With a key from the credential store, the first page is read before the store opens
(store/first_look.py) and the store opens after the paint: the script also prints when that is
done (every menu usable), from the app's log.
The package is byte-compiled first, as an installed app is (this tree may run with
PYTHONDONTWRITEBYTECODE, and a module compiled at every start would count against the figure).
The load average is printed with the figure: on a shared machine it moves the figure more than
any change in the app does.
`--count N`: a store of N cases instead of 100,000 (the list's figures are asked at 10,000 too).
`--keep DIR`: build the store in DIR once and reuse it on later runs (1,000,000 cases take minutes
to build). The keyring is still a fresh one each run: the key is unwrapped once with the passphrase
(as after a move to another PC), which puts it into this run's keyring, and every measured start
takes it from there.
Where no credential store can be started, the passphrase is handed over in a file instead (the
output says so; that adds the ~0.5 s key derivation).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
APP = ROOT / ".venv" / "bin" / "rongcuo-desktop"
CASES = int(os.environ.get("BENCH_STARTUP_CASES", "100000"))  # --count N sets it (and for the inner run)
RUNS = 5
# (list painted, every menu usable) in seconds, up to this many cases.
GOALS_S = ((100_000, 0.4, 0.6), (1_000_000, 0.6, 1.0))
PASSPHRASE = "bench: seven white egrets in the autumn rice"
INNER_FLAG = "--inside-dbus-session"
KEEP = os.environ.get("BENCH_STARTUP_KEEP")  # --keep DIR sets it (and for the inner run)
BUILD_SLICE = 100_000  # cases added at a time, so a million do not sit in one list


def start_keyring(home: Path) -> subprocess.Popen[bytes] | None:
    """gnome-keyring-daemon in the foreground, unlocked with an empty login password."""
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "HOME": str(home)},
    )
    assert daemon.stdin is not None
    daemon.stdin.write(b"\n")
    daemon.stdin.close()
    time.sleep(1.0)
    return daemon if daemon.poll() is None else None


def prepare(data: Path) -> tuple[str, dict[str, str]]:
    from rongcuo_desktop.domain.demo import synthetic_cases
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.store.keys import KeyManager

    keys = KeyManager(data)
    usable = keys.credential_store_status().usable
    if keys.store_exists():  # a kept store: this run's keyring gets its key from the passphrase
        keys.unlock_with_passphrase(PASSPHRASE)
        keys = KeyManager(data)
        print(f"reusing the store kept in {data}", flush=True)
    else:
        key = keys.create(PASSPHRASE, require_passphrase_each_start=not usable)
        started = time.perf_counter()
        store = Store.create(data, key)
        done = 0
        while done < CASES:
            size = min(BUILD_SLICE, CASES - done)
            store.add_cases(synthetic_cases(size, seed=1, start=done))
            done += size
        count = store.cases.count()
        store.close()
        print(f"prepared {count:,} cases in {time.perf_counter() - started:.1f} s", flush=True)
    if usable and keys.key_from_credential_store() is not None:
        return "key from the credential store (gnome-keyring, private D-Bus session)", {}
    secret = data.parent / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    return (
        "NO credential store here: passphrase from RONGCUO_PASSPHRASE_FILE (includes key derivation)",
        {"RONGCUO_PASSPHRASE_FILE": str(secret)},
    )


def one_start(data: Path, extra_env: dict[str, str], work: Path) -> tuple[float, float]:
    """(seconds from launch to the list painted, the wall-clock launch time)."""
    from rongcuo_desktop.store.wal_guard import pending_journal

    ready = work / "ready"
    ready.unlink(missing_ok=True)
    env = {**os.environ, **extra_env, "RONGCUO_READY_FILE": str(ready)}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.time()
    app = subprocess.Popen(
        [str(APP), "--data-dir", str(data)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() or not ready.read_text(encoding="utf-8").strip():
            if app.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the app did not show its case list (exit code {app.poll()})")
            time.sleep(0.005)
        painted = float(ready.read_text(encoding="utf-8")) - started
        # Stopped only once the store is open too (it opens after the paint): a stop in the middle
        # of that would not be a start a person makes.
        log = data / "logs" / "rongcuo.log"
        while _offset_of(log.read_text(encoding="utf-8").splitlines(), started, "main window ready") is None:
            if app.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the app did not open its store (exit code {app.poll()})")
            time.sleep(0.01)
        return painted, started
    finally:
        # Killed, not closed: a close takes the backup at close (minutes at 1,000,000 cases), whose
        # work would load the machine during the next start. A person's next start follows a close
        # whose backup completed; what it finds is the same as after this kill (the lock of a
        # process that is gone, recovered at once; an empty WAL, checked below).
        app.kill()
        app.wait()
        if pending_journal(data):
            raise RuntimeError("the app left a WAL with content: the next start would be a recovery")


def inner() -> int:
    compile_package()
    with tempfile.TemporaryDirectory(prefix="rongcuo-bench-") as tmp:
        work = Path(tmp)
        home = work / "home"
        home.mkdir()
        os.environ["HOME"] = str(home)
        os.environ["XDG_DATA_HOME"] = str(home / ".local" / "share")
        daemon = start_keyring(home) if shutil.which("gnome-keyring-daemon") else None
        data = Path(KEEP) / "data" if KEEP else work / "data"
        try:
            how, extra_env = prepare(data)
            one_start(data, extra_env, work)  # warm the page cache, as a second start would be
            load_before = os.getloadavg()[0]
            runs = [one_start(data, extra_env, work) for _ in range(RUNS)]
            load_after = os.getloadavg()[0]
            log_lines = (data / "logs" / "rongcuo.log").read_text(encoding="utf-8").splitlines()
        finally:
            if daemon is not None:
                daemon.terminate()
                daemon.wait(10)
    times = [seconds for seconds, _launched in runs]
    median = statistics.median(times)
    print(f"start to case list painted, {CASES:,} cases, {how}")
    print("  runs: " + ", ".join(f"{t:.3f}" for t in times) + " s")
    painted_goal, ready_goal = next(((p, r) for n, p, r in GOALS_S if n >= CASES), GOALS_S[-1][1:])
    print(f"  median of {RUNS}: {median:.3f} s (goal <= {painted_goal} s: {_verdict(median, painted_goal)})")
    ready = [_offset_of(log_lines, launched, "main window ready") for _seconds, launched in runs]
    if all(offset is not None for offset in ready):
        ready_median = statistics.median(o for o in ready if o is not None)
        verdict = _verdict(ready_median, ready_goal)
        print(
            "  then the store open and every menu usable: "
            + ", ".join(f"{offset:.3f}" for offset in ready if offset is not None)
            + f" s (median {ready_median:.3f} s; goal <= {ready_goal} s: {verdict})"
        )
    load = f"{load_before:.2f} / {load_after:.2f} ({os.cpu_count()} CPUs)"
    print(f"  load average (1 min) before/after the runs: {load}")
    launched = runs[times.index(median)][1]
    print("  the median start, from the app log (ms after launch):")
    for line in _log_of_start(log_lines, launched):
        print("    " + line)
    return 0


def _verdict(seconds: float, goal: float) -> str:
    return "met" if seconds <= goal else "NOT met"


def _offset_of(lines: list[str], launched: float, words: str) -> float | None:
    """Seconds from `launched` to the first log line after it that holds `words`."""
    for line in lines:
        stamp = _stamp(line)
        if stamp is not None and 0 <= stamp - launched < 10 and words in line:
            return stamp - launched
    return None


def _stamp(line: str) -> float | None:
    try:
        return dt.datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").timestamp()
    except ValueError:
        return None


def _log_of_start(lines: list[str], launched: float) -> list[str]:
    """The app's log lines of the start launched at `launched`, each with its offset from launch."""
    out = []
    for line in lines:
        stamp = _stamp(line)
        if stamp is None:
            continue
        offset = stamp - launched
        if 0 <= offset < 10 and (" ms" in line or " s)" in line or "painted" in line):
            out.append(f"{offset * 1000:5.0f}  {line[24:].split(' ', 1)[1]}")
        if out and "main window ready" in line:
            break
    return out


def compile_package() -> None:
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "rongcuo_desktop")],
        check=False,
        stdout=subprocess.DEVNULL,
    )


def main() -> int:
    if "--count" in sys.argv or "--keep" in sys.argv:  # kept in the environment for the run inside D-Bus
        for flag, name in (("--count", "BENCH_STARTUP_CASES"), ("--keep", "BENCH_STARTUP_KEEP")):
            if flag in sys.argv:
                value = sys.argv[sys.argv.index(flag) + 1]
                os.environ[name] = str(Path(value).resolve()) if flag == "--keep" else value
        os.execv(sys.executable, [sys.executable, __file__])
    if INNER_FLAG in sys.argv:
        return inner()
    if not APP.exists():
        print(f"{APP} is missing: run `make venv` first")
        return 1
    if shutil.which("dbus-run-session") is None:
        print("dbus-run-session missing (Debian package dbus): measuring without a credential store")
        return inner()
    return subprocess.run(
        ["dbus-run-session", "--", sys.executable, __file__, INNER_FLAG], check=False
    ).returncode


if __name__ == "__main__":
    sys.exit(main())
