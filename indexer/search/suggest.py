""""Did you mean": the query respelled as words the index has, side by side, finding more.

A suggestion is chosen as a whole, not syllable by syllable: "công nghệ thông tin" and not
"công nghệ thông tỉnh", though tin and tỉnh are both syllables of the index. A noisy-channel
model (how likely the words are × how likely the user typed them so), in two steps:

1. Which syllables (folded keys). Each typed syllable has a few candidate keys: its own,
   its Telex reading, its spelling with a doubled letter undone or two letters swapped,
   and, for a syllable that is unknown or stands apart from its neighbours, every key one
   edit away (a letter missing or extra, a neighbouring key, a letter Vietnamese spelling
   confuses). Each but its own costs the slip that would have turned it into what was
   typed, and more if it drops the marks typed. A beam search over positions scores whole
   sequences by how often adjacent keys stand next to each other in the index (a bigram
   model over the folded pairs of the `compounds` field).
2. How to spell them. Folded pairs do not tell "tham nhũng" from "tham những": for the best
   sequences, a few documents with each pair (spread over the index) are read, and the
   sequence takes the spelling they give its pairs (those read for the neighbouring pairs
   count more), unless the user's own spelling is one they use. A mark the user typed
   and the spelling changes costs as a slip does, so "Đà Nẵn" becomes "Đà Nẵng", not "đã nhận".

The best sequence is proposed only if it reads differently from what was typed, every pair
of adjacent syllables it changes stands side by side somewhere in the index, and it finds
more than the query did; when it does not find more, the next ones are tried if nearly as
likely (at most CHECKED).

Cost: the index is asked a bounded number of terms (a few per syllable, a few dozen for a
suspect one, a few pairs per position) and SPELLING_DOCUMENTS stored documents are read per
pair of the best sequences. Nothing lists the vocabulary: at 100k documents that took 3 s,
and Whoosh's own corrector (terms within an edit distance) took 0.6 s a word at 20k.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from indexer.text.telex import decode_telex
from indexer.text.vietnamese import TONE_MARKS, canonical, canonical_term, fold_term, has_diacritics, nfc

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

_LETTERS = "abcdeghiklmnopqrstuvxy"  # the letters of Vietnamese words, unaccented
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
        found[c] = "".join(sorted(near & set(_LETTERS)))
    return found


_NEIGHBOUR_KEYS = _neighbour_keys()
# The shape of a folded Vietnamese syllable: edits that are not one are never looked up.
_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?"
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


def suggest(words: list[str], reader, total: int = 0, count: Callable[[str], int] | None = None) -> str | None:
    """The query respelled as adjacent words of the index, or None when nothing likelier finds more.

    `words` are the syllables typed, in order; `reader` the index reader; `total` how many
    documents the query found; `count(text)` how many a query text finds matched by its
    exact spelling (a real search: called at most CHECKED times). A suggestion is returned
    only if `count(suggestion) > total`. Both are optional so that the older call
    `suggest(words, reader)` still works: without `count` the check is skipped.
    """
    if not words or len(words) > MAX_CORRECTED_WORDS:
        return None
    index = _Index(reader)
    options = _all_options(words, index)
    typed_keys = tuple(fold_term(w) for w in words)
    typed_text = canonical(" ".join(words))
    marked = [has_diacritics(w) for w in words]
    sequences = _best_sequences(options, index)
    if sequences[0][1] == typed_keys and not any(marked):
        return None  # diacritics alone never find more than an unaccented query, matched folded
    if any(marked):
        sequences = _rescored(sequences[:RESPELLED], options, marked, index)
    best = sequences[0][0]
    for score, keys in sequences[:CHECKED]:
        if score < best - NEAR_TIE:
            break  # a much less likely reading is no suggestion because it finds more
        spellings, _ = _spelled(keys, options, marked, index)
        spelled = [_fallback(s, k, index) for s, k in zip(spellings, keys)]
        text = " ".join(_cased_like(w, s) for w, s in zip(words, spelled))
        if canonical(text) == typed_text:
            return None  # what was typed reads best
        if not _side_by_side(words, keys, spelled, index):
            continue
        if count is None or count(text) > total:
            return text
    return None


@dataclass(frozen=True)
class _Option:
    """A syllable the user may have meant at one position."""

    key: str  # folded
    spelling: str | None  # the exact spelling the user's own keys give it, when the index has it
    cost: float


class _Index:
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


# --- step 1: candidate syllables and the likeliest sequences of them --------------------


def _all_options(words: list[str], index: _Index) -> list[list[_Option]]:
    """Each position's candidate syllables: the cheap ones for all, every edit for a suspect."""
    cheap = [_options(word, index, thorough=False) for word in words]
    keys = [fold_term(w) for w in words]
    settled = [_settled(key, found, index) for key, found in zip(keys, cheap)]
    suspects = [i for i in range(len(words)) if _respellable(keys[i]) and _suspect(i, keys, cheap, settled, index)]
    options = list(cheap)
    for i in suspects:
        options[i] = _nearest(i, _options(words[i], index, thorough=True), keys, settled, index)
    return options


