"""A damaged index is refused at once: Whoosh's wait for a file a writer might be replacing is skipped."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import whoosh.index

from conftest import client_for
from indexer.index.store import IndexCorruptError, open_index


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


@pytest.mark.parametrize("damage", [_delete_segment, _overwrite_segment_header], ids=["segment deleted", "segment header overwritten"])
def test_every_request_to_a_damaged_index_is_refused_without_waiting_for_a_retry(small_index, tmp_path, whoosh_waits, damage):
    damaged = tmp_path / "damaged"
    shutil.copytree(small_index, damaged)
    damage(damaged)
    client = client_for(damaged)

    answers = [client.get("/api/v1/search", query_string={"q": "hội thảo"}) for _ in range(5)]

    assert [answer.status_code for answer in answers] == [503] * 5
    assert all(str(damaged) in answer.json["message"] and "rebuild" in answer.json["message"] for answer in answers)
    assert whoosh_waits == []


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
