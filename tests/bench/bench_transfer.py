"""Import, export and bulk-add figures, each import with its floor measured in the same run.

- Import: 10,000 cases, each with a checklist, five members' scores (one of them recused) and a
  decision, from a collection file into a new store (the file read and checked, one IMPORT audit
  event per case, one transaction). Goal (issue 15): ≤ 8 s.
- Floor: the very rows the import wrote (cases, texts, checklists, members, scores, seats,
  decisions, audit events), copied into another new store of the same schema, FTS triggers
  included, by executemany on a bare connection in one transaction. What the import costs beyond
  that is reading and checking the file, planning, and hashing the audit chain.
- Bulk add (`cases.add_many`, the demo's path): 20,000 synthetic cases, against the same floor.
- Export of the 10,000 and the check of the exported file (preview_import), for reference.

Run alone (`python tests/bench/bench_transfer.py`) or with `make bench`. Prints figures; asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.case_collection import dumps_collection
from rongcuo_desktop.domain.case_file import (
    CaseFile,
    Checklist,
    ConditionStatus,
    DecisionRecord,
    ExclusionStatus,
    Member,
    Score,
)
from rongcuo_desktop.domain.demo import synthetic_cases
from rongcuo_desktop.domain.rulebook import DIMENSIONS
from rongcuo_desktop.store.connection import connect_raw
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.layout import db_path

COUNT = 10_000
BULK = 20_000
IMPORT_GOAL = 8.0
# The tables an import writes, in an order the foreign keys accept.
TABLES = (
    "cases",
    "case_texts",
    "case_checklist_items",
    "judgment_members",
    "judgment_scores",
    "case_members",
    "case_decisions",
)


def case_files(count: int) -> list[CaseFile]:
    checklist = Checklist(
        ("s8-2",),
        {f"c{i}": ConditionStatus.MET for i in range(1, 7)},
        {f"x{i}": ExclusionStatus.NOT_CONFIRMED for i in range(1, 10)},
    )
    scored = [
        Member(id=f"m{n}", name=f"委员{n}", scores={d: Score(4, "理由") for d in DIMENSIONS})
        for n in range(1, 5)
    ]
    members = (*scored, Member(id="m5", name="委员5", recused=True, recusal_reason="回避"))
    recorded = DecisionRecord("王主任", dt.datetime(2026, 4, 1, 8, 30, tzinfo=dt.UTC), "fuzhou-2019@1")
    files = []
    for case in synthetic_cases(count):
        case.rulebook, case.conclusion, case.decided_on = (
            "fuzhou-2019@1",
            Conclusion.EXEMPT,
            dt.date(2026, 4, 1),
        )
        files.append(CaseFile(case, checklist, members, "会议认定", recorded))
    return files


def cases_of(path: Path) -> list[dict[str, object]]:
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    return sorted(cases, key=lambda c: str(c["case"]["doc_no"]))


def rows_written(folder: Path, key: bytes, event_action: str) -> list[tuple[str, list[str], list[Any]]]:
    """Every row of the case tables, and the audit events of `event_action`, as (table, columns, rows)."""
    conn = connect_raw(db_path(folder), key, readonly=True)
    try:
        out = []
        for table in TABLES:
            cursor = conn.execute(f"SELECT * FROM {table}")
            columns = [d[0] for d in cursor.description]
            out.append((table, columns, cursor.fetchall()))
        cursor = conn.execute("SELECT * FROM audit_events WHERE action = ? ORDER BY id", (event_action,))
        columns = [d[0] for d in cursor.description]
        keep = [i for i, c in enumerate(columns) if c != "id"]  # the new store has events of its own
        events = [tuple(row[i] for i in keep) for row in cursor.fetchall()]
        out.append(("audit_events", [columns[i] for i in keep], events))
        return out
    finally:
        conn.close()


def floor_seconds(folder: Path, rows: list[tuple[str, list[str], list[Any]]]) -> tuple[float, float]:
    """The same rows into a new store of the same schema: executemany, one transaction, bare connection."""
    key = secrets.token_bytes(32)
    Store.create(folder, key).close()
    conn = connect_raw(db_path(folder), key)
    conn.isolation_level = None
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    try:
        started, cpu = time.perf_counter(), time.process_time()
        conn.execute("BEGIN")
        for table, columns, values in rows:
            marks = ", ".join("?" * len(columns))
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)
        conn.execute("COMMIT")
        return time.perf_counter() - started, time.process_time() - cpu
    finally:
        conn.close()


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (5 min {five:.2f}) on {os.cpu_count()} cores"


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "source.json"
        exported_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
        source.write_text(dumps_collection(case_files(COUNT), exported_at), encoding="utf-8")
        key = secrets.token_bytes(32)
        first = Store.create(root / "a", key)
        reports: list[int] = []
        started, cpu = time.perf_counter(), time.process_time()
        first.transfer.import_file(source, progress=lambda done, _total: reports.append(done))
        import_seconds, import_cpu = time.perf_counter() - started, time.process_time() - cpu
        import_load = load()
        out = root / "export.json"
        started = time.perf_counter()
        first.transfer.export(out)
        export_seconds = time.perf_counter() - started
        first.close()
        rows = rows_written(root / "a", key, "import")
        floor, floor_cpu = min(floor_seconds(root / f"floor{i}", rows) for i in range(2))
        floor_load = load()
        second = Store.create(root / "b", secrets.token_bytes(32))
        started = time.perf_counter()
        second.transfer.preview_import(out)
        check_seconds = time.perf_counter() - started
        second.close()
        size = out.stat().st_size / (1024 * 1024)
        same = cases_of(out) == cases_of(source)

        bulk_key = secrets.token_bytes(32)
        third = Store.create(root / "c", bulk_key)
        synthetic = list(synthetic_cases(BULK))
        started = time.perf_counter()
        third.cases.add_many(synthetic)
        bulk_seconds = time.perf_counter() - started
        bulk_load = load()
        third.close()
        bulk_floor = min(
            floor_seconds(root / f"bulkfloor{i}", rows_written(root / "c", bulk_key, "import"))[0]
            for i in range(2)
        )

    total_rows = sum(len(values) for _, _, values in rows)
    print(f"cases: {COUNT:,} (checklist, 5 members with scores/recusal, decision each); file {size:.1f} MB")
    print(
        f"import (read and check the file, one transaction, {COUNT:,} audit events): {import_seconds:.2f} s"
        f" ({len(reports)} progress reports; {import_load})"
    )
    print(
        f"  floor (the same {total_rows:,} rows, same schema and triggers, one transaction): {floor:.2f} s"
        f" ({floor_load})"
    )
    verdict = "met" if import_seconds <= IMPORT_GOAL else "NOT met"
    print(f"  ratio to the floor: {import_seconds / floor:.1f}x; goal ≤ {IMPORT_GOAL:.0f} s: {verdict}")
    # CPU time of this process (SQLCipher runs in it): what the work costs without the waits for a CPU
    # that other programs hold, so a loaded machine's figure can be judged.
    print(
        f"  CPU time: import {import_cpu:.2f} s, floor {floor_cpu:.2f} s; ratio {import_cpu / floor_cpu:.1f}x"
    )
    print(f"bulk add of {BULK:,} synthetic cases (add_many): {bulk_seconds:.2f} s ({bulk_load})")
    print(f"  floor (the same rows): {bulk_floor:.2f} s; ratio {bulk_seconds / bulk_floor:.1f}x")
    print(f"export (collection file): {export_seconds:.2f} s")
    print(f"check only (preview_import): {check_seconds:.2f} s")
    print(f"export equals the imported cases: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
