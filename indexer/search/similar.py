"""Similar articles: the documents that share an article's key terms, best first.

Like Elasticsearch's `more_like_this`: the article's word terms (pyvi's words and word
pairs, stored per document at index time) are weighed by tf × idf, the best QUERY_TERMS
of them that other documents hold too become one OR query on the `words` field, ranked by
BM25 as any search is, and the article itself is left out.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from whoosh import query as wq

from indexer.search.keyterms import BackgroundCounts
from indexer.search.matching import match_and_score
from indexer.search.handle import IndexHandle, deadline_check
from indexer.search.results import Hit
from indexer.search.search import best_documents, hit_at
from indexer.index.store import damage_reported
from indexer.index.wordterms import decode_counts

QUERY_TERMS = 25  # more_like_this's max_query_terms
# A hit's snippet marks the words of the article's best few terms: a pattern of all 25 terms'
# syllables takes longer to compile than the search takes.
SNIPPET_TERMS = 5
MAX_SIZE = 50
# A term in more than this share of the documents says little about one article. A topic's
# own words can be that common in a collection of one kind of news (ma tuý in 19 % of 300
# crime-heavy VietNews articles): 0.3 kept 95 % of the similar articles of drug cases on
# the topic there, 0.1 84 %.
MAX_DOCUMENT_SHARE = 0.3


@dataclass(frozen=True)
class SimilarArticles:
    """Articles like one article, best first, and the terms they were found by."""

    hits: list[Hit]
    terms: list[str]
    took_ms: float


def similar_articles(handle: IndexHandle, doc_id: str, size: int = 10) -> SimilarArticles | None:
    """The `size` documents that best share the article's key terms (never the article), or None
    when there is no document `doc_id`."""
    started = time.perf_counter()
    with damage_reported(handle.directory):
        searcher = handle.searcher()
        docnum = searcher.document_number(id=doc_id)
        if docnum is None:
            return None
        reader = searcher.reader()
        raw = reader.column_reader("word_counts")[docnum] if reader.has_column("word_counts") else b""
        terms = article_terms(decode_counts(raw), handle.derived(BackgroundCounts, searcher))
        hits: list[Hit] = []
        if terms:
            query = wq.Or([wq.Term("words", term) for term in terms])
            mask, scores = match_and_score(searcher, query, handle.field_lengths(searcher),
                                           deadline_check(handle.time_budget_s))
            mask &= handle.facet_table(searcher).live
            mask[docnum] = False
            syllables = {s for term in terms[:SNIPPET_TERMS] for s in term.split()}
            snippet_terms: tuple[set[str], set[str]] = (syllables, set())
            hits = [hit_at(searcher, int(d), round(float(scores[d]), 4), snippet_terms)
                    for d in best_documents(mask, scores, size)]
    return SimilarArticles(hits, terms, round((time.perf_counter() - started) * 1000, 2))


def article_terms(counts: dict[str, int], background: BackgroundCounts) -> list[str]:
    """The article's QUERY_TERMS best terms by tf × idf, among those other documents hold too
    and that are not in most of the collection."""
    documents = background.documents
    weighed = []
    for term, count in counts.items():
        frequency = background.of(term)
        if 2 <= frequency <= max(2, MAX_DOCUMENT_SHARE * documents):
            weighed.append((count * math.log(documents / frequency), term))
    weighed.sort(key=lambda pair: (-pair[0], pair[1]))
    return [term for _, term in weighed[:QUERY_TERMS]]

