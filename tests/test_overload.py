"""Past its limit of requests in progress the service answers 503 at once, and recovers."""

from __future__ import annotations

import json
import threading

from searchsvc import create_app
from searchsvc.overload import InFlightLimit


def call(app, path="/"):
    captured = {}

    def start_response(status, headers):
        captured["status"], captured["headers"] = status, dict(headers)

    body = app({"REQUEST_METHOD": "GET", "PATH_INFO": path}, start_response)
    content = b"".join(body)
    if hasattr(body, "close"):
        body.close()
    return captured["status"], captured["headers"], content


def test_a_request_over_the_limit_gets_a_json_503_with_retry_after_and_the_next_one_is_served():
    entered, release = threading.Event(), threading.Event()

    def slow_app(environ, start_response):
        entered.set()
        release.wait(10)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return ["Hội thảo".encode("utf-8")]

    app = InFlightLimit(slow_app, limit=1)
    first = threading.Thread(target=call, args=(app,))
    first.start()
    assert entered.wait(10)

    status, headers, content = call(app)
    release.set()
    first.join(10)

    assert status.startswith("503")
    assert headers["Retry-After"] == "1"
    assert json.loads(content)["error"] == "overloaded"
    assert call(app)[0].startswith("200")


def test_the_service_sheds_with_its_configured_limit(small_index):
    app = create_app({"INDEX_DIR": str(small_index), "MAX_IN_FLIGHT": 0})

    answer = app.test_client().get("/api/v1/search", query_string={"q": "hội thảo"})

    assert answer.status_code == 503 and answer.json["error"] == "overloaded"


def test_vnsearch_serve_sheds_before_its_threads_are_all_busy_unless_told_otherwise():
    from vnsearch.cli import serve_overrides

    assert serve_overrides(None, 8, {})["MAX_IN_FLIGHT"] == 6  # two of the default 8 threads answer 503s
    assert serve_overrides(None, 1, {})["MAX_IN_FLIGHT"] == 1
    assert "MAX_IN_FLIGHT" not in serve_overrides(None, 8, {"SEARCHSVC_MAX_IN_FLIGHT": "32"})
