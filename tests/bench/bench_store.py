"""Store figures on 100,000 synthetic cases (a script that prints, not a timed test).

Prints: bulk insert time, open time (raw key), search latency per keystroke (median / p95 over
realistic 1-4 character prefixes of names, units and 文号), sort latency per column, RSS after
loading, and the Argon2id key derivation time. The store lives in a temp folder removed at the end.

Usage: .venv/bin/python tests/bench/bench_store.py [--count N]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rongcuo_desktop.domain.demo import synthetic_cases
from rongcuo_desktop.store.case_list import SORT_COLUMNS, CaseQuery
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager

PAGE = 60  # about what a case list shows at once


def rss_mb() -> float:
    """Current RSS from /proc (Linux); falls back to the peak from getrusage."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def keystrokes(store: Store, rng: random.Random) -> list[str]:
    """Typing sequences: 1,2,3,4-char prefixes of real names, units and 文号 in the store."""
    ids = store.cases.ids(CaseQuery())
    sample = store.cases.rows(rng.sample(ids, 10))
    typed: list[str] = []
    for row in sample.values():
        for word in (row.party_name, row.party_unit, row.doc_no):
            typed.extend(word[:n] for n in range(1, min(4, len(word)) + 1))
    return typed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rongcuo-bench-"))
    try:
        data_dir = folder / "store"
        rss_start = rss_mb()
        started = time.perf_counter()
        manager = KeyManager(data_dir)
        key = manager.create("bench passphrase 2026", require_passphrase_each_start=True)
        create_key = time.perf_counter() - started
        started = time.perf_counter()
        manager.unlock_with_passphrase("bench passphrase 2026")
        unlock = time.perf_counter() - started

        store = Store.create(data_dir, key)
        started = time.perf_counter()
        store.add_cases(synthetic_cases(args.count))
        insert = time.perf_counter() - started
        store.close()
        size_mb = sum(p.stat().st_size for p in data_dir.iterdir() if p.is_file()) / 1e6

        opens = []
        for _ in range(5):
            started = time.perf_counter()
            store = Store.open(data_dir, key)
            opens.append(time.perf_counter() - started)
            store.close()
        store = Store.open(data_dir, key)
        rng = random.Random(7)
        typed = keystrokes(store, rng)
        store.close()

        # The first keystroke after open, the list painted first as in the app (nothing cached yet).
        store = Store.open(data_dir, key)
        store.cases.rows(store.cases.ids(CaseQuery())[:PAGE])
        started = time.perf_counter()
        store.cases.rows(store.cases.ids(CaseQuery(text=typed[0]))[:PAGE])
        first_keystroke = time.perf_counter() - started
        store.close()
        store = Store.open(data_dir, key)

        started = time.perf_counter()
        all_ids = store.cases.ids(CaseQuery())
        first_page = store.cases.rows(all_ids[:PAGE])
        first_list = time.perf_counter() - started
        assert len(all_ids) == args.count and len(first_page) == PAGE

        latencies = []
        hits = []
        for text in typed:
            started = time.perf_counter()
            found = store.cases.ids(CaseQuery(text=text))
            store.cases.rows(found[:PAGE])
            latencies.append(time.perf_counter() - started)
            hits.append(len(found))
        ordered_latencies = sorted(latencies)
        p95 = ordered_latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]

        sorts: dict[str, list[float]] = {}
        for column in SORT_COLUMNS:
            for descending in (False, True):
                started = time.perf_counter()
                ordered = store.cases.ids(CaseQuery(sort_column=column, descending=descending))
                store.cases.rows(ordered[:PAGE])
                sorts.setdefault(column, []).append(time.perf_counter() - started)
        rss_loaded = rss_mb()
        store.close()

        print(f"cases: {args.count:,}   store files: {size_mb:.1f} MB")
        print(f"bulk insert of {args.count:,} synthetic cases: {insert:.2f} s")
        print(f"open (raw key, schema check): median {ms(statistics.median(opens))} of 5")
        print(f"full list (all ids sorted by 申请日期 + first page of {PAGE} rows): {ms(first_list)}")
        print(
            f"search per keystroke ({len(typed)} keystrokes, 1-4 char prefixes of names/units/文号): "
            f"median {ms(statistics.median(latencies))}, p95 {ms(p95)}, max {ms(ordered_latencies[-1])} "
            f"(hits median {int(statistics.median(hits)):,})"
        )
        print(f"  first keystroke after open ({typed[0]!r}): {ms(first_keystroke)}")
        for length in (1, 2, 3, 4):
            per = [lat for t, lat in zip(typed, latencies, strict=False) if len(t) == length]
            if per:
                print(f"  {length}-char terms: median {ms(statistics.median(per))} over {len(per)}")
        for column, times in sorts.items():
            print(f"sort by {column:<11} asc {ms(times[0])}  desc {ms(times[1])}")
        print(f"RSS: {rss_start:.0f} MB at start, {rss_loaded:.0f} MB after loading and querying")
        print(f"key derivation (Argon2id): create {create_key:.2f} s, unlock {unlock:.2f} s")
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
