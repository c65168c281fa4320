"""Two production servers over one index pick up the indexer's new generation without a restart."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from bench.replicas import NEW_ARTICLE, SEED_ARTICLES, ids_for, start_server, wait_for_document
from indexer.index.build import build_index
from waiting import wait_until

pytestmark = pytest.mark.slow


@pytest.fixture
def two_replicas(tmp_path):
    index_dir = tmp_path / "index"
    build_index(list(SEED_ARTICLES), index_dir, rebuild=True, jobs=1)
    servers = []
    try:
        servers = [start_server(index_dir, threads=2, ready_timeout=40),
                   start_server(index_dir, threads=2, ready_timeout=40)]
        yield index_dir, servers
    finally:
        for server in servers:
            server.stop()


def test_both_replicas_serve_an_article_added_after_they_started(two_replicas):
    index_dir, servers = two_replicas
    pids = [s.process.pid for s in servers]
    assert all(NEW_ARTICLE.id not in ids_for(s, "tự chủ đại học") for s in servers)

    build_index([NEW_ARTICLE], index_dir, jobs=1)
    seen = wait_for_document(servers, "tu chu dai hoc", NEW_ARTICLE.id, timeout=10)

    assert sorted(seen) == sorted(s.port for s in servers)
    assert all(s.process.poll() is None for s in servers)
    assert [s.process.pid for s in servers] == pids


def test_both_replicas_count_the_new_article_under_its_organizer_facet(two_replicas):
    index_dir, servers = two_replicas
    by_organizer = {"q": "", "organizer": "Bộ Giáo dục và Đào tạo"}

    build_index([NEW_ARTICLE], index_dir, jobs=1)
    seen = wait_for_document(servers, by_organizer, NEW_ARTICLE.id, timeout=10)

    assert sorted(seen) == sorted(s.port for s in servers)


def test_replicas_keep_answering_while_the_indexer_commits(two_replicas):
    index_dir, servers = two_replicas
    updates = [replace(NEW_ARTICLE, id=f"moet-2024-dai-hoc-{i}", body=NEW_ARTICLE.body + f" Phiên {i}.")
               for i in range(5)]
    indexer = threading.Thread(target=lambda: [build_index([a], index_dir, jobs=1) for a in updates])
    errors = answers = 0

    indexer.start()
    while indexer.is_alive() or answers < 10:
        for server in servers:
            try:
                server.get_json("/api/v1/search", {"q": "hội thảo"})
                answers += 1
            except OSError:
                errors += 1
    indexer.join()

    assert errors == 0
    wait_until(lambda: all(s.get_json("/healthz")["documents"] == len(SEED_ARTICLES) + 5 for s in servers),
               timeout=10, what="both replicas counting the five committed articles")
