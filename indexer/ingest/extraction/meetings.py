"""The bodies a meeting belongs to, read from where the news names the meeting.

"kỳ họp thứ 6 HĐND X", "phiên họp giao ban của UBND X", and a body telling what its own meeting
did ("Uỷ ban Kiểm tra Thành uỷ Đà Nẵng vừa thông báo nội dung kỳ họp thứ 14": the committee's
sitting). Kept apart from `organizers`, which calls these rules among its others.
"""

from __future__ import annotations

from indexer.ingest.extraction.clauses import listed, past_aside, phrase_at, skip_forward
from indexer.ingest.extraction.name_grammar import Mention
from indexer.ingest.extraction.role_words import (
    BRANCH, MEETING_GAP, MEETING_LEVELS, MEETINGS, NOT_OWNER, ORDINAL, PERIODS, ROMAN,
)
from indexer.ingest.extraction.text import PhraseSet, Token, keys_of

# A body reporting what its own meeting did or decided: "X thông báo nội dung kỳ họp", "X công bố
# kết quả hội nghị". Only these two verbs with these two objects: "X thông báo tại hội nghị" is
# another body's meeting, and a bare "thông báo" is any announcement.
REPORTS_OWN = PhraseSet([
    keys_of(f"{verb} {what}") for verb in ("thông báo", "công bố") for what in ("nội dung", "kết quả")
])


def reports_own_meeting(tokens: list[Token], i: int, last: int) -> bool:
    """Whether "thông báo / công bố nội dung / kết quả" followed by a meeting noun starts at i."""
    reports = phrase_at(tokens, i, REPORTS_OWN)
    if not reports or not tokens[i].text.islower():
        return False
    j = i + reports
    return j < last and bool(phrase_at(tokens, j, MEETINGS))


def meeting_owners(
    tokens: list[Token], mentions: list[Mention], starting: dict[int, Mention], after: int, first: int, last: int
) -> list[Mention]:
    """The bodies a meeting belongs to: right after its noun ("kỳ họp thứ 6 HĐND X", "phiên họp
    Chính phủ", "Hội nghị thượng đỉnh G20", past a bracketed aside: "kỳ họp thứ 8 (kỳ họp bất
    thường) HĐND TP HCM"), or after "của" a few words on ("phiên họp giao ban của UBND X"); "của
    ngành" is the ministry the sentence named before."""
    j = skip_forward(tokens, after, last, MEETING_LEVELS)
    while j + 1 < last and (tokens[j].key in ORDINAL or tokens[j].key in PERIODS) and tokens[j].text.islower() and (
        tokens[j + 1].text.isdigit() or ROMAN.fullmatch(tokens[j + 1].text)
    ):
        j = skip_forward(tokens, j + 2, last, MEETING_LEVELS)  # "kỳ họp thứ 6", "họp báo quý 3"
    j = past_aside(tokens, j, last) if j > after else j
    if j in starting:
        return [m for m in listed(tokens, starting, j, last) if not m.place]
    for k in range(after, min(last, after + MEETING_GAP + 1)):
        token = tokens[k]
        if k in starting or (not token.is_word and token.text not in "-\"“”") or token.key in NOT_OWNER:
            return []  # another body, a clause break or a participant first: not the meeting's owner
        if token.key == "của" and token.text.islower():
            if k + 1 < last and tokens[k + 1].key == BRANCH[0] and tokens[k + 1].text.islower():
                ministries = [m for m in mentions if first <= m.start and m.end <= k and m.name.startswith("Bộ ")]
                return ministries[-1:]
            return listed(tokens, starting, k + 1, last)
    return []
