"""The 案件统计 window: one breakdown at a time as a bar chart and a table, and 导出 Excel….

The counts come from one named operation on the database thread (services.stats, over the cases the
person may read); choosing another breakdown redraws from what was counted, without asking the
store again. The workbook is written on a slow thread, never on the GUI thread. The window follows
the store: refreshed when cases change, emptied and hidden when the store locks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from rongcuo_desktop.domain.stats import Breakdown, days_text, top
from rongcuo_desktop.services.stats import StatsView
from rongcuo_desktop.ui.forms.ui_stats_window import Ui_StatsWindow
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.messages import choose_file, tell
from rongcuo_desktop.ui.stats import ops
from rongcuo_desktop.ui.stats.chart import Bar, BarChart
from rongcuo_desktop.ui.stats.labels import conclusion_columns, heading, row_label, word
from rongcuo_desktop.ui.stats.model import StatsTableModel

CHART_ROWS = 12  # a chart of many fields shows the 11 largest and the rest as 其他 (the table lists all)
FOLDER_KEY = "stats/export_folder"


class StatsWindow(QWidget):
    loaded = Signal()  # the counts arrived and are shown (tests and the benchmark wait for it)
    exported = Signal(str)

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.ui = Ui_StatsWindow()
        self.ui.setupUi(self)
        self.view: StatsView | None = None
        self.dialog: QWidget | None = None
        self._loading = False
        self._exporting = False
        self.chart = BarChart(self.ui.chartHost)
        self.ui.chartLayout.addWidget(self.chart)
        self.model = StatsTableModel()
        self.ui.table.setModel(self.model)
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ui.table.verticalHeader().setVisible(False)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        for breakdown in Breakdown:
            self.ui.breakdownCombo.addItem(heading(breakdown), breakdown.value)
        self.ui.breakdownCombo.currentIndexChanged.connect(self._show)
        self.ui.refreshButton.clicked.connect(self.refresh)
        self.ui.exportButton.clicked.connect(self.choose_export)
        self.ui.exportButton.setEnabled(False)
        self.ui.closeButton.clicked.connect(self.close)
        ctx.cases_changed.connect(self._data_changed)
        ctx.workspace_changed.connect(self._workspace_changed)
        ctx.person_changed.connect(self._data_changed)
        self.resize(960, 680)

    @property
    def breakdown(self) -> Breakdown:
        return Breakdown(self.ui.breakdownCombo.currentData())

    def select(self, breakdown: Breakdown) -> None:
        self.ui.breakdownCombo.setCurrentIndex(self.ui.breakdownCombo.findData(breakdown.value))

    # -- counting ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        ws, person = self.ctx.workspace, self.ctx.person
        if ws is None or person is None or self._loading:
            return
        self._loading = True
        self.ui.refreshButton.setEnabled(False)
        self.ui.scopeLabel.setText(self.tr("正在统计…"))
        self.ctx.runner.run_db(
            ops.load_statistics, ws, person, receiver=self, done=self._loaded, failed=self._failed
        )

    def _loaded(self, view: StatsView) -> None:
        self._loading = False
        self.view = view
        self.ui.refreshButton.setEnabled(True)
        self.ui.exportButton.setEnabled(not self._exporting)
        self._show()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.ui.refreshButton.setEnabled(True)
        self.ui.scopeLabel.setText(self.tr("统计失败：%1").replace("%1", str(error)))

    def _data_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def _workspace_changed(self) -> None:
        if self.ctx.workspace is None:  # locked or closed: nothing of the store stays on screen
            self.view = None
            self.model.show(None, self.breakdown)
            self.chart.set_bars("", [])
            self.hide()
        elif self.isVisible():
            self.refresh()

    # -- showing ----------------------------------------------------------------------------------

    def _show(self) -> None:
        view, breakdown = self.view, self.breakdown
        self.model.show(view.stats if view else None, breakdown)
        if view is None:
            return
        stats = view.stats
        scope = (
            self.tr("全部案件，共 %1 件")
            if view.everything
            else self.tr("本人参与（未回避）的案件，共 %1 件")
        )
        self.ui.scopeLabel.setText(
            self.tr("统计范围：%1").replace("%1", scope.replace("%1", f"{stats.total:,}"))
        )
        empty = self.tr("没有可统计的案件")
        if breakdown is Breakdown.STAGE_DAYS:
            lines = (*stats.stage_days, stats.to_decision)
            bars = [Bar(word(d.label), (d.average or 0.0,), days_text(d.average)) for d in lines]
            title = self.tr("各阶段平均用时（天）")
            self.chart.set_bars(title, bars, empty_text=self.tr("还没有可计算用时的阶段记录"))
            return
        rows = top(stats.table(breakdown), CHART_ROWS)
        bars = [
            Bar(row_label(breakdown, r), tuple(map(float, r.by_conclusion)), f"{r.count:,}") for r in rows
        ]
        title = self.tr("%1（件）").replace("%1", heading(breakdown))
        self.chart.set_bars(title, bars, conclusion_columns(), empty_text=empty)

    # -- the workbook -----------------------------------------------------------------------------

    def choose_export(self) -> None:
        if self.view is None or self._exporting:
            return
        folder = Path(str(self.ctx.settings.value(FOLDER_KEY, "") or Path.home()))
        start = folder / self.tr("容错案件统计.xlsx")
        self.dialog = choose_file(
            self, self.tr("导出统计到"), start, self.tr("Excel 工作簿 (*.xlsx)"), self._export, save=True
        )

    def _export(self, chosen: Path) -> None:
        view = self.view
        if view is None or self._exporting:
            return
        path = chosen if chosen.suffix.lower() == ".xlsx" else chosen.with_name(chosen.name + ".xlsx")
        self.ctx.settings.setValue(FOLDER_KEY, str(path.parent))
        self._exporting = True
        self.ui.exportButton.setEnabled(False)
        self.ui.noteLabel.setText(self.tr("正在导出…"))
        self.ctx.runner.run_slow(
            ops.write_workbook, view, path, receiver=self, done=self._exported, failed=self._export_failed
        )

    def _exported(self, path: Path) -> None:
        self._exporting = False
        self.ui.exportButton.setEnabled(True)
        self.ui.noteLabel.setText(self.tr("已导出：%1").replace("%1", str(path)))
        self.ctx.status(self.tr("统计已导出到 %1").replace("%1", str(path)))
        self.exported.emit(str(path))

    def _export_failed(self, error: BaseException) -> None:
        self._exporting = False
        self.ui.exportButton.setEnabled(True)
        self.ui.noteLabel.setText(self.tr("导出没有完成。"))
        self.dialog = tell(self, self.tr("导出统计"), str(error))
