"""Building and updating the index from articles: incremental, multi-core, one writer."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

from whoosh.writing import CLEAR

from indexer.articles import Article, ReadFailure
from indexer.progress import Progress
from indexer.store import FORMAT_FILE, IndexNotBuiltError, IndexWriteError, create_index, open_index, open_writer
from indexer.analysis import analyze_text, compound_terms
from indexer.vietnamese import fold

# Documents handed to a worker at once: large enough to amortize pickling, small enough
# that memory does not grow with the corpus.
CHUNK_SIZE = 8


@dataclass
class BuildSummary:
    """What an indexing run did, for the CLI summary and the --report file."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    seconds: float = 0.0
    index_dir: str = ""

    @property
    def indexed(self) -> int:
        return self.added + self.updated

    def to_record(self) -> dict:
        record = asdict(self)
        record["failed"] = len(self.failures)
        record["failures"] = [asdict(f) for f in self.failures]
        return record


def build_index(
    items: Iterable[Item],
    index_dir: Path,
    *,
    rebuild: bool = False,
    prune_roots: list[Path] | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> BuildSummary:
    """Adds new articles, updates changed ones, skips unchanged ones, and commits once.

    `items` are articles, read failures, or pending articles (indexer.reading.read_pending)
    that the worker processes resolve, so decoding and extraction run on every core too.

    With `rebuild` the new generation holds only this run's articles. With `prune_roots`,
    documents not seen in this run whose origin lies under one of those roots (or whose
    origin file is gone) are removed. Readers' failures are carried into the summary; an
    article that fails to index is reported and the batch goes on.
    """
    started = time.monotonic()
    summary = BuildSummary(index_dir=str(index_dir))
    try:
        ix = open_index(index_dir)
    except IndexNotBuiltError:
        ix = create_index(index_dir)
        rebuild = False  # already empty
    writer = open_writer(ix)
    try:
        known = {} if rebuild else _known_documents(ix)
        seen: set[str] = set()
        for outcome, article, analyzed in _prepared(items, known, jobs):
            if progress:
                progress.advance()
            if isinstance(article, ReadFailure):
                summary.failures.append(article)
                continue
            if article.id in seen:
                summary.failures.append(
                    ReadFailure(article.origin or article.id, f"duplicate id {article.id!r} in this run; first one kept")
                )
                continue
            seen.add(article.id)
            if outcome == UNCHANGED:
                summary.unchanged += 1
                continue
            try:
                document = document_fields(article, analyzed or {})
                if article.id in known:
                    writer.update_document(**document)
                    summary.updated += 1
                else:
                    writer.add_document(**document)
                    summary.added += 1
            except OSError:
                raise  # the index cannot be written: no later document could be either
            except Exception as error:  # one bad document never stops the batch
                summary.failures.append(ReadFailure(article.origin or article.id, f"cannot index: {error}"))
        if prune_roots is not None and not rebuild:
            for doc_id in _stale_ids(known, seen, prune_roots):
                writer.delete_by_term("id", doc_id)
                summary.removed += 1
        writer.commit(mergetype=CLEAR) if rebuild else writer.commit()
    except OSError as error:
        _cancel_quietly(writer)
        raise IndexWriteError(
            f"cannot write to the index at {index_dir}: {error.strerror or error}; the index is unchanged"
        ) from error
    except BaseException:
        writer.cancel()
        raise
    finally:
        if progress:
            progress.close()
    summary.seconds = time.monotonic() - started
    return summary


def _cancel_quietly(writer) -> None:
    """Drops the unfinished generation; on a full disk even that may fail, and the old one stands."""
    try:
        writer.cancel()
    except OSError:
        pass


def analyze(article: Article) -> dict:
    """The indexed terms of an article's text fields, computed in a worker process."""
    title = article.title or ""
    text = f"{title}\n{article.body}"
    title_exact, title_folded = analyze_text(title)
    body_exact, body_folded = analyze_text(article.body)
    return {
        "title": title_exact,
        "title_folded": title_folded,
        "body": body_exact,
        "body_folded": body_folded,
        "compounds": compound_terms(text),
    }


def document_fields(article: Article, analyzed: dict) -> dict:
    """The Whoosh document for an article, given its `analyze` terms."""
    organizers = [asdict(o) for o in article.organizers]
    organizer_keys = {fold(o.name) for o in article.organizers}
    organizer_keys |= {fold(o.parent) for o in article.organizers if o.parent}
    facet_values = {
        "source": article.source,
        "event_type": article.event_type,
        "date": article.date,
        "organizers": [[o.name, o.parent] for o in article.organizers],
    }
    meta = {
        "url": article.url,
        "source": article.source,
        "date": article.date,
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
        "meta": meta,
        "origin": article.origin,
        "content_hash": article.content_hash(),
        "facet_values": json.dumps(facet_values, ensure_ascii=False).encode("utf-8"),
    }
    return document


def _known_documents(ix) -> dict[str, tuple[str, str]]:
    """id → (content hash, origin) of every document in the index."""
    with ix.searcher() as searcher:
        return {
            fields["id"]: (fields.get("content_hash", ""), fields.get("origin", ""))
            for fields in searcher.reader().all_stored_fields()
        }


class Pending(Protocol):
    """An article still to be decoded and extracted (indexer.reading.PendingArticle)."""

    def resolve(self) -> Article | ReadFailure: ...


Item = Article | ReadFailure | Pending
Prepared = tuple[str, Article | ReadFailure, dict | None]
FRESH, UNCHANGED, FAILED = "fresh", "unchanged", "failed"

# id → (content hash, origin) of the index being updated, set before the worker processes
# fork so that they inherit it instead of receiving it with every chunk.
_known: dict[str, tuple[str, str]] = {}


def _prepare(item: Item) -> Prepared:
    """Resolves (decodes, extracts) and analyzes one input: the costly work, done in a worker."""
    article = item.resolve() if not isinstance(item, (Article, ReadFailure)) else item
    if isinstance(article, ReadFailure):
        return FAILED, article, None
    previous = _known.get(article.id)
    if previous is not None and previous[0] == article.content_hash():
        return UNCHANGED, article, None
    return FRESH, article, analyze(article)


def _prepare_chunk(chunk: list[Item]) -> list[Prepared]:
    return [_prepare(item) for item in chunk]


def _prepared(items: Iterable[Item], known: dict[str, tuple[str, str]], jobs: int | None) -> Iterator[Prepared]:
    """Every input prepared, in input order, with at most a few chunks in flight per worker."""
    global _known
    _known = known
    jobs = jobs or os.cpu_count() or 1
    chunks = _chunks(items, CHUNK_SIZE)
    if jobs <= 1:
        for chunk in chunks:
            yield from _prepare_chunk(chunk)
        return
    # fork shares the loaded modules and `_known` with the workers.
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_prepare_chunk, (chunk,)))
            if len(pending) >= jobs * 4:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _stale_ids(known: dict[str, tuple[str, str]], seen: set[str], roots: list[Path]) -> list[str]:
    resolved = [str(root.resolve()) for root in roots]
    stale = []
    for doc_id, (_, origin) in known.items():
        if doc_id in seen:
            continue
        origin_file = origin.rsplit(":", 1)[0] if origin and not os.path.exists(origin) else origin
        gone = bool(origin_file) and not os.path.exists(origin_file)
        under = bool(origin_file) and any(str(Path(origin_file).resolve()).startswith(r) for r in resolved)
        if gone or under:
            stale.append(doc_id)
    return stale


def index_size_bytes(index_dir: Path) -> int:
    """Bytes on disk of the index directory's files."""
    return sum(p.stat().st_size for p in index_dir.iterdir() if p.is_file() and p.name != FORMAT_FILE)
