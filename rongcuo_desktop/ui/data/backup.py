"""备份到… (any folder, a USB stick) with progress and cancel, and the offer to restore after damage.

The backup itself runs on the database worker (`TaskRunner.run_db_with_progress`), never on the GUI
thread: 1 GB of attachments takes seconds. The dialog only shows progress, passes a cancel request
and reports the outcome in Chinese.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rongcuo_desktop.store.backup import (
    BackupManifest,
    StoreFiles,
    create_backup,
)
from rongcuo_desktop.ui.tasks import TaskContext, TaskRunner


class BackupDialog(QDialog):
    """Choose a folder, write one encrypted backup file there, show progress, allow 取消."""

    finished_ok = Signal(str)  # path of the written backup
    failed = Signal(str)  # Chinese message (also shown in the dialog)

    def __init__(
        self,
        runner: TaskRunner,
        files: StoreFiles,
        key: Callable[[], bytes],
        *,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("备份到…"))
        self.setMinimumWidth(520)
        self._runner = runner
        self._files = files
        self._key = key
        self._context: TaskContext | None = None
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
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("选择备份保存到的文件夹"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)

    def start(self) -> None:
        text = self.folder_edit.text().strip()
        if not text:
            self.status.setText(self.tr("请先选择一个文件夹。"))
            return
        folder = Path(text)
        files, key_source = self._files, self._key
        self.start_button.setEnabled(False)
        self.folder_edit.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("正在备份…"))

        def work(context: TaskContext) -> Path:
            return create_backup(
                files,
                key_source(),
                folder,
                kind="manual",
                progress=context.report,
                cancelled=lambda: context.cancelled,
            )

        self._context = self._runner.run_db_with_progress(
            work,
            receiver=self,
            on_success=self._done,
            on_failure=self._failed,
            on_progress=self._progressed,
            label="backup",
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


class RestoreOfferDialog(QDialog):
    """Shown when the store is damaged: offers the newest good backup. Never offers 'start over'."""

    def __init__(self, problem: str, newest: BackupManifest | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("数据库已损坏"))
        self.setMinimumWidth(520)
        lines = [
            self.tr("数据库文件未通过完整性检查，可能被改动或损坏。文件保持原样，没有被删除或重建。"),
            self.tr("检查结果：%1").replace("%1", problem[:200]),
        ]
        if newest is not None:
            lines.append(
                self.tr("最近一份完好的备份：%1（%2）")
                .replace("%1", newest.created_local)
                .replace("%2", newest.path.name)
            )
            lines.append(self.tr("恢复时，当前损坏的文件会先原样保存到备份文件夹中。"))
        else:
            lines.append(self.tr("没有找到这个库的完好备份。请联系管理员，不要删除数据目录中的文件。"))
        text = QLabel("\n".join(lines), self)
        text.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(
            self.tr("从该备份恢复"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(newest is not None)
        quit_button = buttons.addButton(self.tr("退出程序"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.accept)
        quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
