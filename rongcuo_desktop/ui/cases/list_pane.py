"""The case list with its detail pane, search box, stage filter and counts: the window's centre.

Every store call goes through the task runner's database thread; the pane only holds plain data.
It reads its cases from services.cases.CaseList for the window's person, and asks again when the
person or the workspace changes (切换使用人, unlock, restore).

At start-up the pane may show a first look at the list before the store opens (store/first_look.py):
it then says so with `first_painted`, and until the workspace comes nothing else asks the store
anything (the counts, the detail and the rest of the order wait in `_waiting`).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QItemSelection, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rongcuo_desktop.domain.case import Case, Stage
from rongcuo_desktop.services.cases import CaseQuery
from rongcuo_desktop.ui import labels
from rongcuo_desktop.ui.cases.detail_pane import DetailPane
from rongcuo_desktop.ui.cases.filter_bar import BarScroller, FilterBar
from rongcuo_desktop.ui.cases.table_model import (
    COLUMN_KEYS,
    DESCENDING_KEY,
    SORT_COLUMN_KEY,
    CaseSource,
    CaseTableModel,
    FirstPage,
    list_counts,
)
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.theme import icon

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 150
# The detail follows the current row once it rests this long: while a person types, each keystroke's
# new first row would otherwise fetch and lay out a case the next keystroke replaces, on the same
# thread and in the same turn of the event loop as the list's repaint.
DETAIL_DELAY_MS = 80
# Written with the wall-clock time once the list has painted its first filled rows (bench, Xvfb test).
READY_FILE_ENV = "RONGCUO_READY_FILE"
SPLITTER_KEY = "main/splitter"
HEADER_KEY = "main/header"
# Typical cell contents; the initial column widths fit them (the user's widths are remembered).
COLUMN_SAMPLES = (
    "容错〔2026〕128号",  # three digits: 99号 must not be cut
    "谢某某某",
    "某区行政审批服务",
    "行政审批",
    "调查核实",
    "2026-04-20",
    "予以容错免责",
)
STAGES_BY_CODE: dict[str, Stage] = {stage.value: stage for stage in Stage}


def case_if_current(get: Callable[[int], Case], current: Callable[[], bool], case_id: int) -> Case | None:
    """The detail pane's case, unless the person moved on before the database thread got to it."""
    return get(case_id) if current() else None


