"""The day of the reported event, and the publication time where the page states one.

The event's date is one the lead gives (`date_mentions`), preferably with a part of the day;
where the lead writes the news's own day ("Sáng 10-1, ...", "Ngày 17-11, ..."), that day or
none (another day's full date in the lead is another event's), and never a day still to come.
Precision comes before coverage: a day and month ("Chiều 25/11") take a year only where the
text gives the year of that day: a full date of the very same day (a document or a term of
that day counts: "Chiều 1-7 ... kể từ ngày 1-7-2019"), unless the text counts the years since
it ("kỷ niệm 50 năm", "cách đây 41 năm"); a full date in the same sentence ("Tối 2/9, ... (ngày
01/9/2023)"); the end of the period the day opens ("từ ngày 17/10 – 21/10/2022", "kết thúc ngày
17-1-2019", "đến hết ngày 26/11/2021"), not of a period with another start ("từ ngày 27-8-2019
đến hết ngày 26-8-2020"); the year in the event's name just before them ("Diễn đàn kinh tế tư
nhân VN 2019, ngày 2-5"), not a pageant title's that the text gives a person ("Á hậu Hoàn vũ
Thái Lan 2005 Nursara Suknamai"); or the publication time. Another day's date in the
body tells an earlier episode (the crime before the trial), not the year of the news. A photo's
caption ("Peter Madsen bị cảnh sát bắt ngày 11/8/2017.") dates the photo; and a date years older
than the text's latest full date (a decree cited, an event reported) tells history.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import defaultdict

from indexer.ingest.extraction.date_mentions import DateMention, all_mentions, date_mentions, is_target
from indexer.ingest.extraction.events import event_mentions
from indexer.ingest.extraction.layout import STAMP
from indexer.ingest.extraction.remembered_days import counts_years_since, is_remembered, is_validity_end

# A day and month borrow the year of a full date at most this many days away in the text.
_SAME_EVENT_DAYS = 31
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
    text = lead + "\n" + rest
    everything = all_mentions(text)
    full = _FullDates([m for m in everything if m.year and m.month], text)
    # Every year the text gives a past event or a document (targets are left out): the news is newer.
    newest = max((m.year for m in everything if m.year), default=None)
    candidates = sorted(date_mentions(lead), key=lambda m: (m.score, m.day is not None, -m.start), reverse=True)
    # Where the lead writes the news's own day ("Sáng 10-1, ..."), the article's date is that day or
    # none: another day's full date in the lead is another event's (a document's, an earlier episode's).
    news_day = next(((m.month, m.day) for m in candidates if m.day and m.opens), None)
    if news_day:
        candidates = [m for m in candidates if (m.month, m.day) == news_day]
    for mention in candidates:
        if mention.year and _is_caption(mention, lead):
            continue  # a photo's caption dates the photo, often a file photo years old
        if mention.year and (_is_remembered(mention, lead) or counts_years_since(lead, mention.start)):
            continue  # "kỷ niệm 50 năm sự kiện tàu Apollo 11 hạ cánh ... vào ngày 20-7-1969"
        remembered = bool(_ANNIVERSARY.search(_sentence(lead, mention.start)))
        year = mention.year or _year_nearby(mention, full, remembered) or _year_of_event_name(mention, lead)
        if year is None or (newest is not None and year < newest - _HISTORY_YEARS):
            continue
        found = mention.iso(year)
        if found is None or not is_calendar_date(found):
            continue  # "ngày 30/2": no such day
        return found
    return None


# "kỷ niệm 50 năm", "tròn hai thập kỷ", "cách đây 41 năm", "50 năm về trước": the text counts the
# years since a day, so a full date of that day and month is the day remembered, not this year's.
_COUNTED_YEARS = re.compile(
    r"(?:[Kk][ỷỉ] niệm|[Tt]ưởng niệm|[Tt]ròn|[Cc]ách đây|[Đđ]úng|[Gg]iỗ)\s+(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
    r"(?:\s+\w+)?\s+(?:năm|thập kỷ|thập niên)\b|\b\d+\s+năm\s+(?:về\s+)?trước|\b\d+\s+năm\s+(?:[Nn]gày|sự kiện)\b"
)
_ANNIVERSARY = re.compile(_COUNTED_YEARS.pattern + r"|\bthập kỷ\b|\bthập niên\b")
# How far before a full date the words of an anniversary make it the day remembered: as a
# lender of its year, and (counted in years, in its sentence) as the news's day.
_ANNIVERSARY_REACH = 100
_REMEMBERED_REACH = 200
# What ends the period that a day and month open: "từ ngày 17/10 – 21/10/2022", "kết thúc ngày
# 17-1-2019", "đến hết ngày 26/11/2021" (lower case: a sentence opening "Đến ngày 9/11/2017, ..."
# tells an earlier episode).
_PERIOD_END = re.compile(r"(?:\bđến|\btới|\bkết thúc(?:\s+vào)?|[-–—])\s*(?:hết\s+)?(?:ngày\s+)?$")
# A period's own start right before its end: "từ ngày 3 đến ngày 6-9-1969", "từ 1-4-2019 đến".
_OWN_START = re.compile(r"\b[Tt]ừ\s+(?:ngày\s+)?(?P<d>\d{1,2})(?:[/-](?P<m>\d{1,2})(?:[/-]\d{4})?)?\s*$")
# A caption: a short paragraph after the first that ends with the date ("Peter Madsen bị cảnh
# sát bắt ngày 11/8/2017.", "Tàu khu trục Type-055 trong lễ hạ thuỷ ngày 28/6/2017.").
_CAPTION_WORDS = 40
_ENDS_WITH_THE_DATE = re.compile(r"[^,;]{0,40}?\d{4}\s*\.?\s*")


def _sentence(text: str, at: int) -> str:
    """The sentence of `text` around position `at`."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e >= 0]
    return text[start : min(ends) if ends else len(text)]


