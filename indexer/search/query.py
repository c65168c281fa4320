"""Turning what a user typed into a Whoosh query that finds what they meant.

Whoosh's QueryParser splits on spaces before analysis, which breaks multi-syllable words,
so the query language is parsed here: words, "phrases" (straight or curly quotes),
AND / OR / NOT, -word, +word, (groups) and field:value. Each syllable matches its folded
form (recall without diacritics) and, when the user typed diacritics, its exact form too
(ranking). Adjacent syllables add optional compound terms; abbreviations expand both ways;
Telex-typed words add their decoded syllable; the unaccented syllables of a query are listed
so that the spellings its best documents give them can add to the ranking (indexer.search.respell).

How words match follows how they were typed (`accents`): a query with any diacritic matches
each word by its spelling (`exact`: the canonical form, so NFC/NFD, case, hoà/hòa and kĩ/kỹ
are one spelling, and nothing else is), a query without any matches folded (`thăm`, `thâm`
and `tham` alike); `ignore` matches folded whatever was typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from whoosh import query as wq

from indexer.ingest.extraction.names import name_key
from indexer.text.telex import decode_telex
from indexer.text.tokens import CLAUSE_BREAKS, syllables, word_pairs
from indexer.text.vietnamese import canonical_term, fold, fold_term, has_diacritics, nfc

MAX_QUERY_CHARS = 1000
# Words outside quotes in a query with operators; running text keeps its most informative
# RUNNING_TEXT_MAX_WORDS instead of being refused, and a phrase is bounded by the length alone.
MAX_TERMS = 64
RUNNING_TEXT_MAX_WORDS = 48
# Each typed syllable becomes several index terms (folded and exact, title and body,
# compounds, Telex); this bounds what one query reads besides its phrases.
MAX_INDEX_TERMS = 256
ACCENT_MODES = ("auto", "exact", "ignore")
MAX_DEPTH = 8
# Up to this many words the query is a conjunction (every word must match); longer ones,
# typically questions or pasted titles, are scored as a disjunction, as BM25 intends.
CONJUNCTION_MAX_WORDS = 4
EXACT_BOOST = 1.0
# An unaccented syllable's spelling read from the best documents (indexer.search.respell) is a guess.
RESTORED_BOOST = 0.5
COMPOUND_BOOST = 1.0

TEXT_FIELD_PAIRS = {"title": ("title", "title_folded"), "body": ("body", "body_folded")}
KEYWORD_FIELDS = {"source": "source", "event_type": "event_type", "organizer": "organizer",
                  "organizers": "organizer", "person": "person", "people": "person", "author": "author", "id": "id"}
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"'})
# Punctuation that ends a clause inside a quoted text, when it touches a space or an end
# (so that 13/2023/NĐ-CP and 1.000 stay whole).
_BREAK = "[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]+"
_CLAUSE_PUNCTUATION = re.compile(rf"{_BREAK}(?=\s|$)|(?:^|(?<=\s)){_BREAK}")
# A dash right before a quote or a parenthesis leaves out what follows: -"Nghệ An", -(a OR b).
_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"|(?P<exclude>-(?=["(]))|(?P<open>\()|(?P<close>\))|(?P<word>[^\s()"]+)')
_ABBREVIATIONS_FILE = Path(__file__).parent.parent / "text" / "data" / "abbreviations.tsv"
_FUNCTION_WORDS_FILE = Path(__file__).parent.parent / "text" / "data" / "function_words.txt"
_OPERATORS = {"AND", "OR", "NOT"}


class InvalidQueryError(ValueError):
    """The query cannot be searched; the message says why in words a user understands."""


@dataclass
class ParsedQuery:
    """A Whoosh query plus the terms that highlighting and suggestions need."""

    query: wq.Query
    exact_terms: set[str] = field(default_factory=set)
    folded_terms: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)  # the plain syllables typed, in order
    browse: bool = False  # no query text: every document the filters admit
    exact: bool = False  # words matched by their spelling, not folded
    # Running text over RUNNING_TEXT_MAX_WORDS: the commonest syllables left out of the query.
    dropped: list[str] = field(default_factory=list)
    # A short query's words side by side (its pairs): ranked above the same words scattered.
    adjacent: wq.Query | None = None
    quoted_text: str = ""  # the query as parsed, its quotes straight
    # Each syllable of an unaccented running text (below) with the exact fields it ranks on:
    # where respelling (indexer.search.respell) may add the spelling the best documents give it.
    respellable: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


@dataclass
class _Context:
    accented: bool  # the query's exact spellings take part (typed with diacritics, or exact)
    exact: bool  # ... and its words match only by them
    known_word: Callable[[str], bool]
    frequency: Callable[[str], int]
    parsed: ParsedQuery
    running_text: bool
    max_running_words: int = RUNNING_TEXT_MAX_WORDS
    terms: int = 0


class _TooManyIndexTerms(InvalidQueryError):
    """The query expands to more index terms than one search reads."""


def parse_query(text: str | None, known_word: Callable[[str], bool] = lambda w: False, accents: str = "auto",
                frequency: Callable[[str], int] = lambda w: 0) -> ParsedQuery:
    """Parses a user's query; `known_word(term)` says whether the index has an exact syllable,
    `frequency(folded)` in how many documents a folded syllable occurs (to keep the most
    informative words of a long text), `accents` is one of ACCENT_MODES.

    Raises InvalidQueryError for unbalanced quotes or parentheses, and for queries over
    the length, term or nesting bounds.
    """
    text = nfc(text or "").translate(_QUOTES).strip()
    if not text or text == "*":
        return ParsedQuery(wq.Every(), browse=True)
    if len(text) > MAX_QUERY_CHARS:
        raise InvalidQueryError(f"the query is {len(text)} characters long; the limit is {MAX_QUERY_CHARS}")
    if text.count('"') % 2:
        raise InvalidQueryError("the query has an unbalanced quotation mark")
    tokens = _tokens(text)
    if not any(kind == "exclude" or (kind == "word" and value in _OPERATORS) for kind, value in tokens):
        # Without AND, OR or NOT, parentheses group nothing: they are the text's own
        # punctuation ("Hội chứng đau vùng phức hợp (CRPS) là gì?", "Giá vàng hôm nay (24/12)").
        tokens = [(kind, value) for kind, value in tokens if kind not in ("open", "close")]
    running_text = _running_text(tokens)
    if running_text:
        # Every word outside quotes is a plain word of the text, whatever it looks like.
        tokens = [(kind, value) if kind == "phrase" else ("plain", word)
                  for kind, value in tokens for word in ([value] if kind == "phrase" else value.split())]
    exact = accents == "exact" or (accents == "auto" and has_diacritics(text))
    accented = exact or has_diacritics(text)
    most = RUNNING_TEXT_MAX_WORDS
    while True:  # running text too rich in index terms keeps fewer of its words
        context = _Context(accented, exact, known_word, frequency, ParsedQuery(wq.NullQuery, exact=exact),
                           running_text, most)
        try:
            result = _Parser(list(tokens), context).parse()
            break
        except _TooManyIndexTerms:
            if not running_text or most <= 8:
                raise
            most = most * 3 // 4
    context.parsed.query = result
    context.parsed.adjacent = _adjacent(tokens, context.parsed.words)
    context.parsed.quoted_text = text
    return context.parsed


def _checked(result: wq.Query, context: _Context) -> wq.Query:
    if context.terms == 0:
        raise InvalidQueryError("the query has no words to search for")
    result = result.normalize()  # flattens nested ORs and drops repeated clauses
    index_terms = _index_terms(result)
    if index_terms > MAX_INDEX_TERMS:
        raise _TooManyIndexTerms(
            f"the query expands to {index_terms} index terms; the limit is {MAX_INDEX_TERMS}: use fewer words"
        )
    return result


def _index_terms(q: wq.Query) -> int:
    """The index terms a query reads outside its phrases (a phrase is bounded by its words' postings)."""
    if isinstance(q, wq.Phrase):
        return 0
    if isinstance(q, wq.Term):
        return 1
    return sum(_index_terms(child) for child in q.children())


def _adjacent(tokens: list[tuple[str, str]], words: list[str]) -> wq.Query | None:
    """For a query of 2–4 plain words and nothing else, all of its pairs: where they stand side by side."""
    plain = all(kind == "word" and value not in _OPERATORS and not _is_exclusion(value) and not _field_prefix(value)
                and not value.startswith("+") for kind, value in tokens)
    if not plain or not 2 <= len(words) <= CONJUNCTION_MAX_WORDS:
        return None
    pairs = [wq.Term("compounds", pair) for pair in word_pairs([fold_term(w) for w in words])]
    return pairs[0] if len(pairs) == 1 else wq.And(pairs)


def respelling_query(parsed: ParsedQuery, spellings: Mapping[str, str]) -> wq.Query | None:
    """The exact terms that `spellings` (folded syllable → exact form) give the query's unaccented
    syllables, at RESTORED_BOOST: added to the query's scores, they only rank.

    Running text is one disjunction of its syllables' alternatives and its pairs, so a
    syllable's exact term, which matches only where its folded term does, adds to a document's
    score what it would as one more alternative (inside an abbreviation's spelled-out form it
    also adds to a document that matched the short form). Each term counts once, as the
    query's own repeated words do."""
    terms = dict.fromkeys((field, spellings[folded]) for folded, fields in parsed.respellable
                          if folded in spellings for field in fields)
    return wq.Or([wq.Term(field, text, boost=RESTORED_BOOST) for field, text in terms]) if terms else None


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(m.lastgroup or "", m.group(m.lastgroup or 0)) for m in _TOKEN.finditer(text)]


