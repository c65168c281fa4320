"""When the lead names no organizing clause: the host of the event at its premises ("tại trụ
sở X"), the body whose head invited a visit, or the body of the person who chaired; and the
tests of a sentence these rules share: whether it reports an event, whether a body is its venue.

A venue ("tại Trung tâm Hội nghị Quốc gia", "tại Trường ...") or a place is never a host.
"""

from __future__ import annotations

from indexer.ingest.extraction.clauses import phrase_at, skip_forward
from indexer.ingest.extraction.meeting_settings import in_setting
from indexer.ingest.extraction.name_grammar import Mention
from indexer.ingest.extraction.plans import still_to_come
from indexer.ingest.extraction.role_words import (
    CHAIR, EVENT_WORDS, INVITATION, INVITATION_REACH, NOUN_SENSES, PREMISES, TASK_CLASSIFIERS, TASKS, TOPIC, VENUE,
    VENUE_SKIP, VENUES, VERBS,
)
from indexer.ingest.extraction.text import Token


def fallback(
    tokens: list[Token], mentions: list[Mention], spans: list[tuple[int, int]], text: str
) -> tuple[list[Mention], set[str]]:
    """No organizing clause: the host of an event ("tại trụ sở X"), else the chair's body."""
    for first, last in spans:
        if not reports_event(tokens, first, last) or _planned(tokens, first, last):
            continue
        local = [m for m in mentions if first <= m.start and m.end <= last]
        hosts = [m for m in local if is_venue(tokens, m, first) and _can_host(tokens, m)]
        if hosts:
            return hosts[:1], {hosts[0].name}
    for first, last in spans:
        invited = _inviting(tokens, mentions, first, last)
        if invited is not None:
            return [invited], {invited.name}
    for first, last in spans:
        if not has_event(tokens, first, last, settings_too=False):
            continue  # "Theo nghị quyết phiên họp ..., Chính phủ giao Bộ X chủ trì": no meeting chaired
        chair = next((i for i in range(first, last) if phrase_at(tokens, i, [CHAIR])), None)
        if chair is None:
            continue
        before = [m for m in mentions if first <= m.start and m.end <= chair]
        if before:
            return before[:1], set()
    return [], set()


def _planned(tokens: list[Token], first: int, last: int) -> bool:
    """Whether the sentence's organizing verb is still to come: "Vietjet sẽ tổ chức ngày hội tuyển
    dụng ... tại Văn phòng Vietjet" names a venue of a plan, no host of a reported event."""
    return any(phrase_at(tokens, i, VERBS) and still_to_come(tokens, i, first) for i in range(first, last))


def _inviting(tokens: list[Token], mentions: list[Mention], first: int, last: int) -> Mention | None:
    """The body whose head invited a visit: "thăm ... theo lời mời của Đại tướng A, Bộ trưởng Bộ X"."""
    at = next((i for i in range(first, last) if phrase_at(tokens, i, [INVITATION])), None)
    if at is None:
        return None
    reach = at + len(INVITATION) + INVITATION_REACH
    return next((m for m in mentions if at < m.start and m.end <= min(last, reach) and not m.place), None)


def _can_host(tokens: list[Token], mention: Mention) -> bool:
    """A body may host at its premises; a place, or a venue ("Trung tâm Hội nghị Quốc gia",
    "tại Trường ...") may not."""
    if mention.place:
        return False
    if not phrase_at(tokens, mention.start, VENUES):
        return True
    # "tại trụ sở Trường X": the school's own premises, unlike "tại Trường X".
    at_premises = mention.start > 1 and tuple(t.key for t in tokens[mention.start - 2 : mention.start]) == PREMISES
    return at_premises and not phrase_at(tokens, mention.start, VENUES[:2])


def is_task(tokens: list[Token], after: int, last: int) -> bool:
    """Whether an organizing verb ending at `after` carries out a task, not an event ("tổ chức
    khám nghiệm hiện trường", "tổ chức đánh bạc")."""
    if after < last and phrase_at(tokens, after, NOUN_SENSES):
        return True  # "tổ chức từ thiện": an organization, no event
    j = skip_forward(tokens, after, last, TASK_CLASSIFIERS)
    return j < last and bool(phrase_at(tokens, j, TASKS))


def reports_event(tokens: list[Token], first: int, last: int) -> bool:
    """Whether the sentence reports an organized event, not only one it is about ("làm việc về tổ
    chức hội nghị"), a working session or a task ("tổ chức đánh bạc ngay tại trụ sở UBND xã")."""
    for i in range(first, last):
        if (verb := phrase_at(tokens, i, VERBS)) and is_task(tokens, i + verb, last):
            continue
        if phrase_at(tokens, i, EVENT_WORDS):
            before = {t.key for t in tokens[max(first, i - 3) : i]}
            if not before & TOPIC:
                return True
    return False


def is_venue(tokens: list[Token], mention: Mention, first: int) -> bool:
    j = mention.start
    skipped = 0
    while j > first and tokens[j - 1].key in VENUE_SKIP and skipped < 3:
        j -= 1
        skipped += 1
    return j > first and tokens[j - 1].key in VENUE and tokens[j - 1].text.islower()


def has_event(tokens: list[Token], first: int, last: int, settings_too: bool = True) -> bool:
    """Whether tokens[first:last] name an event; `settings_too=False` leaves out one named only as
    the setting of something else ("Theo nghị quyết phiên họp ...": a document the news cites)."""
    return any(phrase_at(tokens, i, EVENT_WORDS) and (settings_too or not in_setting(tokens, i, first))
               for i in range(first, last))
