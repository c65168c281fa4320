"""Step 1 of a suggestion (indexer.search.suggest): candidate syllables for each typed one,
and the likeliest sequences of them by the pair model of the index."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from indexer.search.suggest_model import (
    APART_SHARE,
    BEAM,
    DOUBLED_COST,
    EDIT_COST,
    KEYS_PER_WORD,
    KNOWN_DOCUMENTS,
    LETTERS,
    MARK_COST,
    MAX_CORRECTED_LENGTH,
    NEIGHBOUR_KEYS,
    Option,
    SMOOTHING,
    SWAPPED_COST,
    SYLLABLE,
    SuggestionIndex,
    TELEX_COST,
)
from indexer.text.telex import decode_telex
from indexer.text.vietnamese import canonical_term, fold_term, has_diacritics, nfc


def all_options(words: list[str], index: SuggestionIndex) -> list[list[Option]]:
    """Each position's candidate syllables: the cheap ones for all, every edit for a suspect."""
    cheap = [_options(word, index, thorough=False) for word in words]
    keys = [fold_term(w) for w in words]
    settled = [_settled(key, found, index) for key, found in zip(keys, cheap)]
    suspects = [i for i in range(len(words)) if respellable(keys[i]) and _suspect(i, keys, cheap, settled, index)]
    options = list(cheap)
    for i in suspects:
        options[i] = _nearest(i, _options(words[i], index, thorough=True), keys, settled, index)
    return options


def _settled(key: str, options: list[Option], index: SuggestionIndex) -> bool:
    """Whether a word is a syllable of the index as typed, marks and all, in a few documents
    at least (a spelling found once or twice is more likely a slip of the text itself)."""
    own = next((o for o in options if o.key == key and o.cost == 0), None)
    if own is None or index.key(key) < KNOWN_DOCUMENTS:
        return False
    return own.spelling is None or index.frequency("body", own.spelling) >= KNOWN_DOCUMENTS


def _suspect(i: int, keys: list[str], options: list[list[Option]], settled: list[bool], index: SuggestionIndex) -> bool:
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


def _nearest(i: int, options: list[Option], keys: list[str], settled: list[bool], index: SuggestionIndex) -> list[Option]:
    """The KEYS_PER_WORD options likeliest next to the settled typed neighbours (all, when
    there are few), the word's own key always among them."""
    if len(options) <= KEYS_PER_WORD:
        return options
    neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(keys) and settled[j]]

    def likely(option: Option) -> float:
        score = -option.cost
        for j in neighbours:
            first, second = (keys[j], option.key) if j < i else (option.key, keys[j])
            score += math.log(_follows(first, second, index))
        return score if neighbours else score + math.log(index.key(option.key) + 1)

    ranked = sorted(options, key=likely, reverse=True)
    kept = ranked[:KEYS_PER_WORD]
    own = next((o for o in options if o.key == keys[i]), None)
    return kept if own is None or own in kept else [*kept[:-1], own]


def _options(word: str, index: SuggestionIndex, thorough: bool) -> list[Option]:
    """The syllables the user may have meant by `word`, cheapest first: its own (when the
    index has it), its Telex reading, undoubled and unswapped letters; `thorough` adds
    every other key one edit away."""
    exact, key = canonical_term(word), fold_term(word)
    marked = has_diacritics(word)
    own = exact if marked and index.frequency("body", exact) else None
    if not respellable(key):
        return [Option(key, exact, 0.0)]
    found: dict[str, Option] = {}

    def offer(option: Option) -> None:
        if option.key not in found or option.cost < found[option.key].cost:
            found[option.key] = option

    if index.key(key):
        # Typed with marks the index does not have ("tuớng"): meant with others.
        offer(Option(key, own, 0.0 if own or not marked else MARK_COST))
    telex = decode_telex(word.lower()) if not word.isupper() else None
    if telex and index.frequency("body", telex):
        offer(Option(fold_term(telex), telex, TELEX_COST))
    typed = nfc(word.lower())
    aligned = typed if len(typed) == len(key) else None  # each letter folds to one
    for edited_key, edited, cost in _edits(key, aligned, thorough):
        if edited_key.endswith("y"):
            edited_key = fold_term(edited_key)  # the index spells mỹ "mi"
        if edited_key == key or not SYLLABLE.match(edited_key) or not index.key(edited_key):
            continue
        # An edit that drops the letter the marks were on leaves a plain word: not the user's own.
        spelling = canonical_term(edited) if edited and marked and has_diacritics(edited) else None
        if spelling and index.frequency("body", spelling):
            offer(Option(edited_key, spelling, cost))
        else:
            offer(Option(edited_key, None, cost + (MARK_COST if marked else 0.0)))
    if not found:
        # Nothing near it: kept as typed, so that its neighbours can still be respelled.
        return [Option(key, own or exact, 0.0)]
    return sorted(found.values(), key=lambda o: (o.cost, -index.key(o.key)))


def respellable(key: str) -> bool:
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
        for letter in NEIGHBOUR_KEYS.get(key[i], ""):
            yield *both(lambda s: s[:i] + letter + s[i + 1 :]), EDIT_COST
    for i in range(len(key) + 1):
        for letter in LETTERS:
            yield *both(lambda s: s[:i] + letter + s[i:]), EDIT_COST


def best_sequences(options: list[list[Option]], index: SuggestionIndex) -> list[tuple[float, tuple[str, ...]]]:
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


def _alone(key: str, index: SuggestionIndex) -> float:
    """P(key): the share of documents that have it."""
    return (index.key(key) + 1) / (index.documents + 1)


def _follows(first: str, second: str, index: SuggestionIndex) -> float:
    """P(second | first) = (pairs first_second + SMOOTHING · P(second)) / (documents with first + SMOOTHING)."""
    return (index.pair(first, second) + SMOOTHING * _alone(second, index)) / (index.key(first) + SMOOTHING)


def side_by_side(words: list[str], keys: tuple[str, ...], spelled: list[str], index: SuggestionIndex) -> bool:
    """Whether every pair of adjacent syllables the suggestion changes stands side by side
    somewhere in the index (two words the user typed apart, unchanged, may stay apart, and so
    may a word beside a key such as COVID-19 or 13/2023/NĐ-CP, which the index never pairs)."""
    changed = [canonical_term(w) != s for w, s in zip(words, spelled)]
    return all(index.pair(a, b) for a, b, one, two in zip(keys, keys[1:], changed, changed[1:])
               if (one or two) and a.isalnum() and b.isalnum())
