"""The production server: waitress in one process, gunicorn's pre-fork workers for several.

CPython runs one thread of Python at a time, so one process answers on one core at most.
With `workers` > 1, gunicorn's master binds the port and forks that many workers, each
serving with its own threads (the `gthread` worker); each worker creates its own application
after the fork (no preloading), so searchers, caches and threads are never shared, while the
index's mapped files are (the page cache holds them once). The master replaces a worker that
dies, replaces them all gracefully on SIGHUP and stops them on SIGTERM or SIGINT. Windows has
no fork: there, and for one process, waitress serves.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from searchsvc.slow_clients import header_reading_worker, waitress_server

IDENT = "vnsearch"
# Seconds a worker may take over one request before the master replaces it (the search's own
# time budget is 2 s of CPU), and to finish its requests when stopped or reloaded.
WORKER_TIMEOUT_S = 30
GRACEFUL_TIMEOUT_S = 5
# Seconds a kept-alive connection may idle, so idle clients do not hold every thread.
KEEPALIVE_S = 5


def serve(make_app: Callable[[], object], host: str, port: int, threads: int, workers: int = 1,
          client_timeout: float = 10, connection_limit: int = 1000) -> None:
    """Serves until interrupted (one process) or until SIGTERM/SIGINT stops the workers.

    A client has `client_timeout` seconds to send a request (searchsvc/slow_clients.py); each
    process holds up to `connection_limit` connections."""
    if workers <= 1 or sys.platform == "win32":
        server = waitress_server(make_app(), host, port, threads, IDENT, client_timeout, connection_limit)
        server.print_listen("Serving on http://{}:{}")
        server.run()
        return
    from gunicorn.app.base import BaseApplication  # POSIX only

    class PreforkServer(BaseApplication):
        def load_config(self) -> None:
            settings = {
                "bind": f"{host}:{port}", "workers": workers, "threads": threads,
                "worker_class": header_reading_worker(client_timeout), "worker_connections": connection_limit,
                "timeout": WORKER_TIMEOUT_S, "graceful_timeout": GRACEFUL_TIMEOUT_S, "keepalive": KEEPALIVE_S,
                "proc_name": IDENT, "preload_app": False, "accesslog": None, "errorlog": "-", "loglevel": "warning",
            }
            for name, value in settings.items():
                self.cfg.set(name, value)

        def load(self) -> object:
            return make_app()

    PreforkServer().run()
