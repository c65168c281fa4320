"""Tokens with offsets, matching keys and sentences: the small text tools every extractor uses."""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from indexer.text.vietnamese import canonical_term

_TOKEN = re.compile(r"\w+(?:[&.]\w+)*|[^\w\s]")
# Dashes of every width count as one punctuation token "-".
_DASHES = {"–", "—", "‐", "−"}
# Abbreviations that end in a dot without ending a sentence.
_DOTTED = {
    "ts", "pgs", "gs", "ths", "tskh", "ncs", "cn", "ks", "bs", "ls", "tp", "th", "ông", "bà",
    "st", "mr", "ms", "dr", "q", "p", "tt",
}


class Token(NamedTuple):
    """One word or punctuation mark of a text, where it is, and its matching key."""

    text: str
    start: int
    end: int
    key: str  # case- and tone-style-insensitive form used for matching

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_name_word(self) -> bool:
        """A capitalized word or a number, as a place's name is written ("Gò Vấp", "quận 1")."""
        return self.is_word and (self.is_capitalized or self.text.isdigit())


def token_key(word: str) -> str:
    """The matching key of one word: canonical spelling, lowercase; dashes unified."""
    if word in _DASHES:
        return "-"
    return canonical_term(word)


def tokenize(text: str) -> list[Token]:
    """Words (keeping inner dots and ampersands: TP.HCM, KH&CN) and punctuation marks."""
    return list(_tokens(text))


@lru_cache(maxsize=64)
def _tokens(text: str) -> tuple[Token, ...]:
    # The lead is read by several extractors: tokenize it once.
    return tuple(Token(m.group(), m.start(), m.end(), token_key(m.group())) for m in _TOKEN.finditer(text))


def keys_of(text: str) -> tuple[str, ...]:
    """The token keys of a phrase, for looking it up in a table of keys."""
    return tuple(t.key for t in tokenize(text))


_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’)]?\s+(?=[“\"(]?[A-ZĐÀ-Ỹ])|\n+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of `text`, not split after titles like "TS." or "TP."."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].rstrip("”\"’)")
        last_word = re.search(r"(\w+)\.$", before)
        if last_word and (last_word.group(1).lower() in _DOTTED or len(last_word.group(1)) == 1):
            continue
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of `text`, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


# A paragraph of at most this many words and no sentence end is a subheading, not a lead paragraph.
SUBHEADING_WORDS = 8


def is_subheading(paragraph: str) -> bool:
    """A short line without a sentence's end between paragraphs ("Nhiều bộ, địa phương cùng cấm")."""
    return len(paragraph.split()) <= SUBHEADING_WORDS and not paragraph.rstrip().endswith(tuple(".!?:;…”\"»)"))


# A photo's or a clip's credit on its own line ("Ảnh: Đức Hùng", "(Nguồn: Reuters)"), or a
# clip's caption ("Video: Phiên toà xét xử ..."); the news wraps them around its pictures.
_CREDIT_LINE = re.compile(r"^\(?\s*(?:Ảnh|Nguồn|Photo|Video|Clip)\b[^:\n]{0,25}:", re.IGNORECASE)
_CLIP_CAPTION = re.compile(r"^(?:Video|Clip)\s*:", re.IGNORECASE)
# A caption that ends in its credit ("Thủ tướng Campuchia Hun Sen. Ảnh: AFP"), a short paragraph.
_CREDITED = re.compile(r"[.!?”\")]\s*\(?(?:Ảnh|Nguồn ảnh|Ảnh minh hoạ|Ảnh minh họa)\s*:[^.\n]{1,40}\)?\.?$")
CREDIT_WORDS = 10
CAPTION_CHARS = 400


def media_lines(paragraphs: list[str]) -> set[int]:
    """The indexes of the paragraphs that caption or credit a picture or a clip: a credit line
    and the caption right before it, a clip's caption, and a short caption ending in its credit."""
    found: set[int] = set()
    for i, paragraph in enumerate(paragraphs):
        if _CREDIT_LINE.match(paragraph) and len(paragraph.split()) <= CREDIT_WORDS:
            found.update((i - 1, i) if i else (i,))
        elif _CLIP_CAPTION.match(paragraph) or (len(paragraph) < CAPTION_CHARS and _CREDITED.search(paragraph)):
            found.add(i)
    return found


def is_upper_line(line: str) -> bool:
    """Whether every letter of `line` is a capital (a portal header, not a sentence)."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class PhraseSet:
    """Phrases of token keys found by their first key: `length_at` says which one starts at a
    token without trying every phrase (extractors ask at every token of a lead)."""

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        self.phrases = list(phrases)
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.phrases:  # in order: the first phrase that matches wins, as in a list
            self._by_first.setdefault(phrase[0], []).append(phrase)

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return iter(self.phrases)

    def length_at(self, tokens: list[Token], i: int) -> int:
        """The length of the first phrase found at token i, or 0."""
        for phrase in self._by_first.get(tokens[i].key, ()):
            if tuple(t.key for t in tokens[i : i + len(phrase)]) == phrase:
                return len(phrase)
        return 0
