"""A search's newest hits as an Atom feed: what each entry says, drawn by `templates/feed.atom.xml`.

Links start with the configured public address, never with the request's Host header (which
a client chooses); ids are tag URIs (RFC 4151), the same wherever the feed is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from flask import render_template

from indexer.search.results import Hit, SearchPage
from searchsvc.renderers.snippet_html import snippet_html
from searchsvc.renderers.urls import safe_url

TAG = "tag:vnsearch,2026:"
# Characters XML 1.0 forbids anywhere in a document, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


# Every text below has had the characters XML forbids removed (`xml_text`); the template's
# autoescaping does the rest.
@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    link: str
    updated: str
    author: str
    category: str | None
    summary_html: str  # the snippet's HTML, which the template escapes once more (type="html")


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    updated: str
    self_url: str
    entries: list[Entry]


def atom_feed(page: SearchPage, query_string: str, self_url: str, document_url: Callable[[str], str]) -> str:
    """The feed of `page`'s hits; `document_url(id)` is an article's page on this service."""
    q = page.request.q
    updated = max((hit.date for hit in page.hits if hit.date), default=None)
    feed = Feed(id=xml_text(f"{TAG}search?{query_string}"),
                title=xml_text(f"vnsearch: {q}" if q else "vnsearch: newest articles"),
                updated=atom_time(updated), self_url=xml_text(self_url),
                entries=[_entry(hit, document_url(hit.id)) for hit in page.hits])
    return render_template("feed.atom.xml", feed=feed)


def _entry(hit: Hit, page_url: str) -> Entry:
    # Only web links leave the feed as they are; a javascript: or data: URL would run in a reader.
    link = safe_url(hit.url) or page_url
    return Entry(id=xml_text(f"{TAG}doc/{hit.id}"), title=xml_text(hit.title or hit.id), link=xml_text(link),
                 updated=atom_time(hit.date), author=xml_text(hit.author or hit.source or "vnsearch"),
                 category=xml_text(hit.event_type) if hit.event_type else None,
                 summary_html=xml_text(snippet_html(hit.snippet)))


def xml_text(value: object) -> str:
    """The value without the characters XML forbids (autoescaping then escapes the rest)."""
    return _NOT_XML.sub("", str(value))


def atom_time(date: str | None) -> str:
    """An RFC 3339 time for a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date (its first day; undated: 1970)."""
    date = date or "1970-01-01"
    if len(date) == 4:
        date += "-01-01"
    elif len(date) == 7:
        date += "-01"
    return date[:10] + "T00:00:00Z"
