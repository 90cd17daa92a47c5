"""The statistics table: one breakdown's lines (项目, 件数, 占比, each conclusion) or the days per
stage, with a 合计 line; numbers right-aligned. A plain table model over a few dozen rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from rongcuo_desktop.domain.stats import CONCLUSION_COLUMNS, Breakdown, Statistics, days_text, percent_text
from rongcuo_desktop.ui.stats.labels import conclusion_columns, row_label, word

Index = QModelIndex | QPersistentModelIndex
WORDS = (  # marked for lupdate; shown through _t
    QT_TRANSLATE_NOOP("StatsTable", "阶段"),
    QT_TRANSLATE_NOOP("StatsTable", "计入的案件数"),
    QT_TRANSLATE_NOOP("StatsTable", "平均天数"),
    QT_TRANSLATE_NOOP("StatsTable", "项目"),
    QT_TRANSLATE_NOOP("StatsTable", "件数"),
    QT_TRANSLATE_NOOP("StatsTable", "占比"),
    QT_TRANSLATE_NOOP("StatsTable", "合计"),
)


def _t(word: str) -> str:
    return QCoreApplication.translate("StatsTable", word)


class StatsTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._header: list[str] = []
        self._rows: list[tuple[str, ...]] = []
        self._total_line = False

    def show(self, stats: Statistics | None, breakdown: Breakdown) -> None:
        self.beginResetModel()
        self._rows = []
        self._total_line = False
        if breakdown is Breakdown.STAGE_DAYS:
            self._header = [
                _t("阶段"),
                _t("计入的案件数"),
                _t("平均天数"),
            ]
            if stats is not None:
                self._rows = [
                    (word(d.label), f"{d.cases:,}", days_text(d.average))
                    for d in (*stats.stage_days, stats.to_decision)
                ]
        else:
            self._header = [
                _t("项目"),
                _t("件数"),
                _t("占比"),
                *conclusion_columns(),
            ]
            if stats is not None:
                self._rows = [
                    (
                        row_label(breakdown, r),
                        f"{r.count:,}",
                        percent_text(r.share(stats.total)),
                        *(f"{n:,}" for n in r.by_conclusion),
                    )
                    for r in stats.table(breakdown)
                ]
                columns = [
                    sum(r.by_conclusion[i] for r in stats.table(breakdown))
                    for i in range(len(CONCLUSION_COLUMNS))
                ]
                share = percent_text(1.0 if stats.total else 0.0)
                self._rows.append(
                    (
                        _t("合计"),
                        f"{stats.total:,}",
                        share,
                        *(f"{n:,}" for n in columns),
                    )
                )
                self._total_line = True
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._header)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self._total_line and index.row() == len(self._rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._header[section]
        return None

    def cell(self, row: int, column: int) -> str:
        return self._rows[row][column]
