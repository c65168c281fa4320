"""The same searches as files: all matches as CSV, the newest matches as an Atom feed.

Both take the search parameters of /api/v1/search (validated the same way, same 400s);
`page` and `per_page` are ignored. The CSV holds every match in the request's order up to
CSV_MAX_ROWS (the `X-Total-Count` and `X-Rows` headers say whether it was cut); the feed
holds the FEED_ENTRIES newest matches.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from flask import Blueprint, Response, current_app, request, url_for

from indexer.search.search import Hit, run_search
from searchsvc.views.api import index_handle
from searchsvc.params import parse_search_args

blueprint = Blueprint("exports", __name__)
CSV_COLUMNS = ("id", "title", "url", "source", "date", "organizers", "event_type", "author", "score")
# A cell whose first visible character is one of these is a formula to a spreadsheet
# (OWASP "CSV injection"; the full-width forms too, which some locales accept); a leading
# apostrophe makes it text.
_FORMULA_STARTS = tuple("=+-@\t\r\n＝＋－＠")
# Excel reads a UTF-8 CSV as the local code page unless it opens with a byte-order mark.
_BOM = "\ufeff"
# Characters XML 1.0 forbids anywhere in a document, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@blueprint.get("/api/v1/search.csv")
def search_csv():
    search_request = parse_search_args(request.args, current_app.config)
    cap = int(current_app.config["CSV_MAX_ROWS"])
    everything = replace(search_request, page=1, per_page=cap)
    page = run_search(index_handle(), everything, snippets=False)
    headers = {"Content-Disposition": 'attachment; filename="vnsearch.csv"',
               "X-Total-Count": str(page.total), "X-Rows": str(len(page.hits))}
    return Response(_csv_lines(page.hits), mimetype="text/csv", headers=headers)


def _csv_lines(hits: list[Hit]) -> Iterator[str]:
    """The CSV text, a row at a time: a BOM and the header, then one row per hit."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield _BOM + buffer.getvalue()
    for hit in hits:
        buffer.seek(0)
        buffer.truncate()
        organizers = "; ".join(o.get("name") or "" for o in hit.organizers)
        values = [hit.id, hit.title, hit.url, hit.source, hit.date, organizers, hit.event_type, hit.author, hit.score]
        writer.writerow([safe_cell(v) for v in values])
        yield buffer.getvalue()


def safe_cell(value: object) -> str:
    """The value as CSV cell text that no spreadsheet will run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.lstrip(" ").startswith(_FORMULA_STARTS) else text


@blueprint.get("/feed.atom")
def feed():
    search_request = parse_search_args(request.args, current_app.config)
    newest = replace(search_request, sort="newest", page=1, per_page=int(current_app.config["FEED_ENTRIES"]))
    page = run_search(index_handle(), newest)
    updated = max((hit.date for hit in page.hits if hit.date), default=None)
    title = f"vnsearch: {search_request.q}" if search_request.q else "vnsearch: newest articles"
    # Links start with the configured public address, never with the request's Host header
    # (which a client chooses); ids are tag URIs, the same whatever address the feed is read at.
    base = (current_app.config.get("BASE_URL") or "").rstrip("/")
    query = request.query_string.decode("utf-8", "replace")
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<id>{_text(f'{_TAG}search?{query}')}</id><title>{_text(title)}</title>",
        f"<updated>{atom_time(updated)}</updated>",
        f'<link rel="self" href="{_attribute(base + request.path + (f"?{query}" if query else ""))}"/>',
        "<author><name>vnsearch</name></author>",
    ]
    parts.extend(_entry(hit, base) for hit in page.hits)
    parts.append("</feed>\n")
    return Response("".join(parts), mimetype="application/atom+xml")


def _entry(hit: Hit, base: str) -> str:
    page_url = base + url_for("pages.document", doc_id=hit.id)
    # Only web links leave the feed as they are; a javascript: or data: URL would run in a reader.
    link = hit.url if hit.url and urlsplit(hit.url).scheme.lower() in ("http", "https") else page_url
    category = f'<category term="{_attribute(hit.event_type)}"/>' if hit.event_type else ""
    return (
        "<entry>"
        f"<id>{_text(_TAG + 'doc/' + hit.id)}</id>"
        f"<title>{_text(hit.title or hit.id)}</title>"
        f'<link rel="alternate" href="{_attribute(link)}"/>'
        f"<updated>{atom_time(hit.date)}</updated>"
        f"<author><name>{_text(hit.author or hit.source or 'vnsearch')}</name></author>"
        f"{category}"
        f'<summary type="html">{_text(hit.snippet)}</summary>'
        "</entry>"
    )


_TAG = "tag:vnsearch,2026:"  # RFC 4151: ids that do not depend on where the service is reached


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _attribute(value: str) -> str:
    return escape(_NOT_XML.sub("", value), {'"': "&quot;"})


def atom_time(date: str | None) -> str:
    """An RFC 3339 time for a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date (its first day; undated: 1970)."""
    date = date or "1970-01-01"
    if len(date) == 4:
        date += "-01-01"
    elif len(date) == 7:
        date += "-01"
    return date[:10] + "T00:00:00Z"
