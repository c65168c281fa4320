"""Who organized or hosted the reported event, told apart from bodies merely mentioned.

The lead's sentences are read for the roles bodies play around the organizing verbs:
the subject of "tổ chức / phối hợp tổ chức / đăng cai / khai mạc" ("Bộ Nội vụ tổ chức",
"A phối hợp với B tổ chức"), a court as the subject of a trial ("TAND tỉnh X xét xử / mở
(lại) phiên tòa / tuyên án / đưa vụ án ... ra xét xử") or its bench ("HĐXX của TAND X"), the agent after "do" ("do A và B tổ chức"), the partners of
"hợp tác giữa A, B và C" when the sentence has no subject, co-organizers "với sự phối hợp
của A", and the body whose meeting it is: a meeting noun followed by the body, directly or
through "của" ("kỳ họp thứ 6 HĐND TP. HCM", "cuộc họp báo thường kỳ của Bộ Ngoại giao").
Other "của" phrases ("đại diện của X") and bodies that "tham dự" are not organizers. Only
if none of that is found does the host ("tại trụ sở X") or the chair's body count
(`hosts`); a venue ("tại Trung tâm Hội nghị Quốc gia", "tại Trường ...") or a place is never a host.
Between a subject and its verb may stand a time ("sáng 12-3"), a term ("khoá IX"), a
bracketed aside ("(Hàn Quốc)"), partners named only by kind ("với các bộ, ngành") and partners
the reader does not know as bodies ("và chính quyền địa phương huyện X"); a body after a
person's title is the person's post, and one after a summit's noun its name ("Thượng đỉnh G20"). "tổ chức" carrying out a task ("tổ chức khám
nghiệm hiện trường") holds no event. When the lead reports an event without naming who
organized it, a later sentence about it may ("Sự kiện do A và B phối hợp tổ chức").
Organizers are listed host first, then those named in the title, then in text order.
The words of these roles are in `role_words`.
"""

from __future__ import annotations

from indexer.ingest.articles import Organizer
from indexer.ingest.extraction.addresses import address_before
from indexer.ingest.extraction.bodies import find_mentions
from indexer.ingest.extraction.name_grammar import Mention
from indexer.ingest.extraction.clauses import (
    abbreviation_before, listed, named_with, past_aside, phrase_at, skip_back, skip_forward, time_before, token_range,
)
from indexer.ingest.extraction.gazetteer import Body
from indexer.ingest.extraction.hosts import fallback, has_event, is_task, is_venue, reports_event
from indexer.ingest.extraction.local_committees import names_no_place, with_sentence_province
from indexer.ingest.extraction.meeting_settings import common_noun, reported_owners
from indexer.ingest.extraction.meetings import addressed_legislature, meeting_owners, reports_own_meeting
from indexer.ingest.extraction.name_words import STOP
from indexer.ingest.extraction.names import canonical_organizer
from indexer.ingest.extraction.plans import still_to_come
from indexer.ingest.extraction.role_words import (
    ADVERBS, ANAPHORS, ASIDE_REACH, BENCH, BENCH_OF, BRINGS, CHAIR, CO_ORGANIZING, CONNECTORS, COORDINATED_REACH,
    COORDINATING, COURTS,
    EVENT_NAMES, EVENT_OR_THE_EVENT, GENERIC_PARTNERS, LEADERS, LEGISLATING, LEGISLATURES,
    MEETINGS, MEETS, ON_BEHALF, PARTNER_OPENERS, PLURALS, PARTNER_REACH, PARTNER_WORDS, PARTNERSHIP, PASSIVE, ROMAN,
    TAIL_REACH, TENURE, TERM, VERB_TAGS, THIS_IS, TITLES, TO_TRIAL, TO_TRIAL_REACH, TRIAL_VERBS, VERBS,
)
from indexer.ingest.extraction.text import Token, is_subheading, sentences, tokenize
from indexer.text.segmentation import tag_words


