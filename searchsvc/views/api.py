"""The JSON API under /api/v1: search, documents, the OpenAPI document; and /healthz.

The contract other services rely on is written down in `openapi.json` (served at
/api/v1/openapi.json); the tests validate real answers against it. Change it only
compatibly: new optional parameters and new response fields, never removals.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify, request

from searchsvc.renderers.api_json import page_to_json
from indexer.search.handle import IndexHandle
from indexer.search.search import get_document, run_search
from searchsvc.errors import error_body
from searchsvc.params import parse_search_args, reject_unknown

blueprint = Blueprint("api", __name__)
OPENAPI_FILE = Path(__file__).parent.parent / "openapi.json"


def index_handle() -> IndexHandle:
    """The app's handle on its index (opened on first use; 503 while there is none)."""
    return current_app.extensions["index"]


@blueprint.get("/api/v1/search")
def search():
    search_request = parse_search_args(request.args, current_app.config)
    page = run_search(index_handle(), search_request)
    return jsonify(page_to_json(page))


@blueprint.get("/api/v1/documents/<path:doc_id>")
def document(doc_id: str):
    reject_unknown(request.args, ())
    record = get_document(index_handle(), doc_id)
    if record is None:
        return jsonify(error_body("not_found", f"no document with id {doc_id[:200]!r}")), 404
    return jsonify(record)


@cache
def openapi_text() -> str:
    """The OpenAPI 3.1 document of this API, as shipped beside this module."""
    return OPENAPI_FILE.read_text(encoding="utf-8")


@blueprint.get("/api/v1/openapi.json")
def openapi():
    return Response(openapi_text(), mimetype="application/json")


@blueprint.get("/healthz")
def healthz():
    searcher = index_handle().searcher()
    return jsonify({"status": "ok", "documents": searcher.doc_count()})
