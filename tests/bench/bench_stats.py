"""The statistics view on 100,000 cases: from 视图 → 案件统计… (or 刷新) to the chart and the table
shown with the new counts. Goal (issue 12): ≤ 500 ms.

The store holds 100,000 synthetic cases; 30,000 of them have stage moves in the stage log (one to
four each), so the days per stage have real work. Each run refreshes the open window through its
feature after a change (so the counts are made again) and waits for its `loaded` signal and the
paint. Also timed: the counting alone (services.stats.statistics, both queries and the tally), and a
refresh when nothing changed (the counts are kept per database version).

The floor, measured in the same run: the bare read of the statistics the store keeps (migration
0009: the grouped counts and the stays per stage, kept by triggers as cases change) on a bare
connection, plus a round trip of a trivial operation through the database thread and the repaint of
the window as it is. For reference, the same floor with the bare GROUP BY of the whole cases table
instead (what the view ran before the counts were kept, and what a 委员's narrowed counts run).

Run alone (`python tests/bench/bench_stats.py`) or with `make bench`. Prints figures; asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the tests package
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from rongcuo_desktop.domain.demo import synthetic_cases
from rongcuo_desktop.services import stats
from rongcuo_desktop.store.connection import connect_raw, page_cache_kib
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.layout import db_path
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.bench.window_bench import bench_app, shown_window, store_with_chair, wait_for

COUNT = 100_000
WITH_MOVES = 30_000
RUNS = 9
GOAL_MS = 500.0
STAGES = ("accepted", "investigation", "hearing", "decision")


def _nothing() -> None:
    """A job that does nothing: the database thread's round trip."""


def add_moves(store: Store) -> None:
    with store.write_session() as session:
        conn = session.connection()
        rows = conn.exec_driver_sql(f"SELECT id, applied_on FROM cases ORDER BY id LIMIT {WITH_MOVES}").all()
        moves = []
        for n, (case_id, applied) in enumerate(rows):
            day = dt.date.fromisoformat(str(applied))
            for k, stage in enumerate(STAGES[: 1 + n % 4]):
                day += dt.timedelta(days=3 + (n * 7 + k * 11) % 40)
                moves.append((case_id, stage, day.isoformat()))
        conn.exec_driver_sql(
            "INSERT INTO case_stage_log (case_id, stage, entered_on, at, by_name, backward, reason)"
            " VALUES (?, ?, ?, '', '王主任', 0, '')",
            moves,  # type: ignore[arg-type]
        )


def touch(store: Store) -> None:
    with store.write_session() as session:
        session.connection().exec_driver_sql("UPDATE cases SET updated_at = updated_at WHERE id = 1")


def bare_reads(data: Path, key: bytes) -> tuple[float, float]:
    """Milliseconds of the bare read of the kept counts, and of the bare GROUP BY of the cases."""
    conn = connect_raw(db_path(data), key, readonly=True)
    try:
        conn.execute(f"PRAGMA cache_size = -{page_cache_kib(db_path(data))}")  # as the app's connection
        conn.execute("SELECT count(*) FROM cases").fetchone()  # warm, as the app's is
        conn.execute("SELECT count(*) FROM case_stats").fetchone()
        started = time.perf_counter()
        conn.execute("SELECT * FROM case_stats").fetchall()
        conn.execute("SELECT stage, count(*), total(days) FROM case_stage_stays GROUP BY stage").fetchall()
        kept = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        conn.execute(
            "SELECT stage, conclusion, work_field, substr(applied_on, 1, 4), case_type, count(*)"
            " FROM cases GROUP BY 1, 2, 3, 4, 5"
        ).fetchall()
        return kept, (time.perf_counter() - started) * 1000
    finally:
        conn.close()


def main() -> int:
    app = bench_app(sys.argv)
    with tempfile.TemporaryDirectory(prefix="rongcuo-bench-stats-") as tmp:
        data = Path(tmp) / "data"
        store, key, person = store_with_chair(data)
        store.add_cases(synthetic_cases(COUNT, seed=3), by=person)
        add_moves(store)
        runner = TaskRunner()
        _window, features, workspace = shown_window(store, data, person, runner)
        while runner.busy:
            app.processEvents()
        counting = []  # the service call alone, with the window idle
        for _ in range(5):
            touch(store)
            started = time.perf_counter()
            view = stats.statistics(workspace, person)
            counting.append((time.perf_counter() - started) * 1000)

        touch(store)
        started = time.perf_counter()
        shown = features.stats.show_statistics()
        assert shown is not None
        wait_for(shown.loaded)
        app.processEvents()
        first = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        wait_for(shown.loaded, shown.refresh)
        unchanged = (time.perf_counter() - started) * 1000
        timings: list[float] = []
        floors: list[float] = []
        scans: list[float] = []
        job_done: list[int] = []
        for _ in range(RUNS):
            touch(store)  # a change, so the counts are made again (nothing served from the cache)
            started = time.perf_counter()
            wait_for(shown.loaded, shown.refresh)
            shown.repaint()
            timings.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            job_done.clear()
            runner.run_db(_nothing, receiver=shown, done=job_done.append)
            while not job_done:
                app.processEvents()
            shown.repaint()
            trip = (time.perf_counter() - started) * 1000
            kept, scan = bare_reads(data, key)
            floors.append(trip + kept)
            scans.append(trip + scan)
        runner.shutdown()
        store.close()
    one, five, _ = os.getloadavg()
    median, floor = statistics.median(timings), statistics.median(floors)
    lines = [
        f"cases: {COUNT:,} ({WITH_MOVES:,} with 1-4 stage moves); {view.stats.total:,} counted",
        f"counting (services.stats.statistics): median {statistics.median(counting):.0f} ms of 5",
        f"statistics view, first open to chart and table shown: {first:.0f} ms",
        f"statistics view, refresh after a change: median {median:.0f} ms, max {max(timings):.0f} ms",
        f"statistics view, refresh with nothing changed (counts kept): {unchanged:.0f} ms",
        f"  floor (bare read of the kept counts + a database round trip + a repaint): median {floor:.1f} ms",
        f"  for reference, a bare GROUP BY of all cases instead: median {statistics.median(scans):.0f} ms",
        f"  ratio to the floor: {median / floor:.1f}x; goal ≤ {GOAL_MS:.0f} ms: "
        + ("met" if max(first, median) <= GOAL_MS else "NOT met"),
        f"load average {one:.2f} (5 min {five:.2f}) on {os.cpu_count()} cores",
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
