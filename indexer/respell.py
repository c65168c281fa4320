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

from indexer.vietnamese import canonical_term, fold_term

# How many of the best documents are read, and how much more a use next to a query
# neighbour counts than one alone.
DOCUMENTS = 10
NEIGHBOUR_WEIGHT = 10.0
# The start of a long document is enough to see how it spells the query's words, and bounds the cost.
READ_CHARS = 20_000
_WORD = re.compile(r"[^\W_]+")  # the syllables of indexer.tokens, without the whole keys


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
        texts = _WORD.findall(body[:READ_CHARS])
        folded_texts = [fold_term(t) for t in texts]
        for j, folded in enumerate(folded_texts):
            for i in places.get(folded, ()):
                neighbours = (i > 0 and j > 0 and folded_texts[j - 1] == query[i - 1]) + (
                    i + 1 < len(query) and j + 1 < len(texts) and folded_texts[j + 1] == query[i + 1])
                votes[folded][canonical_term(texts[j])] += (1 + NEIGHBOUR_WEIGHT * neighbours) / rank
    return {folded: max(counts, key=counts.__getitem__) for folded, counts in votes.items()}
