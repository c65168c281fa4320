"""Dates written in a text: where each is, its parts, and whether it may be the reported event's.

Dates come written as "chiều ngày 17/10/2022", "Sáng ngày 05/10/2022", "ngày 12/11/2020",
"Chiều ngày 25/11" (the year from elsewhere), "ngày 5 tháng 3 năm 2024", "tháng 10/2022" or
"năm 2023". Dates of cited documents ("Nghị quyết số 17/NQ-CP ngày 07/3/2019", "BLHS 2015"),
effective dates, anniversaries and the ends of periods are marked (they are no event's day but
tell how new the text is, or lend their year); birth dates ("sinh năm 1964", "SN 2004") and
targets ("đến năm 2030") are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

_PATTERNS = (
    # 17/10/2022, 17-10-2022, 17.10.2022
    re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/])"),
    # ngày 5 tháng 3 năm 2024
    re.compile(r"(?P<ngay>[Nn]gày)\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|,)\s*(?P<y>\d{4}))?"),
    # (sáng) ngày 25/11, chiều 25/11, ngày 2-5: the year comes from elsewhere
    re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})[/-](?P<m>\d{1,2})(?![\d/-])"),
    # tháng 10/2022, tháng 10 năm 2022, tháng 11-2018
    re.compile(r"[Tt]háng\s+(?P<m>\d{1,2})(?:/|\s+năm\s+|\s?-\s?)(?P<y>\d{4})(?!\d)"),
    # năm 2023
    re.compile(r"[Nn]ăm\s+(?P<y>(?:19|20)\d{2})(?![\d/])"),
)
# What may stand right before a date: a part of the day and the word "ngày".
_PREFIX = re.compile(
    r"(?:(?P<part>[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Hh]ôm)\s+(?:nay\s+|qua,?\s+)?)?(?:(?P<ngay>[Nn]gày)\s+)?$"
)
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
# A date right after these belongs to a cited document or a plan, not to the event.
_CITED = re.compile(
    r"(?:(?:số|[Qq]uyết định|[Nn]ghị định|[Tt]hông tư|[Cc]ông văn)\s+[\w./&-]+(?:\s*[/-]\s*[\w.&]+)*\s*,?\s*"
    r"(?:của\s+[^,;.]{1,60}?\s*)?|(?:ban hành|ký|phê duyệt|hiệu lực|phát hành|Luật|"
    r"Nghị quyết|Quyết định|Nghị định|Thông tư|Chỉ thị|Công văn|Kết luận|BLHS|BLTTHS|BLDS|Bộ luật[^,;.]{0,40}?|"
    r"Hiến pháp|Pháp lệnh)\s+)(?:ngày\s+|năm\s+)?$"
)
# A date right after these is someone's birth.
_BIRTH = re.compile(r"(?:\b[Ss]inh|\bSN|\bs\.n\.?|[Nn]ăm sinh|[Nn]gày sinh)\s*(?:ngày\s+|năm\s+|:\s*)?$")
# A date after these is a plan's, not a day something happened: "dự kiến được tổ chức vào ngày
# 29-3-2018", "mục tiêu hợp long cầu vào ngày 30-4-2020" (left out: a plan may lie after the news).
_PLANNED = re.compile(r"(?:[Dd]ự kiến|[Mm]ục tiêu|[Tt]heo kế hoạch)[^,.;:()]{0,60}?\bvào\s+(?:\S+\s+)?$")
# A life's span in brackets: "(7-3-1922 - 12-1-2004)"; one of the same day and month at both
# ends counts the years to this year's anniversary ("(30-4-1975 - 30-4-2018)") and is kept.
_LIFE_SPAN = re.compile(r"\(\s*(\d{1,2}[/.-]\d{1,2})[/.-]\d{4}\s*[-–]\s*(\d{1,2}[/.-]\d{1,2})[/.-]\d{4}\s*\)")
# A day of the lunar calendar: "ngày 29 tháng 7 năm Kỷ Hợi", "15/8 âm lịch" (not the solar day).
_LUNAR = re.compile(
    r"\s*(?:năm\s+)?(?:Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý)\s+(?:Tý|Sửu|Dần|Mão|Thìn|Tỵ|Tị|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi)\b"
    r"|\s*\(?\s*(?:âm lịch|ÂL)\b"
)
# A date after these is an effective date or a term, an anniversary or an earlier episode.
_NOT_THE_NEWS = re.compile(
    r"(?:(?:[Áá]p dụng|[Hh]iệu lực|[Tt]hi hành|[Kk]ể|[Hh]ạn|[Tt]rước|[Ss]au)\s+(?:từ\s+)?(?:ngày\s+|năm\s+)?|"
    r"(?:(?<!lễ )[Kk]ỷ niệm|(?<!lễ )[Tt]ưởng niệm|[Cc]ách đây|năm trước|[Tt]rước đó|vụ (?:tấn công )?khủng bố|chiến thắng|[Hh][yi] sinh)[^.;]{0,60}$)"
)
# A date after these ends a period, or is an aside in parentheses: not the day of the news,
# but it lends its year to a day and month close to it.
_UNTIL = re.compile(r"(?:\b(?:[Đđ]ến|[Tt]ới)\s+(?:hết\s+)?(?:ngày\s+)?|\((?:ngày\s+)?)$")
_SINCE = re.compile(r"\b[Tt]ừ\s+(?:ngày\s+)?$")
# vietnews abstracts lose their first letter: "ừ ngày 1-8, cơ quan ..." began "Từ ngày 1-8".
_SINCE_FIRST_LETTER_LOST = re.compile(r"ừ\s+(?:ngày\s+)?")
# A date before these began a period that lasts until now ("ngày 18-12-1978 đến nay"): history.
# "từ ngày 17/10 – 21/10/2022", "từ 5/3 đến 7/3": a day and month that open an event's days.
_RANGE_END = re.compile(r"\s*(?:[-–—]|đến|tới)\s*(?:ngày\s+)?\d")
_UP_TO_NOW = re.compile(r"\s*(?:cho\s+)?(?:đến|tới)\s+nay")
# The news's own day opens a sentence or a clause and the clause goes on after it: "Ngày 17-11,
# nguồn tin ...", "Sau khi khởi tố bị can, ngày 2/1, Công an ...", "Ngày 4/4/2017 tại Hà Nội, ...".
_CLAUSE_START = re.compile(r"(?:^|[.!?:;\n,])\s*(?:[Vv]ào\s+|[Hh]ôm\s+)?$")
_CLAUSE_GOES_ON = re.compile(r"\s*(?:\([^()\n]{0,40}\)\s*)?(?:,|\s+tại\b)")
# The day a source reports is the news's day too: "Đài RT ngày 6-9 cho biết", "theo tờ X ngày 16-4,".
_REPORTED_AFTER = re.compile(r"\s*(?:\([^()\n]{0,40}\)\s*)?(?:cho biết|cho hay|cho thấy|đưa tin|dẫn lời|thông báo|công bố|tuyên bố|vừa qua)\b")
_SOURCE_BEFORE = re.compile(r"(?:^|[.\n,]\s*)[Tt]heo\s+[^,.;\n]{1,50}?\s+$")
# A paper's article that the news follows up: "Ngày 7/1/2019, Báo VTV điện tử có bài phản ánh".
_EARLIER_ARTICLE = re.compile(r",?\s*(?:[Bb]áo|[Tt]ờ)\s[^,.\n]{0,50}?\b(?:có bài|(?:có |đã )?đăng(?: tải)? bài)")
# An attack named by its day ("vụ tấn công kinh hoàng ngày 11-9-2001", "nguy cơ khủng bố ngày 11-9")
# is an event referred to.
_NAMED_BY_ITS_DAY = re.compile(r"(?:(?:vụ|cuộc)\s+tấn công|khủng bố|đánh bom)(?:\s+[\w-]+){0,3}\s+$")
# Something still to come: "sẽ" or a forecast before the date in its sentence, "tới đây" after it.
_FUTURE = re.compile(r"\bsẽ\b|[Dd]ự báo")
_AHEAD_REACH = 150
# "Dự kiến ngày mai, 8-5-2018, TAND ... sẽ", "Từ ngày mai 10/6/2019": tomorrow, written before the date.
_TOMORROW = re.compile(r"\b(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối)\s+mai,?\s*$")
# A sentence ends at ". " but not after "TP" or an initial ("TP. HCM", "Q. 8", "chị H. cho biết").
SENTENCE_END = re.compile(r"(?<!\bTP)(?<!\bTp)(?<!\b[A-ZĐ])[.!?]\s|\n")
_STILL_TO_COME = re.compile(r"\s*(?:tới đây|sắp tới|tới)\b(?!\s*(?:ngày|\d))")
# "Ngày 27-5-2018 sẽ thông xe cầu Cao Lãnh", "Ngày 11/2/2019, bộ sưu tập ... sẽ chính thức trình
# diễn": "sẽ" in the clause the date opens, before any word of saying (whose "sẽ" is reported speech)
# and before another verb's own "và sẽ" ("khai mạc ngày 9-3 và sẽ kết thúc": the opening has come).
_WILL_AFTER = re.compile(
    r"(?:(?!cho biết|cho hay|đưa tin|thông báo|công bố|tuyên bố|khẳng định|nhận định|nhấn mạnh|cho rằng|nói|đề nghị|yêu cầu|chỉ đạo|cam kết|cảnh báo|và sẽ\b)[^.;:\n\"“]){0,70}?\bsẽ\b"
)
# "năm 2030" after these is a target or a period, not when something happened.
_NOT_WHEN = {"đến", "tới", "đoạn", "vào", "trước", "sau", "từ", "của", "nhiều", "các", "những", "hàng"}


@dataclass(frozen=True)
class DateMention:
    """A date written in the text: its parts, where it is and how sure it is the event's."""

    start: int
    year: int | None
    month: int | None
    day: int | None
    score: int
    cited: bool = False  # a cited document's date: never the event's, but the text is newer
    until: bool = False  # the end of a period or an aside: not the event's day, but it lends its year
    opens: bool = False  # written as the news's own day: with a part of the day, or opening a clause
    ahead: bool = False  # a day still to come ("sẽ diễn ra vào ngày 8/9/2017"): it lends its year only

    def iso(self, year: int | None = None) -> str | None:
        year = self.year or year
        if year is None:
            return None
        if self.month is None:
            return f"{year:04d}"
        if self.day is None:
            return f"{year:04d}-{self.month:02d}"
        return f"{year:04d}-{self.month:02d}-{self.day:02d}"


