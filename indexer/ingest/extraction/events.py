"""The kind of event an article reports (hội thảo, lớp bồi dưỡng, lễ ký kết ...), in one spelling."""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.ingest.extraction.text import Token, keys_of, tokenize

# Each normalized event type with the spellings that name it, most specific first.
EVENT_TYPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("lễ ký kết", ("lễ ký kết", "lễ ký", "ký kết thỏa thuận", "ký kết biên bản", "ký kết chương trình")),
    ("lễ khai giảng", ("lễ khai giảng",)),
    ("lễ bế giảng", ("lễ bế giảng",)),
    ("lễ tốt nghiệp", ("lễ tốt nghiệp", "lễ trao bằng")),
    ("lễ trao giải", ("lễ trao giải", "lễ trao thưởng")),
    ("lễ kỷ niệm", ("lễ kỷ niệm", "lễ kỉ niệm")),
    ("lễ công bố", ("lễ công bố",)),
    ("khóa bồi dưỡng", ("khóa bồi dưỡng", "khoá bồi dưỡng", "khóa học bồi dưỡng")),
    ("lớp bồi dưỡng", ("lớp bồi dưỡng",)),
    ("lớp tập huấn", ("lớp tập huấn",)),
    ("khóa đào tạo", ("khóa đào tạo", "khoá đào tạo", "lớp đào tạo")),
    ("tập huấn", ("tập huấn",)),
    ("hội thảo", ("hội thảo",)),
    ("hội nghị", ("hội nghị",)),
    ("tọa đàm", ("tọa đàm", "toạ đàm")),
    ("diễn đàn", ("diễn đàn",)),
    ("hội đàm", ("hội đàm",)),
    ("đối thoại", ("đối thoại",)),
    ("họp báo", ("họp báo", "cuộc họp báo", "buổi họp báo")),
    ("hội thi", ("hội thi",)),
    ("cuộc thi", ("cuộc thi",)),
    ("triển lãm", ("triển lãm",)),
    ("buổi làm việc", ("buổi làm việc", "làm việc với")),
    # Sittings, trials and ceremonies without a more specific name; "lễ hội" (a festival) is none of them.
    ("phiên họp", ("phiên họp", "kỳ họp", "kì họp", "cuộc họp", "phiên khai mạc", "phiên bế mạc", "phiên chất vấn")),
    ("phiên tòa", ("phiên tòa", "phiên toà", "xét xử", "xử sơ thẩm", "xử phúc thẩm", "tuyên án")),
    ("lễ", ("buổi lễ", "làm lễ", "hôn lễ", "lễ cưới", "lễ khánh thành", "lễ khởi công", "lễ ra mắt",
            "lễ phát động", "lễ đón", "lễ tuyên dương", "lễ vinh danh", "lễ mít tinh", "lễ viếng", "lễ tang",
            "lễ truy điệu", "lễ an táng", "lễ xuất quân", "lễ thượng cờ", "lễ dâng hương", "lễ gắn biển")),
)


@lru_cache(maxsize=1)
def _spellings() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Spellings by their first key, longest first."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, spellings in EVENT_TYPES:
        for spelling in spellings:
            keys = keys_of(spelling)
            table.setdefault(keys[0], []).append((keys, kind))
    for entries in table.values():
        entries.sort(key=lambda item: -len(item[0]))
    return table


def event_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, event type) of every event word in `text`, in text order."""
    return event_mentions_in(tokenize(text))


def event_mentions_in(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """`event_mentions` of already tokenized text."""
    keys = [t.key for t in tokens]
    found = []
    i = 0
    while i < len(tokens):
        for spelling, kind in _spellings().get(keys[i], ()):
            if tuple(keys[i : i + len(spelling)]) == spelling:
                end = i + len(spelling)
                found.append((tokens[i].start, tokens[end - 1].end, kind))
                i = end - 1
                break
        i += 1
    return found


def find_event_type(title: str | None, lead: str, *, after: int = 0) -> str | None:
    """The type of the event the article reports: named by the title (outside quotes), else the
    lead's first reported mention after `after`. A passing mention is no report."""
    if title:
        mentions = reported_mentions(_QUOTED.sub(" ", title))
        if mentions:
            return mentions[0][2]
    mentions = reported_mentions(lead)
    later = [m for m in mentions if m[0] >= after]
    if later:
        return later[0][2]
    return mentions[0][2] if mentions else None


def reported_mentions(text: str) -> list[tuple[int, int, str]]:
    """`event_mentions` without the passing ones: an event the article happens beside or before
    ("bên lề hội nghị G20", "trước hội nghị toàn cầu"), a venue ("Trung tâm Hội nghị Quốc gia"),
    a list of kinds ("trong cuộc họp, hội nghị, hội thảo và hoạt động khác")."""
    tokens = tokenize(text)
    keys = [t.key for t in tokens]
    first_token = {t.start: i for i, t in enumerate(tokens)}
    mentions = event_mentions_in(tokens)
    listed: set[int] = set()
    for n in range(len(mentions) - 1):
        if text[mentions[n][1] : mentions[n + 1][0]].strip() in _LIST_SEPARATORS:
            listed.update((n, n + 1))
    kept = []
    for n, (start, end, kind) in enumerate(mentions):
        before = " ".join(keys[max(0, first_token[start] - 3) : first_token[start]])
        if n in listed or _PASSING.search(before):
            continue
        kept.append((start, end, kind))
    return kept


_LIST_SEPARATORS = {",", "và", "hay", "hoặc", ", và"}
# Words just before an event word that make it the setting, not the report.
_PASSING = re.compile(r"(?:^| )(?:bên lề|trước|chuẩn bị cho|dự kiến|trung tâm|cung|hội trường|nhà)$")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
