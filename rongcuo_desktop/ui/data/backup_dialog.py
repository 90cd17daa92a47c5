"""备份到…: choose a folder, write one encrypted backup file there, show progress, allow 取消.

The backup itself runs on the database worker (`TaskRunner.run_db_with_progress`), never on the GUI
thread: 1 GB of attachments takes seconds. The dialog only shows progress, passes a cancel request
and reports the outcome in Chinese. Layout: forms/backup_dialog.ui.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from rongcuo_desktop.services import backup
from rongcuo_desktop.ui.forms.ui_backup_dialog import Ui_BackupDialog
from rongcuo_desktop.ui.shell.messages import choose_folder
from rongcuo_desktop.ui.tasks import TaskContext, TaskRunner

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.workspace import Workspace


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
            backup.backup,
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
