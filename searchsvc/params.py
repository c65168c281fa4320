"""Reading and validating search parameters from a query string, for every endpoint alike.

`parse_search_args` is the one door from a query string to a `SearchRequest`: anything it
does not accept raises `InvalidParameterError` naming the parameter (answered with 400),
so no query string can reach the search with a value it cannot handle. A parameter it does
not know (a typo such as `organiser=`) raises `UnknownParameterError` naming it, so a client
learns that its filter did nothing, and so does an empty value (`sort=`: leave it out for the
default), as the OpenAPI document says. The HTML page passes `browser=True`: browsers and
trackers add their own parameters (`utm_source=`) and forms send empty fields, so there the
first are ignored and the second count as absent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from indexer.ingest.extraction.dates import is_calendar_date
from indexer.search.facets import date_bounds
from indexer.search.query import ACCENT_MODES, MAX_QUERY_CHARS
from indexer.search.results import FACET_LIMIT, FILTERS, MAX_FACET_SIZE, SORTS, SearchRequest
from indexer.text.vietnamese import nfc

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 10
MAX_FILTER_CHARS = 300
# ASCII digits only: `\d` would also accept ٢٠٢٢ and other scripts' digits.
_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")
SCALARS = ("q", "date_from", "date_to", "sort", "page", "per_page", "accents", "facet_size")
LISTS = FILTERS
KNOWN = (*SCALARS, *LISTS)
# An error message names at most this many unknown parameters, each cut to this length.
_UNKNOWN_SHOWN, _NAME_SHOWN = 5, 40


class InvalidParameterError(ValueError):
    """A request parameter is wrong; `param` names it, `message` says why in plain words."""

    code = "invalid_parameter"

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


class UnknownParameterError(InvalidParameterError):
    """The request has a parameter this endpoint does not read; `param` names the first one."""

    code = "unknown_parameter"


def reject_unknown(args, known: tuple[str, ...] = KNOWN) -> None:
    """Raises UnknownParameterError when `args` (a MultiDict) holds a name not in `known`."""
    unknown = [name for name in dict.fromkeys(args.keys()) if name not in known]
    if not unknown:
        return
    shown = [name[:_NAME_SHOWN] for name in unknown[:_UNKNOWN_SHOWN]] + (["..."] if len(unknown) > _UNKNOWN_SHOWN else [])
    raise UnknownParameterError(unknown[0][:_NAME_SHOWN], f"unknown parameter(s): {', '.join(shown)}; "
                                                          f"known: {', '.join(known) or 'none'}")


def parse_search_args(args, config: Mapping[str, Any], *, browser: bool = False) -> SearchRequest:
    """A SearchRequest from a werkzeug MultiDict (or anything with `getlist`), or InvalidParameterError.

    `config` supplies MAX_FILTER_VALUES and MAX_PAGE_DEPTH. Text values are NFC-normalized,
    so a client sending decomposed Vietnamese selects the same facet values. A parameter not
    in KNOWN, and an empty value of any but `q`, are refused unless `browser`.
    """
    if not browser:
        reject_unknown(args)
        _reject_empty(args)
    for name in SCALARS:
        if len(args.getlist(name)) > 1:
            raise InvalidParameterError(name, f"'{name}' may be given only once")
    q = nfc(args.get("q", "") or "")
    if len(q) > MAX_QUERY_CHARS:
        raise InvalidParameterError("q", f"the query is {len(q)} characters long; the limit is {MAX_QUERY_CHARS}")
    filters = {name: _values(args, name, int(config["MAX_FILTER_VALUES"])) for name in LISTS}
    date_from = _date(args.get("date_from"), "date_from")
    date_to = _date(args.get("date_to"), "date_to")
    if date_from and date_to and date_bounds(date_to)[1] < date_bounds(date_from)[0]:
        raise InvalidParameterError("date_to", f"date_to ({date_to}) is before date_from ({date_from})")
    sort = args.get("sort") or "relevance"
    if sort not in SORTS:
        raise InvalidParameterError("sort", f"sort must be one of {', '.join(SORTS)}, not {sort[:40]!r}")
    accents = args.get("accents") or "auto"
    if accents not in ACCENT_MODES:
        raise InvalidParameterError("accents", f"accents must be one of {', '.join(ACCENT_MODES)}, not {accents[:40]!r}")
    page = _integer(args.get("page"), "page", 1, 1, None)
    facet_size = _integer(args.get("facet_size"), "facet_size", FACET_LIMIT, 1, MAX_FACET_SIZE)
    per_page = _integer(args.get("per_page"), "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    depth = int(config["MAX_PAGE_DEPTH"])
    if page * per_page > depth:
        raise InvalidParameterError("page", f"page × per_page may not pass {depth}; narrow the search instead")
    return SearchRequest(q=q, date_from=date_from, date_to=date_to, sort=sort, page=page, per_page=per_page,
                         accents=accents, facet_size=facet_size,
                         **{name: tuple(values) for name, values in filters.items()})


def _reject_empty(args) -> None:
    """An empty value is refused: it says nothing, and a client sending one may think it does."""
    for name in KNOWN:
        if name != "q" and "" in args.getlist(name):
            raise InvalidParameterError(name, f"'{name}' is empty; leave it out for the default")


def _values(args, name: str, most: int) -> list[str]:
    """The non-blank values of a repeatable parameter, NFC, each once, in the order given.

    The limit counts repetitions as given, as the OpenAPI's maxItems does, not distinct values."""
    given = args.getlist(name)
    values = list(dict.fromkeys(nfc(v).strip() for v in given if v.strip()))
    if len(given) > most:
        raise InvalidParameterError(name, f"'{name}' may be repeated at most {most} times")
    for value in values:
        if len(value) > MAX_FILTER_CHARS:
            raise InvalidParameterError(name, f"a '{name}' value is longer than {MAX_FILTER_CHARS} characters")
    return values


def _date(value: str | None, name: str) -> str | None:
    if not value:
        return None
    if not _DATE.fullmatch(value):
        raise InvalidParameterError(name, f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value[:40]!r}")
    if not is_calendar_date(value):
        raise InvalidParameterError(name, f"{name} {value!r} is not a calendar date")
    return value


def _integer(value: str | None, name: str, default: int, low: int, high: int | None) -> int:
    if value is None or value == "":
        return default
    if not _WHOLE_NUMBER.fullmatch(value):
        raise InvalidParameterError(name, f"{name} must be a whole number, not {value[:40]!r}")
    number = int(value)
    if number < low or (high is not None and number > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise InvalidParameterError(name, f"{name} must be {bounds}, not {number}")
    return number
