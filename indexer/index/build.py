"""Building and updating the index from articles: incremental, one segment per worker process, one commit."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.writing import CLEAR

from indexer.engine.commit import commit_with_segments
from indexer.index.cleanup import entry_names, partial_files_removed_on_failure
from indexer.index.documents import UNCHANGED, Item, add_document, prepare, remember_known
from indexer.index.progress import Progress
from indexer.index.store import (
    FORMAT_FILE,
    IndexCorruptError,
    IndexNotBuiltError,
    IndexVersionError,
    create_index,
    open_index,
    open_writer,
    write_error,
)
from indexer.index.summary import BoundedLog, ReportStream, located_record
from indexer.index.workers import index_in_workers
from indexer.ingest.articles import Article, ReadFailure


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
    except (IndexVersionError, IndexCorruptError):
        if not rebuild:
            raise
        # What the error told the user to do: this code cannot read that index, so nothing in it
        # could be kept or served; it is replaced by this run's articles.
        ix = create_index(index_dir)
        rebuild = False
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
        run = Run(summary, known, writer, progress)
        if jobs <= 1:
            segments = []
            _index_here(items, writer, known, run)
        else:
            segments = index_in_workers(items, index_dir, known, jobs, run)
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


class Run:
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


def _known_documents(ix) -> dict[str, tuple[str, str]]:
    """id → (content hash, origin) of every document in the index."""
    with ix.searcher() as searcher:
        return {
            fields["id"]: (fields.get("content_hash", ""), fields.get("origin", ""))
            for fields in searcher.reader().all_stored_fields()
        }


def _index_here(items: Iterable[Item], writer, known: dict[str, tuple[str, str]], run: Run) -> None:
    """Everything in this process, into the writer's own segment."""
    remember_known(known)
    for item in items:
        outcome, article, analyzed = prepare(item)
        if not run.accept(outcome, article):
            continue
        assert isinstance(article, Article) and analyzed is not None
        failure = add_document(writer, article, analyzed)
        if failure is None:
            run.indexed(article)
        else:
            run.summary.failures.append(failure)


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
