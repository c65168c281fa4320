"""Running a search: the one function behind the page, the JSON API, the CSV, the feed and the CLI."""

from __future__ import annotations

import threading
import weakref
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from indexer.search import respell
from indexer.search.facets import FACETS, FacetTable, FacetValue, date_bounds
from indexer.search.snippets import snippet
from indexer.search.matching import FieldLengths, match_and_score
from indexer.search.query import ACCENT_MODES, InvalidQueryError, ParsedQuery, parse_query, respelling_query
from indexer.index.store import damage_reported, open_index
from indexer.search.suggest import suggest

SORTS = ("relevance", "newest", "oldest")
FACET_LIMIT = 30
MAX_FACET_SIZE = 1000
FILTERS = ("organizer", "person", "source", "event_type")  # facets a request may filter by
T = TypeVar("T")
# How often (seconds) a reader checks whether the indexer committed a new generation.
REFRESH_INTERVAL_S = 1.0
# Most CPU time one search may spend matching and scoring before it is refused as too broad.
TIME_BUDGET_S = 2.0
# An accented query that finds fewer than this is also counted without diacritics, and the
# answer offers that reading when it finds at least twice as many.
FEW_EXACT_MATCHES = 10
# A query finding fewer than this (FEW_EXACT_MATCHES when matched by its spelling) may be a
# typo's: "did you mean" looks for a spelling that finds more.
FEW_MATCHES = 3


class QueryTooExpensiveError(InvalidQueryError):
    """The query would take longer than the time budget: the user should narrow it."""


@dataclass(frozen=True)
class SearchRequest:
    """A validated search: query text, facet filters, date range, order and page."""

    q: str = ""
    organizer: tuple[str, ...] = ()
    person: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    event_type: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    accents: str = "auto"  # one of ACCENT_MODES: how the query's words match (indexer.search.query)
    facet_size: int = FACET_LIMIT  # most values listed per facet

    def __post_init__(self) -> None:
        if self.accents not in ACCENT_MODES:
            raise InvalidQueryError(f"accents must be one of {', '.join(ACCENT_MODES)}")

    def to_record(self) -> dict:
        return {
            "q": self.q, "organizer": list(self.organizer), "person": list(self.person), "source": list(self.source),
            "event_type": list(self.event_type), "date_from": self.date_from, "date_to": self.date_to,
            "sort": self.sort, "page": self.page, "per_page": self.per_page, "accents": self.accents,
            "facet_size": self.facet_size,
        }


@dataclass(frozen=True)
class Hit:
    """One search result as the API returns it."""

    id: str
    title: str
    url: str | None
    source: str | None
    date: str | None
    date_source: str | None  # "published", "text" or None (no date)
    organizers: list[dict]
    event_type: str | None
    author: str | None
    snippet: str
    score: float | None


@dataclass(frozen=True)
class SearchPage:
    """The answer to a SearchRequest: one page of hits, total, facets over all matches."""

    request: SearchRequest
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    suggestion: str | None
    took_ms: float
    pages: int = field(default=0)
    matching: str = "folded"  # how the words matched: "exact" (by spelling) or "folded"
    # For an exact match that found little: how many the query finds without diacritics.
    folded_total: int | None = None
    dropped_terms: list[str] = field(default_factory=list)  # common words a long text left out
    # For a query with quotes that found little: how many its words find without the quotes.
    unquoted_total: int | None = None


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


def run_search(handle: IndexHandle, request: SearchRequest, *, snippets: bool = True) -> SearchPage:
    """Searches, counts facets over every match (each facet ignoring its own filter), pages.

    Without `snippets` the hits carry no snippet (for exports of many rows). Raises
    InvalidQueryError (also when the query exceeds the handle's time budget) and
    IndexCorruptError when the index files cannot be read.
    """
    with damage_reported(handle.directory):
        return _run_search(handle, request, snippets)


