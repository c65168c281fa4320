"""Matching and BM25 scoring of a query over the whole index with numpy, in one pass.

Facets need every match, not the top ten, and Whoosh's matcher tree unions, intersects
and scores postings one document at a time in Python (then once more to collect the top
ten). Here each term's postings are read block by block into arrays and the boolean
structure of the query is evaluated with numpy: a mask of the matching documents and
their BM25F scores (Whoosh's formula, B=0.75, K1=1.6, idf = ln(N/(df+1))+1,
a query's score the sum of its matching terms' scores times their boosts). A phrase's
score is its words' scores; its documents are those where its words are adjacent (positions
skip one at a clause break, so within a clause): the `compounds` field's folded pairs of
adjacent syllables narrow them to a few candidates in numpy, and the field's positions
(exact or folded) confirm each candidate.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable

import numpy as np
from whoosh import query as wq

from indexer.engine.postings import length_table, positions_in, posting_arrays, segment_key, stored_postings
from indexer.search.ranking import B, K1
from indexer.text.vietnamese import fold_term

Deadline = Callable[[], None]  # raises when the search has used up its time
_SCORED_FIELDS = ("title", "title_folded", "body", "body_folded", "compounds", "author", "words")
_POSITIONAL_FIELDS = ("title", "title_folded", "body", "body_folded")


class FieldLengths:
    """Per-document field lengths and averages of one index generation, for BM25."""

    def __init__(self, reader) -> None:  # whoosh.reading.IndexReader
        size = reader.doc_count_all()
        self.lengths: dict[str, np.ndarray] = {}
        self.averages: dict[str, float] = {}
        fields = [field for field in _SCORED_FIELDS if field in reader.schema]
        for field in fields:
            self.lengths[field] = np.ones(size, dtype=np.float32)
            self.averages[field] = (reader.field_length(field) / max(reader.doc_count(), 1)) or 1.0
        for segment, offset in reader.leaf_readers():
            if not segment.doc_count_all():  # an index without documents: an EmptyReader, no columns
                continue
            # Each segment's lengths column read whole (a document at a time took seconds at 100k).
            table = length_table(segment)
            for field in fields:
                column = table.column(field)
                if column:
                    values = np.array(column, dtype=np.float32)
                    self.lengths[field][offset : offset + len(values)] = np.where(values > 0, values, 1)


def match_and_score(searcher, q: wq.Query, lengths: FieldLengths, check_deadline: Deadline
                    ) -> tuple[np.ndarray, np.ndarray]:
    """(mask, scores) over all document numbers: where `q` matches (deleted ones included) and how well."""
    size = searcher.doc_count_all()
    context = MatchContext(searcher, lengths, check_deadline)
    mask = np.zeros(size, dtype=bool)
    scores = np.zeros(size, dtype=np.float32)
    for subsearcher, offset in searcher.leaf_searchers():
        segment_size = subsearcher.reader().doc_count_all()
        part_mask, part_scores = context.evaluate(subsearcher, q, offset, segment_size)
        mask[offset : offset + segment_size] |= part_mask
        scores[offset : offset + segment_size] += part_scores
    return mask, scores


class MatchContext:
    def __init__(self, searcher, lengths: FieldLengths, check_deadline: Deadline) -> None:
        self.top = searcher
        self.lengths = lengths
        self.check_deadline = check_deadline
        self.total_docs = searcher.doc_count_all()
        # A term's document frequency over the whole index, asked once per query: the top-level
        # reader adds it up segment by segment, and each segment evaluates every term.
        self._idf: dict[tuple[str, str], float] = {}

    def evaluate(self, searcher, q: wq.Query, offset: int, size: int) -> tuple[np.ndarray, np.ndarray]:
        self.check_deadline()
        if isinstance(q, wq.Term):
            return self._term(searcher.reader(), q.fieldname, q.text, q.boost, offset, size)
        if isinstance(q, (wq.Or, wq.And)):
            conjunction = isinstance(q, wq.And)
            mask = np.full(size, conjunction, dtype=bool)
            scores = np.zeros(size, dtype=np.float32)
            for child in q.subqueries:
                child_mask, child_scores = self.evaluate(searcher, child, offset, size)
                mask = mask & child_mask if conjunction else mask | child_mask
                scores += child_scores
            return mask, np.where(mask, scores * q.boost, 0).astype(np.float32)
        if isinstance(q, wq.AndNot):
            mask, scores = self.evaluate(searcher, q.a, offset, size)
            excluded, _ = self.evaluate(searcher, q.b, offset, size)
            mask &= ~excluded
            return mask, np.where(mask, scores, 0).astype(np.float32)
        if isinstance(q, wq.AndMaybe):
            mask, scores = self.evaluate(searcher, q.a, offset, size)
            _, extra = self.evaluate(searcher, q.b, offset, size)
            return mask, np.where(mask, scores + extra, 0).astype(np.float32)
        if isinstance(q, wq.Not):
            excluded, _ = self.evaluate(searcher, q.query, offset, size)
            return ~excluded, np.zeros(size, dtype=np.float32)
        if isinstance(q, wq.Every):
            return np.ones(size, dtype=bool), np.zeros(size, dtype=np.float32)
        if q is wq.NullQuery:
            return np.zeros(size, dtype=bool), np.zeros(size, dtype=np.float32)
        if isinstance(q, wq.Phrase):
            words = [self._term(searcher.reader(), q.fieldname, word, q.boost, offset, size) for word in q.words]
            if _by_pairs(q):
                mask = self._phrase_documents(searcher.reader(), q, [m for m, _ in words], size)
            else:
                mask = self._whoosh_documents(searcher, q, size)
            scores = np.zeros(size, dtype=np.float32)
            for _, word_scores in words:
                scores += word_scores
            return mask, np.where(mask, scores, 0).astype(np.float32)
        return self._whoosh_documents(searcher, q, size), np.zeros(size, dtype=np.float32)

    @staticmethod
    def _whoosh_documents(searcher, q: wq.Query, size: int) -> np.ndarray:
        """The documents of any other query, from Whoosh's own matcher."""
        mask = np.zeros(size, dtype=bool)
        mask[np.fromiter(q.docs(searcher), dtype=np.int64)] = True
        return mask

    def _phrase_documents(self, reader, q: wq.Phrase, word_masks: list[np.ndarray], size: int) -> np.ndarray:
        """Documents where the phrase's words follow each other in the field and within a clause."""
        words = list(q.words)
        candidates = np.logical_and.reduce(word_masks)
        folded = [fold_term(word) for word in words]
        for first, second in zip(folded, folded[1:]):
            candidates &= self._term_mask(reader, "compounds", f"{first}_{second}", size)
        mask = np.zeros(size, dtype=bool)
        ids = np.flatnonzero(candidates)
        if not len(ids):
            return mask
        self.check_deadline()
        decode = reader.schema[q.fieldname].format.decode_positions
        starts: dict[int, set[int]] | None = None
        for i, word in enumerate(words):
            positions = positions_in(stored_postings(reader, q.fieldname, word), ids, decode)
            shifted = {doc: {p - i for p in found} for doc, found in positions.items()}
            starts = shifted if starts is None else {
                doc: both for doc, here in starts.items() if (both := here & shifted.get(doc, set()))}
            ids = np.fromiter(sorted(starts), dtype=np.int64)
            if not len(ids):
                return mask
        mask[ids] = True
        return mask

    @staticmethod
    def _term_mask(reader, field: str, text: str, size: int) -> np.ndarray:
        mask = np.zeros(size, dtype=bool)
        if (field, text) in reader:
            mask[cached_postings(reader, field, text)[0]] = True
        return mask

    def _term(self, reader, field: str, text: str, boost: float, offset: int, size: int
              ) -> tuple[np.ndarray, np.ndarray]:
        mask = np.zeros(size, dtype=bool)
        scores = np.zeros(size, dtype=np.float32)
        if (field, text) not in reader:
            return mask, scores
        ids, weights = cached_postings(reader, field, text)
        mask[ids] = True
        if field in self.lengths.lengths:
            idf = self._idf.get((field, text))
            if idf is None:
                frequency = self.top.doc_frequency(field, text)
                idf = self._idf[field, text] = math.log(self.total_docs / (frequency + 1)) + 1
            lengths = self.lengths.lengths[field][offset + ids]
            norm = K1 * ((1 - B) + B * lengths / self.lengths.averages[field])
            scores[ids] = boost * idf * (weights * (K1 + 1)) / (weights + norm)
        return mask, scores


