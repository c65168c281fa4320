"""Attention over time: how many articles each query finds per day, week, month or year, beside
how many articles the same filters admit in that period (so that a reader can normalize).

Counted from the facet table's date columns (a `bincount` per query over the match mask the
search itself computes), never from stored fields, so five queries cost about five searches'
matching and nothing more. A period counts an article only when its date is known to that
precision: an article dated "2021" is in the year 2021 and in no month or week of it, exactly
as the search's year and month facets and its date filter (which selects an article when its
whole date lies within the range) count it; so each point equals what its link finds.
"""

from __future__ import annotations

import datetime
import threading
import weakref
from dataclasses import dataclass

import numpy as np

from indexer.search.facets import FacetTable, date_bounds
from indexer.search.query import InvalidQueryError
from indexer.search.masks import match_documents
from indexer.search.handle import IndexHandle, deadline_check
from indexer.search.results import SearchRequest
from indexer.search.search import apply_filters, filter_masks, parse_with_index
from indexer.index.store import damage_reported

INTERVALS = ("day", "week", "month", "year")
MAX_QUERIES = 5
# Most periods one series may hold (27 years of days), so a stray date cannot make an answer huge.
MAX_PERIODS = 10_000
_EPOCH = datetime.date(1970, 1, 1)
_MONDAY_ZERO = 4  # 1970-01-05, the first Monday after the epoch, is day 4


class TooManyPeriodsError(InvalidQueryError):
    """The range holds more periods than an answer may: a longer interval or a date range is needed."""


@dataclass(frozen=True)
class Point:
    """One period of one series: the query's articles, all articles under the filters, their ratio."""

    period: str
    count: int
    total: int
    ratio: float


@dataclass(frozen=True)
class Series:
    query: str
    total: int
    points: list[Point]


@dataclass(frozen=True)
class Timeline:
    interval: str
    series: list[Series]


def run_timeline(handle: IndexHandle, queries: list[str], request: SearchRequest, interval: str = "month") -> Timeline:
    """Counts each query's matches per period under the filters of `request` (its `q` unused).

    Periods run from the first to the last one holding any query's match (or the whole span
    of `date_from`..`date_to` when both are given), empty ones with count 0. Raises
    InvalidQueryError (a query's syntax, the time budget across all queries, too many periods).
    """
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {', '.join(INTERVALS)}")
    with damage_reported(handle.directory):
        searcher = handle.searcher()
        table = handle.facet_table(searcher)
        reader = searcher.reader()
        codes = period_codes(table, interval)
        filters = filter_masks(table, request)
        admitted = apply_filters(table.live, filters) & (codes >= 0)
        check_deadline = deadline_check(handle.time_budget_s)
        lengths = handle.field_lengths(searcher)
        matched = []
        for text in queries:
            parsed = parse_with_index(text, request.accents, reader)
            mask = table.live if parsed.browse else match_documents(searcher, parsed.query, lengths, check_deadline)
            matched.append(mask & admitted)
    low, high = _span(codes, matched, request, interval)
    if high - low + 1 > MAX_PERIODS:
        raise TooManyPeriodsError(f"the range holds {high - low + 1} {interval}s; at most {MAX_PERIODS} may be "
                                  "counted: choose a longer interval or a narrower date range")
    size = max(high - low + 1, 0)
    totals = _counts(codes, admitted, low, size)
    labels = [period_label(interval, code) for code in range(low, low + size)]
    series = []
    for text, mask in zip(queries, matched):
        counts = _counts(codes, mask, low, size)
        points = [Point(label, c, t, round(c / t, 4) if t else 0.0)
                  for label, c, t in zip(labels, counts.tolist(), totals.tolist())]
        series.append(Series(text, int(mask.sum()), points))
    return Timeline(interval, series)


def _counts(codes: np.ndarray, mask: np.ndarray, low: int, size: int) -> np.ndarray:
    if size <= 0:
        return np.zeros(0, dtype=np.int64)
    chosen = codes[mask] - low
    chosen = chosen[(chosen >= 0) & (chosen < size)]
    return np.bincount(chosen, minlength=size)


