"""The lazy case list model: ids from one query, rows fetched a page at a time as painted,
sorting and filtering as new queries. Runs against a small in-memory fake of CaseRepository
(the real store is exercised in tests/ui/test_main_window.py)."""

from __future__ import annotations

import datetime as dt
import threading
from array import array
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.case import Case, Conclusion, Stage
from rongcuo_desktop.store.repository import CaseQuery, CaseRow
from rongcuo_desktop.ui.cases.table_model import PAGE_SIZE, CaseTableModel, fetch_first_page
from rongcuo_desktop.ui.tasks import TaskRunner

STAGES = list(Stage)


class FakeCases:
    """ids()/rows()/get() as the contract says; records calls and the threads they ran on."""

    def __init__(self, count: int) -> None:
        self.data = {
            i: CaseRow(
                id=i,
                doc_no=f"容错〔2026〕{i}号",
                party_name=("谢某某" if i % 10 == 0 else f"王某{i}"),
                party_unit=f"单位{i % 7}",
                work_field="行政审批",
                stage=STAGES[i % len(STAGES)],
                applied_on=dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
                conclusion=Conclusion.EXEMPT if i % 3 == 0 else None,
            )
            for i in range(1, count + 1)
        }
        self.queries: list[CaseQuery] = []
        self.pages: list[list[int]] = []
        self.threads: set[int] = set()

    def ids(self, query: CaseQuery) -> list[int]:
        self.threads.add(threading.get_ident())
        self.queries.append(query)
        rows = [
            r
            for r in self.data.values()
            if (not query.text or any(query.text in v for v in (r.doc_no, r.party_name, r.party_unit)))
            and (query.stage is None or r.stage == query.stage)
        ]

        def key(r: CaseRow) -> tuple[object, int]:
            value = getattr(r, query.sort_column)
            if query.sort_column == "stage":
                value = STAGES.index(value)
            if value is None:
                value = ""
            return (value, r.id)

        rows.sort(key=key, reverse=query.descending)
        return [r.id for r in rows]

    def rows(self, ids: Sequence[int]) -> dict[int, CaseRow]:
        self.threads.add(threading.get_ident())
        self.pages.append(list(ids))
        return {i: self.data[i] for i in ids}

    def get(self, case_id: int) -> Case:
        raise NotImplementedError


def loaded_model(qtbot: QtBot, runner: TaskRunner, fake: FakeCases) -> CaseTableModel:
    model = CaseTableModel(runner, fake)
    with qtbot.waitSignal(model.ids_loaded, timeout=15000):
        model.refresh()
    return model


def test_only_ids_are_loaded_until_rows_are_asked_for(qtbot: QtBot, runner: TaskRunner) -> None:
    """Given 1,000 cases, when the query finishes, then the model knows 1,000 rows and has the first
    page's rows (they come with the ids, in one hand-off); row 999 fetches exactly the last page."""
    fake = FakeCases(1000)
    model = loaded_model(qtbot, runner, fake)
    assert model.rowCount() == 1000 and model.columnCount() == 7
    assert len(fake.pages) == 1 and len(fake.pages[0]) == PAGE_SIZE
    assert model.fetched_row_count == PAGE_SIZE
    assert model.data(model.index(0, 4)) == fake.data[model.case_id(0)].stage.label

    model.data(model.index(999, 0))
    model.data(model.index(998, 1))  # same page: no second request
    qtbot.waitUntil(lambda: model.is_row_fetched(999), timeout=15000)
    assert len(fake.pages) == 2 and fake.pages[1][-1] == model.case_id(999)
    assert model.fetched_row_count == 2 * PAGE_SIZE
    assert threading.get_ident() not in fake.threads and len(fake.threads) == 1


def test_a_view_paints_only_the_visible_page(qtbot: QtBot, runner: TaskRunner) -> None:
    """Given a table view of normal size over 5,000 cases, when it is shown, then the visible rows
    fill in and only one page of the 25 has been fetched."""
    fake = FakeCases(5000)
    model = loaded_model(qtbot, runner, fake)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 500)
    view.show()
    qtbot.waitUntil(lambda: model.is_row_fetched(0), timeout=15000)
    qtbot.wait(50)
    assert len(fake.pages) == 1
    first = fake.data[model.case_id(0)]  # type: ignore[index]
    assert model.data(model.index(0, 0)) == first.doc_no
    assert model.data(model.index(0, 5)) == first.applied_on.isoformat()


