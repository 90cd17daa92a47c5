"""The statistics feature of the main window: 视图 → 案件统计…, one window, kept up to date.

Offered to everyone who may read cases (a 委员 sees the statistics of their own committees' cases;
the store narrows the counts). The window is made when first asked for and then only shown again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.menus import MenuName

if TYPE_CHECKING:
    from rongcuo_desktop.ui.stats.window import StatsWindow


class StatsActions(QObject):
    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.window: StatsWindow | None = None
        self.action = QAction(self.tr("案件统计…"), ctx.window)
        self.action.setObjectName("statsAction")
        self.action.triggered.connect(self.show_statistics)
        ctx.offer(MenuName.VIEW, self.action, Action.CASE_READ, Action.CASE_READ_ALL)

    def show_statistics(self) -> StatsWindow | None:
        from rongcuo_desktop.ui.stats.window import StatsWindow

        if self.ctx.workspace is None or self.ctx.person is None:
            return None
        if self.window is None:
            self.window = StatsWindow(self.ctx, self.ctx.window)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.window.refresh()
        return self.window
