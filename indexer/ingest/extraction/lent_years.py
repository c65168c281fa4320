"""The year a day and month borrow, and how it was found: a full date of the same day, a full
date of another day in the same sentence, the end of the period the day opens, an event's name.

`dates.find_event_date` takes the first of these a day and month ("Chiều 25/11") gets, in that
order; `LentYear.how` names the way, so that a benchmark can judge each way on its own.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from indexer.ingest.extraction.date_mentions import DateMention, is_target
from indexer.ingest.extraction.events import event_mentions
from indexer.ingest.extraction.remembered_days import ANNIVERSARY, is_remembered, is_validity_end

# The ways a day and month get a year, as `LentYear.how` names them.
SAME_DAY = "a full date of the same day"  # "Chiều 1-7 ... kể từ ngày 1-7-2019"
SAME_SENTENCE = "another day's full date in the same sentence"  # "Tối 2/9, ... (ngày 01/9/2023)"
PERIOD_END_LENDS = "the end of the period the day opens"  # "từ ngày 17/10 – 21/10/2022"
EVENT_NAME = "the year in the event's name"  # "Diễn đàn kinh tế tư nhân VN 2019, ngày 2-5"


@dataclass(frozen=True)
class LentYear:
    """A year a day and month borrow, the way it was found, and where the text writes it."""

    year: int
    how: str
    at: int

# A day and month borrow the year of a full date at most this many days away in the text.
_SAME_EVENT_DAYS = 31
# How far before a full date the words of an anniversary make it the day remembered: as a
# lender of its year, and (counted in years, in its sentence) as the news's day.
_ANNIVERSARY_REACH = 100
# What ends the period that a day and month open: "từ ngày 17/10 – 21/10/2022", "kết thúc ngày
# 17-1-2019", "đến hết ngày 26/11/2021" (lower case: a sentence opening "Đến ngày 9/11/2017, ..."
# tells an earlier episode).
PERIOD_END = re.compile(r"(?:\bđến|\btới|\bkết thúc(?:\s+vào)?|[-–—])\s*(?:hết\s+)?(?:ngày\s+)?$")
# A period's own start right before its end: "từ ngày 3 đến ngày 6-9-1969", "từ 1-4-2019 đến".
_OWN_START = re.compile(r"\b[Tt]ừ\s+(?:ngày\s+)?(?P<d>\d{1,2})(?:[/-](?P<m>\d{1,2})(?:[/-](?P<y>\d{4}))?)?\s*$")
# A period from a start to an end this many days later or more is a term (a ban, an office).
_TERM_DAYS = 300


class FullDates:
    """The text's full dates by day and month, so that the one nearest a day and month that lends
    it its year is found by binary search, not by sorting every date for every candidate."""

    def __init__(self, full: list[DateMention], text: str) -> None:
        # (month, day) → starts in text order: every date's, and the uncited dates' alone.
        self.every: dict[tuple[int, int | None], list[int]] = defaultdict(list)
        self.uncited: dict[tuple[int, int | None], list[int]] = defaultdict(list)
        self.years: dict[int, int] = {m.start: m.year for m in full if m.year is not None}
        self.months: dict[int, int] = {m.start: m.month for m in full if m.month is not None}
        self.text = text
        for mention in full:
            assert mention.month is not None
            self.every[(mention.month, mention.day)].append(mention.start)
            if not mention.cited:
                self.uncited[(mention.month, mention.day)].append(mention.start)

    def nearest(self, keys: list[tuple[int, int | None]], at: int, same_day: tuple[int, int],
                remembered: bool) -> LentYear | None:
        """The year of the date nearest `at` among those of `keys` (a tie goes to the earlier one);
        a cited date counts only on the very same day and month, and that day's dates not at all
        where the sentence at `at` (`remembered`) or the words before them tell an anniversary."""
        best: tuple[int, int, str] | None = None  # (distance, start, how)
        for key in keys:
            if key == same_day:
                # The same day's full dates, unless they end the span to this year's anniversary
                # ("(28-7-1929 - 28-7-2019)"): not the day remembered ("hi sinh ... vào ngày 14-3-1988").
                # Nor the end of a term that began on another day ("Tin nóng ngày 31/8" and "kể từ
                # ngày 1/9/2019 đến ngày 31/8/2024").
                starts = [] if remembered else [(s, SAME_DAY) for s in self.every.get(key, []) if not self._anniversary(s)
                                                and (not is_remembered(self.text, s) or self._after_a_dash(s))
                                                and not self._ends_a_term(s)]
            else:
                later = (key[0], key[1] or 15) > same_day
                # In a sentence that counts the years since a day, its other full dates are the
                # day remembered ("nhân sự kiện 45 năm ngày ... (19-1-1974)"), unless they end
                # the span to this year's anniversary ("(30-4-1975 - 30-4-2018)"). A later one in the
                # same sentence that ends no period is another event, often of the year before ("Ngày
                # 23/3, ... con phà Sewol bị đắm vào ngày 16/4/2014 đã được đưa lên").
                starts = [(s, SAME_SENTENCE if self._same_sentence(at, s) and not remembered else PERIOD_END_LENDS)
                          for s in self.uncited.get(key, [])
                          if self._same_sentence(at, s) and not remembered and not later
                          or (later or remembered) and self._ends_a_period(s, same_day, key)]
            i = bisect_left(starts, (at, ""))
            for start, how in starts[max(0, i - 1) : i + 1]:
                if best is None or (abs(start - at), start) < best[:2]:
                    best = (abs(start - at), start, how)
        return None if best is None else LentYear(self.years[best[1]], best[2], best[1])

    def _same_sentence(self, at: int, start: int) -> bool:
        between = self.text[min(at, start) : max(at, start)]
        return "\n" not in between and ". " not in between

    def _ends_a_period(self, start: int, day: tuple[int, int], end_key: tuple[int, int | None]) -> bool:
        """Whether the date ends the period that `day` (month, day) opens: a period whose start
        is another day ("từ ngày 27-8-2019 đến hết ngày 26-8-2020" ends the ban that began on
        27-8) lends nothing to the news's day."""
        end = PERIOD_END.search(self.text, max(0, start - 25), start)
        if not end or is_validity_end(self.text, end.start()):
            return False
        own = _OWN_START.search(self.text, max(0, end.start() - 30), end.start())
        if own is None:
            return True
        month = int(own.group("m")) if own.group("m") else end_key[0]
        return (month, int(own.group("d"))) == day

    def _ends_a_term(self, start: int) -> bool:
        """Whether the date ends a term of a year or more whose start is written before it ("kể
        từ ngày 1/9/2019 đến ngày 31/8/2024", "từ ngày 26-11-2018 đến hết ngày 25-11-2019"): its
        end is not the news's day, which is before the start."""
        end = PERIOD_END.search(self.text, max(0, start - 25), start)
        own = end and _OWN_START.search(self.text, max(0, end.start() - 30), end.start())
        if not own or not own.group("y") or not own.group("m"):
            return False
        began = dt.date(int(own.group("y")), int(own.group("m")), 1) if 1 <= int(own.group("m")) <= 12 else None
        ends = dt.date(self.years[start], self.months[start], 1)
        return began is not None and (ends - began).days >= _TERM_DAYS

    def _after_a_dash(self, start: int) -> bool:
        return bool(PERIOD_END.search(self.text, max(0, start - 25), start))

    def _anniversary(self, start: int) -> bool:
        return bool(ANNIVERSARY.search(self.text, max(0, start - _ANNIVERSARY_REACH), start))


