"""Events a lead names by what came of them or by a part of them, not by the event's noun.

Trial news often tells only the verdict ("TAND TP. Đà Nẵng tuyên phạt Đỗ Nhật Quỳnh 15 năm tù",
"Y án tử hình tài xế taxi", "Thiếu nữ buôn ma tuý lãnh án"): the court sat, so the article
reports a trial. A contest's evening ("trong đêm chung kết Sao Mai 2017", "Trong đêm thi, Minh
Tú tranh tài") is the contest. A sitting is told by its verb ("vừa họp với Cục Tần số", "Mỹ họp
khẩn") or a legislature's hearing or debate ("phiên giải trình", "phiên thảo luận ... của Quốc
hội"). These mentions join the event words of `events.reported_mentions`
and pass its checks (a plan, a condition, an earlier event); `events.event_mentions`, which the
date rules read, does not list them.
"""

from __future__ import annotations

import re

from indexer.ingest.extraction.text import Token, keys_of

_ACTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("phiên tòa", ("tuyên phạt", "y án", "lãnh án", "lĩnh án", "kết án")),
    ("cuộc thi", ("đêm thi", "đêm chung kết")),
)
_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _kind, _spellings in _ACTS:
    for _spelling in _spellings:
        _keys = keys_of(_spelling)
        _BY_FIRST.setdefault(_keys[0], []).append((_keys, _kind))
# "họp" as the verb of a held sitting: followed by whom, which sitting or what about ("họp tại
# Cairo", "họp kín" are as often a file photo's caption or talks between two leaders).
_MET_HOW = {keys_of(word)[0] for word in ("với", "kỳ", "kì", "phiên", "bàn", "khẩn", "trực tuyến", "định", "thường")}
# Not a noun's part ("cuộc họp", "phòng họp", "giờ họp"), nor a sitting planned, aimed at or
# travelled to ("thành phố sẽ họp để chọn", "sắp xếp lịch để họp", "khi đến châu Á họp với").
_NOUN_BEFORE = {keys_of(word)[0] for word in ("cuộc", "phiên", "buổi", "kỳ", "kì", "phòng", "giờ", "lịch")}
_NOT_HELD_BEFORE = {keys_of(word)[0] for word in ("để", "sẽ", "sắp", "cần", "phải", "muốn", "đến", "tới", "dự", "khi")}
# A legislature's hearing or debate: "phiên giải trình" is always one; "phiên thảo luận" when a
# legislature, its hall or its groups follow ("phiên thảo luận kinh tế - xã hội của Quốc hội"), not
# a conference's panel ("phiên thảo luận tại diễn đàn này").
_HEARING, _DEBATE = keys_of("giải trình"), keys_of("thảo luận")
_LEGISLATURE = re.compile(r"(?:^| )(?:quốc hội|qh|hđnd|hội đồng nhân dân|hội trường|tổ)(?: |$)")
_LEGISLATURE_REACH = 8
_CLAUSE_BREAKS = set(",.;:!?()")
# "lĩnh án phạt" from a securities commission, "án kỷ luật": a fine or a discipline, no trial.
_NOT_A_SENTENCE = {keys_of(word)[0] for word in ("phạt", "kỷ", "hành")}


def act_mentions(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """(start, end, event type) of each verdict (a trial), each contest's evening (a contest) and
    each sitting told by its verb ("Bộ TT&TT vừa họp với Cục Tần số", "Uỷ ban Kiểm tra Trung ương
    đã họp kỳ 29", "Mỹ họp khẩn")."""
    found = []
    for i, token in enumerate(tokens):
        if token.key == "họp" and _met(tokens, i) or token.key == "phiên" and _legislatures_session(tokens, i):
            found.append((token.start, token.end, "phiên họp"))
            continue
        for keys, kind in _BY_FIRST.get(token.key, ()):
            end = i + len(keys)
            if tuple(t.key for t in tokens[i:end]) != keys:
                continue
            if end < len(tokens) and tokens[end].key in _NOT_A_SENTENCE:
                continue
            found.append((token.start, tokens[end - 1].end, kind))
    return found


def _met(tokens: list[Token], i: int) -> bool:
    """Whether the "họp" at tokens[i] is the verb of a sitting held: a subject before it, and with
    whom, which sitting or what about after it."""
    if i == 0 or i + 1 >= len(tokens) or not tokens[i - 1].is_word or tokens[i - 1].key in _NOUN_BEFORE:
        return False
    if any(t.key in _NOT_HELD_BEFORE for t in tokens[max(0, i - 3) : i]):
        return False
    before = " ".join(t.key for t in tokens[max(0, i - 7) : i])
    if "đại hội" in before:
        return False  # "Đại hội Đảng XII họp phiên trù bị": a congress, no type of the vocabulary
    return tokens[i + 1].key in _MET_HOW


def _legislatures_session(tokens: list[Token], i: int) -> bool:
    """Whether "phiên giải trình" or a legislature's "phiên thảo luận" begins at tokens[i]."""
    following = tuple(t.key for t in tokens[i + 1 : i + 3])
    if following == _HEARING:
        return True
    if following != _DEBATE:
        return False
    reach = tokens[i + 3 : i + 3 + _LEGISLATURE_REACH]
    clause = reach[: next((k for k, t in enumerate(reach) if t.text in _CLAUSE_BREAKS), len(reach))]
    return bool(_LEGISLATURE.search(" ".join(t.key for t in clause)))
