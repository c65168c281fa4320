"""The recursive parser of the query language (see indexer.search.query): words, phrases,
operators, groups and fields into Whoosh queries, with abbreviations expanded both ways."""

from __future__ import annotations

import re

from whoosh import query as wq

from indexer.ingest.extraction.names import name_key
from indexer.search.query_abbreviations import expand_abbreviations
from indexer.search.query_model import (CONJUNCTION_MAX_WORDS, KEYWORD_FIELDS, MAX_DEPTH, MAX_TERMS,
                                        TEXT_FIELD_PAIRS, InvalidQueryError, QueryContext, any_of, checked_query,
                                        field_prefix, is_exclusion, spelled_as_typed)
from indexer.search.ranking import COMPOUND_BOOST, EXACT_BOOST
from indexer.text.lexicons import function_words
from indexer.text.telex import decode_telex
from indexer.text.tokens import CLAUSE_BREAKS, syllables, word_pairs
from indexer.text.vietnamese import canonical, canonical_term, fold, fold_term

# Punctuation that ends a clause inside a quoted text, when it touches a space or an end
# (so that 13/2023/NĐ-CP and 1.000 stay whole).
_BREAK = "[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]+"
_CLAUSE_PUNCTUATION = re.compile(rf"{_BREAK}(?=\s|$)|(?:^|(?<=\s)){_BREAK}")
class Parser:
    """Recursive descent: or_expr := and_expr (OR and_expr)*; and_expr := unary+ ; unary := [-+NOT] atom."""

    def __init__(self, tokens: list[tuple[str, str]], context: QueryContext) -> None:
        self.tokens = tokens
        self.at = 0
        self.context = context
        self.depth = 0

    def parse(self) -> wq.Query:
        result = self._or_expr()
        if self.at < len(self.tokens):
            raise InvalidQueryError("the query has an unbalanced closing parenthesis")
        return checked_query(result, self.context)

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _or_expr(self) -> wq.Query:
        parts = [self._and_expr()]
        while self._peek() == ("word", "OR"):
            self.at += 1
            parts.append(self._and_expr())
        parts = [p for p in parts if p is not wq.NullQuery]
        return parts[0] if len(parts) == 1 else wq.Or(parts) if parts else wq.NullQuery

    def _and_expr(self) -> wq.Query:
        required: list[wq.Query] = []
        excluded: list[wq.Query] = []
        words: list[str] = []
        if self.context.running_text:
            return self._running_text()
        while (token := self._peek()) is not None and token != ("close", ")") and token != ("word", "OR"):
            kind, value = token
            if kind == "exclude":
                self.at += 1
                excluded.append(self._atom())
                continue
            if (kind, value) == ("word", "AND"):
                self.at += 1
                if words:
                    required.append(self._word_run(words))
                    words = []
                continue
            negate = value == "NOT" or (kind == "word" and is_exclusion(value))
            plain = kind == "word" and not negate and not field_prefix(value) and value != "NOT"
            if plain:
                self.at += 1
                words.append(value[1:] if value.startswith("+") and len(value) > 1 else value)
                continue
            if words:
                required.append(self._word_run(words))
                words = []
            if value == "NOT":
                self.at += 1
                excluded.append(self._atom())
            elif negate:
                self.tokens[self.at] = ("word", value[1:])
                excluded.append(self._atom())
            else:
                required.append(self._atom())
        if words:
            required.append(self._word_run(words))
        required = [q for q in required if q is not wq.NullQuery]
        excluded = [q for q in excluded if q is not wq.NullQuery]
        if not required and not excluded:
            return wq.NullQuery
        positive = required[0] if len(required) == 1 else wq.And(required) if required else wq.Every()
        return wq.AndNot(positive, wq.Or(excluded)) if excluded else positive

    def _running_text(self) -> wq.Query:
        """A question or a pasted text: its quoted parts are required phrases, its words rank
        (the most informative of them, up to the context's bound)."""
        phrases = [self._phrase(value, TEXT_FIELD_PAIRS.values()) for kind, value in self.tokens if kind == "phrase"]
        phrases = [q for q in phrases if q is not wq.NullQuery]
        words = self._informative([value for kind, value in self.tokens if kind == "plain"])
        self.at = len(self.tokens)
        ranked = self._word_run(words) if words else wq.NullQuery
        if not phrases:
            return ranked
        required = phrases[0] if len(phrases) == 1 else wq.And(phrases)
        return required if ranked is wq.NullQuery else wq.AndMaybe(required, ranked)

    def _informative(self, words: list[str]) -> list[str]:
        """The words, without the commonest syllables past the bound (in their order; the
        left-out ones noted in the parsed query)."""
        units = self._units(words)
        distinct = list(dict.fromkeys(fold_term(u) for u in units))
        most = self.context.max_running_words
        if len(distinct) <= most:
            return units
        frequency = {u: self.context.frequency(u) for u in distinct}
        # The rarest words the index has decide the ranking; words it lacks match nothing.
        kept = set(sorted(distinct, key=lambda u: (frequency[u] == 0, frequency[u], distinct.index(u)))[:most])
        typed: dict[str, str] = {}
        for unit in units:
            typed.setdefault(fold_term(unit), unit)
        self.context.parsed.dropped = [typed[u] for u in distinct if u not in kept]
        return [u for u in units if fold_term(u) in kept]

    def _atom(self) -> wq.Query:
        if self.at >= len(self.tokens):
            raise InvalidQueryError("the query ends with NOT; say after it what to leave out")
        kind, value = self.tokens[self.at]
        self.at += 1
        if kind == "open":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise InvalidQueryError(f"the query nests parentheses deeper than {MAX_DEPTH}")
            inner = self._or_expr()
            if self._peek() != ("close", ")"):
                raise InvalidQueryError("the query has an unbalanced opening parenthesis")
            self.at += 1
            self.depth -= 1
            return inner
        if kind == "close":
            raise InvalidQueryError("the query has an unbalanced closing parenthesis")
        if kind == "phrase":
            return self._phrase(value, TEXT_FIELD_PAIRS.values())
        prefix = field_prefix(value)
        if prefix:
            rest = value[len(prefix) + 1 :]
            following = self._peek()
            if not rest and following is not None and following[0] == "phrase":
                rest = '"' + self.tokens[self.at][1] + '"'
                self.at += 1
            return self._field(prefix, rest)
        return self._word_run([value])

    def _field(self, name: str, value: str) -> wq.Query:
        phrase = value.startswith('"') and value.endswith('"') and len(value) >= 2
        text = value.strip('"')
        if name in TEXT_FIELD_PAIRS:
            pairs = [TEXT_FIELD_PAIRS[name]]
            return self._phrase(text, pairs) if phrase else self._word_run(text.split(), pairs)
        self._count(1)
        key = name_key(text) if name in ("organizer", "organizers") else fold(text).strip()
        if name in ("person", "people") and spelled_as_typed(text, self.context.accents):
            key = canonical(text).strip()  # the index keeps each name folded and as spelled
        if name == "author":
            return self._phrase(text, [(None, "author")])
        return wq.Term(KEYWORD_FIELDS[name], text if name == "id" else key)

    def _count(self, n: int) -> None:
        self.context.terms += n
        if self.context.terms > MAX_TERMS:
            raise InvalidQueryError(f"the query has more than {MAX_TERMS} terms")

    def _units(self, words: list[str]) -> list[str]:
        """The searchable units of some words: syllables, with document numbers kept whole."""
        units: list[str] = []
        for word in words:
            key_end = -1
            for syllable in syllables(word):
                if syllable.start < key_end:
                    continue  # a part of the key just taken whole
                if any(c in "/-.," for c in syllable.text):  # a key: it follows its own first part
                    units.pop()
                    key_end = syllable.end
                units.append(syllable.text)
        return units

    def _word_run(self, words: list[str], pairs=None) -> wq.Query:
        """Adjacent plain words: every syllable must match (short queries) or count (long ones)."""
        pairs = list(pairs or TEXT_FIELD_PAIRS.values())
        units = self._units(words)
        if not units:
            return wq.NullQuery
        if not self.context.running_text:
            self._count(len(units))
        else:
            self.context.terms += len(units)
        self.context.parsed.words.extend(units)
        folded = [fold_term(u) for u in units]
        long_query = len(units) > CONJUNCTION_MAX_WORDS
        optional = [] if long_query else [u for u in units if self._is_function_word(u)]
        if len(optional) == len(units):
            optional = []  # a query of function words only still needs them
        required = [u for u in units if u not in optional]
        clauses = expand_abbreviations(required, lambda u: self._syllable(u, pairs), self._sequence(pairs),
                                        self.context.exact)
        boosts = [wq.Term("compounds", pair, boost=COMPOUND_BOOST) for pair in word_pairs(folded)]
        boosts += [self._syllable(u, pairs) for u in optional]
        if long_query:
            return wq.Or(clauses + boosts)
        core = clauses[0] if len(clauses) == 1 else wq.And(clauses)
        return wq.AndMaybe(core, wq.Or(boosts)) if boosts else core

    def _is_function_word(self, unit: str) -> bool:
        exact_words, folded_words = function_words()
        if self.context.accented:
            return canonical_term(unit) in exact_words
        return fold_term(unit) in folded_words

    def _sequence(self, pairs):
        def every(units: list[str]) -> wq.Query:
            return wq.And([self._syllable(u, pairs) for u in units])
        return every

    def _syllable(self, unit: str, pairs) -> wq.Query:
        parsed = self.context.parsed
        exact, folded = canonical_term(unit), fold_term(unit)
        folded_terms: list[wq.Query] = [wq.Term(folded_field, folded) for _, folded_field in pairs]
        exact_terms: list[wq.Query] = []
        if self.context.accented:
            exact_terms = [wq.Term(exact_field, exact, boost=EXACT_BOOST) for exact_field, _ in pairs if exact_field]
            parsed.exact_terms.add(exact)
        if self.context.exact and exact_terms:
            # Matched by its spelling; its folded terms still score, as in a folded match.
            return wq.AndMaybe(any_of(exact_terms), any_of(folded_terms))
        parsed.folded_terms.add(folded)
        alternatives = folded_terms + exact_terms
        telex = None if self.context.accented else decode_telex(unit)
        exact_fields = tuple(exact_field for exact_field, _ in pairs if exact_field)
        if self.context.running_text and not (self.context.accented or telex) and exact_fields:
            parsed.respellable.append((folded, exact_fields))
        if telex and self.context.known_word(telex):
            parsed.exact_terms.add(telex)
            parsed.folded_terms.add(fold_term(telex))
            for exact_field, folded_field in pairs:
                if exact_field:
                    alternatives.append(wq.Term(exact_field, telex, boost=EXACT_BOOST))
                alternatives.append(wq.Term(folded_field, fold_term(telex)))
        return any_of(alternatives)

    def _phrase(self, text: str, pairs) -> wq.Query:
        """A quoted text: each of its clauses word for word ("Hoàng Sa, Trường Sa" is two), as
        the index keeps no adjacency across clause punctuation."""
        clauses = [self._clause_phrase(part, pairs) for part in _CLAUSE_PUNCTUATION.split(text) if part.strip()]
        clauses = [clause for clause in clauses if clause is not wq.NullQuery]
        if not clauses:
            return wq.NullQuery
        return clauses[0] if len(clauses) == 1 else wq.And(clauses)

    def _clause_phrase(self, text: str, pairs) -> wq.Query:
        units = self._units(text.split())
        if not units:
            return wq.NullQuery
        self.context.terms += len(units)
        if len(units) == 1:
            return self._syllable(units[0], list(pairs))
        parsed = self.context.parsed
        parsed.words.extend(units)
        exact = [canonical_term(u) for u in units]
        exact_fields = [exact_field for exact_field, _ in pairs if exact_field]
        if self.context.exact and exact_fields:
            parsed.exact_terms.update(exact)
            return any_of([wq.Phrase(f, exact) for f in exact_fields])
        folded = [fold_term(u) for u in units]
        parsed.folded_terms.update(folded)
        matched = any_of([wq.Phrase(folded_field, folded) for _, folded_field in pairs])
        if not (self.context.accented and exact_fields):
            return matched
        # Matched folded (accents ignored): the exact spelling of its words ranks.
        parsed.exact_terms.update(exact)
        boosts = [wq.Term(f, term, boost=EXACT_BOOST) for f in exact_fields for term in exact]
        return wq.AndMaybe(matched, wq.Or(boosts))
