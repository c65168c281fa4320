"""Faults never cost data or access: kill -9 of the indexer, an unwritable or full disk, re-indexing
under load, and a damaged index. The indexer runs as a real subprocess over generated JSON Lines.
"""

from __future__ import annotations

import csv
import ctypes
import http.client
import io
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from reliability_helpers import (ROOT, figure, free_port, generated_record, index_snapshot,  # noqa: F401
                                 indexer_command, indexer_name, wait_for_port, write_jsonl)
from waiting import wait_until

from vnsearch import cli
from indexer.search.handle import IndexHandle
from indexer.search.results import SearchRequest
from indexer.search.search import run_search
from searchsvc import create_app

BASE = 200
KILL_TRIALS = 10
RUN_TIMEOUT_S = 180


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=RUN_TIMEOUT_S, **kwargs)


def _completed(command: list[str]) -> float:
    started = time.monotonic()
    result = _run(command)
    assert result.returncode == 0, result.stderr[-3000:]
    return time.monotonic() - started


def _documents(index_dir: Path) -> int:
    """How many documents a fresh reader of the index sees (raises when it cannot open it)."""
    handle = IndexHandle(index_dir)
    assert run_search(handle, SearchRequest(q="bản tin")).total == handle.searcher().doc_count()
    return handle.searcher().doc_count()


def _serves(index_dir: Path, documents: int) -> None:
    client = create_app({"INDEX_DIR": str(index_dir)}).test_client()
    assert client.get("/healthz").json["documents"] == documents
    assert client.get("/api/v1/search", query_string={"q": "hội thảo"}).json["total"] > 0
    assert client.get("/", query_string={"q": "cán bộ"}).status_code == 200


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> tuple[Path, Path]:
    """(corpus directory, index directory) with BASE generated articles indexed by a completed run."""
    root = tmp_path_factory.mktemp("pristine")
    corpus, index_dir = root / "corpus", root / "index"
    write_jsonl(corpus / "base.jsonl", [generated_record(n) for n in range(BASE)])
    _completed(indexer_command([corpus], index_dir, "--jobs", "1"))
    return corpus, index_dir


@pytest.fixture()
def base_index(pristine, tmp_path) -> tuple[Path, Path]:
    """A copy of the pristine corpus and index, for one test to change."""
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(pristine[0], corpus)
    shutil.copytree(pristine[1], index_dir)
    return corpus, index_dir


@pytest.mark.slow
def test_kill_9_of_the_indexer_at_random_moments_leaves_the_previous_index_serving(base_index, figure):
    corpus, index_dir = base_index
    seed = int(os.environ.get("RELIABILITY_SEED", time.time_ns() % 10**6))
    rng = random.Random(seed)
    written, landed, committed, finished_first, trial = BASE, 0, 0, 0, 0
    last = _completed(indexer_command([corpus], index_dir, "--jobs", "2"))  # unchanged input: a run's fixed cost
    while landed < KILL_TRIALS and trial < 2 * KILL_TRIALS:
        write_jsonl(corpus / f"more-{trial}.jsonl", [generated_record(n) for n in range(written, written + 25)])
        written += 25
        command = indexer_command([corpus], index_dir, "--jobs", "2", *(["--rebuild"] if trial % 3 == 2 else []))
        before = _documents(index_dir)

        process = subprocess.Popen(command, cwd=ROOT, start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=rng.uniform(0.05, 1.1 * last))  # up to the commit and past it
            finished_first += 1
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the analysis workers too
            process.wait()
            landed += 1

        after_kill = _documents(index_dir)
        assert after_kill in (before, written), f"trial {trial} (seed {seed}): {after_kill} documents"
        committed += after_kill == written and process.returncode == -signal.SIGKILL
        _serves(index_dir, after_kill)
        last = _completed(command)
        assert _documents(index_dir) == written
        trial += 1
    figure(f"kill -9: {landed} of {trial} runs of `{indexer_name()}` killed mid-run (seed {seed}; {committed} "
           f"after the commit, {finished_first} finished before the kill); the index opened and served after "
           f"every one, every next run completed; errors 0")
    assert landed == KILL_TRIALS


