"""The month histogram of a search, drawn on the server as an SVG whose bars are links.

Only numbers and the texts given are computed here; `templates/_histogram.svg` draws them (an
autoescaping template: no text reaches the SVG unescaped). No script and no inline style:
geometry goes in SVG attributes, colours in the stylesheet (classes `bar`, `selected`, `empty`,
`hit-area`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from indexer.search.facets import FacetValue

WIDTH = 600
HEIGHT = 120
# A month with matches gets at least this height, so a single article stays visible and clickable.
MIN_BAR = 3
# Gaps between months are filled with empty bars only up to this span (20 years).
MAX_FILLED_MONTHS = 240


@dataclass(frozen=True)
class Bar:
    """One month of the histogram."""

    month: str
    count: int
    selected: bool


def month_bars(values: Sequence[FacetValue]) -> list[Bar]:
    """Every month from the first to the last of `values` in order, those not listed counting 0.

    `values` is the whole month facet (the facet table never cuts it short). Past
    MAX_FILLED_MONTHS of span only the listed months are kept, side by side.
    """
    by_month = {v.value: Bar(v.value, v.count, v.selected) for v in values if _is_month(v.value)}
    bars = [by_month[month] for month in sorted(by_month)]
    if len(bars) < 2:
        return bars
    months = _months_between(bars[0].month, bars[-1].month)
    if len(months) > MAX_FILLED_MONTHS:
        return bars
    return [by_month.get(month, Bar(month, 0, False)) for month in months]


def bar_href(bar: Bar, links) -> str:
    """Where a bar leads: its month's search, or (once chosen) the search without a date."""
    return links.remove("date_from", "date_to") if bar.selected else links.period(bar.month)


@dataclass(frozen=True)
class Column:
    """A bar as drawn: its slot on the time axis, the bar within it, its link and its tooltip."""

    x: float
    slot: float
    bar_x: float
    bar_width: float
    bar_y: float
    bar_height: float
    href: str
    label: str
    bar: Bar


@dataclass(frozen=True)
class Histogram:
    width: int
    height: int
    columns: list[Column]


def histogram(bars: Sequence[Bar], href: Callable[[Bar], str], label: Callable[[Bar], str]) -> Histogram | None:
    """The geometry of `bars` scaled to the largest count; each non-empty bar links to `href(bar)`.

    The time axis is to scale: a bar stands at its month's place from the first month, so
    months left out past MAX_FILLED_MONTHS still show as a gap. The bars are for the mouse and
    touch: the template hides them from assistive technology and keeps them out of the tab order
    (one Tab would stop at each); the page lists the same links once (`bar_href`). `label(bar)`
    is the tooltip. None when there is no bar.
    """
    if not bars:
        return None
    peak = max(bar.count for bar in bars) or 1
    first = _month_number(bars[0].month)
    slot = WIDTH / (_month_number(bars[-1].month) - first + 1)
    gap = min(slot * 0.2, 4.0)
    columns = []
    for bar in bars:
        x = (_month_number(bar.month) - first) * slot
        height = max(MIN_BAR, bar.count / peak * (HEIGHT - 2)) if bar.count else 1
        columns.append(Column(_n(x), _n(slot), _n(x + gap / 2), _n(slot - gap), _n(HEIGHT - height), _n(height),
                              href(bar) if bar.count else "", label(bar) if bar.count else "", bar))
    return Histogram(WIDTH, HEIGHT, columns)


def _month_number(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def _is_month(value: str) -> bool:
    return len(value) == 7 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit() \
        and 1 <= int(value[5:]) <= 12


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    end = (int(last[:4]), int(last[5:]))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _n(number: float) -> float:
    """A coordinate with at most two decimals (the template writes 12.5, not 12.500000001)."""
    return round(number, 2)
