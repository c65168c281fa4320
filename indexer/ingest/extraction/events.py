"""The kind of event an article reports (hội thảo, lớp bồi dưỡng, lễ ký kết ...), in one spelling."""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.ingest.extraction.event_acts import act_mentions
from indexer.ingest.extraction.event_captions import in_file_photo_caption
from indexer.ingest.extraction.event_shapes import shaped_mentions, sitting_without_its_noun
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
    ("cuộc thi", ("cuộc thi", "thi tuyển chức danh")),
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
    """`event_mentions` of already tokenized text. "buổi lễ ký kết" is the signing, not any
    ceremony; "Quốc hội thảo luận" is a discussion, not a workshop."""
    keys = [t.key for t in tokens]
    found = []
    i = 0
    while i < len(tokens):
        if keys[i] == "buổi" and _names_a_ceremony(keys, i + 1):
            i += 1
        for spelling, kind in _spellings().get(keys[i], ()):
            if tuple(keys[i : i + len(spelling)]) == spelling:
                if kind == "hội thảo" and keys[i + len(spelling) : i + len(spelling) + 1] == ["luận"]:
                    break
                end = i + len(spelling)
                found.append((tokens[i].start, tokens[end - 1].end, kind))
                i = end - 1
                break
        i += 1
    return found


def find_event_type(title: str | None, lead: str, *, after: int = 0) -> str | None:
    """The type of the event the article reports: named by the title (outside quotes), else the
    lead's first reported mention after `after`; a legislature passing a law holds a sitting.
    A passing mention is no report."""
    found = reported_event(title, lead, after=after)
    return found[0] if found else None


def reported_event(title: str | None, lead: str, *, after: int = 0) -> tuple[str, str, int, int] | None:
    """`find_event_type` with where it was read: (type, "title" or "lead", start, end); a sitting
    told without its noun spans the whole lead. A file photo's caption in the lead is no report."""
    mentions = [m for m in reported_mentions(lead) if not in_file_photo_caption(lead, m[0], m[1])]
    if title:
        headline = reported_mentions(_QUOTED.sub(" ", title), headline=True)
        if headline and not _planned_in_the_lead(headline[0][2], lead, mentions):
            return headline[0][2], "title", headline[0][0], headline[0][1]
    chosen = next((m for m in mentions if m[0] >= after), mentions[0] if mentions else None)
    if chosen:
        return chosen[2], "lead", chosen[0], chosen[1]
    return ("phiên họp", "lead", 0, len(lead)) if sitting_without_its_noun(lead) else None


def _planned_in_the_lead(kind: str, lead: str, reported: list[tuple[int, int, str]]) -> bool:
    """Whether the lead names the headline's kind of event only in sentences that plan it
    ("Bộ GD-ĐT sẽ tổ chức hội thảo tập huấn" under "Bộ GD-ĐT rốt ráo tập huấn"): the plan is the news."""
    if any(m[2] == kind for m in reported):
        return False
    named = [m for m in event_mentions(lead) if m[2] == kind]
    return bool(named) and all(_PLANNED_BEFORE.search(_sentence_before(lead, m[0])) for m in named)


def _sentence_before(text: str, at: int) -> str:
    return text[max(text.rfind(c, 0, at) for c in _SENTENCE_ENDS) + 1 : at]


def _names_a_ceremony(keys: list[str], i: int) -> bool:
    """Whether a ceremony the table names ("lễ ký kết", "lễ khánh thành") begins at keys[i]."""
    return any(len(s) > 1 and tuple(keys[i : i + len(s)]) == s for s, _ in _spellings().get("lễ", ()))


