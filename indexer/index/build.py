"""Building and updating the index from articles: incremental, one segment per worker process, one commit."""

from __future__ import annotations

import contextlib
import ctypes
import json
import multiprocessing
import os
import queue
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Protocol

from whoosh.writing import CLEAR

from indexer.ingest.articles import Article, ReadFailure
from indexer.engine.commit import commit_with_segments, finish_segment
from indexer.index.cleanup import entry_names, partial_files_removed_on_failure
from indexer.index.progress import Progress
from indexer.index.store import (
    FORMAT_FILE,
    IndexNotBuiltError,
    IndexWriteError,
    create_index,
    open_index,
    open_segment_writer,
    open_writer,
    write_error,
)
from indexer.index.analysis import analyze_text
from indexer.index.summary import BoundedLog, ReportStream, located_record
from indexer.index.wordterms import encode_counts, word_terms
from indexer.ingest.extraction.names import canonical_organizer, name_key
from indexer.text.vietnamese import fold

# Documents handed to a worker at once: large enough to amortize pickling, small enough
# that memory does not grow with the corpus.
CHUNK_SIZE = 8
# Whether a title the extractor built from the lead counts as a title (field boost and all):
# measured on the relevance sets through `vnsearch index` (docs/relevance.md).
INDEX_BUILT_TITLES = False


@dataclass
class BuildSummary:
    """What an indexing run did, for the CLI summary and the --report file."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    # The first failures (indexer.summary.KEPT) and the count of all; a report streams them all.
    failures: BoundedLog = field(default_factory=BoundedLog)
    # Fields left out of articles that were indexed without them (a date that is no real day).
    warnings: BoundedLog = field(default_factory=BoundedLog)
    seconds: float = 0.0
    index_dir: str = ""

    @property
    def indexed(self) -> int:
        return self.added + self.updated

    def to_record(self) -> dict:
        """The counts, and the failures and warnings held (`failed` counts every failure)."""
        counts = ("added", "updated", "unchanged", "removed", "seconds", "index_dir")
        return {**{name: getattr(self, name) for name in counts}, "failed": self.failures.total,
                "failures": [located_record(f) for f in self.failures],
                "warnings": [located_record(w) for w in self.warnings]}


def build_index(
    items: Iterable[Item],
    index_dir: Path,
    *,
    rebuild: bool = False,
    prune_roots: list[Path] | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    report: ReportStream | None = None,
) -> BuildSummary:
    """Adds new articles, updates changed ones, skips unchanged ones, and commits once.

    `items` are articles, read failures, or pending articles (indexer.ingest.reading.read_pending)
    that the workers resolve, so decoding and extraction run on every core too. With
    `jobs` > 1 each worker process analyzes its share of the articles and writes them into
    a segment of its own, and the one commit adds those segments to the index: Whoosh's
    writing is pure Python, so it needs every core as much as the analysis does.

    With `rebuild` the new generation holds only this run's articles. With `prune_roots`,
    documents not seen in this run whose origin lies under one of those roots (or whose
    origin file is gone) are removed. Readers' failures are carried into the summary; an
    article that fails to index is reported and the batch goes on; with `report`, failures and
    warnings are streamed into it as they come. A run that fails removes the files it wrote.
    """
    started = time.monotonic()
    summary = BuildSummary(index_dir=str(index_dir))
    if report is not None:
        report.attach(summary.failures, summary.warnings)
    try:
        ix = open_index(index_dir)
    except IndexNotBuiltError:
        ix = create_index(index_dir)
        rebuild = False  # already empty
    before = entry_names(index_dir)  # a writer opens its segment's files as it starts
    writer = open_writer(ix)
    jobs = jobs or os.cpu_count() or 1
    with partial_files_removed_on_failure(index_dir, before):
        _run_build(items, index_dir, ix, writer, summary, rebuild, prune_roots, jobs, progress)
    summary.seconds = time.monotonic() - started
    return summary


def _run_build(items: Iterable[Item], index_dir: Path, ix, writer, summary: BuildSummary, rebuild: bool,
               prune_roots: list[Path] | None, jobs: int, progress: Progress | None) -> None:
    try:
        known = {} if rebuild else _known_documents(ix)
        run = _Run(summary, known, writer, progress)
        if jobs <= 1:
            segments = []
            _index_here(items, writer, known, run)
        else:
            segments = _index_in_workers(items, index_dir, known, jobs, run)
        if prune_roots is not None and not rebuild:
            for doc_id in _stale_ids(known, run.seen, prune_roots):
                writer.delete_by_term("id", doc_id)
                summary.removed += 1
        commit_with_segments(writer, segments, CLEAR if rebuild else None)
    except OSError as error:
        _cancel_quietly(writer)
        raise write_error(index_dir, error) from error
    except BaseException:
        writer.cancel()
        raise
    finally:
        if progress:
            progress.close()


class _Run:
    """This run's bookkeeping, in input order: what was seen, added, updated, skipped or failed."""

    def __init__(self, summary: BuildSummary, known: dict[str, tuple[str, str]], writer,
                 progress: Progress | None) -> None:
        self.summary = summary
        self.known = known
        self.writer = writer
        self.progress = progress
        self.seen: set[str] = set()

    def accept(self, outcome: str, article: Article | ReadFailure) -> bool:
        """Counts one prepared input; True when it is to be in the index (new or changed)."""
        if self.progress:
            self.progress.advance()
        if isinstance(article, ReadFailure):
            self.summary.failures.append(article)
            return False
        self.summary.warnings.extend(article.warnings)
        if article.id in self.seen:
            self.summary.failures.append(
                ReadFailure(article.origin or article.id, f"duplicate id {article.id!r} in this run; first one kept")
            )
            return False
        self.seen.add(article.id)
        if outcome == UNCHANGED:
            self.summary.unchanged += 1
            return False
        return True

    def indexed(self, article: Article) -> None:
        """Counts an added article; the version it replaces, if any, leaves the index."""
        if article.id in self.known:
            self.writer.delete_by_term("id", article.id)
            self.summary.updated += 1
        else:
            self.summary.added += 1


