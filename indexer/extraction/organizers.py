"""Who organized or hosted the reported event, told apart from bodies merely mentioned.

The lead's sentences are read for the roles bodies play around the organizing verbs:
the subject of "tổ chức / phối hợp tổ chức / đăng cai / khai mạc" ("Bộ Nội vụ tổ chức",
"A phối hợp với B tổ chức"), a court as the subject of a trial ("TAND tỉnh X xét xử / mở
phiên tòa / tuyên án"), the agent after "do" ("do A và B tổ chức"), the partners of
"hợp tác giữa A, B và C" when the sentence has no subject, co-organizers "với sự phối hợp
của A", and the body whose meeting it is: a meeting noun followed by the body, directly or
through "của" ("kỳ họp thứ 6 HĐND TP. HCM", "cuộc họp báo thường kỳ của Bộ Ngoại giao").
Other "của" phrases ("đại diện của X") and bodies that "tham dự" are not organizers. Only
if none of that is found does the host ("tại trụ sở X") or the chair's body count; a
venue ("tại Trung tâm Hội nghị Quốc gia", "tại Trường ...") or a place is never a host.
Organizers are listed host first, then those named in the title, then in text order.
"""

from __future__ import annotations

import re

from indexer.articles import Organizer
from indexer.extraction.bodies import Mention, find_mentions
from indexer.extraction.gazetteer import Body
from indexer.extraction.names import canonical_organizer
from indexer.extraction.events import EVENT_TYPES
from indexer.extraction.text import Token, keys_of, sentences, tokenize

