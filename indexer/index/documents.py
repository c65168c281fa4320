"""One article's document: its analyzed terms and stored fields, prepared in a worker process."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Protocol

from indexer.index.analysis import analyze_text
from indexer.index.wordterms import encode_counts, word_terms
from indexer.ingest.articles import Article, ReadFailure
from indexer.ingest.extraction.names import canonical_organizer, name_key
from indexer.text.vietnamese import canonical as spelled, fold

# Whether a title the extractor built from the lead counts as a title (field boost and all):
# measured on the relevance sets through `vnsearch index` (docs/relevance.md).
INDEX_BUILT_TITLES = False


def analyze(article: Article) -> dict:
    """The indexed terms of an article's text fields, computed in a worker process."""
    title = "" if article.title_built and not INDEX_BUILT_TITLES else article.title or ""
    title_exact, title_folded, title_pairs = analyze_text(title)
    body_exact, body_folded, body_pairs = analyze_text(article.body)
    words = word_terms(title) + word_terms(article.body)
    return {
        "title": title_exact,
        "title_folded": title_folded,
        "body": body_exact,
        "body_folded": body_folded,
        "compounds": dict(title_pairs + body_pairs),
        "words": dict(words),
        "word_counts": encode_counts(words),
    }


def document_fields(article: Article, analyzed: dict) -> dict:
    """The Whoosh document for an article, given its `analyze` terms."""
    canonical = [canonical_organizer(o) for o in article.organizers]
    organizers = [asdict(o) for o in canonical]
    # Every spelling finds the body: its canonical name, its parent's, and how the text wrote it.
    organizer_keys = {name_key(o.name) for o in canonical} | {name_key(o.parent) for o in canonical if o.parent}
    organizer_keys |= {name_key(o.alias) for o in canonical if o.alias}
    facet_values = {
        "source": article.source,
        "event_type": article.event_type,
        "date": article.date,
        # The alias goes along so that a filter given it ("VCCI") selects the body.
        "organizers": [[o.name, o.parent, o.alias] for o in canonical],
        "people": [p.name for p in article.people],
    }
    meta = {
        "url": article.url,
        "source": article.source,
        "date": article.date,
        "date_source": article.date_source,
        "published": article.published,
        "author": article.author,
        "organizers": organizers,
        "event_type": article.event_type,
        "people": [asdict(p) for p in article.people],
    }
    document = {
        "id": article.id,
        **analyzed,
        "_stored_title": article.title or "",
        "_stored_body": article.body,
        "author": article.author or "",
        "source": fold(article.source or ""),
        "event_type": fold(article.event_type or ""),
        "organizer": ",".join(sorted(k.replace(",", " ") for k in organizer_keys)),
        # Folded for a name typed without diacritics, as spelled for one typed with them.
        "person": ",".join(sorted({key(p.name).replace(",", " ") for p in article.people for key in (fold, spelled)})),
        "meta": meta,
        "origin": article.origin,
        "content_hash": article.content_hash(),
        "facet_values": json.dumps(facet_values, ensure_ascii=False).encode("utf-8"),
    }
    return document


class Pending(Protocol):
    """An article still to be decoded and extracted (indexer.ingest.reading.PendingArticle)."""

    def resolve(self) -> Article | ReadFailure: ...


Item = Article | ReadFailure | Pending
Prepared = tuple[str, Article | ReadFailure, dict | None]
FRESH, UNCHANGED, FAILED = "fresh", "unchanged", "failed"

# id → (content hash, origin) of the index being updated, set before the worker processes
# fork so that they inherit it instead of receiving it with every chunk.
_known: dict[str, tuple[str, str]] = {}


def remember_known(known: dict[str, tuple[str, str]]) -> None:
    """Sets the documents an article is compared with (call before forking the workers)."""
    global _known
    _known = known


def prepare(item: Item) -> Prepared:
    """Resolves (decodes, extracts) and analyzes one input: the costly work, done in a worker.

    The safety net of the batch: an article that fails here for any reason (text no UTF-8
    writer accepts, a bug in one analysis step) is reported "cannot index" and the batch goes on.
    """
    article = item.resolve() if not isinstance(item, (Article, ReadFailure)) else item
    if isinstance(article, ReadFailure):
        return FAILED, article, None
    try:
        previous = _known.get(article.id)
        if previous is not None and previous[0] == article.content_hash():
            return UNCHANGED, article, None
        return FRESH, article, analyze(article)
    except OSError:
        raise  # the machine, not the article: no later article would fare better
    except Exception as error:
        return FAILED, ReadFailure(article.origin or article.id, f"cannot index: {type(error).__name__}: {error}"), None


def add_document(writer, article: Article, analyzed: dict) -> ReadFailure | None:
    """Adds the article to the writer's segment; a failure is reported, never half-indexed."""
    docnum = writer.docnum
    try:
        writer.add_document(**document_fields(article, analyzed))
    except OSError:
        raise  # the index cannot be written: no later document could be either
    except Exception as error:  # one bad document never stops the batch
        writer.pool.discard_document(docnum)
        return ReadFailure(article.origin or article.id, f"cannot index: {error}")
    return None
