"""Render one document and seal it: the pure part of an export (no store, no files)."""

from __future__ import annotations

from dataclasses import dataclass

from rongcuo_desktop.reports.document import Document
from rongcuo_desktop.reports.render import render
from rongcuo_desktop.reports.stamp import stamp_pdf
from rongcuo_desktop.seal.signer import Sealer, SealRequest

SEAL_REASON = "完整性签名（非GB/T 38540电子印章）"


@dataclass(frozen=True)
class SealedDocument:
    document: Document
    pdf: bytes
    pages: int


def seal_document(document: Document, sealer: Sealer, *, use_system_fonts: bool = True) -> SealedDocument:
    rendered = render(document, use_system_fonts=use_system_fonts)
    x1, y1, x2, y2 = rendered.signature_box

    def appearance(document_hash: str, signed_at: str) -> bytes:
        return stamp_pdf(
            width=x2 - x1,
            height=y2 - y1,
            doc_no=document.doc_no,
            document_hash=document_hash,
            signed_at=signed_at,
            signer=sealer.info,
        )

    request = SealRequest(
        page=rendered.pages - 1,
        box=rendered.signature_box,
        appearance=appearance,
        reason=SEAL_REASON,
        location=document.committee,
    )
    return SealedDocument(document, sealer.seal_pdf(rendered.pdf, request), rendered.pages)


def load_code() -> None:
    """Import what rendering and sealing use (reportlab's canvas and QR code, pyHanko) and register
    the report fonts, without making a document: the GUI calls it on a slow thread as the 报告 menu
    opens, so the first export does not wait for the imports (off the start-up path)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget  # noqa: F401
    from reportlab.pdfgen import canvas  # noqa: F401

    from rongcuo_desktop.reports.fonts import faces
    from rongcuo_desktop.seal import pades, verify  # noqa: F401

    faces()
