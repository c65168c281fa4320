"""Events still to come: a body that "sẽ tổ chức" (will hold) an event has held none the article
reports.

The labelling conventions give no organizer for an event still to come ("TP Hà Nội sẽ tổ chức bắn
pháo hoa": a plan; docs/labelling-brief.md, the tune rows), while the organizing rules read their
subject through the words between a body and its verb, "sẽ", "sắp", "dự kiến" among them. This
tells those words apart.
"""

from __future__ import annotations

from indexer.ingest.extraction.clauses import phrase_at, skip_back
from indexer.ingest.extraction.role_words import ADVERBS
from indexer.ingest.extraction.text import PhraseSet, Token, keys_of

# The words of the future among the adverbs a subject may stand before its verb with.
FUTURE = PhraseSet([keys_of(w) for w in ("sẽ", "sắp", "dự kiến")])


def still_to_come(tokens: list[Token], verb: int, first: int) -> bool:
    """Whether the adverbs right before the verb at `verb` put it in the future: "Bộ X sẽ tổ chức",
    "TAND tỉnh dự kiến xét xử", "Quốc hội sẽ thảo luận", "Hội Y cho biết sẽ tổ chức"."""
    start = skip_back(tokens, verb, first, ADVERBS)
    return any(phrase_at(tokens, k, FUTURE) and tokens[k].text.islower() for k in range(start, verb))
