"""What suggestions are made of: their costs and bounds, the keyboard and spelling tables
that give the slips tried, and the index as the suggester asks it (indexer.search.suggest)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from indexer.text.vietnamese import canonical_term, fold_term, nfc


MAX_CORRECTED_WORDS = 12
# A Vietnamese syllable has at most 7 letters; longer tokens (names, junk) are not
# respelled, which also bounds the edits tried.
MAX_CORRECTED_LENGTH = 10
# What a slip costs, in the natural-log units of the sequence scores: a doubled key and two
# swapped keys are the commonest slips of a fast typist; any other edit (a letter missing,
# extra or wrong) costs more; a Telex word typed without an input method is no slip.
TELEX_COST = 0.0
DOUBLED_COST = 1.0
SWAPPED_COST = 1.5
EDIT_COST = 2.5
# A syllable the user typed with marks, meant with other marks (a careful typist marks
# right), or with marks the user left out (the commonest slip of marking).
MARK_COST = 2.0
MISSING_MARK_COST = 1.0
# A known syllable is looked at for every edit only when it barely stands next to its typed
# neighbours: their pair in fewer than this share of the rarer one's documents ("thông tinh").
APART_SHARE = 0.01
# Documents a spelling must be found in to be taken as a word, not a slip of the text itself.
KNOWN_DOCUMENTS = 3
# Candidate keys kept per position; sequences kept by the beam search, and respelled.
KEYS_PER_WORD = 8
BEAM = 4
RESPELLED = 3
# Dirichlet smoothing of the pair model: how many documents' worth of the second key's
# overall frequency a pair is credited besides its own (a tenth: a pair never seen must
# cost more than a slip, in a small index too).
SMOOTHING = 0.1
# Documents read for the spellings of one pair, how much more those read for its neighbouring
# pairs count, and how much of each is read.
SPELLING_DOCUMENTS = 6
CONTEXT_WEIGHT = 3
# How many uses a spelling of a pair that the documents read do not have is credited.
UNSEEN = 0.25
READ_CHARS = 20_000
# Suggestions checked with `count` (a real search each) before giving up, and how much less
# likely than the best (in log units) the next ones may be to be tried.
CHECKED = 3
NEAR_TIE = 1.0

LETTERS = "abcdeghiklmnopqrstuvxy"  # the letters of Vietnamese words, unaccented
# A wrong letter is a key next to the right one (QWERTY), a vowel for a vowel, or one of the
# letters Vietnamese spelling confuses (final c/t as in lục/lụt, s/x, d/r, l/n).
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_CONFUSED = ("ct", "sx", "dr", "ln")


def _neighbour_keys() -> dict[str, str]:
    """Each letter → the letters a slip may type instead of it."""
    at = {c: (r, k) for r, row in enumerate(_ROWS) for k, c in enumerate(row)}
    found = {}
    for c, (r, k) in at.items():
        near = {d for d, (r2, k2) in at.items() if d != c and abs(r2 - r) <= 1 and abs(k2 - k + (r2 - r) * 0.5) <= 1}
        if c in "aeiouy":
            near |= set("aeiouy") - {c}
        near |= {d for pair in _CONFUSED if c in pair for d in pair if d != c}
        found[c] = "".join(sorted(near & set(LETTERS)))
    return found


NEIGHBOUR_KEYS = _neighbour_keys()
# The shape of a folded Vietnamese syllable: edits that are not one are never looked up.
SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?"
                       r"[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")


def _first_letters() -> dict[str, str]:
    """Each unaccented lowercase vowel (and d) → a class of its lowercase accented forms."""
    forms: dict[str, set[str]] = {}
    for code in range(0x61, 0x1EFA):
        char = chr(code)
        base = fold_term(char)
        if char == char.lower() and base in ("a", "e", "i", "o", "u", "y", "d"):
            forms.setdefault(base, set()).add(char)
    forms["i"] |= forms["y"]  # fold spells kỹ "ki"
    return {base: "[" + "".join(sorted(chars)) + "]" for base, chars in forms.items()}


_FIRST_LETTERS = _first_letters()


@lru_cache(maxsize=4096)
def _pair_pattern(first: str, second: str) -> re.Pattern:
    """Two syllables side by side in lowercase text that may fold to `first` and `second`.

    Marks sit on vowels (and đ), so consonants stand for themselves and other vowels for any
    letter (matches are checked). The pattern opens with a literal or a small class, so the
    scan skips ahead in C; no lookbehind, which would be tried at every character, so the
    caller checks that a match starts a word. Compiling it costs a few tenths of a millisecond.
    """
    def syllable(key: str, opening: bool) -> str:
        letters = []
        for n, c in enumerate(key):
            if c in "aeiouy":
                letters.append(_FIRST_LETTERS[c] if opening and n == 0 else r"\w")
            else:
                letters.append(_FIRST_LETTERS["d"] if c == "d" else re.escape(c))
        return "".join(letters)

    # Only spaces or a hyphen between them: what the index pairs within a clause.
    return re.compile(rf"({syllable(first, True)})[ \t\-]+({syllable(second, False)})(?!\w)")


@dataclass(frozen=True)
class Option:
    """A syllable the user may have meant at one position."""

    key: str  # folded
    spelling: str | None  # the exact spelling the user's own keys give it, when the index has it
    cost: float


class SuggestionIndex:
    """The reader's frequencies and pair spellings, each looked up once per suggestion."""

    def __init__(self, reader) -> None:
        self.reader = reader
        self.documents = max(reader.doc_count(), 1)
        self._frequencies: dict[tuple[str, str], int] = {}
        self._spellings: dict[tuple[str, ...], Counter[tuple[str, str]]] = {}
        self._samples: dict[tuple[str, str], list[int]] = {}
        self._texts: dict[int, str] = {}

    def frequency(self, field: str, term: str) -> int:
        found = self._frequencies.get((field, term))
        if found is None:
            found = self._frequencies[(field, term)] = self.reader.doc_frequency(field, term)
        return found

    def key(self, key: str) -> int:
        return self.frequency("body_folded", key)

    def pair(self, first: str, second: str) -> int:
        return self.frequency("compounds", f"{first}_{second}")

    def pair_spellings(self, keys: tuple[str, ...], i: int) -> Counter[tuple[str, str]]:
        """How documents with the folded pair keys[i], keys[i+1] spell it: (exact, exact) → uses.

        The documents read for the sequence's neighbouring pairs count too, CONTEXT_WEIGHT
        times where they have this pair: they say how it is spelled next to those
        neighbours ("Vương Đình Huệ", though "đình Huế" is as common a pair).
        """
        context = keys[max(i - 1, 0) : i + 3]
        at = (keys[i], keys[i + 1], keys[i - 1] if i else "", keys[i + 2] if i + 2 < len(keys) else "")
        found = self._spellings.get(at)
        if found is None:
            found = self._spellings[at] = self._uses(keys[i], keys[i + 1], context)
        return found

    def _uses(self, first: str, second: str, context: tuple[str, ...]) -> Counter[tuple[str, str]]:
        uses: Counter[tuple[str, str]] = Counter()
        if not self.pair(first, second):
            return uses
        weights: dict[int, int] = {}
        for a, b in zip(context, context[1:]):
            for docnum in self._sample(a, b):
                weights[docnum] = max(weights.get(docnum, 0), 1 if (a, b) == (first, second) else CONTEXT_WEIGHT)
        pattern = _pair_pattern(first, second)
        for docnum, weight in weights.items():
            text = self._texts[docnum]
            for match in pattern.finditer(text):
                if match.start() and text[match.start() - 1].isalnum():
                    continue  # inside a word
                one, two = match.group(1), match.group(2)
                if fold_term(one) == first and fold_term(two) == second:
                    uses[(canonical_term(one), canonical_term(two))] += weight
        return uses

    def _sample(self, first: str, second: str) -> list[int]:
        """SPELLING_DOCUMENTS documents with the folded pair, spread over the index (the first
        ones would all come from one stretch of it: one source, one season, one sense of the
        pair); their texts are kept in `_texts`."""
        found = self._samples.get((first, second))
        if found is not None:
            return found
        found = self._samples[(first, second)] = []
        if not self.pair(first, second):
            return found
        postings = self.reader.postings("compounds", f"{first}_{second}")
        span = self.reader.doc_count_all()
        for k in range(SPELLING_DOCUMENTS):
            target = k * span // SPELLING_DOCUMENTS
            if postings.is_active() and postings.id() < target:
                postings.skip_to(target)
            while postings.is_active() and self.reader.is_deleted(postings.id()):
                postings.next()
            if not postings.is_active():
                break
            docnum = postings.id()
            if docnum in found:
                continue
            found.append(docnum)
            if docnum not in self._texts:
                fields = self.reader.stored_fields(docnum)
                # Lowercase once: the pattern then needs no IGNORECASE, which scans far slower.
                self._texts[docnum] = nfc(f"{fields.get('title', '')}\n{fields.get('body', '')}"[:READ_CHARS]).lower()
        return found
