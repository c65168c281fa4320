"""Key terms of a result set: the words that set its best hits apart from the whole collection.

As Elasticsearch's `significant_text` aggregation does: the foreground is a sample of the
best hits (up to SAMPLE_SIZE, in the search's own order), the background the whole index.
A term's foreground count is the number of sampled documents holding it (read from their
`word_counts` column), its background count the number of documents of the index holding
it (the `words` field's document frequency); both were segmented with pyvi at index time,
so nothing here runs pyvi. Each term is scored with JLH (Elasticsearch's default):
(fg% - bg%) × fg% / bg%, which favours terms much more common in the sample than
elsewhere without letting very rare ones win on a single document.
"""

from __future__ import annotations

import threading
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass, replace

from indexer.index.store import damage_reported
from indexer.index.wordterms import decode_terms
from indexer.search.handle import IndexHandle
from indexer.search.results import SearchRequest
from indexer.search.search import ranked_documents

SAMPLE_SIZE = 200  # best hits whose terms are counted (Elasticsearch's sampler default is 100)
MIN_COUNT = 3  # a term in fewer sampled documents is no key term (significant_text's min_doc_count)
MAX_SIZE = 100
RECENT = 256  # searches whose key terms each index generation keeps (paging a result recomputes none)


@dataclass(frozen=True)
class KeyTerm:
    """A term with its count in the sample, in the whole index, and its JLH score."""

    term: str
    count: int
    background: int
    score: float


@dataclass(frozen=True)
class KeyTerms:
    """The key terms of a search, best first, and the number of hits they were drawn from."""

    terms: list[KeyTerm]
    sample: int
    took_ms: float


class BackgroundCounts:
    """Document frequencies of word terms in one index generation, each asked of Whoosh once.

    Reading a term's frequency sums it over the segments (tens of microseconds); a result
    set has a few thousand candidate terms, and the same ones recur from search to search.
    """

    def __init__(self, reader) -> None:  # whoosh.reading.IndexReader
        self.reader = reader
        self.documents = reader.doc_count()
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def of(self, term: str) -> int:
        found = self._counts.get(term)
        if found is None:
            with self._lock:
                found = self._counts[term] = self.reader.doc_frequency("words", term)
        return found


def jlh(count: int, sample: int, background: int, documents: int) -> float:
    """Elasticsearch's JLH score of a term in `count` of `sample` documents and `background` of `documents`."""
    if not sample or not documents:
        return 0.0
    foreground = count / sample
    overall = max(background, 1) / documents
    if foreground <= overall:
        return 0.0
    return (foreground - overall) * (foreground / overall)


def key_terms(handle: IndexHandle, request: SearchRequest, size: int = 20, sample_size: int = SAMPLE_SIZE) -> KeyTerms:
    """The `size` terms that best distinguish the search's first `sample_size` hits from the index.

    A term and another containing it with the same count (a word only ever seen in one
    phrase) are shown once, as the better scored of the two.
    """
    started = time.perf_counter()
    with damage_reported(handle.directory):
        current = handle.searcher()
        recent = handle.derived(RecentKeyTerms, current)
    # The page, its length and the facets' size do not change which hits are sampled.
    key = (replace(request, page=1, per_page=1, facet_size=1), size, sample_size)
    found = recent.get(key)
    if found is None:
        searcher, docnums = ranked_documents(handle, request, sample_size)
        with damage_reported(handle.directory):
            counts = sample_counts(searcher.reader(), docnums)
            background = handle.derived(BackgroundCounts, searcher)
        found = KeyTerms(_best(counts, len(docnums), background, size), len(docnums), 0.0)
        if searcher.reader().generation() == current.reader().generation():  # no refresh in between
            recent.put(key, found)
    return replace(found, took_ms=round((time.perf_counter() - started) * 1000, 2))


class RecentKeyTerms:
    """The key terms of the last RECENT searches of one index generation, shared by threads."""

    def __init__(self, reader) -> None:  # whoosh.reading.IndexReader; a new generation starts empty
        self._found: OrderedDict[tuple, KeyTerms] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> KeyTerms | None:
        with self._lock:
            found = self._found.get(key)
            if found is not None:
                self._found.move_to_end(key)
            return found

    def put(self, key: tuple, found: KeyTerms) -> None:
        with self._lock:
            self._found[key] = found
            while len(self._found) > RECENT:
                self._found.popitem(last=False)


def _best(counts: Counter[str], sample: int, background: BackgroundCounts, size: int) -> list[KeyTerm]:
    """The best-scored terms of the sample, a term within another of the same count left out.

    A term's score is highest when no document outside the sample holds it, and that bound
    grows with its count: terms are weighed most frequent first, and once the bound of a
    count falls below the score the list must beat, no less frequent term can enter it, so
    only a few hundred of the sample's thousands of terms are looked up in the index.
    """
    least = min(MIN_COUNT, sample)
    kept: list[KeyTerm] = []
    # Room for the terms that a longer one of the same count will push out.
    room = 2 * size
    for term, count in sorted(counts.items(), key=lambda pair: -pair[1]):
        if count < least:
            break
        if len(kept) >= room and jlh(count, sample, count, background.documents) <= kept[room - 1].score:
            break
        # The index holds the sample: a background below the count is a deleted document.
        total = max(background.of(term), count)
        score = jlh(count, sample, total, background.documents)
        if score > 0 and (len(kept) < room or score > kept[room - 1].score):
            kept.append(KeyTerm(term, count, total, round(score, 4)))
            kept.sort(key=lambda t: (-t.score, -t.count, t.term))
            del kept[room:]
    chosen: list[KeyTerm] = []
    for candidate in kept:
        if len(chosen) == size:
            break
        if not any(_one_within_other(candidate, other) for other in chosen):
            chosen.append(candidate)
    return chosen


def sample_counts(reader, docnums) -> Counter[str]:
    """In how many of the documents each word term occurs."""
    column = reader.column_reader("word_counts") if reader.has_column("word_counts") else None
    counts: Counter[str] = Counter()
    if column is None:
        return counts
    for docnum in docnums:
        counts.update(decode_terms(column[int(docnum)]))
    return counts


def _one_within_other(a: KeyTerm, b: KeyTerm) -> bool:
    """Whether one term's words are a run of the other's and both are in the same documents."""
    if a.count != b.count:
        return False
    short, long = sorted((a.term, b.term), key=len)
    return f" {short} " in f" {long} "