def _running_text(tokens: list[tuple[str, str]]) -> bool:
    """Whether the query is running text: longer than a conjunction, and without operators,
    exclusions or fields (a question, a pasted title)."""
    words = 0
    for kind, value in tokens:
        required = value.startswith("+") and len(value) > 1
        if kind == "exclude":
            return False
        if kind == "word" and (value in _OPERATORS or _is_exclusion(value) or required or _field_prefix(value)):
            return False
        words += len(value.split()) if kind == "phrase" else 1
    return words > CONJUNCTION_MAX_WORDS


class _Parser:
    """Recursive descent: or_expr := and_expr (OR and_expr)*; and_expr := unary+ ; unary := [-+NOT] atom."""

    def __init__(self, tokens: list[tuple[str, str]], context: _Context) -> None:
        self.tokens = tokens
        self.at = 0
        self.context = context
        self.depth = 0

    def parse(self) -> wq.Query:
        result = self._or_expr()
        if self.at < len(self.tokens):
            raise InvalidQueryError("the query has an unbalanced closing parenthesis")
        return _checked(result, self.context)

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
            negate = value == "NOT" or (kind == "word" and _is_exclusion(value))
            plain = kind == "word" and not negate and not _field_prefix(value) and value != "NOT"
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
        prefix = _field_prefix(value)
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
        clauses = _expand_abbreviations(required, lambda u: self._syllable(u, pairs), self._sequence(pairs),
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
            return wq.AndMaybe(_any(exact_terms), _any(folded_terms))
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
        return _any(alternatives)

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
            return _any([wq.Phrase(f, exact) for f in exact_fields])
        folded = [fold_term(u) for u in units]
        parsed.folded_terms.update(folded)
        matched = _any([wq.Phrase(folded_field, folded) for _, folded_field in pairs])
        if not (self.context.accented and exact_fields):
            return matched
        # Matched folded (accents ignored): the exact spelling of its words ranks.
        parsed.exact_terms.update(exact)
        boosts = [wq.Term(f, term, boost=EXACT_BOOST) for f in exact_fields for term in exact]
        return wq.AndMaybe(matched, wq.Or(boosts))


def _any(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.Or(queries)


def _is_exclusion(word: str) -> bool:
    """-word leaves a word out; a lone dash is punctuation and -300 a number or the tail of a
    code typed apart (S -300, F -35), as pasted titles have them."""
    return word.startswith("-") and len(word) > 1 and not word[1].isdigit()


def _field_prefix(word: str) -> str | None:
    name, colon, _ = word.partition(":")
    known = name in TEXT_FIELD_PAIRS or name in KEYWORD_FIELDS
    return name if colon and known else None


@dataclass(frozen=True)
class _Abbreviations:
    """The abbreviations file read both ways, folded and in canonical spelling."""

    forward: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # folded short → (folded, exact) expansion
    backward: dict[tuple[str, ...], str]  # folded expansion → short
    backward_exact: dict[tuple[str, ...], str]  # canonical expansion → short


@lru_cache(maxsize=1)
def abbreviations() -> _Abbreviations:
    """The abbreviations and their expansions, from the data file."""
    forward: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    backward: dict[tuple[str, ...], str] = {}
    backward_exact: dict[tuple[str, ...], str] = {}
    for line in _ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        short, _, long = line.partition("\t")
        short_units = "".join(s.text for s in syllables(short))
        folded = tuple(fold_term(s.text) for s in syllables(long))
        exact = tuple(canonical_term(s.text) for s in syllables(long))
        forward.setdefault(fold(short_units), (folded, exact))
        backward.setdefault(folded, short_units)
        backward_exact.setdefault(exact, short_units)
    return _Abbreviations(forward, backward, backward_exact)


def _expand_abbreviations(units: list[str], one: Callable[[str], wq.Query],
                          many: Callable[[list[str]], wq.Query], exact: bool) -> list[wq.Query]:
    """One clause per unit, where an abbreviation or a spelled-out name matches either form
    (spelled as typed when `exact`)."""
    known = abbreviations()
    backward = known.backward_exact if exact else known.backward
    keys = [canonical_term(u) if exact else fold_term(u) for u in units]
    clauses: list[wq.Query] = []
    i = 0
    while i < len(units):
        folded = fold_term(units[i])
        expansion = known.forward.get(folded) if units[i].isupper() or len(folded) > 2 else None
        if expansion:
            words = list(expansion[1] if exact else expansion[0])
            fields = ("body", "title") if exact else ("body_folded", "title_folded")
            clauses.append(wq.Or([one(units[i]), *(wq.Phrase(f, words) for f in fields)]))
            i += 1
            continue
        match = next((n for n in range(min(8, len(units) - i), 1, -1)
                      if tuple(keys[i : i + n]) in backward), None)
        if match:
            short = backward[tuple(keys[i : i + match])]
            clauses.append(wq.Or([many(units[i : i + match]), one(short)]))
            i += match
            continue
        clauses.append(one(units[i]))
        i += 1
    return clauses


@lru_cache(maxsize=1)
def function_words() -> tuple[frozenset[str], frozenset[str]]:
    """(exact, folded) question and function words, optional in short queries (data file)."""
    exact: set[str] = set()
    folded: set[str] = set()
    for line in _FUNCTION_WORDS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("folded:"):
            folded.update(line.split(":", 1)[1].split())
        else:
            exact.update(canonical_term(word) for word in line.split())
    return frozenset(exact), frozenset(folded)
