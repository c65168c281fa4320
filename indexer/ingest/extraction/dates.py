"""The day of the reported event, and the publication time where the page states one.

The event's date is one the lead gives (`date_mentions`), preferably with a part of the day;
where the lead writes the news's own day ("Sáng 10-1, ...", "Ngày 17-11, ..."), that day or
none (another day's full date in the lead is another event's), and never a day still to come;
a full date written inside a sentence ("tính đến thời điểm 31/12/2017") is no news's day.
Precision comes before coverage: a day and month ("Chiều 25/11") take a year only where the
text gives the year of that day: a full date of the very same day (a document or a term of
that day counts: "Chiều 1-7 ... kể từ ngày 1-7-2019"), unless the text counts the years since
it ("kỷ niệm 50 năm", "cách đây 41 năm") or it ends a term of a year or more ("kể từ ngày
1/9/2019 đến ngày 31/8/2024"); an earlier full date in the same sentence ("Tối 2/9, ... (ngày
01/9/2023)"); the end of the period the day opens ("từ ngày 17/10 – 21/10/2022", "kết thúc ngày
17-1-2019", "đến hết ngày 26/11/2021"), not of a period with another start ("từ ngày 27-8-2019
đến hết ngày 26-8-2020"); the year in the event's name just before them ("Diễn đàn kinh tế tư
nhân VN 2019, ngày 2-5"), not a name with two years ("tổng kết năm 2017, triển khai nhiệm vụ
năm 2018", "giai đoạn 2017 - 2020"), not a pageant title's that the text gives a person ("Á hậu Hoàn vũ
Thái Lan 2005 Nursara Suknamai"); or the publication time. Another day's date in the
body tells an earlier episode (the crime before the trial), not the year of the news. A photo's
caption ("Peter Madsen bị cảnh sát bắt ngày 11/8/2017.") dates the photo; and a date years older
than the text's latest full date (a decree cited, an event reported) tells history.
`explain_event_date` also says how the year was found (`lent_years` lends it).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from indexer.ingest.extraction.date_mentions import SENTENCE_END, DateMention, all_mentions, date_mentions
from indexer.ingest.extraction.layout import STAMP
from indexer.ingest.extraction.lent_years import PERIOD_END, FullDates, year_nearby, year_of_event_name
from indexer.ingest.extraction.remembered_days import ANNIVERSARY, COUNTED_YEARS, counts_years_since

# An event date more years than this before the text's latest full date is history.
_HISTORY_YEARS = 1

def find_published(stamp: str | None, meta_published: str | None = None) -> str | None:
    """The publication time as ISO (2021-11-25T21:27), from page metadata or a stamp line."""
    if meta_published and (published := normalize_iso(meta_published)):
        return published
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
        return normalize_iso(f"{date}T{int(hours):02d}:{minutes}")
    return normalize_iso(date)


def normalize_iso(value: str) -> str | None:
    """An ISO date or datetime cut to minutes, without time zone ("2021-11-25T21:27"); None
    unless it names a real day and time (no month 13, no 30 February, no year 0)."""
    match = re.match(r"\s*([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?(?![0-9])(?:[T ]([0-9]{2}):([0-9]{2}))?", value)
    if not match:
        return None
    year, month, day, hours, minutes = match.groups()
    try:
        dt.datetime(int(year), int(month), int(day or 1), int(hours or 0), int(minutes or 0))
    except ValueError:
        return None
    result = f"{year}-{month}" + (f"-{day}" if day else "")
    if day and hours:
        result += f"T{hours}:{minutes}"
    return result


def is_calendar_date(value: str) -> bool:
    """Whether `value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real year, month or day."""
    if not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def find_event_date(lead: str, rest: str = "", *, published: str | None = None) -> str | None:
    """The article's day in ISO form: the publication day where it is known, else the surest
    date the lead gives the event; None rather than a guess (the module's rules)."""
    if published:
        return published[:10]
    found = explain_event_date(lead, rest)
    return found.iso if found else None


@dataclass(frozen=True)
class EventDate:
    """The date the lead gives the event, where the lead writes its day, and how it got its year."""

    iso: str
    at: int  # where the lead writes the day (a position in the lead)
    how: str  # WRITTEN, or the way a year was lent (`lent_years`)
    lender: int  # where the text (the lead, a newline, the rest) writes the year


# The day written with its own year, as the news's own day ("Sáng 16-2-2019, ...", "Ngày 4/4/2017
# tại Hà Nội, ...") or inside a sentence ("... trao tặng ... vào ngày 29/8/2017").
WRITTEN = "written with the day"
WRITTEN_INSIDE = "written with the day, inside a sentence"


def explain_event_date(lead: str, rest: str = "") -> EventDate | None:
    """The surest date the lead gives the event, with how its year was found; None rather than a guess."""
    text = lead + "\n" + rest
    everything = all_mentions(text)
    full = FullDates([m for m in everything if m.year and m.month], text)
    # Every year the text gives a past event or a document (targets are left out): the news is newer.
    newest = max((m.year for m in everything if m.year), default=None)
    candidates = sorted(date_mentions(lead), key=lambda m: (m.score, m.day is not None, -m.start), reverse=True)
    # Where the lead writes the news's own day ("Sáng 10-1, ..."), the article's date is that day or
    # none: another day's full date in the lead is another event's (a document's, an earlier episode's).
    news_day = next(((m.month, m.day) for m in candidates if m.day and m.opens), None)
    if news_day:
        candidates = [m for m in candidates if (m.month, m.day) == news_day]
    for mention in candidates:
        if mention.year and not mention.opens and not news_day:
            # Inside a sentence a full date is a reference point, a document's or a deadline's as
            # often as the news's day ("tính đến thời điểm 31/12/2017", "hợp đồng ký kết vào ngày
            # 01/02/2017"): 23 of 40 read right on unlabelled news. It still lends its year, and
            # one of the news's own day is that day ("Sáng 28-7 ... (28-7-1929 - 28-7-2019)").
            continue
        if mention.year and _is_caption(mention, lead):
            continue  # a photo's caption dates the photo, often a file photo years old
        if mention.year and (_is_remembered(mention, lead) or counts_years_since(lead, mention.start)):
            continue  # "kỷ niệm 50 năm sự kiện tàu Apollo 11 hạ cánh ... vào ngày 20-7-1969"
        remembered = bool(ANNIVERSARY.search(_sentence(lead, mention.start)))
        lent = None if mention.year else (year_nearby(mention, full, remembered) or year_of_event_name(mention, lead))
        year = mention.year or (lent.year if lent else None)
        if year is None or (newest is not None and year < newest - _HISTORY_YEARS):
            continue
        found = mention.iso(year)
        if found is None or not is_calendar_date(found):
            continue  # "ngày 30/2": no such day
        return EventDate(found, mention.start, lent.how if lent else WRITTEN if mention.opens else WRITTEN_INSIDE, lent.at if lent else mention.start)
    return None


# How far before a full date in its sentence a count of years makes it the day remembered.
_REMEMBERED_REACH = 200
# A caption: a short paragraph after the first that ends with the date ("Peter Madsen bị cảnh
# sát bắt ngày 11/8/2017.", "Tàu khu trục Type-055 trong lễ hạ thuỷ ngày 28/6/2017.").
_CAPTION_WORDS = 40
_ENDS_WITH_THE_DATE = re.compile(r"[^,;]{0,40}?\d{4}\s*\.?\s*")


def _sentence(text: str, at: int) -> str:
    """The sentence of `text` around position `at` (which "TP. Đồng Hới" does not end)."""
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, at)), default=0)
    end = SENTENCE_END.search(text, at)
    return text[start : end.start() if end else len(text)]


def _is_remembered(mention: DateMention, lead: str) -> bool:
    """Whether the words before a full date in its sentence count the years since it (not the
    end of the span to this year's anniversary: "(11/6/1912 – 11/6/2018)")."""
    if PERIOD_END.search(lead, max(0, mention.start - 25), mention.start):
        return False
    sentence_start = max(lead.rfind(". ", 0, mention.start), lead.rfind("\n", 0, mention.start)) + 1
    reach = max(sentence_start, mention.start - _REMEMBERED_REACH)
    return bool(COUNTED_YEARS.search(lead, reach, mention.start))


def _is_caption(mention: DateMention, lead: str) -> bool:
    """Whether the full date ends a short paragraph that is not the lead's first: a photo's caption."""
    start = lead.rfind("\n", 0, mention.start) + 1
    end = lead.find("\n", mention.start)
    end = len(lead) if end < 0 else end
    return (start > 0 and len(lead[start:end].split()) <= _CAPTION_WORDS
            and bool(_ENDS_WITH_THE_DATE.fullmatch(lead, mention.start, end)))
