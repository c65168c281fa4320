"""Walking the tokens of a sentence: which phrase starts at a token, skipping lower-case
phrases back and forward, a list of bodies "A, B và C", a bracketed aside, a time before a verb.

The grammar of organizing roles (`organizers`) is written with these steps.
"""

from __future__ import annotations

from bisect import bisect_left

from indexer.ingest.extraction.name_grammar import Mention
from indexer.ingest.extraction.role_words import ASIDE_REACH, CONNECTORS, TIME_PARTS, TIMES
from indexer.ingest.extraction.text import PhraseSet, Token, keys_of


def named_with(mention: Mention, heads: list[tuple[str, ...]]) -> bool:
    """Whether the mention's name opens with one of `heads` ("Quốc hội", "HĐND" ...)."""
    keys = keys_of(mention.name)
    return any(keys[: len(h)] == h for h in heads)


def time_before(tokens: list[Token], j: int, first: int) -> int:
    """The start of a time that ends at j ("sáng 12-3", "hôm nay", "ngày 5/3"), or j."""
    k = j
    while k - 1 > first and (tokens[k - 1].text.isdigit() or tokens[k - 1].key in TIME_PARTS):
        k -= 1
    if k < j and k - 1 > first and tokens[k - 1].key in TIMES and tokens[k - 1].text.islower():
        return k - 1
    return j


def abbreviation_before(tokens: list[Token], j: int, first: int) -> bool:
    """Whether an abbreviation, bare or bracketed, ends right before j: the end of a name the
    reader does not know as a body ("Cảnh sát PCCC | TP. HCM", "Hội luật gia (HLG) | tỉnh Cao Bằng")."""
    if j - 1 < first:
        return False
    bracketed = tokens[j - 1].text == ")" and j - 3 >= first and tokens[j - 3].text == "("
    word = tokens[j - 2] if bracketed else tokens[j - 1]
    return word.is_word and len(word.text) > 1 and word.text.isupper()


def listed(tokens: list[Token], starting: dict[int, Mention], start: int, last: int) -> list[Mention]:
    """The bodies of a list "A, B và C" starting at token `start`."""
    found = []
    j = start
    while j in starting:
        mention = starting[j]
        found.append(mention)
        j = skip_forward(tokens, past_aside(tokens, mention.end, last), last, CONNECTORS)
    return found


def past_aside(tokens: list[Token], j: int, last: int) -> int:
    """The position after a bracketed aside at j ("A (Hàn Quốc) và B"), or j."""
    if j < last and tokens[j].text == "(":
        k = next((k for k in range(j + 1, min(last, j + ASIDE_REACH)) if tokens[k].text in "()"), None)
        if k is not None and tokens[k].text == ")":
            return k + 1
    return j


def skip_back(tokens: list[Token], j: int, first: int, phrases: list[tuple[str, ...]]) -> int:
    """The position before every lower-case phrase of `phrases` that ends at j."""
    moved = True
    while moved:
        moved = False
        for phrase in phrases:
            k = j - len(phrase)
            if k >= first and phrase_at(tokens, k, [phrase]) and _lower(tokens[k:j]):
                j, moved = k, True
                break
    return j


def skip_forward(tokens: list[Token], j: int, last: int, phrases: list[tuple[str, ...]]) -> int:
    """The position after every lower-case phrase of `phrases` that starts at j."""
    moved = True
    while moved:
        moved = False
        for phrase in sorted(phrases, key=len, reverse=True):
            if j + len(phrase) <= last and phrase_at(tokens, j, [phrase]) and _lower(tokens[j : j + len(phrase)]):
                j, moved = j + len(phrase), True
                break
    return j


def _lower(tokens: list[Token]) -> bool:
    return all(t.text.islower() or not t.is_word for t in tokens)


def phrase_at(tokens: list[Token], i: int, phrases: list[tuple[str, ...]] | PhraseSet) -> int:
    """The length of the first of `phrases` found at token i, or 0."""
    if isinstance(phrases, PhraseSet):
        return phrases.length_at(tokens, i)
    for phrase in phrases:
        if tokens[i].key == phrase[0] and tuple(t.key for t in tokens[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def token_range(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """The tokens starting in [start, end), by binary search (asked for every sentence)."""
    return bisect_left(tokens, start, key=_start_of), bisect_left(tokens, end, key=_start_of)


def _start_of(token: Token) -> int:
    return token.start
