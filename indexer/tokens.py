"""Splitting Vietnamese text into syllables with offsets, and into pyvi's multi-syllable words.

This is the only module that imports pyvi. Syllables are the unit of recall; pyvi's
compounds only add ranking evidence, because pyvi segments differently by case, by
tone-mark style and hardly at all without diacritics.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from indexer.vietnamese import canonical, fold

# A document number or a date stays whole as one searchable key (13/2023/NĐ-CP,
# 17/10/2022, COVID-19) as well as syllable by syllable.
_KEY = re.compile(r"\w+(?:[/\-]\w+)+|\d+(?:[.,]\d+)+")
_SYLLABLE = re.compile(r"\w+")


class Syllable(NamedTuple):
    """One token of the original text: its characters, position and offsets."""

    text: str
    pos: int
    start: int
    end: int


def syllables(text: str) -> Iterator[Syllable]:
    """Every word-character run of the (NFC) text, plus whole keys at their first position.

    A key (a document number or date containing a digit or a slash) is emitted once more,
    whole, at the same position as its first syllable, so that it can be searched as one.
    """
    keys = {m.start(): m for m in _KEY.finditer(text) if _is_key(m.group())}
    pos = 0
    for match in _SYLLABLE.finditer(text):
        yield Syllable(match.group(), pos, match.start(), match.end())
        key = keys.get(match.start())
        if key is not None:
            yield Syllable(key.group(), pos, key.start(), key.end())
        pos += 1


def _is_key(candidate: str) -> bool:
    return any(c.isdigit() for c in candidate)


def compounds(text: str) -> list[str]:
    """pyvi's multi-syllable words of the text, folded and joined by "_" (hành_chính → hanh_chinh).

    The text is canonicalized (lowercase, one tone style) first, so that the same words
    segment the same way however the article was typed.
    """
    from pyvi import ViTokenizer  # deferred: loading the model costs a second

    words = ViTokenizer.tokenize(canonical(text)).split()
    return [fold(word) for word in words if "_" in word]


def word_ngrams(folded_syllables: list[str], longest: int = 4) -> list[str]:
    """Adjacent 2..longest syllable groups as compound keys, the query-side twin of `compounds`."""
    grams = []
    for size in range(2, longest + 1):
        for i in range(len(folded_syllables) - size + 1):
            grams.append("_".join(folded_syllables[i : i + size]))
    return grams
