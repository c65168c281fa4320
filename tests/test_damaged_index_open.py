"""A damaged index is refused at once: Whoosh's wait for a file a writer might be replacing is skipped."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import whoosh.index

import indexer.search.handle
from conftest import ARTICLES, client_for
from indexer.engine import leftopen
from indexer.index.build import build_index
from indexer.index.store import IndexCorruptError, open_index
from indexer.ingest.articles import Article


def _delete_segment(directory: Path) -> None:
    next(directory.glob("*.seg")).unlink()


def _overwrite_segment_header(directory: Path) -> None:
    segment = next(directory.glob("*.seg"))
    data = bytearray(segment.read_bytes())
    data[:4096] = random.Random(7).randbytes(min(4096, len(data)))
    segment.write_bytes(bytes(data))


@pytest.fixture
def whoosh_waits(monkeypatch) -> list[float]:
    """The pauses Whoosh's reader takes between its retries of a failed open."""
    waits: list[float] = []
    monkeypatch.setattr(whoosh.index, "sleep", waits.append)
    return waits


@pytest.fixture
def segment_openings(monkeypatch) -> list[int]:
    """The generation of each opening of an index's segments (by open_index, readers, searchers)."""
    openings: list[int] = []
    real_open = leftopen.open_listed_segments

    def counted(ix, toc, reuse=None):
        openings.append(toc.generation)
        return real_open(ix, toc, reuse)

    monkeypatch.setattr(leftopen, "open_listed_segments", counted)
    return openings


@pytest.mark.parametrize("damage", [_delete_segment, _overwrite_segment_header], ids=["segment deleted", "segment header overwritten"])
def test_every_request_to_a_damaged_index_is_refused_without_waiting_for_a_retry(small_index, tmp_path, whoosh_waits,
                                                                                 segment_openings, damage):
    damaged = tmp_path / "damaged"
    shutil.copytree(small_index, damaged)
    damage(damaged)
    client = client_for(damaged)

    answers = [client.get("/api/v1/search", query_string={"q": "hội thảo"}) for _ in range(5)]

    assert [answer.status_code for answer in answers] == [503] * 5
    assert all(str(damaged) in answer.json["message"] and "rebuild" in answer.json["message"] for answer in answers)
    assert whoosh_waits == []
    assert len(segment_openings) == 5  # one opening per request: the same generation is not tried again


def test_a_generation_damaged_after_the_service_opened_the_index_is_refused_without_waiting_for_a_retry(
        tmp_path, monkeypatch, whoosh_waits, segment_openings):
    monkeypatch.setattr(indexer.search.handle, "REFRESH_INTERVAL_S", 0.0)  # every request looks for a new generation
    index_dir = tmp_path / "index"
    build_index(ARTICLES, index_dir, jobs=1)
    client = client_for(index_dir)
    assert client.get("/api/v1/search", query_string={"q": "hội thảo"}).status_code == 200
    intact = set(index_dir.glob("*.seg"))
    build_index([Article(id="hoi-thao-moi", title="Hội thảo cải cách hành chính",
                         body="Hội thảo bàn về cải cách hành chính ở địa phương.")], index_dir, jobs=1)
    opened_before = len(segment_openings)
    (new_segment,) = set(index_dir.glob("*.seg")) - intact
    new_segment.unlink()

    answers = [client.get("/api/v1/search", query_string={"q": "hội thảo"}) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [503] * 3
    assert all(str(index_dir) in answer.json["message"] for answer in answers)
    assert whoosh_waits == []
    assert len(segment_openings) - opened_before == 3  # one opening of the damaged generation per request


def test_an_intact_index_opens_without_waiting(small_index, whoosh_waits):
    ix = open_index(small_index)

    assert ix.doc_count_all() > 0
    assert whoosh_waits == []


def test_opening_a_damaged_index_names_it_and_says_to_rebuild(small_index, tmp_path):
    damaged = tmp_path / "damaged"
    shutil.copytree(small_index, damaged)
    _delete_segment(damaged)

    with pytest.raises(IndexCorruptError, match="rebuild"):
        open_index(damaged)
