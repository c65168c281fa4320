"""Read access to an index that follows the indexer's commits, and the CPU budget of one search."""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from indexer.index.store import open_index
from indexer.search.facets import FacetTable
from indexer.search.matching import FieldLengths
from indexer.search.query import InvalidQueryError

T = TypeVar("T")
# How often (seconds) a reader checks whether the indexer committed a new generation.
REFRESH_INTERVAL_S = 1.0
# Most CPU time one search may spend matching and scoring before it is refused as too broad.
TIME_BUDGET_S = 2.0


class QueryTooExpensiveError(InvalidQueryError):
    """The query would take longer than the time budget: the user should narrow it."""


class IndexHandle:
    """Read access to an index directory that follows the indexer's commits without a restart.

    Each thread keeps its own Whoosh searcher (their file readers are not shared across
    threads); the facet table is built once per index generation and shared.
    """

    def __init__(self, directory: Path, time_budget_s: float = TIME_BUDGET_S) -> None:
        self.directory = Path(directory)
        self.time_budget_s = time_budget_s
        self._local = threading.local()
        self._lock = threading.Lock()
        self._derived: dict[tuple, Any] = {}  # (builder, generation) → what it built
        self._build_lock = threading.Lock()  # apart from _lock: a build takes seconds
        self._ix = None
        # Every searcher still open, closed when replaced or when the handle goes away.
        self._open: list = []
        weakref.finalize(self, _close_all, self._open, self._lock)

    def searcher(self):
        """This thread's searcher on the newest committed generation."""
        if self._ix is None:
            with self._lock:
                if self._ix is None:
                    self._ix = open_index(self.directory)
        local = self._local
        now = time.monotonic()
        current = getattr(local, "searcher", None)
        if current is None:
            local.searcher = self._opened(self._ix.searcher())
            local.checked = now
        elif now - local.checked >= REFRESH_INTERVAL_S:
            local.checked = now
            # Not Searcher.refresh(): Whoosh-Reloaded 2.7.5 keeps the readers of segments a
            # merge removed, so after the indexer merges, documents are counted twice.
            if self._ix.latest_generation() != current.reader().generation():
                local.searcher = self._opened(self._ix.searcher())
                with self._lock:
                    self._open.remove(current)
                current.close()
        return local.searcher

    def _opened(self, searcher):
        with self._lock:
            self._open.append(searcher)
        return searcher

    def close(self) -> None:
        """Closes every searcher this handle opened."""
        _close_all(self._open, self._lock)

    def field_lengths(self, searcher) -> FieldLengths:
        """Per-document field lengths of the searcher's generation, for scoring."""
        return self._per_generation(FieldLengths, searcher)

    def facet_table(self, searcher) -> FacetTable:
        """Per-document facet values of the searcher's generation."""
        return self._per_generation(FacetTable, searcher)

    def derived(self, build: Callable[[Any], T], searcher) -> T:
        """What `build(reader)` makes of the searcher's generation, built once and shared by every
        thread (for the modules beside the search that keep data of their own per generation)."""
        return self._per_generation(build, searcher)

    def _per_generation(self, build: Callable[[Any], T], searcher) -> T:
        """`build(reader)` once per index generation, shared by every thread; older ones dropped."""
        generation = searcher.reader().generation()
        key = (build, generation)
        found = self._derived.get(key)
        if found is None:
            with self._build_lock:
                found = self._derived.get(key)
                if found is None:
                    found = build(searcher.reader())
                    kept = {k: v for k, v in self._derived.items() if k[1] == generation}
                    self._derived = {**kept, key: found}
        return found


def _close_all(searchers: list, lock: threading.Lock) -> None:
    with lock:
        for searcher in searchers:
            searcher.close()
        searchers.clear()


def deadline_check(budget_s: float):
    """A function that raises QueryTooExpensiveError once this thread has spent `budget_s` of CPU.

    CPU time of the searching thread, not wall time: on a busy server a request waiting for
    a core is not the query's fault.
    """
    deadline = time.thread_time() + budget_s

    def check() -> None:
        if time.thread_time() > deadline:
            raise too_expensive()

    return check


def too_expensive() -> QueryTooExpensiveError:
    return QueryTooExpensiveError(
        "the query needs more time than a search may take; narrow it (fewer very common words, a phrase, or filters)"
    )
