"""The search service: a Flask app with a page for people and a JSON API for programs."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from indexer.search.handle import IndexHandle
from searchsvc.overload import InFlightLimit
from searchsvc.renderers.snippet_html import snippet_html
from searchsvc.settings import defaults

# Inline scripts are forbidden; the page needs none (it works without JavaScript).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def create_app(overrides: dict | None = None) -> Flask:
    """Builds the app: defaults, then SEARCHSVC_* environment variables, then `overrides`."""
    app = Flask(__name__)  # templates/ and static/ beside this file, installed with the package
    app.config.from_mapping(defaults())
    app.config.from_prefixed_env("SEARCHSVC")
    if overrides:
        app.config.update(overrides)
    budget_s = float(app.config["SEARCH_TIME_BUDGET_MS"]) / 1000
    app.extensions["index"] = IndexHandle(Path(app.config["INDEX_DIR"]), time_budget_s=budget_s)

    from searchsvc import errors
    from searchsvc.views import api, exports, pages, research, timeline

    app.register_blueprint(api.blueprint)
    app.register_blueprint(exports.blueprint)
    app.register_blueprint(research.blueprint)
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(timeline.blueprint)
    errors.register(app)
    app.add_template_filter(snippet_html)  # `{{ hit.snippet|snippet_html }}`

    @app.after_request
    def secure_headers(response):
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    app.wsgi_app = InFlightLimit(app.wsgi_app, int(app.config["MAX_IN_FLIGHT"]))  # type: ignore[method-assign]
    return app
