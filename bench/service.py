"""Our search the way users reach it: a JSON Lines corpus, `vnsearch index`, `vnsearch serve`, HTTP.

Each step runs the real command line in a subprocess (`python -m vnsearch`, the `main` the
`vnsearch` script runs), so a benchmark measures what the reader, the indexer and the JSON API
do together rather than a shortcut through the library. A step that fails raises ServiceError
saying which step, its exit status and the end of its log (each subprocess writes to a log
file beside the index, so a long run cannot fill a pipe and block).

    with running_service(index_dir) as client:
        ids = client.search_ids("hội thảo chuyển đổi số", per_page=10)
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
# The same `main` as the `vnsearch` script, found from this interpreter whatever PATH says.
VNSEARCH = (sys.executable, "-m", "vnsearch")
# `vnsearch` with respelling switched off in the server process (see `_main` below).
VNSEARCH_WITHOUT_RESPELLING = (sys.executable, "-m", "bench.service", "--without-respelling")
HOST = "127.0.0.1"
# Opening a large index and building the app take seconds; a minute means something is wrong.
STARTUP_TIMEOUT_S = 60.0
POLL_S = 0.1
PROBE_TIMEOUT_S = 2.0  # one /healthz answer while starting; the overall wait is STARTUP_TIMEOUT_S
STOP_TIMEOUT_S = 10.0
# One search on a cold index may read much of it; the service's own budget (2 s CPU) is far below.
REQUEST_TIMEOUT_S = 60.0
LOG_TAIL_CHARS = 2000


class ServiceError(RuntimeError):
    """Indexing, starting or asking the service failed; the message says which step and why."""


class QueryRefused(Exception):
    """The service answered 400: it will not run this query (bad syntax, too long, over budget)."""


def write_corpus(documents: Iterable[tuple[str, str]], path: Path) -> int:
    """Writes (id, text) pairs as JSON Lines `{"id", "body"}` and returns how many.

    No title field, exactly as a user hands over a corpus of bare texts: what the reader
    makes of the text (a title taken from the lead, a date, a source) is part of what is
    measured. The file is written beside and then renamed, so a half-written one is never used.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    count = 0
    with partial.open("w", encoding="utf-8") as out:
        for doc_id, text in documents:
            out.write(json.dumps({"id": doc_id, "body": text}, ensure_ascii=False) + "\n")
            count += 1
    partial.replace(path)
    return count


def index_corpus(corpus: Path, index_dir: Path, jobs: int | None = None) -> dict:
    """Runs `vnsearch index CORPUS --index DIR --rebuild` and returns its JSON summary.

    Raises ServiceError when the command fails or any document could not be indexed (exit
    status 1): a document the reader rejects is one the user could never find.
    """
    corpus, index_dir = corpus.resolve(), index_dir.resolve()  # the command runs in ROOT
    index_dir.mkdir(parents=True, exist_ok=True)
    report = index_dir / "vnsearch-index-report.json"
    log = index_dir / "vnsearch-index.log"
    command = [*VNSEARCH, "index", str(corpus), "--index", str(index_dir), "--rebuild", "--report", str(report)]
    if jobs:
        command += ["--jobs", str(jobs)]
    with log.open("w", encoding="utf-8") as out:
        status = subprocess.run(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL).returncode
    summary = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
    if status != 0:
        failures = summary.get("failures", [])
        shown = "; ".join(f"{f.get('path')}:{f.get('line')}: {f.get('reason')}" for f in failures[:5])
        detail = f"{len(failures)} documents failed: {shown}" if failures else _tail(log)
        raise ServiceError(f"`{_shell(command)}` exited with status {status}: {detail} (log: {log})")
    return summary


class SearchClient:
    """Asks a running service's `GET /api/v1/search` over one kept-alive HTTP connection."""

    def __init__(self, host: str, port: int, timeout_s: float = REQUEST_TIMEOUT_S) -> None:
        self.host, self.port, self.timeout_s = host, port, timeout_s
        self._connection: http.client.HTTPConnection | None = None

    def search_ids(self, q: str, per_page: int) -> list[str]:
        """The ids of the first page of hits for `q`, in rank order (errors as `get_json`'s)."""
        return [hit["id"] for hit in self.get_json("/api/v1/search", {"q": q, "per_page": per_page})["hits"]]

    def get_json(self, path: str, params: dict | None = None) -> dict:
        """The JSON answer of one GET.

        Raises QueryRefused on a 400 (with the service's message), ServiceError on any other
        status but 200 or when the service cannot be reached.
        """
        status, body, _ = self.get(path, params)
        if status == 400:
            raise QueryRefused(_message(body))
        if status != 200:
            raise ServiceError(f"GET {path} answered {status}: {_message(body)}")
        return json.loads(body)

    def get(self, path: str, params: dict | None = None) -> tuple[int, bytes, dict[str, str]]:
        """Status, body and headers of one GET; ServiceError when the service cannot be reached."""
        if params:
            path += "?" + urlencode(params)
        try:
            return self._get(path, attempts=2)
        except (OSError, http.client.HTTPException) as error:
            raise ServiceError(f"GET {path[:200]} failed: {error!r}") from error

    def probe(self, path: str) -> tuple[int, str]:
        """The status of one GET and the message of its body; OSError or HTTPException when nothing answers."""
        status, body, _ = self._get(path, attempts=1)
        return status, _message(body)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _get(self, path: str, attempts: int) -> tuple[int, bytes, dict[str, str]]:
        # The server may close a kept-alive connection between requests; a fresh one is tried then.
        for attempt in range(1, attempts + 1):
            if self._connection is None:
                self._connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout_s)
            try:
                self._connection.request("GET", path)
                response = self._connection.getresponse()
                return response.status, response.read(), dict(response.headers)
            except (OSError, http.client.HTTPException):
                self.close()
                if attempt == attempts:
                    raise
        raise ValueError("attempts must be at least 1")


