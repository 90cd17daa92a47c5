"""数据 → 备份到… (any folder, a USB stick; the dialog is backup_dialog.py, imported when first
opened), and the backup at close. A backup changes nothing, so it is offered while read-only too.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services import backup
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.menus import MenuName

if TYPE_CHECKING:
    from rongcuo_desktop.ui.data.backup_dialog import BackupDialog

    pass

log = logging.getLogger(__name__)

BACKUP_FOLDER_KEY = "safety/last_backup_folder"
KEEP_BACKUPS_KEY = "safety/keep_backups"
DEFAULT_KEEP = 10


class BackupActions(QObject):
    """备份到… in the 数据 menu, and the automatic backup as the app ends."""

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self.dialog: BackupDialog | None = None
        self.action = QAction(self.tr("备份到…"), ctx.window)
        self.action.setObjectName("backupAction")
        self.action.triggered.connect(self.show_backup)
        ctx.offer(MenuName.DATA, self.action, Action.BACKUP)  # a backup changes nothing: kept read-only

    def show_backup(self) -> None:
        workspace = self._ctx.workspace
        if workspace is None:
            return
        folder = str(self._ctx.settings.value(BACKUP_FOLDER_KEY, "") or "")
        person = self._ctx.person
        if person is None:
            return
        from rongcuo_desktop.ui.data.backup_dialog import BackupDialog  # off the start path

        dialog = BackupDialog(
            self._ctx.runner,
            workspace,
            person,
            folder=Path(folder) if folder else None,
            parent=self._ctx.window,
        )
        dialog.finished_ok.connect(
            lambda path: self._ctx.settings.setValue(BACKUP_FOLDER_KEY, str(Path(path).parent))
        )
        self.dialog = dialog
        dialog.show()

    def at_close(self) -> None:
        """Queue the automatic backup before the store is closed (rotating, default 10 kept)."""
        workspace = self._ctx.workspace
        if workspace is None or not workspace.is_open:
            return  # locked: nothing was changed since the store was closed
        keep = int(self._ctx.settings.value(KEEP_BACKUPS_KEY, DEFAULT_KEEP))  # type: ignore[call-overload]
        self._ctx.runner.run_db(
            functools.partial(backup.backup_at_close, keep=keep),
            workspace,
            receiver=self,
            done=_ignore,
            failed=_backup_failed,
        )


def _ignore(_path: Path) -> None:
    """Nobody waits for the backup at close (the app is ending); the log has it."""


def _backup_failed(error: BaseException) -> None:
    log.warning("backup at close failed: %s", type(error).__name__)
