"""The search service as bench.matching meets it: corpus file, index built by the CLI, server, HTTP.

Everything goes through the user's path: `vnsearch index` and `vnsearch serve` run as
subprocesses and results are read over HTTP from the JSON API and the CSV export.
Derived files live under var/bench/matching/ (git-ignored); the news text itself is only
ever read from ../shared/data.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from indexer.store import format_record

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "var" / "bench" / "matching"
MARKER = "matching-build.json"
HEALTH_TIMEOUT_S = 180.0  # opening a 20k index and reading its field lengths takes seconds, not minutes
# Whole result sets are the point: the CSV may hold every document of the corpus, and a slow
# search on two shared cores must not be refused (latency is bench.scale's business, not ours).
SERVER_SETTINGS = {"SEARCHSVC_CSV_MAX_ROWS": "100000", "SEARCHSVC_SEARCH_TIME_BUDGET_MS": "120000",
                   "SEARCHSVC_MAX_PAGE_DEPTH": "100000"}


def vnsearch() -> str:
    """The CLI installed beside this interpreter (the project's .venv), else the one on PATH."""
    beside = Path(sys.executable).parent / "vnsearch"
    return str(beside) if beside.exists() else (shutil.which("vnsearch") or "vnsearch")


def read_records(path: Path, limit: int) -> Iterator[dict]:
    """The first `limit` records of the gzipped JSON Lines corpus: id, title, abstract, body as given."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= limit:
                return
            record = json.loads(line)
            yield {key: record.get(key) or "" for key in ("id", "title", "abstract", "body")}


def write_corpus(records: list[dict], path: Path) -> None:
    """Writes the records as JSON Lines unless the file already holds exactly these records."""
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)  # a half-written corpus is never mistaken for the real one


def indexer_fingerprint() -> str:
    """A digest of the indexer package's code and data: tells that an index may predate an edit."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "indexer").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def ensure_index(corpus: Path, directory: Path, documents: int, force: bool = False) -> dict:
    """Builds the index of `corpus` with `vnsearch index --rebuild` unless the marker says it is current.

    The marker is written only after a build that finished; it records the document count
    and `format_record()`, so a new schema or analyzer version (or another corpus size)
    rebuilds. Edits to the indexer that keep the format only warn (most touch the query
    side): `force` rebuilds anyway. Returns the marker; RuntimeError when the CLI fails.
    """
    wanted = {"documents": documents, "format": format_record()}
    marker = directory / MARKER
    if marker.exists() and not force:
        found = json.loads(marker.read_text(encoding="utf-8"))
        if {k: found.get(k) for k in wanted} == wanted:
            print(f"[index: reusing {directory} ({documents} documents, format {wanted['format']})]", flush=True)
            if found.get("indexer") != indexer_fingerprint():
                print("[index: the indexer's code changed since this build, its format did not: "
                      "pass --rebuild if the analysis changed]", flush=True)
            return found
        print(f"[index: marker {found} does not match {wanted}: rebuilding]", flush=True)
    fingerprint = indexer_fingerprint()  # of the code the CLI is about to run
    shutil.rmtree(directory, ignore_errors=True)
    report = directory.parent / f"{directory.name}-build-report.json"
    command = [vnsearch(), "index", str(corpus), "--index", str(directory), "--rebuild", "--report", str(report)]
    print("[index: " + " ".join(command) + "]", flush=True)
    started = time.monotonic()
    status = subprocess.run(command, cwd=ROOT).returncode  # the CLI's own progress goes to our terminal
    if status not in (0, 1) or not report.exists():  # 1: built, but some articles failed (listed above)
        raise RuntimeError(f"`vnsearch index` failed with exit status {status}")
    summary = json.loads(report.read_text(encoding="utf-8"))
    record = {**wanted, "indexer": fingerprint, "added": summary.get("added"), "failed": summary.get("failed"),
              "seconds": round(time.monotonic() - started, 1)}
    marker.write_text(json.dumps(record, indent=1), encoding="utf-8")
    return record


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class ResultSet:
    """Every id one search returned, in order, and what the server said the total was."""

    ids: list[str]
    total: int
    error: str | None = None  # the server refused the query (the message of its 4xx/5xx answer)


class Service:
    """`vnsearch serve` on a free port, from `start()` (healthy when it returns) to `stop()`."""

    def __init__(self, index: Path, log: Path) -> None:
        self.index, self.log = index, log
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self._documents: dict[str, dict] = {}

    def start(self) -> None:
        """Starts the server and waits until /healthz answers 200; RuntimeError when it does not."""
        command = [vnsearch(), "serve", "--index", str(self.index), "--port", str(self.port)]
        with self.log.open("w", encoding="utf-8") as log:  # the child keeps its own copy of the file
            self.process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                            env={**os.environ, **SERVER_SETTINGS})
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"`vnsearch serve` exited with {self.process.returncode}; see {self.log}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=5) as answer:
                    if answer.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"/healthz did not answer 200 within {HEALTH_TIMEOUT_S:.0f} s; see {self.log}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _get(self, path: str, params: dict) -> tuple[bytes, dict]:
        url = f"{self.base}{path}" + (f"?{urllib.parse.urlencode(params)}" if params else "")
        with urllib.request.urlopen(url, timeout=600) as answer:
            return answer.read(), dict(answer.headers)

    def document(self, doc_id: str) -> dict:
        """The stored record of one document from /api/v1/documents/<id> (title, body, ...)."""
        if doc_id not in self._documents:
            body, _ = self._get(f"/api/v1/documents/{urllib.parse.quote(doc_id)}", {})
            self._documents[doc_id] = json.loads(body)
        return self._documents[doc_id]

    def page(self, q: str, **params) -> dict:
        """One page of /api/v1/search as JSON (raises urllib.error.HTTPError on a refusal)."""
        body, _ = self._get("/api/v1/search", {"q": q, **params})
        return json.loads(body)

    def result_set(self, q: str, **params) -> ResultSet:
        """Every match of the query from /api/v1/search.csv, its total checked against the JSON API's."""
        try:
            body, headers = self._get("/api/v1/search.csv", {"q": q, **params})
            total = self.page(q, per_page=1, **params)["total"]
        except urllib.error.HTTPError as error:
            return ResultSet([], 0, f"{error.code}: {error.read().decode('utf-8', 'replace')[:200]}")
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))[1:]
        if int(headers.get("X-Total-Count", -1)) != total:
            return ResultSet([r[0] for r in rows], total, f"CSV total {headers.get('X-Total-Count')} ≠ JSON {total}")
        return ResultSet([r[0] for r in rows], total)
