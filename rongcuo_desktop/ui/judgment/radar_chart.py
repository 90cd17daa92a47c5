"""The five-dimension radar chart, drawn with QPainter from domain/radar.py's geometry (the sealed
report draws the same geometry in the PDF): each member's ballot a faint dashed line, the median a
bold solid one, so it reads in black and white as well as in colour."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from rongcuo_desktop.domain.radar import Point, radar_geometry


def _polygon(points: Sequence[Point]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


class RadarChart(QWidget):
    """set_data(axis names, members' ballots, medians); paints nothing but rings until data comes."""

    def __init__(
        self, parent: QWidget | None = None, *, ink: QColor | None = None, faint_alpha: int = 110
    ) -> None:
        super().__init__(parent)
        self.setObjectName("radarChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 200)
        self._names: tuple[str, ...] = ()
        self._ballots: tuple[tuple[int, ...], ...] = ()
        self._median: tuple[float | None, ...] = ()
        self._ink = ink or QColor("#1f2d3d")
        self._faint_alpha = faint_alpha
        self.scale_max = 5

    def sizeHint(self) -> QSize:
        return QSize(320, 300)

    def set_data(
        self,
        names: Sequence[str],
        ballots: Sequence[Sequence[int]],
        median: Sequence[float | None],
    ) -> None:
        self._names = tuple(names)
        self._ballots = tuple(tuple(b) for b in ballots)
        self._median = tuple(median)
        self.update()

    @property
    def names(self) -> tuple[str, ...]:
        return self._names

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        names = self._names or ("", "", "", "", "")
        metrics = QFontMetricsF(self.font())
        label_width = max((metrics.horizontalAdvance(n) for n in names), default=0.0)
        margin = label_width + metrics.height() * 0.8
        rect = QRectF(self.rect())
        radius = max(10.0, min(rect.width() / 2 - margin, rect.height() / 2 - metrics.height() * 1.6))
        centre = (rect.center().x(), rect.center().y())
        gap = metrics.height() * 0.4
        geometry = radar_geometry(
            self._median or [None] * len(names),
            centre=centre,
            radius=radius,
            scale_max=self.scale_max,
            label_gap=gap,
        )
        grid = QColor(self._ink)
        grid.setAlpha(70)
        painter.setPen(QPen(grid, 1))
        for ring in geometry.rings:
            painter.drawPolygon(_polygon(ring))
        for end in geometry.axes:
            painter.drawLine(QPointF(*centre), QPointF(*end))
        faint = QColor(self._ink)
        faint.setAlpha(self._faint_alpha)
        member_pen = QPen(faint, max(1.0, radius / 140), Qt.PenStyle.DashLine)
        painter.setPen(member_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for ballot in self._ballots:
            line = radar_geometry(list(ballot), centre=centre, radius=radius, scale_max=self.scale_max)
            painter.drawPolygon(_polygon(line.values))
        if self._median and any(v is not None for v in self._median):
            fill = QColor(self._ink)
            fill.setAlpha(40)
            painter.setBrush(fill)
            painter.setPen(QPen(self._ink, max(2.5, radius / 45)))
            painter.drawPolygon(_polygon(geometry.values))
            painter.setBrush(self._ink)
            dot = max(2.5, radius / 50)
            for x, y in geometry.values:
                painter.drawEllipse(QPointF(x, y), dot, dot)
        painter.setPen(QPen(self._ink))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        height = metrics.height()
        for ((x, y), align), name in zip(geometry.labels, names, strict=True):
            width = QFontMetricsF(bold).horizontalAdvance(name) + 2
            if align == "centre":
                box = QRectF(x - width / 2, y - height if y < centre[1] else y, width, height)
                flags = Qt.AlignmentFlag.AlignHCenter
            elif align == "left":
                box = QRectF(x, y - height / 2, width, height)
                flags = Qt.AlignmentFlag.AlignLeft
            else:
                box = QRectF(x - width, y - height / 2, width, height)
                flags = Qt.AlignmentFlag.AlignRight
            painter.drawText(box, int(flags | Qt.AlignmentFlag.AlignVCenter), name)
        painter.end()
