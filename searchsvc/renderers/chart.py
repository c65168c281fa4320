"""The month histogram of a search, drawn on the server as an SVG whose bars are links.

No script and no inline style: geometry goes in SVG attributes, colours in the stylesheet
(classes `bar`, `selected`, `empty`, `hit-area`). Every text that reaches the SVG is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

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


def histogram_svg(bars: Sequence[Bar], href: Callable[[Bar], str], label: Callable[[Bar], str]) -> Markup:
    """An SVG of `bars` scaled to the largest count; each non-empty bar links to `href(bar)`.

    The time axis is to scale: a bar stands at its month's place from the first month, so
    months left out past MAX_FILLED_MONTHS still show as a gap. The bars are for the mouse and
    touch: hidden from assistive technology and out of the tab order (one Tab would stop at
    each), the page lists the same links once (`bar_href`). `label(bar)` is the tooltip.
    """
    if not bars:
        return Markup("")
    peak = max(bar.count for bar in bars) or 1
    first = _month_number(bars[0].month)
    slot = WIDTH / (_month_number(bars[-1].month) - first + 1)
    gap = min(slot * 0.2, 4.0)
    parts = [
        f'<svg class="histogram" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'preserveAspectRatio="none" aria-hidden="true" '
        'xmlns="http://www.w3.org/2000/svg">'
    ]
    for bar in bars:
        x = (_month_number(bar.month) - first) * slot
        if bar.count == 0:
            parts.append(f'<rect class="bar empty" x="{_n(x + gap / 2)}" y="{HEIGHT - 1}" '
                         f'width="{_n(slot - gap)}" height="1" fill="#a0aec0"/>')
            continue
        height = max(MIN_BAR, bar.count / peak * (HEIGHT - 2))
        name = escape(label(bar))
        classes = "bar selected" if bar.selected else "bar"
        current = ' aria-current="true"' if bar.selected else ""
        parts.append(
            f'<a href="{escape(href(bar))}" tabindex="-1"{current}>'
            f"<title>{name}</title>"
            f'<rect class="hit-area" x="{_n(x)}" y="0" width="{_n(slot)}" height="{HEIGHT}" fill="transparent"/>'
            f'<rect class="{classes}" x="{_n(x + gap / 2)}" y="{_n(HEIGHT - height)}" '
            f'width="{_n(slot - gap)}" height="{_n(height)}" fill="#2b6cb0"/>'
            "</a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


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


def _n(number: float) -> str:
    """A coordinate with at most two decimals, without trailing zeros."""
    return f"{number:.2f}".rstrip("0").rstrip(".")
