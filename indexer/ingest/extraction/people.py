"""People named in an article, with their titles and roles kept apart from the name.

A name is a run of capitalised words. A Vietnamese full name is a family name and one to three
more syllables ("Nguyễn Thiện Nhân"); bare, it needs three words, after a title, a post, a trade
or an honorific two will do. Any other name (a foreign one, a stage name, a Chinese name read
in Vietnamese) is taken only where the text announces it: "ca sĩ Anh Thơ", "ông Trump",
"Tổng thống Mỹ Donald Trump", "Chủ tịch Trung Quốc Tập Cận Bình". A name standing after
"đường", "phố", "Trường THPT", a number (an address) or being a province is no person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from indexer.ingest.articles import Person
from indexer.ingest.extraction.gazetteer import gazetteer
from indexer.ingest.extraction.names import modern_tones
from indexer.ingest.extraction.not_people import without_things
from indexer.ingest.extraction.person_words import (
    CALLINGS, COUNTRIES, ENGLAND, HONORIFICS, NAME_WORD, NOT_A_PERSON_BEFORE, POSTS, RANKS, SURNAMES, UPPER, alternation,
    is_vietnamese_syllable,
)
from indexer.ingest.extraction.text import keys_of, tokenize

_NAME = rf"{NAME_WORD}(?: +{NAME_WORD}){{1,4}}"
# Academic and honorary titles, dotted or not ("PGS.TS.", "GS. TSKH", "TS "): kept apart from the name.
_TITLE = r"(?:(?:GS|PGS|TS|ThS|Ths|TSKH|NCS|CN|KS|BS|LS|NGƯT|NGND|NSND|NSƯT|Th\.S)(?:\.\s?|\s+(?=[A-ZĐ])))+"
_WITH_TITLE = re.compile(rf"(?P<title>{_TITLE})\s*(?P<name>{_NAME})")
# Lowercase particles inside foreign names: "Osama bin Laden", "Abu Bakr al - Baghdadi".
_LINK = r"(?: +| +(?:bin|al|van|von|de|da|der|el)(?: +- +|-| +))"
_RUN = re.compile(rf"(?<![\w-]){NAME_WORD}(?:{_LINK}{NAME_WORD})*")
_INNER_CAPITAL = re.compile(rf"[^\W\d_][{UPPER}]")
# Posts whose holders the news names by their surname alone ("Tổng thống Putin", "Ngoại trưởng Pompeo").
_LEADER_WORDS = {"thống", "tướng", "trưởng", "sứ", "đạo", "lĩnh", "đốc"}
_VOWEL = re.compile(r"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)
# A Vietnamese name never ends on its middle name: "Nguyễn Thị" is "Nguyễn Thị H." cut short.
_MIDDLE_NAMES = {"Thị", "Văn"}
_SPACED_SYLLABLE = re.compile(r" ?- ?[a-z]{1,3}\b")
_RUN_WORD = re.compile(r"[^\s-]+(?:-[^\s-]+)*")
# The words that announce a name, lowercased, by kind: the first kind listed wins a tie.
_MARKERS = {w.lower(): kind for kind, words in reversed((("rank", RANKS), ("calling", CALLINGS), ("post", POSTS),
                                                         ("honorific", HONORIFICS))) for w in words}
_POSTS = {w.lower() for w in POSTS}
_POST_FIRST_WORDS = {w.split()[0] for w in _POSTS}
_POST_PREFIXES = {"phó", "nguyên", "cựu", "quyền", "tân"}
_LONGEST_MARKER = max(len(w.split()) for w in _MARKERS)
# What ends the stretch between a post and its holder's name ("Thứ trưởng Bộ Nội vụ Vũ Chiến Thắng").
_CLAUSE_BREAK = re.compile(r"[,;:()“”\"]|(?<!^TP)\.$")
_CONTEXT = 100  # characters before a run read for what announces it
_POST_REACH = 10  # words: how far back a post may stand before its holder's name
_COUNTRY_KEYS = {keys_of(c) for c in COUNTRIES}
_LONGEST_COUNTRY = max(len(k) for k in _COUNTRY_KEYS)
# A role after the name ends at these (a verb phrase starts the rest of the sentence).
_ROLE_START = re.compile(alternation(POSTS))
_ROLE_END = re.compile(
    r"[;.(]|\s+(?:đã|đang|sẽ|cho biết|nhấn mạnh|phát biểu|tham luận|trình bày|chủ trì|khẳng định|"
    r"trong|và các|cùng|tại|dự|tham dự|chia sẻ|trao đổi|mong|tin tưởng|đề cập|cảm ơn|giới thiệu|"
    r"báo cáo|đánh giá|đề xuất|khai mạc|nêu|phân tích|thông tin|bày tỏ|đề nghị|cho rằng|gợi mở|"
    r"kết luận|tổng kết|chúc mừng|chào mừng|hoan nghênh|là)\b|$"
)


@dataclass(frozen=True)
class _Found:
    start: int
    name: str
    title: str | None
    role: str | None


def find_people(text: str) -> tuple[Person, ...]:
    """Everyone the text names as a person, once each, in order of first appearance."""
    found: list[_Found] = []
    for match in _WITH_TITLE.finditer(text):
        title = re.sub(r"\.?\s+(?=\w)", ".", match.group("title").strip())
        title = title if title.endswith(".") else title + "."
        name = " ".join(match.group("name").split())
        found.append(_Found(match.start(), name, title, _role_after(text, match.end())))
    for run in _RUN.finditer(text):
        if " " not in run.group() and is_vietnamese_syllable(run.group()):
            continue  # one Vietnamese word ("Theo", "Ông") is never a full name: most runs end here
        person = _person_in_run(text, run)
        if person is not None:
            found.append(person)
    return without_things(_merged(found), text)


def _person_in_run(text: str, run: re.Match[str]) -> _Found | None:
    """The person a run of capitalised words names, read with what stands before it."""
    words = [(m.group(), run.start() + m.start(), run.start() + m.end()) for m in _RUN_WORD.finditer(run.group())]
    before = text[max(0, run.start() - _CONTEXT) : run.start()]
    before = before[before.rfind("\n") + 1 :]  # a title's words never announce the lead's names
    marker = _marker_before(before)
    start = run.start()
    if marker is None and len(words) > 1 and words[0][0].lower() in _MARKERS:
        marker = (_MARKERS[words[0][0].lower()], words[0][0])  # "Ông Trump", "NTK Hà Duy": the marker opens the run
        words = words[1:]
        start = words[0][1]
    kind = marker[0] if marker else None
    first = _lead_place_words(text[start : run.end()])
    maybe_name = first > 0 or any(w in SURNAMES or not is_vietnamese_syllable(w) for w, _, _ in words)
    post = _post_before(before) if kind is None and maybe_name else None
    named = words[first:]
    if kind == "post" and first == len(words) >= 3 and words[0][0] in SURNAMES:
        span = words[:4]  # "Chủ tịch Hồ Chí Minh": a post before a name that is also a city's
    elif kind is not None or post is not None:
        if not named:
            return None
        foreign = any(not is_vietnamese_syllable(w) for w, _, _ in named)
        vietnamese = _vietnamese_name(text, words, from_word=first, bare=False)
        if vietnamese is not None:
            span = vietnamese
        elif kind == "calling" or (first > 0 and kind is not None):
            span = named[:4]
            if kind == "calling" and first > 0 and len(named) == 1 and not foreign:
                span = words[:4]  # "ca sĩ Mỹ Tâm": a stage name that begins like a country
        elif foreign and len(named) == 1 and kind == "post" and marker:
            if not marker[1].lower().split()[-1] in _LEADER_WORDS:
                return None  # "Chủ tịch Vinamilk": a company; "Tổng thống Putin": a leader by his surname
            span = named
        elif foreign and (kind is not None or first > 0 or len(named) >= 2):
            span = named[:4]
        elif first > 0 and post is not None:
            span = named[:4]
        else:
            return None
    else:
        bare = _vietnamese_name(text, words, from_word=0, bare=True)
        if bare is None:
            return None
        span = bare
    if len(span) == 1 and is_vietnamese_syllable(span[0][0]):
        return None  # "ông Hiểu", "ca sĩ Búp bê": a short form or a word, not a full name
    if any(len(w) < 2 or w.isupper() or _INNER_CAPITAL.search(w) or not _VOWEL.search(w) for w, _, _ in span):
        return None  # "Vũ Quốc T.", "Th.": a name the paper withholds; UBND, APEC: abbreviations; SeABank: a brand
    end = span[-1][2]
    syllable_after = _SPACED_SYLLABLE.match(text, end)
    if syllable_after and not all(is_vietnamese_syllable(w) for w, _, _ in span):
        end = syllable_after.end()  # "Kim Jong - un", "Park Geun - hye" as the corpus spaces them
    name = re.sub(r" *- *", "-", text[span[0][1] : end])
    title = marker[1] if marker and kind == "rank" else None
    role: str | None = None
    if kind == "calling" and marker:
        role = marker[1]
    elif kind == "post" and marker:
        role = (marker[1] + " " + text[start : span[0][1]]).strip()
    elif post is not None:
        role = (post + " " + text[start : span[0][1]]).strip()
    return _Found(span[0][1], name, title, role or _role_after(text, end))


def _marker_before(before: str) -> tuple[str, str] | None:
    """(kind, words) of the title, post, trade or honorific written right before a run."""
    if not before.endswith(" "):
        return None
    words = before.split()[-_LONGEST_MARKER:]
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[-size:]).lstrip("(“\"'")
        kind = _MARKERS.get(phrase.lower())
        if kind is not None:
            return kind, phrase
    return None


def _post_before(before: str) -> str | None:
    """The post and its body written before a run within one clause ("Thứ trưởng Bộ Nội vụ"), if any."""
    if not before.endswith(" "):
        return None
    words = before.split()[-_POST_REACH:]
    start = next((i + 1 for i in range(len(words) - 1, -1, -1) if _CLAUSE_BREAK.search(words[i])), 0)
    for i in range(len(words) - 1, start - 1, -1):  # the nearest post: "nguyên Chủ tịch nước", not a verb before
        if words[i].lower() in _POST_FIRST_WORDS:
            for size in (3, 2, 1):
                if " ".join(words[i : i + size]).lower() in _POSTS:
                    while i > start and (words[i - 1].lower() in _POST_PREFIXES or any(
                            " ".join(words[i - 1 : i - 1 + n]).lower() in _POSTS for n in (2, 3, 4))):
                        i -= 1  # "Bộ trưởng" rather than its last word "trưởng"; "nguyên Chủ tịch"
                    return " ".join(words[i:])
    return None


@lru_cache(maxsize=4096)
def _lead_place_words(run: str) -> int:
    """How many words at the run's start name a country or a province ("Mỹ", "Nhật Bản", "Hà Nội")."""
    words = _RUN_WORD.findall(run)
    if len(words) > 1 and words[0] == ENGLAND and not is_vietnamese_syllable(words[1]):
        return 1
    tokens = tokenize(run)
    keys = tuple(t.key for t in tokens[:_LONGEST_COUNTRY])
    for size in range(len(keys), 0, -1):
        if keys[:size] in _COUNTRY_KEYS:
            covered = tokens[size - 1].end
            return sum(1 for m in _RUN_WORD.finditer(run) if m.end() <= covered)
    covered = _province_at(run)
    return sum(1 for m in _RUN_WORD.finditer(run) if m.end() <= covered)