def reported_mentions(text: str, *, headline: bool = False) -> list[tuple[int, int, str]]:
    """`event_mentions` without the passing ones: an event the article happens beside or before
    ("bên lề hội nghị G20", "trước hội nghị toàn cầu"), a venue ("Trung tâm Hội nghị Quốc gia"),
    a list of kinds ("trong cuộc họp, hội nghị, hội thảo và hoạt động khác"), an event only
    planned ("Hội nghị Thượng đỉnh vào tháng 5 tới", "sẽ đối thoại tại hội nghị G20"), a word
    used as a verb or a likeness ("để đối thoại với", "là diễn đàn để"), and a name inside a
    passing one's name. A passing event that the clause says someone organized ("bên lề hội nghị
    ... do Ngân hàng Nhà nước tổ chức") is reported. Ceremonies the table does not name ("lễ
    nhậm chức", "lễ trao đổi văn kiện") are "lễ" where they stand as the event, or anywhere in a
    `headline` (the title names what the article reports)."""
    tokens = tokenize(text)
    keys = [t.key for t in tokens]
    first_token = {t.start: i for i, t in enumerate(tokens)}
    mentions = sorted(event_mentions_in(tokens) + _ceremonies(tokens, anywhere=headline) + shaped_mentions(tokens)
                      + act_mentions(tokens))
    listed: set[int] = set()
    for n in range(len(mentions) - 1):
        # a list of kinds, not one trial told twice ("đã xét xử và tuyên phạt")
        if (text[mentions[n][1] : mentions[n + 1][0]].strip() in _LIST_SEPARATORS
                and mentions[n][2] != mentions[n + 1][2]):
            listed.update((n, n + 1))
    kept = []
    passing_end = -1  # where the last passing mention ended
    for n, (start, end, kind) in enumerate(mentions):
        i = first_token[start]
        before = " ".join(keys[max(0, i - 4) : i])
        clause_start = max(text.rfind(c, 0, start) for c in _CLAUSE_ENDS) + 1
        if text[clause_start - 1 : clause_start] == ":":  # a list goes on with the clause that opens it
            clause_start = max(text.rfind(c, 0, clause_start - 1) for c in _CLAUSE_ENDS) + 1
        clause_end = min((k for k in (text.find(c, end) for c in _CLAUSE_ENDS) if k >= 0), default=len(text))
        after, earlier = text[end:clause_end], text[clause_start:start]
        nested = passing_end >= 0 and _NESTED.fullmatch(text[passing_end:start]) is not None
        if keys[i] == "phiên" and _sitting_of_the_next(text, end, mentions[n + 1 :]):
            continue  # "phiên họp toàn thể Hội nghị Hợp tác ...": the conference is the event
        as_verb = kind in _VERB_KINDS and bool(_AS_VERB.search(before))
        wanted = bool(_WANTED_BEFORE.search(earlier)) and not _SETTING.search(before)
        planned = (bool(_PLANNED_AFTER.match(after) or _PLANNED_BEFORE.search(earlier) or _PURPOSE.search(earlier)
                        or wanted) and not _today(text, start))
        passing = (n in listed or bool(_PASSING.search(before)) or as_verb or nested or planned
                   or bool(_BACKGROUND.search(earlier)) or bool(_NOT_AN_EVENT_AFTER.get(kind, _NEVER).match(after)))
        if passing and _ORGANIZED_BY.search(after):
            passing = False
        if passing:
            passing_end = end
            continue
        if kind == "họp báo" and _REPORT.match(after):
            kind = "phiên họp"  # "cuộc họp báo cáo tình hình": a meeting hearing a report
        kept.append((start, end, kind))
    return kept


def _sitting_of_the_next(text: str, end: int, following: list[tuple[int, int, str]]) -> bool:
    """Whether a named meeting follows a sitting within two words: the sitting is part of it."""
    return (bool(following) and following[0][2] in _HELD_IN_SITTINGS
            and _SITTING_OF.fullmatch(text[end : following[0][0]]) is not None)


def _today(text: str, at: int) -> bool:
    """Whether the sentence around `at` sets its event today ("chiều nay ... sẽ diễn ra"): the news."""
    start = max(text.rfind(c, 0, at) for c in _SENTENCE_ENDS) + 1
    ends = [k for k in (text.find(c, at) for c in _SENTENCE_ENDS) if k >= 0]
    return bool(_TODAY.search(text, start, min(ends, default=len(text))))


def _ceremonies(tokens: list[Token], *, anywhere: bool) -> list[tuple[int, int, str]]:
    """"lễ" and the word after it, for ceremonies the table does not list ("lễ nhậm chức", "lễ
    tiếp nhận"); not a festival, a holiday, a receptionist or an offering ("lễ hội", "dịp lễ",
    "lễ tân", "lễ vật"), nor a ceremony the table names."""
    found = []
    for i in range(len(tokens) - 1):
        word, following = tokens[i], tokens[i + 1]
        if (word.key != "lễ" or not following.is_word or following.is_capitalized or following.key in _NOT_CEREMONY
                or following.text[0].isdigit()):  # "mừng lễ 30/4": a holiday
            continue
        if i > 0 and tokens[i - 1].key in _HOLIDAY_BEFORE:
            continue
        if not anywhere and not _stands_as_the_event(tokens, i):
            continue
        if any(tuple(t.key for t in tokens[i : i + len(s)]) == s for s, _ in _spellings().get("lễ", ())):
            continue
        found.append((word.start, following.end, "lễ"))
    return found


