"""Meetings a sentence names as its setting, not as its report: their owners organized nothing the
article reports.

Read over unlabelled news (docs/extraction.md, round 5), the most frequent wrong organizer was the
owner of a meeting named in passing: "cuộc gặp bên lề Hội nghị thượng đỉnh G20", "tiếp xúc cử tri
trước kỳ họp thứ 7 HĐND TP", "Kết luận của Uỷ ban Kiểm tra Trung ương sau kỳ họp thứ 17", a photo
caption "Erdogan và Putin tại hội nghị G20 năm ngoái". A meeting right after "bên lề", "trước
(thềm)", "sau", "chuẩn bị", "nhân dịp" is the time or place of another event, an indefinite one
("Một phiên họp của Hội đồng Bảo an.") any one, and one whose owner is followed by "sắp tới" or
"dự kiến" is still to come. A foreign body's summit (G20, ASEAN) is the
article's report only when the sentence opens with it or opens it ("Hội nghị thượng đỉnh G20 khai
mạc tại Buenos Aires"): the news names those summits mostly as the setting of leaders' talks and
remarks, while a Vietnamese body's "tại kỳ họp thứ 7 HĐND tỉnh" reports the sitting. A "quốc hội"
in lower case is another country's.
"""

from __future__ import annotations

from indexer.ingest.extraction.clauses import phrase_at
from indexer.ingest.extraction.name_grammar import Mention
from indexer.ingest.extraction.role_words import TIME_PARTS, TIMES
from indexer.ingest.extraction.text import PhraseSet, Token, keys_of

# The words that make the meeting after them a time or place of something else, in any case
# ("Sau kỳ họp ...", a caption's "Một phiên họp của Hội đồng Bảo an."), or its resolution ("Theo nghị
# quyết phiên họp Chính phủ thường kỳ tháng 2, ...": a document the news cites), or its results ("nghe
# thông báo kết quả Hội nghị lần thứ 10 Ban Chấp hành Trung ương": the topic of the meeting reported):
# an indefinite meeting is any one, not the one reported.
SETTING = PhraseSet([
    keys_of(w)
    for w in ("bên lề", "trước thềm", "trước", "sau", "sau khi", "chuẩn bị cho", "chuẩn bị", "một", "nhân dịp",
              "nghị quyết", "nghị quyết của", "kết quả", "kết quả của")
])
# Verbs whose object is a summit the sentence reports: "Tổng thống X khai mạc Hội nghị G20".
OPENS = PhraseSet([keys_of(w) for w in ("khai mạc", "bế mạc", "kết thúc", "tổ chức", "đăng cai", "chủ trì")])
# Words between the setting word and the meeting noun: "bên lề các hội nghị", "sau cuộc họp".
BETWEEN = set(keys_of("các cuộc buổi phiên kỳ"))
# Words after a meeting's owner that put the meeting in the future, within FUTURE_REACH tokens
# (past a term: "HĐND TP khoá IX, dự kiến khai mạc"); "sắp" may end the owner's name as read.
LATER = PhraseSet([keys_of(w) for w in ("sắp tới", "sắp", "tới đây", "dự kiến", "sẽ diễn ra")])
FUTURE_REACH = 6
NATIONAL = {"Quốc hội"}  # a lower-case "chính phủ" is often Vietnam's: "Họp báo chính phủ tháng 4"


def in_setting(tokens: list[Token], meeting: int, first: int) -> bool:
    """Whether the meeting noun at `meeting` follows a word making it another event's setting."""
    j = meeting
    while j > first and tokens[j - 1].key in BETWEEN and tokens[j - 1].text.islower():
        j -= 1
    return any(k >= first and phrase_at(tokens, k, SETTING) == j - k for k in (j - 1, j - 2, j - 3))


def reported_owners(tokens: list[Token], owners: list[Mention], meeting: int, first: int) -> list[Mention]:
    """The owners of the meeting at `meeting` unless the sentence names it as a setting; a foreign
    body's meeting only when it opens the sentence (past a time) or a verb of holding opens it."""
    if not owners or in_setting(tokens, meeting, first) or _to_come(tokens, owners[-1]):
        return []
    reported = _opens_sentence(tokens, meeting, first) or any(
        k >= first and phrase_at(tokens, k, OPENS) == meeting - k for k in (meeting - 1, meeting - 2)
    )
    return [m for m in owners if reported or m.body is None or m.body.kind != "foreign"]


def _to_come(tokens: list[Token], owner: Mention) -> bool:
    """Whether the words right after the meeting's owner put it in the future: "tại kỳ họp thứ 6
    HĐND tỉnh sắp tới", "kỳ họp thứ 12 HĐND TP khoá IX, dự kiến khai mạc ngày 4-12 tới"."""
    end = min(len(tokens), owner.end + FUTURE_REACH)
    return any(phrase_at(tokens, k, LATER) for k in range(owner.end - 1, end))


def common_noun(tokens: list[Token], owner: Mention) -> bool:
    """"Quốc hội" written in lower case is another country's wherever it stands ("kỳ họp quốc hội khoá 12 tại
    Bắc Kinh", "phiên họp quốc hội hôm nay" of Seoul): the news capitalizes Vietnam's own."""
    return owner.name in NATIONAL and all(t.text.islower() for t in tokens[owner.start : owner.end])


def _opens_sentence(tokens: list[Token], meeting: int, first: int) -> bool:
    """Whether only a time, punctuation and bracketed asides stand before the meeting noun in its
    sentence ("Ngày 25-11 (giờ châu Âu), Hội nghị thượng đỉnh bất thường của EU đã nhất trí")."""
    depth = 0
    for token in tokens[first:meeting]:
        depth += (token.text == "(") - (token.text == ")")
        if depth or not token.is_word or token.text.isdigit() or token.key in TIMES | TIME_PARTS:
            continue
        return False
    return True