@lru_cache(maxsize=4096)
def _province_at(run: str) -> int:
    """Where the province named at the start of `run` ends ("Hà Nội", "TP HCM"), else 0."""
    tokens = tokenize(run)
    place = gazetteer().place_at(tokens, 0) if tokens else None
    return tokens[place.end - 1].end if place is not None else 0


def _vietnamese_name(
    text: str, words: list[tuple[str, int, int]], *, from_word: int, bare: bool
) -> list[tuple[str, int, int]] | None:
    """The first Vietnamese full name in the run from `from_word`: a family name and up to three
    syllables, not a province. Bare (nothing announces it), it needs three words and nothing before
    it that makes it a street, a school or a place."""
    for i in range(from_word, len(words)):
        if words[i][0] not in SURNAMES or i > 0 and words[i - 1][0].lower() in NOT_A_PERSON_BEFORE:
            continue  # "Trường THPT Lê Quý Đôn": a school named after a person
        rest = [w for w in words[i + 1 : i + 4]]
        size = 0
        for word, start, _ in rest:
            if not is_vietnamese_syllable(word) or size >= 1 and _province_at(text[start : words[-1][2]]):
                break  # "Hoàng Anh Gia Lai": a name that runs into a province is a company's
            size += 1
        span = words[i : i + 1 + size]
        withheld = i + 1 + size < len(words) and len(words[i + 1 + size][0]) == 1  # "Nguyễn Văn T."
        if size == 0 or withheld or span[-1][0] in _MIDDLE_NAMES or not _free_word_before(text, words[i][1]):
            continue
        if _lead_place_words(text[span[0][1] : span[-1][2]]) > 0:
            continue
        if bare and (size < 2 or not _free_before(text, words, i)):
            return None
        return span
    return None


