"""Splitting Vietnamese text into syllables with offsets, and into pyvi's multi-syllable words.

This is the only module that imports pyvi. Syllables are the unit of recall; pyvi's
compounds only add ranking evidence, because pyvi segments differently by case, by
tone-mark style and hardly at all without diacritics.
"""

from __future__ import annotations

import re
import string
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
    segment the same way however the article was typed. The segmentation is pyvi's own
    CRF model and features (`segment` reproduces `ViTokenizer.tokenize`), computed faster.
    """
    return [fold(word) for word in segment(canonical(text)) if "_" in word]


def segment(text: str) -> list[str]:
    """pyvi's words of the text, syllables joined by "_", exactly as `ViTokenizer.tokenize` splits it.

    pyvi builds a feature dict per syllable with repeated string work; here each
    syllable's properties and each adjacent pair's dictionary lookups are computed once.
    """
    from pyvi.ViTokenizer import ViTokenizer  # deferred: loading the model costs a second

    _, sylls = ViTokenizer.sylabelize(text)
    if not sylls:
        return []
    labels = ViTokenizer.model.tagger_.tag(_features(sylls, ViTokenizer.bi_grams, ViTokenizer.tri_grams))
    words = [sylls[0]]
    for i in range(1, len(labels)):
        here, before = sylls[i], sylls[i - 1]
        if (labels[i] == "I_W" and here not in string.punctuation and before not in string.punctuation
                and not here[0].isdigit() and not before[0].isdigit()
                and not (here[0].istitle() and not before[0].istitle())):
            words[-1] += "_" + here
        else:
            words.append(here)
    return words


def _features(sylls: list[str], bi_grams: set[str], tri_grams: set[str]) -> list[list[str]]:
    """pyvi's `word2features` for each syllable, as crfsuite feature names.

    crfsuite reads a feature dict {name: "text"} as the feature "name:text" and
    {name: True} as "name" (False adds nothing), so the lists below give the model the
    same input as pyvi's dicts, several times faster.
    """
    n = len(sylls)
    lower = [w.lower() for w in sylls]
    upper = [w.isupper() for w in sylls]
    title = [w.istitle() for w in sylls]
    bigram = [f"{lower[i]} {lower[i + 1]}" in bi_grams for i in range(n - 1)]
    trigram = [f"{lower[i]} {lower[i + 1]} {lower[i + 2]}" in tri_grams for i in range(n - 2)]
    features = []
    for i in range(n):
        item = ["bias", "word.lower():" + lower[i]]
        if upper[i]:
            item.append("word.isupper()")
        if title[i]:
            item.append("word.istitle()")
        if sylls[i].isdigit():
            item.append("word.isdigit()")
        if i > 0:
            item.append("-1:word.lower():" + lower[i - 1])
            if title[i - 1]:
                item.append("-1:word.istitle()")
            if upper[i - 1]:
                item.append("-1:word.isupper()")
            if bigram[i - 1]:
                item.append("-1:word.bi_gram()")
            if i > 1 and trigram[i - 2]:
                item.append("-2:word.tri_gram()")
        if i < n - 1:
            item.append("+1:word.lower():" + lower[i + 1])
            if title[i + 1]:
                item.append("+1:word.istitle()")
            if upper[i + 1]:
                item.append("+1:word.isupper()")
            if bigram[i]:
                item.append("+1:word.bi_gram()")
            if i < n - 2 and trigram[i]:
                item.append("+2:word.tri_gram()")
        features.append(item)
    return features


def word_ngrams(folded_syllables: list[str], longest: int = 4) -> list[str]:
    """Adjacent 2..longest syllable groups as compound keys, the query-side twin of `compounds`."""
    grams = []
    for size in range(2, longest + 1):
        for i in range(len(folded_syllables) - size + 1):
            grams.append("_".join(folded_syllables[i : i + size]))
    return grams
