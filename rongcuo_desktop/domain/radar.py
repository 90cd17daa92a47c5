"""The five-dimension radar chart as geometry: one place for the PDF report and the GUI.

Standard library only. The caller draws the returned points with its own painter (reportlab in
reports/, QPainter in ui/), so the report and the screen show the same chart: axis i starts at
12 o'clock and goes clockwise, level ``scale_max`` lies on the outer ring, level 0 at the centre.
Coordinates are in a y-down system (screen and this module); a y-up painter (PDF) flips y.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class RadarGeometry:
    centre: Point
    radius: float
    axes: tuple[Point, ...]  # outer end of each axis (level scale_max)
    rings: tuple[tuple[Point, ...], ...]  # one closed polygon per level 1..scale_max
    values: tuple[Point, ...]  # the data polygon; a missing value sits at the centre
    labels: tuple[tuple[Point, str], ...]  # label anchor (just outside the axis end) and where to align
    scale_max: int


def _unit(index: int, count: int) -> Point:
    angle = -math.pi / 2 + 2 * math.pi * index / count  # 12 o'clock, then clockwise (y down)
    return math.cos(angle), math.sin(angle)


def _align(dx: float) -> str:
    """Which side of the anchor a label's text goes: 'centre' on the vertical, else away from it."""
    if abs(dx) < 0.2:
        return "centre"
    return "left" if dx > 0 else "right"


def radar_geometry(
    values: Sequence[float | None],
    *,
    centre: Point,
    radius: float,
    scale_max: int = 5,
    label_gap: float = 8.0,
) -> RadarGeometry:
    """Points of a radar chart with ``len(values)`` axes (at least three) around ``centre``."""
    count = len(values)
    if count < 3:
        raise ValueError("a radar chart needs at least three axes")
    if scale_max < 1 or radius <= 0:
        raise ValueError("scale_max and radius must be positive")
    cx, cy = centre
    units = [_unit(i, count) for i in range(count)]

    def at(unit: Point, distance: float) -> Point:
        return cx + unit[0] * distance, cy + unit[1] * distance

    axes = tuple(at(u, radius) for u in units)
    rings = tuple(
        tuple(at(u, radius * level / scale_max) for u in units) for level in range(1, scale_max + 1)
    )
    data = tuple(
        at(u, radius * max(0.0, min(float(v), scale_max)) / scale_max if v is not None else 0.0)
        for u, v in zip(units, values, strict=True)
    )
    labels = tuple((at(u, radius + label_gap), _align(u[0])) for u in units)
    return RadarGeometry((cx, cy), radius, axes, rings, data, labels, scale_max)