def _free_before(text: str, words: list[tuple[str, int, int]], i: int) -> bool:
    """Whether a bare name at words[i] opens its run: inside a longer name ("Giải Trịnh Công Sơn")
    it is a prize's, a school's or a street's."""
    return i == 0 and _free_word_before(text, words[0][1])


def _free_word_before(text: str, start: int) -> bool:
    """Whether the word before `start` leaves a name there a person: not "đường", "quận", "số 12"."""
    before = text[max(0, start - 30) : start].split()
    if not before:
        return True
    last = before[-1].strip("“\"(")
    return not (last.lower() in NOT_A_PERSON_BEFORE or last[:1].isdigit())


def _merged(found: list[_Found]) -> tuple[Person, ...]:
    """One person a name, the earliest first; a name that only begins or ends another one found
    ("Trump" beside "Donald Trump", "Kim Jong" beside "Kim Jong-un") is the same person."""
    by_name: dict[str, _Found] = {}
    for f in sorted(found, key=lambda f: f.start):
        name = modern_tones(f.name)
        old = by_name.get(name)
        if old is None:
            by_name[name] = _Found(f.start, name, f.title, f.role)
        else:
            by_name[name] = _Found(old.start, name, old.title or f.title, old.role or f.role)
    names = list(by_name)
    kept = [
        f for f in by_name.values()
        if not any(other != f.name and (other.startswith(f.name + " ") or other.startswith(f.name + "-")
                                        or other.endswith(" " + f.name)) for other in names)
    ]
    return tuple(Person(name=f.name, title=f.title, role=f.role) for f in kept)


def _role_after(text: str, end: int) -> str | None:
    """The role written right after a name: ", Vụ trưởng Vụ Hợp tác quốc tế, ..." or " – ..."."""
    rest = text[end : end + 200]
    lead = re.match(r"\s*(?:,|[-–])\s*", rest)
    if not lead:
        return None
    rest = rest[lead.end() :]
    if not _ROLE_START.match(rest):
        return None
    stop = _ROLE_END.search(rest)
    role = rest[: stop.start()] if stop else rest
    role = role.strip(" ,–-")
    return role or None
