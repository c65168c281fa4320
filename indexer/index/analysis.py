"""Whoosh analyzers for Vietnamese: syllables in an exact and a folded form, and word pairs.

Three views of the same text go into the index:
- exact: canonical spelling (one tone style, i/y unified), with positions: a query typed
  with diacritics matches these, so its words and phrases are spelled as typed;
- folded: no diacritics at all, so an unaccented query finds accented text;
- compounds: every adjacent pair of syllables within a clause, folded (hanh_chinh), which
  only adds ranking evidence: a multi-syllable word, and neighbours that tell unaccented
  syllables apart.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from collections import Counter, defaultdict

from whoosh.analysis import Filter, Token, Tokenizer
from whoosh.fields import TEXT

from indexer.engine.formats import PreAnalyzedFrequency, PreAnalyzedPositions
from indexer.text.tokens import syllables
from indexer.text.vietnamese import canonical_term, fold_term

# Bump whenever the terms produced for a text change: indexes built with another version
# must be rebuilt (the index records it; see indexer.index.store).
ANALYZER_VERSION = 5


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
    """Yields the folded word pairs of a text, or a list of them analyzed elsewhere.

    Indexing computes them in worker processes and hands the list over; a plain string is
    analyzed here.
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
        words = list(Counter(self.terms_of(value)).elements()) if isinstance(value, str) else value
        for i, word in enumerate(words):
            token.text = word
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + i
            yield token

    def terms_of(self, text: str) -> dict[str, int]:
        """The terms of a plain string with their frequencies."""
        return compound_terms(text)


def exact_analyzer() -> SpellingFilter:
    """Syllables in canonical spelling: the field that accented queries match."""
    return SyllableTokenizer() | SpellingFilter(folded=False)


def folded_analyzer() -> SpellingFilter:
    """Syllables without diacritics: the field that gives unaccented queries their recall."""
    return SyllableTokenizer() | SpellingFilter(folded=True)


def compound_analyzer() -> CompoundTokenizer:
    """Folded pairs of adjacent syllables."""
    return CompoundTokenizer()


# Pre-analysis: an indexing worker turns a text into its terms once (with positions where
# phrases need them) and hands them to the fields below already analyzed. A plain string
# is still analyzed in place, so queries and small updates need no worker.


def analyze_text(text: str) -> tuple[dict[str, list[int]], dict[str, list[int]], Counter[str]]:
    """(exact term → positions, folded term → positions, folded pair → frequency) of a text.

    These are the terms the exact, folded and compound analyzers would index for the same
    text, from one pass over its syllables. A pair is two adjacent syllables within a
    clause, folded and joined (vanh_tai, mui_thom): a query's own adjacent words then rank
    the passages that have them side by side, a multi-syllable word as a word, and
    unaccented syllables are told apart by their neighbours (mui = mũi or mùi).
    """
    exact: dict[str, list[int]] = defaultdict(list)
    folded: dict[str, list[int]] = defaultdict(list)
    pairs: Counter[str] = Counter()
    previous, previous_pos = "", -2
    for syllable in syllables(text):
        form = fold_term(syllable.text)
        exact[canonical_term(syllable.text)].append(syllable.pos)
        folded[form].append(syllable.pos)
        if not syllable.text.isalnum():
            continue  # a whole key, emitted beside its parts
        if syllable.pos == previous_pos + 1:  # positions skip one at a clause break
            pairs[f"{previous}_{form}"] += 1
        previous, previous_pos = form, syllable.pos
    return dict(exact), dict(folded), pairs


class VietnameseText(TEXT):
    """A TEXT field whose value may be a string or the pre-analyzed terms of one."""

    def __init__(self, analyzer, phrase: bool = True, stored: bool = False, field_boost: float = 1.0) -> None:
        super().__init__(analyzer=analyzer, phrase=phrase, stored=stored, field_boost=field_boost)
        format_class = PreAnalyzedPositions if phrase else PreAnalyzedFrequency
        self.format = format_class(field_boost=field_boost)

    def index(self, value, **kwargs):
        if isinstance(value, dict):
            # The (term bytes, frequency, weight, value) items Whoosh's own formats would
            # make from the text (its own check admits only strings and sequences).
            return self.format.index_items(value)
        return super().index(value, **kwargs)


def compound_terms(text: str) -> dict[str, int]:
    """The `compounds` field's terms of a text with their frequencies."""
    return dict(analyze_text(text)[2])
