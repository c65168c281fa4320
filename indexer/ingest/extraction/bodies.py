"""Finding the organizations named in a text: gazetteer names, abbreviations, and unknown units.

A unit the gazetteer does not know is recognized by its head word ("Khoa", "Vụ", "Cục",
"Trung tâm", "TAND" ...) followed by its name, which runs until punctuation, a verb or
another body; a name that reaches its place ("UBND TP Châu Đốc") ends at the next
lower-case word (`name_grammar`). "Unit, Parent", "Unit thuộc Parent" and "Unit Parent" link a unit to
the body it belongs to; a local body followed by its province ("UBND TP Châu Đốc, An
Giang") belongs to that province's body of the same kind. A bare "Học viện" or "Bộ" means
the last academy or ministry named, or the body whose site the article is on.

Newsrooms write some heads in lower case ("báo Tuổi Trẻ"), put an abbreviation inside a
name ("Viện Kiểm sát nhân dân (VKSND) tối cao") and write "Thường trực X" for the standing
board of X: all are read as one body. A province written with its kind ("tỉnh Đồng
Tháp", "TP Hải Phòng") is a place mention: it stands for the province's people's committee
where it acts ("do tỉnh Đồng Tháp tổ chức"), and is never a host.
"""

from __future__ import annotations

from dataclasses import replace

from indexer.ingest.extraction.gazetteer import Body, Gazetteer, Place, gazetteer
from indexer.ingest.extraction.name_grammar import Mention, NameGrammar
from indexer.ingest.extraction.name_words import (
    BARE, BARE_STARTS, NOT_AFTER_HEAD, PLACE_KINDS, LOWER_HEAD_STARTS, COMPOUND_BEFORE, AFTER_ABBREVIATION,
    STANDING, MAX_ABBREVIATION_WORDS, HEAD_STARTS,
)
from indexer.ingest.extraction.text import Token, keys_of
from indexer.text.vietnamese import fold


__all__ = ["Mention", "find_mentions"]


def find_mentions(tokens: list[Token], text: str, home: Body | None = None) -> list[Mention]:
    """Every organization named in the tokens of `text`, units linked to their parents."""
    finder = _Finder(tokens, text, gazetteer(), home)
    return finder.run()


