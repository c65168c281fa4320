"""`vnsearch serve --workers N`: gunicorn's workers on one port, supervised, over one index."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.replicas import NEW_ARTICLE, SEED_ARTICLES, ids_for, start_server
from indexer.index.build import build_index
from waiting import process_alive, wait_until

pytestmark = pytest.mark.slow


@pytest.fixture
def server(tmp_path, monkeypatch):
    # Eight searches at once on 2 threads would be shed with 503s (tests/test_overload.py): not this file's subject.
    monkeypatch.setenv("SEARCHSVC_MAX_IN_FLIGHT", "16")
    index_dir = tmp_path / "index"
    build_index(list(SEED_ARTICLES), index_dir, rebuild=True, jobs=1)
    running = start_server(index_dir, threads=2, workers=2, ready_timeout=40)
    try:
        yield index_dir, running
    finally:
        running.stop()


def _searches(server, count: int, q: str = "hội thảo") -> list[list[str]]:
    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(lambda _: ids_for(server, q), range(count)))


def _wait_for_workers(server, count: int, timeout: float = 20, without: frozenset[int] = frozenset()) -> list[int]:
    """The server's worker pids once there are `count` of them, none of them in `without`."""
    def workers() -> list[int]:
        pids = server.worker_pids()
        return pids if len(pids) == count and not set(pids) & without else []

    return wait_until(workers, timeout, f"{count} workers running" + (f", none of {sorted(without)}" if without else ""))


def test_two_worker_processes_answer_on_one_port(server):
    _, running = server

    assert len(_wait_for_workers(running, 2)) == 2
    answers = _searches(running, 40)
    assert all(ids == answers[0] and "mic-2023-chuyen-doi-so" in ids for ids in answers)


def test_a_killed_worker_is_replaced_and_the_port_keeps_answering(server):
    _, running = server
    first, second = _wait_for_workers(running, 2)

    os.kill(first, signal.SIGKILL)
    answers = _searches(running, 20)
    workers = _wait_for_workers(running, 2, without=frozenset({first}))

    assert all("mic-2023-chuyen-doi-so" in ids for ids in answers)
    assert second in workers


def test_every_worker_serves_an_article_committed_after_it_started(server):
    index_dir, running = server
    build_index([NEW_ARTICLE], index_dir, jobs=1)

    # Each thread's searcher looks for a new generation once a second: until every thread of
    # every worker has, some of 40 searches at once miss the article; one thread that never
    # does keeps one miss in every round, and the wait fails.
    wait_until(lambda: all(NEW_ARTICLE.id in ids for ids in _searches(running, 40, "tu chu dai hoc")),
               timeout=10, what="every one of 40 searches finding the new article")


def test_sighup_replaces_every_worker_gracefully_and_the_port_keeps_answering(server):
    _, running = server
    before = _wait_for_workers(running, 2)

    running.process.send_signal(signal.SIGHUP)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and set(running.worker_pids()) & set(before):
        assert all("mic-2023-chuyen-doi-so" in ids for ids in _searches(running, 4))
    after = _wait_for_workers(running, 2)

    assert len(after) == 2 and not set(after) & set(before)
    assert all("mic-2023-chuyen-doi-so" in ids for ids in _searches(running, 20))


def test_sigterm_stops_the_parent_and_every_worker(server):
    _, running = server
    workers = _wait_for_workers(running, 2)

    running.process.send_signal(signal.SIGTERM)

    assert running.process.wait(timeout=10) == 0
    wait_until(lambda: not [pid for pid in workers if process_alive(pid)], timeout=5,
               what=f"the end of every worker {workers} after their parent's")
