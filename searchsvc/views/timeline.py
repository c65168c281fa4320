"""Attention over time as JSON (/api/v1/timeline), CSV (/api/v1/timeline.csv) and a page (/timeline).

The three read the same parameters through `parse_timeline_args` and render the same
`Timeline` (indexer.search.timeline), as the search's page and API render the same SearchPage.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request
from werkzeug.datastructures import MultiDict

from indexer.search.query import MAX_QUERY_CHARS
from indexer.search.results import FILTERS, SearchRequest
from indexer.search.timeline import INTERVALS, MAX_QUERIES, Timeline, TooManyPeriodsError, period_search_range, run_timeline
from indexer.text.vietnamese import nfc
from searchsvc import i18n
from searchsvc.renderers import linechart
from searchsvc.views import pages
from searchsvc.views.api import index_handle
from searchsvc.views.links import page_url
from searchsvc.params import InvalidParameterError, parse_search_args, reject_unknown

blueprint = Blueprint("timeline", __name__)
KNOWN = ("q", "interval", "accents", "date_from", "date_to", *FILTERS)
SCALES = ("count", "ratio")  # what the page's chart draws: articles, or their share of all articles
_PAGE_ONLY = ("scale", "lang")


def parse_timeline_args(args, config: Mapping[str, Any], *, browser: bool = False
                        ) -> tuple[list[str], str, SearchRequest]:
    """The queries, the interval and the filters of a timeline request, or InvalidParameterError.

    The filters are read by the search's own `parse_search_args`. The page (`browser`) drops
    blank query fields (its form has five) and parameters it does not know.
    """
    if not browser:
        reject_unknown(args, KNOWN)
    queries = [nfc(q).strip() for q in args.getlist("q")]
    if browser:
        queries = [q for q in queries if q]
    elif "" in queries:
        raise InvalidParameterError("q", "a 'q' is empty; give each query some words")
    if not queries and not browser:
        raise InvalidParameterError("q", f"give at least one query: q=...; up to {MAX_QUERIES}")
    if len(queries) > MAX_QUERIES:
        raise InvalidParameterError("q", f"at most {MAX_QUERIES} queries may be compared, not {len(queries)}")
    queries = list(dict.fromkeys(queries))
    for q in queries:
        if len(q) > MAX_QUERY_CHARS:
            raise InvalidParameterError("q", f"a query is {len(q)} characters long; the limit is {MAX_QUERY_CHARS}")
    if len(args.getlist("interval")) > 1:
        raise InvalidParameterError("interval", "'interval' may be given only once")
    interval = args.get("interval") or ("month" if browser or "interval" not in args else "")
    if interval not in INTERVALS:
        raise InvalidParameterError("interval", f"interval must be one of {', '.join(INTERVALS)}, not {interval[:40]!r}")
    rest = MultiDict([(k, v) for k, v in args.items(multi=True) if k in KNOWN and k not in ("q", "interval")])
    return queries, interval, parse_search_args(rest, config, browser=browser)


def counted(queries: list[str], interval: str, filters: SearchRequest) -> Timeline:
    """The timeline of the request; too many periods is the fault of `interval` (400)."""
    try:
        return run_timeline(index_handle(), queries, filters, interval)
    except TooManyPeriodsError as error:
        raise InvalidParameterError("interval", str(error)) from None


def timeline_to_json(timeline: Timeline) -> dict:
    # Not dataclasses.asdict: its deep copy took longer than the counting for 2,600 weekly points.
    return {"interval": timeline.interval, "series": [
        {"query": s.query, "total": s.total, "points": [
            {"period": p.period, "count": p.count, "total": p.total, "ratio": p.ratio} for p in s.points]}
        for s in timeline.series]}


@blueprint.get("/api/v1/timeline")
def timeline_json():
    queries, interval, filters = parse_timeline_args(request.args, current_app.config)
    return jsonify(timeline_to_json(counted(queries, interval, filters)))


@blueprint.get("/api/v1/timeline.csv")
def timeline_csv():
    queries, interval, filters = parse_timeline_args(request.args, current_app.config)
    timeline = counted(queries, interval, filters)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["query", "period", "count", "total", "ratio"])
    for series in timeline.series:
        for point in series.points:
            writer.writerow([series.query, point.period, point.count, point.total, point.ratio])
    # A byte order mark, so that spreadsheets open the Vietnamese text as UTF-8.
    return Response("\ufeff" + out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="timeline-{interval}.csv"'})


@blueprint.get("/timeline")
def timeline_page():
    args = request.args
    queries, interval, filters = parse_timeline_args(args, current_app.config, browser=True)
    scale = args.get("scale") if args.get("scale") in SCALES else "count"
    timeline = counted(queries, interval, filters) if queries else Timeline(interval, [])
    lang = pages.current_lang()
    t = i18n.translator(lang)
    kept = [(k, v) for k, v in args.items(multi=True) if v != "" and k in (*KNOWN, *_PAGE_ONLY)]
    filter_pairs = [(k, v) for k, v in kept if k not in ("q", "interval", "scale", "lang")]
    language = [(k, v) for k, v in kept if k == "lang"]

    def search_url(query: str, period: str) -> str:
        low, high = period_search_range(interval, period, filters.date_from, filters.date_to)
        return page_url("/", [("q", query), *filter_pairs, ("date_from", low), ("date_to", high), *language])

    chart = linechart.line_chart(timeline, scale, search_url,
                                 label=lambda query, period, count, ratio: t(
                                     "timeline_point", query=query, period=format_period(interval, period, lang),
                                     count=i18n.format_number(count, lang), percent=format_percent(ratio, lang)),
                                 tick=lambda period: format_period(interval, period, lang),
                                 y_label=lambda v: format_percent(v, lang) if scale == "ratio"
                                 else i18n.format_number(int(v), lang))
    api_pairs = [(k, v) for k, v in kept if k not in _PAGE_ONLY]
    scale_urls = {name: page_url("/timeline", [(k, v) for k, v in kept if k != "scale"] + [("scale", name)])
                  for name in SCALES}
    slots = queries + [""] * (MAX_QUERIES - len(queries))
    return render_template(
        "timeline.html", timeline=timeline, chart=chart, queries=queries, slots=slots, interval=interval,
        intervals=INTERVALS, scale=scale, scale_urls=scale_urls, search=filters, hidden=filter_pairs,
        csv_url=page_url("/api/v1/timeline.csv", api_pairs), json_url=page_url("/api/v1/timeline", api_pairs),
        search_url=search_url, fmt_period=lambda period: format_period(interval, period, lang),
        fmt_percent=lambda ratio: format_percent(ratio, lang),
    )


@blueprint.after_request
def language_headers(response: Response) -> Response:
    return pages.language_headers(response)


def format_period(interval: str, period: str, lang: str) -> str:
    """A period as people read it: a week by its ISO name, other periods as dates."""
    if interval == "week":
        return period.replace("-W", " · " + i18n.translator(lang)("timeline_week_short") + " ")
    return i18n.format_date(period, lang)


def format_percent(ratio: float, lang: str) -> str:
    """0.0353 as "3,53%" in Vietnamese and "3.53%" in English."""
    text = f"{ratio * 100:.2f}%"
    return text.replace(".", ",") if lang == "vi" else text
