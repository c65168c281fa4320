"""A title for an article that has none, built from the event its lead reports."""

from __future__ import annotations

import re

from indexer.ingest.extraction.events import event_mentions

_MAX_WORDS = 25
# Phrases between the event's name and its quoted theme ("Hội thảo khoa học với chủ đề: “...”").
_THEME_LINK = re.compile(r"\s*(?:với|có)?\s*(?:chủ đề|tên gọi|nội dung|tiêu đề)?\s*(?:là)?\s*:?\s*$")
_QUOTE = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"")
_LEAD_MARKER = re.compile(r"^\s*\([^)]*\)\s*[-–—]\s*")


def title_from_lead(lead: str) -> str | None:
    """"Hội thảo khoa học “Xây dựng chính phủ số ...”": the event and its theme, from the lead."""
    lead = _LEAD_MARKER.sub("", lead).strip()
    if not lead:
        return None
    events = event_mentions(lead)
    if events:
        start = events[0][0]
        rest = lead[start:]
        quote = _QUOTE.search(rest)
        sentence_end = re.search(r"[.;](?:\s|$)", rest)
        if quote and (sentence_end is None or quote.start() < sentence_end.start()):
            name = _THEME_LINK.sub("", rest[: quote.start()]).rstrip(" ,:")
            if len(name.split()) <= 8:
                return _capitalize(f"{name} {quote.group()}")
        clause = re.split(r"[.;,](?:\s|$)", rest, maxsplit=1)[0]
        return _capitalize(_shorten(clause))
    first_sentence = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0]
    return _capitalize(_shorten(first_sentence.rstrip(".")))


def _shorten(text: str) -> str:
    words = text.split()
    if len(words) <= _MAX_WORDS:
        return " ".join(words)
    return " ".join(words[:_MAX_WORDS]) + "…"


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
