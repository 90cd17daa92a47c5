"""The case list as a lazy table model (after Anki's browser table model).

Why this shape: with 100,000 cases, loading objects into a QSortFilterProxyModel takes seconds.
Here the model holds only the ordered ids from one SQL query (the store already filtered and
sorted them) and fetches the narrow rows a page at a time, the first time a row is painted.
The ids are a compact array (8 bytes each: 8 MB at 1,000,000 cases, where a list of ints is 36 MB),
and the whole order is read only once a row past the first page is painted.
Fetching runs on the database worker (tasks.TaskRunner), so painting never waits on SQL: a row
not fetched yet shows empty for a moment and fills in when its page arrives.
"""

from __future__ import annotations

import dataclasses
import logging
from array import array
from collections.abc import Callable, Collection, Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from rongcuo_desktop.domain.case import Case, Stage
from rongcuo_desktop.services.cases import CaseQuery, CaseRow
from rongcuo_desktop.ui.labels import label
from rongcuo_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

PAGE_SIZE = 200
OVERDUE_COLOUR = QColor("#8c1c13")
# The list's order, kept as plain values in ui.ini (CaseListPane.save_state) so that the start-up can
# fetch the first page before the window exists.
SORT_COLUMN_KEY = "list/sort_column"
DESCENDING_KEY = "list/descending"

# The CaseQuery sort column of each column, in display order (headers: CaseTableModel.headers).
COLUMN_KEYS: tuple[str, ...] = (
    "doc_no",
    "party_name",
    "party_unit",
    "work_field",
    "stage",
    "applied_on",
    "conclusion",
)

Index = QModelIndex | QPersistentModelIndex


@dataclasses.dataclass(frozen=True)
class FirstPage:
    """The list as it will first show, fetched on the database thread right after the store opens,
    so the query runs while the window is being built (SQLite releases the GIL while it works)."""

    query: CaseQuery
    ids: Sequence[int]
    rows: dict[int, CaseRow]
    total: int | None = None  # set when `ids` holds only the first page's ids
    counted: bool = True  # False: `ids` holds only the first page, and the count is still to come


def fetch_first_page(source: CaseSource, query: CaseQuery, whole: bool = False) -> FirstPage:
    """The list's ids and its first page's rows in one trip to the database thread.

    The first page is read with LIMIT (an index walk of 200 entries, where the whole order of
    1,000,000 ids takes ~0.5 s; a search: store/case_search.py) and the total with count(*), or
    after the paint when that takes a scan of its own (CaseTableModel counts it then). The rest of
    the order is read only when a row past the first page is painted (CaseTableModel.complete).
    `whole`: the whole order now (show_cases selects rows anywhere in it)."""
    head = getattr(source, "head", None)  # CaseList.head: the first page without the whole order
    if head is not None and not whole and not query.overdue:
        ids, total = head(query, PAGE_SIZE)
        if total is None:
            return FirstPage(query, ids, source.rows(ids), counted=False)
        return FirstPage(query, ids, source.rows(ids), total if total > len(ids) else None)
    ids = whole_order(source, query)
    return FirstPage(query, ids, source.rows(ids[:PAGE_SIZE]))


def whole_order(source: CaseSource, query: CaseQuery) -> Sequence[int]:
    """All ids of `query` in order: compact where the source can give them so (CaseList.order)."""
    order = getattr(source, "order", None)
    return order(query) if order is not None else source.ids(query)


def compact(ids: Sequence[int]) -> array[int]:
    """`ids` as an array of 8-byte ints (the same object when it is one already: never changed)."""
    if isinstance(ids, array) and ids.typecode == "q":
        return ids
    return array("q", ids)


def count_if_current(
    count: Callable[..., int | None], query: CaseQuery, current: Callable[[], bool]
) -> int | None:
    """How many cases match `query` (CaseList.count_matches), or None once the list was replaced
    meanwhile: the count stops between ranges of ids, so the next keystroke does not wait for it."""
    return count(query, current=current) if current() else None


def overdue_if_current(
    overdue: Callable[[list[int]], set[int]], current: Callable[[], bool], ids: list[int]
) -> set[int]:
    """The overdue marks of a page, unless the list was replaced meanwhile (a person typing: the
    next keystroke's query should not wait behind marks nobody will see)."""
    return overdue(ids) if current() else set()


class CaseSource(Protocol):
    """What the list needs: services.cases.CaseList for the window's person (a fake in tests)."""

    def ids(self, query: CaseQuery) -> list[int]: ...
    def rows(self, ids: Sequence[int]) -> dict[int, CaseRow]: ...
    def get(self, case_id: int) -> Case: ...
    def count(self) -> int: ...
    def stage_counts(self) -> dict[Stage, int]: ...