def find_organizers(
    lead_paragraphs: list[str], title: str | None = None, home: Body | None = None,
    following: list[str] | None = None,
) -> tuple[Organizer, ...]:
    """The organizers of the event reported by the lead (its first paragraphs); the `following`
    paragraphs are read for an organizing clause when the lead reports an event without one. A
    subheading among the lead's paragraphs lets the next paragraph into the lead."""
    following = following or []
    extra = min(len(following), sum(map(is_subheading, lead_paragraphs)))
    lead_paragraphs, following = lead_paragraphs + following[:extra], following[extra:]
    lead, rest = "\n".join(lead_paragraphs), "\n".join(following)
    text = f"{lead}\n{rest}" if rest else lead
    tokens = tokenize(text)
    mentions = find_mentions(tokens, text, home)
    title_names = {m.name for m in find_mentions(tokenize(title), title, home)} if title else set()
    lead_spans = [token_range(tokens, start, end) for start, end in sentences(lead)]
    offset = len(lead) + 1
    later_spans = [token_range(tokens, offset + start, offset + end) for start, end in sentences(rest)]
    chosen: list[Mention] = []
    venues: set[str] = set()
    for first, last in lead_spans:
        local = [m for m in mentions if first <= m.start and m.end <= last]
        chosen = _organizing(tokens, local, first, last)
        if chosen:
            venues = {m.name for m in local if is_venue(tokens, m, first)}
            break
    if not chosen and any(reports_event(tokens, first, last) for first, last in lead_spans):
        chosen = next(filter(None, (_event_agents(tokens, mentions, *span) for span in later_spans)), [])
    if not chosen:
        chosen, venues = fallback(tokens, mentions, lead_spans, text)
    chosen = [m for m in chosen if not common_noun(tokens, m)]
    starts = [first for first, _ in lead_spans + later_spans]
    chosen = [with_sentence_province(tokens, m, max((f for f in starts if f <= m.start), default=0)) for m in chosen]
    chosen = [m for m in chosen if not names_no_place(m)]  # "Uỷ ban nhân dân tỉnh": which province's?
    ordered = sorted(
        enumerate(_unique(chosen)),
        key=lambda item: (item[1].name not in venues, item[1].name not in title_names, item[0]),
    )
    return tuple(_organizer(m, home) for _, m in ordered)


def _event_agents(tokens: list[Token], mentions: list[Mention], first: int, last: int) -> list[Mention]:
    """"Hội thảo do A, B phối hợp tổ chức", "Đây là sự kiện do A tổ chức": a later sentence about
    the event the lead reported, naming who organized it (the news often does so a few sentences on)."""
    opening = first + phrase_at(tokens, first, THIS_IS) if first < last else first  # "Đây là", any case
    if opening >= last or not phrase_at(tokens, opening, EVENT_OR_THE_EVENT):
        return []
    local = [m for m in mentions if first <= m.start and m.end <= last]
    do = next((i for i in range(opening, last) if tokens[i].text == "do"), None)
    if do is None:
        return []
    # The bodies after "do", or, where unknown partners stand in the list ("do A phối hợp với hệ
    # thống siêu thị X tổ chức"), the subjects of its verb, read as in a lead's sentence.
    agents = _agents(tokens, {m.start: m for m in local}, do + 1, last)
    return agents or _organizing(tokens, [m for m in local if m.start > do], do + 1, last)


