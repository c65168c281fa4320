"""Whoosh analyzers for Vietnamese: syllables in an exact and a folded form, and compounds.

Three views of the same text go into the index:
- exact: canonical spelling (one tone style, i/y unified), so typed diacritics rank first;
- folded: no diacritics at all, so an unaccented query finds accented text;
- compounds: pyvi's multi-syllable words, folded, which only add ranking evidence.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from whoosh.analysis import Filter, Token, Tokenizer

from indexer.tokens import compounds, syllables
from indexer.vietnamese import canonical_term, fold_term

# Bump whenever the terms produced for a text change: indexes built with another version
# must be rebuilt (the index records it; see indexer.store).
ANALYZER_VERSION = 1


class SyllableTokenizer(Tokenizer):
    """Yields each syllable (and whole key) of the text with its position and character offsets."""

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for syllable in syllables(value):
            token.text = syllable.text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = syllable.text
            if positions:
                token.pos = start_pos + syllable.pos
            if chars:
                token.startchar = start_char + syllable.start
                token.endchar = start_char + syllable.end
            yield token


class SpellingFilter(Filter):
    """Rewrites each token to its exact (canonical) or folded (unaccented) index form."""

    def __init__(self, folded: bool) -> None:
        self.folded = folded
        self._form = fold_term if folded else canonical_term

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SpellingFilter) and other.folded == self.folded

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        form = self._form
        for token in tokens:
            token.text = form(token.text)
            yield token


class CompoundTokenizer(Tokenizer):
    """Yields pyvi's folded compounds of a text, or a list of compounds analyzed elsewhere.

    Indexing computes compounds in worker processes (pyvi is the slow part) and hands the
    list over; a plain string is segmented here.
    """

    def __call__(  # type: ignore[override]
        self,
        value: str | Sequence[str],
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        words = compounds(value) if isinstance(value, str) else value
        for i, word in enumerate(words):
            token.text = word
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + i
            yield token


def exact_analyzer() -> SpellingFilter:
    """Syllables in canonical spelling: the field that rewards typed diacritics."""
    return SyllableTokenizer() | SpellingFilter(folded=False)


def folded_analyzer() -> SpellingFilter:
    """Syllables without diacritics: the field that gives unaccented queries their recall."""
    return SyllableTokenizer() | SpellingFilter(folded=True)


def compound_analyzer() -> CompoundTokenizer:
    """pyvi's folded multi-syllable words."""
    return CompoundTokenizer()