_VERBS = [keys_of(v) for v in ("tổ chức", "đăng cai", "khai mạc", "khai giảng", "chủ trì tổ chức")]
_CHAIR = keys_of("chủ trì")
# "tổ chức" also means carrying out a task: "tổ chức khám nghiệm hiện trường", "tổ chức (đợt) tuần
# tra", "tổ chức lấy ý kiến" name no organized event and so no organizer.
_TASKS = [
    keys_of(t)
    for t in ("điều tra", "khám nghiệm", "truy bắt", "truy xét", "truy tìm", "tuần tra", "lấy ý kiến", "thực hiện",
              "triển khai", "rà soát", "kiểm tra", "vận hành", "phân luồng", "cưỡng chế", "giải cứu", "tìm kiếm",
              "cứu hộ", "xử lý", "thi hành", "di dời", "bắt giữ", "vây bắt", "triệt phá", "đấu tranh", "giám sát",
              "phong tỏa", "phong toả", "tiêu hủy", "tiêu huỷ", "sơ tán", "đưa rước", "tiếp nhận")
]
_TASK_CLASSIFIERS = [keys_of(c) for c in ("buổi", "đợt", "cuộc", "các", "việc")]
# Words allowed between a subject and its verb ("đã", "long trọng", "phối hợp").
_ADVERBS = [
    keys_of(a)
    for a in ("đã", "đang", "sẽ", "vừa", "cũng", "long trọng", "chính thức", "trọng thể", "phối hợp",
              "đồng", "cùng", "chủ trì", "tiến hành")
]
# Words allowed between two organizers of one list ("A, B và C", "A phối hợp với B").
_CONNECTORS = [
    keys_of(c)
    for c in (",", "và", "cùng", "với", "phối hợp", "chủ trì", "các", "và các", "cùng với", "đã", "đang", "sẽ", "vừa")
]
# Partners named only by kind: "phối hợp với các bộ, ngành, tổ chức lễ" is still the subject's event.
_GENERIC_PARTNERS = [
    keys_of(p)
    for p in ("các bộ, ngành,", "các bộ, ngành", "các bộ ngành", "các sở, ngành,", "các sở, ngành", "các sở ngành",
              "các đơn vị liên quan", "các đơn vị", "các cơ quan liên quan", "các cơ quan", "các địa phương",
              "các ngành", "các đối tác")
]
# A body's term between it and its verb: "HĐND TP. HCM khoá IX đã tổ chức kỳ họp".
_TERM = keys_of("khóa")
_ROMAN = re.compile(r"[IVXL]+")
# A body after a person's title names the person's post: "Thứ trưởng Bộ Tư pháp Mỹ Rod Rosenstein
# ngày 13-6 đã họp báo" is a person's press conference.
_TITLES = [
    keys_of(t)
    for t in ("bộ trưởng", "thứ trưởng", "giám đốc", "chủ tịch", "bí thư", "người phát ngôn", "chánh án",
              "viện trưởng", "cục trưởng", "vụ trưởng", "trưởng ban", "đại sứ", "hiệu trưởng", "ngoại trưởng")
]
# A time between a subject and its verb: "UBND tỉnh X sáng 12-3 đã tổ chức", "TAND TP hôm nay xét xử".
_TIMES = set(keys_of("sáng chiều tối trưa đêm ngày hôm"))
_TIME_PARTS = set(keys_of("nay qua mai")) | {"-", "/", "."}
_ASIDE_REACH = 12  # tokens a bracketed aside may span: "(huyện Lý Sơn, tỉnh Quảng Ngãi)"
_VENUE = set(keys_of("tại ở"))
# Words that report an event: the organizing verbs, meetings, ceremonies and the event types
# (a working session, "làm việc với", is not an organized event).
_VENUE_SKIP = set(keys_of("trụ sở hội trường phòng khách sạn nhà"))
# "tại trụ sở Trường X": a school's own premises ("tại hội trường Trường X" is only its hall).
_PREMISES = keys_of("trụ sở")
_PARTNERSHIP = [keys_of(p) for p in ("hợp tác", "phối hợp", "ký kết", "liên kết")]
_CO_ORGANIZING = [keys_of(p) for p in ("sự phối hợp của", "sự chủ trì của", "sự đồng tổ chức của")]
# "sự chủ trì của lãnh đạo Bộ X": the body the leaders speak for.
_ON_BEHALF = [keys_of(p) for p in ("lãnh đạo", "đại diện")]
# What a court does when it holds a trial; only a court's mention is its subject.
_TRIAL_VERBS = [
    keys_of(v)
    for v in ("xét xử", "xử", "mở phiên tòa", "mở phiên toà", "đưa ra xét xử", "đưa vụ án ra xét xử", "tuyên án",
              "tuyên phạt", "kết án")
]
_COURTS = [keys_of(c) for c in ("Tòa án", "TAND")]
# Meetings that belong to a body: "phiên họp (giao ban) của UBND X", "kỳ họp thứ 6 HĐND X".
_MEETINGS = [
    keys_of(m)
    for m in ("kỳ họp", "phiên họp", "cuộc họp báo", "cuộc họp", "buổi họp", "họp báo", "hội nghị", "hội thảo",
              "tọa đàm", "toạ đàm", "diễn đàn", "đại hội", "phiên giải trình")
]
_MEETING_GAP = 8  # at most this many words between a meeting noun and its "của"
_ORDINAL = keys_of("thứ")
# Words after which a "của" names someone at the meeting, not its owner: "hội nghị có đại diện
# của Bộ Y tế", "hội nghị với sự tham dự của ...".
_NOT_OWNER = set(keys_of("có đại diện lãnh đạo biểu tham dự sự với thành viên cán phát"))
# Words between a meeting noun and its body: "Hội nghị thượng đỉnh G20".
_MEETING_LEVELS = [keys_of(q) for q in ("thượng đỉnh", "cấp cao", "thường kỳ", "bất thường")]
# "hội nghị ... của ngành": the branch of the ministry named before it in the sentence.
_BRANCH = keys_of("ngành")
# A body meets ("Chính phủ họp phiên thường kỳ"); a legislature passes what it votes on.
_MEETS = [keys_of("họp")]
_LEGISLATING = [keys_of(v) for v in ("thông qua", "biểu quyết thông qua")]
_LEGISLATURES = [keys_of(b) for b in ("Quốc hội", "HĐND", "Hội đồng nhân dân", "Ủy ban Thường vụ Quốc hội")]
# "thăm chính thức ... theo lời mời của Bộ trưởng Bộ X": the inviting body hosts the visit.
_INVITATION = keys_of("theo lời mời của")
_INVITATION_REACH = 16  # tokens after the invitation within which the inviting body is named
# Ceremonies a host may receive at its premises ("chủ trì lễ đón").
_CEREMONIES = [keys_of(c) for c in ("lễ đón", "lễ ra mắt", "lễ khánh thành", "lễ khởi công", "lễ phát động", "lễ mít tinh")]
# Event types whose words name no organizing body: a working session, and sittings, trials and
# ceremonies, whose bodies the meeting, trial and ceremony rules above find.
_NOT_ORGANIZED = {"buổi làm việc", "phiên họp", "phiên tòa", "lễ"}
# A topic, not the reported event: "làm việc ... về tổ chức hội nghị".
_TOPIC = set(keys_of("về"))
_EVENT_WORDS = sorted(
    {*_VERBS, *_MEETINGS, *_CEREMONIES,
     *(keys_of(spelling) for kind, spellings in EVENT_TYPES if kind not in _NOT_ORGANIZED for spelling in spellings)},
    key=len,
    reverse=True,
)
# Heads of venues: they hold events, never organize them.
_VENUES = [
    keys_of(v)
    for v in ("Trung tâm Hội nghị", "Trung tâm Triển lãm", "Cung", "Nhà hát", "Nhà văn hóa", "Nhà văn hoá",
              "Sân vận động", "Khách sạn", "Trường", "Đại học", "ĐH", "Bệnh viện", "Bảo tàng", "Công viên", "Quảng trường")
]