@contextmanager
def running_service(index_dir: Path, *, respelling: bool = True, settings: dict[str, str] | None = None,
                    startup_timeout_s: float = STARTUP_TIMEOUT_S,
                    request_timeout_s: float = REQUEST_TIMEOUT_S) -> Iterator[SearchClient]:
    """Runs `vnsearch serve --index DIR` on a free port while the block runs; yields a client.

    `settings` are SEARCHSVC_* environment variables of the server (limits a benchmark lifts).
    Returns once `GET /healthz` answers 200; raises ServiceError if the server exits first or
    is not healthy within `startup_timeout_s`. The server is stopped on leaving the block,
    also on errors: terminated, then killed if it has not stopped within STOP_TIMEOUT_S.
    """
    port = free_port()
    index_dir = index_dir.resolve()  # the command runs in ROOT
    log = index_dir / "vnsearch-serve.log"
    command = [*(VNSEARCH if respelling else VNSEARCH_WITHOUT_RESPELLING),
               "serve", "--index", str(index_dir), "--host", HOST, "--port", str(port)]
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, env={**os.environ, **(settings or {})})
    client = SearchClient(HOST, port, timeout_s=request_timeout_s)
    try:
        _wait_until_healthy(server, port, command, log, startup_timeout_s)
        yield client
    finally:
        client.close()
        stop(server)


def free_port(host: str = HOST) -> int:
    """A TCP port nothing listens on now (the kernel's pick for port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    """Terminates a process and reaps it, killing it if it has not stopped in time."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_healthy(server: subprocess.Popen, port: int, command: Sequence[str],
                        log: Path, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    last = "no answer yet"
    # A fresh connection per probe with a short timeout: a server still starting may accept and not answer.
    probe = SearchClient(HOST, port, timeout_s=PROBE_TIMEOUT_S)
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise ServiceError(f"`{_shell(command)}` exited with status {server.returncode} before it "
                               f"answered /healthz: {_tail(log)} (log: {log})")
        try:
            status, message = probe.probe("/healthz")
        except (OSError, http.client.HTTPException) as error:  # not listening yet
            last = repr(error)
        else:
            if status == 200:
                return
            last = f"{status} {message}"
        finally:
            probe.close()
        time.sleep(POLL_S)
    raise ServiceError(f"`{_shell(command)}` did not answer /healthz with 200 within {timeout_s:.0f} s "
                       f"(last: {last}): {_tail(log)} (log: {log})")


def _message(body: bytes) -> str:
    """The `message` of the service's JSON error body, else the start of the body."""
    try:
        record = json.loads(body)
        return f"{record['error']}: {record['message']}"
    except (ValueError, KeyError, TypeError):
        return body[:300].decode("utf-8", "replace")


def _tail(log: Path) -> str:
    text = log.read_text(encoding="utf-8", errors="replace").strip() if log.exists() else ""
    return ("…" + text[-LOG_TAIL_CHARS:] if len(text) > LOG_TAIL_CHARS else text) or "(no output)"


def _shell(command: Sequence[str]) -> str:
    return " ".join(command)


def _main(argv: list[str]) -> int:
    """`python -m bench.service --without-respelling ARGS…`: `vnsearch ARGS…` with respelling off.

    `indexer.search.respell.DOCUMENTS` is a module constant with no setting of the service, so the
    ablation sets it to 0 in the server's own process before running the real CLI.
    """
    if argv[:1] != ["--without-respelling"]:
        print("usage: python -m bench.service --without-respelling VNSEARCH-ARGS...", file=sys.stderr)
        return 2
    from indexer.search import respell
    from vnsearch import cli
    respell.DOCUMENTS = 0
    return cli.main(argv[1:])


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