def _stands_as_the_event(tokens: list[Token], i: int) -> bool:
    """Whether the "lễ" at tokens[i] opens its clause (the subject: "Lễ mở bán diễn ra") or is
    the object of a verb that holds, attends or follows it ("tổ chức lễ", "dự lễ", "sau lễ")."""
    if i == 0 or not tokens[i - 1].is_word:
        return True
    before = " ".join(t.key for t in tokens[max(0, i - 2) : i])
    return any(before == verb or before.endswith(" " + verb) for verb in _CEREMONY_VERBS)


_CEREMONY_VERBS = ("tổ chức", "dự", "tham dự", "chứng kiến", "chủ trì", "sau", "tại", "cử hành", "tiến hành",
                   "làm", "diễn ra", "khai mạc", "trong")
_LIST_SEPARATORS = {",", "và", "hay", "hoặc", ", và"}
# Words just before an event word that make it the setting, not the report; "là" makes it a
# likeness ("là diễn đàn để trao đổi"); "sau khi dự" an earlier event, "nhân" (opening its
# clause) the occasion of a piece about something else ("nhân hội thảo ... vừa diễn ra").
_PASSING = re.compile(r"(?:^| )(?:bên lề|trước|chuẩn bị cho|dự kiến|trung tâm|cung|hội trường|nhà|là|"
                      r"thời gian diễn ra|trong thời gian|nghị quyết|sau khi (?:tham )?dự)$"
                      r"|(?:^|[,.;:] )nhân$"
                      # Many events of a kind, not one reported: "các cuộc thi bị biến tướng", "nhiều cuộc
                      # thi âm nhạc đình đám", "những phiên toà lưu động".
                      r"|(?:^| )(?:các|những|nhiều|mọi)$"
                      # Any one event of a kind, or none: "sau mỗi cuộc thi nhan sắc", "quán quân của một cuộc
                      # thi nghệ thuật", "chưa có cuộc thi sắc đẹp nào".
                      r"|(?:^| )(?:mỗi|của một|chưa có)$"
                      # Where a star began or what she trains for, not the news: "Bước ra từ cuộc thi Việt Nam
                      # Idol, Phương Vy ...", "luyện tập cho cuộc thi Hoa hậu Hoàn vũ".
                      r"|(?:^| )(?:bước ra|nổi lên|xuất thân|đi lên|nổi tiếng) từ$|(?:^| )(?:luyện tập|tập luyện) cho$"
                      # What came after an event, not the event: "Hậu hội nghị G 7: Sẽ có đòn trừng phạt",
                      # "vài giờ sau lễ diễu binh" (not "Hoa hậu", "Á hậu")
                      r"|(?:^| )(?<!hoa )(?<!á )hậu$|(?:^| )(?:giờ|tiếng|ngày|tuần) sau$")
# Kinds named by a verb ("đối thoại", "làm việc với"): after "để" or "được" the verb is meant.
_VERB_KINDS = {"đối thoại", "buổi làm việc", "hội đàm"}
# After a wish, a call, an offer or a refusal, or as a means ("qua đối thoại"), the talk is not
# held: "Qatar sẵn sàng đối thoại", "kêu gọi đối thoại", "từ chối hội đàm", "trở lại làm việc".
_AS_VERB = re.compile(r"(?:^| )(?:để|được|sẵn sàng|kêu gọi|muốn|mong muốn|ủng hộ|đề nghị|đề xuất|đòi|qua|bằng|"
                      r"tiếp tục|nối lại|khởi động|thúc đẩy|hy vọng|hi vọng|từ chối|bác bỏ|né tránh|trở lại|"
                      r"kinh nghiệm|yêu cầu|cần|phải|đang|nhằm|hòa giải|lịch)$")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_CLAUSE_ENDS = (",", ".", ";", ":", "!", "?", "\n")
# An event whose clause goes on to say it is yet to come, or whose clause before it speaks of the future.
# A day to come ("ngày 12/6 tới", not the range "từ 20-5 tới 25-5"), next month or week (not "2
# tháng sau", two months later), or the event as the subject of "sẽ" ("Hội nghị G7 sẽ bàn").
_PLANNED_AFTER = re.compile(r".*?(?:(?<!\d )\b(?:tuần|tháng|năm)(?: \d+)? tới|\bsắp tới|\bsắp diễn ra|\bsẽ diễn ra|\bdự kiến (?:diễn ra|khai mạc|tổ chức)"
                            r"|\b\d{1,2}[-/]\d{1,2} tới(?! ?\d| ngày)|(?<!\d )\b(?:tuần|tháng) sau"
                            r"|^(?: [^\s,.;:]+){0,6}? sẽ (?:được|khai mạc|sớm|bàn|thảo luận))\b")