def _cancel_quietly(writer) -> None:
    """Drops the unfinished generation; on a full disk even that may fail, and the old one stands."""
    try:
        writer.cancel()
    except OSError:
        pass


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
        "organizers": [[o.name, o.parent] for o in canonical],
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
        "person": ",".join(sorted({fold(p.name).replace(",", " ") for p in article.people})),
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
    """An article still to be decoded and extracted (indexer.ingest.reading.PendingArticle)."""

    def resolve(self) -> Article | ReadFailure: ...


Item = Article | ReadFailure | Pending
Prepared = tuple[str, Article | ReadFailure, dict | None]
FRESH, UNCHANGED, FAILED = "fresh", "unchanged", "failed"

# id → (content hash, origin) of the index being updated, set before the worker processes
# fork so that they inherit it instead of receiving it with every chunk.
_known: dict[str, tuple[str, str]] = {}


def _prepare(item: Item) -> Prepared:
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


def _add(writer, article: Article, analyzed: dict) -> ReadFailure | None:
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


def _index_here(items: Iterable[Item], writer, known: dict[str, tuple[str, str]], run: _Run) -> None:
    """Everything in this process, into the writer's own segment."""
    global _known
    _known = known
    for item in items:
        outcome, article, analyzed = _prepare(item)
        if not run.accept(outcome, article):
            continue
        assert isinstance(article, Article) and analyzed is not None
        failure = _add(writer, article, analyzed)
        if failure is None:
            run.indexed(article)
        else:
            run.summary.failures.append(failure)


# A worker's answer for one input: outcome, the article (its body dropped) or failure, and
# the document number it was given in the worker's segment (None when not added).
Added = tuple[str, Article | ReadFailure, int | None]


