"""Every error the service can answer with, mapped once to a status and a body.

Under /api/, /healthz and /feed.atom the body is JSON `{"error", "message", "param"}`:
`error` a stable machine-readable code, `message` plain words saying what to change,
`param` the request parameter at fault (null when none is). Pages get the error page.
"""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from indexer.search.query import InvalidQueryError
from indexer.index.store import IndexCorruptError, IndexNotBuiltError, IndexVersionError
from searchsvc.params import InvalidParameterError


def error_body(error: str, message: str, param: str | None = None) -> dict:
    """The JSON body of an error answer."""
    return {"error": error, "message": message, "param": param}


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path in ("/healthz", "/feed.atom")


def _answer(status: int, body: dict, headers: dict | None = None):
    if _wants_json():
        return jsonify(body), status, headers or {}
    from searchsvc.views.pages import current_lang  # not at the top: pages imports api, which imports this module

    # In the page's language, also for a path no page serves (no blueprint adds the header there).
    return render_template("error.html", status=status, error=body), status, \
        {"Content-Language": current_lang(), **(headers or {})}


def register(app: Flask) -> None:
    """Installs the error handlers on `app`."""

    @app.errorhandler(InvalidParameterError)
    def bad_parameter(error: InvalidParameterError):
        return _answer(400, error_body(error.code, error.message, error.param))

    @app.errorhandler(InvalidQueryError)
    def bad_query(error: InvalidQueryError):
        return _answer(400, error_body("invalid_query", str(error), "q"))

    @app.errorhandler(IndexNotBuiltError)
    def no_index(error: IndexNotBuiltError):
        return _answer(503, error_body("index_not_built", str(error)))

    @app.errorhandler(IndexVersionError)
    def old_index(error: IndexVersionError):
        return _answer(503, error_body("index_version_mismatch", str(error)))

    @app.errorhandler(IndexCorruptError)
    def broken_index(error: IndexCorruptError):
        return _answer(503, error_body("index_unreadable", str(error)))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        headers = {}
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            headers["Allow"] = ", ".join(error.valid_methods)
        code = error.name.lower().replace(" ", "_")
        return _answer(error.code or 500, error_body(code, error.description or ""), headers)

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        app.logger.exception("unexpected error on %s", request.full_path)
        return _answer(500, error_body("internal_error", "the service failed on this request; it has been logged"))