def _settled(key: str, options: list[_Option], index: _Index) -> bool:
    """Whether a word is a syllable of the index as typed, marks and all, in a few documents
    at least (a spelling found once or twice is more likely a slip of the text itself)."""
    own = next((o for o in options if o.key == key and o.cost == 0), None)
    if own is None or index.key(key) < KNOWN_DOCUMENTS:
        return False
    return own.spelling is None or index.frequency("body", own.spelling) >= KNOWN_DOCUMENTS


def _suspect(i: int, keys: list[str], options: list[list[_Option]], settled: list[bool], index: _Index) -> bool:
    """Whether the word at `i` may be a slip worth every edit: not settled, or (nearly) never
    next to a settled neighbour or its cheap respellings ("thông tinh"). Beside an unsettled
    word, that word is taken for the slip ("Đà Nẵn")."""
    if not settled[i]:
        return True
    neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(keys)]
    if not any(settled[j] for j in neighbours):
        return False
    for j in neighbours:
        for option in options[j]:
            first, second = (keys[i], option.key) if j > i else (option.key, keys[i])
            rarer = min(index.key(keys[i]), index.key(option.key))
            if index.pair(first, second) >= max(1.0, APART_SHARE * rarer):
                return False
    return True


def _nearest(i: int, options: list[_Option], keys: list[str], settled: list[bool], index: _Index) -> list[_Option]:
    """The KEYS_PER_WORD options likeliest next to the settled typed neighbours (all, when
    there are few), the word's own key always among them."""
    if len(options) <= KEYS_PER_WORD:
        return options
    neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(keys) and settled[j]]

    def likely(option: _Option) -> float:
        score = -option.cost
        for j in neighbours:
            first, second = (keys[j], option.key) if j < i else (option.key, keys[j])
            score += math.log(_follows(first, second, index))
        return score if neighbours else score + math.log(index.key(option.key) + 1)

    ranked = sorted(options, key=likely, reverse=True)
    kept = ranked[:KEYS_PER_WORD]
    own = next((o for o in options if o.key == keys[i]), None)
    return kept if own is None or own in kept else [*kept[:-1], own]


def _options(word: str, index: _Index, thorough: bool) -> list[_Option]:
    """The syllables the user may have meant by `word`, cheapest first: its own (when the
    index has it), its Telex reading, undoubled and unswapped letters; `thorough` adds
    every other key one edit away."""
    exact, key = canonical_term(word), fold_term(word)
    marked = has_diacritics(word)
    own = exact if marked and index.frequency("body", exact) else None
    if not _respellable(key):
        return [_Option(key, exact, 0.0)]
    found: dict[str, _Option] = {}

    def offer(option: _Option) -> None:
        if option.key not in found or option.cost < found[option.key].cost:
            found[option.key] = option

    if index.key(key):
        # Typed with marks the index does not have ("tuớng"): meant with others.
        offer(_Option(key, own, 0.0 if own or not marked else MARK_COST))
    telex = decode_telex(word.lower()) if not word.isupper() else None
    if telex and index.frequency("body", telex):
        offer(_Option(fold_term(telex), telex, TELEX_COST))
    typed = nfc(word.lower())
    aligned = typed if len(typed) == len(key) else None  # each letter folds to one
    for edited_key, edited, cost in _edits(key, aligned, thorough):
        if edited_key.endswith("y"):
            edited_key = fold_term(edited_key)  # the index spells mỹ "mi"
        if edited_key == key or not _SYLLABLE.match(edited_key) or not index.key(edited_key):
            continue
        # An edit that drops the letter the marks were on leaves a plain word: not the user's own.
        spelling = canonical_term(edited) if edited and marked and has_diacritics(edited) else None
        if spelling and index.frequency("body", spelling):
            offer(_Option(edited_key, spelling, cost))
        else:
            offer(_Option(edited_key, None, cost + (MARK_COST if marked else 0.0)))
    if not found:
        # Nothing near it: kept as typed, so that its neighbours can still be respelled.
        return [_Option(key, own or exact, 0.0)]
    return sorted(found.values(), key=lambda o: (o.cost, -index.key(o.key)))


def _respellable(key: str) -> bool:
    return key.isascii() and key.isalpha() and len(key) <= MAX_CORRECTED_LENGTH