def date_mentions(text: str) -> list[DateMention]:
    """Every valid date written in `text` that may be the event's, in text order."""
    return [m for m in all_mentions(text) if not (m.cited or m.until or m.ahead)]


def all_mentions(text: str) -> list[DateMention]:
    """Every valid date written in `text`, cited documents' dates marked, births and targets left out."""
    found: dict[int, DateMention] = {}
    taken: list[tuple[int, int]] = []  # spans of surer patterns' dates, in text order, disjoint
    for rank, pattern in enumerate(_PATTERNS):
        starts = [s for s, _ in taken]
        kept = []  # one pattern's matches never overlap each other: only the surer ones count
        for match in pattern.finditer(text):
            span = match.span()
            before = bisect_left(starts, span[1]) - 1  # the last taken span starting before this ends
            if before >= 0 and taken[before][1] > span[0]:
                continue
            mention = _mention(match, rank, text)
            if mention is None:
                continue
            kept.append(span)
            found[span[0]] = mention
        taken = sorted(taken + kept)
    return [found[k] for k in sorted(found)]


def _mention(match: re.Match[str], rank: int, text: str) -> DateMention | None:
    parts = match.groupdict()
    day = int(parts["d"]) if parts.get("d") else None
    month = int(parts["m"]) if parts.get("m") else None
    year = int(parts["y"]) if parts.get("y") else None
    if day is not None and not 1 <= day <= 31 or month is not None and not 1 <= month <= 12:
        return None
    if year is not None and not 1945 <= year <= 2100:
        return None
    before = text[max(0, match.start() - 90) : match.start()]
    prefix = _PREFIX.search(before[-20:])
    part = prefix.group("part") if prefix else None
    ngay = parts.get("ngay") or (prefix.group("ngay") if prefix else None)
    start = match.start() - (len(prefix.group()) if prefix else 0)
    if _BIRTH.search(text[max(0, start - 20) : start]) or _PLANNED.search(text[max(0, start - 90) : start]):
        return None
    if year is not None and _in_life_span(text, match.start()) or _LUNAR.match(text, match.end()):
        return None
    cited = bool(_CITED.search(text[max(0, start - 90) : start]) or _NOT_THE_NEWS.search(text[max(0, start - 70) : start]))
    until = bool(_UNTIL.search(text[max(0, start - 20) : start]))
    # Matched where the date ends, without copying the rest of the text for every date.
    since = (_SINCE.search(text[max(0, start - 12) : start]) or start <= 12 and _SINCE_FIRST_LETTER_LOST.fullmatch(text[:start])) and (year is not None or not _RANGE_END.match(text, match.end()))
    if since or year is not None and _UP_TO_NOW.match(text, match.end()):
        cited = True  # "từ 1-1-2020", "từ ngày 1-8,", "18-12-1978 đến nay": when a rule applies or a long period began
    if rank == 4:
        word = _WORD_BEFORE.search(before[-20:])
        if word and word.group(1).lower() in _NOT_WHEN or re.search(r"[-–]\s*$", before[-3:]):
            return None
    if rank == 2 and not (part or ngay):
        return None  # a bare "17/10" may be a ratio or a document number
    if rank >= 3:
        cited = True  # "năm 1995", "tháng 4/2019" tell of a time, not the day of the news
    score = {0: 3, 1: 3, 2: 3, 3: 1, 4: 0}[rank]
    if part:
        score += 3
    if ngay:
        score += 1
    opens = bool(part) or bool(_CLAUSE_START.search(text, max(0, start - 12), start) and _CLAUSE_GOES_ON.match(text, match.end()))
    if ngay and not opens:  # the day a source reports: "Đài RT ngày 6-9 cho biết", "theo tờ The Insider ngày 16-4,"
        opens = bool(_REPORTED_AFTER.match(text, match.end()) or _SOURCE_BEFORE.search(text, max(0, start - 60), start)
                     and _CLAUSE_GOES_ON.match(text, match.end()))
    if _EARLIER_ARTICLE.match(text, match.end()):
        cited = True  # "Ngày 16/10/2018, báo điện tử Người Đưa Tin có đăng bài ...": the story's first article
    if _NAMED_BY_ITS_DAY.search(text, max(0, start - 60), start):
        cited = True  # "các cuộc tấn công khủng bố ngày 11/9/2001": an event the text names by its day
    return DateMention(start, year, month, day, score, cited, until, opens, _is_ahead(text, start, match.end(), part))


