"""`rongcuo passphrase change` on a really full disk: a small tmpfs in a private mount namespace.

No mocks: the store lives on a 2 MB tmpfs that a filler file has filled up to the last few KB, so the
command meets a real ENOSPC wherever it first needs a new block (the lock file, the key file's
temporary copy, the log). Each run leaves a different amount free. What must hold in every run: no
traceback, a Chinese message on a refusal, the store's files byte-identical after a refusal, the old
passphrase still opening the store; after a success ("completed"), the new one opens it.

`run()` does it all in one child process under `unshare -m` (the tmpfs disappears with the
namespace, even if the test is killed) and returns the tally; tests/cli/test_disk_full.py asserts on it,
tests/bench/bench_bad_input.py prints it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.bad_inputs import Outcome, Tally, bytes_changed, snapshot

OLD = "秋天的稻田里有七只白鹭"
NEW = "冬天的河边有九只灰鹤飞过"
FREE_KB = (0, 4, 8, 12, 16, 64, 256, 1024)  # a re-key needs room for a backup and a copy
MAIN = "import sys; from rongcuo_desktop.cli.main import main; sys.exit(main())"


def namespace_available() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    return probe.returncode == 0


def run(work: Path) -> Tally:
    """Create a store, then change its passphrase on a full tmpfs once per FREE_KB (needs unshare -m)."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "old.txt").write_text(OLD + "\n", encoding="utf-8")
    (work / "new.txt").write_text(NEW + "\n", encoding="utf-8")
    template = work / "template"
    made = subprocess.run(
        [
            sys.executable,
            "-c",
            MAIN,
            "--data-dir",
            str(template),
            "init",
            "--passphrase-file",
            str(work / "old.txt"),
        ],
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
        timeout=120,
    )
    if made.returncode != 0:
        raise RuntimeError(made.stderr)
    mount = work / "mnt"
    mount.mkdir(exist_ok=True)
    script = f'mount -t tmpfs -o size=2m tmpfs "{mount}" && exec "{sys.executable}" -c "$0" "$@"'
    child = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, _DRIVER, str(work), str(mount)],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=Path(__file__).resolve().parents[1],
        check=False,
        timeout=600,
    )
    if child.returncode != 0:
        raise RuntimeError(child.stderr)
    tally = Tally("passphrase change on a full disk", label="refused with a clear message")
    for item in json.loads(child.stdout.strip().splitlines()[-1]):
        tally.outcomes.append(Outcome(**item))
    return tally


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # the passphrase path
    return env


def drive(work: Path, mount: Path) -> list[dict[str, object]]:
    """Inside the namespace: for each FREE_KB, a fresh copy of the store on the full tmpfs, then the
    command; refusals are checked byte for byte and by unlocking with the old passphrase."""
    from rongcuo_desktop.store.keys import KeyManager

    results: list[dict[str, object]] = []
    for free in FREE_KB:
        store = mount / "store"
        filler = mount / "filler"
        shutil.rmtree(store, ignore_errors=True)
        filler.unlink(missing_ok=True)
        shutil.copytree(work / "template", store)
        with filler.open("wb") as handle:  # fill the disk to the last block, then give some back
            try:
                while True:
                    handle.write(b"\0" * 65536)
                    handle.flush()
            except OSError:
                pass
        try:
            size = filler.stat().st_size
            os.truncate(filler, max(0, size - free * 1024))
        except OSError:
            pass
        before = snapshot(store)
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                MAIN,
                "--data-dir",
                str(store),
                "passphrase",
                "change",
                "--passphrase-file",
                str(work / "old.txt"),
                "--new-passphrase-file",
                str(work / "new.txt"),
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        after = snapshot(store)
        filler.unlink()  # room again, so that unlocking below can work
        outcome = Outcome(f"{free} KB free")
        outcome.message = (done.stderr or done.stdout).strip()[:500]
        if "Traceback" in done.stderr or done.returncode not in (0, 1, 2):
            outcome.traceback = done.stderr[-500:]
        manager = KeyManager(store)
        if done.returncode == 0:
            manager.unlock_with_passphrase(NEW)  # raises if the change did not take
            outcome.completed = True
        else:
            outcome.refused = done.stderr.startswith("错误：")
            outcome.named = "保持不变" in done.stderr  # says what was left as it was
            outcome.bytes_changed = bytes_changed(before, after)
            manager.unlock_with_passphrase(OLD)  # the old passphrase still opens it
        results.append(outcome.__dict__)
    return results


_DRIVER = (
    "import json, sys; from pathlib import Path; from tests.disk_full import drive; "
    "print(json.dumps(drive(Path(sys.argv[1]), Path(sys.argv[2])), ensure_ascii=False))"
)