def find_organizers(
    lead_paragraphs: list[str], title: str | None = None, home: Body | None = None
) -> tuple[Organizer, ...]:
    """The organizers of the event reported by the lead (its first paragraphs)."""
    text = "\n".join(lead_paragraphs)
    tokens = tokenize(text)
    mentions = find_mentions(tokens, text, home)
    title_names = {m.name for m in find_mentions(tokenize(title), title, home)} if title else set()
    spans = [_token_range(tokens, start, end) for start, end in sentences(text)]
    chosen: list[Mention] = []
    venues: set[str] = set()
    for first, last in spans:
        local = [m for m in mentions if first <= m.start and m.end <= last]
        chosen = _organizing(tokens, local, first, last, text)
        if chosen:
            venues = {m.name for m in local if _is_venue(tokens, m, first)}
            break
    if not chosen:
        chosen, venues = _fallback(tokens, mentions, spans, text)
    ordered = sorted(
        enumerate(_unique(chosen)),
        key=lambda item: (item[1].name not in venues, item[1].name not in title_names, item[0]),
    )
    return tuple(_organizer(m, home) for _, m in ordered)


def _organizing(tokens: list[Token], mentions: list[Mention], first: int, last: int, text: str) -> list[Mention]:
    ending = {m.end: m for m in mentions}
    starting = {m.start: m for m in mentions}
    found: list[Mention] = []
    for i in range(first, last):
        verb = _phrase_at(tokens, i, _VERBS)
        if verb and tokens[i].text.islower() and not _is_task(tokens, i + verb, last):
            found += _subjects(tokens, ending, i, first)
        if _phrase_at(tokens, i, _TRIAL_VERBS) and tokens[i].text.islower():
            found += [m for m in _subjects(tokens, ending, i, first) if _is_court(m)]
        if _phrase_at(tokens, i, _MEETS) and tokens[i].text.islower():
            found += [m for m in _subjects(tokens, ending, i, first) if not m.place]
        if _phrase_at(tokens, i, _LEGISLATING) and tokens[i].text.islower():
            found += [m for m in _subjects(tokens, ending, i, first) if _starts_with(m, _LEGISLATURES)]
        meeting = _phrase_at(tokens, i, _MEETINGS)
        if meeting:
            found += _meeting_owners(tokens, mentions, starting, i + meeting, first, last)
        if tokens[i].text == "do":
            found += _agents(tokens, starting, i + 1, last)
        if tokens[i].key == "giữa" and _has_event(tokens, first, last):
            if any(_phrase_at(tokens, k, _PARTNERSHIP) for k in range(max(first, i - 3), i)):
                found += _listed(tokens, starting, i + 1, last)
        co = _phrase_at(tokens, i, _CO_ORGANIZING)
        if co:
            found += _listed(tokens, starting, _skip_forward(tokens, i + co, last, _ON_BEHALF), last)
    return [m for m in found if not _is_venue(tokens, m, first)]


