"""数据 → 备份到… (any folder, a USB stick; the dialog is backup_dialog.py, imported when first
opened), and the backup at close. A backup changes nothing, so it is offered while read-only too.

The backup at close is never cut off: the app waits for it with a progress window (closing_backup.py)
after its window has closed; 跳过这次备份 stops it and leaves no file.
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
    from rongcuo_desktop.ui.data.closing_backup import ClosingBackup

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
        self.closing: ClosingBackup | None = None
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

    def at_close(self) -> ClosingBackup | None:
        """Start the automatic backup before the store is closed (rotating, default 10 kept), with a
        progress window; None when there is nothing to back up (locked: the store is closed).
        The window's `ended` says when the backup is written, failed or skipped."""
        workspace = self._ctx.workspace
        if workspace is None or not workspace.is_open:
            return None  # locked: nothing was changed since the store was closed
        keep = int(self._ctx.settings.value(KEEP_BACKUPS_KEY, DEFAULT_KEEP))  # type: ignore[call-overload]
        from rongcuo_desktop.ui.data.closing_backup import ClosingBackup

        closing = ClosingBackup()
        context = self._ctx.runner.run_db_with_progress(
            functools.partial(backup.backup_at_close, keep=keep),
            workspace,
            receiver=closing,
            done=closing.written,
            failed=closing.failed,
            progress=closing.advance,
        )
        closing.cancel_requested.connect(context.cancel)
        self.closing = closing
        return closing
