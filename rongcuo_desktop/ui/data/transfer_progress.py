"""The progress dialog of an export or import: it stays up after 取消 until the work has stopped."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QPushButton, QWidget

SHOW_PROGRESS_AFTER_MS = 400  # a few cases are done before a progress dialog could be read


class TransferProgress(QProgressDialog):
    """A progress dialog that stays up after 取消 and says 正在取消… until the work has stopped: until
    then the export may still finish (the user is told so), and nothing else should start."""

    cancel_requested = Signal()

    def __init__(self, title: str, text: str, total: int, parent: QWidget) -> None:
        super().__init__(text, "", 0, total, parent)
        self.setWindowTitle(title)
        self.setCancelButtonText(self.tr("取消"))
        bar = QProgressBar(self)
        bar.setTextVisible(False)  # the label says "x / N 件"; a centred % vanished on the dark chunk
        self.setBar(bar)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        self.canceled.disconnect(self.cancel)  # QProgressDialog hides itself at once otherwise
        self.canceled.connect(self._cancel)
        self.stopping = False

    def _cancel(self) -> None:
        if self.stopping:
            return
        self.stopping = True
        self.setLabelText(self.tr("正在取消…"))
        button = self.findChild(QPushButton)
        if button is not None:
            button.setEnabled(False)
        self.cancel_requested.emit()

    def reject(self) -> None:  # Esc: the same as 取消, never a hidden dialog over running work
        self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.canceled.emit()

    def finish(self) -> None:
        self.hide()
        self.deleteLater()
