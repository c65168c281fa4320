"""Splitting Vietnamese text into syllables with offsets, and adjacent syllables into word keys.

Syllables are the unit of recall. Multi-syllable words are not segmented: every adjacent
pair of syllables is a key of its own (indexer.index.analysis.analyze_text), which ranks
"hành chính" as a word above "hành" and "chính" apart however the text was typed. pyvi's
dictionary compounds were indexed beside those pairs until analyzer version 4 and added
nothing measurable to ranking (docs/relevance.md) for 60 % of the analysis time.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple


# A document number or a date stays whole as one searchable key (13/2023/NĐ-CP,
# 17/10/2022, COVID-19) as well as syllable by syllable.
_KEY = re.compile(r"\w+(?:[/\-]\w+)+|\d+(?:[.,]\d+)+")
_SYLLABLE = re.compile(r"\w+")
# A run of word characters longer than this is no word of any language (the longest in 105,000
# real articles is under 60): it is not indexed, and it stands as a clause break. Without the
# limit the key pattern retries it from every one of its characters, quadratic in its length.
MAX_TOKEN_CHARS = 100
_OVERLONG = re.compile(rf"(?<!\w)\w{{{MAX_TOKEN_CHARS + 1},}}")
# Characters that end a clause: no pair of adjacent syllables is indexed across them, and a
# quoted query is matched clause by clause.
CLAUSE_BREAKS = frozenset(".,;:!?()[]{}\"“”‘’«»\n–—…/")


class Syllable(NamedTuple):
    """One token of the original text: its characters, position and offsets."""

    text: str
    pos: int
    start: int
    end: int


def syllables(text: str) -> Iterator[Syllable]:
    """Every word-character run of the (NFC) text, plus whole keys at their first position.

    Positions count syllables, with one left empty at each clause break (a comma, a full
    stop, a quote...), so adjacent positions are always adjacent words of one clause.

    A key (a document number or date containing a digit or a slash) is emitted once more,
    whole, at the same position as its first syllable, so that it can be searched as one.

    A run over MAX_TOKEN_CHARS characters, or a key over it, is skipped; the run breaks the clause.
    """
    # Keys are looked for with overlong runs blanked out (same offsets), which keeps the search
    # linear; a key running into such a run would be over the limit anyway.
    keys = {m.start(): m for m in _KEY.finditer(_OVERLONG.sub(_blank, text))
            if _is_key(m.group()) and len(m.group()) <= MAX_TOKEN_CHARS}
    pos, previous_end = 0, None
    for match in _SYLLABLE.finditer(text):
        if match.end() - match.start() > MAX_TOKEN_CHARS:
            previous_end = None
            pos += 1  # not a word: skipped, and no phrase or pair spans it
            continue
        if previous_end is not None and _breaks_clause(text, previous_end, match.start()):
            pos += 1  # a gap: no phrase matches across a clause break
        yield Syllable(match.group(), pos, match.start(), match.end())
        key = keys.get(match.start())
        if key is not None:
            yield Syllable(key.group(), pos, key.start(), key.end())
        pos += 1
        previous_end = match.end()


def _blank(run: re.Match[str]) -> str:
    return " " * len(run.group())


def _breaks_clause(text: str, start: int, end: int) -> bool:
    """Whether the characters between two syllables end a clause (a space alone never does)."""
    return not CLAUSE_BREAKS.isdisjoint(text[start:end])


def _is_key(candidate: str) -> bool:
    return any(c.isdigit() for c in candidate)


def word_pairs(folded_syllables: list[str]) -> list[str]:
    """Adjacent syllable pairs as word keys (hanh_chinh), the query-side twin of the indexed pairs."""
    return [f"{a}_{b}" for a, b in zip(folded_syllables, folded_syllables[1:])]
