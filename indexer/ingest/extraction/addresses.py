"""A body's address written after its name, between the body and its verb.

Local news places a body by its district and province after a comma: "Trường THPT Marie
Curie, TP. HCM tổ chức lễ", "UBND huyện Lệ Thuỷ, tỉnh Quảng Bình, đã tổ chức cuộc họp",
"hội Nông dân xã Đại Hồng, huyện Đại Lộc, tỉnh Quảng Nam tổ chức cuộc thi". The body acts;
the address only says where it is (`bodies` already reads such a place as no body of its own).
"""

from __future__ import annotations

from collections.abc import Container

from indexer.ingest.extraction.gazetteer import gazetteer
from indexer.ingest.extraction.name_words import PLACE_KINDS
from indexer.ingest.extraction.text import Token

# How many capitalized words (or a number: "quận 1") a district's or commune's name runs to.
_PLACE_NAME_WORDS = 4
# The longest province name, with its kind ("thành phố Hồ Chí Minh").
_PROVINCE_TOKENS = 6


def address_before(tokens: list[Token], ends: Container[int], j: int, first: int) -> int:
    """Where the body placed by the address ending at j ends (a position in `ends`: the body's
    name may take in the first places itself, "UBND huyện Lệ Thuỷ, tỉnh Quảng Bình"), or j
    where no address ends there. A comma may close the address ("tỉnh Quảng Bình, đã")."""
    k = j - 1 if j - 1 > first and tokens[j - 1].text == "," else j
    if k < j and k in ends and _place_ending_at(tokens, k, first) is not None:
        return k  # the body's name took in its address, a comma closes it
    while (place := _place_ending_at(tokens, k, first)) is not None and place - 1 > first and tokens[place - 1].text == ",":
        k = place - 1
        if k in ends:
            return k
    return j


def _place_ending_at(tokens: list[Token], end: int, first: int) -> int | None:
    """Where a place whose name ends at `end` starts: a province by the gazetteer, with its kind
    or bare ("tỉnh Nghệ An", "Nghệ An", "TP. HCM"), or a kind and a name ("huyện Đại Lộc", "quận 1")."""
    for start in range(max(first, end - _PROVINCE_TOKENS), end):  # the longest first: "TP. HCM", not "HCM"
        place = gazetteer().place_at(tokens, start)
        if place is not None and place.end == end:
            return start
    for start in range(end - 1, max(first, end - 1 - _PLACE_NAME_WORDS) - 1, -1):
        token = tokens[start]
        if token.key in PLACE_KINDS and token.text.islower():
            named = tokens[start + 1 : end]
            if named and all(t.is_name_word for t in named):
                return start - 1 if start - 1 > first and (tokens[start - 1].key, token.key) == ("thị", "xã") else start
            return None
        if not token.is_name_word:
            return None
    return None
