"""A horizontal bar chart drawn with QPainter (PySide6-Essentials has no QtCharts).

Horizontal because the labels are Chinese words of different lengths (stages, fields): they read
on the left, one per line, never turned. A bar may be split into segments (the conclusions), each
with its own colour and a legend; the colours differ in lightness too, so the chart reads on a
black-and-white printout or a washed-out projector. The number is written at the end of each bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# Dark to light: 予以容错免责, 从轻减轻处理, 不予容错, 尚未认定 (or one colour for a single series).
PALETTE = ("#1f5f8b", "#4f9d69", "#c8553d", "#b9c2cc")


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[float, ...]  # added up to the bar's length
    text: str  # written after the bar (the count, the days)


class BarChart(QWidget):
    """set_bars(title, bars, legend): `legend` names the segments (empty: a single series)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self._title = ""
        self._bars: tuple[Bar, ...] = ()
        self._legend: tuple[str, ...] = ()
        self._empty_text = ""

    def sizeHint(self) -> QSize:
        return QSize(640, 320)

    @property
    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def set_bars(
        self, title: str, bars: Sequence[Bar], legend: Sequence[str] = (), empty_text: str = ""
    ) -> None:
        self._title = title
        self._bars = tuple(bars)
        self._legend = tuple(legend)
        self._empty_text = empty_text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().windowText().color()
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(line * 0.6, line * 0.4, -line * 0.6, -line * 0.4)
        painter.setPen(ink)
        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.drawText(
            QRectF(area.left(), area.top(), area.width(), line), Qt.AlignmentFlag.AlignLeft, self._title
        )
        painter.setFont(self.font())
        top = area.top() + line * 1.5
        if len(self._legend) > 1:
            x = area.left()
            box = line * 0.7
            for shade, name in zip(PALETTE, self._legend, strict=False):
                painter.fillRect(QRectF(x, top + (line - box) / 2, box, box), QColor(shade))
                painter.setPen(ink)
                painter.drawText(QRectF(x + box + 4, top, metrics.horizontalAdvance(name) + 2, line), name)
                x += box + 4 + metrics.horizontalAdvance(name) + line
            top += line * 1.4
        bars = self._bars
        if not bars or all(sum(b.segments) <= 0 for b in bars):
            painter.setPen(ink)
            painter.drawText(
                QRectF(area.left(), top, area.width(), area.bottom() - top),
                Qt.AlignmentFlag.AlignCenter,
                self._empty_text,
            )
            return
        label_width = min(max(metrics.horizontalAdvance(b.label) for b in bars), area.width() * 0.35)
        text_width = max(metrics.horizontalAdvance(b.text) for b in bars) + line * 0.5
        left = area.left() + label_width + line * 0.5
        room = max(10.0, area.right() - text_width - left)
        pitch = min(line * 1.8, (area.bottom() - top) / len(bars))
        thickness = max(2.0, pitch * 0.68)
        longest = max(sum(b.segments) for b in bars) or 1.0
        grid = QColor(ink)
        grid.setAlpha(60)
        painter.setPen(QPen(grid, 1))
        painter.drawLine(int(left), int(top), int(left), int(top + pitch * len(bars)))
        for i, bar in enumerate(bars):
            y = top + i * pitch
            painter.setPen(ink)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width)
            painter.drawText(
                QRectF(area.left(), y, label_width, pitch),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x = left
            for j, value in enumerate(bar.segments):
                width = room * value / longest
                if width > 0:
                    colour = QColor(PALETTE[j % len(PALETTE)] if len(bar.segments) > 1 else PALETTE[0])
                    painter.fillRect(QRectF(x, y + (pitch - thickness) / 2, width, thickness), colour)
                x += width
            painter.setPen(ink)
            painter.drawText(
                QRectF(x + line * 0.3, y, text_width, pitch),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                bar.text,
            )
