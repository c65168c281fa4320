"""The writer's postings pool: postings grouped by term in compact arrays, spilled by term.

Whoosh's own pool keeps every posting as a Python tuple (about 200 bytes), sorts them all
at commit and, past its memory limit, pickles them one posting at a time into runs that it
merges back posting by posting: with ~800 postings per article that was half of an
indexing run's time. Here a field's postings are appended, a document's field at a time,
to a few flat arrays (term number, document number, weight, value), which C code extends
several times faster than Python appends to one array per term; at a spill or the commit
numpy sorts them by term (stably, so each term's postings stay in document order) into
one record per term. A spilled run holds those records. The postings that reach the
segment's field writer are the same, in the same order.
"""

from __future__ import annotations

import heapq
import pickle
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, groupby, repeat
from operator import itemgetter

import numpy as np
from whoosh.util import random_name

Posting = tuple[str, bytes, int, float, bytes | None]
TermKey = tuple[str, bytes]

# Estimated bytes held per posting (term number, document number, weight, value offset,
# amortized array growth; value bytes are counted apart) and per distinct term (dict entry
# and term bytes).
_POSTING_BYTES = 24
_TERM_BYTES = 150
_CHUNK = 65536  # postings turned into term records at a time


class TermPostings:
    """One term's postings in document order: a record of a spilled run, and what the commit
    writes a block at a time (indexer.engine.segmentwriter)."""

    __slots__ = ("docnums", "weights", "values", "ends")

    def __init__(self) -> None:
        self.docnums = array("i")
        self.weights = array("f")
        self.values = bytearray()
        self.ends = array("I")  # end offset of each posting's value in `values`

    def extend(self, other: TermPostings) -> None:
        base = len(self.values)
        self.docnums.extend(other.docnums)
        self.weights.extend(other.weights)
        self.values.extend(other.values)
        self.ends.extend(end + base for end in other.ends)

    def __getstate__(self):
        return (self.docnums, self.weights, self.values, self.ends)

    def __setstate__(self, state) -> None:
        self.docnums, self.weights, self.values, self.ends = state


class _FieldPostings:
    """One field's postings in the order they were added, one row per posting."""

    __slots__ = ("numbers", "terms", "docnums", "weights", "values", "ends")

    def __init__(self) -> None:
        self.numbers: dict[bytes, int] = {}  # term → its number in `terms`
        self.terms = array("i")
        self.docnums = array("i")
        self.weights = array("f")
        self.values = bytearray()
        self.ends = array("q")  # end offset of each posting's value in `values`

    def __len__(self) -> int:
        return len(self.docnums)

    def add(self, docnum: int, terms: Sequence[bytes], weights: Sequence[float], values: Sequence[bytes]) -> None:
        numbers = self.numbers
        self.terms.extend([numbers.setdefault(term, len(numbers)) for term in terms])
        self.docnums.extend(repeat(docnum, len(terms)))
        self.weights.extend(weights)
        base = len(self.values)
        self.values += b"".join(values)
        self.ends.extend(accumulate(map(len, values), initial=base))
        del self.ends[-len(terms) - 1]  # the initial offset, which is the end of the posting before

    def truncate(self, size: int) -> None:
        """Back to the first `size` postings (a term numbered since keeps no posting)."""
        del self.terms[size:], self.docnums[size:], self.weights[size:]
        del self.values[self.ends[size - 1] if size else 0 :], self.ends[size:]

    def by_term(self) -> Iterator[tuple[bytes, TermPostings]]:
        """Each term with its postings in the order they were added, terms sorted."""
        if not self.docnums:
            return
        terms = sorted(self.numbers)
        rank = np.empty(len(terms), dtype=np.int32)
        rank[np.fromiter((self.numbers[t] for t in terms), dtype=np.int64, count=len(terms))] = np.arange(len(terms))
        keys = rank[np.frombuffer(self.terms, dtype=np.int32)]
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        docnums = np.frombuffer(self.docnums, dtype=np.int32)
        if np.any((keys[1:] == keys[:-1]) & (np.diff(docnums[order]) <= 0)):
            # Whoosh numbers documents as they are added; anything else would write a
            # posting list out of order without an error.
            raise ValueError("postings of a term added out of document order")
        counts = np.bincount(keys, minlength=len(terms)).tolist()
        del keys
        weights = np.frombuffer(self.weights, dtype=np.float32)
        ends = np.frombuffer(self.ends, dtype=np.int64)
        values = self.values  # sliced in place, not copied
        # The sorted postings are taken a chunk at a time, so that the copies made here stay
        # small beside the pool.
        chunk_start = chunk_stop = position = 0
        for term, count in zip(terms, counts):
            if not count:
                continue  # numbered for a document that was then taken out
            stop = position + count
            if stop > chunk_stop:
                chunk_start, chunk_stop = position, max(stop, position + _CHUNK)
                rows = order[chunk_start:chunk_stop]
                chunk_docnums, chunk_weights = docnums[rows], weights[rows]
                chunk_ends = ends[rows].tolist()
                chunk_starts = np.where(rows > 0, ends[rows - 1], 0).tolist()  # ends[-1] where unused
            a, b = position - chunk_start, stop - chunk_start
            postings = TermPostings()
            postings.docnums.frombytes(chunk_docnums[a:b].tobytes())
            postings.weights.frombytes(chunk_weights[a:b].tobytes())
            parts = [values[x:y] for x, y in zip(chunk_starts[a:b], chunk_ends[a:b])]
            postings.values += b"".join(parts)
            postings.ends.extend(accumulate(map(len, parts)))
            yield term, postings
            position = stop


