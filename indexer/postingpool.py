"""The writer's postings pool: postings grouped by term in compact arrays, spilled by term.

Whoosh's own pool keeps every posting as a Python tuple (about 200 bytes), sorts them all
at commit and, past its memory limit, pickles them one posting at a time into runs that it
merges back posting by posting: with ~800 postings per article that was half of an
indexing run's time. Here each term's postings accumulate in arrays as documents arrive
(already in document order, because documents are numbered as they are added), so only
the distinct terms are sorted, and a spilled run holds one record per term. The postings
that reach the segment's field writer are the same, in the same order.
"""

from __future__ import annotations

import heapq
import pickle
from array import array
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter

from whoosh.util import random_name

Posting = tuple[str, bytes, int, float, bytes | None]
TermKey = tuple[str, bytes]

# Estimated bytes held per posting (document number, weight, value offset, value bytes,
# amortized array growth) and per distinct term (dict entry, key tuple, arrays).
_POSTING_BYTES = 24
_TERM_BYTES = 400


class _TermPostings:
    __slots__ = ("docnums", "weights", "values", "ends")

    def __init__(self) -> None:
        self.docnums = array("i")
        self.weights = array("f")
        self.values = bytearray()
        self.ends = array("I")  # end offset of each posting's value in `values`

    def postings(self, fieldname: str, term: bytes) -> Iterator[Posting]:
        values, start = bytes(self.values), 0
        for docnum, weight, end in zip(self.docnums, self.weights, self.ends):
            yield fieldname, term, docnum, weight, values[start:end]
            start = end

    def extend(self, other: _TermPostings) -> None:
        base = len(self.values)
        self.docnums.extend(other.docnums)
        self.weights.extend(other.weights)
        self.values.extend(other.values)
        self.ends.extend(end + base for end in other.ends)

    def __getstate__(self):
        return (self.docnums, self.weights, self.values, self.ends)

    def __setstate__(self, state) -> None:
        self.docnums, self.weights, self.values, self.ends = state


class CompactPostingPool:
    """What a Whoosh SegmentWriter needs of its pool: `add`, `iter_postings` and `cleanup`."""

    def __init__(self, tempstorage, limitmb: float = 256) -> None:
        self._tempstorage = tempstorage
        self._limit = limitmb * 1024 * 1024
        self._fields: dict[str, dict[bytes, _TermPostings]] = {}  # field → term → postings
        self._size = 0
        self._runs: list[str] = []
        self._run_prefix = f"postings-{random_name()}"
        # The terms of the document being added, field by field, so that a document that
        # fails halfway can be taken out again (Whoosh would reuse its number for the next one).
        self._document = -1
        self._document_terms: list[tuple[dict[bytes, _TermPostings], list[bytes]]] = []

    def add(self, item: Posting) -> None:
        """One posting (what Whoosh's merge of older segments adds, a posting at a time)."""
        fieldname, term, docnum, weight, value = item
        self.add_field(fieldname, docnum, ((term, 0, weight, value),))

    def add_field(self, fieldname: str, docnum: int, items: Iterable[tuple[bytes, int, float, bytes | None]],
                  boost: float = 1.0) -> int:
        """A document's postings in one field, (term, frequency, weight, value) each; returns
        the sum of the frequencies (the field's length in the document)."""
        if docnum != self._document:
            if self._size > self._limit:
                self._spill()  # between documents, so that a document is never split across runs
            self._document, self._document_terms = docnum, []
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
        added: list[bytes] = []
        self._document_terms.append((terms, added))
        length = added_bytes = 0
        try:
            for term, frequency, weight, value in items:
                postings = terms.get(term)
                if postings is None:
                    postings = terms[term] = _TermPostings()
                    added_bytes += _TERM_BYTES
                elif docnum <= postings.docnums[-1]:
                    # Whoosh numbers documents as they are added; anything else would write a
                    # posting list out of order without an error.
                    raise ValueError(f"posting for document {docnum} after {postings.docnums[-1]} "
                                     f"in {fieldname}:{term!r}")
                added.append(term)
                postings.docnums.append(docnum)
                postings.weights.append(weight * boost)
                if value:
                    postings.values += value
                    added_bytes += len(value)
                postings.ends.append(len(postings.values))
                length += frequency
                added_bytes += _POSTING_BYTES
        finally:
            self._size += added_bytes
        return length

    def discard_document(self, docnum: int) -> None:
        """Takes out the postings of the document being added (after it failed halfway)."""
        if docnum != self._document:
            return
        for terms, added in self._document_terms:
            for term in added:
                postings = terms[term]
                start = postings.ends[-2] if len(postings.ends) > 1 else 0
                del postings.docnums[-1], postings.weights[-1], postings.ends[-1], postings.values[start:]
                if not postings.docnums:
                    del terms[term]
        self._document, self._document_terms = -1, []

    def _sorted_terms(self) -> Iterator[tuple[TermKey, _TermPostings]]:
        for fieldname in sorted(self._fields):
            terms = self._fields[fieldname]
            for term in sorted(terms):
                yield (fieldname, term), terms[term]

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

    def _read_run(self, name: str) -> Iterator[tuple[TermKey, _TermPostings]]:
        with self._tempstorage.open_file(name).raw_file() as run:
            while True:
                try:
                    yield pickle.load(run)
                except EOFError:
                    return

    def iter_terms(self) -> Iterator[tuple[TermKey, _TermPostings]]:
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

    def iter_postings(self) -> Iterator[Posting]:
        """Every posting sorted by field, term and document number, as Whoosh's pool gives them."""
        for (fieldname, term), postings in self.iter_terms():
            yield from postings.postings(fieldname, term)

    def cleanup(self) -> None:
        for name in self._runs:
            try:
                self._tempstorage.delete_file(name)
            except OSError:
                pass
        self._runs = []
        self._fields = {}


def _numbered(source: Iterator[tuple[TermKey, _TermPostings]], number: int):
    """A run's terms tagged with the run's number, which orders equal terms by run."""
    for key, postings in source:
        yield key, number, postings
