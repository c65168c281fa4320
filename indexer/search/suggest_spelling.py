"""Step 2 of a suggestion (indexer.search.suggest): spelling a sequence of folded syllables
as the documents of the index spell it, and in the case the user typed."""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Callable
from itertools import product

from indexer.search.suggest_candidates import respellable
from indexer.search.suggest_model import (
    MARK_COST,
    MAX_CORRECTED_LENGTH,
    MISSING_MARK_COST,
    Option,
    SuggestionIndex,
    UNSEEN,
)
from indexer.text.vietnamese import TONE_MARKS, canonical_term


def rescored(sequences: list[tuple[float, tuple[str, ...]]], options: list[list[Option]], marked: list[bool],
              index: SuggestionIndex) -> list[tuple[float, tuple[str, ...]]]:
    """The sequences less what their spelling costs the marks typed, best first (an unmarked
    word costs nothing whatever its spelling)."""
    return sorted(((score - spell_sequence(keys, options, marked, index)[1], keys) for score, keys in sequences),
                  reverse=True)


def spell_sequence(keys: tuple[str, ...], options: list[list[Option]], marked: list[bool], index: SuggestionIndex
             ) -> tuple[list[str], float]:
    """(spellings, cost): the likeliest exact spelling of the sequence given the marks typed, by
    the index's uses of its pairs, and what the marks typed cost it against the likeliest
    spelling without them. A position no pair spells is "" (see `fallback`)."""
    owns = [next(o.spelling for o in found if o.key == key) or "" for found, key in zip(options, keys)]
    uses = [index.pair_spellings(keys, i) for i in range(len(keys) - 1)]
    candidates = []
    for i in range(len(keys)):
        seen = {t for _, t in uses[i - 1]} if i else set()
        seen |= {s for s, _ in uses[i]} if i < len(uses) else set()
        candidates.append(sorted(seen | ({owns[i]} if owns[i] else set())) or [""])

    def changed(i: int, spelling: str) -> float:
        return _mark_cost(owns[i], spelling) if marked[i] and owns[i] and spelling != owns[i] else 0.0

    typed_score, path = _viterbi(candidates, uses, owns, changed)
    free_score, _ = _viterbi(candidates, uses, owns, lambda i, spelling: 0.0)
    return path, free_score - typed_score


def _viterbi(candidates: list[list[str]], uses: list[Counter[tuple[str, str]]], owns: list[str],
             cost: Callable[[int, str], float]) -> tuple[float, list[str]]:
    """(score, spellings) of the best path through each position's candidate spellings.

    A pair spelled (s, t) in `uses` of its `total` uses scores log((uses + ¼) / (total + ½))
    (nothing when the index has no use of it), a spelling −cost(position, spelling); ties go
    to the user's own spelling.
    """
    paths = {s: (-cost(0, s), [s]) for s in candidates[0]}
    for i in range(1, len(candidates)):
        total = sum(uses[i - 1].values())
        grown = {}
        for t in candidates[i]:
            def through(s: str) -> float:
                pair = math.log((uses[i - 1][(s, t)] + UNSEEN) / (total + 2 * UNSEEN)) if total else 0.0
                return paths[s][0] + pair

            before = max(paths, key=lambda s: (through(s), s == owns[i - 1]))
            grown[t] = (through(before) - cost(i, t), [*paths[before][1], t])
        paths = grown
    return max(paths.values(), key=lambda found: (found[0], found[1][-1] == owns[-1]))


def _mark_cost(typed: str, meant: str) -> float:
    """What meaning `meant` costs a syllable typed `typed` (same letters): marks left out are
    the commonest slip (Đong for Đông), other marks cost MARK_COST."""
    return MISSING_MARK_COST if not _marks(typed) - _marks(meant) else MARK_COST


def _marks(spelling: str) -> Counter[str]:
    return Counter(c for c in unicodedata.normalize("NFD", spelling.replace("đ", "d\u0335"))
                   if unicodedata.combining(c))


def fallback(spelling: str, key: str, index: SuggestionIndex) -> str:
    """The spelling of a syllable no pair spells: its most frequent one in the index."""
    if spelling:
        return spelling
    spellings = accented_spellings(key, index.reader) if respellable(key) else []
    return max(spellings, key=lambda t: index.frequency("body", t)) if spellings else key


def cased_like(typed: str, spelling: str) -> str:
    """The spelling with the typed word's capitals: Đà Nẵng for Đà Nẵn, HÀ NỘI for HÀ NỘII."""
    if len(typed) > 1 and typed.isupper():
        return spelling.upper()
    if typed[:1].isupper():
        return spelling[:1].upper() + spelling[1:]
    return spelling


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