class _Finder(NameGrammar):
    def __init__(self, tokens: list[Token], text: str, gaz: Gazetteer, home: Body | None):
        super().__init__(tokens, text, gaz)
        self.home = home
        self.local_abbreviations: dict[str, Mention] = {}
        self.last_by_head: dict[tuple[str, ...], Mention] = {}

    def run(self) -> list[Mention]:
        mentions = []
        i = 0
        while i < len(self.tokens):
            mention = self.mention_at(i)
            if mention is None:
                i += 1
                continue
            mention = self.with_parent(mention)
            mentions.append(mention)
            i = mention.end
        return mentions

    def mention_at(self, i: int, link: bool = True) -> Mention | None:
        """The organization named at token i, with its "(ABBR)" if one follows."""
        mention = self.simple_at(i)
        if mention is None:
            return None
        mention = self.with_abbreviation(mention)
        mention = self.with_province(mention)
        if not mention.bare:
            head = self.head_at(mention.start)
            if head is not None:
                self.last_by_head[head[0]] = mention
        return mention

    def simple_at(self, i: int) -> Mention | None:
        token = self.tokens[i]
        if not token.is_word:
            return None
        local = self.local_abbreviations.get(token.text)
        if local is None and token.key not in _MAY_OPEN and not self.gaz.may_name_at(token):
            return None  # most words open no name: skip the grammar's slower checks
        if local is not None and _standalone(self.tokens, i):
            return replace(local, start=i, end=i + 1, alias=token.text)
        if not token.is_capitalized and token.key in LOWER_HEAD_STARTS and i > 0 and self.tokens[i - 1].key in COMPOUND_BEFORE:
            return None  # "họp báo Chính phủ", "cán bộ Công an": a press conference, an officer
        standing = self.standing_at(i)
        if standing is not None:
            return standing
        found = self.gaz.match_at(self.tokens, i)
        pattern = self.pattern_at(i)
        if found is not None and (
            pattern is None or found.end >= pattern.end or self.tokens[found.end].key in ("và", ",")
            or self.person_at(found.end, i)  # "Bộ trưởng Bộ Công an Tô Lâm": the minister's name follows
        ):
            return Mention(
                name=found.body.name,
                start=i,
                end=found.end,
                rank=self.rank_of(found.body, i),
                body=found.body,
                alias=found.abbreviation,
            )
        if pattern is not None:
            return pattern
        place = self.gaz.place_at(self.tokens, i) if token.key in PLACE_KINDS else None
        if place is not None and place.with_kind and not self.in_address(i):
            return Mention(place.committee.name, i, place.end, 3, body=place.committee, place=True)
        return self.bare_at(i)

    def in_address(self, i: int) -> bool:
        """"xã A, huyện B, tỉnh C": a place after a comma and a name is part of an address."""
        tokens = self.tokens
        return i > 1 and tokens[i - 1].text == "," and tokens[i - 2].is_word and tokens[i - 2].is_capitalized

    def standing_at(self, i: int) -> Mention | None:
        """"Thường trực HĐND TP. HCM": the standing board of the body named next, a unit of it."""
        size = len(STANDING)
        if tuple(t.key for t in self.tokens[i : i + size]) != STANDING or not self.tokens[i].is_capitalized:
            return None
        if i + size >= len(self.tokens):
            return None
        board = self.simple_at(i + size)
        if board is None or board.place or board.bare:
            return None
        written = self.text[self.tokens[i].start : self.tokens[board.end - 1].end]
        return Mention(" ".join(written.split()), i, board.end, 1, parent=board.name)

    def bare_at(self, i: int) -> Mention | None:
        """A bare "Học viện" or "Bộ": the last one named, or the site's own body."""
        tokens = self.tokens
        if tokens[i].key not in BARE_STARTS:
            return None
        for keys in BARE:
            size = len(keys)
            if tuple(t.key for t in tokens[i : i + size]) != keys or not tokens[i].is_capitalized:
                continue
            after = tokens[i + size] if i + size < len(tokens) else None
            if after is not None and after.is_word and after.is_capitalized:
                continue
            if after is not None and after.is_word and after.key in NOT_AFTER_HEAD:
                continue
            named = self.last_by_head.get(keys)
            if named is not None:
                return replace(named, start=i, end=i + size, bare=True, alias=None)
            if self.home is not None and keys_of(self.home.name)[:size] == keys:
                return Mention(self.home.name, i, i + size, 3, body=self.home, bare=True)
        return None

    def with_abbreviation(self, mention: Mention) -> Mention:
        """"Viện Dịch vụ công quốc gia Pháp (INSP)": the abbreviation becomes the alias; one of a
        few capitalized words ("Tổng công ty Điện lực Miền Trung (EVN CPC)") too."""
        tokens = self.tokens
        e = mention.end
        if e + 2 >= len(tokens) or tokens[e].text != "(":
            return mention
        reach = min(len(tokens), e + 2 + MAX_ABBREVIATION_WORDS)
        close = next((k for k in range(e + 2, reach) if tokens[k].text == ")"), None)
        if close is None:
            return mention
        words = [t for t in tokens[e + 1 : close] if t.text not in "-&"]  # "(GD-ĐT)", "(NN & PTNT)"
        if all(t.is_word and sum(c.isupper() for c in t.text) >= 2 and not t.text.isdigit() for t in words):
            candidate = self.text[tokens[e + 1].start : tokens[close - 1].end]
            inside = self.continued(mention, close + 1)
            if inside is not None:
                return inside  # the abbreviation names only the part before it: no local alias
            mention = replace(mention, end=close + 1, alias=candidate)
            if len(words) == 1:
                self.local_abbreviations[candidate] = replace(mention, alias=None)
        return mention

    def continued(self, mention: Mention, after: int) -> Mention | None:
        """The name going on after an "(ABBR)" inside it: "Viện Kiểm sát nhân dân (VKSND) tối cao",
        "Toà án nhân dân (TAND) TP Hà Nội"."""
        tokens = self.tokens
        if after >= len(tokens):  # the "(ABBR)" ends the text: "… tại Sở Giao dịch chứng khoán TP. HCM (HoSE)"
            return None
        qualifier = next(
            (q for q in AFTER_ABBREVIATION if tuple(t.key for t in tokens[after : after + len(q)]) == q), None
        )
        place = self.gaz.place_at(tokens, after) if tokens[after].key in PLACE_KINDS or tokens[after].is_capitalized else None
        if place is not None:
            end = place.end  # "Toà án nhân dân (TAND) TP Hà Nội", "Cục Quản lý thị trường (QLTT) Đồng Nai"
        elif qualifier is None:
            return None  # but "Toà án nhân dân (TAND) Tối cao", "Uỷ ban An toàn giao thông (ATGT) Quốc gia"
        else:
            end = after + len(qualifier)
        written = self.text[tokens[mention.start].start : tokens[mention.end - 1].end]
        name = f"{written} {self.text[tokens[after].start : tokens[end - 1].end]}"
        known = self.gaz.get(name)
        if known is not None:
            return replace(mention, name=known.name, end=end, body=known, alias=None)
        return replace(mention, name=" ".join(name.split()), end=end, body=None, alias=None)

    def with_province(self, mention: Mention) -> Mention:
        """"UBND TP Châu Đốc, An Giang": a local body followed by its province, whose body of the
        same kind ("UBND tỉnh An Giang") it belongs to."""
        tokens = self.tokens
        e = mention.end
        if mention.place or mention.parent or e + 1 >= len(tokens) or tokens[e].text != ",":
            return mention
        if mention.body is not None and mention.body.kind == "province":
            return mention
        kind = next((k for k in range(mention.start + 1, e) if tokens[k].key in PLACE_KINDS
                     or tokens[k].text == "Q" and tokens[k + 1].text == "."), None)  # "Q. 1"
        place = self.gaz.place_at(tokens, e + 1)
        if kind is None or place is None or place.end < len(tokens) and tokens[place.end].is_capitalized:
            return mention
        head = self.text[tokens[mention.start].start : tokens[kind - 1].end]
        district = self.text[tokens[kind].start : tokens[e - 1].end]
        return replace(mention, end=place.end, parent=_above_district(head, district, place))

    def with_parent(self, mention: Mention) -> Mention:
        """A unit followed by the body it belongs to: ", Học viện ...", "thuộc Bộ ...", "Bộ ...",
        "(Thông tấn xã Việt Nam)"."""
        if not mention.unit_like:
            return mention
        tokens = self.tokens
        e = mention.end
        if e >= len(tokens):
            return mention
        if tokens[e].text == "," and mention.start > 0 and tokens[mention.start - 1].key in ("tại", "ở", "theo"):
            return mention  # "tại Bảo tàng Hồ Chí Minh, Bộ Thông tin ... tổ chức", "Theo báo X, TAND Y":
            # a venue or a source, then the subject
        if tokens[e].text in ",(":
            start = e + 1
        elif tokens[e].key == "thuộc":
            start = e + 1
        elif tokens[e].key == "trực" and e + 1 < len(tokens) and tokens[e + 1].key == "thuộc":
            start = e + 2
        else:
            start = e
        if start >= len(tokens) or tokens[start].start - tokens[start - 1].end > 3:
            return mention
        parent = self.mention_at(start)
        if parent is None or parent.rank <= mention.rank:
            return mention
        parent = self.with_parent(parent)
        if tokens[e].text == "(":
            if parent.place or parent.end >= len(tokens) or tokens[parent.end].text != ")":
                return mention  # "(TP. HCM)", "(Bộ Y tế, 2019)": a place, or more than a parent
            return replace(mention, end=parent.end + 1, parent=parent.name)
        if tokens[e].text == "," and self.listed_after(parent.end):
            return mention  # "do báo Tuổi Trẻ, Bộ GD-ĐT, Tổng cục ... tổ chức": a list, not a unit and its parent
        return replace(mention, end=parent.end, parent=parent.name)

    def listed_after(self, j: int) -> bool:
        """Whether another body follows at j after a comma or "và", as in a list of bodies."""
        tokens = self.tokens
        if j + 1 >= len(tokens) or tokens[j].text not in (",", "và"):
            return False
        return self.head_at(j + 1) is not None or self.gaz.match_at(tokens, j + 1) is not None


