"""The research endpoints of the JSON API: a search's key terms, an article's similar articles.

Both answer what the page's panels show (the page calls the same functions): /api/v1/terms
takes the search's parameters and `size`; /api/v1/documents/<id>/similar takes `size` only.
"""

from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, current_app, jsonify, request
from werkzeug.datastructures import MultiDict

from indexer.search import keyterms, similar
from searchsvc.views.api import index_handle
from searchsvc.errors import error_body
from searchsvc.params import InvalidParameterError, parse_search_args, reject_unknown
from searchsvc.renderers.api_json import hit_to_json

blueprint = Blueprint("research", __name__)
DEFAULT_TERMS = 20
DEFAULT_SIMILAR = 10


@blueprint.get("/api/v1/terms")
def terms():
    args, size = own_integer(request.args, "size", DEFAULT_TERMS, keyterms.MAX_SIZE)
    found = keyterms.key_terms(index_handle(), parse_search_args(args, current_app.config), size)
    return jsonify(terms_to_json(found))


@blueprint.get("/api/v1/documents/<path:doc_id>/similar")
def similar_documents(doc_id: str):
    args, size = own_integer(request.args, "size", DEFAULT_SIMILAR, similar.MAX_SIZE)
    reject_unknown(args, ())
    found = similar.similar_articles(index_handle(), doc_id, size)
    if found is None:
        return jsonify(error_body("not_found", f"no document with id {doc_id[:200]!r}")), 404
    return jsonify({"hits": [hit_to_json(hit) for hit in found.hits], "terms": found.terms, "took_ms": found.took_ms})


def terms_to_json(found: keyterms.KeyTerms) -> dict:
    """KeyTerms as the /api/v1/terms response body."""
    return {"terms": [asdict(term) for term in found.terms], "sample": found.sample, "took_ms": found.took_ms}


def own_integer(args, name: str, default: int, most: int) -> tuple[MultiDict, int]:
    """(the other parameters, the value of the endpoint's own whole-number parameter `name`,
    from 1 to `most`), or InvalidParameterError naming it."""
    rest = MultiDict(args)
    values = rest.poplist(name)
    if len(values) > 1:
        raise InvalidParameterError(name, f"'{name}' may be given only once")
    if not values:
        return rest, default
    value = values[0]
    if not (value.isascii() and value.isdigit() and len(value) <= 9) or not 1 <= int(value) <= most:
        raise InvalidParameterError(name, f"{name} must be a whole number between 1 and {most}, not {value[:40]!r}")
    return rest, int(value)
