"""Snippets: the best passage of a text with the matched words marked."""

from __future__ import annotations

from html import escape
from itertools import takewhile

from indexer.tokens import syllables
from indexer.vietnamese import canonical_term, fold_term

SNIPPET_CHARS = 240
WINDOW_WORDS = 36


def snippet(text: str, exact_terms: set[str], folded_terms: set[str], max_chars: int = SNIPPET_CHARS) -> str:
    """HTML-escaped passage around the densest run of matches, matched words in <mark>.

    A word matches when its folded form was searched for (the query had no diacritics, or
    was Telex) or its exact form was; so an unaccented query marks the accented words.
    With no match the text's opening is returned.
    """
    words = [s for s in syllables(text) if s.text.isalnum() or "/" in s.text or "-" in s.text]
    # Typed diacritics mark only their exact words (đá, not đã); a text that holds the
    # words only in other spellings marks those, as they are why it was found.
    hits = [i for i, w in enumerate(words) if exact_terms and canonical_term(w.text) in exact_terms]
    if not hits:
        hits = [i for i, w in enumerate(words) if _matches(w.text, exact_terms, folded_terms)]
    if not words:
        return escape(text[:max_chars])
    first = _best_window_start(words, hits)
    start_char = _sentence_start(text, words[first].start) if hits else 0
    end_char = min(len(text), start_char + max_chars)
    if end_char < len(text):
        cut = text.rfind(" ", start_char, end_char)
        end_char = cut if cut > start_char else end_char
    marked = [words[i] for i in hits if words[i].start >= start_char and words[i].end <= end_char]
    return _render(text, start_char, end_char, marked)


def _matches(word: str, exact_terms: set[str], folded_terms: set[str]) -> bool:
    # A folded match is why the document was found, so it is marked too (dương for đường).
    return canonical_term(word) in exact_terms or fold_term(word) in folded_terms


def _best_window_start(words: list, hits: list[int]) -> int:
    """Index of the first word of the window holding the most distinct matched words."""
    if not hits:
        return 0
    best, best_score = hits[0], -1
    for i, first in enumerate(hits):
        # hits are in text order: stop at the window's end instead of scanning every later hit
        inside = {fold_term(words[h].text) for h in takewhile(lambda h: h - first < WINDOW_WORDS, hits[i:])}
        if len(inside) > best_score:
            best, best_score = first, len(inside)
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


def _render(text: str, start: int, end: int, marked: list) -> str:
    parts = ["…" if start > 0 else ""]
    cursor = start
    for word in marked:
        parts.append(escape(text[cursor : word.start]))
        parts.append(f"<mark>{escape(text[word.start : word.end])}</mark>")
        cursor = word.end
    parts.append(escape(text[cursor:end]))
    parts.append("…" if end < len(text) else "")
    return "".join(parts).strip()
