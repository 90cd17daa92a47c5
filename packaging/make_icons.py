"""Render the app icon (resources/icons/app.svg) to the PNG sizes a .deb installs and a Windows .ico.

Runs with the project's venv (Qt renders the SVG offscreen); output is deterministic for one Qt version.

    python packaging/make_icons.py OUTDIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SVG = REPO / "resources" / "icons" / "app.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 32, 48, 256)


def render(size: int) -> object:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main(argv: list[str]) -> int:
    from PySide6.QtGui import QGuiApplication

    out = Path(argv[0] if argv else "packaging/out/icons")
    out.mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication([])
    for size in PNG_SIZES:
        render(size).save(str(out / f"rongcuo-desktop-{size}.png"), "PNG")  # type: ignore[attr-defined]
    # Qt's ico writer takes one image; the largest carries Windows Explorer's big views.
    render(256).save(str(out / "rongcuo-desktop.ico"), "ICO")  # type: ignore[attr-defined]
    (out / "rongcuo-desktop.svg").write_bytes(SVG.read_bytes())
    print(f"icons: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