def _organizing(tokens: list[Token], mentions: list[Mention], first: int, last: int) -> list[Mention]:
    ending = {m.end: m for m in mentions if not _modifies(tokens, m, first)}
    starting = {m.start: m for m in mentions}
    found: list[Mention] = []
    for i in range(first, last):
        verb = phrase_at(tokens, i, VERBS)
        if verb and tokens[i].text.islower() and not is_task(tokens, i + verb, last):
            found += _subjects(tokens, ending, i, first)
        if tokens[i].text.islower() and (phrase_at(tokens, i, TRIAL_VERBS) or _brings_to_trial(tokens, i, last)):
            found += [m for m in _subjects(tokens, ending, i, first) if _is_court(m)]
        bench = phrase_at(tokens, i, BENCH)
        if bench:
            court = starting.get(skip_forward(tokens, i + bench, last, BENCH_OF))
            found += [court] if court is not None and _is_court(court) else []
        if (phrase_at(tokens, i, MEETS) and tokens[i].text.islower()) or reports_own_meeting(tokens, i, last):
            found += [m for m in _subjects(tokens, ending, i, first) if not m.place]
        if phrase_at(tokens, i, LEGISLATING) and tokens[i].text.islower():
            found += [m for m in _subjects(tokens, ending, i, first) if named_with(m, LEGISLATURES)]
        found += addressed_legislature(tokens, starting, i, first, last)  # "trình bày trước Quốc hội"
        meeting = phrase_at(tokens, i, MEETINGS)
        if meeting:
            owners = meeting_owners(tokens, mentions, starting, i + meeting, first, last)
            found += reported_owners(tokens, owners, i, first)
        if tokens[i].text == "do":
            found += _agents(tokens, starting, i + 1, last)
        if tokens[i].key == "giữa" and has_event(tokens, first, last):
            if any(phrase_at(tokens, k, PARTNERSHIP) for k in range(max(first, i - 3), i)):
                found += listed(tokens, starting, i + 1, last)
        if tokens[i].text.islower() and (coordinating := phrase_at(tokens, i, COORDINATING)):
            found += _coordinated(tokens, ending, starting, i, i + coordinating, first, last)
        co = phrase_at(tokens, i, CO_ORGANIZING)
        if co:
            j = skip_forward(tokens, i + co, last, ON_BEHALF)
            found += listed(tokens, starting, j + (phrase_at(tokens, j, LEADERS) if j < last else 0), last)
    return [m for m in found if not is_venue(tokens, m, first)]


def _coordinated(tokens: list[Token], ending: dict[int, Mention], starting: dict[int, Mention],
                 at: int, partners: int, first: int, last: int) -> list[Mention]:
    """"A phối hợp với B, C và doanh nghiệp X tổ chức hội nghị": the bodies before the phrase at
    `at` and the known bodies listed right after it, when an organizing verb follows in the
    sentence and organizes an event (not a task: "phối hợp với B tổ chức khám nghiệm")."""
    verb = next((k for k in range(partners, min(last, partners + COORDINATED_REACH))
                 if tokens[k].text.islower() and phrase_at(tokens, k, VERBS) and tokens[k - 1].key not in PLURALS), None)
    if verb is None:
        return []
    after = verb + phrase_at(tokens, verb, VERBS)
    if is_task(tokens, after, last) or still_to_come(tokens, verb, first):
        return []
    comma = at - 1 if at - 1 > first and tokens[at - 1].text == "," else at  # "A, B, phối hợp với C"
    # A place before the phrase is an address or qualifies a name the reader cut short
    # ("Trường THPT Nguyễn Du, quận 10, TP. HCM"; "sở Văn hoá, ... (VH - TT & DL) tỉnh Đắk Lắk").
    subjects = [m for m in _subjects(tokens, ending, comma, first) if not m.place]
    if not subjects:
        return []
    # The event follows the verb, or the clause is the agent of one named before it ("hội thảo
    # ..., do A phối hợp cùng B (CSIS) của Mỹ đồng tổ chức ngày 17-1", "Chương trình do A ...").
    agent = subjects[0].start > 0 and tokens[subjects[0].start - 1].key == "do"
    if not (agent or has_event(tokens, after, last)):
        return []
    return subjects + listed(tokens, starting, partners, verb)


