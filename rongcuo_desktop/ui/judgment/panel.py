"""The judgment panel (chair and secretary): the engine's result beside the case.

Shows the recommendation, the weighted total, each dimension's median and spread (those in
disagreement marked 需会商), the quorum, the hard rules that fired with their articles, the
explanation in words, and a radar chart (each member faint, the median bold). Numbers the seeds do
not give (weights, thresholds, the quorum) are marked 本地默认. Before the reveal the running result
is for the chair's eyes only (services.judgment.panel decides): the secretary sees the counts, the
quorum and the hard rules of the checklist.

It reads the case again whenever the judgment hub says a ballot, a reveal or a decision was
written for it, so it follows the ballots as they arrive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rongcuo_desktop.services import judgment
from rongcuo_desktop.ui.judgment.radar_chart import RadarChart

if TYPE_CHECKING:
    from rongcuo_desktop.services.judgment import Panel
    from rongcuo_desktop.ui.judgment.hub import JudgmentHub
    from rongcuo_desktop.ui.shell.context import WindowContext

LOCAL = "（本地默认）"


def fmt(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")


class JudgmentPanel(QWidget):
    """One case's judgment; `refresh()` reads it again (on the database thread)."""

    loaded = Signal()  # the panel shows the case as just read (tests and the bench wait on it)

    def __init__(
        self, ctx: WindowContext, case_id: int, hub: JudgmentHub | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("judgmentPanel")
        self._ctx = ctx
        self.case_id = case_id
        self.data: Panel | None = None
        layout = QVBoxLayout(self)
        self.status_label = self._label("panelStatus")
        layout.addWidget(self.status_label)
        self.recommendation_label = self._label("recommendationLabel")
        # The app's sheet sets every widget's size: a larger line needs a sheet of its own.
        self.recommendation_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(self.recommendation_label)
        self.total_label = self._label("totalLabel")
        layout.addWidget(self.total_label)
        self.quorum_label = self._label("quorumLabel")
        layout.addWidget(self.quorum_label)

        middle = QHBoxLayout()
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("dimensionTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("维度"), self.tr("中位数"), self.tr("最低—最高"), self.tr("极差"), self.tr("会商")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        middle.addWidget(self.table, 3)
        self.chart = RadarChart()
        self.chart.setToolTip(self.tr("虚线：每位委员的评分；粗实线：中位数"))
        middle.addWidget(self.chart, 2)
        layout.addLayout(middle, 1)
        self.chart_note = self._label("chartNote")
        self.chart_note.setText(self.tr("雷达图：虚线为每位委员的评分（不标姓名），粗实线为各维度中位数。"))
        layout.addWidget(self.chart_note)

        self.rules_label = self._label("firedRulesLabel")
        layout.addWidget(self.rules_label)
        self.explanation = QPlainTextEdit()
        self.explanation.setObjectName("explanationView")
        self.explanation.setReadOnly(True)
        self.explanation.setTabChangesFocus(True)
        self.explanation.setFrameShape(QFrame.Shape.StyledPanel)
        self.explanation.setMaximumHeight(150)
        layout.addWidget(self.explanation)
        self.defaults_label = self._label("localDefaultsLabel")
        layout.addWidget(self.defaults_label)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)
        if hub is not None:
            hub.changed.connect(self._changed)

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def add_button(self, button: QPushButton) -> None:
        self.buttons.addWidget(button)

    # -- reading ---------------------------------------------------------------------------------

    def _changed(self, case_id: int) -> None:
        if case_id == self.case_id:
            self.refresh()

    def refresh(self) -> None:
        self._ctx.read_for_person(
            judgment.panel, self.case_id, receiver=self, done=self.show_panel, failed=self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self.status_label.setText(str(error) or type(error).__name__)
        self.loaded.emit()

    # -- showing ---------------------------------------------------------------------------------

    def show_panel(self, data: Panel) -> None:
        self.data = data
        record = data.record
        current = record.round
        if record.decided:
            state = self.tr("已记录认定结论，全部评分公开。")
        elif record.revealed:
            state = self.tr("第 %1 轮评分已揭晓。").replace("%1", str(current.number))
        elif data.levels_visible:
            state = self.tr("第 %1 轮评分未揭晓：以下结果只有主任可见，投屏只显示提交份数。").replace(
                "%1", str(current.number)
            )
        else:
            state = self.tr("第 %1 轮评分未揭晓：揭晓前只显示提交份数和清单中的硬性规则。").replace(
                "%1", str(current.number)
            )
        if record.earlier:
            rounds = sorted({b.round for b in record.earlier})
            state += self.tr("（第 %1 轮的评分保留在记录中）").replace("%1", "、".join(map(str, rounds)))
        self.status_label.setText(f"{record.doc_no}　{state}")
        self._show_quorum(data)
        self._show_rules(data)
        result = data.judgment
        book = data.rulebook
        if data.problem:
            self.recommendation_label.setText(data.problem)
        if result is None or book is None:
            if not data.problem:
                self.recommendation_label.setText(
                    self.tr("已提交 %1 份 / 应评 %2 人")
                    .replace("%1", str(record.submitted))
                    .replace("%2", str(record.expected))
                )
            self.total_label.setText("")
            self.table.setRowCount(0)
            self.chart.set_data([d.name for d in book.dimensions] if book else [], [], [])
            self.chart.setVisible(False)
            self.chart_note.setVisible(False)
            self.explanation.setPlainText("")
            self.explanation.setVisible(False)
            self.loaded.emit()
            return
        self.chart.setVisible(True)
        self.chart_note.setVisible(True)
        self.explanation.setVisible(True)
        if result.recommendation is not None:
            self.recommendation_label.setText(self.tr("研判建议：") + result.recommendation.label)
        else:
            self.recommendation_label.setText(self.tr("不作研判建议：") + result.reason)
        weights_local = any(d.weight.local_default for d in book.dimensions)
        thresholds = (
            self.tr("予以容错免责须不低于 %1%2，从轻减轻处理须不低于 %3%4")
            .replace("%1", fmt(book.setting("exempt_threshold")))
            .replace("%2", LOCAL if book.settings["exempt_threshold"].local_default else "")
            .replace("%3", fmt(book.setting("lenient_threshold")))
            .replace("%4", LOCAL if book.settings["lenient_threshold"].local_default else "")
        )
        self.total_label.setText(
            self.tr("加权总分 %1（满分 5；权重%2）；%3。")
            .replace("%1", fmt(result.total))
            .replace("%2", LOCAL if weights_local else self.tr("依规则库"))
            .replace("%3", thresholds)
        )
        consult = {d.dimension for d in result.disagreements}
        fresh = self.table.rowCount() != len(result.dimensions)
        if fresh:
            self.table.setRowCount(len(result.dimensions))
        for row, dim in enumerate(result.dimensions):
            spread = "—" if dim.spread is None else str(dim.spread)
            span = "—" if dim.min is None else f"{dim.min}—{dim.max}"
            flag = self.tr("需会商") if dim.id in consult else ""
            for column, text in enumerate((dim.name, fmt(dim.median), span, spread, flag)):
                self._cell(row, column, text, dim.id in consult)
        if fresh:
            self.table.resizeRowsToContents()
        self.chart.set_data(
            [d.name for d in result.dimensions], data.ballots, [d.median for d in result.dimensions]
        )
        if self.explanation.toPlainText() != result.explanation:
            self.explanation.setPlainText(result.explanation)
        self.loaded.emit()

    def _cell(self, row: int, column: int, text: str, consult: bool) -> None:
        """A cell of the dimension table, changed in place (a ballot arriving redraws the numbers, not
        the table)."""
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, column, item)
        if item.text() != text:
            item.setText(text)
        font = item.font()
        if font.bold() != consult:
            font.setBold(consult)
            item.setFont(font)
            item.setBackground(QColor("#f6dfa4") if consult else QColor(0, 0, 0, 0))

    def _show_quorum(self, data: Panel) -> None:
        counted, book = data.quorum, data.rulebook
        if counted is None or book is None:
            self.quorum_label.setText("")
            return
        local = LOCAL if book.settings["quorum"].local_default else ""
        met = self.tr("已达到") if counted.met else self.tr("未达到")
        self.quorum_label.setText(
            self.tr("法定人数：计入评分 %1 人 / 须 %2 人%3，%4；回避 %5 人，未完成评分 %6 人。")
            .replace("%1", str(counted.counted))
            .replace("%2", str(counted.required))
            .replace("%3", local)
            .replace("%4", met)
            .replace("%5", str(counted.recused))
            .replace("%6", str(counted.incomplete))
        )

    def _show_rules(self, data: Panel) -> None:
        lines = []
        for rule in data.fired_rules:
            if rule.kind == "quorum_not_met":
                continue
            cite = f"（{rule.citation.label()}）" if rule.citation else ""
            mark = LOCAL if rule.local_default else ""
            lines.append(f"· {rule.text}{cite}{mark}")
        if lines:
            self.rules_label.setText(self.tr("触发的硬性规则：") + "\n" + "\n".join(lines))
        else:
            self.rules_label.setText(self.tr("硬性规则：未触发任何硬性规则。"))
        book = data.rulebook
        if book is not None and book.local_defaults():
            self.defaults_label.setText(
                self.tr(
                    "标注“本地默认”的数值（权重、阈值、法定人数等）不是来源文件规定的，"
                    "是委员会自己的设置，可在规则库中修改。"
                )
            )
        else:
            self.defaults_label.setText("")