def _run_search(handle: IndexHandle, request: SearchRequest, snippets: bool) -> SearchPage:
    started = time.perf_counter()
    searcher = handle.searcher()
    table = handle.facet_table(searcher)
    reader = searcher.reader()
    parsed = parse_with_index(request.q, request.accents, reader)
    # Built once per index generation, before the query's budget starts; a browse needs none.
    lengths = None if parsed.browse else handle.field_lengths(searcher)
    check_deadline = deadline_check(handle.time_budget_s)
    matched, scores = _matching(searcher, parsed, table, lengths, check_deadline)
    filters = filter_masks(table, request)
    final = apply_filters(matched, filters)
    total = int(final.sum())
    if lengths is not None and respell.wanted(parsed) and request.sort == "relevance" and total:
        scores = _respelled(searcher, parsed, final, scores, lengths, check_deadline)
    facets = {}
    for name in FACETS:
        among = apply_filters(matched, {k: v for k, v in filters.items() if k != _filter_of(name)})
        facets[name] = table.count(name, among, _selected(request, name), request.facet_size)
    adjacent = None
    if parsed.adjacent is not None and lengths is not None and request.sort == "relevance":
        adjacent, _ = match_and_score(searcher, parsed.adjacent, lengths, check_deadline)
    hits = _page_of_hits(searcher, parsed, request, final, scores, table, total, snippets, adjacent)
    folded_total = None
    if parsed.exact and total < FEW_EXACT_MATCHES and lengths is not None:
        folded = parse_with_index(request.q, "ignore", reader)
        folded_matched, _ = _matching(searcher, folded, table, lengths, check_deadline)
        folded_total = int(apply_filters(folded_matched, filters).sum())
    unquoted_total = None
    if '"' in parsed.quoted_text and total < FEW_EXACT_MATCHES and lengths is not None:
        unquoted = parse_with_index(parsed.quoted_text.replace('"', " "), request.accents, reader)
        unquoted_matched, _ = _matching(searcher, unquoted, table, lengths, check_deadline)
        unquoted_total = int(apply_filters(unquoted_matched, filters).sum())
    suggestion = None
    # Few matches of a query spelled as typed may be a typo's; "did you mean" checks it finds more.
    if asks_for_suggestion(parsed, total):
        suggestion = suggest(parsed.words, reader, total=total,
                             count=lambda text: _count(searcher, text, table, lengths, filters, check_deadline))
    took = (time.perf_counter() - started) * 1000
    pages = (total + request.per_page - 1) // request.per_page
    return SearchPage(request, total, hits, facets, suggestion, round(took, 2), pages,
                      matching="exact" if parsed.exact else "folded", dropped_terms=parsed.dropped,
                      folded_total=folded_total if folded_total is not None and folded_total >= 2 * total + 1 else None,
                      unquoted_total=unquoted_total if unquoted_total is not None and unquoted_total > total else None)


def parse_with_index(text: str, accents: str, reader) -> ParsedQuery:
    """The query parsed against what the index holds (which spellings exist, how common)."""
    return parse_query(text, lambda term: reader.doc_frequency("body", term) > 0, accents=accents,
                       frequency=lambda folded: reader.doc_frequency("body_folded", folded))


def asks_for_suggestion(parsed: ParsedQuery, total: int) -> bool:
    """Whether a search with `total` matches looks for a "did you mean" spelling."""
    return not parsed.browse and total < (FEW_EXACT_MATCHES if parsed.exact else FEW_MATCHES)


def _count(searcher, text: str, table: FacetTable, lengths, filters, check_deadline) -> int:
    """How many documents the words of `text`, matched by their spelling, find under the filters."""
    parsed = parse_with_index(text, "exact", searcher.reader())
    matched, _ = _matching(searcher, parsed, table, lengths, check_deadline)
    return int(apply_filters(matched, filters).sum())


def apply_filters(matched: np.ndarray, filters: dict[str, np.ndarray]) -> np.ndarray:
    """The matched documents that every filter's mask admits."""
    result = matched.copy()
    for mask in filters.values():
        result &= mask
    return result


def _respelled(searcher, parsed: ParsedQuery, final: np.ndarray, scores: np.ndarray, lengths: FieldLengths,
               check_deadline) -> np.ndarray:
    """The scores with what the spellings that the best documents shown give the query's
    unaccented words add; the first ranking stands when the time budget runs out first."""

    def texts() -> Iterator[str]:
        for docnum in best_documents(final, scores, respell.DOCUMENTS):
            check_deadline()
            record = _record(searcher.stored_fields(int(docnum)))
            yield f"{record['title']}\n{record['body']}"

    try:
        spellings = respell.restored_spellings(parsed.words, texts())
        extra = respelling_query(parsed, spellings)
        if extra is None:
            return scores
        _, extra_scores = match_and_score(searcher, extra, lengths, check_deadline)
    except QueryTooExpensiveError:
        return scores
    return scores + np.where(final, extra_scores, 0).astype(np.float32)


def best_documents(mask: np.ndarray, scores: np.ndarray, n: int, tier: np.ndarray | None = None) -> np.ndarray:
    """The numbers of the `n` best documents in `mask`, best first: a higher `tier` first, then
    a higher score, ties in index order (so that pages of one search never overlap)."""
    candidates = np.flatnonzero(mask)
    key = scores[candidates].astype(np.float64)
    if tier is not None:
        key += tier[candidates] * (float(key.max(initial=0.0)) + 1.0)
    if len(candidates) > n:  # only the best n need ordering: all that reach the n-th key
        nth = np.partition(-key, n - 1)[n - 1]
        keep = -key <= nth
        candidates, key = candidates[keep], key[keep]
    return candidates[np.lexsort((candidates, -key))][:n]


def get_document(handle: IndexHandle, doc_id: str) -> dict | None:
    """The full stored record of one document, or None."""
    searcher = handle.searcher()
    with damage_reported(handle.directory):
        fields = searcher.document(id=doc_id)
    if fields is None:
        return None
    return _record(fields)


