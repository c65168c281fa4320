"""Events a lead names by what is done rather than by the event's noun: "tổ chức sơ kết" (a
review conference), "họp tổng kết" (a review sitting), "tổ chức kỷ niệm" (an anniversary
ceremony), "tổ chức thông xe" (an opening ceremony); and sittings told only by what a body did
at them ("Quốc hội thảo luận", "Thành uỷ Hà Nội đã nghe báo cáo")."""

from __future__ import annotations

import re

from indexer.ingest.extraction.text import Token, keys_of

# (verb, what is done) -> the event type; the mention spans what is done, so the words before
# it ("sẽ tổ chức", "dự kiến tổ chức") still say whether it is only planned.
_SHAPES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("tổ chức", ("sơ kết", "tổng kết"), "hội nghị"),
    ("họp", ("sơ kết", "tổng kết"), "phiên họp"),
    ("tổ chức", ("kỷ niệm",), "lễ kỷ niệm"),  # keys are the same for "kỉ niệm"
    ("tổ chức", ("trao giải", "trao thưởng"), "lễ trao giải"),
    ("tổ chức", ("khánh thành", "khởi công", "thông xe", "khai trương", "động thổ"), "lễ"),
)


def _table() -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    return [(keys_of(verb), keys_of(done), kind) for verb, dones, kind in _SHAPES for done in dones]


# By the verb's first word: most words of a lead begin no shape, and are passed over in one lookup.
_BY_FIRST: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]] = {}
for _shape in _table():
    _BY_FIRST.setdefault(_shape[0][0], []).append(_shape)
# "ban tổ chức trao giải": the organizing committee (ban, đơn vị, cơ quan tổ chức), not the verb;
# "thủ tục để tổ chức khởi công": a purpose, not yet held.
_NOT_HELD_HERE = {"ban", "vị", "quan", "để"}


def shaped_mentions(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """(start, end, event type) of each event named by its verb and what is done in it."""
    keys = [t.key for t in tokens]
    found = []
    for i, key in enumerate(keys):
        if key not in _BY_FIRST or (i > 0 and keys[i - 1] in _NOT_HELD_HERE):
            continue
        for verb, done, kind in _BY_FIRST[key]:
            j = i + len(verb)
            if tuple(keys[i:j]) == verb and tuple(keys[j : j + len(done)]) == done:
                found.append((tokens[j].start, tokens[j + len(done) - 1].end, kind))
    return found


def sitting_without_its_noun(lead: str) -> bool:
    """Whether the lead tells a sitting by what a legislature or a committee did at it: a
    legislature passing, discussing or questioning ("Quốc hội đã thông qua Luật", "Quốc hội thảo
    luận ở tổ"), a committee hearing a report ("Thành uỷ Hà Nội đã nghe báo cáo", "sau khi nghe
    UBND quận 1 báo cáo đề án")."""
    return bool(_LEGISLATURE_ACTS.search(lead) or _HEARS_A_REPORT.search(lead))


_BODY = r"(?:Quốc hội|HĐND|Hội đồng nhân dân)(?: (?:tỉnh|thành phố|TP\.?))?(?: [A-ZĐ]\w*){0,3}"
_LEGISLATURE_ACTS = re.compile(_BODY + r" (?:đã |vừa |chính thức |biểu quyết )*(?:thông qua|thảo luận|chất vấn)\b"
                               # electing or dismissing ("các đại biểu đã bầu bà X làm chủ tịch HĐND"), not
                               # the posts a body fills ("các chức danh do Quốc hội bầu")
                               r"|(?<!do )(?:" + _BODY + r"|các đại biểu) (?:đã |vừa |chính thức )*"
                               r"(?:bầu|miễn nhiệm|bãi nhiệm|lấy phiếu tín nhiệm|bỏ phiếu bầu)\b")
# Having heard a report, the reporting body at most between them; a bare "nghe ... báo cáo" is
# often a photo's caption ("Kim Jong-un nghe các quan chức quân sự báo cáo").
_HEARS_A_REPORT = re.compile(r"\b(?:đã|vừa|sau khi) nghe (?:[^\s.,;:!?]+ ){0,5}?báo cáo\b")
