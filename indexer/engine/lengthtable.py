"""Field lengths read a whole column at a time instead of one document at a time.

Whoosh asks a segment's per-document reader for one document's length at a time, which seeks
and reads one byte from the lengths column each time. Two places need every length: the
writer's commit (each posting's length, for the block statistics of the postings file: a
quarter of a commit with our ~800 postings per article) and BM25 scoring (every document's
length per field, indexer.search.matching: seconds at 100k documents). The table below reads each
field's column once, then answers from a list. The lengths are the same.
"""

from __future__ import annotations

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

_BYTE_TO_LENGTH = [byte_to_length(b) for b in range(256)]


class LengthTable:
    """The `doc_field_length` (and `close`) of a per-document reader, from whole columns."""

    def __init__(self, reader) -> None:
        self._reader = reader
        self._tables: dict[str, list[int] | None] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        table = self.column(fieldname)
        return default if table is None else table[docnum]

    def column(self, fieldname: str) -> list[int] | None:
        """Every document's length in the field (None when the field keeps no lengths)."""
        if fieldname not in self._tables:
            self._tables[fieldname] = self._load(fieldname)
        return self._tables[fieldname]

    def _load(self, fieldname: str) -> list[int] | None:
        column = _lenfield(fieldname)
        if not self._reader.has_column(column):
            return None
        return [_BYTE_TO_LENGTH[b] for b in self._reader.column_reader(column, LENGTHS_COLUMN)]

    def close(self) -> None:
        self._reader.close()
