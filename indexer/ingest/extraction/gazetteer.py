"""The gazetteer of Vietnamese state bodies (indexer/ingest/extraction/data/organizations.json) as a lookup table.

Full names and aliases match whatever the case and tone-mark style (hoà/hòa, Uỷ/Ủy);
abbreviations (BNV, NAPA, INSP) match only as written, as whole tokens. Provinces and
embassies are kept in the data as lists and expanded here into the bodies articles name;
a province's own name ("An Giang", "TP.HCM") is kept apart, as a place, not a body.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from indexer.ingest.extraction.text import Token, keys_of

_DATA = Path(__file__).resolve().parent / "data" / "organizations.json"


@dataclass(frozen=True)
class Body:
    """One organization of the gazetteer."""

    name: str
    kind: str
    parent: str | None = None
    shared: bool = False  # a unit name found in many bodies (Vụ Hợp tác quốc tế)
    abbreviations: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    successor: str | None = None
    home: str | None = None  # for a body's press: the body its "Học viện"/"Bộ" means


@dataclass(frozen=True)
class Match:
    """A gazetteer body found at tokens[start:end]; `abbreviation` if found by one."""

    body: Body
    start: int
    end: int
    abbreviation: str | None = None


@dataclass(frozen=True)
class Place:
    """A province or centrally run city named at tokens[start:end] ("tỉnh An Giang", "TP. HCM")."""

    committee: Body  # its people's committee, the body a place stands for when it acts
    kind: str  # "tỉnh" or "thành phố"
    name: str  # the place's own name, as the gazetteer spells it
    start: int
    end: int
    with_kind: bool  # written with its kind ("tỉnh Đồng Tháp"), not bare ("Đồng Tháp")


class Gazetteer:
    """Bodies by name, by alias keys, by abbreviation and by web domain; provinces as places."""

    def __init__(
        self,
        bodies: list[Body],
        aliases: dict[str, list[str]],
        places: dict[tuple[str, ...], tuple[str, str]] | None = None,
        countries: set[tuple[str, ...]] | None = None,
    ):
        self.bodies = {body.name: body for body in bodies}
        # A place's keys → (its committee's name, its own name).
        self._places = places or {}
        self._countries = (countries or set()) | {VIET_NAM}
        self._by_keys: dict[tuple[str, ...], Body] = {}
        self._abbreviations: dict[str, Body] = {}
        self._domains: dict[str, Body] = {}
        self._prefixes: set[tuple[str, ...]] = set()
        for body in bodies:
            for spelling in [body.name, *aliases.get(body.name, [])]:
                written = keys_of(spelling)
                variants = (written, _without_conjunction(written), _without_dash(written), _with_vn(written))
                for keys in dict.fromkeys(variants):
                    self._by_keys.setdefault(keys, body)
                    self._prefixes.update(keys[:n] for n in range(1, len(keys) + 1))
            for abbreviation in body.abbreviations:
                self._abbreviations.setdefault(abbreviation, body)
            for domain in body.domains:
                self._domains.setdefault(domain, body)

    def get(self, name: str) -> Body | None:
        """The body called `name` (any spelling or alias)."""
        return self.bodies.get(name) or self._by_keys.get(keys_of(name))

    def by_domain(self, domain: str) -> Body | None:
        """The body whose own site is `domain` (www. and sub-domains tolerated)."""
        domain = domain.lower().removeprefix("www.")
        while domain:
            if domain in self._domains:
                return self._domains[domain]
            domain = domain.partition(".")[2]
        return None

    def may_name_at(self, token: Token) -> bool:
        """Whether some body's name or abbreviation could start at `token` (asked at every token)."""
        return (token.key,) in self._prefixes or token.text in self._abbreviations

    def match_at(self, tokens: list[Token], i: int) -> Match | None:
        """The longest body whose name or abbreviation starts at tokens[i]."""
        token = tokens[i]
        if not token.is_word:
            return None
        longest = None
        keys: tuple[str, ...] = ()
        for j in range(i, len(tokens)):
            keys += (tokens[j].key,)
            if keys not in self._prefixes:
                break
            body = self._by_keys.get(keys)
            if body is not None and _joined(tokens, i, j + 1):
                longest = Match(body, i, j + 1)
        if longest is not None:
            return longest
        body = self._abbreviations.get(token.text)
        if body is not None and _standalone(tokens, i):
            return Match(body, i, i + 1, abbreviation=token.text)
        return None

    def place_at(self, tokens: list[Token], i: int) -> Place | None:
        """The province named at tokens[i], with its kind ("tỉnh X", "TP. X", "thành phố X") or bare."""
        j = i + _kind_length(tokens, i)
        for size in range(min(_LONGEST_PLACE, len(tokens) - j), 0, -1):
            keys = tuple(t.key for t in tokens[j : j + size])
            found = self._places.get(keys)
            if found is not None and tokens[j].is_capitalized and _joined(tokens, i, j + size):
                committee = self.bodies[found[0]]
                kind = "thành phố" if committee.name.lower().startswith("ủy ban nhân dân thành phố") else "tỉnh"
                with_kind = j > i or keys[0].startswith("tp")  # "TP.HCM" is one token
                return Place(committee, kind, found[1], i, j + size, with_kind)
        return None

    def country_at(self, tokens: list[Token], i: int) -> int:
        """The end of the country named at tokens[i] ("Hàn Quốc", "Việt Nam"), else i."""
        for size in range(min(_LONGEST_PLACE, len(tokens) - i), 0, -1):
            if tokens[i].is_capitalized and tuple(t.key for t in tokens[i : i + size]) in self._countries:
                return i + size
        return i

    def successor(self, name: str) -> str | None:
        """The body that took over `name` in the 2025 reorganization, if any."""
        body = self.get(name)
        return body.successor if body else None


