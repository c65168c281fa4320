"""The word terms of a text: pyvi's words and pairs of adjacent words, the vocabulary of key terms.

A term is a word as pyvi segments it ("chuyển đổi", "đắk lắk") or two words that follow each
other within a clause ("chuyển đổi số", "chính phủ điện tử"), in canonical spelling with its
syllables separated by spaces. Function and grammatical words are no terms and no part of
one, and neither are numbers and punctuation: each of them ends a pair. Indexing stores
these terms in the `words` field (their document frequencies are the collection's
background) and, per document, in the `word_counts` column (what a set of documents holds),
so that neither key terms nor similar articles run pyvi at query time.
"""

from __future__ import annotations

import zlib
from collections import Counter
from functools import lru_cache
from pathlib import Path

from indexer.index.analysis import CompoundTokenizer
from indexer.text.lexicons import function_words
from indexer.text.segmentation import segment
from indexer.text.vietnamese import canonical_term

_STOPWORDS_FILE = Path(__file__).resolve().parent.parent / "text" / "data" / "term_stopwords.txt"


def word_terms(text: str) -> Counter[str]:
    """Each word term of the text with the number of times it occurs."""
    counts: Counter[str] = Counter()
    previous = None
    for word in segment(text):
        term = _term_of(word)
        if term is not None:
            counts[term] += 1
            if previous is not None:
                counts[f"{previous} {term}"] += 1
        previous = term
    return counts


@lru_cache(maxsize=200_000)
def _term_of(word: str) -> str | None:
    """The term of one of pyvi's words (syllables joined by "_"), or None for a word that is no term."""
    syllables = word.split("_")
    if not all(s.isalpha() for s in syllables) or len(word) < 2:
        return None  # punctuation, numbers, codes, a single letter
    term = " ".join(canonical_term(s) for s in syllables)
    return None if term in stopwords() else term


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The canonical forms of the function words (function_words.txt) and the grammatical words
    of term_stopwords.txt: never a term, never part of one."""
    exact, _ = function_words()
    listed: set[str] = set()
    for line in _STOPWORDS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            listed.update(" ".join(canonical_term(s) for s in word.split("_")) for word in line.split())
    return frozenset(exact | listed)


def encode_counts(counts: Counter[str] | dict[str, int]) -> bytes:
    """A document's term counts as the `word_counts` column stores them: the terms a line each, a
    tab, their counts; compressed (a few KB of text per article otherwise)."""
    terms = sorted(counts)
    text = "\n".join(terms) + "\t" + ",".join(str(counts[term]) for term in terms)
    return zlib.compress(text.encode("utf-8"), 6)


def decode_terms(raw: bytes) -> list[str]:
    """The terms `encode_counts` stored, without their counts ([] for a document without any)."""
    if not raw:
        return []
    terms = zlib.decompress(raw).decode("utf-8").partition("\t")[0]
    return terms.split("\n") if terms else []


def decode_counts(raw: bytes) -> dict[str, int]:
    """The term counts `encode_counts` stored ({} for a document without any)."""
    if not raw:
        return {}
    terms, _, counts = zlib.decompress(raw).decode("utf-8").partition("\t")
    if not terms:
        return {}
    return dict(zip(terms.split("\n"), map(int, counts.split(","))))


class WordTermTokenizer(CompoundTokenizer):
    """Yields the word terms of a text, or of a list of them analyzed elsewhere (an indexing worker)."""

    def terms_of(self, text: str) -> dict[str, int]:
        return word_terms(text)