def _standalone(tokens: list[Token], i: int) -> bool:
    glued_before = i > 0 and tokens[i - 1].end == tokens[i].start and tokens[i - 1].text in "-/."
    glued_after = (
        i + 1 < len(tokens) and tokens[i + 1].start == tokens[i].end and tokens[i + 1].text in "-/."
    )
    return not (glued_before or glued_after)


# The keys a head, a place, a bare head or a standing board opens with: a word not among them
# (nor the gazetteer's, nor a local abbreviation) opens no mention.
_MAY_OPEN = frozenset(HEAD_STARTS | PLACE_KINDS | BARE_STARTS | {STANDING[0]})


# A district's own bodies belong to the body of the same kind one level up ("TAND quận 1, TP. HCM"
# under "TAND TP. HCM"), but its party committee and youth union are named by their level
# ("Quận uỷ" under "Thành uỷ"), and its offices (Phòng) are its People's Committee's.
_LEVEL_NAMED = {"quan uy": "uỷ", "huyen uy": "uỷ", "thi uy": "uỷ", "quan doan": "đoàn", "huyen doan": "đoàn",
                "thi doan": "đoàn"}


def _above_district(head: str, district: str, place: Place) -> str:
    """The parent of the district's body named `head`, in `district`, of the province `place`."""
    level = _LEVEL_NAMED.get(fold(head))
    if level is not None:
        return f"{'Thành' if place.kind == 'thành phố' else 'Tỉnh'} {level} {place.kind} {place.name}"
    if fold(head).startswith("phong "):
        return f"Ủy ban nhân dân {district}"  # named as that committee is named itself
    return f"{head} {place.kind} {place.name}"