def test_header_sort_is_a_new_sql_query(qtbot: QtBot, runner: TaskRunner) -> None:
    fake = FakeCases(300)
    model = loaded_model(qtbot, runner, fake)
    with qtbot.waitSignal(model.ids_loaded, timeout=15000):
        model.sort(0, Qt.SortOrder.AscendingOrder)
    assert fake.queries[-1].sort_column == "doc_no" and not fake.queries[-1].descending
    with qtbot.waitSignal(model.ids_loaded, timeout=15000):
        model.sort(4, Qt.SortOrder.DescendingOrder)
    assert fake.queries[-1].sort_column == "stage" and fake.queries[-1].descending
    stages = [fake.data[model.case_id(r)].stage for r in range(model.rowCount())]  # type: ignore[index]
    assert [STAGES.index(s) for s in stages] == sorted((STAGES.index(s) for s in stages), reverse=True)
    queries = len(fake.queries)
    model.sort(4, Qt.SortOrder.DescendingOrder)  # same order again: no query
    assert len(fake.queries) == queries


def test_text_and_stage_filters(qtbot: QtBot, runner: TaskRunner) -> None:
    fake = FakeCases(300)
    model = loaded_model(qtbot, runner, fake)
    with qtbot.waitSignal(model.ids_loaded, timeout=15000) as loaded:
        model.set_text("  谢某某 ")
    assert loaded.args == [30] and fake.queries[-1].text == "谢某某"
    with qtbot.waitSignal(model.ids_loaded, timeout=15000):
        model.set_stage(Stage.APPLIED)
    expected = [r.id for r in fake.data.values() if r.party_name == "谢某某" and r.stage == Stage.APPLIED]
    assert sorted(model.case_id(r) for r in range(model.rowCount())) == sorted(expected)  # type: ignore[type-var]


def test_only_the_latest_of_quick_queries_counts(qtbot: QtBot, runner: TaskRunner) -> None:
    """Given three queries sent in a row (fast typing), then the model ends showing the last one."""
    fake = FakeCases(300)
    model = loaded_model(qtbot, runner, fake)
    loads: list[int] = []
    model.ids_loaded.connect(loads.append)
    model.set_text("王某1")
    model.set_text("王某12")
    model.set_text("王某123")
    qtbot.waitUntil(lambda: not runner.busy, timeout=15000)
    assert loads == [1] and model.case_id(0) == 123


def test_a_prefetched_first_page_shows_without_asking_the_store(qtbot: QtBot, runner: TaskRunner) -> None:
    """Given the first page fetched at start-up for the model's own query, when it is seeded, then
    the rows show at once and the store is not asked again; a page for another order is refused."""
    fake = FakeCases(1000)
    first = fetch_first_page(fake, CaseQuery())
    model = CaseTableModel(runner, fake)
    assert not model.seed(fetch_first_page(fake, CaseQuery(sort_column="doc_no")))
    calls = (len(fake.queries), len(fake.pages))
    with qtbot.waitSignal(model.page_loaded, timeout=15000):
        assert model.seed(first)
    assert model.rowCount() == 1000 and model.is_row_fetched(PAGE_SIZE - 1)
    assert not model.is_row_fetched(PAGE_SIZE)
    assert model.data(model.index(0, 0)) == fake.data[first.ids[0]].doc_no
    assert (len(fake.queries), len(fake.pages)) == calls


class FakeCasesWithHead(FakeCases):
    """Also CaseRepository.head: the first ids and how many, without the whole order."""

    def head(self, query: CaseQuery, limit: int) -> tuple[list[int], int]:
        ids = FakeCases.ids(self, query)
        self.queries.pop()  # counted as a head, not as a whole order
        self.heads = getattr(self, "heads", 0) + 1
        return ids[:limit], len(ids)


def test_a_first_page_without_the_whole_order_completes_after_without_a_reset(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """Given a first page fetched with only its own ids (start-up), when it is seeded, then the list
    has all its rows at once and no whole order was asked for; complete() then fetches the order and
    takes it without resetting the view (selection and scroll stay), and rows past the first page
    fill in. Given the store changed meanwhile, the new order replaces the list."""
    fake = FakeCasesWithHead(1000)
    first = fetch_first_page(fake, CaseQuery())
    assert first.total == 1000 and len(first.ids) == PAGE_SIZE and fake.queries == []
    model = CaseTableModel(runner, fake)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.ids_loaded, timeout=15000) as shown:
        assert model.seed(first)
    assert shown.args == [1000] and model.rowCount() == 1000
    assert model.data(model.index(0, 0)) == fake.data[first.ids[0]].doc_no
    assert model.case_id(PAGE_SIZE) is None and model.data(model.index(PAGE_SIZE, 0)) is None
    resets.clear()
    qtbot.waitUntil(lambda: model.case_id(PAGE_SIZE) is not None, timeout=15000)  # data() asked
    assert resets == [] and model.rowCount() == 1000 and len(fake.queries) == 1
    assert model.case_id(PAGE_SIZE) == fake.ids(CaseQuery())[PAGE_SIZE]
    model.data(model.index(PAGE_SIZE, 0))
    qtbot.waitUntil(lambda: model.is_row_fetched(PAGE_SIZE), timeout=15000)

    changed = FakeCasesWithHead(1000)
    model = CaseTableModel(runner, changed)
    assert model.seed(fetch_first_page(changed, CaseQuery()))
    del changed.data[1000]  # a case went away before the whole order was read
    with qtbot.waitSignal(model.modelReset, timeout=15000):
        model.complete()
    assert model.rowCount() == 999


