"""The geometry of a run chart, computed in Python so templates only place it.

A run chart plots a measure in time order with its median as the centre
line. Here the measure is the cumulative number of people trained, one
point per reported date, equally spaced along the x axis as run charts are,
with the target drawn as a second horizontal line. A project's measure (a
rate, a percentage, minutes) is drawn by the same code, with ``whole=False``
so that its axis may step in fractions.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

WIDTH = 640
HEIGHT = 300
LEFT, RIGHT, TOP, BOTTOM = 60, 120, 20, 50
MAX_X_LABELS = 6
LABEL_GAP = 14


@dataclass(frozen=True)
class ChartPoint:
    date: date
    value: float
    x: float
    y: float


@dataclass(frozen=True)
class Tick:
    value: float
    y: float


@dataclass(frozen=True)
class Line:
    """A horizontal line across the plot with its label at the right."""

    value: float
    y: float
    label_y: float


@dataclass(frozen=True)
class RunChart:
    points: tuple[ChartPoint, ...]
    median: Line | None
    target: Line | None
    y_ticks: tuple[Tick, ...]
    x_labels: tuple[ChartPoint, ...]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: float = WIDTH - RIGHT
    top: int = TOP
    bottom: float = HEIGHT - BOTTOM

    @property
    def polyline(self) -> str:
        """The points as an SVG ``points`` list, to a tenth of a pixel, whole numbers bare."""
        return " ".join(f"{_coordinate(p.x)},{_coordinate(p.y)}" for p in self.points)


def _coordinate(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def nice_step(span: float, steps: int = 4, whole: bool = True) -> float:
    """A round tick step (1, 2, 5 times a power of ten) giving about ``steps`` intervals;
    never below 1 when the values are ``whole`` numbers (people, not fractions of them)."""
    raw = span / steps
    if whole:
        raw = max(raw, 1)
    elif raw <= 0:
        return 1
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw * (1 - 1e-9):
            step = factor * power
            return int(step) if whole or step >= 1 else round(step, 12)
    return int(10 * power)  # pragma: no cover - the loop always returns


def run_chart(
    series: Sequence[tuple[date, float]], target: float | None, whole: bool = True
) -> RunChart:
    """Points, median and target lines, ticks and labels for a series in time order."""
    values = [value for _, value in series]
    top_value = max([*values, target or 0, 1 if whole else 0])
    step = nice_step(top_value, whole=whole)
    y_max = step * math.ceil(top_value / step - 1e-9) if top_value > 0 else step
    plot_width = WIDTH - RIGHT - LEFT
    plot_height = HEIGHT - BOTTOM - TOP

    def y_of(value: float) -> float:
        return TOP + plot_height * (1 - value / y_max)

    count = len(series)
    gap = plot_width / (count - 1) if count > 1 else 0
    points = tuple(
        ChartPoint(day, value, LEFT + (gap * i if count > 1 else plot_width / 2), y_of(value))
        for i, (day, value) in enumerate(series)
    )
    target_line = Line(target, y_of(target), y_of(target)) if target is not None else None
    median_line = None
    if values:
        middle = statistics.median(values)
        label_y = y_of(middle)
        if target_line is not None and abs(label_y - target_line.y) < LABEL_GAP:
            label_y = target_line.y + LABEL_GAP
        median_line = Line(middle, y_of(middle), label_y)
    count_ticks = round(y_max / step)
    ticks = tuple(Tick(v, y_of(v)) for v in (round(step * i, 12) for i in range(count_ticks + 1)))
    return RunChart(points, median_line, target_line, ticks, _x_labels(points))


def _x_labels(points: tuple[ChartPoint, ...]) -> tuple[ChartPoint, ...]:
    """At most about six date labels, always the first and the last, never crowded."""
    count = len(points)
    if not count:
        return ()
    every = math.ceil(count / MAX_X_LABELS)
    chosen = list(range(0, count, every))
    if chosen[-1] != count - 1:
        if len(chosen) > 1:
            chosen.pop()  # too close to the last point to carry its own label
        chosen.append(count - 1)
    return tuple(points[i] for i in chosen)
