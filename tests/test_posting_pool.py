"""Our writer (compact postings pool, lengths read once) writes the index Whoosh's own writer writes."""

from __future__ import annotations

import dataclasses

import pytest

from indexer.index import store
from indexer.index.build import build_index
from indexer.engine.postingpool import CompactPostingPool
from indexer.ingest.reading import read_articles
from tests.conftest import ARTICLES, CORPUS


# Enough articles sharing words for posting lists of several blocks (Whoosh's blocks hold 128).
MANY = [dataclasses.replace(ARTICLES[i % len(ARTICLES)], id=f"ban-sao-{i}",
                            body=f"{ARTICLES[i % len(ARTICLES)].body} Bản số {i}.") for i in range(150)]


def _seeds():
    return [a for a in read_articles([CORPUS]) if not hasattr(a, "reason")]


def _blocks(matcher) -> list[tuple]:
    """Per block: shortest and longest document, highest weight, last document number."""
    while hasattr(matcher, "child"):  # the filter that hides deleted documents
        matcher = matcher.child
    if not hasattr(matcher, "_next_block"):
        return []  # postings kept inline with the term
    blocks = []
    while matcher.is_active():
        blocks.append((matcher.block_min_length(), matcher.block_max_length(), matcher.block_max_weight(),
                       matcher.block_max_id()))
        matcher._next_block()
    return blocks


def _index_contents(directory):
    with store.open_index(directory).reader() as reader:
        lengths = {field: [reader.doc_field_length(n, field) for n in range(reader.doc_count_all())]
                   for field in ("title", "body", "body_folded", "compounds")}
        terms = {}
        for segment, _ in reader.leaf_readers():
            for field, term in segment.all_terms():
                info = segment.term_info(field, term)
                terms[segment.segment().doc_count_all(), field, term] = (
                    info.weight(), info.doc_frequency(), info.min_length(), info.max_length(), info.max_weight(),
                    info.min_id(), info.max_id(), _blocks(segment.postings(field, term)))
        return list(reader.iter_postings()), terms, list(reader.all_stored_fields()), lengths, reader.doc_count()


def _build_in_three_runs(directory, monkeypatch, open_writer):
    """A first build, an update that changes some articles and adds the seeds, a run that prunes the seeds."""
    monkeypatch.setattr("indexer.index.build.open_writer", open_writer)
    build_index(MANY + ARTICLES[:9], directory, jobs=1)
    changed = [dataclasses.replace(a, body=a.body + " Hội nghị tổng kết.") for a in ARTICLES[5:9]]
    build_index(changed + ARTICLES[9:] + _seeds(), directory, jobs=1)
    build_index(ARTICLES, directory, jobs=1, prune_roots=[CORPUS])
    return _index_contents(directory)


@pytest.mark.parametrize("limitmb", [256, 0.02], ids=["in memory", "spilled to runs"])
def test_our_writer_writes_what_whooshs_own_writer_writes(tmp_path, monkeypatch, limitmb):
    spills = []
    spill = CompactPostingPool._spill
    monkeypatch.setattr(CompactPostingPool, "_spill", lambda pool: spills.append(1) or spill(pool))

    whoosh = _build_in_three_runs(tmp_path / "whoosh", monkeypatch, lambda ix: ix.writer(limitmb=limitmb))
    ours = _build_in_three_runs(tmp_path / "ours", monkeypatch, lambda ix: store.open_writer(ix, limitmb))

    postings, terms, stored, lengths, count = ours
    assert count == len(MANY) + len(ARTICLES)
    assert len(postings) > 500 and any(len(blocks) > 1 for *_, blocks in terms.values())
    assert (len(spills) > 10) == (limitmb < 1)
    assert ours == whoosh


def test_spilled_runs_are_removed_after_the_commit(tmp_path, monkeypatch):
    _build_in_three_runs(tmp_path, monkeypatch, lambda ix: store.open_writer(ix, 0.02))

    assert not list(tmp_path.rglob("*.run"))


def _pool_contents(pool):
    return [(key, list(p.docnums), list(p.weights), bytes(p.values), list(p.ends)) for key, p in pool.iter_terms()]


def test_a_document_taken_out_halfway_leaves_no_posting_and_no_term():
    pool = CompactPostingPool(None)
    pool.add_field("body", 0, [(b"hoi", 1, 1.0, b"\x01"), (b"nghi", 2, 2.0, b"\x02\x02")])
    pool.add_field("body", 1, [(b"hoi", 1, 1.0, b"\x03"), (b"thao", 1, 1.0, b"\x04")])
    pool.add_field("title", 1, [(b"moi", 1, 2.0, b"")])
    pool.discard_document(1)
    pool.add_field("body", 1, [(b"nghi", 1, 1.0, b"\x05")])

    assert _pool_contents(pool) == [
        (("body", b"hoi"), [0], [1.0], b"\x01", [1]),
        (("body", b"nghi"), [0, 1], [2.0, 1.0], b"\x02\x02\x05", [2, 3]),
    ]


def test_postings_added_out_of_document_order_are_refused_not_written():
    pool = CompactPostingPool(None)
    pool.add(("body", b"hoi", 5, 1.0, b""))
    pool.add(("body", b"hoi", 3, 1.0, b""))

    with pytest.raises(ValueError, match="out of document order"):
        _pool_contents(pool)


def test_a_schema_with_term_vectors_is_refused_before_the_index_is_locked(tmp_path):
    from whoosh import fields, index

    from indexer.engine.segmentwriter import CompactSegmentWriter

    ix = index.create_in(str(tmp_path), fields.Schema(body=fields.TEXT(vector=True)))

    with pytest.raises(ValueError, match="term vectors"):
        CompactSegmentWriter(ix, limitmb=8)
    ix.writer().cancel()  # the lock is free