class CaseListPane(QSplitter):
    """The list and the detail pane side by side; the search box, the stage filter and the counts
    label are made here and placed by the window (toolbar, status bar)."""

    first_painted = Signal()  # the list is on screen (a window without its store opens it now)
    counted = Signal(int)  # all cases the person may see (an empty store is offered the demo cases)
    counts_shown = Signal(str)

    def __init__(
        self,
        ctx: WindowContext,
        parent: QWidget,
        *,
        source: CaseSource | None = None,
        first_page: FirstPage | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._ctx = ctx
        self._detail_request: int | None = None
        self._ready_reported = False
        self._first_page_in = False
        self._counts_wanted: int | None = None
        self._all_counts: tuple[int, dict[Stage, int]] | None = None  # the last counts read
        self._waiting: list[Callable[[], None]] = []
        self._built = time.perf_counter()
        self._first_layout_done = False
        self.closing = False
        self.error_box: QMessageBox | None = None
        self._source_for: tuple[object, object, int] | None = None  # workspace, person, generation
        self._refresh_when_opened = False  # a first look that did not apply: the list comes with the store

        if source is None:
            source = self._source_from_context()
        assert source is not None, "a window without its store needs the source that will reach it"
        self.model = CaseTableModel(ctx.runner, source, self)
        self.table = self._build_table()
        self.detail = DetailPane(self)
        # The filters above the table (type, field, conclusion, year, overdue, saved filters).
        self.filter_bar = FilterBar(ctx.runner, lambda: self.model.query, self)
        self.filter_bar.source = source
        self._after_first_paint(self.filter_bar.load)
        listing = QWidget(self)
        column = QVBoxLayout(listing)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(BarScroller(self.filter_bar, listing))
        column.addWidget(self.table)
        self.addWidget(listing)
        self.addWidget(self.detail)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        self.setSizes([740, 280])
        self.search_edit, self.stage_combo = self._build_filters(parent)
        self.counts_label = QLabel(parent)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(self._detail_rested)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.stage_combo.currentIndexChanged.connect(self._apply_stage)
        self.filter_bar.changed.connect(
            lambda: self.model.set_query(self.filter_bar.apply_to(self.model.query))
        )
        self.filter_bar.saved_chosen.connect(self.show_query)
        self.model.ids_loaded.connect(self._ids_loaded)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.rows_counted.connect(self._rows_counted)
        self.model.query_failed.connect(self._show_error)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.activated.connect(self._activated)  # double-click, Enter: the case window opens
        ctx.person_changed.connect(self._person_changed)
        ctx.cases_changed.connect(self.refresh)
        self._first_page = first_page

    def start(self) -> None:
        """After the window restored the header (its sort): show the first page or ask for the list."""
        # Only now: with sorting on, restoring the header would sort, i.e. query the store (which a
        # window shown before its store must not do). Now the sort matches the model's query.
        self.table.setSortingEnabled(True)
        first_page, self._first_page = self._first_page, None
        if first_page is None or not self.model.seed(first_page):
            if self._ctx.workspace is not None:
                self.model.refresh()
            else:  # a first look in another order than the header's: the list comes with the store
                self._refresh_when_opened = True
                QTimer.singleShot(0, self, self.first_painted.emit)
        self._after_first_paint(self.model.complete)  # a seed may hold only the first page's ids

    # -- building ----------------------------------------------------------------------------------

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several cases at once (Ctrl/Shift-click) for 导出选中案件…; the detail pane follows the current row.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        # Widths from typical contents in the current font, so a larger projector font still fits.
        metrics = table.fontMetrics()
        samples = list(COLUMN_SAMPLES)  # in another language, stage names and headings may be wider
        samples[4] = max((labels.label(stage) for stage in Stage), key=metrics.horizontalAdvance)
        for column, sample in enumerate(samples):
            heading = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(heading) + 16)
            header.resizeSection(column, width + 26)
        header.setSortIndicator(5, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        return table

    def _build_filters(self, parent: QWidget) -> tuple[QLineEdit, QComboBox]:
        search = QLineEdit(parent)
        search.setObjectName("searchEdit")
        search.setPlaceholderText(self.tr("搜索文号、当事人、单位、事实"))
        search.setClearButtonEnabled(True)
        search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        search.setMinimumWidth(220)
        search.setMaximumWidth(360)
        stages = QComboBox(parent)
        stages.setObjectName("stageCombo")
        stages.addItem(self.tr("全部阶段"), None)
        for stage in Stage:
            stages.addItem(labels.label(stage), stage.value)
        return search, stages

    # -- state -------------------------------------------------------------------------------------

    def restore_state(self) -> None:
        settings = self._ctx.settings
        for key, restore in (
            (SPLITTER_KEY, self.restoreState),
            (HEADER_KEY, self.table.horizontalHeader().restoreState),
        ):
            value = settings.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                restore(value)
        # The restored header may carry a sort indicator: make the query match it.
        header = self.table.horizontalHeader()
        self.model.apply_sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def save_state(self) -> None:
        settings = self._ctx.settings
        settings.setValue(SPLITTER_KEY, self.saveState())
        settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
        settings.setValue(SORT_COLUMN_KEY, self.model.query.sort_column)
        settings.setValue(DESCENDING_KEY, self.model.query.descending)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._report_ready)
        if self._first_layout_done:
            return
        self._first_layout_done = True
        if self._ctx.settings.value(SPLITTER_KEY) is None:
            # First start: the list gets what the pane does not need (the pane ~26%, at least 260 px).
            total = self.width()
            pane = max(260, int(total * 0.26))
            self.setSizes([total - pane, pane])
        if self._ctx.settings.value(HEADER_KEY) is None:
            QTimer.singleShot(0, self._widen_unit_column)  # after the layout has settled

    def _widen_unit_column(self) -> None:
        """Spare width goes to 单位 (long unit names) rather than to the last column."""
        if shiboken6.isValid(self):
            header = self.table.horizontalHeader()
            unit_column = 2
            used = sum(header.sectionSize(c) for c in range(header.count() - 1))
            metrics = self.table.fontMetrics()
            spare = self.table.viewport().width() - used - metrics.horizontalAdvance(COLUMN_SAMPLES[-1]) - 32
            wanted = metrics.horizontalAdvance("某某市某某区行政审批服务局") + 26
            extra = max(0, min(spare, wanted - header.sectionSize(unit_column)))
            header.resizeSection(unit_column, header.sectionSize(unit_column) + extra)

    # -- the source: the person's cases ------------------------------------------------------------

    def _source_from_context(self) -> CaseSource | None:
        workspace, person = self._ctx.workspace, self._ctx.person
        if workspace is None or person is None:
            return None
        from rongcuo_desktop.services.cases import CaseList

        self._source_for = (workspace, person, self._ctx.generation)
        return CaseList(workspace, person)

    def _person_changed(self) -> None:
        """A new workspace or person: the list is theirs now (a 委员 sees only their committees' cases)."""
        ctx = self._ctx
        if ctx.workspace is None or (ctx.workspace, ctx.person, ctx.generation) == self._source_for:
            return
        first_attach = self._source_for is None
        source = self._source_from_context()
        if source is None:
            return
        self.model.set_source(source)
        self.filter_bar.source = source
        self._after_first_paint(self.filter_bar.load)
        if not first_attach or self._refresh_when_opened:
            self._refresh_when_opened = False
            self.refresh()
        if self._ready_reported:
            self._run_waiting()

    # -- filter and sort ---------------------------------------------------------------------------

    def _apply_search(self) -> None:
        self.model.set_text(self.search_edit.text())

    def _apply_filters(self) -> None:
        self.model.set_query(self.filter_bar.apply_to(self.model.query))

    def _apply_stage(self, _index: int) -> None:
        code = self.stage_combo.currentData()
        self.model.set_stage(STAGES_BY_CODE.get(code) if code else None)

    def refresh(self) -> None:
        self.model.refresh()
        self._after_first_paint(self.filter_bar.load)  # new cases may bring a new 领域 or year

    def show_query(self, query: CaseQuery, *, whole: bool = False) -> None:
        """Show a whole query (a saved filter): the search box, the stage, the bar and the order, with
        one store query."""
        for widget in (self.search_edit, self.stage_combo):
            widget.blockSignals(True)
        self.search_edit.setText(query.text)
        index = self.stage_combo.findData(query.stage.value if query.stage else None)
        self.stage_combo.setCurrentIndex(max(0, index))
        for widget in (self.search_edit, self.stage_combo):
            widget.blockSignals(False)
        self._search_timer.stop()
        self.filter_bar.show_query(query)
        self.model.set_query(query, whole=whole)
        column = COLUMN_KEYS.index(query.sort_column) if query.sort_column in COLUMN_KEYS else 5
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)  # the same order: no second query

    # -- model events ------------------------------------------------------------------------------

    def _ids_loaded(self, shown: int) -> None:
        log.info("case list query: %d ids (%.0f ms after the window was built)", shown, self._since_built())
        self.detail.show_case(None)
        self._detail_request = None
        if shown:
            self.table.selectRow(0)  # the detail pane always shows something when it can
            # Counting waits until the first page is painted: the list matters more at start.
            self._counts_wanted = shown
        else:
            self._first_page_in = True  # an empty list is painted as it is
            self._report_ready()
            self._after_first_paint(lambda: self._request_counts(shown))

    def _request_counts(self, shown: int) -> None:
        self._counts_wanted = None
        self._ctx.runner.run_db(
            list_counts,
            self.model.source,
            receiver=self,
            done=lambda counts: self._show_counts(shown, *counts),
            failed=self._counts_failed,
        )

    def _counts_failed(self, error: object) -> None:
        """Unreadable pages are said where the counts stand: the window is never left half-painted."""
        self.counts_label.setText(text := self.tr("案件数读取失败：请用“数据 → 检查数据库完整性”检查"))
        self.counts_shown.emit(text)
        self._show_error(error)

    def _rows_counted(self, shown: int) -> None:
        """A search's count came after its first page: the counts say it now."""
        if self._all_counts is not None:
            self._show_counts(shown, *self._all_counts)

    def _show_counts(self, shown: int, total: int, per_stage: dict[Stage, int]) -> None:
        self._all_counts = (total, per_stage)
        if self.model.counting:
            return  # "显示 N 件" waits for the search's count (_rows_counted)
        parts = [self.tr("共 {total} 件").format(total=total), self.tr("显示 {shown} 件").format(shown=shown)]
        stages = self.tr("　", "between stage counts").join(
            f"{labels.label(stage)} {per_stage[stage]}" for stage in Stage if per_stage.get(stage)
        )
        text = " · ".join(parts)
        if stages:
            pattern = self.tr("%1　｜　%2", "totals, then counts per stage")
            text = pattern.replace("%1", text).replace("%2", stages)
        self.counts_label.setText(text)
        self.counts_shown.emit(text)
        self.counted.emit(total)

    def _page_loaded(self, first: int, _last: int) -> None:
        if first == 0:
            self._first_page_in = True
            self._report_ready()
        if self._counts_wanted is not None:
            self._after_first_paint(self._request_wanted_counts)

    def _request_wanted_counts(self) -> None:
        if self._counts_wanted is not None:
            self._request_counts(self._counts_wanted)

    def _after_first_paint(self, work: Callable[[], None]) -> None:
        """Run `work` now, or once the list has first painted: until then the database thread is
        left alone, so the first paint does not share the interpreter with the counts or the detail.
        A window without its store yet runs it once the store is there."""
        if self._ready_reported and self._source_for is not None:
            work()
        else:
            self._waiting.append(work)

    def _report_ready(self) -> None:
        """Once: the window is visible and its first page is in. Log it (and tell a bench or test)."""
        if self._ready_reported or not self._first_page_in or not self.window().isVisible():
            return
        self._ready_reported = True
        # Paint now, so the moment recorded is "list visible and filled", not "data arrived".
        self.table.viewport().repaint()
        log.info("case list painted (%.0f ms after the window was built)", self._since_built())
        ready_file = os.environ.get(READY_FILE_ENV)
        if ready_file:
            Path(ready_file).write_text(f"{time.time():.6f}\n", encoding="utf-8")
        self.first_painted.emit()
        if self._source_for is not None:
            self._run_waiting()

    def _run_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for work in waiting:
            work()

    def _since_built(self) -> float:
        return (time.perf_counter() - self._built) * 1000

    def _activated(self, index: QModelIndex) -> None:
        case_id = self.model.case_id(index.row())
        if case_id is not None:
            self._ctx.case_activated.emit(case_id)

    # -- the detail pane ---------------------------------------------------------------------------

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        case_id = self.model.case_id(current.row())
        self._detail_request = case_id
        if case_id is None:
            self._detail_timer.stop()
            self.detail.show_case(None)
            return
        self._detail_timer.start()

    def _detail_rested(self) -> None:
        case_id = self._detail_request
        if case_id is not None:
            self._after_first_paint(lambda: self._fetch_detail(case_id))

    def _fetch_detail(self, case_id: int) -> None:
        if case_id != self._detail_request:
            return  # the user moved on before the list was first painted
        self._ctx.runner.run_db(
            case_if_current,
            self.model.source.get,
            lambda: case_id == self._detail_request,
            case_id,
            receiver=self,
            done=lambda case: self._show_detail(case_id, case),
            failed=self._show_error,
        )

    def _show_detail(self, case_id: int, case: Case | None) -> None:
        if case is not None and case_id == self._detail_request:  # the user may have moved on
            self.detail.show_case(case)

    def _show_error(self, error: object) -> None:
        """No nested event loop: a blocking box in a close or teardown re-enters Qt and can abort."""
        log.error("store call failed: %s", type(error).__name__)
        if self.closing:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("操作未完成"), str(error), parent=self.window())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        box.open()

    # -- what features ask of the list (shell.context.CaseSelection) -------------------------------

    def current_case(self) -> tuple[int, str] | None:
        row = self.table.currentIndex().row()
        case_id = self.model.case_id(row) if row >= 0 else None
        if case_id is None:
            return None
        return case_id, str(self.model.index(row, 0).data() or f"#{case_id}")

    def selected_case_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [case_id for row in rows if (case_id := self.model.case_id(row)) is not None]

    def show_cases(self, case_ids: Sequence[int]) -> None:
        """Refresh the list and select these cases; a search or stage filter that could hide them is
        cleared first (the secretary wants to see what came in)."""
        wanted = set(case_ids)

        def loaded(_shown: int) -> None:
            self.model.ids_loaded.disconnect(loaded)
            self._select(wanted)

        self.model.ids_loaded.connect(loaded)
        query = self.model.query
        bare = CaseQuery(sort_column=query.sort_column, descending=query.descending)
        if query == bare:
            self.model.refresh(whole=True)  # the new cases may be anywhere in the order
            return
        self.show_query(bare, whole=True)  # one query, the filters cleared

    def _select(self, wanted: set[int]) -> None:
        model = self.model
        rows = model.rows_of(wanted)
        if not rows:
            return
        selection = QItemSelection()
        start = previous = rows[0]
        for row in [*rows[1:], None]:
            if row is not None and row == previous + 1:
                previous = row
                continue
            selection.select(model.index(start, 0), model.index(previous, model.columnCount() - 1))
            if row is not None:
                start = previous = row
        chooser = self.table.selectionModel()
        first = model.index(rows[0], 0)
        chooser.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        chooser.select(
            selection,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(first)