def _modifies(tokens: list[Token], mention: Mention, first: int) -> bool:
    """A province after a common noun or an unread name's abbreviation qualifies it ("ngành chức
    năng tỉnh Thanh Hoá", "Cảnh sát PCCC TP. HCM"): it does not stand for the province's committee."""
    before = tokens[mention.start - 1] if mention.start > first else None
    return mention.place and before is not None and (abbreviation_before(tokens, mention.start, first) or (
        before.is_word and before.text.islower() and not (
            phrase_at(tokens, mention.start - 1, CONNECTORS) or before.key in ("do", "giữa", "của"))))


def _brings_to_trial(tokens: list[Token], i: int, last: int) -> bool:
    """"đưa vụ án ... ra xét xử": "đưa" at i with "ra xét xử" a few words on in the sentence."""
    if tokens[i].key != BRINGS[0]:
        return False
    return any(phrase_at(tokens, k, TO_TRIAL) for k in range(i + 1, min(last, i + TO_TRIAL_REACH)))


def _is_court(mention: Mention) -> bool:
    return named_with(mention, COURTS)


def _subjects(tokens: list[Token], ending: dict[int, Mention], verb: int, first: int) -> list[Mention]:
    """The bodies right before an organizing verb: "A (chủ trì,) phối hợp với B tổ chức"; none
    before a verb still to come ("A sẽ tổ chức")."""
    if still_to_come(tokens, verb, first):
        return []
    # A name ending at the verb keeps its last word even where it is an adverb ("nhi đồng tổ chức")
    j = verb if verb in ending else _back_to_body(tokens, ending, skip_back(tokens, verb, first, ADVERBS), first)
    anaphor = _anaphor_before(tokens, j, first)
    if anaphor < j:  # "Bộ GTVT cho hay, chiều 11/7, cơ quan này đã tổ chức": the body named before
        named = [m for m in ending.values() if m.end <= anaphor and not m.place]
        return [max(named, key=lambda m: m.end)] if named else []
    found = []
    while j in ending:
        mention = ending[j]
        owner = mention.start - 1
        if owner > first and tokens[owner].key == "của" and owner in ending:
            mention = ending[owner]  # "Ủy ban Pháp luật của Quốc hội": the first one acts
        elif owner > first and tokens[owner].key == "của" and mention.name == "Quốc hội":
            break  # "Uỷ ban Văn hoá, giáo dục, ... của Quốc hội tổ chức": its committee acts
        if any(phrase_at(tokens, k, [t]) for t in TITLES if (k := mention.start - len(t)) >= first):
            break  # the person holding the post acts, not the body
        if any(phrase_at(tokens, k, EVENT_NAMES) == mention.start - k for k in range(max(first, mention.start - 3), mention.start)):
            break  # "Thượng đỉnh G20 sắp tổ chức ở Nhật Bản": the event's name, not its organizer
        found.append(mention)
        j = _back_to_body(tokens, ending, skip_back(tokens, mention.start, first, CONNECTORS), first)
    return list(reversed(found))


def _back_to_body(tokens: list[Token], ending: dict[int, Mention], j: int, first: int) -> int:
    """Back past what stands between two bodies of a list, or a body and its verb, without being
    one: a bracketed place ("Đoàn Luật sư Seoul (Hàn Quốc)"), a term ("khoá IX") and partners
    named only by kind ("phối hợp với các bộ, ngành,")."""
    while j not in ending:
        if j - 1 > first and tokens[j - 1].text == ")":
            k = next((k for k in range(j - 2, max(first, j - ASIDE_REACH), -1) if tokens[k].text in "()"), None)
            if k is None or tokens[k].text != "(":
                return j
            j = skip_back(tokens, k, first, CONNECTORS)
        elif j - 2 >= first and tokens[j - 2].key in TERM and (ROMAN.fullmatch(tokens[j - 1].text) or tokens[j - 1].text.isdigit()):
            j -= 2
        elif j - 5 >= first and phrase_at(tokens, j - 5, [TENURE]) and tokens[j - 1].text.isdigit():
            j = j - 6 if tokens[j - 6].text == "," else j - 5  # "HĐND tỉnh X khoá IX, nhiệm kỳ 2016 - 2021 đã"
        elif (timed := time_before(tokens, j, first)) < j:
            j = skip_back(tokens, timed, first, ADVERBS)
        elif (placed := address_before(tokens, ending, j, first)) < j:
            j = placed  # "Trường THPT Marie Curie, TP. HCM tổ chức": the body, then its address
        else:
            k = skip_back(tokens, j, first, GENERIC_PARTNERS)
            if k == j:
                k = _unknown_partner(tokens, j, first)
            if k == j:
                return _past_tail(tokens, ending, j, first)
            j = skip_back(tokens, k, first, CONNECTORS)
    return j


