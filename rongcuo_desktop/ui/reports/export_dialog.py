"""导出备案报告… (and the other two): the sealed document's pages before it is saved, then 保存….

The document is rendered and sealed on the database worker (it reads the case), its pages rendered
to pixels by PDFium on a slow thread, and shown here; 保存… writes those very bytes (under a
temporary name in the chosen folder, then renamed) and records the export with its SHA-256. So what
the secretary looked at is what leaves the committee, signature time included. Layout:
forms/report_export_dialog.ui.

导出备案包… (from here or from the menu) is package_export.py.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QWidget

from rongcuo_desktop.ui.forms.ui_report_export_dialog import Ui_ReportExportDialog
from rongcuo_desktop.ui.reports import ops
from rongcuo_desktop.ui.reports.folders import FOLDER_KEY, start_folder, with_suffix
from rongcuo_desktop.ui.reports.package_export import PackageExport
from rongcuo_desktop.ui.shell.messages import choose_file, confirm, tell

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from rongcuo_desktop.reports.export import SealedDocument
    from rongcuo_desktop.ui.reports.ops import ExportResult, PageImage
    from rongcuo_desktop.ui.shell.context import WindowContext

log = logging.getLogger(__name__)

KIND_LABELS: dict[str, object] = {
    "备案报告": QT_TRANSLATE_NOOP("ReportExportDialog", "备案报告"),
    "认定意见书": QT_TRANSLATE_NOOP("ReportExportDialog", "认定意见书"),
    "反馈通知书": QT_TRANSLATE_NOOP("ReportExportDialog", "结果反馈通知书"),
}
PAGE_BACKGROUND = "QWidget#pagesWidget { background: #8a8f98; }"


class ReportExportDialog(QDialog):
    """One case's document: kind, 公开版 or not, its pages, 保存… and 导出备案包…."""

    previewed = Signal(int)  # the number of pages shown
    saved = Signal(object)  # ExportResult
    failed = Signal(str)  # why there is nothing to save (shown in the dialog)

    def __init__(
        self, ctx: WindowContext, case_id: int, doc_no: str, kind: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ReportExportDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self.case_id = case_id
        self.doc_no = doc_no
        self.sealed: SealedDocument | None = None
        self.images: list[QImage] = []
        self.page_labels: list[QLabel] = []
        self.error_text = ""
        self.chooser: QWidget | None = None
        self.message: QWidget | None = None
        self.package: PackageExport | None = None
        self._request = 0
        self._saving = False
        for value, label in KIND_LABELS.items():
            self.ui.kindCombo.addItem(self.tr(str(label)), value)
        self.ui.kindCombo.setCurrentIndex(max(0, self.ui.kindCombo.findData(kind)))
        self.ui.caseLabel.setText(self.tr("案件：%1").replace("%1", doc_no))
        self.ui.pagesWidget.setStyleSheet(PAGE_BACKGROUND)
        self.ui.kindCombo.currentIndexChanged.connect(lambda _index: self.prepare())
        self.ui.publicCheck.toggled.connect(lambda _on: self.prepare())
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.packageButton.clicked.connect(self.export_package)
        self.ui.closeButton.clicked.connect(self.reject)
        self._set_busy(False)
        self._show_title()

    @property
    def kind(self) -> str:
        return str(self.ui.kindCombo.currentData())

    @property
    def public(self) -> bool:
        return self.ui.publicCheck.isChecked()

    def _show_title(self) -> None:
        label = self.ui.kindCombo.currentText()
        self.setWindowTitle(self.tr("导出%1 — %2").replace("%1", label).replace("%2", self.doc_no))

    def _set_busy(self, busy: bool) -> None:
        self.ui.busyBar.setVisible(busy)
        ready = not busy and self.sealed is not None and not self._saving
        self.ui.saveButton.setEnabled(ready)
        self.ui.packageButton.setEnabled(ready)
        self.ui.kindCombo.setEnabled(not self._saving)
        self.ui.publicCheck.setEnabled(not self._saving)

    # -- the preview -------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Render and seal the chosen document (database worker), then its pages (slow thread)."""
        self._show_title()
        workspace, person = self._ctx.workspace, self._ctx.person
        self._request += 1
        request = self._request
        self.sealed = None
        self.error_text = ""
        self._clear_pages()
        if workspace is None or person is None:
            self._failed(request, RuntimeError(self.tr("案件库已锁定：解锁后再导出。")))
            return
        self._placeholder(
            self.tr("正在生成并封存%1…").replace("%1", self.ui.kindCombo.currentText()), error=False
        )
        self.ui.statusLabel.setText("")
        self._set_busy(True)
        self._ctx.runner.run_db(
            ops.seal_for_preview,
            workspace,
            person,
            self.case_id,
            ops.Kind(self.kind),
            self.public,
            receiver=self,
            done=lambda sealed: self._sealed(request, sealed),
            failed=lambda error: self._failed(request, error),
        )

    def _sealed(self, request: int, sealed: SealedDocument) -> None:
        if request != self._request:
            return  # another kind or version was chosen meanwhile
        self.sealed = sealed
        self._placeholder(self.tr("正在生成预览…"), error=False)
        self._ctx.runner.run_slow(
            ops.render_pages,
            sealed.pdf,
            self._render_width(),
            receiver=self,
            done=lambda pages: self._rendered(request, pages),
            failed=lambda error: self._failed(request, error),
        )

    def _render_width(self) -> int:
        """Pixels across a page: the viewport's width on this screen (sharp at its scale), bounded."""
        width = self._page_width() * self.devicePixelRatioF()
        return int(min(max(width, 480), 1600))

    def _page_width(self) -> int:
        return max(200, self.ui.previewArea.viewport().width() - 40)

    def _rendered(self, request: int, pages: list[PageImage]) -> None:
        if request != self._request:
            return
        sealed = self.sealed
        assert sealed is not None
        self._clear_pages()
        self.ui.placeholderLabel.hide()
        layout = self.ui.pagesLayout
        count = len(pages)
        for number, page in enumerate(pages, 1):
            image = QImage(
                page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGB888
            ).copy()
            label = QLabel(self.ui.pagesWidget)
            label.setObjectName(f"page{number}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setFrameShape(QFrame.Shape.Box)
            where = self.tr("第 %1 页，共 %2 页").replace("%1", str(number)).replace("%2", str(count))
            label.setToolTip(where)
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            caption = QLabel(
                self.tr("— 第 %1 页，共 %2 页 —").replace("%1", str(number)).replace("%2", str(count)),
                self.ui.pagesWidget,
            )
            caption.setStyleSheet("color: white;")
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(caption)
            self.images.append(image)
            self.page_labels.append(label)
        layout.addStretch(1)
        self._scale_pages()
        self._set_busy(False)
        self.ui.statusLabel.setText(
            self.tr(
                "共 %1 页，已签名封存（SHA-256 %2…）。预览的就是将要保存的文件：保存时写入的正是这份文件，"
                "导出记入审计记录。"
            )
            .replace("%1", str(count))
            .replace("%2", ops.sha256_of(sealed.pdf)[:16])
        )
        self.previewed.emit(count)

    def _scale_pages(self) -> None:
        width = self._page_width()
        for image, label in zip(self.images, self.page_labels, strict=True):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            scaled = pixmap.scaledToWidth(
                int(width * self.devicePixelRatioF()), Qt.TransformationMode.SmoothTransformation
            )
            label.setPixmap(scaled)

    def _clear_pages(self) -> None:
        layout = self.ui.pagesLayout
        while layout.count() > 1:
            item = layout.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.images = []
        self.page_labels = []

    def _placeholder(self, text: str, *, error: bool) -> None:
        label = self.ui.placeholderLabel
        label.setStyleSheet(
            "color: #8b0000; background: white; padding: 16px;" if error else "color: white; padding: 16px;"
        )
        label.setText(text)
        label.show()

    def _failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        self.sealed = None
        message = str(error) or type(error).__name__
        if not isinstance(error, ops.ReportError):
            log.warning("report preview failed: %s", type(error).__name__)
        self.error_text = message
        self._clear_pages()
        self._placeholder(message, error=True)
        self.ui.statusLabel.setText(self.tr("没有可保存的文件。"))
        self._set_busy(False)
        self.failed.emit(message)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.images:
            self._scale_pages()

    # -- saving ------------------------------------------------------------------------------------

    def save(self) -> None:
        if self.sealed is None:
            return
        name = ops.document_file_name(ops.Kind(self.kind), self.doc_no, public=self.public)
        self.chooser = choose_file(
            self,
            self.tr("保存封存的文件"),
            start_folder(self._ctx.settings) / name,
            self.tr("PDF 文件 (*.pdf)"),
            self._chosen,
            save=True,
        )

    def _chosen(self, chosen: Path) -> None:
        path = with_suffix(chosen, ".pdf")
        self._ctx.settings.setValue(FOLDER_KEY, str(path.parent))
        if path != chosen and path.exists():  # a name we completed: the save dialog did not ask
            self.message = confirm(
                self,
                self.tr("替换文件"),
                self.tr("%1 已经存在。要替换它吗？").replace("%1", str(path)),
                self.tr("替换"),
                lambda: self._write(path),
            )
            return
        self._write(path)

    def _write(self, path: Path) -> None:
        workspace, person, sealed = self._ctx.workspace, self._ctx.person, self.sealed
        if workspace is None or person is None or sealed is None:
            return
        self._saving = True
        self._set_busy(True)
        self.ui.statusLabel.setText(self.tr("正在保存到 %1…").replace("%1", str(path)))
        self._ctx.runner.run_db(
            ops.save_document,
            workspace,
            person,
            self.case_id,
            sealed,
            path,
            self.public,
            receiver=self,
            done=self._saved,
            failed=self._save_failed,
        )

    def _saved(self, result: ExportResult) -> None:
        self._saving = False
        self._set_busy(False)
        text = (
            self.tr("已保存：%1（%2 页，SHA-256 %3）。这次导出已记入审计记录。")
            .replace("%1", str(result.path))
            .replace("%2", str(result.pages))
            .replace("%3", result.sha256)
        )
        self.ui.statusLabel.setText(text)
        shown = self.tr("已导出 %1：%2").replace("%1", result.kind).replace("%2", str(result.path))
        self._ctx.status(shown, 8000)
        self.saved.emit(result)

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        self._set_busy(False)
        message = str(error) or type(error).__name__
        self.ui.statusLabel.setText(self.tr("没有保存：%1").replace("%1", message))
        self.message = tell(self, self.tr("保存未完成"), message)

    def export_package(self) -> None:
        self.package = PackageExport(self._ctx, self.case_id, self.doc_no, self)
        self.package.start()

    def reject(self) -> None:
        if self._saving:
            return  # the file is being written: the dialog stays until it is
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._saving:
            event.ignore()
            return
        self.images = []
        super().closeEvent(event)
