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

from whoosh import query as wq

from indexer.search.query_model import (  # noqa: F401  (the query's public names, importable from here)
    ACCENT_MODES, CONJUNCTION_MAX_WORDS, MAX_DEPTH, MAX_QUERY_CHARS, MAX_TERMS, OPERATORS, RUNNING_TEXT_MAX_WORDS,
    InvalidQueryError, ParsedQuery, QueryContext, TooManyIndexTerms, field_prefix, is_exclusion)
from indexer.search.query_parser import Parser
from indexer.search.ranking import RESTORED_BOOST
from indexer.text.tokens import word_pairs
from indexer.text.vietnamese import fold_term, has_diacritics, nfc

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"'})
# A dash right before a quote or a parenthesis leaves out what follows: -"Nghệ An", -(a OR b).
_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"|(?P<exclude>-(?=["(]))|(?P<open>\()|(?P<close>\))|(?P<word>[^\s()"]+)')


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
    if not any(kind == "exclude" or (kind == "word" and value in OPERATORS) for kind, value in tokens):
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
        context = QueryContext(accented, exact, known_word, frequency, ParsedQuery(wq.NullQuery, exact=exact),
                               running_text, most, accents=accents)
        try:
            result = Parser(list(tokens), context).parse()
            break
        except TooManyIndexTerms:
            if not running_text or most <= 8:
                raise
            most = most * 3 // 4
    context.parsed.query = result
    context.parsed.adjacent = _adjacent(tokens, context.parsed.words)
    context.parsed.quoted_text = text
    return context.parsed


def _adjacent(tokens: list[tuple[str, str]], words: list[str]) -> wq.Query | None:
    """For a query of 2–4 plain words and nothing else, all of its pairs: where they stand side by side."""
    plain = all(kind == "word" and value not in OPERATORS and not is_exclusion(value) and not field_prefix(value)
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
        if kind == "word" and (value in OPERATORS or is_exclusion(value) or required or field_prefix(value)):
            return False
        words += len(value.split()) if kind == "phrase" else 1
    return words > CONJUNCTION_MAX_WORDS