def _is_task(tokens: list[Token], after: int, last: int) -> bool:
    """Whether an organizing verb ending at `after` carries out a task, not an event."""
    j = _skip_forward(tokens, after, last, _TASK_CLASSIFIERS)
    return j < last and bool(_phrase_at(tokens, j, _TASKS))


def _meeting_owners(
    tokens: list[Token], mentions: list[Mention], starting: dict[int, Mention], after: int, first: int, last: int
) -> list[Mention]:
    """The bodies a meeting belongs to: right after its noun ("kỳ họp thứ 6 HĐND X", "phiên họp
    Chính phủ", "Hội nghị thượng đỉnh G20"), or after "của" a few words on ("phiên họp giao ban
    của UBND X"); "của ngành" is the ministry the sentence named before."""
    j = _skip_forward(tokens, after, last, _MEETING_LEVELS)
    if j + 1 < last and tokens[j].key in _ORDINAL and tokens[j + 1].text.isdigit():
        j += 2
    if j in starting:
        return [m for m in _listed(tokens, starting, j, last) if not m.place]
    for k in range(after, min(last, after + _MEETING_GAP + 1)):
        token = tokens[k]
        if k in starting or (not token.is_word and token.text not in "-\"“”") or token.key in _NOT_OWNER:
            return []  # another body, a clause break or a participant first: not the meeting's owner
        if token.key == "của" and token.text.islower():
            if k + 1 < last and tokens[k + 1].key == _BRANCH[0] and tokens[k + 1].text.islower():
                ministries = [m for m in mentions if first <= m.start and m.end <= k and m.name.startswith("Bộ ")]
                return ministries[-1:]
            return _listed(tokens, starting, k + 1, last)
    return []


def _is_court(mention: Mention) -> bool:
    return _starts_with(mention, _COURTS)


def _starts_with(mention: Mention, heads: list[tuple[str, ...]]) -> bool:
    keys = keys_of(mention.name)
    return any(keys[: len(h)] == h for h in heads)


def _subjects(tokens: list[Token], ending: dict[int, Mention], verb: int, first: int) -> list[Mention]:
    """The bodies right before an organizing verb: "A (chủ trì,) phối hợp với B tổ chức"."""
    j = _back_to_body(tokens, ending, _skip_back(tokens, verb, first, _ADVERBS), first)
    found = []
    while j in ending:
        mention = ending[j]
        owner = mention.start - 1
        if owner > first and tokens[owner].key == "của" and owner in ending:
            mention = ending[owner]  # "Ủy ban Pháp luật của Quốc hội": the first one acts
        if any(_phrase_at(tokens, k, [t]) for t in _TITLES if (k := mention.start - len(t)) >= first):
            break  # the person holding the post acts, not the body
        found.append(mention)
        j = _back_to_body(tokens, ending, _skip_back(tokens, mention.start, first, _CONNECTORS), first)
    return list(reversed(found))


