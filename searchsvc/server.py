"""The production server: waitress, in one process or in several over one listening socket.

CPython runs one thread of Python at a time, so one process answers on one core at most.
With `workers` > 1 the parent binds the socket, then forks that many waitress processes
that all accept on it (the kernel hands each connection to one of them); each worker
creates its own application after the fork, so searchers, caches and threads are never
shared, while the index's mapped files are (the page cache holds them once). The parent
only supervises: a worker that dies is replaced, SIGTERM or SIGINT stops them all.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import time
from collections.abc import Callable

import waitress

IDENT = "vnsearch"
# A worker that dies sooner than this after its start is restarted only after this delay,
# so a worker that cannot start does not spin the parent.
RESTART_DELAY_S = 1.0


def serve(make_app: Callable[[], object], host: str, port: int, threads: int, workers: int = 1) -> None:
    """Serves until interrupted (one process) or until SIGTERM/SIGINT stops every worker."""
    if workers <= 1:
        waitress.serve(make_app(), host=host, port=port, threads=threads, ident=IDENT)
        return
    listener = socket.create_server((host, port), backlog=1024)
    children: dict[int, float] = {}
    stopping = False

    def start_worker() -> None:
        pid = os.fork()
        if pid == 0:
            _run_worker(make_app, listener, threads)
        children[pid] = time.monotonic()

    def stop(signum, frame) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            _signal_quietly(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for _ in range(workers):
        start_worker()
    while children:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        started = children.pop(pid, None)
        if stopping or started is None:
            continue
        print(f"vnsearch: worker {pid} exited ({_describe(status)}); starting another", file=sys.stderr, flush=True)
        if time.monotonic() - started < RESTART_DELAY_S:
            time.sleep(RESTART_DELAY_S)
        start_worker()
    listener.close()


def _run_worker(make_app: Callable[[], object], listener: socket.socket, threads: int) -> None:
    """The body of a forked worker: never returns into the parent's code."""
    status = 0
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the workers
        waitress.serve(make_app(), sockets=[listener], threads=threads, ident=IDENT)
    except BaseException as error:  # noqa: BLE001 - reported, then the parent replaces this worker
        print(f"vnsearch: worker {os.getpid()} stopped: {error!r}", file=sys.stderr, flush=True)
        status = 1
    finally:
        os._exit(status)


def _signal_quietly(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit {os.waitstatus_to_exitcode(status)}"
