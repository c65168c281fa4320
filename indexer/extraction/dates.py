"""The day of the reported event, and the publication time where the page states one.

Dates come written as "chiều ngày 17/10/2022", "Sáng ngày 05/10/2022", "ngày 12/11/2020",
"Chiều ngày 25/11" (the year from elsewhere, e.g. the time stamp line), "ngày 5 tháng 3
năm 2024", "tháng 10/2022" or "năm 2023". The event's date is the one in the lead,
preferably with a part of the day; dates of cited documents ("Nghị quyết số 17/NQ-CP
ngày 07/3/2019") are never taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.extraction.layout import STAMP

_PATTERNS = (
    # 17/10/2022, 17-10-2022, 17.10.2022
    re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/])"),
    # ngày 5 tháng 3 năm 2024
    re.compile(r"(?P<ngay>[Nn]gày)\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|,)\s*(?P<y>\d{4}))?"),
    # (sáng) ngày 25/11, chiều 25/11: the year comes from elsewhere
    re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])"),
    # tháng 10/2022, tháng 10 năm 2022
    re.compile(r"[Tt]háng\s+(?P<m>\d{1,2})(?:/|\s+năm\s+)(?P<y>\d{4})(?!\d)"),
    # năm 2023
    re.compile(r"[Nn]ăm\s+(?P<y>(?:19|20)\d{2})(?![\d/])"),
)
# What may stand right before a date: a part of the day and the word "ngày".
_PREFIX = re.compile(
    r"(?:(?P<part>[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Hh]ôm)\s+(?:nay\s+)?)?(?:(?P<ngay>[Nn]gày)\s+)?$"
)
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
# A date right after these belongs to a cited document or a plan, not to the event.
_CITED = re.compile(
    r"(?:số\s+[\w./&-]+\s*(?:của\s+[^,;.]{1,60}?\s*)?|(?:ban hành|ký|phê duyệt|hiệu lực|Luật|"
    r"Nghị quyết|Quyết định|Nghị định|Thông tư|Chỉ thị|Công văn|Kết luận)\s+)(?:ngày\s+)?$"
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
    """Every valid date written in `text` that is not a cited document's, in text order."""
    found: dict[int, DateMention] = {}
    taken: list[tuple[int, int]] = []
    for rank, pattern in enumerate(_PATTERNS):
        for match in pattern.finditer(text):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            mention = _mention(match, rank, text)
            if mention is None:
                continue
            taken.append(span)
            found[span[0]] = mention
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
    if _CITED.search(text[max(0, start - 90) : start]):
        return None
    if rank == 4:
        word = _WORD_BEFORE.search(before[-20:])
        if word and word.group(1).lower() in _NOT_WHEN or re.search(r"[-–]\s*$", before[-3:]):
            return None
    if rank == 2 and not (part or ngay):
        return None  # a bare "17/10" may be a ratio or a document number
    score = {0: 3, 1: 3, 2: 3, 3: 1, 4: 0}[rank]
    if part:
        score += 3
    if ngay:
        score += 1
    return DateMention(start, year, month, day, score)


def find_published(stamp: str | None, meta_published: str | None = None) -> str | None:
    """The publication time as ISO (2021-11-25T21:27), from page metadata or a stamp line."""
    if meta_published:
        return normalize_iso(meta_published)
    if not stamp:
        return None
    match = STAMP.match(stamp)
    if not match:
        return None
    time = match.group(1) or match.group(5)
    day, month, year = int(match.group(2)), int(match.group(3)), int(match.group(4))
    date = f"{year:04d}-{month:02d}-{day:02d}"
    if time:
        hours, minutes = time.split(":")
        return f"{date}T{int(hours):02d}:{minutes}"
    return date


def normalize_iso(value: str) -> str | None:
    """An ISO date or datetime cut to minutes, without time zone ("2021-11-25T21:27")."""
    match = re.match(r"\s*(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2}))?", value)
    if not match:
        return None
    year, month, day, hours, minutes = match.groups()
    result = f"{year}-{month}" + (f"-{day}" if day else "")
    if day and hours:
        result += f"T{hours}:{minutes}"
    return result


def find_event_date(lead: str, rest: str = "", *, published: str | None = None) -> str | None:
    """The event day in ISO form: the surest date of the lead, else the publication day,
    else the first date of the rest of the text."""
    context_year = int(published[:4]) if published else None
    lead_dates = date_mentions(lead)
    rest_dates: list[DateMention] | None = None
    if lead_dates:
        best = max(lead_dates, key=lambda m: (m.score, m.day is not None, -m.start))
        year = best.year or _year_after(best, lead_dates) or context_year
        if year is None:
            rest_dates = date_mentions(rest)
            year = next((m.year for m in lead_dates + rest_dates if m.year), None)
        iso = best.iso(year)
        if iso:
            return iso
    if published:
        return published[:10]
    rest_dates = date_mentions(rest) if rest_dates is None else rest_dates
    context_year = next((m.year for m in lead_dates + rest_dates if m.year), None)
    for mention in rest_dates:
        if mention.score >= 3:
            iso = mention.iso(context_year)
            if iso:
                return iso
    return None


def _year_after(mention: DateMention, mentions: list[DateMention]) -> int | None:
    """The year of the next full date ("từ ngày 17/10 – 21/10/2022" gives 17/10 its year)."""
    for other in mentions:
        if other.start > mention.start and other.year:
            return other.year if other.start - mention.start < 40 else None
    return None