def _edits(key: str, typed: str | None, thorough: bool) -> Iterator[tuple[str, str | None, float]]:
    """(key, typed spelling, cost) one slip away from a folded key and, letter for letter,
    from its typed spelling (so a word's own marks stay where they are: nộii → nội,
    ngyuễn → nguyễn); inserted and replacing letters are plain."""

    def both(edit: Callable[[str], str]) -> tuple[str, str | None]:
        return edit(key), (edit(typed) if typed is not None else None)

    for i in range(1, len(key)):
        if key[i] == key[i - 1]:  # either of the two may be the extra one
            yield *both(lambda s: s[:i] + s[i + 1 :]), DOUBLED_COST
            yield *both(lambda s: s[: i - 1] + s[i:]), DOUBLED_COST
    for i in range(len(key) - 1):
        if key[i] != key[i + 1]:
            yield *both(lambda s: s[:i] + s[i + 1] + s[i] + s[i + 2 :]), SWAPPED_COST
    if not thorough:
        return
    for i in range(len(key)):
        yield *both(lambda s: s[:i] + s[i + 1 :]), EDIT_COST
        for letter in _NEIGHBOUR_KEYS.get(key[i], ""):
            yield *both(lambda s: s[:i] + letter + s[i + 1 :]), EDIT_COST
    for i in range(len(key) + 1):
        for letter in _LETTERS:
            yield *both(lambda s: s[:i] + letter + s[i:]), EDIT_COST


def _best_sequences(options: list[list[_Option]], index: _Index) -> list[tuple[float, tuple[str, ...]]]:
    """The likeliest key sequences with their scores, best first: a beam search over positions.

    A sequence scores log P(first key) + Σ log P(key | previous key) − its options' costs
    (P from `_follows`): a pair the index never has scores as badly as it reads.
    """
    first: list[tuple[float, tuple[str, ...]]] = [
        (math.log(_alone(o.key, index)) - o.cost, (o.key,)) for o in options[0]]
    beam = sorted(first, reverse=True)[:BEAM]
    for position in options[1:]:
        grown = [(score + math.log(_follows(keys[-1], option.key, index)) - option.cost, keys + (option.key,))
                 for score, keys in beam for option in position]
        beam = sorted(grown, reverse=True)[:BEAM]
    return beam


def _alone(key: str, index: _Index) -> float:
    """P(key): the share of documents that have it."""
    return (index.key(key) + 1) / (index.documents + 1)


def _follows(first: str, second: str, index: _Index) -> float:
    """P(second | first) = (pairs first_second + SMOOTHING · P(second)) / (documents with first + SMOOTHING)."""
    return (index.pair(first, second) + SMOOTHING * _alone(second, index)) / (index.key(first) + SMOOTHING)


def _side_by_side(words: list[str], keys: tuple[str, ...], spelled: list[str], index: _Index) -> bool:
    """Whether every pair of adjacent syllables the suggestion changes stands side by side
    somewhere in the index (two words the user typed apart, unchanged, may stay apart, and so
    may a word beside a key such as COVID-19 or 13/2023/NĐ-CP, which the index never pairs)."""
    changed = [canonical_term(w) != s for w, s in zip(words, spelled)]
    return all(index.pair(a, b) for a, b, one, two in zip(keys, keys[1:], changed, changed[1:])
               if (one or two) and a.isalnum() and b.isalnum())


# --- step 2: spelling a sequence as the index does -----------------------------------------


def _rescored(sequences: list[tuple[float, tuple[str, ...]]], options: list[list[_Option]], marked: list[bool],
              index: _Index) -> list[tuple[float, tuple[str, ...]]]:
    """The sequences less what their spelling costs the marks typed, best first (an unmarked
    word costs nothing whatever its spelling)."""
    return sorted(((score - _spelled(keys, options, marked, index)[1], keys) for score, keys in sequences),
                  reverse=True)


def _spelled(keys: tuple[str, ...], options: list[list[_Option]], marked: list[bool], index: _Index
             ) -> tuple[list[str], float]:
    """(spellings, cost): the likeliest exact spelling of the sequence given the marks typed, by
    the index's uses of its pairs, and what the marks typed cost it against the likeliest
    spelling without them. A position no pair spells is "" (see `_fallback`)."""
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


def _fallback(spelling: str, key: str, index: _Index) -> str:
    """The spelling of a syllable no pair spells: its most frequent one in the index."""
    if spelling:
        return spelling
    spellings = accented_spellings(key, index.reader) if _respellable(key) else []
    return max(spellings, key=lambda t: index.frequency("body", t)) if spellings else key


def _cased_like(typed: str, spelling: str) -> str:
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
