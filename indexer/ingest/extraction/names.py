"""One canonical name per body: abbreviations spelled out, the modern tone placement, the
gazetteer's official form where it knows the body; and the key every spelling of it shares.

Newsrooms write "UBND TP. Đà Nẵng", "Sở GD-ĐT TP HCM", "Bộ TN&MT", "Thành uỷ TP.HCM" for
bodies whose official names are "Uỷ ban nhân dân thành phố Đà Nẵng", "Sở Giáo dục và Đào
tạo Thành phố Hồ Chí Minh", "Bộ Tài nguyên và Môi trường", "Thành uỷ Thành phố Hồ Chí Minh".
Facets show the canonical name; a filter or an `organizer:` query given any of the spellings
finds it through `name_key`.

Only a province's own bodies (Sở, Công an, Ủy ban nhân dân, Tòa án nhân dân ...) get the
province's kind before its name ("Sở Y tế Hà Nội" → "Sở Y tế thành phố Hà Nội"); a school
keeps its name as it is ("Trường ĐH Cần Thơ" → "Trường Đại học Cần Thơ"). A Sở of a province
belongs to that province's Ủy ban nhân dân when the text names no parent.
"""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.ingest.articles import Organizer
from indexer.ingest.extraction.gazetteer import gazetteer, province_spellings
from indexer.ingest.extraction.ministry_fields import official_field
from indexer.ingest.extraction.text import tokenize
from indexer.text.vietnamese import fold, modern_tone

