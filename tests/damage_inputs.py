"""Damage figures for the closing note (issue 11): a key file damaged every way we could think of, and
backups damaged, each tried through the real CLI on a real store; what was refused (with the key file
or the backup named), what was then recovered, tracebacks, bytes changed.

Used by tests/test_damage_figures.py (which asserts it) and tests/bench/bench_bad_input.py (prints it).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from tests.bad_inputs import Outcome, Tally, bytes_changed, snapshot

PASSPHRASE = "损坏测试口令 2026 horse battery"
KEY_FILE = "rongcuo-key.json"


def _edited(field: str, value: object) -> Callable[[Path], None]:
    """The key file with one KDF field changed AND its checksum made right again (as a careful
    attacker would): only the bounds on read can refuse it."""

    def damage(path: Path) -> None:
        from rongcuo_desktop.store.keys import _checksum

        body = json.loads(path.read_text(encoding="utf-8"))
        body.pop("checksum")
        body["kdf"][field] = value
        body["checksum"] = _checksum(body)
        path.write_text(json.dumps(body), encoding="utf-8")

    return damage


def _write(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _replace_with_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _symlink_to_dev_zero(path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/zero")


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:200])


def _flipped(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


KEY_FILE_DAMAGE: dict[str, Callable[[Path], None]] = {
    "missing": lambda path: path.unlink(),
    "empty": _write(b""),
    "truncated": _truncated,
    "one byte flipped": _flipped,
    "not JSON": _write(b"\x00\x01binary junk" * 10),
    "not UTF-8 (GBK)": _write('{"format": "密钥"}'.encode("gbk")),
    "a key twice": _write(b'{"format": "rongcuo-wrapped-key", "format": "x", "version": 1}'),
    "1,000 levels deep": _write(b"[" * 1000 + b"]" * 1000),
    "NaN in the KDF": _write(b'{"format": "rongcuo-wrapped-key", "kdf": {"time_cost": NaN}}'),
    "10 MB": _write(b" " * (10 * 1024 * 1024)),
    "a folder": _replace_with_folder,
    "Argon2id 64 rounds (checksum made right)": _edited("time_cost", 64),
    "Argon2id 4 GiB (checksum made right)": _edited("memory_kib", 4 * 1024 * 1024),
}
if os.name == "posix":
    KEY_FILE_DAMAGE["a link to /dev/zero"] = _symlink_to_dev_zero


def cli(*args: str) -> tuple[int, str, str]:
    """The real entry point in this process; an exception that escapes it is a traceback."""
    from rongcuo_desktop.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def make_template(folder: Path) -> tuple[Path, Path, Path]:
    """A store with the demo cases and a backup; returns (data folder, passphrase file, backup)."""
    folder.mkdir(parents=True, exist_ok=True)
    secret = folder / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    data = folder / "template"
    for command in (("init",), ("demo",), ("backup",)):
        code, _out, err = cli("--data-dir", str(data), *command, "--passphrase-file", str(secret))
        if code != 0:
            raise RuntimeError(err)
    (backup,) = (data / "backups").glob("*.rcbak")
    return data, secret, backup


def _store_files(folder: Path) -> dict[str, bytes]:
    """The store's own files (not logs, not the lock, not a folder in the key file's place)."""
    return {name: data for name, data in snapshot(folder).items() if not name.startswith(("logs", "backups"))}


def run_damaged_key_files(folder: Path) -> tuple[Tally, Tally]:
    """Each damage: `rongcuo list` refused naming the key file, no traceback, no byte of the store
    changed; then `rongcuo restore --key-only` from the backup, and `rongcuo list` works again."""
    template, secret, backup = make_template(folder)
    refused = Tally("damaged key files (rongcuo list)", label="refused naming the key file")
    recovered = Tally("damaged key files recovered (restore --key-only)", label="refused")
    for n, (name, damage) in enumerate(KEY_FILE_DAMAGE.items()):
        data = folder / f"case{n}"
        shutil.copytree(template, data, symlinks=True)
        damage(data / KEY_FILE)
        before = _store_files(data)
        outcome = Outcome(name)
        try:
            code, _out, err = cli("--data-dir", str(data), "list", "--passphrase-file", str(secret))
        except BaseException as error:  # what would reach the user as a traceback
            outcome.traceback = f"{type(error).__name__}: {str(error)[:200]}"
        else:
            outcome.message = err.strip()[:300]
            outcome.refused = code == 2 and err.startswith("错误：")
            outcome.named = "密钥文件" in err and "Traceback" not in err
        outcome.bytes_changed = bytes_changed(before, _store_files(data))
        refused.outcomes.append(outcome)

        again = Outcome(name)
        try:
            if (data / KEY_FILE).is_dir():
                (data / KEY_FILE).rmdir()  # a folder in its place: the person moves it away first
            code, _out, err = cli(
                "--data-dir",
                str(data),
                "restore",
                "--key-only",
                str(backup),
                "--passphrase-file",
                str(secret),
            )
            listed, out, said = cli("--data-dir", str(data), "list", "--passphrase-file", str(secret))
        except BaseException as error:
            again.traceback = f"{type(error).__name__}: {str(error)[:200]}"
        else:
            again.message = err.strip()[:300]
            again.completed = code == 0 and listed == 0 and "共 10 件" in out + said
        recovered.outcomes.append(again)
        shutil.rmtree(data, ignore_errors=True)
    return refused, recovered


BACKUP_DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated to half": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "last byte cut": lambda p: p.write_bytes(p.read_bytes()[:-1]),
    "one byte flipped in the database part": lambda p: _flip_at(p, 5000),
    "one byte flipped in the manifest": lambda p: _flip_at(p, len(p.read_bytes()) - 200),
    "empty": _write(b""),
    "not a backup": _write(b"PK\x03\x04 a zip file, perhaps" * 100),
}


def _flip_at(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def run_damaged_backups(folder: Path) -> Tally:
    """Each damaged backup: `rongcuo restore` and `restore --key-only` refused naming the backup, no
    traceback, the current store byte for byte as it was -- except a --key-only whose backup is
    damaged only in its database part: the key file it carries is intact (the manifest's MAC), so the
    recovery completes and the store opens."""
    template, secret, backup = make_template(folder)
    tally = Tally("damaged backups (restore, restore --key-only)", label="refused naming the backup")
    for n, (name, damage) in enumerate(BACKUP_DAMAGE.items()):
        data = folder / f"case{n}"
        shutil.copytree(template, data, symlinks=True)
        bad = folder / f"bad{n}.rcbak"
        shutil.copyfile(backup, bad)
        damage(bad)
        (data / KEY_FILE).unlink()  # so that --key-only has something to do
        before = _store_files(data)
        for mode in ((), ("--key-only",)):
            outcome = Outcome(f"{name} {' '.join(mode)}".strip())
            try:
                code, _out, err = cli(
                    "--data-dir", str(data), "restore", *mode, str(bad), "--passphrase-file", str(secret)
                )
            except BaseException as error:
                outcome.traceback = f"{type(error).__name__}: {str(error)[:200]}"
            else:
                outcome.message = err.strip()[:300]
                outcome.refused = code == 2 and err.startswith("错误：")
                outcome.named = (bad.name in err or "备份" in err) and "Traceback" not in err
                if code == 0 and mode:
                    # The key file travels in the manifest, authenticated by its MAC: a damaged
                    # database part does not touch it, so the recovery may go ahead -- and must open.
                    listed, out, said = cli("--data-dir", str(data), "list", "--passphrase-file", str(secret))
                    outcome.completed = listed == 0 and "共 10 件" in out + said
                    (data / KEY_FILE).unlink()
                    tally.outcomes.append(outcome)
                    continue
            outcome.bytes_changed = bytes_changed(before, _store_files(data))
            tally.outcomes.append(outcome)
        shutil.rmtree(data, ignore_errors=True)
    return tally
