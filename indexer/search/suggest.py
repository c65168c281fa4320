""""Did you mean": the query respelled as words the index has, side by side, finding more.

A suggestion is chosen as a whole, not syllable by syllable: "công nghệ thông tin" and not
"công nghệ thông tỉnh", though tin and tỉnh are both syllables of the index. A noisy-channel
model (how likely the words are × how likely the user typed them so), in two steps:

1. Which syllables (folded keys). Each typed syllable has a few candidate keys: its own,
   its Telex reading, its spelling with a doubled letter undone or two letters swapped,
   and, for a syllable that is unknown or stands apart from its neighbours, every key one
   edit away (a letter missing or extra, a neighbouring key, a letter Vietnamese spelling
   confuses). Each but its own costs the slip that would have turned it into what was
   typed, and more if it drops the marks typed. A beam search over positions scores whole
   sequences by how often adjacent keys stand next to each other in the index (a bigram
   model over the folded pairs of the `compounds` field).
2. How to spell them. Folded pairs do not tell "tham nhũng" from "tham những": for the best
   sequences, a few documents with each pair (spread over the index) are read, and the
   sequence takes the spelling they give its pairs (those read for the neighbouring pairs
   count more), unless the user's own spelling is one they use. A mark the user typed
   and the spelling changes costs as a slip does, so "Đà Nẵn" becomes "Đà Nẵng", not "đã nhận".

The best sequence is proposed only if it reads differently from what was typed, every pair
of adjacent syllables it changes stands side by side somewhere in the index, and it finds
more than the query did; when it does not find more, the next ones are tried if nearly as
likely (at most CHECKED).

Cost: the index is asked a bounded number of terms (a few per syllable, a few dozen for a
suspect one, a few pairs per position) and SPELLING_DOCUMENTS stored documents are read per
pair of the best sequences. Nothing lists the vocabulary: at 100k documents that took 3 s,
and Whoosh's own corrector (terms within an edit distance) took 0.6 s a word at 20k.
"""

from __future__ import annotations

from collections.abc import Callable

from indexer.search.suggest_candidates import all_options, best_sequences, side_by_side
from indexer.search.suggest_model import CHECKED, MAX_CORRECTED_WORDS, NEAR_TIE, RESPELLED, SuggestionIndex
from indexer.search.suggest_spelling import cased_like, fallback, rescored, spell_sequence
from indexer.text.vietnamese import canonical, fold_term, has_diacritics


def suggest(words: list[str], reader, total: int = 0, count: Callable[[str], int] | None = None) -> str | None:
    """The query respelled as adjacent words of the index, or None when nothing likelier finds more.

    `words` are the syllables typed, in order; `reader` the index reader; `total` how many
    documents the query found; `count(text)` how many a query text finds matched by its
    exact spelling (a real search: called at most CHECKED times). A suggestion is returned
    only if `count(suggestion) > total`. Both are optional so that the older call
    `suggest(words, reader)` still works: without `count` the check is skipped.
    """
    if not words or len(words) > MAX_CORRECTED_WORDS:
        return None
    index = SuggestionIndex(reader)
    options = all_options(words, index)
    typed_keys = tuple(fold_term(w) for w in words)
    typed_text = canonical(" ".join(words))
    marked = [has_diacritics(w) for w in words]
    sequences = best_sequences(options, index)
    if sequences[0][1] == typed_keys and not any(marked):
        return None  # diacritics alone never find more than an unaccented query, matched folded
    if any(marked):
        sequences = rescored(sequences[:RESPELLED], options, marked, index)
    best = sequences[0][0]
    for score, keys in sequences[:CHECKED]:
        if score < best - NEAR_TIE:
            break  # a much less likely reading is no suggestion because it finds more
        spellings, _ = spell_sequence(keys, options, marked, index)
        spelled = [fallback(s, k, index) for s, k in zip(spellings, keys)]
        text = " ".join(cased_like(w, s) for w, s in zip(words, spelled))
        if canonical(text) == typed_text:
            return None  # what was typed reads best
        if not side_by_side(words, keys, spelled, index):
            continue
        if count is None or count(text) > total:
            return text
    return None
