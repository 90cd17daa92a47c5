"""Backup and restore figures: 100,000 cases, then 1 GB of attachments (a script that prints).

Prints the time to write an encrypted backup (SQLite backup API + manifest) and to restore it
(copy out, SHA-256, PRAGMA cipher_integrity_check + integrity_check, full audit chain walk, swap),
for the case store alone and again with attachments added, plus the attachment insert rate and
the backup's size. Everything lives in a temp folder removed at the end.

Usage: .venv/bin/python tests/bench/bench_backup.py [--count 100000] [--attachments-mb 1024]
(`--attachments-mb` smaller scales the second part down; the figures say what was measured.)
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.domain.demo import synthetic_cases
from rongcuo_desktop.store.attachments import attachments_of
from rongcuo_desktop.store.backup import (
    StoreFiles,
    audit_problems,
    create_backup,
    database_problems,
    restore_backup,
)
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager

PASSPHRASE = "bench backup passphrase 口令"
FILE_MB = 100  # one attachment at the default size limit


def timed_backup_restore(data_dir: Path, key: bytes, work: Path, label: str) -> None:
    files = StoreFiles.in_dir(data_dir)
    usb = work / f"usb-{label}"
    started = time.perf_counter()
    backup = create_backup(files, key, usb)
    backup_s = time.perf_counter() - started
    size_mb = backup.stat().st_size / 1024 / 1024
    target = work / f"restored-{label}" / "data"
    started = time.perf_counter()
    restore_backup(backup, PASSPHRASE, StoreFiles.in_dir(target))
    restore_s = time.perf_counter() - started
    restored = StoreFiles.in_dir(target).database
    started = time.perf_counter()
    database_problems(restored, key)
    checks_s = time.perf_counter() - started
    started = time.perf_counter()
    audit_problems(restored, key)
    audit_s = time.perf_counter() - started
    print(
        f"{label}: backup {backup_s:.2f} s ({size_mb:.0f} MB, {size_mb / backup_s:.0f} MB/s); "
        f"restore incl. all checks {restore_s:.2f} s (passphrase KDF included; of which the two "
        f"integrity checks take {checks_s:.2f} s and the audit chain walk {audit_s:.2f} s)",
        flush=True,
    )
    shutil.rmtree(target.parent)
    shutil.rmtree(usb)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--attachments-mb", type=int, default=1024)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="rongcuo-bench-backup-"))
    try:
        data_dir = work / "data"
        key = KeyManager(data_dir).create(PASSPHRASE)
        with Store.create(data_dir, key) as store:
            started = time.perf_counter()
            store.add_cases(synthetic_cases(args.count, seed=7))
            print(f"{args.count} cases inserted in {time.perf_counter() - started:.1f} s", flush=True)
        timed_backup_restore(data_dir, key, work, f"{args.count} cases")

        files = max(1, -(-args.attachments_mb // FILE_MB))  # each at most the 100 MB limit
        each = args.attachments_mb * 1024 * 1024 // files
        with Store.open(data_dir, key) as store:
            case_id = store.cases.add(
                Case(
                    doc_no="附件基准〔2026〕1号", party_name="基准", party_unit="基准", party_position="基准"
                )
            )
            repo = attachments_of(store)
            started = time.perf_counter()
            for n in range(files):
                repo.add_bytes(case_id, f"evidence-{n}.bin", os.urandom(each))  # random: nothing compresses
            added_s = time.perf_counter() - started
        total_mb = files * each / 1024 / 1024
        print(
            f"{files} attachments x {each / 1024 / 1024:.0f} MB = {total_mb:.0f} MB added in {added_s:.1f} s "
            f"({total_mb / added_s:.0f} MB/s)",
            flush=True,
        )
        timed_backup_restore(data_dir, key, work, f"{args.count} cases + {total_mb:.0f} MB attachments")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