def _record(fields: dict) -> dict:
    meta = fields.get("meta") or {}
    return {"id": fields["id"], "title": fields.get("title", ""), "body": fields.get("body", ""), **meta}


def _matching(searcher, parsed: ParsedQuery, table: FacetTable, lengths: FieldLengths | None, check_deadline
              ) -> tuple[np.ndarray, np.ndarray]:
    """The live documents the query matches, and their scores."""
    if lengths is None:  # a browse: every live document
        return table.live.copy(), np.zeros(table.size, dtype=np.float32)
    mask, scores = match_and_score(searcher, parsed.query, lengths, check_deadline)
    return mask & table.live, scores


def deadline_check(budget_s: float):
    """A function that raises QueryTooExpensiveError once this thread has spent `budget_s` of CPU.

    CPU time of the searching thread, not wall time: on a busy server a request waiting for
    a core is not the query's fault.
    """
    deadline = time.thread_time() + budget_s

    def check() -> None:
        if time.thread_time() > deadline:
            raise _too_expensive()

    return check


def _too_expensive() -> QueryTooExpensiveError:
    return QueryTooExpensiveError(
        "the query needs more time than a search may take; narrow it (fewer very common words, a phrase, or filters)"
    )


def _filter_of(facet: str) -> str:
    return "date" if facet in ("year", "month") else facet


def _selected(request: SearchRequest, facet: str) -> tuple[str, ...]:
    if facet in FILTERS:
        return getattr(request, facet)
    if facet == "year" and request.date_from and request.date_to:
        if len(request.date_from) == 4 and request.date_from == request.date_to:
            return (request.date_from,)
    if facet == "month" and request.date_from and request.date_to:
        if len(request.date_from) == 7 and request.date_from == request.date_to:
            return (request.date_from,)
    return ()


def filter_masks(table: FacetTable, request: SearchRequest) -> dict[str, np.ndarray]:
    """One mask of admitted documents per filter the request sets (dates included)."""
    masks = {}
    for name in FILTERS:
        selected = getattr(request, name)
        if selected:
            masks[name] = table.mask(name, selected)
    if request.date_from or request.date_to:
        lo = date_bounds(request.date_from)[0] if request.date_from else None
        hi = date_bounds(request.date_to)[1] if request.date_to else None
        masks["date"] = table.date_mask(lo, hi)
    return masks


def _page_of_hits(searcher, parsed, request, final, scores, table, total, snippets, adjacent) -> list[Hit]:
    offset = (request.page - 1) * request.per_page
    if offset >= total:
        return []
    wanted = offset + request.per_page
    if parsed.browse or request.sort != "relevance":
        chosen = _by_date(table, final, request.sort)[offset:wanted]
        scored: list[tuple[int, float | None]] = [(int(d), None) for d in chosen]
    else:
        chosen = best_documents(final, scores, wanted, adjacent)[offset:]
        scored = [(int(d), round(float(scores[d]), 4)) for d in chosen]
    terms = (parsed.exact_terms, parsed.folded_terms) if snippets else None
    return [hit_at(searcher, docnum, score, terms) for docnum, score in scored]


def hit_at(searcher, docnum: int, score: float | None, terms: tuple | None) -> Hit:
    """The Hit of one document, its snippet around `terms` ((exact, folded) terms; None: no snippet)."""
    record = _record(searcher.stored_fields(docnum))
    return Hit(
        id=record["id"], title=record["title"], url=record.get("url"), source=record.get("source"),
        date=record.get("date"), date_source=record.get("date_source"), organizers=record.get("organizers") or [],
        event_type=record.get("event_type"), author=record.get("author"),
        snippet=snippet(record["body"], *terms) if terms is not None else "", score=score,
    )


def ranked_documents(handle: IndexHandle, request: SearchRequest, n: int) -> tuple[Any, np.ndarray]:
    """This thread's searcher and the numbers of the first `n` documents the search would list
    (its filters, its order: by relevance, or by date for a browse or another `sort`)."""
    with damage_reported(handle.directory):
        searcher = handle.searcher()
        table = handle.facet_table(searcher)
        parsed = parse_with_index(request.q, request.accents, searcher.reader())
        lengths = None if parsed.browse else handle.field_lengths(searcher)
        matched, scores = _matching(searcher, parsed, table, lengths, deadline_check(handle.time_budget_s))
        final = apply_filters(matched, filter_masks(table, request))
        if not parsed.browse and request.sort == "relevance":
            return searcher, best_documents(final, scores, n)
        return searcher, _by_date(table, final, request.sort)[:n]


def _by_date(table: FacetTable, mask: np.ndarray, sort: str) -> np.ndarray:
    """The documents of `mask` newest first (oldest first for sort "oldest", undated last)."""
    docnums = np.flatnonzero(mask)
    keys = table.date_lo[docnums]
    return docnums[np.lexsort((docnums, -keys if sort != "oldest" else np.where(keys > 0, keys, 99999999)))]
