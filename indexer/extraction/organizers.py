"""Who organized or hosted the reported event, told apart from bodies merely mentioned.

The lead's sentences are read for the roles bodies play around the organizing verbs:
the subject of "tổ chức / phối hợp tổ chức / đăng cai / khai mạc" ("Bộ Nội vụ tổ chức",
"A phối hợp với B tổ chức"), the agent after "do" ("do A và B tổ chức"), the partners of
"hợp tác giữa A, B và C" when the sentence has no subject, and co-organizers "với sự
phối hợp của A". Bodies in "tham dự", "đại diện", "của" phrases are not organizers. Only if
none of that is found does the host ("tại trụ sở X") or the chair's body count.
Organizers are listed host first, then those named in the title, then in text order.
"""

from __future__ import annotations

from indexer.articles import Organizer
from indexer.extraction.bodies import Mention, find_mentions
from indexer.extraction.gazetteer import Body
from indexer.extraction.names import canonical_organizer
from indexer.extraction.events import event_mentions_in
from indexer.extraction.text import Token, keys_of, sentences, tokenize

_VERBS = [keys_of(v) for v in ("tổ chức", "đăng cai", "khai mạc", "khai giảng", "chủ trì tổ chức")]
_CHAIR = keys_of("chủ trì")
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
_VENUE = set(keys_of("tại ở"))
_VENUE_SKIP = set(keys_of("trụ sở hội trường phòng khách sạn nhà"))
_PARTNERSHIP = [keys_of(p) for p in ("hợp tác", "phối hợp", "ký kết", "liên kết")]
_CO_ORGANIZING = [keys_of(p) for p in ("sự phối hợp của", "sự chủ trì của", "sự đồng tổ chức của")]


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
        if verb and tokens[i].text.islower():
            found += _subjects(tokens, ending, i, first)
        if tokens[i].text == "do":
            found += _agents(tokens, starting, i + 1, last)
        if tokens[i].key == "giữa" and _has_event(text, tokens, first, last):
            if any(_phrase_at(tokens, k, _PARTNERSHIP) for k in range(max(first, i - 3), i)):
                found += _listed(tokens, starting, i + 1, last)
        co = _phrase_at(tokens, i, _CO_ORGANIZING)
        if co:
            found += _listed(tokens, starting, i + co, last)
    return [m for m in found if not _is_venue(tokens, m, first)]


def _subjects(tokens: list[Token], ending: dict[int, Mention], verb: int, first: int) -> list[Mention]:
    """The bodies right before an organizing verb: "A (chủ trì,) phối hợp với B tổ chức"."""
    j = _skip_back(tokens, verb, first, _ADVERBS)
    found = []
    while j in ending:
        mention = ending[j]
        owner = mention.start - 1
        if owner > first and tokens[owner].key == "của" and owner in ending:
            mention = ending[owner]  # "Ủy ban Pháp luật của Quốc hội": the first one acts
        found.append(mention)
        j = _skip_back(tokens, mention.start, first, _CONNECTORS)
    return list(reversed(found))


def _agents(tokens: list[Token], starting: dict[int, Mention], start: int, last: int) -> list[Mention]:
    """"do A và B (phối hợp) tổ chức": the bodies after "do", if an organizing verb follows."""
    listed = _listed(tokens, starting, start, last)
    if not listed:
        return []
    j = _skip_forward(tokens, listed[-1].end, last, _ADVERBS)
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
        j = _skip_forward(tokens, mention.end, last, _CONNECTORS)
    return found


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
        if not _has_event(text, tokens, first, last):
            continue
        local = [m for m in mentions if first <= m.start and m.end <= last]
        hosts = [m for m in local if _is_venue(tokens, m, first)]
        if hosts:
            return hosts[:1], {hosts[0].name}
    for first, last in spans:
        if not _has_event(text, tokens, first, last):
            continue
        chair = next((i for i in range(first, last) if _phrase_at(tokens, i, [_CHAIR])), None)
        if chair is None:
            continue
        before = [m for m in mentions if first <= m.start and m.end <= chair]
        if before:
            return before[:1], set()
    return [], set()


def _is_venue(tokens: list[Token], mention: Mention, first: int) -> bool:
    j = mention.start
    skipped = 0
    while j > first and tokens[j - 1].key in _VENUE_SKIP and skipped < 3:
        j -= 1
        skipped += 1
    return j > first and tokens[j - 1].key in _VENUE and tokens[j - 1].text.islower()


def _has_event(text: str, tokens: list[Token], first: int, last: int) -> bool:
    if first >= last:
        return False
    verbs = any(_phrase_at(tokens, i, _VERBS) for i in range(first, last))
    return verbs or bool(event_mentions_in(tokens[first:last]))


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
