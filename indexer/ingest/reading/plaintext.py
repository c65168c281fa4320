"""Reading one plain-text article: title on the first line (or none), a byline at the end."""

from __future__ import annotations

from indexer.ingest.articles import Article, ReadFailure
from indexer.ingest.extraction import Metadata, extract_metadata
from indexer.ingest.reading.encodings import UndecodableError, decode_bytes

# An article's budget, in characters of its title and text: past it, the article is reported and
# skipped. Size, not time: every step is linear in it, so it bounds the time too, and a time
# limit would index a document or not depending on how busy the machine is. About 90 times
# the longest of 105,000 real articles; analysis takes about 3 s a million characters.
MAX_ARTICLE_CHARS = 1_000_000


def read_text_article(data: bytes, *, id: str, origin: str) -> Article | ReadFailure:
    """The article in the bytes of a .txt file, or why there is none."""
    try:
        text = decode_bytes(data)
    except UndecodableError as error:
        return ReadFailure(origin, f"undecodable text: {error}")
    return article_from_text(text, id=id, origin=origin)


def article_from_text(text: str, *, id: str, origin: str, **hints) -> Article | ReadFailure:
    """The article of decoded text, with metadata extracted; `hints` go to extract_metadata."""
    if not text.strip():
        return ReadFailure(origin, "empty article")
    size = len(text) + len(hints.get("title") or "")
    if size > MAX_ARTICLE_CHARS:
        return ReadFailure(origin, f"article too long: {size} characters (limit {MAX_ARTICLE_CHARS})")
    metadata = extract_metadata(text, **hints)
    if not metadata.body.strip():
        return ReadFailure(origin, "empty article: no text besides title and page furniture")
    return article_from_metadata(metadata, id=id, origin=origin)


def article_from_metadata(metadata: Metadata, *, id: str, origin: str) -> Article:
    """An Article carrying the extracted metadata."""
    return Article(
        id=id,
        body=metadata.body,
        title=metadata.title,
        title_built=metadata.title_built,
        url=metadata.url,
        source=metadata.source,
        date=metadata.date,
        date_source=metadata.date_source,
        published=metadata.published,
        author=metadata.author,
        organizers=metadata.organizers,
        event_type=metadata.event_type,
        people=metadata.people,
        origin=origin,
    )
