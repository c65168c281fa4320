"""The same searches as files: all matches as CSV, the newest matches as an Atom feed."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from xml.sax.saxutils import escape

from flask import Blueprint, Response, current_app, request, url_for

from indexer.search import run_search
from searchsvc.api import index_handle
from searchsvc.params import parse_search_args

blueprint = Blueprint("exports", __name__)
CSV_COLUMNS = ("id", "title", "url", "source", "date", "organizers", "event_type", "author", "score")
# A cell starting with one of these is a formula to a spreadsheet; prefixed with ' it is text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@blueprint.get("/api/v1/search.csv")
def search_csv():
    search_request = parse_search_args(request.args, current_app.config)
    cap = int(current_app.config["CSV_MAX_ROWS"])
    everything = replace(search_request, page=1, per_page=cap)
    page = run_search(index_handle(), everything, snippets=False)

    def rows():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        for hit in page.hits:
            organizers = "; ".join(o.get("name", "") for o in hit.organizers)
            values = [hit.id, hit.title, hit.url, hit.source, hit.date, organizers, hit.event_type, hit.author, hit.score]
            writer.writerow([_safe_cell(v) for v in values])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()

    headers = {"Content-Disposition": 'attachment; filename="vnsearch.csv"',
               "X-Total-Count": str(page.total), "X-Rows": str(len(page.hits))}
    return Response(rows(), mimetype="text/csv", headers=headers)


def _safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


@blueprint.get("/feed.atom")
def feed():
    search_request = parse_search_args(request.args, current_app.config)
    newest = replace(search_request, sort="newest", page=1, per_page=int(current_app.config["FEED_ENTRIES"]))
    page = run_search(index_handle(), newest)
    self_url = request.url
    updated = max((hit.date for hit in page.hits if hit.date), default="1970-01-01")
    entries = []
    for hit in page.hits:
        link = hit.url or url_for("pages.document", doc_id=hit.id, _external=True)
        entries.append(
            "<entry>"
            f"<id>{escape(url_for('pages.document', doc_id=hit.id, _external=True))}</id>"
            f"<title>{escape(hit.title or hit.id)}</title>"
            f'<link href="{escape(link, {chr(34): "&quot;"})}"/>'
            f"<updated>{_atom_time(hit.date)}</updated>"
            f"<author><name>{escape(hit.author or hit.source or 'vnsearch')}</name></author>"
            f'<summary type="html">{escape(hit.snippet)}</summary>'
            "</entry>"
        )
    title = f"vnsearch: {search_request.q}" if search_request.q else "vnsearch: newest articles"
    body = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>{escape(self_url)}</id><title>{escape(title)}</title>"
        f"<updated>{_atom_time(updated)}</updated>"
        f'<link rel="self" href="{escape(self_url, {chr(34): "&quot;"})}"/>'
        + "".join(entries)
        + "</feed>"
    )
    return Response(body, mimetype="application/atom+xml")


def _atom_time(date: str | None) -> str:
    date = date or "1970-01-01"
    if len(date) == 4:
        date += "-01-01"
    elif len(date) == 7:
        date += "-01"
    return date[:10] + "T00:00:00Z"
