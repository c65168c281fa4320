"""Clients that send their headers a byte at a time neither lock other clients out nor stay open."""

from __future__ import annotations

import selectors
import socket
import threading
import time

import pytest

from bench.replicas import SEED_ARTICLES, ids_for, start_server
from indexer.index.build import build_index

pytestmark = pytest.mark.slow

SLOW_CLIENTS = 150  # more than waitress's default connection limit (100), many more than threads
CLIENT_TIMEOUT_S = 3
ANSWER_BUDGET_S = 2.0  # the search's own time budget


class Slowloris:
    """Sockets that each send an endless request header, one byte per round, until closed."""

    def __init__(self, port: int, count: int) -> None:
        self.sockets = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(count)]
        self.closed_by_server: set[int] = set()
        self._stop = threading.Event()
        self._rounds = threading.Semaphore(0)  # released once per byte sent on every socket
        self._thread = threading.Thread(target=self._dribble, daemon=True)
        self._thread.start()

    def _dribble(self) -> None:
        header = b"GET /api/v1/search?q=hoi+thao HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Slow: a\r\n" * 10_000
        position = 0
        while not self._stop.is_set():
            byte = header[position % len(header):][:1]
            for number, sock in enumerate(self.sockets):
                if number not in self.closed_by_server:
                    try:
                        sock.send(byte)
                    except OSError:
                        self.closed_by_server.add(number)
            position += 1
            self._rounds.release()
            self._stop.wait(0.2)  # a slow client's pace: the behaviour under test, not a wait for an event

    def wait_for_rounds(self, rounds: int) -> None:
        """Returns once every open socket has sent `rounds` more bytes."""
        for _ in range(rounds):
            assert self._rounds.acquire(timeout=10), "the slow sockets stopped sending"

    def wait_until_all_closed(self, timeout: float) -> int:
        """Waits until the server has closed every socket (reading EOF); how many it closed."""
        selector = selectors.DefaultSelector()
        for number, sock in enumerate(self.sockets):
            selector.register(sock, selectors.EVENT_READ, number)
        deadline = time.monotonic() + timeout
        while len(self.closed_by_server) < len(self.sockets) and time.monotonic() < deadline:
            for key, _ in selector.select(timeout=0.5):
                try:
                    if not key.fileobj.recv(4096):  # type: ignore[union-attr]
                        self.closed_by_server.add(key.data)
                        selector.unregister(key.fileobj)
                except OSError:
                    self.closed_by_server.add(key.data)
                    selector.unregister(key.fileobj)
        selector.close()
        return len(self.closed_by_server)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        for sock in self.sockets:
            sock.close()


@pytest.fixture(params=[1, 2], ids=["waitress", "gunicorn-2-workers"])
def server(request, tmp_path, monkeypatch):
    monkeypatch.setenv("SEARCHSVC_CLIENT_TIMEOUT_S", str(CLIENT_TIMEOUT_S))
    index_dir = tmp_path / "index"
    build_index(list(SEED_ARTICLES), index_dir, rebuild=True, jobs=1)
    running = start_server(index_dir, threads=4, workers=request.param, ready_timeout=40)
    try:
        yield running
    finally:
        running.stop()


def test_a_client_is_answered_within_the_budget_while_150_others_send_headers_a_byte_at_a_time(server):
    slow = Slowloris(server.port, SLOW_CLIENTS)
    try:
        slow.wait_for_rounds(5)  # every slow socket has a partial request on the server

        started = time.monotonic()
        ids = ids_for(server, "hội thảo")
        took = time.monotonic() - started

        assert "mic-2023-chuyen-doi-so" in ids
        assert took < ANSWER_BUDGET_S, f"answered in {took:.1f} s"
    finally:
        slow.stop()


def test_sockets_that_never_finish_their_headers_are_closed_after_the_client_timeout(server):
    slow = Slowloris(server.port, SLOW_CLIENTS)
    try:
        closed = slow.wait_until_all_closed(timeout=CLIENT_TIMEOUT_S * 4 + 5)

        assert closed == SLOW_CLIENTS
        assert "mic-2023-chuyen-doi-so" in ids_for(server, "hội thảo")
    finally:
        slow.stop()
