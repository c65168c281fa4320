"""Reading words typed in Telex without an input method: chinhs → chính, hooij → hội."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from indexer.text.vietnamese import canonical_term

_TONE_KEYS = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
# Longest first: "uow" must win over "ow".
_LETTER_KEYS = [("uow", "ươ"), ("dd", "đ"), ("aa", "â"), ("aw", "ă"), ("ee", "ê"),
                ("oo", "ô"), ("ow", "ơ"), ("uw", "ư")]
_TELEX_SHAPE = re.compile(r"^[a-z]+$")
_HAS_VOWEL = re.compile(r"[aeiouy]")


@lru_cache(maxsize=50_000)
def decode_telex(word: str) -> str | None:
    """The Vietnamese syllable a Telex-typed word stands for, or None if it shows no Telex keys.

    Only lowercase ASCII words are read (acronyms such as ASEAN or COVID are left alone),
    and the result is a candidate: the caller keeps it only if the index knows the word.
    """
    if not _TELEX_SHAPE.match(word):
        return None
    letters, tone = word, ""
    if len(letters) > 1 and letters[-1] in _TONE_KEYS and _HAS_VOWEL.search(letters[:-1]):
        tone, letters = _TONE_KEYS[letters[-1]], letters[:-1]
    for keys, letter in _LETTER_KEYS:
        letters = letters.replace(keys, letter)
    if letters.endswith("w") and len(letters) > 1 and letters[-2] in "uo":
        letters = letters[:-2] + {"u": "ư", "o": "ơ"}[letters[-2]]
    if letters == word or "w" in letters:
        return None
    if tone:
        # Put the mark after any vowel and its own marks; canonical_term moves it to its
        # proper place.
        decomposed = unicodedata.normalize("NFD", letters)
        vowel = _HAS_VOWEL.search(decomposed)
        if vowel is None:
            return None
        at = vowel.end()
        while at < len(decomposed) and unicodedata.combining(decomposed[at]):
            at += 1
        letters = unicodedata.normalize("NFC", decomposed[:at] + tone + decomposed[at:])
    return canonical_term(letters)
