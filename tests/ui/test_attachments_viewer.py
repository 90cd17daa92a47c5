"""The attachment viewer shows PDFs and images from memory and never writes a plaintext copy."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from rongcuo_desktop.ui.data.attachment_viewer import AttachmentViewer, render_pdf_page, viewable_kind


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


def test_pdf_renders_pages_from_memory(qtbot: QtBot, watched_tmp: Path) -> None:
    """Given a 3-page PDF held only in memory, when the viewer opens it and turns to page 3,
    then pages render (dark pixels where the rectangle is) and no file appears in TMPDIR."""
    data = make_pdf(3)
    viewer = AttachmentViewer("调查报告.pdf", data)
    qtbot.addWidget(viewer)
    assert viewer.kind == "pdf" and viewer.error is None
    assert viewer.page_count == 3
    viewer.page_box.setValue(3)
    pixmap = viewer.canvas.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 500
    image, count = render_pdf_page(data, 2)
    assert count == 3
    dark = image.pixelColor(int(image.width() * 0.4), int(image.height() * 0.3))
    assert dark.lightness() < 50, "the black rectangle must be drawn"
    assert files_under(watched_tmp) == set()


def test_image_opens_and_damaged_pdf_says_so(qtbot: QtBot, watched_tmp: Path) -> None:
    """Given a PNG and a PDF cut in half, the PNG shows; the broken PDF shows a Chinese message."""
    png = AttachmentViewer("现场照片.png", make_png())
    qtbot.addWidget(png)
    assert png.kind == "image" and png.canvas.pixmap().width() == 40
    broken = AttachmentViewer("坏文件.pdf", make_pdf(2)[:300])
    qtbot.addWidget(broken)
    assert broken.error is not None and "无法显示" in broken.error
    assert files_under(watched_tmp) == set()


def test_other_types_offer_export_only(qtbot: QtBot) -> None:
    """Given a Word file, the viewer does not try to show it and enables 导出… when export exists."""
    viewer = AttachmentViewer("申辩材料.docx", b"PK\x03\x04" + os.urandom(100), export=lambda p: p)
    qtbot.addWidget(viewer)
    assert viewer.kind == "other"
    assert "导出" in viewer.canvas.text()
    assert viewer.export_button.isEnabled()
    assert viewable_kind("x.bin", b"%PDF-1.4") == "pdf"


def test_export_warns_then_runs_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given 导出…, the user first sees the plaintext warning; after 是 and a folder, the export runs
    on the database worker and the result is reported. Saying 否 exports nothing."""
    import threading

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from rongcuo_desktop.ui.tasks import TaskRunner

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    warned: list[str] = []
    informed: list[str] = []
    threads: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text) or answers.pop(0)
    )
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: informed.append(text))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path))

    def export(folder: Path) -> Path:
        threads.append(threading.current_thread().name)
        target = folder / "申辩材料.docx"
        target.write_bytes(b"PK")
        return target

    runner = TaskRunner()
    try:
        viewer = AttachmentViewer("申辩材料.docx", b"PK\x03\x04", export=export, runner=runner)
        qtbot.addWidget(viewer)
        viewer.export_with_warning()
        assert threads == [] and "明文" in warned[0]
        viewer.export_with_warning()
        qtbot.waitUntil(lambda: bool(informed), timeout=5000)
    finally:
        runner.shutdown()
    assert threads and threads[0] != threading.main_thread().name
    assert (tmp_path / "申辩材料.docx").exists() and "申辩材料.docx" in informed[0]