def _without_root_overrides() -> None:
    """In the child: give up root's power to write where permissions forbid it."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def test_an_unwritable_index_directory_is_a_clear_error_and_the_index_is_intact(base_index):
    corpus, index_dir = base_index
    write_jsonl(corpus / "more.jsonl", [generated_record(n) for n in range(BASE, BASE + 50)])
    before = index_snapshot(index_dir)
    index_dir.chmod(0o555)
    try:
        preexec = _without_root_overrides if os.geteuid() == 0 else None
        try:
            result = _run(indexer_command([corpus], index_dir, "--jobs", "1"), preexec_fn=preexec)
        except subprocess.SubprocessError as error:
            pytest.skip(f"root here cannot give up its power to write anywhere (prctl): {error}")
    finally:
        index_dir.chmod(0o755)

    assert result.returncode == cli.EXIT_ERROR, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "vnsearch:" in result.stderr and str(index_dir) in result.stderr
    assert index_snapshot(index_dir) == before
    _serves(index_dir, BASE)


@pytest.fixture()
def full_disk(base_index, tmp_path):
    """The base index on a nearly full 16 MB tmpfs (or, without mount rights, under a file-size limit)."""
    corpus, index_dir = base_index
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)], capture_output=True).returncode == 0
    full_dir = disk / "index"
    shutil.copytree(index_dir, full_dir)
    write_jsonl(corpus / "more.jsonl", [generated_record(n) for n in range(BASE, BASE + 600)])
    limit = None
    if mounted:
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        (disk / "filler").write_bytes(b"\0" * max(0, free - 150_000))
    else:
        limit = _file_size_limit(150_000)
    try:
        yield corpus, full_dir, disk, limit
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(disk)], check=False)


def _file_size_limit(most: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (most, most))
    return apply


def test_a_full_disk_during_indexing_leaves_the_old_index_serving_removes_its_partial_files_and_the_next_run_completes(
        full_disk, figure):
    corpus, full_dir, disk, limit = full_disk
    before = index_snapshot(full_dir)

    result = _run(indexer_command([corpus], full_dir, "--jobs", "1"), preexec_fn=limit)

    assert result.returncode != 0
    after = index_snapshot(full_dir)
    assert {name: after.get(name) for name in before} == before
    stray = sorted(set(after) - set(before))
    assert stray == [], f"a failed run left its partial files: {stray}"
    assert sorted(p.name for p in full_dir.iterdir() if p.is_dir()) == []  # nor a writer's temporary folder
    _serves(full_dir, BASE)
    (disk / "filler").unlink(missing_ok=True)
    _completed(indexer_command([corpus], full_dir, "--jobs", "1"))
    assert _documents(full_dir) == BASE + 600
    how = "file-size limit" if limit else "16 MB tmpfs"
    figure(f"disk full ({how}): indexing failed with exit {result.returncode}, old index intact "
                  f"({BASE} documents served), {len(stray)} stray files left; next run completed")


def test_a_full_disk_during_indexing_is_a_clear_error(full_disk):
    corpus, full_dir, disk, limit = full_disk

    result = _run(indexer_command([corpus], full_dir, "--jobs", "1"), preexec_fn=limit)

    assert result.returncode == cli.EXIT_ERROR
    assert "Traceback" not in result.stderr and "vnsearch:" in result.stderr and str(full_dir) in result.stderr


def _truncate(fraction: float, pattern: str):
    def damage(directory: Path) -> None:
        target = next(directory.glob(pattern))
        os.truncate(target, int(target.stat().st_size * fraction))
    return damage


def _overwrite(at: float, pattern: str):
    def damage(directory: Path) -> None:
        target = next(directory.glob(pattern))
        data = bytearray(target.read_bytes())
        start = int(len(data) * at)
        data[start : start + 4096] = random.Random(7).randbytes(min(4096, len(data) - start))
        target.write_bytes(bytes(data))
    return damage


DAMAGES = {
    "table of contents cut in half": _truncate(0.5, "_MAIN_*.toc"),
    "table of contents emptied": _truncate(0.0, "_MAIN_*.toc"),
    "table of contents overwritten": _overwrite(0.1, "_MAIN_*.toc"),
    "segment cut at 90%": _truncate(0.9, "*.seg"),
    "segment cut at 10%": _truncate(0.1, "*.seg"),
    "segment header overwritten": _overwrite(0.0, "*.seg"),
    "segment deleted": lambda d: next(d.glob("*.seg")).unlink(),
    "format record overwritten": lambda d: (d / "vnsearch-format.json").write_text("{không phải json"),
    "format record deleted": lambda d: (d / "vnsearch-format.json").unlink(),
}


@pytest.fixture(scope="module")
def intact_index(pristine) -> Path:
    return pristine[1]


def _damaged(intact_index: Path, tmp_path: Path, damage) -> Path:
    copy = tmp_path / "damaged"
    shutil.copytree(intact_index, copy)
    damage(copy)
    return copy


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_index_is_a_clear_503_on_every_endpoint_and_in_stats(intact_index, tmp_path, capsys, damage):
    damaged = _damaged(intact_index, tmp_path, damage)
    client = create_app({"INDEX_DIR": str(damaged)}).test_client()

    answers = {url: client.get(url) for url in ("/healthz", "/api/v1/search?q=h%E1%BB%99i+th%E1%BA%A3o",
                                                "/api/v1/search", "/api/v1/search.csv", "/feed.atom",
                                                "/api/v1/documents/bai-00001", "/", "/doc/bai-00001")}
    status = cli.main(["stats", "--index", str(damaged)])

    assert {url: a.status_code for url, a in answers.items() if a.status_code != 503} == {}
    for url, answer in answers.items():
        if url.startswith(("/api/", "/healthz", "/feed.atom")):
            assert answer.json["error"] in ("index_unreadable", "index_not_built")
            assert str(damaged) in answer.json["message"]
        else:
            assert str(damaged) in answer.get_data(as_text=True)
    stderr = capsys.readouterr().err
    assert status == cli.EXIT_ERROR and stderr.startswith("vnsearch: ") and str(damaged) in stderr


def test_damage_found_only_while_searching_is_a_503_not_a_500(intact_index, tmp_path):
    statuses: dict[str, int] = {}
    for tenth in range(1, 10):  # postings, stored fields and columns lie at different depths of the segment
        damaged = _damaged(intact_index, tmp_path / str(tenth), _overwrite(tenth / 10, "*.seg"))
        client = create_app({"INDEX_DIR": str(damaged)}).test_client()
        for url in ("/api/v1/search?q=h%E1%BB%99i+th%E1%BA%A3o", "/api/v1/search?q=c%C3%A1n+b%E1%BB%99",
                    "/api/v1/search?q=t%E1%BB%89nh", "/api/v1/search?q=B%E1%BB%99+N%E1%BB%99i+v%E1%BB%A5",
                    "/api/v1/search", "/api/v1/search.csv?q=tin", "/api/v1/documents/bai-00150", "/healthz"):
            statuses[f"{tenth / 10:.0%} {url}"] = client.get(url).status_code

    # Whoosh keeps no checksums: bytes overwritten inside the id table can make a document look
    # absent (404) rather than damaged. What must never happen is an error other than the 503.
    # (Where the overwritten bytes land depends on the order of the files inside the segment,
    # which follows the segment's random name.)
    assert {where: status for where, status in statuses.items() if status >= 500 and status != 503} == {}
    assert {status for status in statuses.values()} <= {200, 404, 503}


# Re-indexing under load: every generation g re-labels every article with source the-he-g.gov.vn,
# so one answer showing two labels, or facet counts that disagree with its hits, mixed two generations.
LOAD_THREADS = 16
SERVER_THREADS = 8
LOAD_MAX_SECONDS = 240  # a safety bound; the load stops once the last generation is served
GENERATIONS = 3


def _generation(g: int) -> list[dict]:
    records = [generated_record(n) for n in range(BASE + 10 * g)]
    for record in records:
        record["source"] = f"the-he-{g}.gov.vn"
    return records


def _mixed(body: dict, everything: bool) -> str | None:
    """Why one search answer mixes generations, or None; `everything`: the search matches every article."""
    sources = {hit["source"] for hit in body["hits"]}
    facet = [v for v in body["facets"]["source"] if v["count"]]
    if len(sources) > 1 or len(facet) != 1 or (sources and sources != {facet[0]["value"]}):
        return f"hits from {sorted(sources)}, source facet {facet}"
    g = int(facet[0]["value"].split("-")[2].split(".")[0])
    if facet[0]["count"] != body["total"] or (everything and body["total"] != BASE + 10 * g):
        return f"generation {g} answered total {body['total']}, facet count {facet[0]['count']}"
    return None


@pytest.mark.slow
def test_reindexing_while_serving_under_load_has_no_errors_and_never_mixes_generations(tmp_path, figure):
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    write_jsonl(corpus / "articles.jsonl", _generation(0))
    _completed(indexer_command([corpus], index_dir, "--jobs", "1"))
    port = free_port()
    log = (tmp_path / "server.log").open("w")  # a file: an unread pipe would fill and stall the server
    # No shedding here: the test is about generations, and 16 connections exceed what 8 threads admit.
    server = subprocess.Popen([sys.executable, "-m", "vnsearch", "serve", "--index", str(index_dir),
                               "--port", str(port), "--threads", str(SERVER_THREADS)], cwd=ROOT, stdout=log, stderr=log,
                              env={**os.environ, "SEARCHSVC_MAX_IN_FLIGHT": "64"})
    # "settled": search answers in a row from the last generation, since any from an older one.
    counts = {"requests": 0, "errors": 0, "mixed": 0, "settled": 0}
    problems: list[str] = []
    seen_generations: set[int] = set()
    lock = threading.Lock()
    done = threading.Event()
    deadline = time.monotonic() + LOAD_MAX_SECONDS
    paths = ["/api/v1/search?q=" + quote("bản tin") + "&per_page=20",
             "/api/v1/search?per_page=20&sort=newest", "/api/v1/search?q=" + quote("hội thảo OR cán bộ"),
             "/api/v1/search.csv?q=" + quote("bản tin"), "/?q=" + quote("bản tin"), "/feed.atom"]

    def load(worker: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        number = worker
        while not done.is_set() and time.monotonic() < deadline:
            path = paths[number % len(paths)]
            number += 1
            try:
                connection.request("GET", path)
                answer = connection.getresponse()
                body = answer.read()
                problem = None if answer.status == 200 else f"{answer.status} {body[:200]!r}"
                if problem is None and path.startswith("/api/v1/search?"):
                    record = json.loads(body)
                    mixed = _mixed(record, everything="hội" not in record["query"]["q"])
                    if mixed is None and record["hits"]:
                        g = int(record["hits"][0]["source"].split("-")[2].split(".")[0])
                        with lock:
                            seen_generations.add(g)
                            counts["settled"] = counts["settled"] + 1 if g == GENERATIONS else 0
                    problem = mixed and f"mixed: {mixed}"
                elif problem is None and path.startswith("/api/v1/search.csv"):
                    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
                    sources = {row["source"] for row in rows}
                    expected = {BASE + 10 * int(s.split("-")[2].split(".")[0]) for s in sources}
                    if len(sources) != 1 or expected != {len(rows)}:
                        problem = f"mixed CSV: {len(rows)} rows from {sorted(sources)}"
            except (OSError, http.client.HTTPException, ValueError) as error:
                problem = f"{type(error).__name__}: {error}"
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            with lock:
                counts["requests"] += 1
                if problem:
                    counts["mixed" if problem.startswith("mixed") else "errors"] += 1
                    problems.append(f"{path}: {problem}")
        connection.close()

    try:
        wait_for_port(port)
        workers = [threading.Thread(target=load, args=(n,)) for n in range(LOAD_THREADS)]
        for worker in workers:
            worker.start()
        started = time.monotonic()
        for g in range(1, GENERATIONS + 1):
            write_jsonl(corpus / "articles.jsonl", _generation(g))
            _completed(indexer_command([corpus], index_dir, "--jobs", "1", *(["--rebuild"] if g == 2 else [])))
        # The load goes on through every server thread's refresh to the last generation: a
        # thread that has not refreshed answers an older one, so 10 answers per thread in a row
        # from the last one mean each thread that serves has moved to it.
        wait_until(lambda: counts["settled"] >= 10 * SERVER_THREADS, timeout=30,
                   what=f"{10 * SERVER_THREADS} search answers in a row from generation {GENERATIONS}")
        done.set()
        for worker in workers:
            worker.join(timeout=60)
        seconds = time.monotonic() - started
    finally:
        done.set()
        server.terminate()
        server.wait(timeout=30)
        log.close()
    figure(f"re-index under load: {counts['requests']} requests from {LOAD_THREADS} connections over "
                  f"{seconds:.0f}s while {GENERATIONS} generations were indexed; errors {counts['errors']}, "
                  f"mixed generations {counts['mixed']}; generations seen {sorted(seen_generations)}")
    kinds = sorted({p[:150] for p in problems})
    assert problems == [], (kinds[:8], (tmp_path / "server.log").read_text()[-2000:])
    assert GENERATIONS in seen_generations and counts["requests"] >= 200
