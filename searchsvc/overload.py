"""Shedding load: past a number of requests in progress, answer 503 at once instead of queueing.

waitress queues requests without bound; past what the cores can answer, every queued
request waits longer than its client will, and is still computed after the client left.
Answering 503 with Retry-After keeps the answered requests fast and tells clients (and a
reverse proxy) to come back.
"""

from __future__ import annotations

import json
import threading


class InFlightLimit:
    """WSGI middleware: at most `limit` requests in progress; the next ones get a JSON 503."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit
        self._in_flight = 0
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self._lock:
            admitted = self._in_flight < self.limit
            if admitted:
                self._in_flight += 1
        if not admitted:
            return _overloaded(start_response, self.limit)
        try:
            # Counted while the application computes the answer; a streamed body (the CSV)
            # is sent after, uncounted: a count that waited for the body to be closed
            # would leak whenever a client or test never closes it.
            return self.app(environ, start_response)
        finally:
            with self._lock:
                self._in_flight -= 1


def _overloaded(start_response, limit: int) -> list[bytes]:
    body = json.dumps({
        "error": "overloaded",
        "message": f"the service is answering {limit} requests already; retry in a second",
        "param": None,
    }).encode("utf-8")
    start_response("503 Service Unavailable", [
        ("Content-Type", "application/json"), ("Content-Length", str(len(body))), ("Retry-After", "1"),
    ])
    return [body]
