"""Schemathesis hooks for tests/test_schemathesis.py: the documented rules JSON Schema cannot
state, because they tie one parameter to another or belong to the query language.

- `date_to` is not before `date_from` (the OpenAPI description of date_to says so);
- `page × per_page` does not pass MAX_PAGE_DEPTH (the description of page says so);
- a timeline's range holds at most 10,000 periods of its interval (the 400 of /api/v1/timeline says so);
- `q` is a query the query language reads (balanced quotes and parentheses, a word to search
  for, no dangling NOT: the description of q says so).

A generated request that breaks one of them is made to keep it (the dates swapped, the page
brought within the depth, the query replaced by a plain one), so the check that valid requests
are accepted tests all the rest; the 400 each rule earns is tested in tests/test_api.py and
tests/test_reliability_fuzz.py. Anything not a valid value is left as generated (negative
cases stay negative).
"""

from __future__ import annotations

from typing import Any

import schemathesis

from indexer.search.facets import date_bounds
from indexer.search.query import InvalidQueryError, parse_query
from searchsvc.settings import SETTINGS

MAX_PAGE_DEPTH = int(SETTINGS["MAX_PAGE_DEPTH"][0])  # type: ignore[call-overload]


@schemathesis.hook
def map_case(context: Any, case: Any) -> Any:
    """Every phase's generated case (coverage and fuzzing alike), kept to the two rules."""
    query = case.query
    if not isinstance(query, dict):
        return case
    bounds = {name: _bounds(query.get(name)) for name in ("date_from", "date_to")}
    if bounds["date_from"] and bounds["date_to"] and bounds["date_to"][1] < bounds["date_from"][0]:
        query["date_from"], query["date_to"] = query["date_to"], query["date_from"]
    page, per_page = _positive_int(query.get("page")), _positive_int(query.get("per_page", 10))
    if page and per_page and page * per_page > MAX_PAGE_DEPTH:
        query["page"] = max(1, MAX_PAGE_DEPTH // per_page)
    if "/timeline" in str(getattr(case, "path", "")):
        _keep_periods_countable(query, bounds)
    accents = query.get("accents", "auto")
    if isinstance(query.get("q"), str) and not _readable(query["q"], accents):
        query["q"] = "hội thảo"
    if isinstance(query.get("q"), list):  # the timeline's several queries, each kept readable
        query["q"] = [q if not isinstance(q, str) or _readable(q, accents) else "hội thảo" for q in query["q"]]
    return case


PERIODS_PER_YEAR = {"day": 366, "week": 53, "month": 12, "year": 1}
MAX_PERIODS = 10_000  # indexer.search.timeline.MAX_PERIODS: the interval's description says so


def _keep_periods_countable(query: dict, bounds: dict) -> None:
    """A timeline counts at most MAX_PERIODS periods: a wider range is counted by year."""
    if not bounds["date_from"] and not bounds["date_to"]:
        return
    given = [day // 10000 for pair in bounds.values() if pair for day in pair]  # dates may have been swapped
    first = min(given) if bounds["date_from"] else 1
    last = max(given) if bounds["date_to"] else 9999
    intervals = query.get("interval", "month")
    for interval in intervals if isinstance(intervals, list) else [intervals]:
        if isinstance(interval, str) and (last - first + 1) * PERIODS_PER_YEAR.get(interval, 0) > MAX_PERIODS:
            query["interval"] = "year"

def _readable(q: str, accents: Any) -> bool:
    try:
        parse_query(q, accents=accents if accents in ("auto", "exact", "ignore") else "auto")
    except InvalidQueryError:
        return False
    return True


def _bounds(value: Any) -> tuple[int, int] | None:
    try:
        return date_bounds(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _positive_int(value: Any) -> int | None:
    """The value as a whole number from 1 (generated as a number or as its digits), or None."""
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else None
