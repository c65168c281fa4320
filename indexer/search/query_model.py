"""What a parsed query is made of: its bounds, its errors, the ParsedQuery that search,
highlighting and suggestions read, and the small rules shared by the parser and `parse_query`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from whoosh import query as wq

from indexer.text.vietnamese import has_diacritics

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

TEXT_FIELD_PAIRS = {"title": ("title", "title_folded"), "body": ("body", "body_folded")}
KEYWORD_FIELDS = {"source": "source", "event_type": "event_type", "organizer": "organizer",
                  "organizers": "organizer", "person": "person", "people": "person", "author": "author", "id": "id"}
OPERATORS = {"AND", "OR", "NOT"}


def spelled_as_typed(text: str, accents: str) -> bool:
    """Whether a name given in mode `accents` matches only as spelled (typed with diacritics, in
    auto mode, or in exact mode) rather than with its diacritics ignored."""
    return accents == "exact" or (accents == "auto" and has_diacritics(text))


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
class QueryContext:
    accented: bool  # the query's exact spellings take part (typed with diacritics, or exact)
    exact: bool  # ... and its words match only by them
    known_word: Callable[[str], bool]
    frequency: Callable[[str], int]
    parsed: ParsedQuery
    running_text: bool
    max_running_words: int = RUNNING_TEXT_MAX_WORDS
    terms: int = 0
    accents: str = "auto"  # the mode asked for (ACCENT_MODES), which a `person:` name follows on its own


class TooManyIndexTerms(InvalidQueryError):
    """The query expands to more index terms than one search reads."""


def checked_query(result: wq.Query, context: QueryContext) -> wq.Query:
    if context.terms == 0:
        raise InvalidQueryError("the query has no words to search for")
    result = result.normalize()  # flattens nested ORs and drops repeated clauses
    index_terms = count_index_terms(result)
    if index_terms > MAX_INDEX_TERMS:
        raise TooManyIndexTerms(
            f"the query expands to {index_terms} index terms; the limit is {MAX_INDEX_TERMS}: use fewer words"
        )
    return result


def count_index_terms(q: wq.Query) -> int:
    """The index terms a query reads outside its phrases (a phrase is bounded by its words' postings)."""
    if isinstance(q, wq.Phrase):
        return 0
    if isinstance(q, wq.Term):
        return 1
    return sum(count_index_terms(child) for child in q.children())


def any_of(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.Or(queries)


def is_exclusion(word: str) -> bool:
    """-word leaves a word out; a lone dash is punctuation and -300 a number or the tail of a
    code typed apart (S -300, F -35), as pasted titles have them."""
    return word.startswith("-") and len(word) > 1 and not word[1].isdigit()


def field_prefix(word: str) -> str | None:
    name, colon, _ = word.partition(":")
    known = name in TEXT_FIELD_PAIRS or name in KEYWORD_FIELDS
    return name if colon and known else None