def _is_remembered(mention: DateMention, lead: str) -> bool:
    """Whether the words before a full date in its sentence count the years since it (not the
    end of the span to this year's anniversary: "(11/6/1912 – 11/6/2018)")."""
    if _PERIOD_END.search(lead, max(0, mention.start - 25), mention.start):
        return False
    sentence_start = max(lead.rfind(". ", 0, mention.start), lead.rfind("\n", 0, mention.start)) + 1
    reach = max(sentence_start, mention.start - _REMEMBERED_REACH)
    return bool(_COUNTED_YEARS.search(lead, reach, mention.start))


def _is_caption(mention: DateMention, lead: str) -> bool:
    """Whether the full date ends a short paragraph that is not the lead's first: a photo's caption."""
    start = lead.rfind("\n", 0, mention.start) + 1
    end = lead.find("\n", mention.start)
    end = len(lead) if end < 0 else end
    return (start > 0 and len(lead[start:end].split()) <= _CAPTION_WORDS
            and bool(_ENDS_WITH_THE_DATE.fullmatch(lead, mention.start, end)))


class _FullDates:
    """The text's full dates by day and month, so that the one nearest a day and month that lends
    it its year is found by binary search, not by sorting every date for every candidate."""

    def __init__(self, full: list[DateMention], text: str) -> None:
        # (month, day) → starts in text order: every date's, and the uncited dates' alone.
        self.every: dict[tuple[int, int | None], list[int]] = defaultdict(list)
        self.uncited: dict[tuple[int, int | None], list[int]] = defaultdict(list)
        self.years = {m.start: m.year for m in full}
        self.text = text
        for mention in full:
            assert mention.month is not None
            self.every[(mention.month, mention.day)].append(mention.start)
            if not mention.cited:
                self.uncited[(mention.month, mention.day)].append(mention.start)

    def nearest(self, keys: list[tuple[int, int | None]], at: int, same_day: tuple[int, int],
                remembered: bool) -> int | None:
        """The year of the date nearest `at` among those of `keys` (a tie goes to the earlier one);
        a cited date counts only on the very same day and month, and that day's dates not at all
        where the sentence at `at` (`remembered`) or the words before them tell an anniversary."""
        best: tuple[int, int] | None = None  # (distance, start)
        for key in keys:
            if key == same_day:
                # The same day's full dates, unless they end the span to this year's anniversary
                # ("(28-7-1929 - 28-7-2019)"): not the day remembered ("hi sinh ... vào ngày 14-3-1988").
                starts = [] if remembered else [s for s in self.every.get(key, []) if not self._anniversary(s)
                                                and (not is_remembered(self.text, s) or self._after_a_dash(s))]
            else:
                later = (key[0], key[1] or 15) > same_day
                # In a sentence that counts the years since a day, its other full dates are the
                # day remembered ("nhân sự kiện 45 năm ngày ... (19-1-1974)"), unless they end
                # the span to this year's anniversary ("(30-4-1975 - 30-4-2018)").
                starts = [s for s in self.uncited.get(key, [])
                          if self._same_sentence(at, s) and not remembered
                          or (later or remembered) and self._ends_a_period(s, same_day, key)]
            i = bisect_left(starts, at)
            for start in starts[max(0, i - 1) : i + 1]:
                if best is None or (abs(start - at), start) < best:
                    best = (abs(start - at), start)
        return None if best is None else self.years[best[1]]

    def _same_sentence(self, at: int, start: int) -> bool:
        between = self.text[min(at, start) : max(at, start)]
        return "\n" not in between and ". " not in between

    def _ends_a_period(self, start: int, day: tuple[int, int], end_key: tuple[int, int | None]) -> bool:
        """Whether the date ends the period that `day` (month, day) opens: a period whose start
        is another day ("từ ngày 27-8-2019 đến hết ngày 26-8-2020" ends the ban that began on
        27-8) lends nothing to the news's day."""
        end = _PERIOD_END.search(self.text, max(0, start - 25), start)
        if not end or is_validity_end(self.text, end.start()):
            return False
        own = _OWN_START.search(self.text, max(0, end.start() - 30), end.start())
        if own is None:
            return True
        month = int(own.group("m")) if own.group("m") else end_key[0]
        return (month, int(own.group("d"))) == day

    def _after_a_dash(self, start: int) -> bool:
        return bool(_PERIOD_END.search(self.text, max(0, start - 25), start))

    def _anniversary(self, start: int) -> bool:
        return bool(_ANNIVERSARY.search(self.text, max(0, start - _ANNIVERSARY_REACH), start))


