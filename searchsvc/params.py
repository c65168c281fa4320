"""Reading and validating search parameters from a query string, for every endpoint alike."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from indexer.facets import date_bounds
from indexer.query import MAX_QUERY_CHARS
from indexer.search import SORTS, SearchRequest

MAX_PER_PAGE = 100
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SCALARS = ("q", "date_from", "date_to", "sort", "page", "per_page")
_LISTS = ("organizer", "source", "event_type")


class InvalidParameterError(ValueError):
    """A request parameter is wrong; `param` names it."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


def parse_search_args(args, config: Mapping[str, object]) -> SearchRequest:
    """A SearchRequest from a werkzeug MultiDict (or anything with `getlist`), or InvalidParameterError."""
    for name in _SCALARS:
        if len(args.getlist(name)) > 1:
            raise InvalidParameterError(name, f"'{name}' may be given only once")
    q = args.get("q", "") or ""
    if len(q) > MAX_QUERY_CHARS:
        raise InvalidParameterError("q", f"the query is {len(q)} characters long; the limit is {MAX_QUERY_CHARS}")
    filters = {name: _values(args, name, int(config["MAX_FILTER_VALUES"])) for name in _LISTS}
    date_from = _date(args.get("date_from"), "date_from")
    date_to = _date(args.get("date_to"), "date_to")
    if date_from and date_to and date_bounds(date_to)[1] < date_bounds(date_from)[0]:
        raise InvalidParameterError("date_to", f"date_to ({date_to}) is before date_from ({date_from})")
    sort = args.get("sort") or "relevance"
    if sort not in SORTS:
        raise InvalidParameterError("sort", f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    page = _integer(args.get("page"), "page", 1, 1, None)
    per_page = _integer(args.get("per_page"), "per_page", 10, 1, MAX_PER_PAGE)
    depth = int(config["MAX_PAGE_DEPTH"])
    if page * per_page > depth:
        raise InvalidParameterError("page", f"page × per_page may not pass {depth}; narrow the search instead")
    return SearchRequest(q=q, date_from=date_from, date_to=date_to, sort=sort, page=page, per_page=per_page,
                         **{name: tuple(values) for name, values in filters.items()})


def _values(args, name: str, most: int) -> list[str]:
    values = [v.strip() for v in args.getlist(name) if v.strip()]
    if len(values) > most:
        raise InvalidParameterError(name, f"'{name}' may be repeated at most {most} times")
    for value in values:
        if len(value) > 300:
            raise InvalidParameterError(name, f"a '{name}' value is longer than 300 characters")
    return values


def _date(value: str | None, name: str) -> str | None:
    if not value:
        return None
    if not _DATE.match(value):
        raise InvalidParameterError(name, f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value[:40]!r}")
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise InvalidParameterError(name, f"{name} {value!r} is not a calendar date") from None
    if parts[0] < 1:
        raise InvalidParameterError(name, f"{name} {value!r} is not a calendar date")
    return value


def _integer(value: str | None, name: str, default: int, low: int, high: int | None) -> int:
    if value is None or value == "":
        return default
    if not re.fullmatch(r"\d{1,9}", value):
        raise InvalidParameterError(name, f"{name} must be a whole number, not {value[:40]!r}")
    number = int(value)
    if number < low or (high is not None and number > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise InvalidParameterError(name, f"{name} must be {bounds}, not {number}")
    return number
