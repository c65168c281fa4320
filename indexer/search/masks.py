"""Matching without scoring: which documents a query matches, for counts that need no ranking.

The timeline counts five queries' matches per period and ranks nothing, so the BM25 arithmetic
of `match_and_score` (per posting, per field, then per combination) is half its cost for nothing.
This evaluates the same query tree (the engine's own term postings and phrase check) to masks only.

A phrase's documents are remembered per segment (segments never change once written, as the
postings cache knows): checking word positions is the dear part of a phrase, and a researcher
asks the same queries again as the page is switched to ratios, another interval or the CSV.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from whoosh import query as wq

from indexer.engine.postings import segment_key
from indexer.search.matching import Deadline, FieldLengths, cached_postings, MatchContext


PHRASES_KEPT = 1024  # (segment, field, words) entries; each holds the phrase's document numbers
_phrases: OrderedDict[tuple, np.ndarray] = OrderedDict()
_phrases_lock = threading.Lock()


class _MaskContext(MatchContext):
    """The engine's evaluation of a query tree, with every score left at zero."""

    def evaluate(self, searcher, q: wq.Query, offset: int, size: int) -> tuple[np.ndarray, np.ndarray]:
        self.check_deadline()
        if isinstance(q, (wq.Or, wq.And)):
            masks = [self.evaluate(searcher, child, offset, size)[0] for child in q.subqueries]
            if not masks:
                return np.full(size, isinstance(q, wq.And), dtype=bool), self._zeros(size)
            combine = np.logical_and if isinstance(q, wq.And) else np.logical_or
            return combine.reduce(masks), self._zeros(size)
        if isinstance(q, wq.AndNot):
            wanted = self.evaluate(searcher, q.a, offset, size)[0]
            return wanted & ~self.evaluate(searcher, q.b, offset, size)[0], self._zeros(size)
        if isinstance(q, wq.AndMaybe):
            return self.evaluate(searcher, q.a, offset, size)[0], self._zeros(size)
        if isinstance(q, wq.Phrase):
            return self._phrase(searcher, q, offset, size), self._zeros(size)
        return super().evaluate(searcher, q, offset, size)  # terms (below), the rest

    def _phrase(self, searcher, q: wq.Phrase, offset: int, size: int) -> np.ndarray:
        segment = segment_key(searcher.reader())
        if segment is None:  # not a Whoosh segment reader: nothing names what it holds
            return super().evaluate(searcher, q, offset, size)[0]
        key = (segment, q.fieldname, tuple(q.words), q.slop)
        with _phrases_lock:
            found = _phrases.get(key)
            if found is not None:
                _phrases.move_to_end(key)
        if found is not None:
            mask = np.zeros(size, dtype=bool)
            mask[found] = True
            return mask
        mask = super().evaluate(searcher, q, offset, size)[0]
        with _phrases_lock:
            _phrases[key] = np.flatnonzero(mask).astype(np.int32)
            while len(_phrases) > PHRASES_KEPT:
                _phrases.popitem(last=False)
        return mask

    def _term(self, reader, field: str, text: str, boost: float, offset: int, size: int
              ) -> tuple[np.ndarray, np.ndarray]:
        mask = np.zeros(size, dtype=bool)
        if (field, text) in reader:
            mask[cached_postings(reader, field, text)[0]] = True
        return mask, self._zeros(size)

    @staticmethod
    def _zeros(size: int) -> np.ndarray:
        return np.zeros(size, dtype=np.float32)


def match_documents(searcher, q: wq.Query, lengths: FieldLengths, check_deadline: Deadline) -> np.ndarray:
    """Where `q` matches over all document numbers (deleted ones included), as `match_and_score`'s mask."""
    context = _MaskContext(searcher, lengths, check_deadline)
    mask = np.zeros(searcher.doc_count_all(), dtype=bool)
    for subsearcher, offset in searcher.leaf_searchers():
        segment_size = subsearcher.reader().doc_count_all()
        mask[offset : offset + segment_size] |= context.evaluate(subsearcher, q, offset, segment_size)[0]
    return mask
