"""Our segment writer: Whoosh's, with postings moved a field or a block at a time.

Whoosh's SegmentWriter hands every posting on by itself, with ~800 postings per article:
`add_document` calls the pool once per posting, and at the commit the field writer takes
them one by one (`add_postings` → `add` → `add_posting`: three calls, four type assertions
and a length lookup each) only to gather them into blocks of 128. Here a document's field
goes to the compact pool in one call, and each block is cut whole from the pool's arrays
and written by Whoosh's own block writer: the same blocks and statistics, in the
same files (tests/test_posting_pool.py compares them with Whoosh's own writer's).
"""

from __future__ import annotations

from collections.abc import Iterable

from whoosh.writing import SegmentWriter

from indexer.engine.lengthtable import LengthTable
from indexer.engine.postingpool import CompactPostingPool, TermKey, TermPostings


class CompactSegmentWriter(SegmentWriter):
    """A Whoosh SegmentWriter whose postings go through a CompactPostingPool a field or a
    block at a time, and whose commit reads field lengths a column at a time."""

    def __init__(self, ix, limitmb: float, **kwargs) -> None:
        if any(field.vector or field.separate_spelling() for _, field in ix.schema.items()):
            raise ValueError("CompactSegmentWriter writes no term vectors or spelling words")
        super().__init__(ix, limitmb=limitmb, **kwargs)  # takes the index's lock unless _lk=False
        self.pool = CompactPostingPool(self._tempstorage, limitmb)

    def add_document(self, **fields) -> None:
        """Whoosh's `add_document` with each field's postings added to the pool in one call."""
        self._check_state()
        perdocwriter, schema, docnum = self.perdocwriter, self.schema, self.docnum
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    boost = self._field_boost(fields, fieldname, docboost)
                    length = self.pool.add_field(fieldname, docnum, field.index(value), boost)
                    if not field.scorable:
                        length = 0
                stored = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, stored if field.stored else None, length)
                if field.column_type and stored is not None:
                    perdocwriter.add_column_value(fieldname, field.column_type, field.to_column_value(stored))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def per_document_reader(self) -> LengthTable:
        return LengthTable(super().per_document_reader())

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        write_postings(self.fieldwriter, self.schema, lengths, self.pool.iter_terms())
        self.fieldwriter.close()
        if lengths is not None:
            lengths.close()


def write_postings(fieldwriter, schema, lengths, terms: Iterable[tuple[TermKey, TermPostings]]) -> None:
    """What `FieldWriter.add_postings` does with Whoosh's W3 codec, for terms sorted by field and term.

    `lengths` is the segment's LengthTable (or None when the codec keeps no lengths).
    """
    current = None
    column = None
    for (fieldname, term), postings in terms:
        if fieldname != current:
            if current is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            current = fieldname
            column = lengths.column(fieldname) if lengths is not None else None
        fieldwriter.start_term(term)
        _write_blocks(fieldwriter._postwriter, postings, column)
        fieldwriter.finish_term()  # writes the last block
    if current is not None:
        fieldwriter.finish_field()


def _write_blocks(postwriter, postings: TermPostings, column: list[int] | None) -> None:
    """Fills the W3 postings writer's block buffer a block at a time; the last block stays buffered."""
    limit = postwriter._blocklimit
    docnums, weights, ends = postings.docnums, postings.weights, postings.ends
    values = bytes(postings.values)
    count = len(docnums)
    for start in range(0, count, limit):
        if start:
            postwriter._write_block()  # what add_posting does when the 129th posting arrives
        stop = min(start + limit, count)
        ids = docnums[start:stop]
        postwriter._ids = ids
        postwriter._weights = weights[start:stop]
        postwriter._maxweight = max(0, max(postwriter._weights))
        if values:
            offsets = [ends[start - 1] if start else 0, *ends[start:stop]]
            postwriter._values = [values[a:b] for a, b in zip(offsets, offsets[1:]) if b > a]
        # Whoosh counts only non-zero lengths in a block's shortest and longest document.
        block_lengths = [column[d] for d in ids if column[d]] if column is not None else []
        postwriter._minlength = min(block_lengths) if block_lengths else None
        postwriter._maxlength = max(block_lengths, default=0)
