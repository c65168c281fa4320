"""Finding the organizations named in a text: gazetteer names, abbreviations, and unknown units.

A unit the gazetteer does not know is recognized by its head word ("Khoa", "Vụ", "Cục",
"Trung tâm" ...) followed by its name, which runs until punctuation, a verb or another
body. "Unit, Parent", "Unit thuộc Parent" and "Unit Parent" link a unit to the body it
belongs to. A bare "Học viện" or "Bộ" means the last academy or ministry named, or the
body whose site the article is on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from indexer.extraction.gazetteer import Body, Gazetteer, gazetteer
from indexer.extraction.text import Token, keys_of

# Head words of organization names and their rank: a unit links only to a higher rank.
_HEADS: dict[tuple[str, ...], int] = {
    keys_of(head): rank
    for head, rank in (
        ("Khoa", 1), ("Vụ", 1), ("Ban", 1), ("Phòng", 1), ("Trung tâm", 1), ("Văn phòng", 1),
        ("Phân viện", 1), ("Tạp chí", 1), ("Bộ môn", 0), ("Chi cục", 1), ("Cục", 2), ("Viện", 2),
        ("Tổng cục", 2), ("Sở", 2), ("Trường", 2), ("Báo", 2), ("Công ty", 2), ("Cơ quan", 2),
        ("Đảng ủy", 2), ("Đảng uỷ", 2), ("Bộ", 3), ("Học viện", 3), ("Đại học", 3), ("Ủy ban", 3),
        ("Uỷ ban", 3), ("UBND", 3), ("Hội đồng", 3), ("Hội", 3), ("Tập đoàn", 3), ("Tổng công ty", 3),
        ("Quỹ", 3), ("Đài", 3), ("Đại sứ quán", 3), ("Liên đoàn", 3), ("Hiệp hội", 3),
        ("Tỉnh ủy", 3), ("Thành ủy", 3), ("Tỉnh uỷ", 3), ("Thành uỷ", 3),
    )
}
_LONGEST_HEAD = max(len(k) for k in _HEADS)
_HEAD_STARTS = {k[0] for k in _HEADS}
_BARE = {keys_of("Học viện"), keys_of("Bộ")}
_BARE_STARTS = {k[0] for k in _BARE}
# Lower-case words that end a name: verbs, prepositions, time words.
_STOP = set(
    keys_of(
        "đã sẽ đang vừa cùng với tại vào cho do là được có trong ngày sáng chiều tối trưa nhằm để "
        "theo từ trên đến tới khi thì mà này đó ở năm tháng như gồm các những cũng vẫn dự ký trao "
        "tiếp gặp họp thuộc nay bởi giữa của đưa yêu"
    )
)
_STOP_PAIRS = {
    keys_of(pair)
    for pair in (
        "tổ chức", "phối hợp", "chủ trì", "đăng cai", "khai mạc", "khai giảng", "tham dự",
        "tham gia", "phát biểu", "chính thức", "long trọng", "đồng tổ", "thực hiện", "làm việc",
        "trực thuộc", "diễn ra", "hướng dẫn", "trực tuyến",
    )
}
_NOT_AFTER_HEAD = set(keys_of("trưởng phó"))
# Heads whose names are proper names, capitalized word by word.
_PROPER_ONLY = {keys_of(h) for h in ("Báo", "Đài", "Công ty", "Tập đoàn", "Tổng công ty", "Quỹ")}
_DOTTED_PLACES = {"TP", "Tp", "Q", "P", "TX", "TT"}
_SURNAMES = set(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Chu Lương "
    "Trương Đào Tạ Lâm Đoàn Trịnh Phùng Kiều Lưu Quách Hứa Triệu Khúc Vương Thân Tăng".split()
)
_PLACES_WITH_SURNAMES = (keys_of("Hồ Chí Minh"),)
_UNIT_KINDS = {"unit", "press"}


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

    @property
    def unit_like(self) -> bool:
        """Whether this can belong to a parent named next to it."""
        if self.body is None:
            return self.rank < 3
        return self.body.kind in _UNIT_KINDS or self.body.shared


def find_mentions(tokens: list[Token], text: str, home: Body | None = None) -> list[Mention]:
    """Every organization named in the tokens of `text`, units linked to their parents."""
    finder = _Finder(tokens, text, gazetteer(), home)
    return finder.run()


class _Finder:
    def __init__(self, tokens: list[Token], text: str, gaz: Gazetteer, home: Body | None):
        self.tokens = tokens
        self.text = text
        self.gaz = gaz
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
        if local is not None and _standalone(self.tokens, i):
            return replace(local, start=i, end=i + 1, alias=token.text)
        found = self.gaz.match_at(self.tokens, i)
        pattern = self.pattern_at(i)
        if found is not None and (
            pattern is None or found.end >= pattern.end or self.tokens[found.end].key in ("và", ",")
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
        return self.bare_at(i)

    def rank_of(self, body: Body, i: int) -> int:
        if body.kind in _UNIT_KINDS or body.shared:
            head = self.head_at(i)
            return head[1] if head else 1
        return 3

    def head_at(self, i: int) -> tuple[tuple[str, ...], int] | None:
        if self.tokens[i].key not in _HEAD_STARTS or not self.tokens[i].is_capitalized:
            return None
        for size in range(_LONGEST_HEAD, 0, -1):
            keys = tuple(t.key for t in self.tokens[i : i + size])
            if len(keys) == size and keys in _HEADS:
                return keys, _HEADS[keys]
        return None

    def pattern_at(self, i: int) -> Mention | None:
        """A name the gazetteer does not know, recognized by its head word."""
        head = self.head_at(i)
        if head is None:
            return None
        keys, rank = head
        j = i + len(keys)
        tokens = self.tokens
        if j >= len(tokens) or not tokens[j].is_word or not tokens[j].is_capitalized:
            return None
        if tokens[j].key in _NOT_AFTER_HEAD:
            return None
        while j < len(tokens) and j - i < 16:
            token = tokens[j]
            if j > i + len(keys) and tokens[j].start - tokens[j - 1].end > 2:
                break  # a line break or a gap ends the name
            if not token.is_word:
                glued = token.start == tokens[j - 1].end and j + 1 < len(tokens) and tokens[j + 1].start == token.end
                if token.text in "-&" and glued:
                    j += 1
                    continue
                if token.text == "." and tokens[j - 1].text in _DOTTED_PLACES and j + 1 < len(tokens):
                    if tokens[j + 1].is_word and tokens[j + 1].is_capitalized:
                        j += 1  # "UBND TP. Đà Nẵng"
                        continue
                break
            if j > i + len(keys) and self.gaz.match_at(tokens, j) is not None:
                other = self.gaz.match_at(tokens, j)
                if other is not None and self.rank_of(other.body, j) > rank:
                    break  # "Trung tâm Thông tin Bộ Nội vụ": the parent follows
            if not token.is_capitalized and keys in _PROPER_ONLY:
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
                if token.key in _STOP or pair in _STOP_PAIRS:
                    break
            elif token.text in _SURNAMES and j > i + len(keys) and not self.place_at(j):
                break  # a person's name after the body: "Giám đốc Sở Nội vụ Nguyễn Văn A"
            j += 1
        if j == i + len(keys):
            return None
        name = self.text[tokens[i].start : tokens[j - 1].end]
        name = name[0].upper() + name[1:]
        return Mention(name=" ".join(name.split()), start=i, end=j, rank=rank)

    def place_at(self, j: int) -> bool:
        for place in _PLACES_WITH_SURNAMES:
            if tuple(t.key for t in self.tokens[j : j + len(place)]) == place:
                return True
        return False

    def bare_at(self, i: int) -> Mention | None:
        """A bare "Học viện" or "Bộ": the last one named, or the site's own body."""
        tokens = self.tokens
        if tokens[i].key not in _BARE_STARTS:
            return None
        for keys in _BARE:
            size = len(keys)
            if tuple(t.key for t in tokens[i : i + size]) != keys or not tokens[i].is_capitalized:
                continue
            after = tokens[i + size] if i + size < len(tokens) else None
            if after is not None and after.is_word and after.is_capitalized:
                continue
            if after is not None and after.is_word and after.key in _NOT_AFTER_HEAD:
                continue
            named = self.last_by_head.get(keys)
            if named is not None:
                return replace(named, start=i, end=i + size, bare=True, alias=None)
            if self.home is not None and keys_of(self.home.name)[:size] == keys:
                return Mention(self.home.name, i, i + size, 3, body=self.home, bare=True)
        return None

    def with_abbreviation(self, mention: Mention) -> Mention:
        """"Viện Dịch vụ công quốc gia Pháp (INSP)": the abbreviation becomes the alias."""
        tokens = self.tokens
        e = mention.end
        if e + 2 < len(tokens) and tokens[e].text == "(" and tokens[e + 2].text == ")":
            candidate = tokens[e + 1].text
            if sum(c.isupper() for c in candidate) >= 2 and not candidate.isdigit():
                mention = replace(mention, end=e + 3, alias=candidate)
                self.local_abbreviations[candidate] = replace(mention, alias=None)
        return mention

    def with_parent(self, mention: Mention) -> Mention:
        """A unit followed by the body it belongs to: ", Học viện ...", "thuộc Bộ ...", "Bộ ..."."""
        if not mention.unit_like:
            return mention
        tokens = self.tokens
        e = mention.end
        if e >= len(tokens):
            return mention
        if tokens[e].text == ",":
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
        return replace(mention, end=parent.end, parent=parent.name)


def _standalone(tokens: list[Token], i: int) -> bool:
    glued_before = i > 0 and tokens[i - 1].end == tokens[i].start and tokens[i - 1].text in "-/."
    glued_after = (
        i + 1 < len(tokens) and tokens[i + 1].start == tokens[i].end and tokens[i + 1].text in "-/."
    )
    return not (glued_before or glued_after)
