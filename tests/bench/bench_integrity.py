"""Integrity figures at 100,000 cases, then with 1 GB of attachments (a script that prints).

For each store it prints, each with the floor measured in the same run on a bare connection and the
ratio to it:
- the check after the start-up's paint, PRAGMA quick_check (store.backup.quick_problems); floor: the
  same PRAGMA on a bare sqlcipher3 connection;
- the backup with its verification (store.backup.create_backup: copy, then cipher_integrity_check and
  quick_check of every ordinary table on the written file, store.backup.written_problems); floor:
  the backup API copy alone on bare connections;
- the backup at close (store.backup.auto_backup with its rotation); floor: a plain file copy;
- both integrity checks (store.backup.database_problems), the full check of 数据 → 检查数据库完整性;
- the case-state check (store.audit_state.verify_states): every case against its latest audit events
  (audit verify), and the part the open runs; floor: the same rows read and hashed on a bare connection.

Usage: .venv/bin/python tests/bench/bench_integrity.py [--count 100000] [--attachments-mb 1024]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.domain.demo import synthetic_cases
from rongcuo_desktop.store.attachments import attachments_of
from rongcuo_desktop.store.backup import (
    StoreFiles,
    auto_backup,
    create_backup,
    database_problems,
    quick_problems,
)
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager

PASSPHRASE = "bench integrity passphrase 口令"
FILE_MB = 100


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def bare(path: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def bare_quick_check(path: Path, key: bytes) -> None:
    conn = bare(path, key)
    try:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def bare_copy(path: Path, key: bytes, target: Path) -> None:
    source, dest = bare(path, key), bare(target, key)
    try:
        dest.execute("PRAGMA journal_mode = OFF")
        source.backup(dest, pages=2048)
    finally:
        dest.close()
        source.close()


def figures(data_dir: Path, key: bytes, work: Path, label: str) -> None:
    files = StoreFiles.in_dir(data_dir)
    size_mb = files.database.stat().st_size / 1024 / 1024
    load = os.getloadavg()[0]
    bare_quick_check(files.database, key)  # warm the page cache once, as a running app has it
    floor_q = timed(lambda: bare_quick_check(files.database, key))
    quick = timed(lambda: quick_problems(files.database, key))
    print(
        f"{label} ({size_mb:.0f} MB, load {load:.1f}): quick_check after the paint {quick:.2f} s; "
        f"floor (same PRAGMA, bare connection) {floor_q:.2f} s; ratio {quick / floor_q:.2f}",
        flush=True,
    )
    copy_target = work / "bare-copy.db"
    floor_b = timed(lambda: bare_copy(files.database, key, copy_target))
    copy_target.unlink()
    usb = work / "usb"
    backup = timed(lambda: create_backup(files, key, usb))
    shutil.rmtree(usb)
    print(
        f"{label}: backup with verification (copy + cipher_integrity_check + quick_check of the "
        f"tables of the written file) {backup:.2f} s; "
        f"floor (backup API copy alone, bare connections) {floor_b:.2f} s; "
        f"ratio {backup / floor_b:.2f}",
        flush=True,
    )
    plain = work / "plain-copy.db"
    floor_c = timed(lambda: shutil.copyfile(files.database, plain))
    plain.unlink()
    auto_backup(files, key)  # one there already: the close's rotation looks for the newest good one
    at_close = timed(lambda: auto_backup(files, key))
    shutil.rmtree(data_dir / "backups")
    print(
        f"{label}: backup at close (auto_backup: copy, both checks of the written file, rename, rotation "
        f"that finds the newest good backup) {at_close:.2f} s; floor (a plain file copy of the database) "
        f"{floor_c:.2f} s; ratio {at_close / floor_c:.2f}. The app waits for it with a progress window "
        "(never cut off); a kill leaves only a hidden .part that never counts and is removed next time",
        flush=True,
    )
    full = timed(lambda: database_problems(files.database, key))
    print(
        f"{label}: both integrity checks (检查数据库完整性) {full:.2f} s; ratio to the quick_check "
        f"floor {full / floor_q:.2f}",
        flush=True,
    )


def bare_case_rows_hashed(path: Path, key: bytes) -> int:
    """The floor of the case-state check: the same case rows read on a bare connection, and each
    hashed once (no mapping, no judgment record)."""
    import hashlib
    import json

    conn = bare(path, key)
    try:
        count = 0
        for row in conn.execute(
            "SELECT c.*, t.*, d.* FROM cases c LEFT JOIN case_texts t ON t.case_id = c.id"
            " LEFT JOIN case_decisions d ON d.case_id = c.id"
        ):
            hashlib.sha256(json.dumps(row, default=str).encode()).hexdigest()
            count += 1
        return count
    finally:
        conn.close()


def state_figures(data_dir: Path, key: bytes, label: str) -> None:
    from rongcuo_desktop.store.audit_state import ids_to_check_at_open, verify_states

    files = StoreFiles.in_dir(data_dir)
    floor = timed(lambda: bare_case_rows_hashed(files.database, key))
    store = Store.open(data_dir, key)
    try:
        with store.read_session() as session:
            ids = ids_to_check_at_open(session)
            at_open = timed(lambda: verify_states(session, ids))
            found: list[object] = []
            full = timed(lambda: found.append(verify_states(session)))
        report = found[0]
        print(
            f"{label}: case states against their latest audit events, all cases (audit verify) {full:.2f} s "
            f"({getattr(report, 'checked', 0)} aspects, {len(getattr(report, 'problems', []))} problems); "
            f"floor (the same rows read and hashed once each, bare connection) {floor:.2f} s; "
            f"ratio {full / floor:.2f}; at open ({len(ids)} cases: the recently written and a sample) "
            f"{at_open:.3f} s",
            flush=True,
        )
    finally:
        store.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--attachments-mb", type=int, default=1024)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="rongcuo-bench-integrity-"))
    try:
        data_dir = work / "data"
        key = KeyManager(data_dir, kdf_target_seconds=0.05).create(PASSPHRASE)
        with Store.create(data_dir, key) as store:
            store.add_cases(synthetic_cases(args.count, seed=7))
        figures(data_dir, key, work, f"{args.count} cases")
        state_figures(data_dir, key, f"{args.count} cases")
        if args.attachments_mb > 0:
            files = max(1, -(-args.attachments_mb // FILE_MB))
            each = args.attachments_mb * 1024 * 1024 // files
            with Store.open(data_dir, key) as store:
                case_id = store.cases.add(
                    Case(
                        doc_no="附件基准〔2026〕1号",
                        party_name="基准",
                        party_unit="基准",
                        party_position="基准",
                    )
                )
                repo = attachments_of(store)
                for n in range(files):
                    repo.add_bytes(case_id, f"evidence-{n}.bin", os.urandom(each))
            figures(
                data_dir, key, work, f"{args.count} cases + {files * each / 1024 / 1024:.0f} MB attachments"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
