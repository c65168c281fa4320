"""The same searches as files: all matches as CSV, the newest matches as an Atom feed.

They take the search parameters of /api/v1/search (validated the same way, same 400s);
`page` and `per_page` are ignored. The CSV and the RIS citations hold every match in the
request's order up to CSV_MAX_ROWS (the `X-Total-Count` and `X-Rows` headers say whether it
was cut); the feed holds the FEED_ENTRIES newest matches. The CSV's `sep=semicolon` makes
its cells separated by semicolons, as spreadsheets set up for Vietnamese (where the comma
is the decimal mark) expect. The renderings themselves are in searchsvc/renderers/.
"""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, Response, current_app, request, url_for

from indexer.search.results import SearchPage
from indexer.search.search import run_search
from searchsvc.params import InvalidParameterError, parse_search_args
from searchsvc.renderers import ris
from searchsvc.renderers.atom import atom_feed
from searchsvc.renderers.csv_table import csv_lines
from searchsvc.views.api import index_handle

blueprint = Blueprint("exports", __name__)
SEPARATORS = {"comma": ",", "semicolon": ";"}  # the CSV's `sep` parameter


@blueprint.get("/api/v1/search.csv")
def search_csv():
    args = request.args.copy()
    separators = args.poplist("sep")
    if len(separators) > 1 or (separators and separators[0] not in SEPARATORS):
        raise InvalidParameterError("sep", f"sep must be given once, one of {', '.join(SEPARATORS)}")
    page = _every_match(args, snippets=True)
    delimiter = SEPARATORS[separators[0] if separators else "comma"]
    return Response(csv_lines(page.hits, delimiter), mimetype="text/csv",
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


@blueprint.get("/feed.atom")
def feed():
    search_request = parse_search_args(request.args, current_app.config)
    newest = replace(search_request, sort="newest", page=1, per_page=int(current_app.config["FEED_ENTRIES"]))
    page = run_search(index_handle(), newest)
    # The configured public address, never the request's Host header (which a client chooses).
    base = (current_app.config.get("BASE_URL") or "").rstrip("/")
    query = request.query_string.decode("utf-8", "replace")
    self_url = base + request.path + (f"?{query}" if query else "")

    def document_url(doc_id: str) -> str:
        return base + url_for("pages.document", doc_id=doc_id)

    return Response(atom_feed(page, query, self_url, document_url), mimetype="application/atom+xml")
