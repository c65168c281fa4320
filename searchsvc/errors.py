"""Every error the service can answer with, mapped once to a status and a JSON body."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from indexer.query import InvalidQueryError
from indexer.store import IndexCorruptError, IndexNotBuiltError, IndexVersionError
from searchsvc.params import InvalidParameterError


def error_body(error: str, message: str, param: str | None = None) -> dict:
    body = {"error": error, "message": message}
    if param is not None:
        body["param"] = param
    return body


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path in ("/healthz", "/feed.atom")


def _answer(status: int, body: dict):
    if _wants_json():
        return jsonify(body), status
    return render_template("error.html", status=status, error=body), status


def register(app: Flask) -> None:
    @app.errorhandler(InvalidParameterError)
    def bad_parameter(error: InvalidParameterError):
        return _answer(400, error_body("invalid_parameter", error.message, error.param))

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
        return _answer(error.code or 500, error_body(error.name.lower().replace(" ", "_"), error.description or ""))

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        app.logger.exception("unexpected error on %s", request.full_path)
        return _answer(500, error_body("internal_error", "the service failed on this request; it has been logged"))
