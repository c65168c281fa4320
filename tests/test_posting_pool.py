"""The writer's compact postings pool writes exactly the index Whoosh's own pool writes."""

from __future__ import annotations

import dataclasses

import pytest
from whoosh.writing import PostingPool

from indexer import store
from indexer.build import build_index
from indexer.reading import read_articles
from tests.conftest import ARTICLES, CORPUS


class CountingPool(store.CompactPostingPool):
    """The compact pool, counting the runs it spills."""

    spills = 0

    def _spill(self) -> None:
        CountingPool.spills += 1
        super()._spill()


def _articles():
    return ARTICLES + [a for a in read_articles([CORPUS]) if not hasattr(a, "reason")]


def _index_contents(directory):
    with store.open_index(directory).reader() as reader:
        lengths = {field: [reader.doc_field_length(n, field) for n in range(reader.doc_count_all())]
                   for field in ("title", "body", "body_folded", "compounds")}
        return list(reader.iter_postings()), list(reader.all_stored_fields()), lengths, reader.doc_count()


def _build_in_three_runs(directory, monkeypatch, pool_factory, limitmb):
    """A first build, an update that changes some articles and adds the seeds, a run that prunes the seeds."""
    real_open_writer = store.open_writer

    def open_writer(ix):
        writer = real_open_writer(ix, limitmb)
        writer.pool = pool_factory(writer, limitmb)
        return writer

    monkeypatch.setattr("indexer.build.open_writer", open_writer)
    articles = _articles()
    build_index(articles[:9], directory, jobs=1)
    changed = [dataclasses.replace(a, body=a.body + " Hội nghị tổng kết.") for a in articles[5:9]]
    build_index(changed + articles[9:], directory, jobs=1)
    build_index(articles[:10], directory, jobs=1, prune_roots=[CORPUS])
    return _index_contents(directory)


@pytest.mark.parametrize("limitmb", [256, 0.02], ids=["in memory", "spilled to runs"])
def test_the_compact_pool_writes_the_same_postings_as_whooshs_pool(tmp_path, monkeypatch, limitmb):
    whoosh_pool = _build_in_three_runs(
        tmp_path / "whoosh", monkeypatch, lambda w, mb: PostingPool(w._tempstorage, w.newsegment, limitmb=mb), limitmb)
    CountingPool.spills = 0
    compact_pool = _build_in_three_runs(
        tmp_path / "compact", monkeypatch, lambda w, mb: CountingPool(w._tempstorage, mb), limitmb)

    postings, stored, lengths, count = compact_pool
    assert count == len(ARTICLES)
    assert len(postings) > 500
    assert (CountingPool.spills > 10) == (limitmb < 1)
    assert compact_pool == whoosh_pool


def test_spilled_runs_are_removed_after_the_commit(tmp_path, monkeypatch):
    _build_in_three_runs(tmp_path, monkeypatch, lambda w, mb: store.CompactPostingPool(w._tempstorage, mb), 0.02)

    assert not list(tmp_path.rglob("*.run"))
