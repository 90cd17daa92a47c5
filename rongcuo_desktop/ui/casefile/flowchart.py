"""The procedure drawn as a flowchart (seed 003's 操作流程图): one box per step, top to bottom, with
the 不予受理 exit beside 申请; the current step in the accent colour, each step done with its date,
optional steps dashed, steps that do not apply (or were passed over) greyed. Drawn with QPainter
from domain.procedure.steps, so the chart and the guards never disagree. A click on a step asks the
window to show that step's section.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from rongcuo_desktop.domain.case import CaseType, Stage
from rongcuo_desktop.domain.procedure import Step, StepState
from rongcuo_desktop.ui.casefile.labels import step_text

ACCENT = QColor("#8c1c13")
INK = QColor("#1f2d3d")
MUTED = QColor("#8a96a3")
DONE_FILL = QColor("#e9eef4")
DONE_LINE = QColor("#5b6b7d")
AHEAD_LINE = QColor("#b9c2ce")
MARGIN = 10
GAP = 16  # room for an arrow between two boxes


@dataclass(frozen=True)
class _Box:
    step: Step
    rect: QRectF
    date: dt.date | None


class ProcedureChart(QWidget):
    """The case's steps as boxes and arrows; `set_steps` with the steps and the dates they were done."""

    step_clicked = Signal(object)  # the Stage of the box clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("procedureChart")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setMouseTracking(True)
        self._case_type = CaseType.TOLERANCE
        self._steps: list[Step] = []
        self._dates: Mapping[Stage, dt.date] = {}
        self._boxes: list[_Box] = []
        self._rejected_box: QRectF | None = None
        self.setToolTip(self.tr("办理流程：点击一个步骤，查看该步骤的记录"))

    # -- data --------------------------------------------------------------------------------------

    def set_steps(self, case_type: CaseType, steps: Sequence[Step], dates: Mapping[Stage, dt.date]) -> None:
        self._case_type = case_type
        self._steps = list(steps)
        self._dates = dict(dates)
        self._layout()
        self.updateGeometry()
        self.update()

    def states(self) -> dict[Stage, StepState]:
        """What each step is drawn as (for tests and the accessible description)."""
        return {s.stage: s.state for s in self._steps}

    # -- geometry ----------------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont]:
        label = QFont(self.font())
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.82))
        return label, small

    def _layout(self) -> None:
        label_font, small_font = self._fonts()
        label_metrics, small_metrics = QFontMetrics(label_font), QFontMetrics(small_font)
        width = max(
            [label_metrics.horizontalAdvance(self._text(s)) for s in self._steps]
            + [small_metrics.horizontalAdvance("2026-12-31"), 60]
        )
        box_width = width + 24
        side = self._side_exit()
        y = float(MARGIN)
        self._boxes = []
        for step in self._steps:
            if step.stage is Stage.REJECTED and side:
                continue
            date = self._dates.get(step.stage)
            shown_date = date if step.state in (StepState.DONE, StepState.CURRENT) else None
            height = label_metrics.height() + 12 + (small_metrics.height() if shown_date else 0)
            self._boxes.append(_Box(step, QRectF(MARGIN, y, box_width, height), shown_date))
            y += height + GAP
        self._rejected_box = None
        if side and self._boxes:
            first = self._boxes[0].rect
            rejected_width = label_metrics.horizontalAdvance(step_text(self._case_type, Stage.REJECTED)) + 24
            self._rejected_box = QRectF(first.right() + 36, first.top(), rejected_width, first.height())
        side_width = 36 + self._rejected_box.width() if self._rejected_box is not None else 0
        self._size = QSize(int(MARGIN * 2 + box_width + side_width), int(y - GAP + MARGIN))

    def _side_exit(self) -> bool:
        """不予受理 beside 申请: drawn while the case stands at 申请 (greyed: a way it may take) and
        once taken; a case past 申请 no longer has it."""
        at_application = any(s.stage is Stage.APPLIED and s.state is StepState.CURRENT for s in self._steps)
        return at_application or any(s.stage is Stage.REJECTED for s in self._steps)

    def _text(self, step: Step) -> str:
        text = step_text(self._case_type, step.stage)
        if step.optional and step.state is not StepState.SKIPPED:
            text += self.tr("（可选）")
        return text

    def sizeHint(self) -> QSize:
        return getattr(self, "_size", QSize(180, 400))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    # -- painting ----------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_font, small_font = self._fonts()
        for upper, lower in zip(self._boxes, self._boxes[1:], strict=False):
            done = lower.step.state in (StepState.DONE, StepState.CURRENT)
            self._arrow(
                painter,
                QPointF(upper.rect.center().x(), upper.rect.bottom()),
                QPointF(lower.rect.center().x(), lower.rect.top()),
                DONE_LINE if done else AHEAD_LINE,
                dashed=lower.step.state is StepState.SKIPPED,
            )
        for box in self._boxes:
            self._box(painter, box, label_font, small_font)
        if self._rejected_box is not None and self._boxes:
            taken = any(s.stage is Stage.REJECTED for s in self._steps)
            first = self._boxes[0].rect
            colour = ACCENT if taken else AHEAD_LINE
            start = QPointF(first.right(), first.center().y())
            end = QPointF(self._rejected_box.left(), first.center().y())
            self._arrow(painter, start, end, colour, dashed=not taken)
            state = StepState.CURRENT if taken else StepState.AHEAD
            step = Step(Stage.REJECTED, "", state, False)
            self._box(painter, _Box(step, self._rejected_box, None), label_font, small_font, dashed=not taken)
        painter.end()

    def _box(
        self, painter: QPainter, box: _Box, label_font: QFont, small_font: QFont, *, dashed: bool = False
    ) -> None:
        state = box.step.state
        fill, line, ink = {
            StepState.DONE: (DONE_FILL, DONE_LINE, INK),
            StepState.CURRENT: (ACCENT, ACCENT, QColor("#ffffff")),
            StepState.AHEAD: (QColor("#ffffff"), AHEAD_LINE, INK),
            StepState.SKIPPED: (QColor("#f5f6f8"), AHEAD_LINE, MUTED),
        }[state]
        pen = QPen(line, 2 if state is StepState.CURRENT else 1)
        if dashed or box.step.optional or state is StepState.SKIPPED:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(box.rect, 5, 5)
        painter.setPen(ink)
        font = QFont(label_font)
        font.setBold(state is StepState.CURRENT)
        painter.setFont(font)
        text = step_text(self._case_type, box.step.stage) if box.step.label == "" else self._text(box.step)
        if box.date is None:
            painter.drawText(box.rect, Qt.AlignmentFlag.AlignCenter, text)
            return
        top = QRectF(box.rect.left(), box.rect.top() + 4, box.rect.width(), box.rect.height() / 2)
        painter.drawText(top, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        painter.setFont(small_font)
        bottom = QRectF(box.rect.left(), box.rect.top(), box.rect.width(), box.rect.height() - 5)
        painter.drawText(
            bottom, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, box.date.isoformat()
        )

    @staticmethod
    def _arrow(painter: QPainter, start: QPointF, end: QPointF, colour: QColor, *, dashed: bool) -> None:
        pen = QPen(colour, 1.4)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(start, end)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        dx, dy = end.x() - start.x(), end.y() - start.y()
        length = max((dx * dx + dy * dy) ** 0.5, 1.0)
        ux, uy = dx / length, dy / length
        size = 6.0
        head = QPolygonF(
            [
                end,
                QPointF(end.x() - ux * size - uy * size / 2, end.y() - uy * size + ux * size / 2),
                QPointF(end.x() - ux * size + uy * size / 2, end.y() - uy * size - ux * size / 2),
            ]
        )
        painter.drawPolygon(head)

    # -- clicks ------------------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        for box in self._boxes:
            if box.rect.contains(point):
                self.step_clicked.emit(box.step.stage)
                return
        if self._rejected_box is not None and self._rejected_box.contains(point):
            self.step_clicked.emit(Stage.REJECTED)
            return
        super().mouseReleaseEvent(event)
