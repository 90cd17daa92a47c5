"""What the case window's section groups share: the latest CaseView of their Sections, the store
call that reads the case again, and small helpers for lists of records.

Each group (section_people.py, section_outcome.py) is its own QObject, so its strings are translated
under its own class name (the context lupdate records for its tr() calls).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from rongcuo_desktop.domain.casework import Record

if TYPE_CHECKING:
    from rongcuo_desktop.ui.casefile import ops
    from rongcuo_desktop.ui.casefile.sections import Sections

EXCERPT = 60


def excerpt(text: str, limit: int = EXCERPT) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def rows(tree: QTreeWidget, cells_of_rows: Sequence[Sequence[str]], data: Sequence[object] = ()) -> None:
    """A list of records: one row each, its data (a record's seq) on the first column."""
    tree.clear()
    for i, cells in enumerate(cells_of_rows):
        item = QTreeWidgetItem(tree, [str(c) for c in cells])
        for column, cell in enumerate(cells):
            item.setToolTip(column, str(cell))
        if i < len(data):
            item.setData(0, Qt.ItemDataRole.UserRole, data[i])
    for column in range(tree.columnCount() - 1):
        tree.resizeColumnToContents(column)


def select_last(tree: QTreeWidget) -> None:
    """The latest record is the one shown below its list."""
    last = tree.topLevelItem(tree.topLevelItemCount() - 1) if tree.topLevelItemCount() else None
    if last is not None:
        tree.setCurrentItem(last)


def html_of(parts: Sequence[tuple[str, str]]) -> str:
    return "".join(
        f"<p><b>{html.escape(title)}</b><br/>{html.escape(text).replace(chr(10), '<br/>') or '—'}</p>"
        for title, text in parts
    )


class SectionPart(QObject):
    """A group of sections of one case window, reading the case its Sections last read."""

    def __init__(self, sections: Sections) -> None:
        super().__init__(sections)
        self.s = sections
        self.w = sections.w
        self.ui = sections.ui

    @property
    def view(self) -> ops.CaseView | None:
        return self.s.view

    def _of(self, kind: type[Any]) -> list[Any]:
        return self.s._of(kind)

    def _seqs(self, kind: str) -> list[int]:
        return self.s._seqs(kind)

    def _record_at(self, kind: str, item: QTreeWidgetItem | None) -> Record | None:
        return self.s._record_at(kind, item)

    def _call(self, operation: Callable[..., Any], *args: Any, dialog: QWidget | None = None) -> None:
        self.s._call(operation, *args, dialog=dialog)

    def _show_buttons(self, enabled: bool, *buttons: QWidget) -> None:
        self.s._show_buttons(enabled, *buttons)
