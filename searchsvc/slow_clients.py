"""Slow clients cannot hold the server: a request must arrive within a deadline, and reading it
costs no thread.

A client that sends its headers a byte at a time (slowloris) was enough, about a hundred of
them, to lock every other client out: waitress stops accepting at its connection limit (100)
and resets a channel's idle clock on every byte it receives, so a dribbling client is never
idle; gunicorn's `gthread` worker reads a request's headers in one of its threads, blocking,
so eight dribbling clients held every thread of a worker.

- waitress (one process): `DeadlineChannel` keeps a request's clock at the moment its first
  byte came, so waitress's own maintenance closes a request still incomplete after
  `client_timeout` seconds (and, as before, a connection idle that long).
- gunicorn (`--workers N`): `HeaderReadingWorker` is `gthread` whose poller, not a thread,
  gathers each request's headers; a thread takes the connection only once they are all there,
  and a connection whose headers are not complete after `client_timeout` seconds is closed.

Both reach into their server's internals (waitress's channel clock, gunicorn's connection and
poller), which is why the two servers are pinned with `==` in pyproject.toml.
"""

from __future__ import annotations

import selectors
import socket
import time
from collections import deque
from functools import partial
from typing import Any

from waitress.channel import HTTPChannel

# Bytes of headers gathered before a thread takes the request anyway: gunicorn's own limits
# (request line 4094 bytes, 100 fields of 8190 bytes) then answer an oversized one with 400.
MAX_HEADER_BYTES = 128 * 1024
HEADERS_END = (b"\r\n\r\n", b"\n\n")


class DeadlineChannel(HTTPChannel):
    """waitress's channel, whose activity clock stops while a request is partly received."""

    request_began: float | None = None
    last_activity: float  # set by waitress on every read and write

    def handle_read(self) -> None:
        before = self.request_began
        super().handle_read()
        if self.request is None:  # no request in progress: every byte is activity, as before
            self.request_began = None
            return
        self.request_began = before if before is not None else self.last_activity
        # waitress's maintenance closes a channel whose last activity is older than
        # channel_timeout: for a partial request, that is when its first byte came.
        self.last_activity = self.request_began


def waitress_server(app: object, host: str, port: int, threads: int, ident: str,
                    client_timeout: float, connection_limit: int) -> Any:
    """A waitress server whose requests must arrive within `client_timeout` seconds."""
    import waitress.server

    server = waitress.server.create_server(
        app, host=host, port=port, threads=threads, ident=ident, connection_limit=connection_limit,
        channel_timeout=client_timeout,
        # maintenance (closing late channels) runs this often; waitress's default is 30 s.
        cleanup_interval=max(1, int(client_timeout) // 2),
    )
    listeners = getattr(server, "map", None)  # several addresses: a MultiSocketServer
    for listener in (listeners.values() if listeners is not None else [server]):
        if hasattr(listener, "channel_class"):
            listener.channel_class = DeadlineChannel
    return server


def header_reading_worker(client_timeout: float) -> type:
    """gunicorn's `gthread` worker class with headers gathered by the poller, within a deadline."""
    from gunicorn.workers.gthread import ThreadWorker  # POSIX only

    class HeaderReadingWorker(ThreadWorker):
        def init_process(self) -> None:
            self.gathering: deque = deque()  # connections whose headers are arriving, oldest first
            super().init_process()

        def enqueue_req(self, conn: Any) -> None:
            """Every connection with a request to read comes here: accepted, kept alive, read ahead."""
            if getattr(conn, "headers_complete", False) or _buffered(conn):
                conn.headers_complete = False
                super().enqueue_req(conn)
                return
            conn.header_bytes = bytearray()
            conn.header_deadline = time.monotonic() + client_timeout
            conn.sock.setblocking(False)
            self.gathering.append(conn)
            self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._gather, conn))

        def _gather(self, conn: Any, _sock: socket.socket) -> None:
            try:
                chunk = conn.sock.recv(65536)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                chunk = b""
            if not chunk:  # the client went away
                self._stop_gathering(conn)
                self.nr_conns -= 1
                conn.close()
                return
            conn.header_bytes += chunk
            if len(conn.header_bytes) < MAX_HEADER_BYTES and not any(end in conn.header_bytes for end in HEADERS_END):
                return
            self._stop_gathering(conn)
            conn.init()  # the parser exists now (a kept-alive connection has one already)
            conn.parser.unreader.unread(bytes(conn.header_bytes))
            conn.data_ready = conn.headers_complete = True
            self.enqueue_req(conn)

        def _stop_gathering(self, conn: Any) -> None:
            self.poller.unregister(conn.sock)
            self.gathering.remove(conn)

        def murder_pending(self) -> None:
            """gthread's pending connections, then those whose headers are late (runs each second)."""
            super().murder_pending()
            now = time.monotonic()
            while self.gathering and self.gathering[0].header_deadline <= now:
                conn = self.gathering[0]
                self._stop_gathering(conn)
                self.nr_conns -= 1
                conn.close()

    return HeaderReadingWorker


def _buffered(conn: Any) -> bool:
    """Whether bytes of the next request were read ahead already (a pipelining client)."""
    return conn.parser is not None and bool(conn.parser.unreader.buf.getvalue())
