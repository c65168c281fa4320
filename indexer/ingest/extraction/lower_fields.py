"""Names written in sentence case up to their place or committee: "Viện kiểm sát nhân dân tỉnh Quảng Nam",
"Bộ đội biên phòng tỉnh Long An", "Cục thuế tỉnh Long An", "Liên đoàn lao động TP Đà Nẵng",
"Trung tâm y tế huyện Bình Chánh", "Ban tuyên giáo Tỉnh uỷ Quảng Nam". Many newsrooms capitalize only a body's head word; the name
grammar ended such a name at the first lower-case word after its head, so the body was lost
(only its province's committee was found). A capitalized head followed by a few lower-case words
(no verb, preposition or time word among them) and then a place's kind and name, or the party
committee or council the board belongs to, is one name.
"""

from __future__ import annotations

from indexer.ingest.extraction.name_words import PLACE_KINDS, STOP, STOP_PAIRS
from indexer.ingest.extraction.text import Token, keys_of

# At most this many lower-case words between the head and the place's kind.
FIELD_WORDS = 5
# Words that after a head make a common word or an event, not a body's field: "Hội nghị tỉnh",
# "Trường hợp", "Khoa học", "Phòng chống", "Sở hữu", "Vụ án", "Ban ngành", "Bộ máy", "Trung tâm
# hành chính" and "Hội trường" (venues), "Công ty con".
NOT_FIELDS = set(keys_of(
    "nghị thảo thi chợ diễn thao báo hợp học chống hữu án việc ngành máy phận hành con viên trợ "
    "phí tưởng trưởng phó đó này hội trường"
)) | set(keys_of("hai ba bốn năm sáu các những nhiều mọi một"))  # "UBND hai tỉnh Bình Định, Phú Yên": two bodies


def field_to_place(tokens: list[Token], j: int) -> bool:
    """Whether the lower-case words from j (right after a capitalized head) run, as a body's
    field, to a place's kind followed by a capitalized name ("... nhân dân tỉnh Quảng Nam")."""
    if j >= len(tokens) or tokens[j].key in NOT_FIELDS or tokens[j].key in PLACE_KINDS:
        return False
    for m in range(j, min(len(tokens) - 2, j + FIELD_WORDS + 1)):  # the place's name needs two tokens more
        token = tokens[m]
        if m > j and token.text == "(":
            return _abbreviation_then_place(tokens, m)  # "Bộ đội biên phòng (BĐBP) tỉnh Long An"
        if tokens[m].start - tokens[m - 1].end > 1 or not token.is_word:
            return False  # a gap or punctuation before any place
        kind = _KINDS.get((token.key, tokens[m + 1].key), 1 if token.key in _ONE_WORD_KINDS else 0)
        if m > j and kind and (tokens[m + kind].is_capitalized or tokens[m + kind].text == "."):
            return True  # "tỉnh Long An", "thành phố Đà Nẵng", "TP. HCM" (but "công tác xã hội" goes on)
        committee = next((c for c in _COMMITTEES if tuple(t.key for t in tokens[m : m + len(c)]) == c), None)
        if m > j and committee is not None and token.is_capitalized:
            # "Ban thường vụ Tỉnh uỷ Quảng Nam", "Ban pháp chế HĐND TP. HCM": a committee's board; a
            # party organization only with its place ("Đảng bộ Hà Tĩnh", not "Đảng bộ tỉnh khoá XIV")
            return committee not in _PARTY_ORGANIZATIONS or _place_follows(tokens, m + len(committee))
        if not token.text.islower() or token.key in STOP or token.key in ("và", "về"):
            return False
        if (token.key, tokens[m + 1].key) in STOP_PAIRS:
            return False
    return False


# The party committees and councils whose boards newsrooms name in lower case before them.
_COMMITTEES = [keys_of(c) for c in (
    "Tỉnh uỷ", "Thành uỷ", "Huyện uỷ", "Quận uỷ", "HĐND", "Hội đồng nhân dân", "Đảng bộ", "Đảng uỷ", "Trung ương",
    "Quốc hội", "Chính phủ",
)]
_PARTY_ORGANIZATIONS = {keys_of(c) for c in ("Đảng bộ", "Đảng uỷ")}
# A place's kind: one word, or two ("thị" alone is no kind: "Ban đô thị HĐND").
_ONE_WORD_KINDS = set(keys_of("tỉnh huyện quận phường xã TP Tp"))
_KINDS = {keys_of(kind): 2 for kind in ("thành phố", "thị xã", "thị trấn")}


def _abbreviation_then_place(tokens: list[Token], m: int) -> bool:
    """Whether a short "(ABBR)" at m is followed by a place's kind and its capitalized name."""
    close = next((k for k in range(m + 1, min(len(tokens), m + 5)) if tokens[k].text == ")"), None)
    if close is None or close + 2 >= len(tokens) or tokens[close + 1].key not in PLACE_KINDS:
        return False
    return tokens[close + 2].is_capitalized or tokens[close + 2].text == "."


def _place_follows(tokens: list[Token], k: int) -> bool:
    """Whether a place's capitalized name, or its kind and name, stands at k ("Hà Tĩnh", "tỉnh Hà Tĩnh")."""
    if k < len(tokens) and tokens[k].key in _ONE_WORD_KINDS:
        k += 1
    return k < len(tokens) and tokens[k].is_word and tokens[k].is_capitalized