def list_counts(source: CaseSource) -> tuple[int, dict[Stage, int]]:
    """All cases the person may see, and how many per stage (the status bar); CaseList.counts keeps
    them until the store changes, so a keystroke does not count 1,000,000 cases again."""
    counts = getattr(source, "counts", None)
    if counts is not None:
        return counts()
    return source.count(), source.stage_counts()


def row_texts(row: CaseRow) -> tuple[str, ...]:
    """The seven cells of a row, as shown."""
    return (
        row.doc_no,
        row.party_name,
        row.party_unit,
        row.work_field,
        label(row.stage),
        row.applied_on.isoformat(),
        label(row.conclusion),
    )


class CaseTableModel(QAbstractTableModel):
    """Ordered ids + a cache of fetched rows; sorting and filtering are new SQL queries."""

    ids_loaded = Signal(int)  # number of ids shown after a query finished
    rows_counted = Signal(int)  # a search's count came after its first page (rowCount grew to it)
    page_loaded = Signal(int, int)  # first row, last row of a page that arrived
    query_failed = Signal(str)

    def __init__(self, runner: TaskRunner, source: CaseSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._source = source
        self._query = CaseQuery()
        self._ids: array[int] = array("q")  # shared with the store's cache: replaced, never changed
        self._rows: dict[int, tuple[str, ...]] = {}
        self._pending_pages: set[int] = set()
        self._overdue: set[int] = set()  # cases with a follow-up visit overdue (store.casework)
        # Bumped whenever the id list is replaced: pages that arrive for an older list are dropped.
        self._generation = 0
        self._loading = False
        # After a seed with only the first page's ids: how many rows there are (complete() fetches
        # the rest of the order), else None.
        self._total: int | None = None
        self._completing = False
        self._counting = False  # a search's first page is shown, its count is on its way

    # -- queries -----------------------------------------------------------------------------------

    @property
    def query(self) -> CaseQuery:
        return self._query

    @property
    def loading(self) -> bool:
        """True between a query being sent and its ids arriving (tests and the status bar wait)."""
        return self._loading

    @property
    def counting(self) -> bool:
        """True while a search's count is still to come (rowCount is then the first page's)."""
        return self._counting

    @property
    def source(self) -> CaseSource:
        return self._source

    def set_source(self, source: CaseSource) -> None:
        """The person's case list: once the store opened after a first look, or for another person."""
        self._source = source

    def set_query(self, query: CaseQuery, *, whole: bool = False) -> None:
        self._query = query
        self.refresh(whole=whole)

    def set_text(self, text: str) -> None:
        self.set_query(dataclasses.replace(self._query, text=text.strip()))

    def set_stage(self, stage: Stage | None) -> None:
        self.set_query(dataclasses.replace(self._query, stage=stage))

    def refresh(self, *, whole: bool = False) -> None:
        """Ask the store again (after a filter, a sort, or new cases): the ids and the first page's
        rows come back together, in one hand-off (fetch_first_page)."""
        query = self._query
        source = self._source
        self._loading = True
        self._generation += 1
        generation = self._generation
        self._runner.run_db(
            fetch_first_page,
            source,
            query,
            whole,
            receiver=self,
            done=lambda first: self._first_arrived(generation, first),
            failed=self._query_failed,
        )

    def _first_arrived(self, generation: int, first: FirstPage) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        self._show_first(first)

    def _show_first(self, first: FirstPage) -> None:
        self._ids_arrived(self._generation, first.ids, total=first.total)
        self._page_arrived(self._generation, 0, first.rows)
        if not first.counted:
            self._count(first.query)

    def _count(self, query: CaseQuery) -> None:
        count = getattr(self._source, "count_matches", None)
        if count is None:
            return
        self._counting = True
        generation = self._generation
        self._runner.run_db(
            count_if_current,
            count,
            query,
            lambda: generation == self._generation,
            receiver=self,
            done=lambda total: self._count_arrived(generation, total),
            failed=self._query_failed,
        )

    def _count_arrived(self, generation: int, total: int | None) -> None:
        if generation != self._generation or total is None:
            return  # another query replaced the list meanwhile
        self._counting = False
        known = len(self._ids)
        if total > known:
            self.beginInsertRows(QModelIndex(), known, total - 1)
            self._total = total
            self.endInsertRows()
        self.rows_counted.emit(self.rowCount())

    def seed(self, first: FirstPage) -> bool:
        """Show a prefetched first page without asking the store again; False if it does not apply."""
        if first.query != self._query:
            return False
        self._generation += 1
        self._show_first(first)
        return True

    def complete(self) -> None:
        """After a seed with only the first page's ids: fetch the whole order. When it begins as
        shown, it replaces the ids without a reset (the view, its selection and scroll stay)."""
        if self._total is None or self._completing:
            return
        self._completing = True
        query = self._query
        source = self._source
        generation = self._generation
        self._runner.run_db(
            whole_order,
            source,
            query,
            receiver=self,
            done=lambda ids: self._rest_arrived(generation, compact(ids)),
            failed=self._query_failed,
        )

    def _rest_arrived(self, generation: int, ids: array[int]) -> None:
        self._completing = False
        if generation != self._generation or self._total is None:
            return  # another query replaced the list meanwhile
        known = len(self._ids)
        if len(ids) != self._total or ids[:known] != self._ids:
            self._ids_arrived(generation, ids)  # the store changed meanwhile: show the new order
            return
        self._ids = ids
        self._total = None
        if len(ids) > known:  # rows painted empty so far ask for their pages now
            self.dataChanged.emit(self.index(known, 0), self.index(len(ids) - 1, len(COLUMN_KEYS) - 1))

    def _ids_arrived(self, generation: int, ids: Sequence[int], total: int | None = None) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        self.beginResetModel()
        self._ids = compact(ids)
        self._total = total if total is not None and total > len(self._ids) else None
        self._completing = False
        self._counting = False
        self._rows.clear()
        self._overdue.clear()
        self._pending_pages.clear()
        self._generation += 1  # pages requested for the old list are now stale
        self.endResetModel()
        self._loading = False
        self.ids_loaded.emit(self.rowCount())

    def _query_failed(self, error: BaseException) -> None:
        self._loading = False
        log.error("case list query failed: %s", type(error).__name__)
        self.query_failed.emit(str(error))

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("文号"),
            self.tr("当事人"),
            self.tr("单位"),
            self.tr("领域"),
            self.tr("阶段"),
            self.tr("申请日期"),
            self.tr("结论"),
        )

    # -- Qt model API ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid():
            return 0
        return len(self._ids) if self._total is None else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_KEYS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.column() == 0 and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole):
            overdue = 0 <= index.row() < len(self._ids) and self._ids[index.row()] in self._overdue
            if overdue:  # the 工作台 lists what is due; the list marks the case
                return (
                    OVERDUE_COLOUR if role == Qt.ItemDataRole.ForegroundRole else self.tr("有逾期的跟踪回访")
                )
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = index.row()
        if row >= len(self._ids):
            self.complete()  # a row past the seeded first page: its id is still to come
            return None
        texts = self._rows.get(self._ids[row])
        if texts is None:
            self._request_page(row // PAGE_SIZE)
            return None
        return texts[index.column()]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: a new SQL query ordered by that column (never sorted in Python)."""
        if self.apply_sort(column, order):
            self.refresh()

    def apply_sort(self, column: int, order: Qt.SortOrder) -> bool:
        """Set the query's order without querying; True when it changed."""
        if not 0 <= column < len(COLUMN_KEYS):
            return False
        descending = order == Qt.SortOrder.DescendingOrder
        key = COLUMN_KEYS[column]
        if key == self._query.sort_column and descending == self._query.descending:
            return False
        self._query = dataclasses.replace(self._query, sort_column=key, descending=descending)
        return True

    # -- pages -------------------------------------------------------------------------------------

    def _request_page(self, page: int) -> None:
        if page in self._pending_pages:
            return
        self._pending_pages.add(page)
        page_ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE].tolist()
        source = self._source
        generation = self._generation
        self._runner.run_db(
            source.rows,
            page_ids,
            receiver=self,
            done=lambda rows: self._page_arrived(generation, page, rows),
            failed=self._query_failed,
        )

    def _page_arrived(self, generation: int, page: int, rows: dict[int, CaseRow]) -> None:
        if generation != self._generation:
            return
        self._pending_pages.discard(page)
        for case_id, case_row in rows.items():
            self._rows[case_id] = row_texts(case_row)
        first = page * PAGE_SIZE
        last = min(len(self._ids), first + PAGE_SIZE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMN_KEYS) - 1))
            self.page_loaded.emit(first, last)
            overdue = getattr(self._source, "overdue", None)
            if overdue is not None:
                self._runner.run_db(
                    overdue_if_current,
                    overdue,
                    lambda: generation == self._generation,
                    list(rows),
                    receiver=self,
                    done=lambda found: self._overdue_arrived(generation, first, last, found),
                    failed=lambda _error: None,
                )

    def _overdue_arrived(self, generation: int, first: int, last: int, found: set[int]) -> None:
        if generation == self._generation:
            self._overdue |= found
            self.dataChanged.emit(self.index(first, 0), self.index(last, 0))

    # -- lookups for the view ------------------------------------------------------------------------

    def case_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: int) -> int | None:
        try:
            return self._ids.index(case_id)
        except ValueError:
            return None

    def rows_of(self, case_ids: Collection[int]) -> list[int]:
        """The rows of these cases, in order (those in the ids read so far)."""
        return [row for row, case_id in enumerate(self._ids) if case_id in case_ids]

    def is_row_fetched(self, row: int) -> bool:
        return 0 <= row < len(self._ids) and self._ids[row] in self._rows

    @property
    def fetched_row_count(self) -> int:
        return len(self._rows)
