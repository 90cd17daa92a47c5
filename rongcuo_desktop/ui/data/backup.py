"""数据 → 备份到… (any folder, a USB stick) with progress and cancel, and the backup at close.

The backup itself runs on the database worker (`TaskRunner.run_db_with_progress`), never on the GUI
thread: 1 GB of attachments takes seconds. The dialog only shows progress, passes a cancel request
and reports the outcome in Chinese. A backup changes nothing, so it is offered while read-only too.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.ui.data import ops
from rongcuo_desktop.ui.forms.ui_backup_dialog import Ui_BackupDialog
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.menus import MenuName
from rongcuo_desktop.ui.shell.messages import choose_folder
from rongcuo_desktop.ui.tasks import TaskContext, TaskRunner

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.workspace import Workspace

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
            ops.back_up_at_close, workspace, keep, receiver=self, done=_ignore, failed=_backup_failed
        )


def _ignore(_path: Path) -> None:
    """Nobody waits for the backup at close (the app is ending); the log has it."""


def _backup_failed(error: BaseException) -> None:
    log.warning("backup at close failed: %s", type(error).__name__)


class BackupDialog(QDialog):
    """Choose a folder, write one encrypted backup file there, show progress, allow 取消.
    Layout: forms/backup_dialog.ui."""

    finished_ok = Signal(str)  # path of the written backup
    failed = Signal(str)  # Chinese message (also shown in the dialog)

    def __init__(
        self,
        runner: TaskRunner,
        workspace: Workspace,
        person: Credential,
        *,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_BackupDialog()
        self.ui.setupUi(self)
        self._runner = runner
        self._workspace = workspace
        self._person = person
        self._context: TaskContext | None = None
        self.chooser: QWidget | None = None
        self.written: Path | None = None
        self.ui.folderEdit.setText(str(folder) if folder else "")
        # The theme's dark red chunk hid a centred "100%" (dark on dark); the bar and the line below say it.
        self.ui.progressBar.setRange(0, 100)
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.startButton.clicked.connect(self.start)
        self.ui.cancelButton.clicked.connect(self._cancel_or_close)

    @property
    def running(self) -> bool:
        return self._context is not None

    def _browse(self) -> None:
        self.chooser = choose_folder(
            self,
            self.tr("选择备份保存到的文件夹"),
            self.ui.folderEdit.text(),
            lambda chosen: self.ui.folderEdit.setText(str(chosen)),
        )

    def start(self) -> None:
        text = self.ui.folderEdit.text().strip()
        if not text:
            self.ui.statusLabel.setText(self.tr("请先选择一个文件夹。"))
            return
        self.ui.startButton.setEnabled(False)
        self.ui.folderEdit.setEnabled(False)
        self.ui.progressBar.setValue(0)
        self.ui.statusLabel.setText(self.tr("正在备份…"))
        self._context = self._runner.run_db_with_progress(
            ops.back_up_to,
            self._workspace,
            self._person,
            Path(text),
            receiver=self,
            done=self._done,
            failed=self._failed,
            progress=self._progressed,
        )

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.ui.progressBar.setValue(int(done * 100 / total))

    def _done(self, path: Path) -> None:
        self._context = None
        self.written = path
        self.ui.progressBar.setValue(100)
        self.ui.statusLabel.setText(self.tr("备份完成：%1").replace("%1", str(path)))
        self.ui.cancelButton.setText(self.tr("关闭"))
        self.finished_ok.emit(str(path))

    def _failed(self, error: BaseException) -> None:
        self._context = None
        self.ui.startButton.setEnabled(True)
        self.ui.folderEdit.setEnabled(True)
        self.ui.progressBar.setValue(0)
        message = str(error) or self.tr("备份失败。当前数据库没有任何改动。")
        self.ui.statusLabel.setText(message)
        self.failed.emit(message)

    def _cancel_or_close(self) -> None:
        if self._context is not None:
            self._context.cancel()
            self.ui.statusLabel.setText(self.tr("正在取消…"))
            return
        self.reject()
