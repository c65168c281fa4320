"""Snippets: the best passage of a text and where the matched words lie in it.

A snippet is text and spans, never markup: each rendering (the page's and the feed's HTML, the
JSON API, the CSV, the command line) marks the spans its own way (searchsvc/renderers/).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from indexer.text.tokens import syllables
from indexer.text.vietnamese import canonical_term, fold_term

SNIPPET_CHARS = 240
WINDOW_CHARS = 150
Span = tuple[int, int]
ELLIPSIS = "…"


@dataclass(frozen=True)
class Snippet:
    """A passage of an article's text and the (start, end) offsets of its matched words, in order."""

    text: str = ""
    marks: tuple[Span, ...] = ()

    def parts(self) -> Iterator[tuple[str, bool]]:
        """The passage as consecutive (text, marked) pieces, the marked ones being matched words."""
        cursor = 0
        for start, end in self.marks:
            if start > cursor:
                yield self.text[cursor:start], False
            yield self.text[start:end], True
            cursor = end
        if cursor < len(self.text):
            yield self.text[cursor:], False


def _letter_variants() -> dict[str, str]:
    """Each unaccented lowercase letter → every precomposed Latin letter that folds to it (e →
    eèéẻẽẹêềếểễệEÈ...; d → dđDĐ)."""
    variants: dict[str, set[str]] = {}
    for code in range(0x41, 0x1EFA):
        char = chr(code)
        base = fold_term(char)
        if len(base) == 1 and base.isascii() and base != char:
            variants.setdefault(base, {base}).add(char)
    return {base: "".join(sorted(chars)) for base, chars in variants.items()}


# The query's folded words are looked for in the text itself, each letter as the class of its
# accented forms: one regular-expression scan in C, not a Python step per word of the article.
_VARIANTS = _letter_variants()
_COMBINING = re.compile(r"[\u0300-\u036f]")


def snippet(text: str, exact_terms: set[str], folded_terms: set[str], max_chars: int = SNIPPET_CHARS) -> Snippet:
    """The passage around the densest run of matches, with its matched words' spans.

    A word matches when its folded form was searched for (the query had no diacritics, or
    was Telex) or its exact form was; so an unaccented query marks the accented words.
    With no match the text's opening is returned.
    """
    candidates = _candidate_spans(text, exact_terms, folded_terms)
    # Typed diacritics mark only their exact words (đá, not đã); a text that holds the
    # words only in other spellings marks those, as they are why it was found.
    hits = [(a, b) for a, b in candidates if exact_terms and canonical_term(text[a:b]) in exact_terms]
    if not hits:
        hits = [(a, b) for a, b in candidates if _matches(text[a:b], exact_terms, folded_terms)]
    first = _best_window_start(text, hits)
    start_char = _sentence_start(text, first) if hits else 0
    end_char = min(len(text), start_char + max_chars)
    if end_char < len(text):
        cut = text.rfind(" ", start_char, end_char)
        end_char = cut if cut > start_char else end_char
    marked = [(a, b) for a, b in hits if a >= start_char and b <= end_char]
    return _cut(text, start_char, end_char, marked)


def _candidate_spans(text: str, exact_terms: set[str], folded_terms: set[str]) -> list[Span]:
    """(start, end) of the words (and whole keys) that may be one of the terms, in text order."""
    return word_spans(text, frozenset(folded_terms | {fold_term(t) for t in exact_terms}))


def word_spans(text: str, folded_terms: frozenset[str]) -> list[Span]:
    """(start, end) of the words (and whole keys) of the text that may fold to one of the terms,
    in text order; a few that do not (a key around a term) are left for the caller to check."""
    pattern = _terms_pattern(folded_terms)
    if pattern is None:
        return []
    if _COMBINING.search(text):  # decomposed marks are not letters of the classes: go word by word
        return [(s.start, s.end) for s in syllables(text) if s.text.isalnum() or "/" in s.text or "-" in s.text]
    return [m.span() for m in pattern.finditer(text)]


@lru_cache(maxsize=256)
def _terms_pattern(folded: frozenset[str]) -> re.Pattern | None:
    """Any of the folded terms as a whole word, in any accents and case, a final i also
    matching y (fold spells kỹ as ki)."""
    alternatives = []
    for term in sorted(folded, key=len, reverse=True):
        if not term:
            continue
        letters = [_letter_class(c) for c in term]
        if term.endswith("i"):
            letters[-1] = "[" + re.escape(_VARIANTS["i"] + _VARIANTS["y"]) + "]"
        alternatives.append("".join(letters))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)") if alternatives else None


def _letter_class(char: str) -> str:
    variants = _VARIANTS.get(char)
    return "[" + re.escape(variants) + "]" if variants else re.escape(char)


def _matches(word: str, exact_terms: set[str], folded_terms: set[str]) -> bool:
    # A folded match is why the document was found, so it is marked too (dương for đường).
    return canonical_term(word) in exact_terms or fold_term(word) in folded_terms


def _best_window_start(text: str, hits: list[Span]) -> int:
    """Offset of the first hit of the window holding the most distinct matched words.

    One pass with a sliding window over the hits (in text order): linear in their number, so a
    long article repeating the query's words thousands of times costs no more than reading it.
    """
    if not hits:
        return 0
    words = [fold_term(text[a:b]) for a, b in hits]
    inside: Counter[str] = Counter()
    best, best_score, end = hits[0][0], -1, 0
    for i, (first, _) in enumerate(hits):
        while end < len(hits) and hits[end][0] - first < WINDOW_CHARS:
            inside[words[end]] += 1
            end += 1
        if len(inside) > best_score:
            best, best_score = first, len(inside)
        inside[words[i]] -= 1
        if not inside[words[i]]:
            del inside[words[i]]
    return best


def _sentence_start(text: str, at: int) -> int:
    """Start the passage at the sentence holding `at`, unless that is far before it."""
    floor = max(0, at - 80)
    boundary = max(text.rfind(". ", floor, at), text.rfind("\n", floor, at))
    if boundary >= 0:
        return boundary + 1 + (text[boundary + 1 : boundary + 2] == " ")
    if floor == 0:
        return 0
    space = text.find(" ", floor, at)
    return space + 1 if space >= 0 else at


def _cut(text: str, start: int, end: int, marked: list[Span]) -> Snippet:
    """text[start:end] without its outer blanks, "…" where the article goes on, spans shifted into it."""
    before = ELLIPSIS if start > 0 else ""
    after = ELLIPSIS if end < len(text) else ""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    shift = len(before) - start
    return Snippet(before + text[start:end] + after, tuple((a + shift, b + shift) for a, b in marked))