def _span(codes: np.ndarray, matched: list[np.ndarray], request: SearchRequest, interval: str) -> tuple[int, int]:
    """The first and last period code to list (high < low when there is nothing to list)."""
    if request.date_from and request.date_to:
        lo, hi = date_bounds(request.date_from)[0], date_bounds(request.date_to)[1]
        return period_code(interval, lo), period_code(interval, hi)
    found = np.zeros(len(codes), dtype=bool)
    for mask in matched:
        found |= mask
    if not found.any():
        return 0, -1
    hit_codes = codes[found]
    return int(hit_codes.min()), int(hit_codes.max())


# --- period codes ---------------------------------------------------------------------------------

_CACHE: weakref.WeakKeyDictionary[FacetTable, dict[str, np.ndarray]] = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()


def period_codes(table: FacetTable, interval: str) -> np.ndarray:
    """Each document's period number at `interval` (-1: its date is not that precise, or none);
    computed once per index generation (the facet table is one per generation)."""
    with _CACHE_LOCK:
        per_table = _CACHE.setdefault(table, {})
        found = per_table.get(interval)
        if found is None:
            found = per_table[interval] = _codes(table.date_lo, table.date_hi, interval)
        return found


def _codes(lo: np.ndarray, hi: np.ndarray, interval: str) -> np.ndarray:
    dated = lo > 0
    year, month, day = lo // 10000, lo // 100 % 100, lo % 100
    if interval == "year":
        return np.where(dated, year, -1).astype(np.int32)
    if interval == "month":
        return np.where(dated & (lo // 100 == hi // 100), year * 12 + month - 1, -1).astype(np.int32)
    exact = dated & (lo == hi)
    months = (np.where(exact, year, 1970) - 1970) * 12 + np.where(exact, month, 1) - 1
    days = (months.astype("datetime64[M]").astype("datetime64[D]") - np.datetime64("1970-01-01")).astype(np.int64)
    days = days + np.where(exact, day, 1) - 1
    if interval == "week":
        days = (days - _MONDAY_ZERO) // 7
    return np.where(exact, days, -1).astype(np.int32)


def period_code(interval: str, yyyymmdd: int) -> int:
    """The period number of one day (yyyymmdd) at `interval`."""
    year, month, day = yyyymmdd // 10000, yyyymmdd // 100 % 100, yyyymmdd % 100
    if interval == "year":
        return year
    if interval == "month":
        return year * 12 + month - 1
    days = (datetime.date(year, month, day) - _EPOCH).days
    return (days - _MONDAY_ZERO) // 7 if interval == "week" else days


def period_label(interval: str, code: int) -> str:
    """"2018", "2018-05", "2018-W19" (ISO week) or "2018-05-07" for a period number."""
    if interval == "year":
        return f"{code:04d}"
    if interval == "month":
        return f"{code // 12:04d}-{code % 12 + 1:02d}"
    if interval == "week":
        monday = _EPOCH + datetime.timedelta(days=code * 7 + _MONDAY_ZERO)
        iso = monday.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return (_EPOCH + datetime.timedelta(days=code)).isoformat()


def period_range(interval: str, label: str) -> tuple[str, str]:
    """The first and last day of a period label as the search's date_from and date_to."""
    if interval == "week":
        year, week = int(label[:4]), int(label[6:])
        monday = datetime.date.fromisocalendar(year, week, 1)
        return monday.isoformat(), (monday + datetime.timedelta(days=6)).isoformat()
    return label, label


def period_search_range(interval: str, label: str, date_from: str | None, date_to: str | None) -> tuple[str, str]:
    """The date_from and date_to of the search that finds a point's articles: its period cut to
    the request's own range (the first and last periods may reach past it)."""
    low, high = period_range(interval, label)
    if date_from and date_bounds(date_from)[0] > date_bounds(low)[0]:
        low = date_from
    if date_to and date_bounds(date_to)[1] < date_bounds(high)[1]:
        high = date_to
    return low, high


def period_start(interval: str, label: str) -> datetime.date:
    """The first day of a period label (for drawing a time axis to scale)."""
    first = period_range(interval, label)[0]
    lo = date_bounds(first)[0]
    return datetime.date(lo // 10000, lo // 100 % 100, lo % 100)
