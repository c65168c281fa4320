"""Full dates that tell of another day than the news's: remembered, or the end of a validity.

A day and month ("Ngày 14-3") take the year of a full date of the same day elsewhere in the text,
unless that full date is the day remembered: named by words of remembrance before it ("lễ tưởng
niệm ... 64 chiến sĩ hải quân hi sinh ... vào ngày 14-3-1988"), or followed in its paragraph by a
count of the years since ("xảy ra ngày 26/12/2004 ... dù đã 12 năm trôi qua"). A full date ending
"đang còn kiểm định tới ngày 27/9/2020" is how long a thing stays valid, not the end of the period
the news's day opens.
"""

from __future__ import annotations

import re

# "kỷ niệm 50 năm", "tròn hai thập kỷ", "cách đây 41 năm", "50 năm về trước": the text counts the
# years since a day, so a full date of that day and month is the day remembered, not this year's.
COUNTED_YEARS = re.compile(
    r"(?:[Kk][ỷỉ] niệm|[Tt]ưởng niệm|[Tt]ròn|[Cc]ách đây|[Đđ]úng|[Gg]iỗ)\s+(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
    r"(?:\s+\w+)?\s+(?:năm|thập kỷ|thập niên)\b|\b\d+\s+năm\s+(?:về\s+)?trước|\b\d+\s+năm\s+(?:[Nn]gày|sự kiện)\b"
)
ANNIVERSARY = re.compile(COUNTED_YEARS.pattern + r"|\bthập kỷ\b|\bthập niên\b")
# Words before a full date that remember its day; "10 năm sau đó, vào ngày 14-6-1991" counts the
# years from another day of the past.
_REMEMBRANCE = re.compile(
    r"(?:[Kk][ỷỉ] niệm|[Tt]ưởng niệm|[Cc]ách đây|năm trước|[Tt]rước đó|khủng bố|chiến thắng|[Hh][yi] sinh"
    r"|\b(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|vài|nhiều)\s+năm\s+sau\b)"
    r"[^.;\n]{0,60}$"
)
_REMEMBRANCE_REACH = 70
# "cách đây 48 năm", "75 năm trước", "nhiều năm đã trôi qua": the text counts the years since a day.
_YEARS_AGO = re.compile(
    r"[Cc]ách đây\s+(?:tròn\s+|đúng\s+|gần\s+|hơn\s+)?(?:\d+|nhiều|mấy)\s+năm\b"
    r"|\b(?:\d+|nhiều|mấy)\s+năm\s+(?:về\s+)?trước\b|\b(?:\d+|nhiều|mấy)\s+năm\s+(?:đã\s+)?trôi qua"
)
# "còn ... tới", "có giá trị đến", "hạn ... đến", "hiệu lực đến": a validity's end.
_STILL_VALID = re.compile(r"(?:\bcòn\b|[Hh]ạn|hiệu lực|giá trị)[^,.;\n]{0,30}$")
_VALIDITY_REACH = 40


def is_remembered(text: str, start: int) -> bool:
    """Whether the full date at `start` is a day remembered: words of remembrance before it, or a
    count of the years since after it in its paragraph."""
    if _REMEMBRANCE.search(text, max(0, start - _REMEMBRANCE_REACH), start):
        return True
    return counts_years_since(text, start)


def counts_years_since(text: str, start: int) -> bool:
    """Whether the paragraph after `start` counts the years since a day ("dù đã 12 năm trôi qua")."""
    end = text.find("\n", start)
    return bool(_YEARS_AGO.search(text, start, len(text) if end < 0 else end))


def is_validity_end(text: str, end_word: int) -> bool:
    """Whether the "tới / đến" at `end_word` ends how long a thing stays valid ("đang còn kiểm
    định tới ngày 27/9/2020", "có giá trị đến ngày 18/8/2017")."""
    return bool(_STILL_VALID.search(text, max(0, end_word - _VALIDITY_REACH), end_word))
