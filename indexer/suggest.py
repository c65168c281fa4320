""""Did you mean": the query respelled with the index's own words, in proper Vietnamese."""

from __future__ import annotations

from whoosh.spelling import ReaderCorrector

from indexer.telex import decode_telex
from indexer.vietnamese import canonical_term, fold_term, has_diacritics

# Edit distance allowed between a typed (folded) syllable and a vocabulary syllable.
MAX_EDITS = 1
# A Vietnamese syllable has at most 7 letters; longer tokens (numbers, names, junk) are not
# respelled, which also keeps the edit-distance search cheap.
MAX_CORRECTED_LENGTH = 10
MAX_CORRECTED_WORDS = 12


class Suggester:
    """Knows, for each folded syllable of the index, its accented spellings in the index."""

    def __init__(self, reader) -> None:  # whoosh.reading.IndexReader, not kept: searchers come and go
        # Only the terms are listed here (reading each term's statistics would take seconds
        # at 100k documents); the most frequent spelling is chosen for the few words asked.
        self.spellings: dict[str, list[str]] = {}
        if "body" in reader.schema:
            for term in reader.lexicon("body"):
                text = term if isinstance(term, str) else term.decode("utf-8")
                if text.isalpha():
                    self.spellings.setdefault(fold_term(text), []).append(text)

    def suggest(self, words: list[str], reader) -> str | None:
        """The words respelled as the index writes them, or None when nothing would change."""
        if not words or len(words) > MAX_CORRECTED_WORDS:
            return None
        corrector = ReaderCorrector(reader, "body_folded", reader.schema["body_folded"])
        respelled = [self._respell(word, reader, corrector) for word in words]
        suggestion = " ".join(respelled)
        typed = " ".join(canonical_term(w) for w in words)
        return suggestion if suggestion != typed else None

    def _respell(self, word: str, reader, corrector) -> str:
        """A word as the index writes it: kept when known, decoded from Telex, or corrected."""
        exact = canonical_term(word)
        if has_diacritics(word) and reader.doc_frequency("body", exact) > 0:
            return exact
        telex = decode_telex(word)
        if telex and reader.doc_frequency("body", telex) > 0:
            return telex
        key = fold_term(word)
        if key not in self.spellings and len(key) <= MAX_CORRECTED_LENGTH:
            close = corrector.suggest(key, limit=1, maxdist=MAX_EDITS)
            key = close[0] if close else key
        spellings = self.spellings.get(key)
        if not spellings:
            return exact
        return max(spellings, key=lambda term: reader.doc_frequency("body", term))