class CompactPostingPool:
    """The pool of a CompactSegmentWriter (indexer.engine.segmentwriter): `add_field` for a new document,
    `add` for the postings of an older segment that Whoosh merges in, `iter_terms` at the commit."""

    def __init__(self, tempstorage, limitmb: float = 256) -> None:
        self._tempstorage = tempstorage
        self._limit = limitmb * 1024 * 1024
        self._fields: dict[str, _FieldPostings] = {}
        self._size = 0
        self._runs: list[str] = []
        self._run_prefix = f"postings-{random_name()}"
        # Where each field's postings of the document being added begin, so that a document
        # that fails halfway can be taken out again (Whoosh would reuse its number for the next one).
        self._document = -1
        self._document_starts: dict[str, int] = {}

    def add(self, item: Posting) -> None:
        """One posting (what Whoosh's merge of older segments adds, a posting at a time)."""
        fieldname, term, docnum, weight, value = item
        self._add(fieldname, docnum, (term,), (weight,), [value or b""])

    def add_field(self, fieldname: str, docnum: int, items: Iterable[tuple[bytes, int, float, bytes | None]],
                  boost: float = 1.0) -> int:
        """A document's postings in one field, (term, frequency, weight, value) each, terms
        distinct; returns the sum of the frequencies (the field's length in the document)."""
        listed = list(items)
        if not listed:
            return 0
        terms, frequencies, weights, values = zip(*listed)
        self._add(fieldname, docnum, terms, weights if boost == 1.0 else [w * boost for w in weights],
                  [value or b"" for value in values])
        return sum(frequencies)

    def _add(self, fieldname: str, docnum: int, terms: Sequence[bytes], weights: Sequence[float],
             values: list[bytes]) -> None:
        field = self._field(fieldname, docnum)
        known = len(field.numbers)
        field.add(docnum, terms, weights, values)
        self._size += (_POSTING_BYTES * len(terms) + sum(map(len, values))
                       + _TERM_BYTES * (len(field.numbers) - known))

    def _field(self, fieldname: str, docnum: int) -> _FieldPostings:
        if docnum != self._document:
            if self._size > self._limit:
                self._spill()  # between documents, so that a document is never split across runs
            self._document, self._document_starts = docnum, {}
        field = self._fields.get(fieldname)
        if field is None:
            field = self._fields[fieldname] = _FieldPostings()
        self._document_starts.setdefault(fieldname, len(field))
        return field

    def discard_document(self, docnum: int) -> None:
        """Takes out the postings of the document being added (after it failed halfway)."""
        if docnum != self._document:
            return
        for fieldname, start in self._document_starts.items():
            self._fields[fieldname].truncate(start)
        self._document, self._document_starts = -1, {}

    def _sorted_terms(self) -> Iterator[tuple[TermKey, TermPostings]]:
        for fieldname in sorted(self._fields):
            for term, postings in self._fields[fieldname].by_term():
                yield (fieldname, term), postings

    def _spill(self) -> None:
        """Writes the terms held so far, sorted, as one run file (one record per term)."""
        # Several writers (one per indexing worker) share the index's temporary folder.
        name = f"{self._run_prefix}-{len(self._runs)}.run"
        with self._tempstorage.create_file(name).raw_file() as run:
            for record in self._sorted_terms():
                pickle.dump(record, run, pickle.HIGHEST_PROTOCOL)
        self._runs.append(name)
        self._fields = {}
        self._size = 0

    def _read_run(self, name: str) -> Iterator[tuple[TermKey, TermPostings]]:
        with self._tempstorage.open_file(name).raw_file() as run:
            while True:
                try:
                    yield pickle.load(run)
                except EOFError:
                    return

    def iter_terms(self) -> Iterator[tuple[TermKey, TermPostings]]:
        """Every term with all its postings, sorted by field and term."""
        in_memory = self._sorted_terms()
        if not self._runs:
            yield from in_memory
            return
        # Runs were spilled in document order, so a term's postings from run i all come
        # before its postings from run i + 1: merging is concatenation in run order.
        sources = [self._read_run(name) for name in self._runs] + [in_memory]
        ordered = heapq.merge(*(_numbered(source, i) for i, source in enumerate(sources)))
        for key, parts in groupby(ordered, key=itemgetter(0)):
            _, _, postings = next(parts)
            for _, _, later in parts:
                postings.extend(later)
            yield key, postings

    def cleanup(self) -> None:
        for name in self._runs:
            try:
                self._tempstorage.delete_file(name)
            except OSError:
                pass
        self._runs = []
        self._fields = {}


def _numbered(source: Iterator[tuple[TermKey, TermPostings]], number: int):
    """A run's terms tagged with the run's number, which orders equal terms by run."""
    for key, postings in source:
        yield key, number, postings
