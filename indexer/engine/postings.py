"""Reading a term's postings as numpy arrays, straight from Whoosh's W3 codec blocks.

Whoosh's matchers step one posting at a time in Python; `run_search` needs every posting of
each query term (facets count all matches). Whoosh-Reloaded 2.7.5's W3 codec keeps every
term's postings in blocks of up to 128 (W3LeafMatcher, read here a block array at a time;
its "inline limit" of 1 inlines no term, as its test is `postings < 1`). Any other matcher
means another codec or another Whoosh: that is an error, not a reason to step through the
postings slowly without a word.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher

from indexer.engine.lengthtable import LengthTable


class UnexpectedMatcherError(TypeError):
    """A posting list that is not read by Whoosh-Reloaded 2.7.5's W3 block reader."""


def stored_postings(reader, field: str, text: str):
    """The term's postings as the segment stores them, deleted documents included.

    Whoosh wraps the postings of a segment with deletions (any segment an update touched) in
    a filter that steps one posting at a time, which also hides the block arrays read below;
    the callers leave deleted documents out afterwards (FacetTable.live).
    """
    matcher = reader.postings(field, text)
    return matcher.child if isinstance(matcher, FilterMatcher) else matcher


def block_reader(matcher) -> W3LeafMatcher:
    """The matcher itself when it is the W3 block reader the fast paths read; raises
    UnexpectedMatcherError on anything else."""
    if not isinstance(matcher, W3LeafMatcher):
        raise UnexpectedMatcherError(
            f"indexer.engine reads the postings of Whoosh-Reloaded 2.7.5's W3 codec, not {type(matcher).__name__}"
        )
    return matcher


def posting_arrays(matcher) -> tuple[np.ndarray, np.ndarray]:
    """Document numbers and weights of a term's postings, a block at a time."""
    matcher = block_reader(matcher)
    id_blocks, weight_blocks = [], []
    # Reads Whoosh's W3 block arrays directly: `all_ids()` would step one posting at a time.
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        if matcher._weights is None:
            matcher._read_weights()
        id_blocks.append(np.asarray(matcher._ids[matcher._i :], dtype=np.int64))
        weight_blocks.append(np.asarray(matcher._weights[matcher._i :], dtype=np.float32))
        matcher._next_block()
    if not id_blocks:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    return np.concatenate(id_blocks), np.concatenate(weight_blocks)


def positions_in(matcher, documents: np.ndarray, decode: Callable) -> dict[int, list[int]]:
    """The term's positions in each of the (sorted) documents that has it, reading only the
    blocks that hold one of them."""
    found: dict[int, list[int]] = {}
    matcher = block_reader(matcher)
    i = 0
    while i < len(documents) and matcher.is_active():
        target = int(documents[i])
        matcher._skip_to_block(lambda: target > matcher.block_max_id())
        if not matcher.is_active():
            break
        if matcher._ids is None:
            matcher._read_ids()
        block_ids = np.asarray(matcher._ids, dtype=np.int64)
        end = int(np.searchsorted(documents, block_ids[-1], side="right"))
        inside = documents[i:end]
        at = np.minimum(np.searchsorted(block_ids, inside), len(block_ids) - 1)
        present = block_ids[at] == inside
        if present.any():
            if matcher._values is None:
                matcher._read_values()
            for document, k in zip(inside[present].tolist(), at[present].tolist()):
                found[document] = decode(matcher._values[k])
        i = end
        if i < len(documents):
            matcher._next_block()
    return found


def segment_key(reader) -> tuple | None:
    """What names a leaf reader's segment across indexes (a segment never changes once written),
    or None for a reader of no segment or of several.

    Whoosh draws segment ids from `random`: a process that seeds it (hypothesis does, for each
    example) writes the same ids into other indexes, so the directory and size are in the key."""
    segment = getattr(reader, "_segment", None)
    if segment is None:
        return None
    folder = getattr(getattr(reader, "_storage", None), "folder", None)
    return (folder, segment.segment_id(), segment.doc_count_all())


def length_table(segment_reader) -> LengthTable:
    """Every document's field lengths of one segment, read a whole column at a time."""
    return LengthTable(segment_reader._perdoc)