def year_nearby(mention: DateMention, full: FullDates, remembered: bool) -> LentYear | None:
    """The year of a full date close to a day and month, in the text and in the calendar
    ("từ ngày 17/10 – 21/10/2022", "chiều 25/11 … đến hết ngày 26/11/2021")."""
    if mention.month is None or mention.day is None:
        return None
    day, month = mention.day, mention.month
    near = [(m, d) for m, d in full.every
            if abs((m - month) * 30.5 + (d or 15) - day) <= _SAME_EVENT_DAYS]
    return full.nearest(near, mention.start, (month, day), remembered)


def year_of_event_name(mention: DateMention, lead: str) -> LentYear | None:
    """The year an event's name gives the day and month that follow it in the sentence
    ("Diễn đàn kinh tế tư nhân VN 2019, ngày 2-5"; "hội nghị ... năm 2019 diễn ra ngày 11-1")."""
    if mention.month is None or mention.day is None:
        return None
    sentence_start = max(lead.rfind(".", 0, mention.start), lead.rfind("\n", 0, mention.start)) + 1
    offset = max(sentence_start, mention.start - _EVENT_NAME_REACH)
    before = lead[offset : mention.start]
    events = event_mentions(before)
    if not events:
        return None
    years = [y for y in _NAMED_YEAR.finditer(before, events[0][1])
             if not is_target(before[: y.start()]) and not _title_held(before, y, lead)]
    if not years:
        return None
    if len({y.group(1) for y in years}) > 1 or _YEAR_SPAN.search(before, events[0][1]):
        # "tổng kết ... năm 2017, triển khai nhiệm vụ năm 2018 ... tổ chức ngày 8-1", "giai đoạn
        # 2017 - 2020", "năm học 2018 - 2019": the name does not say which year the day is in.
        return None
    if _about_another_year(before[events[0][1] : years[-1].start()], mention.month):
        return None
    return LentYear(int(years[-1].group(1)), EVENT_NAME, offset + years[-1].start())


def _about_another_year(name: str, month: int) -> bool:
    """Whether an event's name says it is about its year while the day may lie in the year next
    to it: a review of a year's results held early in the next ("họp báo thông báo tình hình, kết
    quả công tác năm 2018 ... ngày 4/1"), a plan for a year made late in the year before ("cuộc họp
    về xây dựng kịch bản điều hành giá điện năm 2019 ... chiều 13-11")."""
    return bool((month <= 2 and _LOOKS_BACK.search(name)) or (month >= 11 and _LOOKS_AHEAD.search(name)))


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
_YEAR_SPAN = re.compile(r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2}\b")
_NAMED_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/.-])")
# Words of an event's name that look back on its year, or ahead to it.
_LOOKS_BACK = re.compile(r"\b(?:tổng kết|sơ kết|tình hình|kết quả|báo cáo|nhìn lại)\b", re.IGNORECASE)
_LOOKS_AHEAD = re.compile(r"\b(?:triển khai|kế hoạch|kịch bản|nhiệm vụ|chuẩn bị|giới thiệu|phát động|khởi động|dự báo)\b",
                          re.IGNORECASE)
