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
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.ui.data import ops
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
    """Choose a folder, write one encrypted backup file there, show progress, allow 取消."""

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
        self.setWindowTitle(self.tr("备份到…"))
        self.setMinimumWidth(520)
        self._runner = runner
        self._workspace = workspace
        self._person = person
        self._context: TaskContext | None = None
        self.chooser: QWidget | None = None
        self.written: Path | None = None

        intro = QLabel(
            self.tr(
                "备份文件已加密，只能用恢复口令打开，可以放在U盘或其他电脑上。"
                "恢复时会先完整检查备份，当前数据库会先原样保留。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.folder_edit = QLineEdit(str(folder) if folder else "", self)
        self.folder_edit.setPlaceholderText(self.tr("选择备份保存到的文件夹"))
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        # The theme's dark red chunk hid a centred "100%" (dark on dark); the bar and the line below say it.
        self.progress.setTextVisible(False)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(
            self.tr("开始备份"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    @property
    def running(self) -> bool:
        return self._context is not None

    def _browse(self) -> None:
        self.chooser = choose_folder(
            self,
            self.tr("选择备份保存到的文件夹"),
            self.folder_edit.text(),
            lambda chosen: self.folder_edit.setText(str(chosen)),
        )

    def start(self) -> None:
        text = self.folder_edit.text().strip()
        if not text:
            self.status.setText(self.tr("请先选择一个文件夹。"))
            return
        self.start_button.setEnabled(False)
        self.folder_edit.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("正在备份…"))
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
            self.progress.setValue(int(done * 100 / total))

    def _done(self, path: Path) -> None:
        self._context = None
        self.written = path
        self.progress.setValue(100)
        self.status.setText(self.tr("备份完成：%1").replace("%1", str(path)))
        self.cancel_button.setText(self.tr("关闭"))
        self.finished_ok.emit(str(path))

    def _failed(self, error: BaseException) -> None:
        self._context = None
        self.start_button.setEnabled(True)
        self.folder_edit.setEnabled(True)
        self.progress.setValue(0)
        message = str(error) or self.tr("备份失败。当前数据库没有任何改动。")
        self.status.setText(message)
        self.failed.emit(message)

    def _cancel_or_close(self) -> None:
        if self._context is not None:
            self._context.cancel()
            self.status.setText(self.tr("正在取消…"))
            return
        self.reject()
