"""The attachment viewer shows PDFs and images from memory and never writes a plaintext copy."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from rongcuo_desktop.ui.data.attachment_viewer import AttachmentViewer, render_pdf_page, viewable_kind
from rongcuo_desktop.ui.tasks import TaskRunner


def make_pdf(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for number in range(pages):
        pdf.setFillColorRGB(0, 0, 0)
        pdf.rect(100, 500, 300, 200, fill=1)
        pdf.drawString(100, 750, f"page {number + 1}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_png() -> bytes:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#c00000"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def watched_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


def test_pdf_renders_pages_from_memory(qtbot: QtBot, runner: TaskRunner, watched_tmp: Path) -> None:
    """Given a 3-page PDF held only in memory, when the viewer opens it and turns to page 3,
    then pages render (dark pixels where the rectangle is) and no file appears in TMPDIR."""
    data = make_pdf(3)
    viewer = AttachmentViewer("调查报告.pdf", data, runner=runner)
    qtbot.addWidget(viewer)
    assert viewer.kind == "pdf" and viewer.error is None
    assert viewer.page_count == 3
    viewer.ui.pageSpin.setValue(3)
    pixmap = viewer.ui.canvasLabel.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 500
    image, count = render_pdf_page(data, 2)
    assert count == 3
    dark = image.pixelColor(int(image.width() * 0.4), int(image.height() * 0.3))
    assert dark.lightness() < 50, "the black rectangle must be drawn"
    assert files_under(watched_tmp) == set()


def test_image_opens_and_damaged_pdf_says_so(qtbot: QtBot, runner: TaskRunner, watched_tmp: Path) -> None:
    """Given a PNG and a PDF cut in half, the PNG shows; the broken PDF shows a Chinese message."""
    png = AttachmentViewer("现场照片.png", make_png(), runner=runner)
    qtbot.addWidget(png)
    assert png.kind == "image" and png.ui.canvasLabel.pixmap().width() == 40
    broken = AttachmentViewer("坏文件.pdf", make_pdf(2)[:300], runner=runner)
    qtbot.addWidget(broken)
    assert broken.error is not None and "无法显示" in broken.error
    assert files_under(watched_tmp) == set()


def test_other_types_offer_export_only(qtbot: QtBot, runner: TaskRunner) -> None:
    """Given a Word file, the viewer does not try to show it and enables 导出… when export exists."""
    viewer = AttachmentViewer(
        "申辩材料.docx", b"PK\x03\x04" + os.urandom(100), export=write_copy, runner=runner
    )
    qtbot.addWidget(viewer)
    assert viewer.kind == "other"
    assert "导出" in viewer.ui.canvasLabel.text()
    assert viewer.ui.exportButton.isEnabled()
    assert viewable_kind("x.bin", b"%PDF-1.4") == "pdf"


EXPORT_THREADS: list[str] = []


def write_copy(folder: Path) -> Path:
    """Stands in for the store's export (a named function: it runs on the database thread)."""
    EXPORT_THREADS.append(threading.current_thread().name)
    target = folder / "申辩材料.docx"
    target.write_bytes(b"PK")
    return target


def test_export_warns_then_runs_off_the_gui_thread(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    """Given 导出…, the user first sees the plaintext warning; saying 取消 exports nothing; after
    继续导出 and a folder, the export runs on the database worker and the result is reported."""
    EXPORT_THREADS.clear()
    viewer = AttachmentViewer("申辩材料.docx", b"PK\x03\x04", export=write_copy, runner=runner)
    qtbot.addWidget(viewer)
    viewer.export_with_warning()
    warning = viewer.message
    assert isinstance(warning, QMessageBox) and "明文" in warning.text()
    warning.button(QMessageBox.StandardButton.Cancel).click()
    assert EXPORT_THREADS == [] and not isinstance(viewer.message, QFileDialog)
    viewer.export_with_warning()
    warning = viewer.message
    assert isinstance(warning, QMessageBox)
    warning.button(QMessageBox.StandardButton.Ok).click()
    chooser = viewer.message
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()
    chooser.setDirectory(str(tmp_path))
    chooser.selectFile(str(tmp_path))
    chooser.accept()
    qtbot.waitUntil(
        lambda: isinstance(viewer.message, QMessageBox) and "已保存到" in viewer.message.text(), timeout=5000
    )
    assert EXPORT_THREADS and EXPORT_THREADS[0] != threading.main_thread().name
    assert (tmp_path / "申辩材料.docx").exists()
    assert "申辩材料.docx" in viewer.message.text()  # type: ignore[union-attr]
