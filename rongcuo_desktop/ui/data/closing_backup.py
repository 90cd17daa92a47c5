"""The progress window of the backup at close: shown once the backup has run a moment, it stays
until the backup is written and checked, or stopped by 跳过这次备份 (which leaves no file).

Why a window after the main one has closed: at 1,000,000 cases or with 1 GB of attachments the
backup takes longer than any fixed wait, and an app that quit after a fixed wait cut the backup
off, leaving an unfinished file the size of the store at every close.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QPushButton

log = logging.getLogger(__name__)

SHOW_AFTER_MS = 500  # a small store's backup is done before a window could be read
_STEPS = 1000


class ClosingBackup(QProgressDialog):
    """Progress of the backup at close; `ended` once it is written, failed or skipped."""

    cancel_requested = Signal()
    ended = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("关闭前备份"))
        self.setLabelText(self.tr("正在写关闭前的自动备份（加密，写完后检查）……请稍候，不要关机。"))
        self.setCancelButtonText(self.tr("跳过这次备份"))
        bar = QProgressBar(self)
        bar.setTextVisible(False)
        self.setBar(bar)
        self.setRange(0, _STEPS)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(460)
        self.setMinimumDuration(SHOW_AFTER_MS)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.canceled.disconnect(self.cancel)  # QProgressDialog hides itself at once otherwise
        self.canceled.connect(self._skip)
        self.stopping = False
        self.outcome = ""  # "written", "skipped" or "failed" (tests, the log)
        self._checking = False

    def advance(self, done: int, total: int) -> None:
        if self.stopping or total <= 0:
            return
        if done >= total and not self._checking:
            self._checking = True  # copied: the written file is being checked (no steps to count)
            self.setLabelText(self.tr("备份已写出，正在检查写出的文件……"))
            self.setRange(0, 0)
            return
        if not self._checking:
            self.setValue(min(_STEPS - 1, done * _STEPS // total))

    def _skip(self) -> None:
        if self.stopping:
            return
        self.stopping = True
        self.setLabelText(self.tr("正在停止备份，未完成的文件会被删除……"))
        button = self.findChild(QPushButton)
        if button is not None:
            button.setEnabled(False)
        self.cancel_requested.emit()

    def written(self, _path: Path) -> None:
        self._end("written")

    def failed(self, error: BaseException) -> None:
        from rongcuo_desktop.services.backup import BackupCancelled

        skipped = isinstance(error, BackupCancelled)
        if not skipped:
            log.warning("backup at close failed: %s", type(error).__name__)
        self._end("skipped" if skipped else "failed")

    def _end(self, outcome: str) -> None:
        self.outcome = outcome
        log.info("backup at close: %s", outcome)
        self.hide()
        self.ended.emit()

    def reject(self) -> None:  # Esc: the same as 跳过, never a hidden window over running work
        self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # the title bar's ×, a logout's close-all
        event.ignore()
        self.canceled.emit()
