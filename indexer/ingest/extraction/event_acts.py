"""Events a lead names by what came of them or by a part of them, not by the event's noun.

Trial news often tells only the verdict ("TAND TP. Đà Nẵng tuyên phạt Đỗ Nhật Quỳnh 15 năm tù",
"Y án tử hình tài xế taxi", "Thiếu nữ buôn ma tuý lãnh án"): the court sat, so the article
reports a trial. A contest's evening ("trong đêm chung kết Sao Mai 2017", "Trong đêm thi, Minh
Tú tranh tài") is the contest. These mentions join the event words of `events.reported_mentions`
and pass its checks (a plan, a condition, an earlier event); `events.event_mentions`, which the
date rules read, does not list them.
"""

from __future__ import annotations

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
# "lĩnh án phạt" from a securities commission, "án kỷ luật": a fine or a discipline, no trial.
_NOT_A_SENTENCE = {keys_of(word)[0] for word in ("phạt", "kỷ", "hành")}


def act_mentions(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """(start, end, event type) of each verdict (a trial) and each contest's evening (a contest)."""
    found = []
    for i, token in enumerate(tokens):
        for keys, kind in _BY_FIRST.get(token.key, ()):
            end = i + len(keys)
            if tuple(t.key for t in tokens[i:end]) != keys:
                continue
            if end < len(tokens) and tokens[end].key in _NOT_A_SENTENCE:
                continue
            found.append((token.start, tokens[end - 1].end, kind))
    return found