def _index_in_workers(items: Iterable[Item], index_dir: Path, known: dict[str, tuple[str, str]], jobs: int,
                      run: _Run) -> list:
    """Every input prepared and written by `jobs` worker processes, one new segment each.

    Answers come back per chunk in any order and are counted in input order, so the first
    of two articles with one id is the one kept: a later one, already written by its
    worker, is deleted from that worker's segment before the commit.
    """
    global _known
    _known = known  # fork shares it (and the loaded modules) with the workers
    context = multiprocessing.get_context("fork")
    tasks = context.Queue(jobs * 2)
    answers = context.Queue()
    workers = [context.Process(target=_worker, args=(number, index_dir, tasks, answers, os.getpid()), daemon=True)
               for number in range(jobs)]
    for worker in workers:
        worker.start()
    waiting: dict[int, tuple[int, list[Added]]] = {}
    segments: dict[int, object] = {}
    duplicates: dict[int, list[int]] = {number: [] for number in range(jobs)}
    counted = sent = 0

    def take_answer(timeout: float) -> None:
        nonlocal counted
        try:
            kind, number, payload = answers.get(timeout=timeout)
        except queue.Empty:
            _check_alive(workers, segments)
            return
        if kind == "error":
            errno, message = payload
            if errno is not None:
                raise OSError(errno, message)
            raise IndexWriteError(f"{message}; the index is unchanged")
        if kind == "segment":
            segments[number] = payload
            return
        sequence, added = payload
        waiting[sequence] = (number, added)
        while counted in waiting:
            worker_number, outcomes = waiting.pop(counted)
            for outcome, article, docnum in outcomes:
                if run.accept(outcome, article):
                    assert isinstance(article, Article)
                    run.indexed(article)
                elif docnum is not None:
                    duplicates[worker_number].append(docnum)
            counted += 1

    try:
        for chunk in _chunks(items, CHUNK_SIZE):
            while sent - counted >= jobs * 4:
                take_answer(timeout=1.0)
            tasks.put((sent, chunk))
            sent += 1
        for _ in workers:
            tasks.put(None)
        while counted < sent or len(segments) < jobs:
            take_answer(timeout=1.0)
    except BaseException:
        for worker in workers:
            worker.kill()
        # Chunks still buffered for the dead workers would keep this process waiting at exit
        # for a feeder thread that can never write them: drop them.
        tasks.cancel_join_thread()
        answers.cancel_join_thread()
        raise
    finally:
        for worker in workers:
            worker.join()
    for number, docnums in duplicates.items():
        for docnum in docnums:
            segments[number].delete_document(docnum)  # type: ignore[attr-defined]
    return [segment for _, segment in sorted(segments.items()) if segment is not None]


def _check_alive(workers: list, finished: dict[int, object]) -> None:
    for number, worker in enumerate(workers):
        if number not in finished and not worker.is_alive():
            raise IndexWriteError(
                f"indexing worker {number} stopped (exit {worker.exitcode}) before finishing; the index is unchanged"
            )


def _worker(number: int, index_dir: Path, tasks, answers, parent: int) -> None:
    """An indexing worker process: prepares its chunks and writes them into its own segment."""
    _die_with_parent(parent)
    try:
        writer = open_segment_writer(open_index(index_dir))
        while True:
            try:
                task = tasks.get(timeout=1.0)
            except queue.Empty:
                if os.getppid() != parent:
                    return  # the indexer was killed: its unfinished segment is never committed
                continue
            if task is None:
                break
            sequence, chunk = task
            answers.put(("chunk", number, (sequence, [_index_in_worker(writer, item) for item in chunk])))
        answers.put(("segment", number, finish_segment(writer)))
    except OSError as error:
        answers.put(("error", number, (error.errno, error.strerror or str(error))))
    except BaseException as error:  # reported to the parent, which stops the run
        answers.put(("error", number, (None, f"indexing worker {number}: {type(error).__name__}: {error}")))


def _die_with_parent(parent: int) -> None:
    """Asks Linux to kill this worker when the indexer dies, even by kill -9 in the middle of a
    chunk, so no orphan keeps writing or holds the index's lock (elsewhere the worker notices
    between chunks)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the indexer died before the request was made
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _index_in_worker(writer, item: Item) -> Added:
    outcome, article, analyzed = _prepare(item)
    if outcome != FRESH:
        return outcome, article, None
    assert isinstance(article, Article) and analyzed is not None
    docnum = writer.docnum
    failure = _add(writer, article, analyzed)
    if failure is not None:
        return FAILED, failure, None
    return FRESH, replace(article, body=""), docnum


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
    """Documents not seen in this run whose source file is gone or lies under a pruned root
    (origins are stored absolute; a root is compared by path, not by string prefix)."""
    resolved = [root.resolve() for root in roots]
    stale = []
    for doc_id, (_, origin) in known.items():
        if doc_id in seen:
            continue
        origin_file = origin.rsplit(":", 1)[0] if origin and not os.path.exists(origin) else origin
        gone = bool(origin_file) and not os.path.exists(origin_file)
        under = bool(origin_file) and any(Path(origin_file).resolve().is_relative_to(r) for r in resolved)
        if gone or under:
            stale.append(doc_id)
    return stale


def index_size_bytes(index_dir: Path) -> int:
    """Bytes on disk of the index directory's files."""
    return sum(p.stat().st_size for p in index_dir.iterdir() if p.is_file() and p.name != FORMAT_FILE)
