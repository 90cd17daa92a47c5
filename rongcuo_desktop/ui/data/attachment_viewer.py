"""Shows an evidence file from memory: images with QImage, PDFs page by page with PDFium.

Why PDFium (pypdfium2) and not QtPdf: PySide6-Essentials 6.9 has no QtPdf module (it is in the
much larger Addons wheel). PDFium opens the document from the bytes we hand it and renders pages
to memory, so no plaintext copy of the evidence is ever written to disk, not even to a temp folder.
Other file types cannot be shown here: the viewer offers 导出… to a folder the user chooses, with a
plain warning that the exported copy is NOT encrypted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QWidget,
)

from rongcuo_desktop.ui.forms.ui_attachment_viewer import Ui_AttachmentViewer
from rongcuo_desktop.ui.shell.messages import choose_folder, confirm, tell
from rongcuo_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff"}
#: export(folder) -> written path: a named function or method (it runs on the database thread).
ExportFunction = Callable[[Path], Path]


def viewable_kind(file_name: str, data_head: bytes) -> str:
    """'pdf', 'image' or 'other', by content first (a renamed file still opens), then by name."""
    if data_head.startswith(b"%PDF-"):
        return "pdf"
    if QImage.fromData(data_head).isNull() is False:
        return "image"
    suffix = Path(file_name).suffix.lower()
    if suffix == ".pdf":
        return "pdf"
    if suffix in IMAGE_SUFFIXES:
        return "image"
    return "other"


def render_pdf_page(data: bytes, index: int, scale: float = 1.5) -> tuple[QImage, int]:
    """Render one page of a PDF held in memory; returns (image, page count)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        count = len(document)
        page = document[max(0, min(index, count - 1))]
        bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB, tightly described by stride
        image = QImage(
            bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
        ).copy()  # own the pixels before the PDFium buffer goes away
        page.close()
        return image, count
    finally:
        document.close()


class AttachmentViewer(QDialog):
    """A window for one attachment. Holds the bytes only while it is open."""

    def __init__(
        self,
        file_name: str,
        data: bytes,
        *,
        export: ExportFunction | None = None,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner  # the export runs on the database worker, not the GUI thread
        if runner is None:
            export = None  # nowhere to run it: the viewer only shows
        self.message: QWidget | None = None  # the question or message shown last (tests answer it)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._file_name = file_name
        self._data: bytes | None = data
        self._export = export
        self.kind = viewable_kind(file_name, data[:64])
        self.page_count = 0
        self.error: str | None = None

        self.ui = Ui_AttachmentViewer()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("附件：%1").replace("%1", file_name))
        prefix, _number, suffix = self.tr("第 %1 页").partition("%1")
        self.ui.pageSpin.setPrefix(prefix)
        self.ui.pageSpin.setSuffix(suffix)
        self.ui.pageSpin.valueChanged.connect(lambda value: self._show_pdf_page(value - 1))
        self.ui.exportButton.setEnabled(export is not None)
        self.ui.exportButton.clicked.connect(self.export_with_warning)
        self.ui.closeButton.clicked.connect(self.close)
        self._show()

    def _show(self) -> None:
        assert self._data is not None
        self.ui.pageSpin.setVisible(self.kind == "pdf")
        self.ui.pageTotalLabel.setVisible(self.kind == "pdf")
        if self.kind == "image":
            image = QImage.fromData(self._data)
            if image.isNull():
                self._fail(
                    self.tr("无法显示这张图片（文件可能已损坏或格式不受支持）。可以导出后用其他程序查看。")
                )
                return
            self.ui.canvasLabel.setPixmap(QPixmap.fromImage(image))
        elif self.kind == "pdf":
            self._show_pdf_page(0)
        else:
            self.ui.canvasLabel.setText(
                self.tr("这种文件不能在程序内查看。\n如需查看，请点击“导出…”保存到您选择的文件夹。")
            )

    def _show_pdf_page(self, index: int) -> None:
        if self._data is None:
            return
        try:
            image, count = render_pdf_page(self._data, index)
        except Exception as error:  # PDFium raises its own PdfiumError for damaged files
            log.info("pdf attachment could not be rendered: %s", type(error).__name__)
            self._fail(self.tr("无法显示这个 PDF（文件可能已损坏或加了密码）。可以导出后用其他程序查看。"))
            return
        self.page_count = count
        self.ui.pageSpin.blockSignals(True)
        self.ui.pageSpin.setMaximum(max(1, count))
        self.ui.pageSpin.setValue(index + 1)
        self.ui.pageSpin.blockSignals(False)
        self.ui.pageTotalLabel.setText(self.tr("共 %1 页").replace("%1", str(count)))
        self.ui.canvasLabel.setPixmap(QPixmap.fromImage(image))

    def _fail(self, message: str) -> None:
        self.error = message
        self.ui.canvasLabel.setPixmap(QPixmap())
        self.ui.canvasLabel.setText(message)

    def export_with_warning(self) -> None:
        """The plaintext warning first; then a folder; then the export on the database worker."""
        if self._export is None:
            return
        self.message = warn_before_export(self, lambda: self._choose_folder())

    def _choose_folder(self) -> None:
        self.message = choose_folder(self, self.tr("选择导出到的文件夹"), "", self._export_to)

    def _export_to(self, folder: Path) -> None:
        assert self._export is not None and self._runner is not None
        self.ui.exportButton.setEnabled(False)
        self._runner.run_db(
            self._export, folder, receiver=self, done=self._exported, failed=self._export_failed
        )

    def _exported(self, written: Path) -> None:
        self.ui.exportButton.setEnabled(True)
        self.message = tell(
            self,
            self.tr("已导出"),
            self.tr("已保存到：%1").replace("%1", str(written)),
            icon=QMessageBox.Icon.Information,
        )

    def _export_failed(self, error: BaseException) -> None:
        self.ui.exportButton.setEnabled(True)
        self.message = tell(self, self.tr("导出失败"), str(error) or type(error).__name__)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._data = None  # drop the plaintext as soon as the window closes
        self.ui.canvasLabel.setPixmap(QPixmap())
        super().closeEvent(event)


def warn_before_export(parent: QWidget, go_on: Callable[[], None]) -> QMessageBox:
    """An exported attachment is a plaintext copy: say so, and go on only when the user agrees."""
    return confirm(
        parent,
        QCoreApplication.translate("AttachmentViewer", "导出附件"),
        QCoreApplication.translate(
            "AttachmentViewer",
            "导出的文件是未加密的明文副本，任何能访问该文件夹的人都能打开它。"
            "请只导出到您能控制的位置，用完后及时删除。是否继续？",
        ),
        QCoreApplication.translate("AttachmentViewer", "继续导出"),
        go_on,
    )
