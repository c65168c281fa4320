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
            body = self.app(environ, start_response)
        except BaseException:
            self._leave()
            raise
        return _ClosingBody(body, self._leave)  # a streamed body counts until it is sent

    def _leave(self) -> None:
        with self._lock:
            self._in_flight -= 1


class _ClosingBody:
    """A response body that calls `on_done` once: when fully sent or when the server closes it."""

    def __init__(self, body, on_done) -> None:
        self._body = body
        self._on_done = on_done
        self._done = False

    def __iter__(self):
        try:
            yield from self._body
        finally:
            self._finish()

    def close(self) -> None:
        try:
            close = getattr(self._body, "close", None)
            if close is not None:
                close()
        finally:
            self._finish()

    def _finish(self) -> None:
        if not self._done:
            self._done = True
            self._on_done()


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
