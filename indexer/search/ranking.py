"""The ranking constants in one place: BM25F's parameters, the boosts of the query's term
kinds, the respelling vote, and (set when the index is built) the title's field boost.

Each was chosen by the relevance benchmark; docs/relevance.md has the figures behind them.
"""

from __future__ import annotations

from indexer.index.schema import TITLE_BOOST  # noqa: F401  (a field boost: changing it needs a rebuild)

B, K1 = 0.75, 1.6  # K1 1.6 over Whoosh's 1.2: +0.002 nDCG@10 on both dev sets (docs/relevance.md)
# A syllable's exact spelling, when the query is typed with diacritics (beside its folded form).
EXACT_BOOST = 1.0
# An unaccented syllable's spelling read from the best documents (indexer.search.respell) is a guess.
RESTORED_BOOST = 0.5
# The optional term of two adjacent syllables (the `compounds` field).
COMPOUND_BOOST = 1.0
# In respelling, a spelling's vote from a document where it stands beside the query's other words.
NEIGHBOUR_WEIGHT = 10.0
