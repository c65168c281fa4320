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
import shutil
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.service import QueryRefused, SearchClient, ServiceError, running_service
from indexer.index.store import format_record

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "var" / "bench" / "matching"
MARKER = "matching-build.json"
REQUEST_TIMEOUT_S = 600.0  # a CSV of a whole result set on two shared cores
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


@dataclass(frozen=True)
class ResultSet:
    """Every id one search returned, in order, and what the server said the total was."""

    ids: list[str]
    total: int
    error: str | None = None  # the server refused the query (the message of its 4xx/5xx answer)


@contextmanager
def running(index: Path) -> Iterator[ResultClient]:
    """`vnsearch serve` over the index, its limits on whole result sets lifted, while the block runs."""
    with running_service(index, settings=SERVER_SETTINGS, startup_timeout_s=HEALTH_TIMEOUT_S,
                         request_timeout_s=REQUEST_TIMEOUT_S) as client:
        yield ResultClient(client)


class ResultClient:
    """Documents, pages and whole result sets of a running service, over its JSON API and CSV export."""

    def __init__(self, client: SearchClient) -> None:
        self.client = client
        self._documents: dict[str, dict] = {}

    def document(self, doc_id: str) -> dict:
        """The stored record of one document from /api/v1/documents/<id> (title, body, ...)."""
        if doc_id not in self._documents:
            self._documents[doc_id] = self.client.get_json(f"/api/v1/documents/{urllib.parse.quote(doc_id)}")
        return self._documents[doc_id]

    def page(self, q: str, **params) -> dict:
        """One page of /api/v1/search as JSON (QueryRefused on a 400, ServiceError on another failure)."""
        return self.client.get_json("/api/v1/search", {"q": q, **params})

    def result_set(self, q: str, **params) -> ResultSet:
        """Every match of the query from /api/v1/search.csv, its total checked against the JSON API's."""
        status, body, headers = self.client.get("/api/v1/search.csv", {"q": q, **params})
        if status != 200:
            return ResultSet([], 0, f"{status}: {body.decode('utf-8', 'replace')[:200]}")
        try:
            total = self.page(q, per_page=1, **params)["total"]
        except (QueryRefused, ServiceError) as error:
            return ResultSet([], 0, str(error)[:200])
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))[1:]
        if int(headers.get("X-Total-Count", -1)) != total:
            return ResultSet([r[0] for r in rows], total, f"CSV total {headers.get('X-Total-Count')} ≠ JSON {total}")
        return ResultSet([r[0] for r in rows], total)