def _back_to_body(tokens: list[Token], ending: dict[int, Mention], j: int, first: int) -> int:
    """Back past what stands between two bodies of a list, or a body and its verb, without being
    one: a bracketed place ("Đoàn Luật sư Seoul (Hàn Quốc)"), a term ("khoá IX") and partners
    named only by kind ("phối hợp với các bộ, ngành,")."""
    while j not in ending:
        if j - 1 > first and tokens[j - 1].text == ")":
            k = next((k for k in range(j - 2, max(first, j - _ASIDE_REACH), -1) if tokens[k].text in "()"), None)
            if k is None or tokens[k].text != "(":
                return j
            j = _skip_back(tokens, k, first, _CONNECTORS)
        elif j - 2 >= first and tokens[j - 2].key in _TERM and _ROMAN.fullmatch(tokens[j - 1].text):
            j -= 2
        elif _time_before(tokens, j, first) < j:
            j = _skip_back(tokens, _time_before(tokens, j, first), first, _ADVERBS)
        else:
            k = _skip_back(tokens, j, first, _GENERIC_PARTNERS)
            if k == j:
                return j
            j = _skip_back(tokens, k, first, _CONNECTORS)
    return j


def _time_before(tokens: list[Token], j: int, first: int) -> int:
    """The start of a time that ends at j ("sáng 12-3", "hôm nay", "ngày 5/3"), or j."""
    k = j
    while k - 1 > first and (tokens[k - 1].text.isdigit() or tokens[k - 1].key in _TIME_PARTS):
        k -= 1
    if k < j and k - 1 > first and tokens[k - 1].key in _TIMES and tokens[k - 1].text.islower():
        return k - 1
    return j


def _agents(tokens: list[Token], starting: dict[int, Mention], start: int, last: int) -> list[Mention]:
    """"do A và B (phối hợp) tổ chức": the bodies after "do", if an organizing verb follows."""
    listed = _listed(tokens, starting, start, last)
    if not listed:
        return []
    j = _skip_forward(tokens, listed[-1].end, last, _ADVERBS)
    j = _skip_forward(tokens, _skip_forward(tokens, j, last, _GENERIC_PARTNERS), last, _ADVERBS)
    if j < last and (_phrase_at(tokens, j, _VERBS) or _phrase_at(tokens, j, [_CHAIR])):
        return listed
    return []


def _listed(tokens: list[Token], starting: dict[int, Mention], start: int, last: int) -> list[Mention]:
    """The bodies of a list "A, B và C" starting at token `start`."""
    found = []
    j = start
    while j in starting:
        mention = starting[j]
        found.append(mention)
        j = _skip_forward(tokens, _past_aside(tokens, mention.end, last), last, _CONNECTORS)
    return found


def _past_aside(tokens: list[Token], j: int, last: int) -> int:
    """The position after a bracketed aside at j ("A (Hàn Quốc) và B"), or j."""
    if j < last and tokens[j].text == "(":
        k = next((k for k in range(j + 1, min(last, j + _ASIDE_REACH)) if tokens[k].text in "()"), None)
        if k is not None and tokens[k].text == ")":
            return k + 1
    return j


def _skip_back(tokens: list[Token], j: int, first: int, phrases: list[tuple[str, ...]]) -> int:
    """The position before every lower-case phrase of `phrases` that ends at j."""
    moved = True
    while moved:
        moved = False
        for phrase in phrases:
            k = j - len(phrase)
            if k >= first and _phrase_at(tokens, k, [phrase]) and _lower(tokens[k:j]):
                j, moved = k, True
                break
    return j


def _skip_forward(tokens: list[Token], j: int, last: int, phrases: list[tuple[str, ...]]) -> int:
    """The position after every lower-case phrase of `phrases` that starts at j."""
    moved = True
    while moved:
        moved = False
        for phrase in sorted(phrases, key=len, reverse=True):
            if j + len(phrase) <= last and _phrase_at(tokens, j, [phrase]) and _lower(tokens[j : j + len(phrase)]):
                j, moved = j + len(phrase), True
                break
    return j


def _lower(tokens: list[Token]) -> bool:
    return all(t.text.islower() or not t.is_word for t in tokens)


