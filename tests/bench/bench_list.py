"""The case list at scale: search (all text, facts included) and sort, in the store and in the real
window, each beside a floor measured in the same run, and the memory after it.

Figures (100,000 cases by default; `make bench-scale` runs 1,000,000):
- search keystroke at the store with two filters on (领域 and year): median / p95 of the first page
  (CaseRepository.head and its rows); floor: the same SQL (store/case_search.py) and the first
  page's rows on a bare keyed connection;
- search keystroke with one filter on (领域, then 结论: each leaves 1 case in 8 or more), and without
  filters, the same way;
- keystroke to repainted list in the real main window (offscreen): the query set on the list (after
  the search box's 150 ms coalescing), until the first page's rows are painted; without filters and
  with two on (领域 and year: the figure of the case-files issue); floor: the same SQL (the first
  page, store/case_search.py, and its rows) on a bare keyed connection with the app's page cache,
  into a plain model and a bare QTableView, on the GUI thread (no store, no worker thread); the
  one- and two-character terms also apart (the trigram index answers them through its vocabulary);
- sort by each column in the real window (header order set until painted); floor: the same query
  (the first page with LIMIT) on the bare connection and a bare QTableView;
- RSS after searching and sorting (the goal: ≤ 160 MB at 100,000, ≤ 250 MB at 1,000,000), in a
  child process that runs the window alone; floor: a child with a bare QTableView and a bare
  connection (the app's page cache size; the store it read the terms with closed first) after the
  same searches and sorts. Each prints the part of it that is SQLite's page cache.

Usage: .venv/bin/python tests/bench/bench_list.py [--count N] [--keep DIR]
(--keep: build the store once in DIR and reuse it on later runs.)
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QEventLoop, QModelIndex, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from rongcuo_desktop.domain.demo import synthetic_cases  # noqa: E402
from rongcuo_desktop.store.case_list import CaseQuery, read_rows  # noqa: E402
from rongcuo_desktop.store.database import Store  # noqa: E402
from tests.bench.bench_store import rss_mb  # noqa: E402

PAGE = 60
FACT_WORDS = ["抢险物资", "承诺制审批", "补偿标准", "监管环节", "改革试点", "经济损失", "沙袋", "信访"]


def load_average() -> str:
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def ms(values: Sequence[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(values) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def build(folder: Path, count: int) -> bytes:
    key_file = folder / "bench.key"
    if key_file.exists():
        return bytes.fromhex(key_file.read_text())
    key = secrets.token_bytes(32)
    started = time.perf_counter()
    store = Store.create(folder / "data", key)
    done = 0
    while done < count:  # slices, so a million cases do not sit in one list
        size = min(100_000, count - done)
        store.add_cases(synthetic_cases(size, start=done))
        done += size
    store.close()
    key_file.write_text(key.hex())
    print(f"built {count:,} cases in {time.perf_counter() - started:.0f} s ({load_average()})", flush=True)
    return key


def open_kept(folder: Path, key: bytes) -> Store:
    """The bench's store, upgraded first when an older app built it (--keep), without the backup the
    app takes before an upgrade: a bench store has no key file to back up with (the bench keys it
    directly), and it is rebuilt from nothing when lost. Prints how long the upgrade took."""
    from rongcuo_desktop.store import database

    upgraded: list[float] = []
    run = database._run_migrations

    def timed(conn: Any) -> None:
        started = time.perf_counter()
        run(conn)
        upgraded.append(time.perf_counter() - started)

    saved = database._backup_before_migration
    database._backup_before_migration = lambda *_args: None
    database._run_migrations = timed
    try:
        store = Store.open(folder / "data", key)
    finally:
        database._backup_before_migration, database._run_migrations = saved, run
    if upgraded:
        print(
            f"kept store upgraded to the current schema in {upgraded[0]:.0f} s ({load_average()})", flush=True
        )
    return store


def typed_terms(store: Store, rng: random.Random) -> list[str]:
    """1-4 character prefixes of names, units, 文号 and words of the facts, as a person types them."""
    ids = store.cases.head(CaseQuery(), 2000)[0]
    rows = store.cases.rows(rng.sample(ids, 8))
    words = [w for row in rows.values() for w in (row.party_name, row.party_unit[3:], row.doc_no)]
    words += rng.sample(FACT_WORDS, 4)
    return [word[:n] for word in words for n in range(1, min(4, len(word)) + 1)]


def bare_first_page(cursor: Any, query: CaseQuery, limit: int, kept: dict[CaseQuery, list[int]]) -> list[int]:
    """The floor's first page: the SQL the store runs for it (CaseRepository.head), on a bare cursor.
    With search terms and filters that leave at most AMONG_LIMIT cases, their ordered ids (read once
    per set of filters and kept in `kept`, as the store keeps them until a write) are tested by id;
    otherwise search_head, told how many cases the filters leave (from the kept counts)."""
    from rongcuo_desktop.store.case_list import EVERY_CASE, head_ids, order_sql, read_count
    from rongcuo_desktop.store.case_search import AMONG_LIMIT, first_among, search_head

    if not query.text.split():
        listed = read_count(cursor, query, EVERY_CASE)
        total = read_count(cursor, CaseQuery(), EVERY_CASE) if query.filtered else listed
        return head_ids(cursor, query, EVERY_CASE, limit, listed, total)
    filtered = None
    if query.filtered:
        plain = dataclasses.replace(query, text="")
        filtered = read_count(cursor, plain, EVERY_CASE)
        if filtered <= AMONG_LIMIT:
            if plain not in kept:
                sql, _where, params = order_sql(plain, EVERY_CASE)
                kept[plain] = [row[0] for row in cursor.execute(sql, params)]
            page = first_among(cursor, query.text, kept[plain], limit)
            if page is not None:
                return page[0]
    return search_head(cursor, query, limit, EVERY_CASE, filtered)[0]


def store_search(store: Store, terms: list[str], filters: dict[str, Any]) -> tuple[list[float], list[float]]:
    """Each term: the store's first page (ids and rows; the count after it is not in the figure);
    and the floor, the same SQL on a bare connection."""
    from rongcuo_desktop.store.case_list import EVERY_CASE
    from rongcuo_desktop.store.connection import connect_raw, page_cache_kib
    from rongcuo_desktop.store.layout import db_path

    timed, floors = [], []
    kept: dict[CaseQuery, list[int]] = {}
    bare = connect_raw(db_path(store.data_dir), store.key_box.get(), readonly=True)
    bare.execute(f"PRAGMA cache_size = -{page_cache_kib(db_path(store.data_dir))}")
    cursor = bare.cursor()
    try:
        for term in terms:
            query = CaseQuery(text=term, **filters)
            started = time.perf_counter()
            ids = store.cases.head(query, PAGE)[0]
            store.cases.rows(ids)
            timed.append(time.perf_counter() - started)
            started = time.perf_counter()
            ids = bare_first_page(cursor, query, PAGE, kept)
            read_rows(cursor, ids, EVERY_CASE)
            floors.append(time.perf_counter() - started)
    finally:
        cursor.close()
        bare.close()
    return timed, floors


class BareModel(QAbstractTableModel):
    """The floor's model: ids and the first page's rows, nothing else."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[int] = []
        self.rows: dict[int, tuple[str, ...]] = {}

    def fill(self, ids: list[int], rows: dict[int, tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.ids, self.rows = ids, rows
        self.endResetModel()

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return len(self.ids)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 7

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows.get(self.ids[index.row()])
        return row[index.column()] if row else None


def wait_until(app: QApplication, done: Callable[[], bool], limit_s: float = 60) -> None:
    end = time.perf_counter() + limit_s
    loop = QEventLoop()
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("the list did not answer")
        QTimer.singleShot(1, loop.quit)
        loop.exec()


def window_figures(
    app: QApplication, store: Store, terms: list[str], filters: dict[str, Any], *, with_floors: bool = True
) -> dict[str, tuple[list[float], list[float]]]:
    """`with_floors` False: the window alone (the RSS child; the floors' connection has its own cache)."""
    from rongcuo_desktop.services.workspace import Workspace
    from rongcuo_desktop.store.case_list import EVERY_CASE
    from rongcuo_desktop.store.connection import connect_raw, page_cache_kib
    from rongcuo_desktop.store.keys import KeyManager
    from rongcuo_desktop.store.layout import db_path
    from rongcuo_desktop.ui.cases.table_model import COLUMN_KEYS, PAGE_SIZE, row_texts
    from rongcuo_desktop.ui.fonts import apply_cjk_font
    from rongcuo_desktop.ui.shell.features import WindowFeatures
    from rongcuo_desktop.ui.shell.main_window import MainWindow
    from rongcuo_desktop.ui.tasks import TaskRunner

    apply_cjk_font(app)
    runner = TaskRunner()
    person = store.setup_credential()  # (not through tests.ui: the RSS child holds no pytest)
    workspace = Workspace(store, KeyManager(store.data_dir))
    settings = QSettings(str(store.data_dir / "ui-bench.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, person, runner, settings, store.data_dir)
    WindowFeatures(window.context)
    window.resize(1280, 800)
    window.show()
    cases = window.cases
    model, table = cases.model, cases.table
    wait_until(app, lambda: cases._ready_reported and not runner.busy)
    bare_model = BareModel()
    bare_table = QTableView()
    bare_table.setModel(bare_model)
    bare_table.resize(900, 600)
    bare_table.show()
    bare = connect_raw(db_path(store.data_dir), store.key_box.get(), readonly=True)
    bare.execute(f"PRAGMA cache_size = -{page_cache_kib(db_path(store.data_dir))}")
    cursor = bare.cursor()
    kept: dict[CaseQuery, list[int]] = {}  # the filters' ordered ids, read once as the store keeps them

    def painted_after(change: Callable[[], None]) -> float:
        started = time.perf_counter()
        change()
        wait_until(app, lambda: not model.loading)
        wait_until(app, lambda: model.rowCount() == 0 or model.is_row_fetched(0))
        table.viewport().repaint()
        return time.perf_counter() - started

    def bare_after(query: CaseQuery) -> float:
        """The same SQL as the window's first page, on a bare connection, into a bare view."""
        if not with_floors:
            return 0.0
        started = time.perf_counter()
        ids = bare_first_page(cursor, query, PAGE_SIZE, kept)
        rows = read_rows(cursor, ids, EVERY_CASE)
        bare_model.fill(ids, {i: row_texts(r) for i, r in rows.items()})
        bare_table.viewport().repaint()
        return time.perf_counter() - started

    out: dict[str, tuple[list[float], list[float]]] = {}
    for label, narrowing in (("", {}), (", two filters on (领域, year)", filters)):
        base = CaseQuery(**narrowing)
        painted_after(lambda b=base: model.set_query(b))
        typed, floors = [], []
        for term in terms:
            query = dataclasses.replace(base, text=term)
            typed.append(painted_after(lambda q=query: model.set_query(q)))
            floors.append(bare_after(query))
        out[f"keystroke to repainted list (real window){label}"] = (typed, floors)
        wait_until(app, lambda: not runner.busy)  # the last search's count
    painted_after(lambda: model.set_query(CaseQuery()))
    sorts, sort_floors = [], []
    for column, key in enumerate(COLUMN_KEYS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            sorts.append(
                painted_after(lambda c=column, o=order: table.horizontalHeader().setSortIndicator(c, o))
            )
            descending = order == Qt.SortOrder.DescendingOrder
            sort_floors.append(bare_after(CaseQuery(sort_column=key, descending=descending)))
    out["sort by a column (real window)"] = (sorts, sort_floors)
    window.close()
    runner.shutdown()
    bare_table.close()
    cursor.close()
    bare.close()
    return out


def short_terms_line(label: str, terms: list[str], timed: list[float], floors: list[float]) -> str:
    """The keystrokes of one- and two-character terms apart (answered through the index's vocabulary)."""
    short = [i for i, term in enumerate(terms) if len(term) < 3]
    typed, floor = [timed[i] for i in short], [floors[i] for i in short]
    ratio = statistics.median(typed) / statistics.median(floor)
    return (
        f"{label}, the {len(short)} one- and two-character terms: {ms(typed)}, max"
        f" {max(typed) * 1000:.0f} ms; floor: {ms(floor)}; ratio {ratio:.1f}x; {load_average()}"
    )


def rss_child(folder: Path, count: int, mode: str) -> str:
    """RSS (MB) of a fresh process after the searches and sorts: the app's window, or the floor."""
    command = [sys.executable, __file__, "--count", str(count), "--keep", str(folder), "--rss", mode]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


def sqlite_cache_mb() -> float:
    """SQLite's page cache held now, all connections (sqlite3_status64 of SQLCipher's own library:
    SQLITE_STATUS_PAGECACHE_OVERFLOW, the page cache taken from the heap)."""
    import ctypes

    import sqlcipher3._sqlite3 as driver

    status = ctypes.CDLL(driver.__file__).sqlite3_status64
    current, highest = ctypes.c_int64(), ctypes.c_int64()
    status(2, ctypes.byref(current), ctypes.byref(highest), 0)
    return current.value / 1048576


def rss_figure(app: QApplication, store: Store, terms: list[str], filters: dict[str, Any], mode: str) -> str:
    """RSS after open, after the searches and sorts, and SQLite's page cache within it (MB)."""
    opened = rss_mb()
    if mode == "window":
        window_figures(app, store, terms, filters, with_floors=False)
        return f"{opened:.0f} {rss_mb():.0f} {sqlite_cache_mb():.0f}"
    from rongcuo_desktop.store.case_list import EVERY_CASE
    from rongcuo_desktop.store.connection import connect_raw, page_cache_kib
    from rongcuo_desktop.store.layout import db_path
    from rongcuo_desktop.ui.cases.table_model import COLUMN_KEYS, row_texts

    path, key = db_path(store.data_dir), store.key_box.get()
    store.close()  # the floor holds the bare connection alone (the store's cache went with it)
    bare = connect_raw(path, key, readonly=True)
    bare.execute(f"PRAGMA cache_size = -{page_cache_kib(path)}")
    cursor = bare.cursor()
    bare_model = BareModel()
    bare_table = QTableView()
    bare_table.setModel(bare_model)
    bare_table.resize(900, 600)
    bare_table.show()
    queries = [CaseQuery(text=t, **narrowing) for narrowing in ({}, filters) for t in terms]
    queries += [CaseQuery(sort_column=k, descending=d) for k in COLUMN_KEYS for d in (False, True)]
    kept: dict[CaseQuery, list[int]] = {}
    for query in queries:
        ids = bare_first_page(cursor, query, PAGE, kept)
        bare_model.fill(ids, {i: row_texts(r) for i, r in read_rows(cursor, ids, EVERY_CASE).items()})
        bare_table.viewport().repaint()
    return f"{opened:.0f} {rss_mb():.0f} {sqlite_cache_mb():.0f}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build the store here once and reuse it")
    parser.add_argument("--rss", choices=("window", "floor"), help=argparse.SUPPRESS)  # the RSS child
    args = parser.parse_args()
    os.environ.setdefault("RONGCUO_CONFIG_DIR", tempfile.mkdtemp(prefix="rongcuo-bench-config-"))
    folder = args.keep or Path(tempfile.mkdtemp(prefix="rongcuo-bench-list-"))
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    try:
        key = build(folder, args.count)
        store = open_kept(folder, key)
        terms = typed_terms(store, random.Random(7))
        fields = {"work_field": "行政审批", "year": 2021}
        if args.rss:
            print(rss_figure(app, store, terms, fields, args.rss))
            store.close()
            return 0
        print(
            f"cases: {store.cases.count():,}; {len(terms)} keystrokes (1-4 character prefixes of names,"
            f" units, 文号 and words of the facts); {load_average()}"
        )
        for label, (timed, floors) in window_figures(app, store, terms, fields).items():
            ratio = statistics.median(timed) / statistics.median(floors)
            print(
                f"{label}: {ms(timed)}, max {max(timed) * 1000:.0f} ms; floor (same query, bare "
                f"QTableView): {ms(floors)}; ratio {ratio:.1f}x; {load_average()}"
            )
            if label.startswith("keystroke"):  # the terms the trigram index cannot answer directly
                print(short_terms_line(label, terms, timed, floors))
        store_filters = (
            ("two filters on (领域, year)", fields),
            ("one filter on (领域)", {"work_field": fields["work_field"]}),
            ("one filter on (结论)", {"conclusion": "exempt"}),
            ("no filter", {}),
        )
        for label, filters in store_filters:
            timed, floors = store_search(store, terms, filters)
            ratio = statistics.median(timed) / statistics.median(floors)
            print(
                f"search at the store, {label}: {ms(timed)}; floor (same SQL, bare connection): "
                f"{ms(floors)}; ratio {ratio:.1f}x; {load_average()}"
            )
        store.close()
        window_open, window_after, window_cache = rss_child(folder, args.count, "window").split()
        floor_open, floor_after, floor_cache = rss_child(folder, args.count, "floor").split()
        print(
            f"RSS (a process of its own): {window_open} MB after open, {window_after} MB after searching and"
            f" sorting in the window (SQLite's page cache {window_cache} MB of it); floor (bare QTableView,"
            f" bare connection, same searches and sorts): {floor_open} MB, {floor_after} MB (page cache"
            f" {floor_cache} MB); ratio {int(window_after) / int(floor_after):.1f}x; {load_average()}"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
