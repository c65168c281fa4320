"""Schemathesis hooks for tests/test_schemathesis.py: the documented rules JSON Schema cannot
state, because they tie one parameter to another or belong to the query language.

- `date_to` is not before `date_from` (the OpenAPI description of date_to says so);
- `page × per_page` does not pass MAX_PAGE_DEPTH (the description of page says so);
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

from indexer.facets import date_bounds
from indexer.query import InvalidQueryError, parse_query
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
    if isinstance(query.get("q"), str) and not _readable(query["q"], query.get("accents", "auto")):
        query["q"] = "hội thảo"
    return case


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
