"""Posting formats that index terms analyzed beforehand (in the indexing workers).

They write the values exactly as Whoosh's Positions and Frequency formats do, which for
frequencies means Whoosh's own integer encoding (whoosh.system), hence their place here.
"""

from __future__ import annotations

from whoosh.formats import Frequency, Positions
from whoosh.system import pack_uint


class PreAnalyzedPositions(Positions):
    """Positions format that also indexes a {term: [positions]} mapping made elsewhere."""

    def index_items(self, value: dict[str, list[int]]) -> list[tuple[bytes, int, float, bytes]]:
        encode, boost = self.encode, self.field_boost
        return [(term.encode("utf-8"), len(positions), len(positions) * boost, encode(positions))
                for term, positions in value.items()]


class PreAnalyzedFrequency(Frequency):
    """Frequency format that also indexes a {term: frequency} mapping made elsewhere."""

    def index_items(self, value: dict[str, int]) -> list[tuple[bytes, int, float, bytes]]:
        boost = self.field_boost
        return [(term.encode("utf-8"), frequency, frequency * boost, pack_uint(frequency))
                for term, frequency in value.items()]
