"""The 工作台: what is due and overdue across all the cases the person may see -- the visits of each
case's follow-up plan not yet recorded, and steps past a rulebook's time limit -- with a visit form.

A dock of the main window, shown at start to those who keep the calendar (秘书, 主任). It reads
services.casework.due on the database thread when shown, when cases change, and when the person or
the store changes.

What it keeps is bounded: the earliest MAX_ROWS items and how many fall due on each day. Every
filter is "due on or before a day", so the earliest items of any filter are among the earliest of
all, and its count is a sum over days. (Keeping every item took ~25 MB at 100,000 cases and ten
times that at 1,000,000.)
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from rongcuo_desktop.domain.casework import DueItem
from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services import casework
from rongcuo_desktop.ui.forms.ui_case_workbench import Ui_CaseWorkbench
from rongcuo_desktop.ui.shell.context import WindowContext

SOON_DAYS = 30
MAX_ROWS = 500  # the earliest first; a store of synthetic cases can have tens of thousands
OVERDUE = QColor("#8c1c13")


def _order(due: DueItem) -> tuple[dt.date, str, int]:
    return (due.due_on, due.doc_no, due.visit_no)


class Workbench(QWidget):
    open_case = Signal(int)  # the case of the item chosen
    record_visit = Signal(int, int)  # case id, visit number
    loaded = Signal(int)  # how many items are listed

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseWorkbench()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.items: list[DueItem] = []  # the earliest MAX_ROWS, in order
        self.per_day: Counter[dt.date] = Counter()  # how many items fall due on each day
        self._earliest: list[DueItem] = []
        self._per_day: Counter[dt.date] = Counter()
        self._generation = 0
        ui = self.ui
        ui.filterCombo.addItem(self.tr("全部待办"), "all")
        ui.filterCombo.addItem(self.tr("已逾期"), "overdue")
        ui.filterCombo.addItem(self.tr("30 天内到期"), "soon")
        ui.filterCombo.currentIndexChanged.connect(self._show)
        ui.dueTree.itemActivated.connect(lambda item, _column: self._open(item))
        ui.dueTree.currentItemChanged.connect(self._current_changed)
        ui.openButton.clicked.connect(lambda: self._open(ui.dueTree.currentItem()))
        ui.visitButton.clicked.connect(self._visit)
        ui.refreshButton.clicked.connect(self.refresh)
        ui.dueTree.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        ui.dueTree.setColumnWidth(0, 150)
        ui.dueTree.setColumnWidth(1, 240)
        self._current_changed(None)
        ctx.cases_changed.connect(self.refresh)
        ctx.person_changed.connect(self.refresh)

    def refresh(self) -> None:
        workspace, person = self.ctx.workspace, self.ctx.person
        if (
            workspace is None
            or person is None
            or (not person.may(Action.CASE_READ_ALL) and not person.may(Action.CASE_READ))
        ):
            self.items, self.per_day = [], Counter()
            self._show()
            return
        self._generation += 1
        self._earliest, self._per_day = [], Counter()
        self.ui.countLabel.setText(self.tr("正在查找待办事项……"))
        self._next_slice(self._generation, 0)

    def _next_slice(self, generation: int, after: int) -> None:
        """One slice per database job (services.casework.due_slice), so that on a large store the
        list's pages and the other work are served between them."""
        workspace, person = self.ctx.workspace, self.ctx.person
        if workspace is None or person is None or generation != self._generation:
            return
        self.ctx.runner.run_db(
            casework.due_slice,
            workspace,
            person,
            after,
            receiver=self,
            done=lambda found: self._slice_arrived(generation, found),
            failed=self._failed,
        )

    def _slice_arrived(self, generation: int, found: tuple[list[DueItem], int | None]) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        items, after = found
        self._earliest = heapq.nsmallest(MAX_ROWS, itertools.chain(self._earliest, items), key=_order)
        self._per_day.update(d.due_on for d in items)
        if after is not None:
            self._next_slice(generation, after)
            return
        self.items, self.per_day = self._earliest, self._per_day
        self._earliest, self._per_day = [], Counter()
        self._show()

    def _failed(self, error: BaseException) -> None:
        self.ui.countLabel.setText(str(error))

    def _show(self, _index: int = 0) -> None:
        today = dt.date.today()
        which = self.ui.filterCombo.currentData()
        keep: Callable[[dt.date], bool] = {
            "all": lambda day: True,
            "overdue": lambda day: day < today,
            "soon": lambda day: day <= today + dt.timedelta(days=SOON_DAYS),
        }[which]
        matching = sum(n for day, n in self.per_day.items() if keep(day))
        shown = [d for d in self.items if keep(d.due_on)]  # each filter is a prefix of the order
        tree = self.ui.dueTree
        tree.setSortingEnabled(False)
        tree.clear()
        for due in shown:
            overdue = due.overdue(today)
            if overdue:
                state = self.tr("逾期 %1 天").replace("%1", str((today - due.due_on).days))
            else:
                state = self.tr("%1 天后").replace("%1", str((due.due_on - today).days))
            item = QTreeWidgetItem(tree, [due.doc_no, due.label, due.due_on.isoformat(), state])
            item.setData(0, Qt.ItemDataRole.UserRole, (due.case_id, due.visit_no, due.kind))
            if overdue:
                for column in range(4):
                    item.setForeground(column, QBrush(OVERDUE))
        tree.setSortingEnabled(True)
        overdue_count = sum(n for day, n in self.per_day.items() if day < today)
        count = self.tr("共 %1 项待办，其中已逾期 %2 项").replace("%1", str(self.per_day.total()))
        count = count.replace("%2", str(overdue_count))
        if matching > len(shown):
            count += self.tr("（列出最早的 %1 项）").replace("%1", str(len(shown)))
        self.ui.countLabel.setText(count)
        self._current_changed(tree.currentItem())
        self.loaded.emit(len(shown))

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        self.ui.openButton.setEnabled(data is not None)
        may_record = self.ctx.may_change(Action.CASE_EDIT)
        self.ui.visitButton.setVisible(self.ctx.may(Action.CASE_EDIT))
        self.ui.visitButton.setEnabled(data is not None and data[2] == "visit" and may_record)

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            case_id, _visit_no, _kind = item.data(0, Qt.ItemDataRole.UserRole)
            self.open_case.emit(int(case_id))

    def _visit(self) -> None:
        item = self.ui.dueTree.currentItem()
        if item is not None:
            case_id, visit_no, kind = item.data(0, Qt.ItemDataRole.UserRole)
            if kind == "visit":
                self.record_visit.emit(int(case_id), int(visit_no))