def _is_ahead(text: str, start: int, end: int, part: str | None) -> bool:
    """Whether the date is of something still to come: "sẽ" or a forecast before it in its sentence
    ("Chương trình sẽ diễn ra vào ngày 8/9/2017"), "tới đây" after it, or "sáng mai 1-1-2019"."""
    if part and text.startswith("mai", start + len(part) + 1) or _TOMORROW.search(text, max(0, start - 16), start):
        return True
    if _STILL_TO_COME.match(text, end) or _WILL_AFTER.match(text, end):
        return True
    reach = max(0, start - _AHEAD_REACH)
    sentence = max((m.end() for m in SENTENCE_END.finditer(text, reach, start)), default=reach)
    return bool(_FUTURE.search(text, sentence, start))


def _in_life_span(text: str, at: int) -> bool:
    """Whether the full date at `at` is a birth or death in a bracketed life span."""
    opening = text.rfind("(", max(0, at - 16), at + 1)
    span = _LIFE_SPAN.match(text, opening) if opening >= 0 else None
    return span is not None and re.split(r"\D", span.group(1)) != re.split(r"\D", span.group(2))


def is_target(before: str) -> bool:
    """Whether a year after `before` is a target or a period ("đến năm 2030"), not a time."""
    word = _WORD_BEFORE.search(re.sub(r"\s*năm\s*$", " ", before)[-20:])
    return bool(word and word.group(1).lower() in _NOT_WHEN)
