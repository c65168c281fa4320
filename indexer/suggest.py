""""Did you mean": the query respelled with the index's own words, in proper Vietnamese."""

from __future__ import annotations

import unicodedata
from itertools import product

from whoosh.spelling import ReaderCorrector

from indexer.telex import decode_telex
from indexer.vietnamese import TONE_MARKS, canonical_term, fold_term, has_diacritics

# Edit distance allowed between a typed (folded) syllable and a vocabulary syllable.
MAX_EDITS = 1
# A Vietnamese syllable has at most 7 letters; longer tokens (numbers, names, junk) are not
# respelled, which also keeps the edit-distance search cheap.
MAX_CORRECTED_LENGTH = 10
MAX_CORRECTED_WORDS = 12


def suggest(words: list[str], reader, total: int = 0, count=None) -> str | None:
    """The words respelled as the index writes them, or None when nothing would change."""
    if not words or len(words) > MAX_CORRECTED_WORDS:
        return None
    corrector = ReaderCorrector(reader, "body_folded", reader.schema["body_folded"])
    respelled = [_respell(word, reader, corrector) for word in words]
    suggestion = " ".join(respelled)
    typed = " ".join(canonical_term(w) for w in words)
    return suggestion if suggestion != typed else None


def _respell(word: str, reader, corrector) -> str:
    """A word as the index writes it: kept when known, decoded from Telex, or corrected."""
    exact = canonical_term(word)
    if has_diacritics(word) and reader.doc_frequency("body", exact) > 0:
        return exact
    telex = decode_telex(word)
    if telex and reader.doc_frequency("body", telex) > 0:
        return telex
    key = fold_term(word)
    spellings = accented_spellings(key, reader)
    if not spellings and len(key) <= MAX_CORRECTED_LENGTH:
        close = corrector.suggest(key, limit=1, maxdist=MAX_EDITS)
        spellings = accented_spellings(close[0], reader) if close else []
    if not spellings:
        return exact
    return max(spellings, key=lambda term: reader.doc_frequency("body", term))


_LETTER_FORMS = {"a": "aăâ", "e": "eê", "o": "oôơ", "u": "uư", "d": "dđ"}
_TONES = ("", *sorted(TONE_MARKS))


def accented_spellings(key: str, reader) -> list[str]:
    """The index's exact (canonical) spellings of a folded syllable: những, nhưng for nhung.

    Each way of accenting it is asked of the index (đ or d, ă/â/a, ê/e, ô/ơ/o, ư/u, and one
    of six tones): a few dozen term lookups, where listing the whole vocabulary to map folded
    syllables to their spellings took 3 s at 100k documents.
    """
    if not key.isascii() or not key.isalpha() or len(key) > MAX_CORRECTED_LENGTH:
        return []
    vowel = next((i for i, c in enumerate(key) if c in "aeiouy"), None)
    if vowel is None:
        return []
    found: list[str] = []
    for letters in product(*(_LETTER_FORMS.get(c, c) for c in key)):
        base = "".join(letters)
        for tone in _TONES:
            # The mark goes on the first vowel; canonical_term moves it to its own vowel.
            term = canonical_term(unicodedata.normalize("NFC", base[: vowel + 1] + tone + base[vowel + 1 :]))
            if term not in found and reader.doc_frequency("body", term) > 0:
                found.append(term)
    return found