# Abbreviations inside names, longest first; each stands for words of the official name.
_EXPANSIONS = (
    (r"TP\.?\s*HCM|TPHCM|TP\.?\s*Hồ Chí Minh|Tp\.?\s*HCM", "Thành phố Hồ Chí Minh"),
    (r"UBND", "Ủy ban nhân dân"),
    (r"HĐND", "Hội đồng nhân dân"),
    (r"ĐBQH", "đại biểu Quốc hội"),
    (r"TAND", "Tòa án nhân dân"),
    (r"VKSND", "Viện kiểm sát nhân dân"),
    (r"KSND", "Kiểm sát nhân dân"),
    (r"UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    (r"MTTQ", "Mặt trận Tổ quốc"),
    (r"GD\s*[-&]\s*ĐT|GDĐT", "Giáo dục và Đào tạo"),
    (r"TN\s*[-&]\s*MT|TNMT", "Tài nguyên và Môi trường"),
    (r"VH\s*[-,]?\s*TT\s*[-&]\s*DL|VHTTDL", "Văn hóa, Thể thao và Du lịch"),
    (r"LĐ\s*[-,]?\s*TB\s*[-&]?\s*XH|LĐTBXH", "Lao động - Thương binh và Xã hội"),
    (r"KH\s*[-&]\s*CN|KHCN", "Khoa học và Công nghệ"),
    (r"KH\s*[-&]\s*ĐT|KHĐT", "Kế hoạch và Đầu tư"),
    (r"NN\s*[-&]\s*PTNT|NNPTNT", "Nông nghiệp và Phát triển nông thôn"),
    (r"TT\s*[-&]\s*TT|TTTT", "Thông tin và Truyền thông"),
    (r"LĐLĐ", "Liên đoàn Lao động"),
    (r"CLB", "Câu lạc bộ"),
    (r"BĐBP", "Bộ đội Biên phòng"),
    (r"NXB", "Nhà xuất bản"),
    (r"TMCP", "Thương mại Cổ phần"),
    (r"LHPN", "Liên hiệp Phụ nữ"),
    (r"GTVT", "Giao thông vận tải"),
    (r"QLTT", "Quản lý thị trường"),
    (r"ATGT", "An toàn giao thông"),
    (r"TDTT", "Thể dục thể thao"),
    (r"THPT", "Trung học phổ thông"),
    (r"THCS", "Trung học cơ sở"),
    (r"ĐH", "Đại học"),
    (r"TW", "Trung ương"),
    (r"T\.Ư", "Trung ương"),  # "Ban Tuyên giáo T.Ư" (not "TƯ": "ĐẦU TƯ" in capitals)
    (r"Q\.", "quận"),  # "UBND Q. Bình Tân" (not "Q.1": no word may follow the dot)
    (r"TX\.", "thị xã"),
    (r"VN", "Việt Nam"),
    (r"CA", "Công an"),
    (r"TP\.?|Tp\.", "thành phố"),
)
_NUMBERED_DISTRICT = re.compile(r"(?<!\w)Q\. ?(?=\d)")  # "UBND Q. 12", "UBND Q.12": quận 12
# Only Ho Chi Minh City numbers its districts: "TAND quận 1" is that city's, named with it.
_NUMBERED_DISTRICT_END = re.compile(r"(quận \d{1,2})$")
_ABBREVIATION = re.compile("|".join(rf"(?<!\w)(?:{pattern})(?!\w)" for pattern, _ in _EXPANSIONS))
_PATTERNS = [(re.compile(rf"(?:{pattern})$"), words) for pattern, words in _EXPANSIONS]
_WORD = re.compile(r"\w+")
# "TAND cấp cao Hà Nội": the high courts and procuracies are named "... cấp cao tại Hà Nội".
# "Toà án Nhân dân", "Viện Kiểm sát nhân dân": the people's bodies are named in lower case after their head.
_PEOPLES = re.compile(r"^(Tòa án|Toà án|Ủy ban|Uỷ ban|Hội đồng|Viện [kK]iểm sát) (?:[nN]hân [dD]ân|ND)(?!\w)")
# "toà án TP Hà Nội": a local court or procuracy is "... nhân dân" of its place.
_LOCAL_COURT = re.compile(r"^(Tòa án|Toà án|Viện kiểm sát) (?=(?:tỉnh|thành phố|huyện|quận|thị xã) [A-ZĐ0-9])")
# Party committees and youth unions named by their level take the place without its kind, as
# their official names do ("Thành uỷ Hà Nội", "Tỉnh đoàn Nghệ An", "Huyện uỷ Quan Sơn"); the city
# named after a person keeps its "Thành phố" ("Thành uỷ Thành phố Hồ Chí Minh"), a numbered
# district its kind ("Quận uỷ quận 1").
_LEVEL_BODY = re.compile(
    r"(?<!\w)((?:Tỉnh|Thành|Huyện|Quận|Thị) (?:uỷ|ủy|đoàn|Đoàn)) (?:tỉnh|thành phố|huyện|quận|thị xã) (?!Hồ Chí Minh)(?=[A-ZĐ])"
)
# A place's Fatherland Front committee under its official name: "Uỷ ban MTTQ tỉnh Quảng Nam",
# "Uỷ ban Mặt trận tổ quốc thành phố Hà Nội", "Mặt trận Tổ quốc huyện X" → "Ủy ban Mặt trận Tổ quốc
# Việt Nam tỉnh Quảng Nam" (the front itself, national, is the gazetteer's).
_FRONT = re.compile(
    r"^(?:[UỦuủ][ỷy] ban )?Mặt trận [tT]ổ quốc (?:Việt Nam )?(?=(?:tỉnh|thành phố|Thành phố|huyện|quận|thị xã|phường|xã) )"
)
_FRONT_NAME = "Ủy ban Mặt trận Tổ quốc Việt Nam "
# The army's commands as their official names write them ("Bộ chỉ huy quân sự tỉnh Nghệ An" →
# "Bộ Chỉ huy Quân sự tỉnh Nghệ An", "Bộ chỉ huy Bộ đội biên phòng" → "Bộ Chỉ huy Bộ đội Biên phòng").
_COMMAND_CASE = {c.lower(): c for c in ("Bộ Tư lệnh", "Bộ Chỉ huy Quân sự", "Bộ Chỉ huy Bộ đội Biên phòng",
                                         "Bộ Chỉ huy", "Bộ đội Biên phòng")}
_COMMAND = re.compile("^(?:" + "|".join(sorted(map(re.escape, _COMMAND_CASE), key=len, reverse=True)) + ")(?!\\w)",
                      re.IGNORECASE)
_HIGH_COURT = re.compile(r"^((?:Tòa án|Toà án|Viện kiểm sát) nhân dân [cC]ấp cao) (?:thành phố )?(?!tại )(?=[A-ZĐ])")


def canonical_name(name: str) -> str:
    """The body's canonical name: the gazetteer's official one if it knows it by any spelling
    or abbreviation, else the name with its abbreviations spelled out, in the modern tone
    placement (Uỷ, Hoà), single-spaced, with a hyphen for any dash ("Bà Rịa – Vũng Tàu")."""
    return _canonical_name(" ".join(_DASHES.sub("-", name).split()))


_DASHES = re.compile("[–—‒]")


def canonical_organizer(organizer: Organizer) -> Organizer:
    """The organizer under its canonical name and parent's; the name it was given becomes its
    alias when it differs (so "UBND TP Đà Nẵng" stays searchable)."""
    name = canonical_name(organizer.name)
    parent = canonical_name(organizer.parent) if organizer.parent else None
    given = " ".join(organizer.name.split())
    alias = organizer.alias or (given if modern_tones(given) != name else None)
    parent = parent or _province_committee(name)
    return Organizer(name, parent if parent != name else None, alias)


def name_key(name: str) -> str:
    """The key every spelling, case and abbreviation of one body shares."""
    return fold(canonical_name(name))


# Inside a name a city's kind is lower case ("Công an thành phố Đà Nẵng"), but for the city named
# after a person ("Thành đoàn Thành phố Hồ Chí Minh"), as the official names write them.
_CITY_KIND = re.compile(r"(?<=\w )[tT]hành phố (?=[A-ZĐ])")
_PERSON_CITY = "Hồ Chí Minh"


def _city_kind(match: re.Match[str]) -> str:
    return "Thành phố " if match.string.startswith(_PERSON_CITY, match.end()) else "thành phố "


@lru_cache(maxsize=20_000)
def _canonical_name(name: str) -> str:
    name = _official_place(official_field(_CITY_KIND.sub(_city_kind, name)))
    known = _gazetteer_name(name) or _gazetteer_name(_without_country(name)) or _board_of_known(name)
    if known is None:
        expanded = _with_place_kind(_ABBREVIATION.sub(_expansion, _NUMBERED_DISTRICT.sub("quận ", name)))
        expanded = _LEVEL_BODY.sub(r"\1 ", _FRONT.sub(_FRONT_NAME, expanded))
        expanded = _COMMAND.sub(lambda m: _COMMAND_CASE[m.group().lower()], expanded)
        expanded = _LOCAL_COURT.sub(r"\1 nhân dân ", expanded)
        expanded = _PEOPLES.sub(lambda m: f"{m.group(1).replace('Kiểm', 'kiểm')} nhân dân", _HIGH_COURT.sub(r"\1 tại ", expanded))
        known = _gazetteer_name(expanded) or _NUMBERED_DISTRICT_END.sub(r"\1, Thành phố Hồ Chí Minh", expanded)
    return modern_tones(known[:1].upper() + known[1:])


def _board_of_known(name: str) -> str | None:
    """"Thường trực Ban Chỉ đạo trung ương về phòng chống tham nhũng" → the standing board of the
    gazetteer's body under the body's official name."""
    board = next((b for b in _BOARDS if name.startswith(b)), None)
    known = _gazetteer_name(name[len(board):]) if board else None
    if known is None or known.startswith("Ban Chấp hành"):
        return None  # "Ban Thường vụ Trung ương Đoàn" is that committee's own board, named so
    return f"{board}{known}"


_BOARDS = ("Thường trực ", "Ban Thường vụ ")


def _without_country(name: str) -> str:
    """"Bộ Quốc phòng Việt Nam" → "Bộ Quốc phòng": a Vietnamese body named with its country
    (the gazetteer knows foreign bodies by their own names, "Bộ Quốc phòng Hàn Quốc" aside)."""
    return name.removesuffix(" Việt Nam") if name.startswith("Bộ ") else name


# Bodies a province has one of, named with the province's kind (folded, as `fold` spells them).
_PROVINCIAL = (
    "so ", "cong an ", "uy ban nhan dan ", "hoi dong nhan dan ", "toa an nhan dan ", "vien kiem sat nhan dan ",
    "bo chi huy quan su ", "bo chi huy bo doi bien phong ", "dai phat thanh",
    "cuc thue ", "cuc hai quan ", "bao hiem xa hoi ", "kho bac nha nuoc ", "lien doan lao dong ",
    "uy ban mat tran to quoc ", "hoi nong dan ", "hoi lien hiep phu nu ", "thanh tra ", "van phong ",
    "doan dai bieu quoc hoi ", "ban chap hanh dang bo ",
)


def _with_place_kind(name: str) -> str:
    """"Sở Y tế Hà Nội" → "Sở Y tế thành phố Hà Nội": a province or city at the end of a
    province's body's name is named with its kind, as official names are (but "Tỉnh uỷ Hoà
    Bình", "Trường Đại học Cần Thơ")."""
    if not fold(name).startswith(_PROVINCIAL):
        return name
    name = modern_tones(name)  # "Công an Khánh Hòa" and "Công an Khánh Hoà" are one
    for place, kind in _places().items():
        if name.endswith(" " + place) and len(name) > len(place) + 1:
            head = name[: -len(place) - 1]
            if not fold(head).endswith(("tinh", "thanh pho", "tinh uy", "thanh uy")):
                return f"{head} {kind} {place}"
            return name
    return name


def _official_place(name: str) -> str:
    """"Toà án nhân dân tỉnh Đăk Nông" → "... tỉnh Đắk Nông": a province ending a name is written
    as its official name."""
    for spelling, place in province_spellings().items():
        if name.endswith(" " + spelling):
            return name[: -len(spelling)] + place
    return name


def _province_committee(name: str) -> str | None:
    """"Sở Y tế tỉnh Nghệ An" belongs to "Ủy ban nhân dân tỉnh Nghệ An"; None for other names."""
    if not name.startswith("Sở "):
        return None
    for place, kind in _places().items():
        if fold(name).endswith(fold(f" {kind} {place}")):
            return canonical_name(f"Ủy ban nhân dân {kind} {place}")
    return None


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Each province and centrally run city of the gazetteer with its kind, longest first."""
    found = {}
    for body in gazetteer().bodies.values():
        match = re.fullmatch(r"Ủy ban nhân dân (tỉnh|[tT]hành phố) (.+)", body.name) if body.kind == "province" else None
        if match:
            found[modern_tones(match.group(2))] = match.group(1)
    return dict(sorted(found.items(), key=lambda item: -len(item[0])))


def _expansion(match: re.Match[str]) -> str:
    text = match.group()
    for pattern, words in _PATTERNS:
        if pattern.match(text):
            return words
    return text


def _gazetteer_name(name: str) -> str | None:
    """The gazetteer's name of the body `name` spells whole (a name, an alias, an abbreviation)."""
    tokens = tokenize(name)
    if not tokens:
        return None
    found = gazetteer().match_at(tokens, 0)
    return found.body.name if found is not None and found.end == len(tokens) else None


def modern_tones(text: str) -> str:
    """The text with every syllable's tone mark where the modern style puts it (Uỷ ban,
    Hoà Bình, Khoẻ), each word keeping its case."""
    return _WORD.sub(lambda m: _restyled(m.group()), text)


def _restyled(word: str) -> str:
    styled = modern_tone(word)
    if styled == word.lower():
        return word
    if word.isupper() and len(word) > 1:
        return styled.upper()
    return styled[:1].upper() + styled[1:] if word[:1].isupper() else styled
