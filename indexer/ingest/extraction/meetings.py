"""The bodies a meeting belongs to, read from where the news names the meeting.

"kỳ họp thứ 6 HĐND X", "phiên họp giao ban của UBND X", and a body telling what its own meeting
did ("Uỷ ban Kiểm tra Thành uỷ Đà Nẵng vừa thông báo nội dung kỳ họp thứ 14": the committee's
sitting). Kept apart from `organizers`, which calls these rules among its others.
"""

from __future__ import annotations

from indexer.ingest.extraction.gazetteer import VIET_NAM, gazetteer
from indexer.ingest.extraction.clauses import listed, named_with, past_aside, phrase_at, skip_forward
from indexer.ingest.extraction.name_grammar import Mention
from indexer.ingest.extraction.plans import still_to_come
from indexer.ingest.extraction.role_words import (
    BRANCH, MEETING_GAP, MEETING_LEVELS, MEETINGS, NOT_OWNER, ORDINAL, PERIODS, ROMAN, COUNT_WORD,
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
    plenum = central_plenum(tokens, after, last)
    if plenum is not None:
        return [plenum]
    j = skip_forward(tokens, after, last, MEETING_LEVELS)
    if j + 2 < last and tokens[j].key == COUNT_WORD and tokens[j].text.islower() and tokens[j + 1].key in ORDINAL:
        j += 1  # "Hội nghị lần thứ 11 Ban chấp hành Đảng bộ tỉnh Hải Dương"
    while j + 1 < last and (tokens[j].key in ORDINAL or tokens[j].key in PERIODS) and tokens[j].text.islower() and (
        tokens[j + 1].text.isdigit() or ROMAN.fullmatch(tokens[j + 1].text)
    ):
        j = skip_forward(tokens, j + 2, last, MEETING_LEVELS)  # "kỳ họp thứ 6", "họp báo quý 3"
    j = past_aside(tokens, j, last) if j > after else j
    if j in starting:
        return [m for m in listed(tokens, starting, j, last) if not m.place]
    sitting = _sitting_subject(tokens, starting, after, last)
    if sitting is not None:
        return [sitting]
    for k in range(after, min(last, after + MEETING_GAP + 1)):
        token = tokens[k]
        if k in starting or (not token.is_word and token.text not in "-/()\"“”") or token.key in NOT_OWNER:
            return []  # another body, a clause break or a participant first: not the meeting's owner
        if token.key == "của" and token.text.islower():
            if k + 1 < last and tokens[k + 1].key == BRANCH[0] and tokens[k + 1].text.islower():
                ministries = [m for m in mentions if first <= m.start and m.end <= k and m.name.startswith("Bộ ")]
                return ministries[-1:]
            return listed(tokens, starting, k + 1, last)
    return []


def addressed_legislature(
    tokens: list[Token], starting: dict[int, Mention], i: int, first: int, last: int
) -> list[Mention]:
    """The assembly or council a speaker addresses at its sitting: "trình bày trước Quốc hội",
    "báo cáo trước HĐND TP Hà Nội", "trả lời chất vấn trước Quốc hội" (the sitting is its own);
    not where the sentence names a foreign country ("Bộ trưởng Tư pháp Hàn Quốc ... phát biểu
    trước Quốc hội": that country's parliament)."""
    if tokens[i].key != BEFORE or not tokens[i].text.islower() or i + 1 not in starting:
        return []
    addressed = starting[i + 1]
    if not named_with(addressed, ADDRESSED) or _abroad(tokens, addressed.end, first, last):
        return []
    verb = next((k for k in range(max(first, i - 3), i) if phrase_at(tokens, k, ADDRESSING) == i - k), None)
    if verb is None or still_to_come(tokens, verb, first) or any(t.key in LATER_WORDS for t in tokens[max(first, verb - 3) : verb]):
        return []  # "sẽ được trình bày trước Quốc hội": still to come
    return [addressed]


def _abroad(tokens: list[Token], end: int, first: int, last: int) -> bool:
    """Whether the legislature ending at `end` is another country's: "nước này" follows it, or the
    sentence names a country other than Vietnam ("trước Quốc hội Hàn Quốc", "Bộ trưởng Tư pháp Hàn
    Quốc ... phát biểu trước Quốc hội")."""
    if end < last and tokens[end].key == "nước" and tokens[end].text.islower():
        return True
    gaz = gazetteer()
    return any(gaz.country_at(tokens, k) > k and tuple(t.key for t in tokens[k : k + len(VIET_NAM)]) != VIET_NAM
               for k in range(first, last) if tokens[k].is_capitalized)


BEFORE = "trước"
# A speaker before a legislature speaks at its sitting in the news's present: "sẽ được trình bày
# trước Quốc hội vào ngày 21/5", "sẽ điều trần trước Quốc hội" are still to come.
LATER_WORDS = set(keys_of("sẽ sắp"))
ADDRESSED = [keys_of(b) for b in ("Quốc hội", "HĐND", "Hội đồng nhân dân")]
ADDRESSING = PhraseSet([keys_of(v) for v in (
    "trình bày", "phát biểu", "báo cáo", "điều trần", "chất vấn", "trả lời chất vấn", "giải trình", "nhậm chức",
    "tuyên thệ nhậm chức", "trình", "giới thiệu", "nói")])


def _sitting_subject(tokens: list[Token], starting: dict[int, Mention], after: int, last: int) -> Mention | None:
    """The body that sits, as the subject right after its numbered sitting: "Tại kỳ họp thứ 35
    diễn ra từ ngày 24 đến 26-4, Uỷ ban Kiểm tra Trung ương đã xem xét", "Ngày 9/9, tại kỳ họp thứ
    21, Uỷ ban Kiểm tra Tỉnh uỷ Quảng Ninh xem xét". Only a "kỳ họp", and only a body that holds
    such sittings (a council, the assembly, a Party committee or its inspection commission): "Tại
    kỳ họp thứ 8, UBND tỉnh trình" is the council's sitting, the committee reports to it."""
    if tuple(t.key for t in tokens[after - 2 : after]) != SITTING:
        return None
    numbered = False
    for k in range(after, min(last, after + SITTING_TIME_REACH)):
        token = tokens[k]
        if token.text == ",":
            subject = starting.get(k + 1)
            sits = subject is not None and named_with(subject, SITTING_BODIES)
            return subject if sits and numbered else None
        numbered = numbered or token.text.isdigit() or bool(ROMAN.fullmatch(token.text))
        if token.is_word and not token.text.islower() and not token.text.isdigit() and not ROMAN.fullmatch(token.text):
            return None  # a name, not the sitting's number and time ("thứ 35 diễn ra từ ngày 24 đến 26-4")
    return None


SITTING = keys_of("kỳ họp")
SITTING_TIME_REACH = 16  # tokens: "lần thứ VI từ ngày 6 / 9 đến ngày 8 / 9"
SITTING_BODIES = [keys_of(b) for b in (
    "Hội đồng nhân dân", "HĐND", "Quốc hội", "Ủy ban Kiểm tra", "UBKT", "Ban Chấp hành", "Ban Thường vụ",
    "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Ủy ban Thường vụ Quốc hội")]


def central_plenum(tokens: list[Token], after: int, last: int) -> Mention | None:
    """The Party's Central Committee as the owner of its plenum, which the news names without the
    body: "Hội nghị Trung ương 7 (khoá XII)", "Hội nghị lần thứ 14 Ban Chấp hành Trung ương Đảng
    khoá 11", "Hội nghị Ban chấp hành Trung ương 7". The plenum's number or term must follow (or
    "lần thứ" go before), so that "hội nghị ... Trung ương Hội Nông dân" stays another body's."""
    if after < 2 or tuple(t.key for t in tokens[after - 2 : after]) != PLENUM_NOUN:
        return None
    before = [t.key for t in tokens[max(0, after - 4) : after - 2]]
    if before[-1:] and before[-1] in NOT_THE_PLENUM or " ".join(before) in NOT_THE_PLENUM:
        return None  # its resolution, results or agenda, studied or announced at another meeting
    clause = [t.key for t in tokens[max(0, after - 2 - RESOLUTION_REACH) : after - 2]]
    if any(tuple(clause[k : k + 2]) == RESOLUTION for k in range(len(clause) - 1)):
        return None  # "nghị quyết số 18-NQ/TW Hội nghị lần thứ 6": a resolution's full name
    j = after
    numbered = False
    if tuple(t.key for t in tokens[j : j + 2]) == PLENUM_ORDINAL and j + 2 < last:
        j, numbered = j + 3, True  # "lần thứ 14", "lần thứ bảy"
    j += phrase_at(tokens, j, CENTRAL_COMMITTEE) if j < last else 0
    centre = phrase_at(tokens, j, CENTRAL) if j < last and tokens[j].is_capitalized else 0
    if not centre:
        return None
    end = j + centre
    end += end < last and tokens[end].key == PARTY
    following = tokens[end] if end < last else None
    if following is not None and following.is_capitalized and following.key not in TERM_WORDS:
        return None  # "lần thứ nhất Ban Chấp hành Trung ương Hội Nông dân": that body's committee
    if not numbered and not (following is not None and (following.text.isdigit() or following.key in TERM_WORDS
                                                          or following.text == "(")):
        return None
    body = gazetteer().get(CENTRAL_COMMITTEE_NAME)
    return None if body is None else Mention(body.name, after, end, 3, body=body)


PLENUM_NOUN = keys_of("hội nghị")
# Words before "Hội nghị Trung ương" that make the news something of the plenum's, not the plenum:
# "Nghị quyết Hội nghị Trung ương 6 yêu cầu", "quán triệt các nội dung Hội nghị Trung ương 8",
# "thông báo nhanh kết quả Hội nghị lần thứ 10", "chuẩn bị trình Hội nghị Trung ương 7".
NOT_THE_PLENUM = {" ".join(keys_of(w)) for w in (
    "nghị quyết", "kết quả", "nội dung", "trình", "của", "quán triệt", "thông tin", "thông báo", "tinh thần")}
PLENUM_ORDINAL = keys_of("lần thứ")
RESOLUTION = keys_of("nghị quyết")
RESOLUTION_REACH = 8  # tokens: "nghị quyết số 18 - NQ / TW"
CENTRAL_COMMITTEE = PhraseSet([keys_of("Ban Chấp hành"), keys_of("BCH")])
CENTRAL = PhraseSet([keys_of("Trung ương"), keys_of("TW")])
PARTY = "đảng"
TERM_WORDS = set(keys_of("khóa khoá"))
CENTRAL_COMMITTEE_NAME = "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"
