"""What journalists filter by, read from an article's text: dates, organizers, source, author.

`extract_metadata` is the one entry point the readers call. It takes the article as plain
text (for plain files, the whole file; for HTML and JSON Lines, the body the reader
found) and returns a `Metadata` with the cleaned body and every field of `Article`
except id and origin.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.ingest.articles import Organizer, Person
from indexer.ingest.extraction.dates import find_event_date, find_published, normalize_iso
from indexer.ingest.extraction.events import find_event_type
from indexer.ingest.extraction.gazetteer import gazetteer
from indexer.ingest.extraction.layout import is_lead_marker, split_layout
from indexer.ingest.extraction.organizers import find_organizers
from indexer.ingest.extraction.people import find_people
from indexer.ingest.extraction.sources import find_source, home_body
from indexer.ingest.extraction.text import media_lines, paragraphs
from indexer.ingest.extraction.titles import title_from_lead
from indexer.text.vietnamese import nfc

__all__ = ["EXTRACTION_VERSION", "Metadata", "extract_metadata", "read_lead", "read_lead_and_rest", "successor_of"]

# Bump when what is extracted from the same text changes (organizers, dates, event types ...):
# an index holding the old values then asks for `--rebuild` rather than mixing the two.
EXTRACTION_VERSION = 12

# How many paragraphs from the top make the lead, where the event is reported.
LEAD_PARAGRAPHS = 2
# How many captions and credits of pictures the lead may read past.
MEDIA_REACH = 4
# How many paragraphs after the lead may name the organizers of the event the lead reports.
FOLLOWING_PARAGRAPHS = 3
# How much of each of those paragraphs, and of the title, the lead's readers see: a real lead
# paragraph is a few hundred characters, and their rules cost more than linear time in it.
LEAD_CHARS = 10_000


@dataclass(frozen=True)
class Metadata:
    """The article's cleaned body and everything extracted from it."""

    body: str
    title: str | None = None
    title_built: bool = False  # the text has no title: `title` was built from its lead
    url: str | None = None
    source: str | None = None
    date: str | None = None
    date_source: str | None = None  # "published" (the page's time) or "text" (the reported event's)
    published: str | None = None
    author: str | None = None
    organizers: tuple[Organizer, ...] = ()
    event_type: str | None = None
    people: tuple[Person, ...] = ()


def extract_metadata(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    html_meta: dict | None = None,
) -> Metadata:
    """The metadata of one article given as text.

    `title` is the title when the caller already knows it (HTML, JSON Lines); otherwise
    the first line is taken if it reads as one, or a title is built from the lead.
    `html_meta` may give "published", "author", "source", "date" and "site_name" found in
    a page's markup; they win over what the text says.
    """
    meta = html_meta or {}
    layout = split_layout(nfc(text), title=nfc(title) if title else None)
    body_paragraphs = paragraphs(layout.body)
    lead_paragraphs = [_prefix(p) for p in _lead(body_paragraphs)]
    lead = "\n".join(lead_paragraphs)
    rest = "\n".join(body_paragraphs[len(lead_paragraphs) :])
    header = layout.header + ((meta["site_name"],) if meta.get("site_name") else ())
    source = meta.get("source") or find_source(body_paragraphs, header, url)
    home = home_body(source)
    published = find_published(layout.stamp, meta.get("published"))
    date = normalize_iso(meta["date"]) if meta.get("date") else None
    date = date or find_event_date(lead, rest, published=published)
    date_source = None if date is None else "published" if meta.get("date") or published else "text"
    article_title = layout.title or (title_from_lead(lead_paragraphs[0]) if lead_paragraphs else None)
    following = [_prefix(p) for p in body_paragraphs[len(lead_paragraphs) : len(lead_paragraphs) + FOLLOWING_PARAGRAPHS]]
    read_title = _prefix(layout.title) if layout.title else None
    organizers = find_organizers(lead_paragraphs, read_title, home, following)
    return Metadata(
        body=layout.body,
        title=article_title,
        title_built=layout.title is None and article_title is not None,
        url=url,
        source=source,
        date=date,
        date_source=date_source,
        published=published,
        author=meta.get("author") or layout.byline,
        organizers=organizers,
        event_type=find_event_type(read_title, lead),
        people=find_people(f"{layout.title}\n{layout.body}" if layout.title else layout.body),
    )


def successor_of(name: str) -> str | None:
    """The body that took over `name` in the 2025 reorganization of ministries and provinces."""
    return gazetteer().successor(name)


def read_lead(body: str) -> str:
    """The lead of a cleaned body as the extractors read it (the event type, the organizers)."""
    return "\n".join(_prefix(p) for p in _lead(paragraphs(body)))


def read_lead_and_rest(body: str) -> tuple[str, str]:
    """The lead and the rest of a cleaned body as the date rules read them (`extract_metadata`)."""
    body_paragraphs = paragraphs(body)
    lead_paragraphs = _lead(body_paragraphs)
    return "\n".join(_prefix(p) for p in lead_paragraphs), "\n".join(body_paragraphs[len(lead_paragraphs) :])


def _lead(body_paragraphs: list[str]) -> list[str]:
    """The first paragraphs, where the event is reported; a bare "(napa.vn) –" line joins the
    next, and a picture's caption and credit between them do not count ("Ảnh: Đức Hùng")."""
    wanted = LEAD_PARAGRAPHS
    head = body_paragraphs[: wanted + MEDIA_REACH]
    if head and is_lead_marker(head[0]) and len(head[0].split()) <= 3:
        wanted += 1
    media, texts = media_lines(head), 0
    for at in range(len(head)):
        texts += at not in media
        if texts == wanted:
            return head[: at + 1]
    return head


def _prefix(paragraph: str) -> str:
    """The paragraph cut to LEAD_CHARS, at a space where there is one."""
    if len(paragraph) <= LEAD_CHARS:
        return paragraph
    space = paragraph.rfind(" ", 0, LEAD_CHARS + 1)
    return paragraph[: space if space > 0 else LEAD_CHARS]