# A plan, preparation or earlier event the clause puts the event in: "chuẩn bị đưa ra xét xử",
# "kế hoạch tiếp tục hội nghị thượng đỉnh".
_PLANNED_BEFORE = re.compile(r"\b(?:sẽ|dự kiến|sắp|từng|[Cc]huẩn bị|[Kk]ế hoạch)\b")
# A condition, an obligation or a request the event is the object of ("nếu vụ việc này mà xét xử
# nhanh", "phải nhanh chóng tổ chức tập huấn", "đề nghị mở phiên xét xử"); not the setting where
# it was said ("đã yêu cầu như vậy tại cuộc họp"), nor "(phải)" / "từ phải sang" in a caption.
_WANTED_BEFORE = re.compile(r"\b(?:[Nn]ếu|phải(?!\)| sang)|cần|nên|đề nghị|yêu cầu)\b")
_SETTING = re.compile(r"(?:^| )(?:tại|trong|ở)$")
# An event a purpose aims to bring about, one or two words after "để" / "nhằm": "nhằm thiết lập
# cuộc họp thượng đỉnh", "để chờ xét xử": not held yet; one a purpose goes to ("để đến phiên toà",
# "để dự hội nghị") may be held as the going is told.
_PURPOSE = re.compile(r"\b(?:để|nhằm)(?! (?:đến|tới|dự|tham dự|có mặt)\b)(?: [^\s,.;:]+){1,2} $")
# An event inside a clause of time or of a matter that has its own subject and verb before the
# event word: "sau khi ông chỉ trích toà án Trung Quốc tuỳ tiện tuyên án", "liên quan đến việc Khoa
# Ngoại ngữ tổ chức lớp bồi dưỡng": what the main clause reports followed from it or is about it
# ("sau khi tuyên án với 92 bị cáo" is the report; "đột tử vì nhồi máu cơ tim tại một phiên toà"
# is set at the event, so a cause "vì" is not such a clause).
_BACKGROUND = re.compile(r"\b(?:sau khi|trước khi|liên quan đến việc)(?: [^\s,.;:]+){2,} $", re.IGNORECASE)
_SENTENCE_ENDS = (".", "!", "?", "\n")
_TODAY = re.compile(r"\b(?:hôm nay|sáng nay|chiều nay|tối nay|trưa nay|đêm nay)\b", re.I)
_ORGANIZED_BY = re.compile(r".*?\bdo\b.{1,80}?\b(?:tổ chức|chủ trì|đăng cai)\b")
# A name inside the name of a passing event: "bên lề Hội nghị ngoại trưởng diễn đàn khu vực ASEAN".
_NESTED = re.compile(r" (?:\w+ ){0,3}| (?:\w+ ){0,4}của ")  # "... các cuộc họp cấp cao thường niên của Diễn đàn"
_HELD_IN_SITTINGS = {"hội nghị", "hội thảo", "diễn đàn"}
_SITTING_OF = re.compile(r" (?:toàn thể |trù bị |cấp cao |thứ \w+ )?(?:của )?")
_REPORT = re.compile(r" cáo\b")
_NEVER = re.compile(r"(?!)")
# An online forum; a football final ("đêm chung kết AFF Cup") is a match, not a contest.
_NOT_AN_EVENT_AFTER = {"diễn đàn": re.compile(r" mạng\b"),
                       "cuộc thi": re.compile(r" (?:AFF|World Cup|Champions League|V-?League|Euro|SEA Games|Asian Cup"
                                              r"|Europa League|Ngoại hạng|bóng đá|U\d\d)\b")}
_NOT_CEREMONY = {"hội", "tân", "phục", "vật", "đài", "nghi", "nghĩa", "phép", "độ", "giáo", "bái", "lạt", "chùa",
                 "tết", "phật", "mễ", "lễ", "này", "đó", "của", "và", "được", "là", "ấy", "đã", "sẽ", "với", "cho"}
_HOLIDAY_BEFORE = {"dịp", "nghỉ", "ngày", "mùa", "kỳ", "kì", "tuần", "đi", "đợt", "nghi", "mừng"}
