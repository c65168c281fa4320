"""The grammar of an organization's name the gazetteer does not know: a head word ("Sở",
"Trung tâm", "TAND" ...), then its name words, up to its place or the body it belongs to.

The name runs over capitalized words and the lower-case words newsrooms write inside names
("TAND tỉnh Tây Ninh", "Tổng công ty Cảng hàng không Việt Nam"); it ends at punctuation, a
verb, another body of a higher rank (its parent), a person's surname or, once it has reached
its place ("UBND TP Châu Đốc"), the next lower-case word. `bodies` reads texts with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.ingest.extraction.gazetteer import Body, Gazetteer
from indexer.ingest.extraction.name_words import (
    HEADS, LONGEST_HEAD, HEAD_STARTS, STOP, STOP_PAIRS, NOT_AFTER_HEAD, LOWER_AFTER_HEAD, PLACE_KINDS,
    LOWER_HEADS, PROPER_ONLY, MAX_DESCRIPTION, LOOK_LIKE_BODIES, DOTTED_PLACES, SURNAMES,
    PLACES_WITH_SURNAMES, UNIT_KINDS,
)
from indexer.ingest.extraction.text import Token


@dataclass(frozen=True)
class Mention:
    """An organization named at tokens[start:end]."""

    name: str
    start: int
    end: int
    rank: int
    body: Body | None = None
    parent: str | None = None
    alias: str | None = None
    bare: bool = False  # a bare "Học viện"/"Bộ" resolved from context
    place: bool = False  # a province named as a place ("tỉnh Đồng Tháp"), standing for its committee

    @property
    def unit_like(self) -> bool:
        """Whether this can belong to a parent named next to it."""
        if self.body is None:
            return self.rank < 3
        return self.body.kind in UNIT_KINDS or self.body.shared


class NameGrammar:
    """Reads names by their heads in the tokens of one text."""

    def __init__(self, tokens: list[Token], text: str, gaz: Gazetteer):
        self.tokens = tokens
        self.text = text
        self.gaz = gaz

    def rank_of(self, body: Body, i: int) -> int:
        if body.kind in UNIT_KINDS or body.shared:
            head = self.head_at(i)
            return head[1] if head else 1
        return 3

    def head_at(self, i: int) -> tuple[tuple[str, ...], int] | None:
        token = self.tokens[i]
        if token.key not in HEAD_STARTS:
            return None
        if not token.is_capitalized:
            following = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
            if token.key not in LOWER_HEADS or following is None or not following.is_capitalized:
                return None
            return (token.key,), HEADS[(token.key,)]
        for size in range(LONGEST_HEAD, 0, -1):
            keys = tuple(t.key for t in self.tokens[i : i + size])
            if len(keys) == size and keys in HEADS:
                return keys, HEADS[keys]
        return None

    def pattern_at(self, i: int) -> Mention | None:
        """A name the gazetteer does not know, recognized by its head word."""
        head = self.head_at(i)
        if head is None:
            return None
        keys, rank = head
        j = i + len(keys)
        tokens = self.tokens
        if any(tuple(t.key for t in tokens[i : i + len(p)]) == p for p in LOOK_LIKE_BODIES):
            return None
        if j >= len(tokens) or not tokens[j].is_word:
            return None
        if not tokens[j].is_capitalized and tokens[j].key not in LOWER_AFTER_HEAD:
            return None
        if tokens[j].key in NOT_AFTER_HEAD:
            return None
        in_place = False  # the name has reached its place: "TAND tỉnh Tây Ninh"
        while j < len(tokens) and j - i < 16:
            token = tokens[j]
            if token.is_word and not token.is_capitalized and in_place:
                break  # "UBND TP Châu Đốc bắn pháo hoa": the place ends the name
            country_end = self.gaz.country_at(tokens, j) if token.is_capitalized and j > i + len(keys) else j
            if country_end > j:
                j, in_place = country_end, True  # "Bộ Quốc phòng Hàn Quốc thăm": a country ends the name
                continue
            if token.key in PLACE_KINDS and j + 1 < len(tokens) and tokens[j + 1].is_capitalized:
                in_place = True
            elif token.key == "thành" and j + 2 < len(tokens) and tokens[j + 1].key == "phố":
                in_place = tokens[j + 2].is_capitalized
            if j > i + len(keys) and tokens[j].start - tokens[j - 1].end > 2:
                break  # a line break or a gap ends the name
            if not token.is_word:
                glued = token.start == tokens[j - 1].end and j + 1 < len(tokens) and tokens[j + 1].start == token.end
                if token.text in "-&" and glued:
                    j += 1
                    continue
                if token.text == "&" and j + 1 < len(tokens) and tokens[j - 1].text.isupper() and tokens[j + 1].text.isupper():
                    j += 1  # "Sở GD & ĐT"
                    continue
                if token.text == "." and tokens[j - 1].text in DOTTED_PLACES and j + 1 < len(tokens):
                    if tokens[j + 1].is_word and tokens[j + 1].is_capitalized:
                        j += 1  # "UBND TP. Đà Nẵng"
                        in_place = True
                        continue
                break
            if j > i + len(keys) and self.gaz.match_at(tokens, j) is not None:
                other = self.gaz.match_at(tokens, j)
                if other is not None and self.rank_of(other.body, j) > rank:
                    break  # "Trung tâm Thông tin Bộ Nội vụ": the parent follows
            if not token.is_capitalized and keys in PROPER_ONLY and not self.proper_name_follows(j):
                break  # "Báo Tiền Phong", not "Báo SGGP đưa tin"
            if not token.is_capitalized:
                if token.key in ("và", "về") and j + 1 < len(tokens):
                    following = tokens[j + 1]
                    if (
                        following.is_word
                        and following.is_capitalized
                        and self.head_at(j + 1) is None
                        and self.gaz.match_at(tokens, j + 1) is None
                    ):
                        j += 1
                        continue
                    break
                pair = (token.key, tokens[j + 1].key) if j + 1 < len(tokens) else ()
                if token.key in STOP or pair in STOP_PAIRS:
                    break
            elif token.text in SURNAMES and j > i + len(keys) and not self.place_at(j):
                break  # a person's name after the body: "Giám đốc Sở Nội vụ Nguyễn Văn A"
            j += 1
        if j == i + len(keys):
            return None
        name = self.text[tokens[i].start : tokens[j - 1].end]
        name = name[0].upper() + name[1:]
        return Mention(name=" ".join(name.split()), start=i, end=j, rank=rank)

    def proper_name_follows(self, j: int) -> bool:
        """Whether the lower-case words at j describe a company or station whose proper name comes
        next: "Tổng công ty Cảng hàng không Việt Nam", "Đài Tiếng nói nhân dân TP. HCM", unlike a
        verb after the name ("Công ty Alibaba rao bán nền")."""
        tokens = self.tokens
        for k in range(j, min(len(tokens), j + MAX_DESCRIPTION + 1)):
            token = tokens[k]
            if not token.is_word or tokens[k].start - tokens[k - 1].end > 1:
                return False
            if token.is_capitalized:
                return (
                    self.head_at(k) is None and self.gaz.match_at(tokens, k) is None
                    and token.text not in SURNAMES
                )
            pair = (token.key, tokens[k + 1].key) if k + 1 < len(tokens) else ()
            if token.key in STOP or pair in STOP_PAIRS or token.key in ("và", "về"):
                return False
        return False

    def place_at(self, j: int) -> bool:
        for place in PLACES_WITH_SURNAMES:
            if tuple(t.key for t in self.tokens[j : j + len(place)]) == place:
                return True
        return False