def _year_nearby(mention: DateMention, full: _FullDates, remembered: bool) -> int | None:
    """The year of a full date close to a day and month, in the text and in the calendar
    ("từ ngày 17/10 – 21/10/2022", "chiều 25/11 … đến hết ngày 26/11/2021")."""
    if mention.month is None or mention.day is None:
        return None
    day, month = mention.day, mention.month
    near = [(m, d) for m, d in full.every
            if abs((m - month) * 30.5 + (d or 15) - day) <= _SAME_EVENT_DAYS]
    return full.nearest(near, mention.start, (month, day), remembered)


def _year_of_event_name(mention: DateMention, lead: str) -> int | None:
    """The year an event's name gives the day and month that follow it in the sentence
    ("Diễn đàn kinh tế tư nhân VN 2019, ngày 2-5"; "hội nghị ... năm 2019 diễn ra ngày 11-1")."""
    if mention.month is None or mention.day is None:
        return None
    sentence_start = max(lead.rfind(".", 0, mention.start), lead.rfind("\n", 0, mention.start)) + 1
    before = lead[max(sentence_start, mention.start - _EVENT_NAME_REACH) : mention.start]
    events = event_mentions(before)
    if not events:
        return None
    years = [y for y in _NAMED_YEAR.finditer(before, events[0][1])
             if not is_target(before[: y.start()]) and not _title_held(before, y, lead)]
    if not years:
        return None
    if len({y.group(1) for y in years}) > 1 and mention.month == 12:
        # "tổng kết công tác năm 2018, triển khai nhiệm vụ năm 2019, tổ chức chiều 28-12": a
        # review held in December belongs to the year it reviews, in January to the next.
        return int(years[0].group(1))
    return int(years[-1].group(1))


def _title_held(before: str, year: re.Match[str], lead: str) -> bool:
    """Whether the year is that of a pageant's title the text gives a person ("Hoa hậu Hoàn vũ
    1995 Chelsi Smith"): the year she won, not the year of the day that follows."""
    title = _TITLE_HELD.search(before, 0, year.start())
    if title is None:
        return False
    held = re.escape(before[title.start() : year.end()]) + r"\s+" + _PERSON_NAME
    return bool(re.search(held, lead))


# How far before a day and month an event's name with its year may begin.
_EVENT_NAME_REACH = 120
# A year after a pageant's title is the year a person won it ("Hoa hậu Hoàn vũ 1995 Chelsi Smith
# đã qua đời chiều 8/9"), not the year of the day that follows.
_TITLE_HELD = re.compile(r"(?:[Hh]oa hậu|[ÁáAa] hậu|[Hh]oa khôi|[Nn]am vương)\b[^,.;\d]{0,40}$")
_PERSON_NAME = r"[A-ZĐ][a-zà-ỹđ]+\s+[A-ZĐ][a-zà-ỹđ]+"
_NAMED_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/.-])")
