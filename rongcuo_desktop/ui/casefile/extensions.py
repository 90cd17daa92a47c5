"""Where later features plug into the case window: the decision section's slot.

The scoring and hearing feature (issue 13) adds its judgment panel and its dialogs (scoring, the
decision) to the case window's 认定 section: it registers a factory here once, and every case window
builds that panel into its `decisionSlot`, handing it a CasePanelContext. The case window itself
shows the decision as recorded (read-only) and never scores.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from rongcuo_desktop.ui.shell.context import WindowContext


class CasePanelContext(QObject):
    """What a panel in the case window gets: the window's context, its case, and `case_changed`
    (the case was read again: after a move, a record, a decision). A panel that changes the case
    calls `reload()`."""

    case_changed = Signal()

    def __init__(self, ctx: WindowContext, case_id: int, reload: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self._reload = reload

    def reload(self) -> None:
        self._reload()


PanelFactory = Callable[[CasePanelContext, QWidget], QWidget]


@dataclass(frozen=True)
class _Registered:
    name: str
    factory: PanelFactory


_DECISION_PANELS: list[_Registered] = []


def add_decision_panel(name: str, factory: PanelFactory) -> None:
    """Put a panel in every case window's decision section (once per name; the last one wins)."""
    _DECISION_PANELS[:] = [r for r in _DECISION_PANELS if r.name != name]
    _DECISION_PANELS.append(_Registered(name, factory))


def remove_decision_panel(name: str) -> None:
    _DECISION_PANELS[:] = [r for r in _DECISION_PANELS if r.name != name]


def decision_panels() -> list[PanelFactory]:
    return [r.factory for r in _DECISION_PANELS]
