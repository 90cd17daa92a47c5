"""数据 → 检查数据库完整性, and the quick check once the window is up.

Both only read. On damage the newest good backup is offered to the 主任 (data/restore.py); nobody
is ever offered to "start over". The quick check (PRAGMA quick_check, 0.4 s at 100,000 cases and
2.5 s with 1 GB of attachments: too slow for the open itself) runs on a connection of its own, off
the database thread, after the first paint.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from rongcuo_desktop.services import backup
from rongcuo_desktop.ui.data.restore import RestoreActions
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.menus import MenuName
from rongcuo_desktop.ui.shell.messages import tell

if TYPE_CHECKING:
    from rongcuo_desktop.services.backup import DamageReport

log = logging.getLogger(__name__)


class IntegrityCheck(QObject):
    def __init__(self, ctx: WindowContext, restore: RestoreActions) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self._restore = restore
        self.dialog: QWidget | None = None
        self.action = QAction(self.tr("检查数据库完整性"), ctx.window)
        self.action.setObjectName("checkIntegrityAction")
        self.action.triggered.connect(self.check)
        ctx.offer(MenuName.DATA, self.action)

    def check(self) -> None:
        workspace = self._ctx.workspace
        if workspace is not None:
            self._ctx.runner.run_db(
                backup.check_integrity, workspace, receiver=self, done=self._checked, failed=self._failed
            )

    def _checked(self, report: DamageReport) -> None:
        if report.damaged:
            self._restore.offer_newest(report.summary, report.newest_good)
            return
        self.dialog = tell(
            self._ctx.window,
            self.tr("检查数据库完整性"),
            self.tr("数据库完好：两项完整性检查均已通过。"),
            icon=QMessageBox.Icon.Information,
        )

    def _failed(self, error: BaseException) -> None:
        self.dialog = tell(self._ctx.window, self.tr("数据库"), str(error) or type(error).__name__)

    def check_in_background(self) -> None:
        """PRAGMA quick_check once the window is up, on its own connection off the database thread;
        on damage, the same offer as 检查数据库完整性."""
        workspace = self._ctx.workspace
        if workspace is not None and workspace.is_open:
            self._ctx.runner.run_slow(
                functools.partial(backup.check_integrity, quick=True),
                workspace,
                receiver=self,
                done=self._quick_checked,
                failed=_not_checked,
            )

    def _quick_checked(self, report: DamageReport) -> None:
        if report.problems and self._ctx.workspace is not None:
            self._restore.offer_newest(report.summary, report.newest_good)


def _not_checked(error: BaseException) -> None:
    log.warning("quick check failed: %s", type(error).__name__)
