"""The same searches as files: all matches as CSV, the newest matches as an Atom feed.

They take the search parameters of /api/v1/search (validated the same way, same 400s);
`page` and `per_page` are ignored. The CSV and the RIS citations hold every match in the
request's order up to CSV_MAX_ROWS (the `X-Total-Count` and `X-Rows` headers say whether it
was cut); the feed holds the FEED_ENTRIES newest matches. The CSV's `sep=semicolon` makes
its cells separated by semicolons, as spreadsheets set up for Vietnamese (where the comma
is the decimal mark) expect.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from flask import Blueprint, Response, current_app, request, url_for

from indexer.search.results import Hit, SearchPage

from indexer.search.search import run_search
from searchsvc.renderers import ris
from searchsvc.views.api import index_handle
from searchsvc.params import InvalidParameterError, parse_search_args

blueprint = Blueprint("exports", __name__)
CSV_COLUMNS = ("id", "title", "url", "source", "date", "date_source", "organizers", "event_type", "author", "score",
               "snippet")
SEPARATORS = {"comma": ",", "semicolon": ";"}  # the CSV's `sep` parameter
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
    args = request.args.copy()
    separators = args.poplist("sep")
    if len(separators) > 1 or (separators and separators[0] not in SEPARATORS):
        raise InvalidParameterError("sep", f"sep must be given once, one of {', '.join(SEPARATORS)}")
    page = _every_match(args, snippets=True)
    delimiter = SEPARATORS[separators[0] if separators else "comma"]
    return Response(_csv_lines(page.hits, delimiter), mimetype="text/csv",
                    headers=_export_headers(page, "vnsearch.csv"))


@blueprint.get("/api/v1/search.ris")
def search_ris():
    page = _every_match(request.args, snippets=False)
    return Response(ris.ris_records(page.hits), mimetype=ris.MIMETYPE, headers=_export_headers(page, "vnsearch.ris"))


def _every_match(args, snippets: bool) -> SearchPage:
    """The search of the query string with every match on one page, up to CSV_MAX_ROWS."""
    search_request = parse_search_args(args, current_app.config)
    cap = int(current_app.config["CSV_MAX_ROWS"])
    return run_search(index_handle(), replace(search_request, page=1, per_page=cap), snippets=snippets)


def _export_headers(page: SearchPage, filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"',
            "X-Total-Count": str(page.total), "X-Rows": str(len(page.hits))}


def _csv_lines(hits: list[Hit], delimiter: str = ",") -> Iterator[str]:
    """The CSV text, a row at a time: a BOM and the header, then one row per hit."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(CSV_COLUMNS)
    yield _BOM + buffer.getvalue()
    for hit in hits:
        buffer.seek(0)
        buffer.truncate()
        organizers = "; ".join(o.get("name") or "" for o in hit.organizers)
        values = [hit.id, hit.title, hit.url, hit.source, hit.date, hit.date_source, organizers, hit.event_type,
                  hit.author, hit.score, plain_text(hit.snippet)]
        writer.writerow([safe_cell(v) for v in values])
        yield buffer.getvalue()


def plain_text(snippet: str) -> str:
    """A hit's HTML snippet as the text it shows (the <mark> tags out, entities decoded)."""
    return html.unescape(_MARKS.sub("", snippet))


_MARKS = re.compile(r"</?mark>")


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
