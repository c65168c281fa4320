"""The grammar of an organization's name the gazetteer does not know: a head word ("Sở",
"Trung tâm", "TAND" ...), then its name words, up to its place or the body it belongs to.

The name runs over capitalized words and the lower-case words newsrooms write inside names
("TAND tỉnh Tây Ninh", "Tổng công ty Cảng hàng không Việt Nam"); it ends at punctuation, a
verb, another body of a higher rank (its parent), a person's surname or, once it has reached
its place ("UBND TP Châu Đốc"), the next lower-case word. `bodies` reads texts with it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from indexer.ingest.extraction.gazetteer import Body, Gazetteer
from indexer.ingest.extraction.lower_fields import field_to_place
from indexer.ingest.extraction.ministry_fields import FIELD_HEADS, past_field_dash
from indexer.ingest.extraction.missions import MISSIONS, past_seat
from indexer.ingest.extraction.name_ends import field_after_and
from indexer.ingest.extraction.name_words import (
    COMPANIES, COMPOUND_BEFORE, DASH_STOPS, DOTTED_PLACES, HEADS, HEAD_STARTS, LONGEST_HEAD, LONGEST_LOWER_HEAD,
    LEGAL_FORMS, LOOK_LIKE_BODIES, LOWER_AFTER_HEAD, LOWER_HEADS, LOWER_HEAD_STARTS, MAX_DESCRIPTION, NAMED_WITH_PLACE,
    NOT_AFTER_HEAD, NOT_AFTER_ORGANIZATION, PLACES_WITH_SURNAMES, PLACE_KINDS, PLACE_REACH, PLACE_SENSITIVE,
    POST_ENDS, PROPER_ONLY, STOP, STOP_PAIRS, SURNAMES, TRADE_REACH, UNIT_KINDS, completes_word,
)
from indexer.ingest.extraction.named_after import PERSON_BEFORE, opens_school, named_after_person, school_name_end
from indexer.ingest.extraction.text import Token
from indexer.text.segmentation import tag_words


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
        if any(tuple(t.key for t in self.tokens[i : i + len(p)]) == p for p in LOOK_LIKE_BODIES):
            return None  # "Đài Loan", "Trường Sa", "và Khoa học": a place or a word, not a head
        if not token.is_capitalized:
            return self.lower_head_at(i)
        for size in range(LONGEST_HEAD, 0, -1):
            keys = tuple(t.key for t in self.tokens[i : i + size])
            if len(keys) == size and keys in HEADS:
                if keys == NOT_AFTER_ORGANIZATION[0] and not self.organization_follows(i + size):
                    return None  # "Tổ chức Hội nghị ...", "và Tổ chức nhân sự": holding, organizing
                return keys, HEADS[keys]
        return None

    def organization_follows(self, j: int) -> bool:
        """Whether the words after "Tổ chức" name an organization ("Tổ chức Y tế Thế giới"): a
        capitalized word that is not an event's noun."""
        tokens = self.tokens
        return j < len(tokens) and tokens[j].is_capitalized and tokens[j].key not in NOT_AFTER_ORGANIZATION[1]

    def lower_head_at(self, i: int) -> tuple[tuple[str, ...], int] | None:
        """A head written in lower case before a capitalized name ("bộ Công an", "trường THPT X"),
        unless it is part of a compound ("cán bộ", "trụ sở") or a place follows ("trung tâm Hà Nội")."""
        tokens = self.tokens
        if tokens[i].key not in LOWER_HEAD_STARTS or (i > 0 and tokens[i - 1].key in COMPOUND_BEFORE):
            return None
        for size in range(min(LONGEST_LOWER_HEAD, len(tokens) - i - 1), 0, -1):
            keys = tuple(t.key for t in tokens[i : i + size])
            if keys not in LOWER_HEADS or not all(t.text.islower() for t in tokens[i : i + size]):
                continue
            following = tokens[i + size]
            allowed = LOWER_HEADS[keys]
            if not following.is_word or not following.is_capitalized:
                return None
            if allowed and following.key not in allowed and not (keys in NAMED_WITH_PLACE and self.reaches_place(i + size)):
                return None
            if keys in PLACE_SENSITIVE and (following.key in PLACE_KINDS or self.gaz.place_at(tokens, i + size)
                                            or self.gaz.country_at(tokens, i + size) > i + size):
                return None  # "ở trung tâm Hà Nội", "trung tâm TP": the middle of a place
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
        if j >= len(tokens) or not tokens[j].is_word:
            return None
        if not tokens[j].is_capitalized and tokens[j].key not in LOWER_AFTER_HEAD:
            if not tokens[i].is_capitalized or not (
                keys in COMPANIES and self.proper_name_follows(j, TRADE_REACH)
                or field_to_place(tokens, j) and self.gaz.match_at(tokens, i) is None  # the gazetteer's name first
                or opens_school(tokens, keys, j)  # "Trường tiểu học Nguyễn Du"
            ):
                return None  # but "Công ty cổ phần đầu tư kinh doanh địa ốc Hưng Thịnh": its trade, then its name
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
                if self.person_at(j, i):
                    break  # "Bộ Ngoại giao Việt Nam Hà Kim Ngọc": a person's name follows
                continue
            province = self.gaz.place_at(tokens, j) if token.is_capitalized else None
            if province is not None and not province.with_kind:
                j, in_place = province.end, True  # "Thành uỷ Đà Nẵng lần thứ 11": the province ends the name
                continue
            if token.key in PLACE_KINDS and j + 1 < len(tokens) and tokens[j + 1].text.isdigit():
                j += 2  # "TAND quận 4 mở phiên toà": a numbered district ends the name, unless its
                in_place = j >= len(tokens) or tokens[j].key not in PLACE_KINDS  # own district follows
                continue
            if token.key in PLACE_KINDS and j + 1 < len(tokens) and tokens[j + 1].is_capitalized:
                in_place = True
            elif token.key == "thành" and j + 2 < len(tokens) and tokens[j + 1].key == "phố" and tokens[j + 2].is_capitalized:
                j, in_place = j + 2, True  # "Thành đoàn thành phố Hồ Chí Minh": "phố" does not end it
                continue
            if j > i + len(keys) and tokens[j].start - tokens[j - 1].end > 2:
                break  # a line break or a gap ends the name
            if not token.is_word:
                glued = token.start == tokens[j - 1].end and j + 1 < len(tokens) and tokens[j + 1].start == token.end
                if token.text in "-&" and glued:
                    j += 1
                    continue
                if token.text == "," and self.abbreviation_goes_on(j):
                    j += 1  # "bộ VH, TT & DL": one abbreviation written with a comma
                    continue
                field = past_field_dash(tokens, j, i + len(keys)) if token.key == "-" and keys in FIELD_HEADS else None
                if field is not None:  # "Bộ NN - PTNT", "Bộ Tài nguyên - môi trường": a field with a dash,
                    j = field  # which a partner may follow ("Bộ Khoa học - công nghệ và TP Đà Nẵng")
                    if j < len(tokens) and tokens[j].key == "và":
                        break
                    continue
                if token.key == "-" and not in_place and j > i + len(keys) and self.name_after_dash(j + 1):
                    j += 1  # "Liên đoàn Xe đạp - Mô tô thể thao Việt Nam", "Sở Văn hoá - Thể thao"
                    continue
                if token.text == "&" and j + 1 < len(tokens) and tokens[j - 1].text.isupper() and tokens[j + 1].text.isupper():
                    j += 1  # "Sở GD & ĐT"
                    continue
                if token.text == "." and tokens[j - 1].text in DOTTED_PLACES and j + 1 < len(tokens):
                    if tokens[j + 1].is_word and tokens[j + 1].is_capitalized:
                        j += 1  # "UBND TP. Đà Nẵng"
                        in_place = True
                        continue
                    if tokens[j - 1].text == "Q" and tokens[j + 1].text.isdigit():
                        j += 2  # "UBND Q. 12": a numbered district ends the name, as "quận 12" does
                        break
                break
            if j > i + len(keys) and self.gaz.match_at(tokens, j) is not None:
                other = self.gaz.match_at(tokens, j)
                if other is not None and self.rank_of(other.body, j) > rank:
                    break  # "Trung tâm Thông tin Bộ Nội vụ": the parent follows
            trade_words = token.key == "và" and tokens[j - 1].text.islower()  # "Đầu tư và Phát triển"
            trade = keys in COMPANIES and all(t.text.islower() for t in tokens[i + len(keys) : j])  # no brand yet
            reach = TRADE_REACH if trade else MAX_DESCRIPTION
            if not token.is_capitalized and keys in PROPER_ONLY and not trade_words and not self.proper_name_follows(j, reach):
                if not completes_word(tokens[j - 1], token):
                    break  # "Báo Tiền Phong", not "Báo SGGP đưa tin"
                j += 1  # "Ngân hàng TMCP Đầu tư và Phát triển": a name does not end inside a word
                continue
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
                    if token.key == "và" and tokens[j - 1].key not in PLACE_KINDS and field_after_and(tokens, j + 1, self.gaz):
                        j += 1  # "Sở Giáo dục và đào tạo (GD-ĐT) Quảng Bình"
                        continue
                    break
                pair = (token.key, tokens[j + 1].key) if j + 1 < len(tokens) else ()
                if pair in STOP_PAIRS or (token.key in STOP and not completes_word(tokens[j - 1], token)):
                    break  # but "Văn phòng Đăng ký đất đai": "ký" ends the word "Đăng" opens
            elif token.text in SURNAMES and j > i + len(keys) and not self.place_at(j) and self.name_goes_on(j) and \
                    not named_after_person(tokens, keys, i + len(keys), j) and not self.trade_name_goes_on(keys, i, j):
                if tokens[j - 1].key not in PLACE_KINDS or tokens[j - 1].is_capitalized or self.name_goes_on(j + 1):
                    break  # a person after the body ("Sở Nội vụ tỉnh Nguyễn Văn A"), not "huyện Lý Sơn"
            j += 1
        if j > i + len(keys) + 1 and any(t.text.islower() for t in tokens[i + len(keys) + 1 : j]):
            j = self.cut_at_verb(i + len(keys), j)
        j = past_seat(tokens, j) if keys in MISSIONS else school_name_end(tokens, keys, i + len(keys), j)
        if all(t.key in LEGAL_FORMS for t in tokens[i + len(keys) : j]):
            return None  # "công ty Cổ phần | ô tô Trường Hải": a legal form alone names no company
        name = self.text[tokens[i].start : tokens[j - 1].end]
        name = name[0].upper() + name[1:]
        return Mention(name=" ".join(name.split()), start=i, end=j, rank=rank)

    def proper_name_follows(self, j: int, reach: int = MAX_DESCRIPTION) -> bool:
        """Whether the lower-case words at j describe a company or station whose proper name comes
        next: "Tổng công ty Cảng hàng không Việt Nam", "Đài Tiếng nói nhân dân TP. HCM", unlike a
        verb after the name ("Công ty Alibaba rao bán nền")."""
        tokens = self.tokens
        for k in range(j, min(len(tokens), j + reach + 1)):
            token = tokens[k]
            if not token.is_word or tokens[k].start - tokens[k - 1].end > 1:
                return False
            if token.is_capitalized:
                return (
                    self.head_at(k) is None and self.gaz.match_at(tokens, k) is None
                    and (token.text not in SURNAMES or reach == TRADE_REACH and tokens[k - 1].key not in PERSON_BEFORE)
                )  # a company's trade, then the person it is named after: "Tập đoàn giáo dục Nguyễn Hoàng"
            pair = (token.key, tokens[k + 1].key) if k + 1 < len(tokens) else ()
            if token.key in STOP or pair in STOP_PAIRS or token.key in ("và", "về"):
                return False
        return False

    def cut_at_verb(self, first: int, end: int) -> int:
        """Where the name words [first, end) really end, by pyvi's words and part-of-speech tags:
        before a lower-case verb after a capitalized word that no capital follows ("Giáo hội Công
        giáo Sri Lanka huỷ kế hoạch", "Tỉnh uỷ Lâm Đồng liên quan vụ ...") and before lower-case
        syllables of a word that runs past the end ("... hoá học nhóm họp"). Asked only for names
        with lower-case words, the few the rules of `pattern_at` cannot end alone."""
        tokens = self.tokens
        stop = min(len(tokens), end + 2)
        base = tokens[first].start
        span = self.text[base : tokens[stop - 1].end]
        cursor = 0
        for word, tag in tag_words(span):
            syllables = word.split("_")
            at = span.find(syllables[0], cursor)
            for syllable in syllables:
                found = span.find(syllable, cursor)
                if found < 0:
                    return end  # pyvi respelled the text: no cut rather than a wrong one
                cursor = found + len(syllable)
            start = bisect_left(tokens, base + at, lo=first, hi=stop, key=_start_of)
            k = bisect_left(tokens, base + cursor, lo=first, hi=stop, key=_start_of)
            if start >= end:
                break
            if k > end and start > first and all(t.text.islower() for t in tokens[start:end]):
                return start  # "... hoá học nhóm_họp": a word runs past the name's end
            if tag == "V" and tokens[start].text.islower() and start > first and tokens[start - 1].is_capitalized:
                if k >= stop or not (tokens[k].is_word and tokens[k].is_capitalized):
                    return start  # "Giáo hội Công giáo Sri Lanka huỷ kế hoạch": a verb, not a trade word
        return end

    def abbreviation_goes_on(self, j: int) -> bool:
        """Whether the comma at j stands inside an abbreviation ("VH, TT & DL", "LĐ, TB & XH"):
        short capitals on both sides, a "&" or "-" joining the next ones."""
        tokens = self.tokens
        if j + 2 >= len(tokens) or not 0 < j:
            return False
        short = [tokens[k].text for k in (j - 1, j + 1)]
        return all(t.isupper() and len(t) <= 3 for t in short) and tokens[j + 2].text in "&-"

    def name_after_dash(self, j: int) -> bool:
        """Whether the name goes on after a spaced dash: a capitalized word that opens no other
        body, person or place ("Bộ Y tế - Bộ Tài chính", "Công an tỉnh X - Đại tá ...")."""
        tokens = self.tokens
        if j >= len(tokens) or not (tokens[j].is_word and tokens[j].is_capitalized) or tokens[j].text.isupper():
            return False
        if tokens[j].text in SURNAMES or tokens[j].key in DASH_STOPS:
            return False
        return self.head_at(j) is None and self.gaz.match_at(tokens, j) is None and self.gaz.place_at(tokens, j) is None

    def person_at(self, j: int, name_start: int) -> bool:
        """Whether the name of the person holding a post in the body named from `name_start`
        starts at j: a title before the body ("Bộ trưởng Bộ Công an Tô Lâm"), two capitalized
        words after it that are no place's kind ("TP HCM"), country or province."""
        tokens = self.tokens
        if name_start == 0 or tokens[name_start - 1].key not in POST_ENDS:
            return False
        if j + 1 >= len(tokens) or tokens[j].key in PLACE_KINDS or not all(t.is_word and t.is_capitalized for t in tokens[j : j + 2]):
            return False
        return self.gaz.country_at(tokens, j) == j and self.gaz.place_at(tokens, j) is None

    def reaches_place(self, j: int) -> bool:
        """Whether the name words at j reach a country or province within a few words ("hội Xe
        thăng bằng Việt Nam"), unlike a festival's name ("hội Lim 2018")."""
        tokens = self.tokens
        for k in range(j, min(len(tokens), j + PLACE_REACH)):
            if not tokens[k].is_word or (tokens[k].text.islower() and tokens[k].key in STOP):
                return False
            if k > j and tokens[k].is_capitalized and (self.gaz.country_at(tokens, k) > k or self.gaz.place_at(tokens, k)):
                return True
        return False

    def trade_name_goes_on(self, keys: tuple[str, ...], i: int, j: int) -> bool:
        """Whether the surname at j is inside a company's trade name ("Tập đoàn Tân Hoàng Minh",
        "Công ty cổ phần Ánh Dương Việt Nam"): the company is named with no post before it (the
        holder of a post is named after his company: "Chủ tịch Tập đoàn Hoà Phát Trần Đình Long")
        and a capitalized word of the same name comes right before the surname."""
        tokens = self.tokens
        return keys in COMPANIES and (i == 0 or tokens[i - 1].key not in POST_ENDS) and tokens[j - 1].is_capitalized

    def name_goes_on(self, j: int) -> bool:
        """Whether a capitalized word follows the surname at j, as in a person's name ("Nguyễn
        Văn A"), unlike the last word of a name ("Bắc Đại Tây Dương (NATO)")."""
        following = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        return following is not None and following.is_word and following.is_capitalized

    def place_at(self, j: int) -> bool:
        for place in PLACES_WITH_SURNAMES:
            if tuple(t.key for t in self.tokens[j : j + len(place)]) == place:
                return True
        return False


def _start_of(token: Token) -> int:
    return token.start
