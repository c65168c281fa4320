"""The geometry of the timeline's line chart: one line per query over a time axis to scale.

Only numbers and the texts given are computed here; `templates/_linechart.svg` draws them
(an autoescaping template: no text reaches the SVG unescaped). No script, no inline style:
colours come from the stylesheet's `series-N` classes, each series also has its own dash
pattern and marker so that the lines stay apart without colour.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from indexer.search.timeline import Timeline, period_start

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 12, 28  # margins for the axes' labels
# Dash patterns of series 0..4 (solid first), for readers who do not tell the colours apart.
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2")
MAX_X_TICKS = 8


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    href: str
    label: str


@dataclass(frozen=True)
class ChartLine:
    index: int
    query: str
    path: str  # the polyline's points, "x,y x,y …"
    dash: str
    points: list[ChartPoint]


@dataclass(frozen=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    lines: list[ChartLine]
    x_ticks: list[Tick]
    y_ticks: list[Tick]


def line_chart(timeline: Timeline, scale: str, href: Callable[[str, str], str],
               label: Callable[[str, str, int, float], str], tick: Callable[[str], str],
               y_label: Callable[[float], str] | None = None) -> LineChart | None:
    """The chart of `timeline` drawing counts or ratios (`scale`), or None when there is no point.

    `href(query, period)` is the link of a point, `label(query, period, count, ratio)` its
    name, `tick(period)` the text of a time tick, `y_label(value)` of a value tick.
    """
    periods = [p.period for p in timeline.series[0].points] if timeline.series else []
    if not periods:
        return None
    days = [period_start(timeline.interval, p).toordinal() for p in periods]
    first, last = days[0], days[-1]
    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM

    def x_of(day: int) -> float:  # days, not indexes: the axis is to scale
        return LEFT + (day - first) / (last - first) * (right - LEFT) if last > first else (LEFT + right) / 2

    def value(point) -> float:
        return point.ratio if scale == "ratio" else point.count

    peak = max((value(p) for s in timeline.series for p in s.points), default=0) or 1
    top_value, step = _nice_ceiling(peak, ratio=scale == "ratio")

    def y_of(v: float) -> float:
        return bottom - v / top_value * (bottom - TOP)

    lines = []
    for i, series in enumerate(timeline.series):
        points = [ChartPoint(round(x_of(d), 2), round(y_of(value(p)), 2), href(series.query, p.period),
                             label(series.query, p.period, p.count, p.ratio))
                  for d, p in zip(days, series.points)]
        path = " ".join(f"{p.x:g},{p.y:g}" for p in points)
        lines.append(ChartLine(i, series.query, path, DASHES[i % len(DASHES)], points))
    every = max(1, math.ceil(len(periods) / MAX_X_TICKS))
    x_ticks = [Tick(round(x_of(days[i]), 2), tick(periods[i])) for i in range(0, len(periods), every)]
    fmt = y_label or (lambda v: f"{v:.0%}" if scale == "ratio" else f"{v:g}")
    y_ticks = [Tick(round(y_of(k * step), 2), fmt(k * step)) for k in range(0, round(top_value / step) + 1)]
    return LineChart(WIDTH, HEIGHT, LEFT, right, TOP, bottom, lines, x_ticks, y_ticks)


def _nice_ceiling(peak: float, ratio: bool) -> tuple[float, float]:
    """A round top of the value axis at or above `peak`, and the step of its 4–5 ticks."""
    if not ratio and peak < 4:
        return 4.0, 1.0
    raw = peak / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if not ratio:
        step = max(1.0, round(step))
    return math.ceil(peak / step) * step, step
