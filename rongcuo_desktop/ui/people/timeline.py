"""A case's history as a readable timeline: when, who (and in which role), what.

Gets plain `TimelineEntry` data from the store (Store.audit.timeline(case_id)); never a session.
A few hundred events per case at most, so a simple list model is enough here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rongcuo_desktop.ui.forms.ui_timeline_dialog import Ui_TimelineDialog
from rongcuo_desktop.ui.labels import label_text, person

if TYPE_CHECKING:
    from rongcuo_desktop.domain.committee import TimelineEntry

Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []
        self._headers = (
            self.tr("时间"),
            self.tr("操作人"),
            self.tr("操作"),
            self.tr("内容"),
        )

    def set_entries(self, entries: Sequence[TimelineEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                entry.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                person(entry.actor_name, entry.actor_role_label),
                label_text("Action", entry.action_label),
                entry.summary,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("审计事件第 %1 条").replace("%1", str(entry.seq))
        return None


class AuditTimelineWidget(QWidget):
    """Shown beside a case's details; the owner fetches entries on the database worker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("办理记录"))
        layout.addWidget(self.title)
        self.model = TimelineModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(True)
        layout.addWidget(self.view)
        self.empty = QLabel(self.tr("暂无记录。"))
        layout.addWidget(self.empty)

    def set_entries(self, entries: Sequence[TimelineEntry]) -> None:
        self.model.set_entries(entries)
        self.empty.setVisible(not entries)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)


class TimelineDialog(QDialog):
    """A case's 办理记录 in a dialog of its own. Layout: forms/timeline_dialog.ui."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TimelineDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("办理记录：") + title)
        self.timeline = AuditTimelineWidget(self.ui.timelineHost)
        self.ui.timelineLayout.addWidget(self.timeline)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        self.ui.buttonBox.rejected.connect(self.reject)
