"""The search page and the document page, rendered on the server from the same search result."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request

from indexer.search import get_document, run_search
from searchsvc.api import index_handle
from searchsvc.params import parse_search_args

blueprint = Blueprint("pages", __name__)


@blueprint.get("/")
def search_page():
    search_request = parse_search_args(request.args, current_app.config)
    page = run_search(index_handle(), search_request)
    return render_template("search.html", page=page, args=request.args)


@blueprint.get("/doc/<path:doc_id>")
def document(doc_id: str):
    record = get_document(index_handle(), doc_id)
    if record is None:
        abort(404, description=f"no document with id {doc_id!r}")
    return render_template("document.html", doc=record)