def _fallback(
    tokens: list[Token], mentions: list[Mention], spans: list[tuple[int, int]], text: str
) -> tuple[list[Mention], set[str]]:
    """No organizing clause: the host of an event ("tại trụ sở X"), else the chair's body."""
    for first, last in spans:
        if not _reports_event(tokens, first, last):
            continue
        local = [m for m in mentions if first <= m.start and m.end <= last]
        hosts = [m for m in local if _is_venue(tokens, m, first) and _can_host(tokens, m)]
        if hosts:
            return hosts[:1], {hosts[0].name}
    for first, last in spans:
        invited = _inviting(tokens, mentions, first, last)
        if invited is not None:
            return [invited], {invited.name}
    for first, last in spans:
        if not _has_event(tokens, first, last):
            continue
        chair = next((i for i in range(first, last) if _phrase_at(tokens, i, [_CHAIR])), None)
        if chair is None:
            continue
        before = [m for m in mentions if first <= m.start and m.end <= chair]
        if before:
            return before[:1], set()
    return [], set()


def _inviting(tokens: list[Token], mentions: list[Mention], first: int, last: int) -> Mention | None:
    """The body whose head invited a visit: "thăm ... theo lời mời của Đại tướng A, Bộ trưởng Bộ X"."""
    at = next((i for i in range(first, last) if _phrase_at(tokens, i, [_INVITATION])), None)
    if at is None:
        return None
    reach = at + len(_INVITATION) + _INVITATION_REACH
    return next((m for m in mentions if at < m.start and m.end <= min(last, reach) and not m.place), None)


def _can_host(tokens: list[Token], mention: Mention) -> bool:
    """A body may host at its premises; a place, or a venue ("Trung tâm Hội nghị Quốc gia",
    "tại Trường ...") may not."""
    if mention.place:
        return False
    if not _phrase_at(tokens, mention.start, _VENUES):
        return True
    # "tại trụ sở Trường X": the school's own premises, unlike "tại Trường X".
    at_premises = mention.start > 1 and tuple(t.key for t in tokens[mention.start - 2 : mention.start]) == _PREMISES
    return at_premises and not _phrase_at(tokens, mention.start, _VENUES[:2])


def _reports_event(tokens: list[Token], first: int, last: int) -> bool:
    """Whether the sentence reports an organized event, not only one it is about ("làm việc về tổ
    chức hội nghị") or a working session."""
    for i in range(first, last):
        if _phrase_at(tokens, i, _EVENT_WORDS):
            before = {t.key for t in tokens[max(first, i - 3) : i]}
            if not before & _TOPIC:
                return True
    return False


def _is_venue(tokens: list[Token], mention: Mention, first: int) -> bool:
    j = mention.start
    skipped = 0
    while j > first and tokens[j - 1].key in _VENUE_SKIP and skipped < 3:
        j -= 1
        skipped += 1
    return j > first and tokens[j - 1].key in _VENUE and tokens[j - 1].text.islower()


def _has_event(tokens: list[Token], first: int, last: int) -> bool:
    return any(_phrase_at(tokens, i, _EVENT_WORDS) for i in range(first, last))


def _phrase_at(tokens: list[Token], i: int, phrases: list[tuple[str, ...]]) -> int:
    """The length of the first of `phrases` found at token i, or 0."""
    for phrase in phrases:
        if tokens[i].key == phrase[0] and tuple(t.key for t in tokens[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _token_range(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    first = next((k for k, t in enumerate(tokens) if t.start >= start), len(tokens))
    last = next((k for k, t in enumerate(tokens) if t.start >= end), len(tokens))
    return first, last


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for mention in mentions:
        if mention.name not in seen:
            seen[mention.name] = mention
        elif mention.alias and not seen[mention.name].alias:
            seen[mention.name] = mention
    return list(seen.values())


def _organizer(mention: Mention, home: Body | None) -> Organizer:
    parent = mention.parent
    body = mention.body
    if parent is None:
        if body is not None and body.parent and not body.shared:
            parent = body.parent
        elif mention.unit_like and home is not None and home.name != mention.name:
            parent = home.name
        elif body is not None:
            parent = body.parent
    if parent == mention.name:
        parent = None
    return canonical_organizer(Organizer(name=mention.name, parent=parent, alias=mention.alias))