def _past_tail(tokens: list[Token], ending: dict[int, Mention], j: int, first: int) -> int:
    """Back past the lower-case rest of a body's name, or words describing it, between it and
    its verb ("hội Doanh nghiệp Hàng Việt Nam | chất lượng cao đã tổ chức"): a few lower-case
    words, none a verb by pyvi's tags ("Sở Y tế | yêu cầu bệnh viện tổ chức": the hospital acts)."""
    for k in range(j - 1, max(first, j - TAIL_REACH) - 1, -1):
        token = tokens[k]
        if not token.is_word or not token.text.islower() or token.key in STOP or token.key == "và":
            return j
        if k in ending:
            words = tag_words(" ".join(t.text for t in tokens[k - 1 : j]))
            if words and "_" in words[0][0]:
                return j  # "Báo Công | an nhân dân": the name was cut inside a word, not described
            return k if all(tag not in VERB_TAGS for _, tag in words) else j
    return j


def _unknown_partner(tokens: list[Token], j: int, first: int) -> int:
    """The start of a partner named right before j that is not a known body, after "và", "với",
    "cùng" or "phối hợp" ("A và chính quyền địa phương huyện X tổ chức", "A phối hợp Trung ương
    Giáo hội ... tổ chức"): a few words holding a capital, no clause word; j when there is none."""
    for k in range(j - 1, max(first, j - PARTNER_REACH) - 1, -1):
        token = tokens[k]
        if token.key in PARTNER_OPENERS and token.text.islower():
            named = any(t.is_word and t.is_capitalized for t in tokens[k + 1 : j])
            return k + 1 if named and (token.key != "hợp" or tokens[k - 1].key == "phối") else j
        if not token.is_word and token.text not in "-&+().'’":  # "VinMart & VinMart +"
            return j
        if token.is_word and token.text.islower() and token.key in STOP:
            return j
    return j


def _anaphor_before(tokens: list[Token], j: int, first: int) -> int:
    """The start of "cơ quan này", "đơn vị này" ... ending at j, or j."""
    for phrase in ANAPHORS:
        k = j - len(phrase)
        if k >= first and phrase_at(tokens, k, [phrase]) and tokens[k].text.islower():
            return k
    return j


def _agents(tokens: list[Token], starting: dict[int, Mention], start: int, last: int) -> list[Mention]:
    """"do A và B (phối hợp) tổ chức": the bodies after "do", if an organizing verb follows."""
    bodies = listed(tokens, starting, start, last)
    if not bodies:
        return []
    j = skip_forward(tokens, past_aside(tokens, bodies[-1].end, last), last, ADVERBS)
    j = skip_forward(tokens, j, last, PARTNER_WORDS)  # "phối hợp với | các đơn vị tổ chức"
    j = skip_forward(tokens, skip_forward(tokens, j, last, GENERIC_PARTNERS), last, ADVERBS)
    j = skip_forward(tokens, j, last, PASSIVE)  # "do A phối hợp với B được tổ chức"
    if j < last and (phrase_at(tokens, j, VERBS) or phrase_at(tokens, j, [CHAIR])):
        return bodies
    return []


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
