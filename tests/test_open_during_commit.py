"""An index opened while the indexer commits opens one whole generation, old or new, without an error.

The indexer (a real `vnsearch index` process) commits at the worst moment for a reader: after the
reader has listed the segments of the current generation and before it opens them. A rebuild's
commit deletes those segments, so the reader must list again; an update keeps them, so the
reader opens the generation it listed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from reliability_helpers import ROOT, generated_record, indexer_command, write_jsonl

from conftest import ARTICLES
from indexer.engine import leftopen
from indexer.index.build import build_index
from indexer.index.store import open_index

NEW_RECORDS = [generated_record(n) for n in range(40)]


def _segment_files(index_dir: Path) -> set[str]:
    return {path.name for path in index_dir.glob("*.seg")}


@pytest.fixture
def commit_between_listing_and_opening(tmp_path, monkeypatch):
    """Runs the indexer (with `--rebuild` or not) to its commit in the instant after the reader's
    first listing of the segments; records each listing's generation and its opening's outcome."""
    corpus = write_jsonl(tmp_path / "corpus" / "new.jsonl", NEW_RECORDS)
    openings: list[tuple[int, str]] = []
    real_open = leftopen.open_listed_segments

    def arrange(index_dir: Path, *indexer_options: str) -> list[tuple[int, str]]:
        def open_after_a_commit(ix, toc, reuse=None):
            if not openings:
                listed = _segment_files(index_dir)
                indexer = subprocess.run(indexer_command([corpus], index_dir, "--jobs", "1", *indexer_options),
                                         cwd=ROOT, capture_output=True, text=True, timeout=180)
                assert indexer.returncode == 0, indexer.stderr[-2000:]
                gone = "listed segments deleted" if not listed & _segment_files(index_dir) else "listed segments kept"
                openings.append((toc.generation, f"committed, {gone}"))
            try:
                reader = real_open(ix, toc, reuse)
            except FileNotFoundError:
                openings.append((toc.generation, "missing segment"))
                raise
            openings.append((toc.generation, "opened"))
            return reader

        monkeypatch.setattr(leftopen, "open_listed_segments", open_after_a_commit)
        return openings

    return arrange


def test_an_index_opened_while_a_rebuild_commits_lists_again_and_opens_the_new_generation(
        tmp_path, commit_between_listing_and_opening):
    index_dir = tmp_path / "index"
    build_index(ARTICLES, index_dir, jobs=1)
    openings = commit_between_listing_and_opening(index_dir, "--rebuild")

    ix = open_index(index_dir)

    assert openings == [(1, "committed, listed segments deleted"), (1, "missing segment"), (2, "opened")]
    with ix.searcher() as searcher:
        assert searcher.doc_count() == len(NEW_RECORDS)
        assert {fields["id"] for fields in searcher.all_stored_fields()} == {r["id"] for r in NEW_RECORDS}


def test_an_index_opened_while_an_update_commits_opens_the_generation_it_listed(
        tmp_path, commit_between_listing_and_opening):
    index_dir = tmp_path / "index"
    build_index(ARTICLES, index_dir, jobs=1)
    openings = commit_between_listing_and_opening(index_dir)

    ix = open_index(index_dir)

    assert openings == [(1, "committed, listed segments kept"), (1, "opened")]
    with ix.searcher() as searcher:
        assert searcher.doc_count() == len(ARTICLES) + len(NEW_RECORDS)