def _by_pairs(q: wq.Phrase) -> bool:
    """Whether the phrase can be matched through the pairs index: adjacent plain syllables of a
    positional text field (a document number or a date inside a phrase is left to Whoosh)."""
    return (q.fieldname in _POSITIONAL_FIELDS and q.slop == 1 and len(q.words) > 1
            and all(word.isalnum() for word in q.words))


class _PostingsCache:
    """The most recently used terms' postings, as arrays, up to a number of bytes.

    A segment never changes once written, so (segment, field, term) is a safe key across
    index generations; common words recur in nearly every query of a news search.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[tuple, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple):
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: tuple, value: tuple[np.ndarray, np.ndarray]) -> None:
        size = value[0].nbytes + value[1].nbytes
        if size > self.max_bytes // 4:
            return
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = value
            self.bytes += size
            while self.bytes > self.max_bytes:
                _, (ids, weights) = self._entries.popitem(last=False)
                self.bytes -= ids.nbytes + weights.nbytes


POSTINGS_CACHE_BYTES = 64 * 1024 * 1024
_cache = _PostingsCache(POSTINGS_CACHE_BYTES)


def cached_postings(reader, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    segment = segment_key(reader)
    found = _cache.get((segment, field, text)) if segment is not None else None
    if found is None:
        ids, weights = posting_arrays(stored_postings(reader, field, text))
        found = (ids.astype(np.int32), weights)
        if segment is not None:  # a reader of no segment (an empty index): nothing to cache
            _cache.put((segment, field, text), found)
    return found
