"""The engine package's fast paths are the ones taken on a real index, read what Whoosh's own
matchers read, and any other Whoosh or matcher is an error rather than a slow search."""

from __future__ import annotations

import dataclasses
import json

import pytest
from whoosh import query as wq
from whoosh.filedb import structfile

from indexer.engine import UnsupportedWhooshError, check_whoosh, mmapfiles
from indexer.engine.postings import (UnexpectedMatcherError, block_reader, length_table, positions_in, posting_arrays,
                                     stored_postings)
from indexer.index.build import build_index
from indexer.index.store import FORMAT_FILE, IndexVersionError, open_index
from tests.conftest import ARTICLES
from vnsearch.cli import main

# Enough articles sharing words for posting lists of several blocks (Whoosh's blocks hold 128).
MANY = [dataclasses.replace(ARTICLES[i % len(ARTICLES)], id=f"ban-sao-{i}",
                            body=f"{ARTICLES[i % len(ARTICLES)].body} Bản số {i}.") for i in range(300)]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("engine") / "index"
    build_index(MANY, directory, jobs=1)
    return directory


@pytest.fixture
def reader(index_dir):
    with open_index(index_dir).reader() as top:
        [(segment, _)] = list(top.leaf_readers())
        yield segment


def _stepped(matcher) -> tuple[list[int], list[float], list[bytes]]:
    """The postings as Whoosh's public matcher API steps through them, one at a time."""
    ids, weights, values = [], [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        values.append(matcher.value())
        matcher.next()
    return ids, weights, values


def _common_and_rare(reader) -> tuple[str, str]:
    frequencies = [(reader.doc_frequency("body", term), term.decode("utf-8"))
                   for term in reader.lexicon("body")]
    return max(frequencies)[1], next(term for count, term in sorted(frequencies) if count == 1)


def test_a_common_words_postings_are_read_from_whoosh_blocks_and_agree_with_its_matcher(reader):
    common, _ = _common_and_rare(reader)
    assert block_reader(stored_postings(reader, "body", common)) is not None
    ids, weights = posting_arrays(stored_postings(reader, "body", common))
    stepped_ids, stepped_weights, _ = _stepped(reader.postings("body", common))
    assert len(ids) == len(MANY) > 2 * 128  # several blocks
    assert ids.tolist() == stepped_ids
    assert weights.tolist() == pytest.approx(stepped_weights)


def test_a_word_of_one_article_is_read_from_a_block_too_as_whoosh_inlines_none(reader):
    _, rare = _common_and_rare(reader)
    assert block_reader(stored_postings(reader, "body", rare)) is not None
    ids, weights = posting_arrays(stored_postings(reader, "body", rare))
    stepped_ids, stepped_weights, _ = _stepped(reader.postings("body", rare))
    assert (ids.tolist(), weights.tolist()) == (stepped_ids, pytest.approx(stepped_weights))


def test_positions_read_block_by_block_are_the_positions_whoosh_decodes(reader):
    decode = reader.schema["body"].format.decode_positions
    for word in _common_and_rare(reader):
        stepped_ids, _, values = _stepped(reader.postings("body", word))
        wanted = stepped_ids[::7] + stepped_ids[-1:]
        found = positions_in(stored_postings(reader, "body", word), posting_arrays(
            stored_postings(reader, "body", word))[0][[stepped_ids.index(d) for d in sorted(set(wanted))]], decode)
        assert found == {d: decode(values[stepped_ids.index(d)]) for d in sorted(set(wanted))}


def test_field_lengths_read_a_column_at_a_time_are_whooshs_lengths(reader):
    column = length_table(reader).column("body")
    assert column is not None and len(column) == reader.doc_count_all()
    assert column == [reader.doc_field_length(d, "body") for d in range(reader.doc_count_all())]


def test_another_kind_of_matcher_is_an_error_not_a_slow_path(index_dir):
    with open_index(index_dir).searcher() as searcher:
        with pytest.raises(UnexpectedMatcherError, match="W3 codec"):
            common, rare = _common_and_rare(searcher.reader())
            posting_arrays(wq.Or([wq.Term("body", common), wq.Term("body", rare)]).matcher(searcher))


def test_segment_files_are_read_from_the_shared_mapping_not_copied():
    assert structfile.BufferFile.__init__ is mmapfiles._buffer_file_init
    opened = structfile.BufferFile(memoryview("Hội thảo".encode("utf-8")))
    assert isinstance(opened.file, mmapfiles.MemoryViewReader)
    assert opened.read(len("Hội".encode("utf-8"))).decode("utf-8") == "Hội"


@pytest.mark.parametrize("distribution, module", [("2.7.4", (2, 7, 4)), (None, (2, 7, 5)), ("2.7.6", (2, 7, 6))])
def test_the_engine_refuses_a_whoosh_it_was_not_written_for(distribution, module):
    with pytest.raises(UnsupportedWhooshError, match="Whoosh-Reloaded 2.7.5"):
        check_whoosh(distribution, module)
    check_whoosh("2.7.5", (2, 7, 5))  # the pinned release passes


def test_an_index_built_before_the_layout_move_asks_for_a_rebuild(index_dir, tmp_path, capsys):
    old = tmp_path / "old-index"
    build_index(MANY[:3], old, jobs=1)
    record = json.loads((old / FORMAT_FILE).read_text(encoding="utf-8"))
    record["schema_version"] = 3  # the analyzers were pickled as indexer.analysis.*
    (old / FORMAT_FILE).write_text(json.dumps(record), encoding="utf-8")

    with pytest.raises(IndexVersionError, match="--rebuild"):
        open_index(old)
    assert main(["search", "hội thảo", "--index", str(old)]) != 0
    printed = capsys.readouterr()
    assert "--rebuild" in printed.err and "Traceback" not in printed.err + printed.out
