"""The case list's filters above the table: type, field, conclusion, year, overdue, and saved filters.

The filters combine with each other, with the stage filter and with the search box (services.cases
CaseQuery). Their choices come from the store (the 领域 and years of the cases this person may see),
asked on the database thread. Saved filters are the person's own and live in the encrypted store
(a filter's search words may be a name): the bar lists them, applies one, saves the list's current
query under a name (forms/filter_save_dialog.ui) and deletes one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from rongcuo_desktop.domain.case import CaseType, Conclusion
from rongcuo_desktop.services.cases import UNDECIDED, CaseList, CaseQuery, SavedFilter
from rongcuo_desktop.ui import labels
from rongcuo_desktop.ui.forms.ui_filter_save_dialog import Ui_FilterSaveDialog
from rongcuo_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

CASE_TYPES: dict[str, CaseType] = {member.value: member for member in CaseType}


class FilterBar(QWidget):
    """Combos and a check box whose values the list pane reads with `apply_to(query)`; the saved
    filters of `source` (the pane's CaseList), asked and changed on the database thread."""

    changed = Signal()  # a filter was changed by the person (not by show_query)
    saved_chosen = Signal(object)  # a saved filter's CaseQuery, to be shown whole
    saved_changed = Signal()  # the saved filters were read again (tests wait for it)

    def __init__(self, runner: TaskRunner, current: Callable[[], CaseQuery], parent: QWidget) -> None:
        super().__init__(parent)
        self._runner = runner
        self._current = current  # the list's whole query, saved as it is
        self.source: object = None
        self.setObjectName("filterBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(4)
        self.type_combo = self._combo("typeCombo", self.tr("全部类型"))
        for case_type in CaseType:
            self.type_combo.addItem(labels.label(case_type), case_type.value)
        self.field_combo = self._combo("fieldCombo", self.tr("全部领域"))
        self.conclusion_combo = self._combo("conclusionCombo", self.tr("全部结论"))
        self.conclusion_combo.addItem(self.tr("未认定"), UNDECIDED)
        for conclusion in Conclusion:
            self.conclusion_combo.addItem(labels.label(conclusion), conclusion.value)
        self.year_combo = self._combo("yearCombo", self.tr("全部年份"))
        self.overdue_check = QCheckBox(self.tr("有逾期"), self)
        self.overdue_check.setObjectName("overdueCheck")
        self.overdue_check.setToolTip(self.tr("只显示有逾期跟踪回访或逾期步骤的案件"))
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearFiltersButton")
        self.clear_button.setText(self.tr("清除筛选"))
        # Saved filters: one button and its menu (the filters, then save and delete).
        self.saved_button = QToolButton(self)
        self.saved_button.setObjectName("savedFiltersButton")
        self.saved_button.setText(self.tr("保存的筛选"))
        self.saved_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.saved_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.saved_menu = QMenu(self.saved_button)
        self.saved_button.setMenu(self.saved_menu)
        self.save_action = QAction(self.tr("保存现在的筛选…"), self)
        self.save_action.setObjectName("saveFilterAction")
        self.delete_action = QAction(self.tr("删除这个保存的筛选"), self)
        self.delete_action.setObjectName("deleteFilterAction")
        self.delete_action.setEnabled(False)
        for widget in (self.type_combo, self.field_combo, self.conclusion_combo, self.year_combo):
            layout.addWidget(widget)
        layout.addWidget(self.overdue_check)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.saved_button)
        layout.addStretch(1)
        self._saved: list[SavedFilter] = []
        self._current_saved: str | None = None
        self._quiet = False
        for combo in (self.type_combo, self.field_combo, self.conclusion_combo, self.year_combo):
            combo.currentIndexChanged.connect(self._changed)
        self.overdue_check.toggled.connect(self._changed)
        self.clear_button.clicked.connect(self.clear)
        self.save_action.triggered.connect(self.ask_name)
        self.delete_action.triggered.connect(self._delete)
        self.dialog: FilterSaveDialog | None = None
        self.set_saved([])

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.addItem(everything, None)
        return combo

    # -- the query -----------------------------------------------------------------------------------

    def apply_to(self, query: CaseQuery) -> CaseQuery:
        """`query` with this bar's filters (the search text, the stage and the order kept)."""
        import dataclasses

        year = self.year_combo.currentData()
        return dataclasses.replace(
            query,
            case_type=CASE_TYPES.get(self.type_combo.currentData() or ""),
            work_field=self.field_combo.currentData() or None,
            conclusion=self.conclusion_combo.currentData() or None,
            year=int(year) if year else None,
            overdue=self.overdue_check.isChecked(),
        )

    def show_query(self, query: CaseQuery) -> None:
        """Set the widgets to `query`'s filters without saying `changed` (a saved filter, a reset)."""
        self._quiet = True
        try:
            _choose(self.type_combo, query.case_type.value if query.case_type else None)
            _choose(self.field_combo, query.work_field, add=True)
            _choose(self.conclusion_combo, query.conclusion)
            _choose(self.year_combo, query.year, add=True)
            self.overdue_check.setChecked(query.overdue)
        finally:
            self._quiet = False

    def clear(self) -> None:
        self.show_query(CaseQuery())
        self._choose_saved(None)
        self.changed.emit()

    def _changed(self) -> None:
        if not self._quiet:
            self._choose_saved(None)  # the list no longer shows that saved filter
            self.changed.emit()

    # -- choices from the store ------------------------------------------------------------------------

    def set_choices(self, fields: list[str], years: list[int]) -> None:
        """The 领域 and years of the person's cases; a chosen value stays even when absent now."""
        self._quiet = True
        try:
            _refill(self.field_combo, [(field, field) for field in fields])
            _refill(self.year_combo, [(self.tr("{year} 年").format(year=year), year) for year in years])
        finally:
            self._quiet = False

    def set_saved(self, saved: list[SavedFilter], current: str | None = None) -> None:
        """The menu: each saved filter (the one shown checked), then save and delete."""
        self._saved = sorted(saved, key=lambda item: item.name)
        menu = self.saved_menu
        menu.clear()
        for item in self._saved:
            action = menu.addAction(item.name)
            action.setData(item.name)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, chosen=item: self._saved_chosen(chosen))
        if not self._saved:
            empty = menu.addAction(self.tr("（还没有保存的筛选）"))
            empty.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.save_action)
        menu.addAction(self.delete_action)
        self._choose_saved(current if any(item.name == current for item in self._saved) else None)

    def saved_names(self) -> list[str]:
        return [item.name for item in self._saved]

    def current_saved(self) -> str | None:
        """The saved filter the list shows now (None once a filter was changed by hand)."""
        return self._current_saved

    def choose_saved(self, name: str) -> None:
        """Show the saved filter called `name` (what its menu entry does)."""
        for item in self._saved:
            if item.name == name:
                self._saved_chosen(item)
                return

    def _saved_chosen(self, item: SavedFilter) -> None:
        self.show_query(item.query)
        self._choose_saved(item.name)
        self.saved_chosen.emit(item.query)

    def _choose_saved(self, name: str | None) -> None:
        self._current_saved = name
        for action in self.saved_menu.actions():
            if action.isCheckable():
                action.setChecked(action.data() == name)
        self.delete_action.setEnabled(name is not None)
        self.delete_action.setText(
            self.tr("删除保存的筛选“{name}”").format(name=name) if name else self.tr("删除这个保存的筛选")
        )
        self.saved_button.setText(name if name else self.tr("保存的筛选"))

    def load(self) -> None:
        """Ask the store for the choices and the saved filters (after the person or the cases changed)."""
        source = self.source
        if not isinstance(source, CaseList):
            return  # a stand-in source (tests) or no store yet: the bar keeps its fixed choices
        self._runner.run_db(
            filter_choices,
            source,
            receiver=self,
            done=self._loaded,
            failed=self._failed,
        )

    def _loaded(self, answer: tuple[list[str], list[int], list[SavedFilter]]) -> None:
        fields, years, saved = answer
        self.set_choices(fields, years)
        self.set_saved(saved, self.current_saved())
        self.saved_changed.emit()

    def _failed(self, error: BaseException) -> None:
        log.warning("filter bar: %s", type(error).__name__)

    # -- saving ------------------------------------------------------------------------------------------

    def ask_name(self) -> None:
        """The name dialog (open(), no nested loop); it stays open until the store took the name."""
        dialog = FilterSaveDialog(self.window())
        dialog.ui.nameEdit.setText(self.current_saved() or "")
        dialog.name_given.connect(lambda name: self._save(dialog, name))
        self.dialog = dialog
        dialog.open()

    def _save(self, dialog: FilterSaveDialog, name: str) -> None:
        source = self.source
        if not isinstance(source, CaseList):
            return
        query = self._current()
        self._runner.run_db(
            source.save_filter,
            name,
            query,
            receiver=self,
            done=lambda saved: self._saved_one(dialog, saved),
            failed=lambda error: dialog.show_problem(str(error)),
        )

    def _saved_one(self, dialog: FilterSaveDialog, saved: SavedFilter) -> None:
        dialog.accept()
        self.set_saved([item for item in self._saved if item.name != saved.name] + [saved], saved.name)
        self.saved_changed.emit()

    def _delete(self) -> None:
        source, name = self.source, self.current_saved()
        if not isinstance(source, CaseList) or name is None:
            return
        self._runner.run_db(
            source.delete_filter, name, receiver=self, done=lambda _gone: self.load(), failed=self._failed
        )


