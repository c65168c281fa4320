"""Vietnamese spelling normalization: Unicode form, tone-mark placement, i/y spelling, folding.

Every form of a syllable that a reader would call "the same word" maps to one canonical
spelling (`canonical`), and every spelling with or without diacritics maps to one folded
key (`fold`). Both work on NFD or NFC input alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The five tone marks as combining characters; the other Vietnamese marks (circumflex,
# breve, horn) belong to the letter, not to the tone.
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VOWELS = set("aăâeêioôơuưy")
_MODIFIED_VOWELS = set("ăâêôơư")
# Open syllables whose tone the "new" style puts on the second vowel (hoà, khoẻ, thuỷ);
# the "old" style writes hòa, khỏe, thủy. Canonical form is the new style.
_SECOND_VOWEL_PAIRS = {"oa", "oe", "uy"}
_ONSETS_BEFORE_Y = (
    "ngh", "ch", "gh", "kh", "ng", "nh", "ph", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
)
_WORD = re.compile(r"\w+")


def nfc(text: str) -> str:
    """The text in Unicode NFC, the form everything is stored and indexed in."""
    return unicodedata.normalize("NFC", text)


def has_diacritics(text: str) -> bool:
    """Whether any letter of the text carries a Vietnamese mark or is đ."""
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.category(char) == "Mn" or char in "đĐ":
            return True
    return False


def fold(text: str) -> str:
    """Lowercase, without any diacritic, đ as d, i/y spellings unified: the unaccented key.

    Works on decomposed text without Whoosh's `accent_map` trap (dot below is a mark
    to drop, not the letter "l").
    """
    return _WORD.sub(lambda m: _fold_word(m.group()), nfc(text.lower()))


def canonical(text: str) -> str:
    """Lowercase NFC with tone marks in one placement style and i/y spellings unified."""
    return _WORD.sub(lambda m: _canonical_word(m.group()), nfc(text.lower()))


@lru_cache(maxsize=200_000)
def _fold_word(word: str) -> str:
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn"
    )
    return _unify_i_y(stripped.replace("đ", "d").replace("Đ", "d"))


@lru_cache(maxsize=200_000)
def _canonical_word(word: str) -> str:
    return _placed_tone(word, unify_i_y=True)


def modern_tone(word: str) -> str:
    """The (lowercase) word with its tone mark where the modern style puts it (uỷ, hoà),
    its spelling otherwise as written (lý stays lý)."""
    return _placed_tone(word.lower(), unify_i_y=False)


def _placed_tone(word: str, unify_i_y: bool) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in TONE_MARKS]
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    if unify_i_y:
        base = _unify_i_y(base)
    if len(tones) != 1:
        return base if not tones else unicodedata.normalize("NFC", word)
    where = _tone_position(base)
    if where is None:
        return unicodedata.normalize("NFC", word)
    marked = unicodedata.normalize("NFD", base[where]) + tones[0]
    return unicodedata.normalize("NFC", base[:where] + marked + base[where + 1 :])


def _unify_i_y(base: str) -> str:
    """kỹ/kĩ, lý/lí, sỹ/sĩ: a final y right after a consonant onset is spelled i."""
    if not base.endswith("y") or len(base) < 2:
        return base
    onset = base[:-1]
    if onset in _ONSETS_BEFORE_Y:
        return onset + "i"
    return base


def _tone_position(base: str) -> int | None:
    """Index of the letter that carries the tone in the canonical (new) style."""
    start = 0
    if base.startswith("qu") and len(base) > 2:
        start = 2
    elif base.startswith("gi") and len(base) > 2 and base[2] in _VOWELS:
        start = 2
    first = next((i for i in range(start, len(base)) if base[i] in _VOWELS), None)
    if first is None:
        return None
    end = first
    while end < len(base) and base[end] in _VOWELS:
        end += 1
    nucleus = base[first:end]
    modified = [first + i for i, c in enumerate(nucleus) if c in _MODIFIED_VOWELS]
    if modified:
        return modified[-1]  # ươ → ơ, ê in "yê"/"iê"
    if len(nucleus) == 1:
        return first
    has_coda = end < len(base)
    if has_coda:
        return end - 1  # hoàng, toàn, quyết
    if len(nucleus) == 2:
        return first + 1 if nucleus in _SECOND_VOWEL_PAIRS else first
    return first + 1  # ngoài, khuỷu


@lru_cache(maxsize=500_000)
def canonical_term(token: str) -> str:
    """`canonical` of one token, cached: the index's exact form of a syllable or key."""
    return canonical(token)


@lru_cache(maxsize=500_000)
def fold_term(token: str) -> str:
    """`fold` of one token, cached: the index's unaccented form of a syllable or key."""
    return fold(token)
