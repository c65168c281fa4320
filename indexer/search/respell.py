"""The diacritics of an unaccented query, read back from the documents it finds best.

`mui thom` is "mùi thơm" or "mũi thơm"; the folded index finds both and cannot tell which the
user meant. The best-ranked documents usually can: where they have the query's syllables,
above all next to the query's own neighbours ("mùi thơm" beside each other), they spell
them as the user would have. The search then adds those spellings as exact terms, so the
documents that use the meant words rank above those that only share their letters.
Unlike a syllable's most frequent spelling in the whole index (measured and dropped:
docs/relevance.md), this reads each word in the context the query gives it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from indexer.search.snippets import word_spans
from indexer.search.query import ParsedQuery
from indexer.search.ranking import NEIGHBOUR_WEIGHT
from indexer.text.vietnamese import canonical_term, fold_term, nfc

# How many of the best documents are read (how much more a use next to a query neighbour
# counts than one alone: ranking.NEIGHBOUR_WEIGHT).
DOCUMENTS = 10
# The start of a long document is enough to see how it spells the query's words, and bounds the cost.
READ_CHARS = 20_000
_WORD = re.compile(r"[^\W_]")


def wanted(parsed: ParsedQuery) -> bool:
    """Whether a query is respelled: unaccented running text (indexer.search.query: more than 4 words,
    no operators), which is what it was measured on.

    In questions and headlines documents match on different subsets of the words, and the
    spelling tells the meant ones from look-alikes (docs/relevance.md). A short query requires
    every word and its pairs already rank adjacent ones: the 17 short queries of the relevance
    sets rank the same either way, so they are not charged the extra reads.
    """
    return DOCUMENTS > 0 and bool(parsed.respellable)


def restored_spellings(words: list[str], bodies: Iterable[str]) -> dict[str, str]:
    """folded syllable → its most likely exact spelling, from `bodies` in rank order.

    Each use of a query syllable in a body votes for its spelling, weighted by the body's
    rank (1/rank) and by how many of the syllable's query neighbours stand next to it there.
    """
    query = [fold_term(w) for w in words if w.isalnum()]
    places = defaultdict(list)  # folded syllable → its positions in the query
    for i, folded in enumerate(query):
        places[folded].append(i)
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for rank, body in enumerate(bodies, start=1):
        text = nfc(body[:READ_CHARS])
        uses = [_Use(text[a:b], fold_term(text[a:b]), a, b) for a, b in word_spans(text, frozenset(places))]
        uses = [use for use in uses if use.folded in places]
        for k, use in enumerate(uses):
            before = uses[k - 1].folded if k and _adjacent(text, uses[k - 1], use) else None
            after = uses[k + 1].folded if k + 1 < len(uses) and _adjacent(text, use, uses[k + 1]) else None
            for i in places[use.folded]:
                neighbours = (i > 0 and before == query[i - 1]) + (i + 1 < len(query) and after == query[i + 1])
                votes[use.folded][canonical_term(use.text)] += (1 + NEIGHBOUR_WEIGHT * neighbours) / rank
    return {folded: max(counts, key=counts.__getitem__) for folded, counts in votes.items()}


class _Use(NamedTuple):
    """One place where a body has a query syllable."""

    text: str
    folded: str
    start: int
    end: int


def _adjacent(text: str, first: _Use, second: _Use) -> bool:
    """Whether nothing but spaces and punctuation stands between two uses."""
    return _WORD.search(text, first.end, second.start) is None