class FakeCasesWithOrder(FakeCasesWithHead):
    """Also CaseList.order: the whole order as a compact array."""

    def order(self, query: CaseQuery) -> array[int]:
        ids = FakeCases.ids(self, query)
        self.queries.pop()
        self.orders = [*getattr(self, "orders", []), array("q", ids)]
        return self.orders[-1]


def test_the_whole_order_is_taken_compact_where_the_source_gives_it(qtbot: QtBot, runner: TaskRunner) -> None:
    """Given a source with a compact whole order (1,000,000 ids: 8 MB instead of a 36 MB list), when
    rows past the first page are painted, then that order is asked for (not the list of ids) and the
    rows, the lookups and the selection of given cases follow it."""
    fake = FakeCasesWithOrder(1000)
    model = CaseTableModel(runner, fake)
    assert model.apply_sort(0, Qt.SortOrder.AscendingOrder)  # 文号
    assert model.seed(fetch_first_page(fake, CaseQuery(sort_column="doc_no", descending=False)))
    model.data(model.index(PAGE_SIZE + 5, 0))  # painted past the first page: the whole order
    qtbot.waitUntil(lambda: model.case_id(PAGE_SIZE) is not None, timeout=15000)
    expected = FakeCases.ids(fake, model.query)
    assert len(fake.orders) == 1 and fake.queries[-1] == model.query
    assert [model.case_id(row) for row in range(model.rowCount())] == expected
    assert model.row_of(expected[700]) == 700 and model.row_of(10_000) is None
    assert model.rows_of({expected[3], expected[900], 10_000}) == [3, 900]
    model.data(model.index(PAGE_SIZE + 5, 0))  # its id is known now: its page is asked for
    qtbot.waitUntil(lambda: model.is_row_fetched(PAGE_SIZE + 5), timeout=15000)
    assert model.data(model.index(PAGE_SIZE + 5, 0)) == fake.data[expected[PAGE_SIZE + 5]].doc_no


class FakeSearch(FakeCasesWithHead):
    """A store whose search gives the first page at once and counts after (CaseList.head, count_matches)."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.counts: list[CaseQuery] = []
        self.gate = threading.Event()
        self.gate.set()

    def head(self, query: CaseQuery, limit: int) -> tuple[list[int], int | None]:  # type: ignore[override]
        ids, total = super().head(query, limit)
        return ids, (None if query.text else total)

    def count_matches(self, query: CaseQuery, current: object = None) -> int | None:
        self.gate.wait(15)
        self.counts.append(query)
        return len(FakeCases.ids(self, query)) if callable(current) and current() else None


def test_a_search_shows_its_first_page_then_grows_to_its_count(qtbot: QtBot, runner: TaskRunner) -> None:
    """Given a search whose count takes a scan of its own, when it is typed, then the first page is
    shown with rowCount the page's, the count comes after, and the list grows to it without a reset;
    rows past the first page then come with the whole order. A count for a search typed over is dropped."""
    fake = FakeSearch(3000)
    model = loaded_model(qtbot, runner, fake)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    fake.gate.clear()
    with qtbot.waitSignal(model.ids_loaded, timeout=15000) as shown:
        model.set_text("王某")
    assert shown.args == [PAGE_SIZE] and model.counting and model.rowCount() == PAGE_SIZE
    expected = FakeCases.ids(fake, model.query)
    with qtbot.waitSignal(model.rows_counted, timeout=15000) as counted:
        fake.gate.set()
    assert counted.args == [len(expected)] == [model.rowCount()] and not model.counting
    assert resets == [True]  # the search's own reset; the count added rows
    last = model.index(len(expected) - 1, 0)
    model.data(last)  # past the first page: the whole order comes, then the row's page
    qtbot.waitUntil(lambda: model.case_id(last.row()) is not None, timeout=15000)
    model.data(last)
    qtbot.waitUntil(lambda: model.is_row_fetched(last.row()), timeout=15000)
    assert [model.case_id(r) for r in range(model.rowCount())] == expected

    fake.gate.clear()
    fake.counts.clear()
    counts: list[int] = []
    model.rows_counted.connect(counts.append)
    with qtbot.waitSignal(model.ids_loaded, timeout=15000):
        model.set_text("王某1")
    model.set_text("王某2")  # typed on before the first count ran
    fake.gate.set()
    qtbot.waitUntil(lambda: not runner.busy and not model.counting, timeout=15000)
    assert counts == [len(FakeCases.ids(fake, model.query))]
    assert model.rowCount() == counts[0] and model.query.text == "王某2"
