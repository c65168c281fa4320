"""Running a search: the one function behind the page, the JSON API, the CSV, the feed and the CLI."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import numpy as np

from indexer.index.store import damage_reported
from indexer.search import respell
from indexer.search.facets import FACETS, FacetTable, date_bounds
from indexer.search.handle import IndexHandle, QueryTooExpensiveError, deadline_check
from indexer.search.matching import FieldLengths, match_and_score
from indexer.search.query import ParsedQuery, parse_query, respelling_query
from indexer.search.results import FILTERS, Hit, SearchPage, SearchRequest
from indexer.search.snippets import Snippet, snippet
from indexer.search.suggest import suggest

# An accented query that finds fewer than this is also counted without diacritics, and the
# answer offers that reading when it finds at least twice as many.
FEW_EXACT_MATCHES = 10
# A query finding fewer than this (FEW_EXACT_MATCHES when matched by its spelling) may be a
# typo's: "did you mean" looks for a spelling that finds more.
FEW_MATCHES = 3


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
        facets[name] = table.count(name, among, _selected(request, name), request.facet_size, request.accents)
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
            masks[name] = table.mask(name, selected, request.accents)
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
        snippet=snippet(record["body"], *terms) if terms is not None else Snippet(), score=score,
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
