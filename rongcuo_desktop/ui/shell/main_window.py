"""The main window: menus, toolbar with search and stage filter, the case list, the detail pane.

Every store call goes through TaskRunner.run_db (one database thread); the window only ever holds
plain data. Window geometry, the splitter and the header (column widths, sort) are kept in the
ini file of the data folder.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolBar,
    QWidget,
)

from rongcuo_desktop import __version__
from rongcuo_desktop.domain.case import Case, Stage
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui import labels
from rongcuo_desktop.ui.cases.detail_pane import DetailPane
from rongcuo_desktop.ui.cases.table_model import CaseSource, CaseTableModel, FirstPage
from rongcuo_desktop.ui.shell.geometry import available_screens, default_geometry, fits
from rongcuo_desktop.ui.startup.flow import DESCENDING_KEY, SORT_COLUMN_KEY
from rongcuo_desktop.ui.tasks import TaskRunner
from rongcuo_desktop.ui.theme import app_icon, icon

if TYPE_CHECKING:
    from rongcuo_desktop.store.database import Store

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 150
# The same as the application display name, so Qt appends nothing to it.
WINDOW_TITLE = str(QT_TRANSLATE_NOOP("MainWindow", "容错免责案件库"))
# Written with the wall-clock time once the list has painted its first filled rows (bench, Xvfb test).
READY_FILE_ENV = "RONGCUO_READY_FILE"
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


class MainWindow(QMainWindow):
    """The case list and its menus.

    Built with a Store, or at start-up with ``store=None`` and a ``source`` that reaches the store
    once it opens: the window then shows the first look at the list (store/first_look.py), says so
    with ``first_painted``, and gets its store from ``attach_store`` (app.py). Until then nothing
    else asks the store anything, and the actions that need it wait.
    """

    cases_changed = Signal()
    counts_shown = Signal(str)
    first_painted = Signal()  # the list is on screen (a window without its store yet opens it now)

    def __init__(
        self,
        store: Store | None,
        runner: TaskRunner,
        settings: QSettings,
        key_manager: KeyManager | None = None,
        credential_store_usable: bool = True,
        first_page: FirstPage | None = None,
        parent: QWidget | None = None,
        source: CaseSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._settings = settings
        self._key_manager = key_manager
        self._credential_store_usable = credential_store_usable
        self._detail_request: int | None = None
        self._ready_reported = False
        self._first_page_in = False
        self.demo_offer: QMessageBox | None = None
        self._offered_demo = False
        self._counts_wanted: int | None = None
        self._waiting_for_first_paint: list[Callable[[], None]] = []
        self._built = time.perf_counter()
        self._first_layout_done = False
        self._closing = False
        self.error_box: QMessageBox | None = None
        self.setWindowTitle(self.tr(WINDOW_TITLE))
        self.setWindowIcon(app_icon())

        if store is not None:
            source = store.cases
        assert source is not None, "a window without its store needs the source that will reach it"
        self.model = CaseTableModel(runner, source, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several cases at once (Ctrl/Shift-click) for 导出选中案件…; the detail pane follows the current row.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        # Widths from typical contents in the current font, so a larger projector font still fits.
        metrics = self.table.fontMetrics()
        samples = list(COLUMN_SAMPLES)  # in another language, stage names and headings may be wider
        samples[4] = max((labels.label(stage) for stage in Stage), key=metrics.horizontalAdvance)
        for column, sample in enumerate(samples):
            heading = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(heading) + 16)
            header.resizeSection(column, width + 26)
        header.setSortIndicator(5, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)

        self.detail = DetailPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([740, 280])
        self.setCentralWidget(self.splitter)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        if store is None:
            self.add_demo_action.setEnabled(False)  # until attach_store
            self._add_menus_to_come()
        self.counts_label = QLabel(self)
        self.statusBar().addWidget(self.counts_label, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.stage_combo.currentIndexChanged.connect(self._apply_stage)
        self.model.ids_loaded.connect(self._ids_loaded)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.query_failed.connect(self._show_error)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)

        self.restore_state()
        # Only now: with sorting on, restoring the header would sort, i.e. query the store (which a
        # window shown before its store must not do). Now the sort matches the model's query.
        self.table.setSortingEnabled(True)
        self._refresh_on_attach = False
        if first_page is None or not self.model.seed(first_page):
            if store is not None:
                self.model.refresh()
            else:  # a first look in another order than the header's: the list comes with the store
                self._refresh_on_attach = True
                QTimer.singleShot(0, self, self.first_painted.emit)
        self._after_first_paint(self.model.complete)  # a seed may hold only the first page's ids

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._report_ready)
        if self._first_layout_done:
            return
        self._first_layout_done = True
        if self._settings.value("main/splitter") is None:
            # First start: the list gets what the pane does not need (the pane ~26%, at least 260 px).
            total = self.splitter.width()
            pane = max(260, int(total * 0.26))
            self.splitter.setSizes([total - pane, pane])
        if self._settings.value("main/header") is None:
            QTimer.singleShot(0, self._widen_unit_column)  # after the layout has settled

    def _widen_unit_column(self) -> None:
        """Spare width goes to 单位 (long unit names) rather than to the last column."""
        if shiboken6.isValid(self):
            header = self.table.horizontalHeader()
            unit_column = 2
            used = sum(header.sectionSize(c) for c in range(header.count() - 1))
            spare = (
                self.table.viewport().width()
                - used
                - self.table.fontMetrics().horizontalAdvance(COLUMN_SAMPLES[-1])
                - 32
            )
            wanted = self.table.fontMetrics().horizontalAdvance("某某市某某区行政审批服务局") + 26
            extra = max(0, min(spare, wanted - header.sectionSize(unit_column)))
            header.resizeSection(unit_column, header.sectionSize(unit_column) + extra)

    # -- building ----------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.change_passphrase_action = QAction(icon("key"), self.tr("修改口令…"), self)
        self.change_passphrase_action.triggered.connect(self.change_passphrase)
        self.change_passphrase_action.setEnabled(self._key_manager is not None)
        self.require_passphrase_action = QAction(self.tr("每次启动都需要口令"), self)
        self.require_passphrase_action.setCheckable(True)
        if self._key_manager is None:
            self.require_passphrase_action.setEnabled(False)
        elif not self._credential_store_usable:
            # No credential store: the passphrase is asked at every start anyway.
            self.require_passphrase_action.setChecked(True)
            self.require_passphrase_action.setEnabled(False)
            self.require_passphrase_action.setToolTip(
                self.tr("本机没有可用的系统凭据库，每次启动都需要口令。")
            )
        else:
            self.require_passphrase_action.setChecked(self._key_manager.require_passphrase_each_start)
        self.require_passphrase_action.toggled.connect(self.set_require_passphrase)
        self.quit_action = QAction(icon("quit"), self.tr("退出"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.add_demo_action = QAction(icon("demo"), self.tr("添加示例案件"), self)
        self.add_demo_action.triggered.connect(self.add_demo_cases)
        self.refresh_action = QAction(icon("refresh"), self.tr("刷新"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.model.refresh)
        self.find_action = QAction(icon("search"), self.tr("查找"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(lambda: self.search_edit.setFocus())
        self.toggle_detail_action = QAction(self.tr("显示详情窗格"), self)
        self.toggle_detail_action.setCheckable(True)
        self.toggle_detail_action.setChecked(True)
        self.toggle_detail_action.toggled.connect(self.detail.setVisible)
        self.about_action = QAction(icon("about"), self.tr("关于"), self)
        self.about_action.triggered.connect(self.show_about)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        self.search_edit = QLineEdit(toolbar)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(self.tr("搜索文号、当事人、单位"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setMinimumWidth(220)
        self.search_edit.setMaximumWidth(360)
        toolbar.addWidget(self.search_edit)
        self.stage_combo = QComboBox(toolbar)
        self.stage_combo.setObjectName("stageCombo")
        self.stage_combo.addItem(self.tr("全部阶段"), None)
        for stage in Stage:
            self.stage_combo.addItem(labels.label(stage), stage.value)
        toolbar.addWidget(self.stage_combo)
        toolbar.addSeparator()
        toolbar.addAction(self.refresh_action)
        toolbar.addAction(self.add_demo_action)

    def _add_menus_to_come(self) -> None:
        """The 数据 and 人员 menus, empty until the store opens (a few tenths of a second): the menu
        bar does not change under the user's eyes when data_safety.py and people.py fill them."""
        for context, title in (("DataSafety", "数据(&D)"), ("PeopleMenu", "人员(&P)")):
            menu = QMenu(QCoreApplication.translate(context, title), self.menuBar())  # found there
            menu.setProperty("toCome", True)
            menu.setEnabled(False)
            self.menuBar().insertMenu(self._help_menu.menuAction(), menu)

    def attach_store(self, store: Store) -> None:
        """The store opened after the first look was painted: the window works with it from now on."""
        self._store = store
        self.model.set_source(store.cases)
        self.add_demo_action.setEnabled(True)
        if self._refresh_on_attach:
            self._refresh_on_attach = False
            self.model.refresh()
        if self._ready_reported:
            self._run_waiting()

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self.change_passphrase_action)
        file_menu.addAction(self.require_passphrase_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        case_menu = menus.addMenu(self.tr("案件(&C)"))
        case_menu.addAction(self.find_action)
        case_menu.addAction(self.refresh_action)
        case_menu.addSeparator()
        case_menu.addAction(self.add_demo_action)
        view_menu = menus.addMenu(self.tr("视图(&V)"))
        view_menu.addAction(self.toggle_detail_action)
        self._help_menu = help_menu = menus.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.about_action)

    # -- filter and sort ---------------------------------------------------------------------------

    def _apply_search(self) -> None:
        self.model.set_text(self.search_edit.text())

    def _apply_stage(self, _index: int) -> None:
        code = self.stage_combo.currentData()
        self.model.set_stage(STAGES_BY_CODE.get(code) if code else None)

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
        assert self._store is not None  # counts wait for the store (_after_first_paint)
        cases = self._store.cases
        self._runner.run_db(
            lambda: (cases.count(), cases.stage_counts()),
            receiver=self,
            on_success=lambda counts: self._show_counts(shown, *counts),
            on_failure=self._show_error,
            label="counts",
        )

    def _show_counts(self, shown: int, total: int, per_stage: dict[Stage, int]) -> None:
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
        # Offered only where the action is (a role without CASE_CREATE, a read-only store: not).
        demo = self.add_demo_action
        if total == 0 and not self._offered_demo and demo.isVisible() and demo.isEnabled():
            self._offered_demo = True
            self.offer_demo_cases()

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
        A window without its store yet runs it once the store is attached."""
        if self._ready_reported and self._store is not None:
            work()
        else:
            self._waiting_for_first_paint.append(work)

    def _report_ready(self) -> None:
        """Once: the window is visible and its first page is in. Log it (and tell a bench or test)."""
        if self._ready_reported or not self._first_page_in or not self.isVisible():
            return
        self._ready_reported = True
        # Paint now, so the moment recorded is "list visible and filled", not "data arrived".
        self.table.viewport().repaint()
        log.info("case list painted (%.0f ms after the window was built)", self._since_built())
        ready_file = os.environ.get(READY_FILE_ENV)
        if ready_file:
            Path(ready_file).write_text(f"{time.time():.6f}\n", encoding="utf-8")
        self.first_painted.emit()
        if self._store is not None:
            self._run_waiting()

    def _run_waiting(self) -> None:
        waiting, self._waiting_for_first_paint = self._waiting_for_first_paint, []
        for work in waiting:
            work()

    def _since_built(self) -> float:
        return (time.perf_counter() - self._built) * 1000

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        case_id = self.model.case_id(current.row())
        self._detail_request = case_id
        if case_id is None:
            self.detail.show_case(None)
            return
        self._after_first_paint(lambda: self._fetch_detail(case_id))

    def _fetch_detail(self, case_id: int) -> None:
        if case_id != self._detail_request:
            return  # the user moved on before the list was first painted
        assert self._store is not None  # the detail waits for the store (_after_first_paint)
        cases = self._store.cases
        self._runner.run_db(
            lambda: cases.get(case_id),
            receiver=self,
            on_success=lambda case: self._show_detail(case_id, case),
            on_failure=self._show_error,
            label="case detail",
        )

    def _show_detail(self, case_id: int, case: Case) -> None:
        if case_id == self._detail_request:  # the user may have moved on meanwhile
            self.detail.show_case(case)

    def _show_error(self, error: object) -> None:
        """Say what failed without a nested event loop: a blocking box during close or teardown
        (a late query answered after the store closed) re-enters Qt and can abort the process."""
        log.error("store call failed: %s", type(error).__name__)
        if self._closing:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("操作未完成"), str(error), parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        box.open()

    # -- commands ----------------------------------------------------------------------------------

    def offer_demo_cases(self) -> None:
        """A fresh, empty store: offer the demo cases (non-blocking, so tests can answer it)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("案件库是空的"),
            self.tr("案件库里还没有案件。要添加几件示例案件（人名已按“谢某某”方式隐去）来熟悉程序吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("添加示例案件"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("暂不添加"))
        box.finished.connect(
            lambda result: self.add_demo_cases() if result == QMessageBox.StandardButton.Yes else None
        )
        self.demo_offer = box
        box.open()

    def add_demo_cases(self) -> None:
        store = self._store
        if store is None:
            return
        self.add_demo_action.setEnabled(False)
        self._runner.run_db(
            store.add_demo_cases,
            receiver=self,
            on_success=self._demo_added,
            on_failure=self._demo_failed,
            label="add demo cases",
        )

    def _demo_added(self, added: int) -> None:
        self.add_demo_action.setEnabled(True)
        self.statusBar().showMessage(self.tr("已添加 {n} 件示例案件。").format(n=added), 5000)
        self.model.refresh()
        self.cases_changed.emit()

    def _demo_failed(self, error: BaseException) -> None:
        self.add_demo_action.setEnabled(True)
        self._show_error(error)

    def change_passphrase(self) -> None:
        if self._key_manager is None:
            return
        from rongcuo_desktop.ui.startup.passphrase_dialogs import (
            ChangePassphraseDialog,  # not on the start path
        )

        dialog = ChangePassphraseDialog(self._key_manager, self._runner, self)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(self.tr("恢复口令已修改。"), 5000))
        dialog.open()

    def set_require_passphrase(self, value: bool) -> None:
        key_manager = self._key_manager
        if key_manager is None or value == key_manager.require_passphrase_each_start:
            return
        self.require_passphrase_action.setEnabled(False)

        def done(_none: object) -> None:
            self.require_passphrase_action.setEnabled(True)
            self.statusBar().showMessage(
                self.tr("今后每次启动都需要输入口令。")
                if value
                else self.tr("今后启动时从系统凭据库读取密钥。"),
                5000,
            )

        def failed(error: BaseException) -> None:
            self.require_passphrase_action.setEnabled(True)
            self.require_passphrase_action.blockSignals(True)
            self.require_passphrase_action.setChecked(not value)
            self.require_passphrase_action.blockSignals(False)
            self._show_error(error)

        self._runner.run_slow(
            lambda: key_manager.set_require_passphrase_each_start(value),
            receiver=self,
            on_success=done,
            on_failure=failed,
            label="require passphrase",
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr("容错免责委员会桌面工具 {version}\n案件数据在本机加密保存，不联网。").format(
                version=__version__
            ),
        )

    # -- state -------------------------------------------------------------------------------------

    def restore_state(self) -> None:
        geometry = self._settings.value("main/geometry")
        if isinstance(geometry, QByteArray) and fits(geometry, available_screens()):
            self.restoreGeometry(geometry)
        else:  # first start, or saved on a larger screen than this one (a 1024x768 projector)
            self.setGeometry(default_geometry())
        for key, restore in (
            ("main/state", self.restoreState),
            ("main/splitter", self.splitter.restoreState),
            ("main/header", self.table.horizontalHeader().restoreState),
        ):
            value = self._settings.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                restore(value)
        # The restored header may carry a sort indicator: make the query match it.
        header = self.table.horizontalHeader()
        self.model.apply_sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def save_state(self) -> None:
        self._settings.setValue("main/geometry", self.saveGeometry())
        self._settings.setValue("main/state", self.saveState())
        self._settings.setValue("main/splitter", self.splitter.saveState())
        self._settings.setValue("main/header", self.table.horizontalHeader().saveState())
        self._settings.setValue(SORT_COLUMN_KEY, self.model.query.sort_column)
        self._settings.setValue(DESCENDING_KEY, self.model.query.descending)
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        self.save_state()
        super().closeEvent(event)
