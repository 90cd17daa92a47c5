"""导出备案包… (from the 报告 menu or the export dialog): the .zip of one decided case, i.e. the three
documents and their 公开 versions, the case file, the signed manifest and the root certificate.
Written on the database worker with progress; 取消 is heard between the documents and before the
write, so no partial .zip is ever left.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from rongcuo_desktop.ui.reports import ops
from rongcuo_desktop.ui.reports.folders import FOLDER_KEY, start_folder, with_suffix
from rongcuo_desktop.ui.shell.messages import choose_file, tell

if TYPE_CHECKING:
    from rongcuo_desktop.ui.reports.ops import ExportResult
    from rongcuo_desktop.ui.shell.context import WindowContext
    from rongcuo_desktop.ui.tasks import TaskContext

log = logging.getLogger(__name__)


class PackageExport(QObject):
    """导出备案包…: where to, then the .zip written on the database worker, then what was written."""

    done = Signal(object)  # ExportResult
    failed = Signal(str)
    cancelled = Signal()  # nothing written

    def __init__(self, ctx: WindowContext, case_id: int, doc_no: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._parent = parent
        self.case_id = case_id
        self.doc_no = doc_no
        self.chooser: QWidget | None = None
        self.message: QWidget | None = None
        self.progress: QProgressDialog | None = None
        self.task: TaskContext | None = None
        self.last_message = ""

    def start(self) -> PackageExport:
        self.chooser = choose_file(
            self._parent,
            self.tr("导出备案包到"),
            start_folder(self._ctx.settings) / ops.package_file_name(self.doc_no),
            self.tr("备案包 (*.zip)"),
            self._chosen,
            save=True,
        )
        return self

    def _chosen(self, chosen: Path) -> None:
        path = with_suffix(chosen, ".zip")
        self._ctx.settings.setValue(FOLDER_KEY, str(path.parent))
        workspace, person = self._ctx.workspace, self._ctx.person
        if workspace is None or person is None:
            return
        progress = QProgressDialog(
            self.tr("正在生成备案包：六份封存文件、案件文件、签名的清单…"),
            self.tr("取消"),
            0,
            7,
            self._parent,
        )
        progress.setWindowTitle(self.tr("导出备案包"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(300)
        progress.setMinimumWidth(420)
        self.progress = progress
        self.task = self._ctx.runner.run_db_with_progress(
            ops.save_package_or_cancel,
            workspace,
            person,
            self.case_id,
            path,
            receiver=self,
            done=self._written,
            failed=self._failed,
            progress=self._progressed,
        )
        progress.canceled.connect(self.cancel)

    def cancel(self) -> None:
        """取消: heard between the documents and before the write, so no partial .zip is left."""
        if self.task is not None and self.progress is not None:
            self.task.cancel()
            self.progress.setLabelText(self.tr("正在取消…（不会留下不完整的备案包）"))

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _end(self) -> None:
        if self.progress is not None:
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None

    def _written(self, result: ExportResult | None) -> None:
        self._end()
        if result is None:
            self.last_message = self.tr("已取消：没有写出备案包，也没有记入审计记录。")
            self._ctx.status(self.last_message, 8000)
            self.cancelled.emit()
            return
        self.last_message = self.tr("已导出备案包：%1").replace("%1", str(result.path))
        self.message = tell(
            self._parent,
            self.tr("备案包已导出"),
            self.last_message,
            self.tr(
                "内含 %1 份封存的文件（三份文件及其公开版）、案件文件、签名的清单和根证书。"
                "SHA-256：%2。这次导出已记入审计记录。"
            )
            .replace("%1", str(result.pages))
            .replace("%2", result.sha256),
            icon=QMessageBox.Icon.Information,
        )
        self._ctx.status(self.last_message, 8000)
        self.done.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._end()
        self.last_message = str(error) or type(error).__name__
        if not isinstance(error, ops.ReportError):
            log.warning("package export failed: %s", type(error).__name__)
        self.message = tell(self._parent, self.tr("备案包没有导出"), self.last_message)
        self.failed.emit(self.last_message)