_LONGEST_PLACE = 5


# Newsrooms drop the "và" and the commas between a ministry's fields: "Bộ Khoa học Công nghệ",
# "Bộ Kế hoạch Đầu tư", "Bộ Văn hoá Thể thao Du lịch" (about 160 train articles of 80,000).
_CONJUNCTIONS = {",", "và"}


def _without_conjunction(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of a name without its "và", commas and dashes, where it has a "và" between two
    fields ("Bộ Tài nguyên Môi trường")."""
    return tuple(k for k in keys if k not in _CONJUNCTIONS and k != "-") if "và" in keys[1:-1] else keys


def _without_dash(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of a name without the dashes between its fields ("Bộ Lao động Thương binh và Xã hội")."""
    return tuple(k for k in keys if k != "-")


def _with_vn(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of a name ending in "Việt Nam" as newsrooms shorten it ("Bảo hiểm xã hội VN")."""
    return (*keys[:-2], "vn") if len(keys) > 3 and keys[-2:] == VIET_NAM else keys


VIET_NAM = keys_of("Việt Nam")


def _kind_length(tokens: list[Token], i: int) -> int:
    """How many tokens at i name a province's kind: "tỉnh", "TP", "TP.", "thành phố" (else 0)."""
    if tokens[i].key == "tỉnh":
        return 1
    if tokens[i].text in ("TP", "Tp"):
        return 2 if i + 1 < len(tokens) and tokens[i + 1].text == "." else 1
    if tokens[i].key == "thành" and i + 1 < len(tokens) and tokens[i + 1].key == "phố":
        return 2
    return 0


def _joined(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the tokens sit on one line (a name never runs across a line break)."""
    return all(tokens[k + 1].start - tokens[k].end <= 3 for k in range(start, end - 1))


def _standalone(tokens: list[Token], i: int) -> bool:
    """An abbreviation that is not part of a document number (892/QĐ-BNV) or a domain."""
    before = tokens[i - 1].text if i > 0 else " "
    after = tokens[i + 1].text if i + 1 < len(tokens) else " "
    glued_before = i > 0 and tokens[i - 1].end == tokens[i].start
    glued_after = i + 1 < len(tokens) and tokens[i + 1].start == tokens[i].end
    return not ((glued_before and before in "-/.") or (glued_after and after in "-/."))


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(_DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer loaded from the data file (once)."""
    data = _data()
    bodies: list[Body] = []
    aliases: dict[str, list[str]] = {}
    for entry in data["organizations"]:
        bodies.append(
            Body(
                name=entry["name"],
                kind=entry["kind"],
                parent=entry.get("parent"),
                shared=entry.get("shared", False),
                abbreviations=tuple(entry.get("abbreviations", ())),
                domains=tuple(entry.get("domains", ())),
                successor=entry.get("successor"),
                home=entry.get("home"),
            )
        )
        aliases[entry["name"]] = list(entry.get("aliases", ()))
    places: dict[tuple[str, ...], tuple[str, str]] = {}
    _add_provinces(data["provinces"], bodies, aliases, places)
    countries = _add_embassies(data["embassies"], bodies, aliases)
    return Gazetteer(bodies, aliases, places, countries)


@lru_cache(maxsize=1)
def province_spellings() -> dict[str, str]:
    """Each province written out another way than its official name ("Đăk Lăk", "Kontum",
    "Bắc Cạn") → that name; abbreviations ("TP HCM") aside."""
    aliases = _data()["provinces"]["aliases"]
    return {alias: place for place, spellings in aliases.items() for alias in spellings
            if not any(word.isupper() for word in alias.split())}


def _add_provinces(
    data: dict, bodies: list[Body], aliases: dict[str, list[str]], places: dict[tuple[str, ...], tuple[str, str]]
) -> None:
    cities = set(data["cities"])
    successors = {old: new for new, olds in data["merged_2025"].items() for old in olds}
    names = list(dict.fromkeys([*data["before_2025"], *data["merged_2025"], "Huế"]))
    for place in names:
        committee = _committee(place, cities)
        successor = successors.get(place)
        bodies.append(
            Body(
                name=committee,
                kind="province",
                successor=_committee(successor, cities) if successor and successor != place else None,
            )
        )
        style = "thành phố" if place in cities else "tỉnh"
        short = "TP." if place in cities else "tỉnh"
        spellings = [place, *data["aliases"].get(place, [])]
        for spelling in spellings:
            places.setdefault(keys_of(spelling), (committee, place))
        forms = []
        for spelling in spellings:
            forms += [
                f"Ủy ban nhân dân {style} {spelling}",
                f"Uỷ ban nhân dân {style} {spelling}",
                f"UBND {style} {spelling}",
                f"UBND {short} {spelling}",
            ]
            if place in cities:
                forms += [f"UBND TP {spelling}", f"Ủy ban nhân dân TP. {spelling}"]
        aliases[committee] = forms


def _committee(place: str, cities: set[str]) -> str:
    # The city named after a person writes its kind capitalized, as its bodies' names do.
    style = ("Thành phố" if place == "Hồ Chí Minh" else "thành phố") if place in cities else "tỉnh"
    return f"Ủy ban nhân dân {style} {place}"


def _add_embassies(data: dict, bodies: list[Body], aliases: dict[str, list[str]]) -> set[tuple[str, ...]]:
    """Adds each country's embassy; returns the keys of every country's spellings."""
    countries: set[tuple[str, ...]] = set()
    for country in data["countries"]:
        name = f"Đại sứ quán {country['country']} tại Việt Nam"
        bodies.append(Body(name=name, kind="foreign"))
        spellings = [country["country"], *country.get("aliases", ())]
        if "official" in country:
            spellings.append(country["official"])
        forms = []
        for spelling in spellings:
            forms += [f"Đại sứ quán {spelling} tại Việt Nam", f"Đại sứ quán {spelling} tại Hà Nội",  # its seat
                      f"Đại sứ quán {spelling}", f"ĐSQ {spelling}"]
            countries.add(keys_of(spelling))
        aliases[name] = forms
    return countries