def filter_choices(source: CaseList) -> tuple[list[str], list[int], list[SavedFilter]]:
    """The bar's choices and the person's saved filters, in one trip to the database thread."""
    return source.work_fields(), source.years(), source.saved_filters()


class FilterSaveDialog(QDialog):
    """Asks a saved filter's name; stays open until the store has taken it (or says what is wrong)."""

    name_given = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.ui = Ui_FilterSaveDialog()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ui.buttonBox.accepted.connect(self._save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _save(self) -> None:
        name = self.ui.nameEdit.text().strip()
        if not name:
            self.show_problem(self.tr("请填写筛选名称。"))
            return
        self.ui.errorLabel.clear()
        self.name_given.emit(name)

    def show_problem(self, text: str) -> None:
        """The store refused the name: say why, keep what was typed."""
        self.ui.errorLabel.setText(text)
        self.ui.nameEdit.setFocus()


def _choose(combo: QComboBox, value: object, *, add: bool = False) -> None:
    index = combo.findData(value) if value is not None else 0
    if index < 0 and add:
        combo.addItem(str(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(0, index))


def _refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    current = combo.currentData()
    while combo.count() > 1:
        combo.removeItem(1)
    for text, value in items:
        combo.addItem(text, value)
    _choose(combo, current, add=True)


class BarScroller(QScrollArea):
    """Holds the bar: on a narrow window (a 1024x768 projector with the detail pane open) the bar
    scrolls sideways instead of widening the window; its height grows by a scroll bar only then."""

    def __init__(self, bar: FilterBar, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("filterScroller")
        self.setWidget(bar)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        bar = self.widget()
        height = bar.sizeHint().height()
        if bar.minimumSizeHint().width() > self.width():
            height += self.horizontalScrollBar().sizeHint().height()
        if self.height() != height:
            self.setFixedHeight(height)
