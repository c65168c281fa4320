""""Did you mean": the query respelled with the index's own words, in proper Vietnamese."""

from __future__ import annotations

from whoosh.spelling import ReaderCorrector

from indexer.telex import decode_telex
from indexer.vietnamese import canonical_term, fold_term, has_diacritics

# Edit distance allowed between a typed (folded) syllable and a vocabulary syllable.
MAX_EDITS = 1


class Suggester:
    """Knows, for each folded syllable of the index, its most frequent accented spelling."""

    def __init__(self, reader) -> None:  # whoosh.reading.IndexReader, not kept: searchers come and go
        best: dict[str, tuple[int, str]] = {}
        if "body" in reader.schema:
            for term_bytes, info in reader.iter_field("body"):
                term = term_bytes if isinstance(term_bytes, str) else term_bytes.decode("utf-8")
                if not term.isalpha():
                    continue
                key = fold_term(term)
                if key not in best or info.doc_frequency() > best[key][0]:
                    best[key] = (info.doc_frequency(), term)
        self.accented = {key: term for key, (_, term) in best.items()}

    def suggest(self, words: list[str], reader) -> str | None:
        """The words respelled as the index writes them, or None when nothing would change."""
        if not words:
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
        if key not in self.accented:
            close = corrector.suggest(key, limit=1, maxdist=MAX_EDITS)
            key = close[0] if close else key
        return self.accented.get(key, exact)
