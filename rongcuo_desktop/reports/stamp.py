"""The visible signature block: committee, time, certificate fingerprint, and a QR code.

Drawn by reportlab as a one-page PDF the size of the block; the sealer places it as the signature
field's appearance, so the signature covers it. The QR code holds the 文号 and the SHA-256 of the
document as rendered before sealing (what `rongcuo verify` prints as 原文 SHA-256). No red, no
circle, nothing that imitates an official seal.
"""

from __future__ import annotations

import io
from typing import Any

from rongcuo_desktop.reports import layout as L
from rongcuo_desktop.reports.fonts import faces
from rongcuo_desktop.seal.signer import SignerInfo

TEXT_SIZE = 5.6
LINE = 9.0
QR_MARGIN = 1.0  # mm around the code inside its square
QR_MASK = 0


def qr_payload(doc_no: str, document_hash: str) -> str:
    return f"文号:{doc_no}\nSHA-256:{document_hash}"


def draw_qr(c: Any, payload: str, x: float, y: float, side: float) -> None:
    """The QR code's dark modules as filled rectangles (reportlab's widget renderer would also
    set its default Helvetica in the page, which the PDF must not name)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    qr = QrCodeWidget(payload, barLevel="M").qr
    if qr.version is None:
        qr.version = qr.calculate_version()
    # One fixed mask instead of trying all eight for the lowest penalty (eight times the work, about
    # 30 ms): any mask is a valid code that every reader decodes.
    qr.makeImpl(False, QR_MASK)
    modules = qr.modules
    count = len(modules)
    # In module units under one transform, so each rectangle is four small integers: formatting
    # hundreds of floats through reportlab's rect() was most of the block's cost.
    runs: list[str] = []
    for row_index, row in enumerate(modules):
        column = 0
        while column < count:
            if row[column]:
                start = column
                while column < count and row[column]:
                    column += 1
                runs.append(f"{start} {count - 1 - row_index} {column - start} 1 re")
            else:
                column += 1
    size = side / count
    c.addLiteral(f"q 0 g {size:.4f} 0 0 {size:.4f} {x:.3f} {y:.3f} cm {' '.join(runs)} f Q")


def stamp_pdf(
    *, width: float, height: float, doc_no: str, document_hash: str, signed_at: str, signer: SignerInfo
) -> bytes:
    from reportlab.pdfgen import canvas

    face = faces()["body"]
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(width, height), initialFontName=face.name, initialFontSize=TEXT_SIZE)
    side = height
    draw_qr(
        c, qr_payload(doc_no, document_hash), QR_MARGIN * L.MM, QR_MARGIN * L.MM, side - 2 * QR_MARGIN * L.MM
    )
    c.setLineWidth(0.4)
    c.setStrokeColorRGB(0.3, 0.3, 0.3)
    c.rect(0.2, 0.2, width - 0.4, height - 0.4, stroke=1, fill=0)
    lines = [
        f"电子签名（完整性签名，不是电子印章）：{signer.committee}",
        f"签名时间：{signed_at}    文号：{doc_no}    算法：{signer.algorithm}",
        f"签名证书 SHA-256：{signer.fingerprint}",
        f"原文 SHA-256：{document_hash}",
        "验证：rongcuo verify 本文件 --trust 委员会根证书；签名后任何改动都会使验证失败。",
    ]
    x = side + 2 * L.MM
    y = height - 2.2 * L.MM - TEXT_SIZE * 0.8
    c.setFont(face.name, TEXT_SIZE)
    for text in lines:
        c.drawString(x, y, text)
        y -= LINE
    c.showPage()
    c.save()
    return buffer.getvalue()
