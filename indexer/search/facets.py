"""Facet columns of every document, read once per index generation, and counting over them.

Whoosh's `groupedby` counts by walking every hit (seconds at 100k documents); here each
facet is a numpy array of value codes per document number, so counting a match set is a
`bincount` and a filter is a boolean mask.
"""

from __future__ import annotations

import calendar
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from indexer.ingest.extraction.dates import is_calendar_date
from indexer.ingest.extraction.names import name_key
from indexer.search.query_model import spelled_as_typed
from indexer.text.vietnamese import canonical, fold

FACETS = ("organizer", "person", "source", "event_type", "year", "month")
# Facets a document may have several values of (an organizer counts for its parent too).
_MANY = ("organizer", "person")


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet with the number of matches that have it."""

    value: str
    count: int
    selected: bool
    parent: str | None = None


class Codes:
    """A vocabulary of facet values, the code of each, and the codes of each value's key:
    what every spelling of it (case, tone placement, abbreviations for organizers) shares.

    Values sharing a key share one code, listed under the spelling most documents give it: a
    filter by any spelling selects them all, so the facet lists them once with that count
    ("Uỷ ban An toàn giao thông quốc gia" and "... Giao thông Quốc gia" are one body).

    With a `loose` key (people's names: the key keeps diacritics, the loose key drops them), a
    filter typed without diacritics selects every value its loose key shares, one typed with
    them only the values spelled that way, as a query's words match ("Nguyễn Thành Phong" is not
    "Nguyễn Thanh Phong"; "Nguyen Thanh Phong" is either)."""

    def __init__(self, key: Callable[[str], str], loose: Callable[[str], str] | None = None) -> None:
        self.values: list[str] = []
        self.index: dict[str, int] = {}
        self.key = key
        self.loose = loose
        self.by_key: dict[str, list[int]] = {}
        self.by_loose: dict[str, list[int]] = {}
        self._own: dict[str, int] = {}  # a value's own key → its code (alias keys aside)
        self._spellings: list[Counter[str]] = []

    def code(self, value: str) -> int:
        found = self.index.get(value)
        if found is None:
            key = self.key(value)
            found = self._own.get(key)
            if found is None:
                found = self._own[key] = len(self.values)
                self.values.append(value)
                self._spellings.append(Counter())
                self.by_key.setdefault(key, []).append(found)
                if self.loose is not None:
                    self.by_loose.setdefault(self.loose(value), []).append(found)
            self.index[value] = found
        spellings = self._spellings[found]
        spellings[value] += 1
        if spellings[value] > spellings[self.values[found]]:
            self.values[found] = value
        return found

    def also_spelled(self, code: int, spelling: str) -> None:
        """Let `spelling` (an alias the text gave the value) select the value too."""
        codes = self.by_key.setdefault(self.key(spelling), [])
        if code not in codes:
            codes.append(code)

    def codes_of(self, values: Iterable[str], accents: str = "auto") -> list[int]:
        """The codes of the values spelled any way their key admits (`accents` as a query's:
        auto, exact or ignore, for a facet with a loose key)."""
        return [code for value in values for code in self._codes_of(value, accents)]

    def _codes_of(self, value: str, accents: str) -> list[int]:
        if self.loose is not None and not spelled_as_typed(value, accents):
            return self.by_loose.get(self.loose(value), [])
        return self.by_key.get(self.key(value), [])


class FacetTable:
    """Per-document facet codes for one index generation (read-only once built)."""

    def __init__(self, reader) -> None:  # whoosh.reading.IndexReader
        size = reader.doc_count_all()
        self.size = size
        self.live = np.ones(size, dtype=bool)
        if reader.has_deletions():
            for docnum in range(size):
                if reader.is_deleted(docnum):
                    self.live[docnum] = False
        self.date_lo = np.zeros(size, dtype=np.int32)  # 0: no date
        self.date_hi = np.zeros(size, dtype=np.int32)
        self.single = {name: np.full(size, -1, dtype=np.int32) for name in ("source", "event_type", "year", "month")}
        self.codes = {name: Codes(name_key if name == "organizer" else _plain_key) for name in FACETS}
        self.codes["person"] = Codes(_spelled_key, loose=_plain_key)
        self.parents: dict[str, str | None] = {}
        docs: dict[str, list[int]] = {name: [] for name in _MANY}
        codes: dict[str, list[int]] = {name: [] for name in _MANY}
        has_values = reader.has_column("facet_values")
        column = reader.column_reader("facet_values") if has_values else []
        # Not `if column`: Whoosh's MultiColumnReader (an index of several segments) has len 0.
        for docnum in range(size if has_values else 0):
            raw = column[docnum]
            if not raw or not self.live[docnum]:
                continue
            values = json.loads(raw)
            self._read_single(docnum, values)
            many = {"organizer": self._organizer_codes(values.get("organizers") or []),
                    "person": sorted({self.codes["person"].code(name) for name in values.get("people") or [] if name})}
            for name, found in many.items():
                docs[name] += [docnum] * len(found)
                codes[name] += found
        # For each many-valued facet: parallel arrays of (document, value code), one pair per value.
        self.many = {name: (np.array(docs[name], dtype=np.int32), np.array(codes[name], dtype=np.int32))
                     for name in _MANY}

    def _read_single(self, docnum: int, values: dict) -> None:
        for name in ("source", "event_type"):
            if values.get(name):
                self.single[name][docnum] = self.codes[name].code(values[name])
        date = values.get("date")
        if date:
            try:
                lo, hi = date_bounds(date)
            except ValueError:
                return  # a date indexed before dates were checked ("2022-13"): undated, not a broken index
            self.date_lo[docnum], self.date_hi[docnum] = lo, hi
            self.single["year"][docnum] = self.codes["year"].code(date[:4])
            if len(date) >= 7:
                self.single["month"][docnum] = self.codes["month"].code(date[:7])

    def _organizer_codes(self, organizers: Iterable[list]) -> list[int]:
        """Codes of the organizers of one document with their parents rolled up."""
        codes = set()
        for name, parent, *alias in organizers:  # indexes of extraction version 3 keep no alias
            if not name:
                continue
            self.parents.setdefault(name, parent)
            code = self.codes["organizer"].code(name)
            codes.add(code)
            if alias and alias[0]:
                self.codes["organizer"].also_spelled(code, alias[0])
            if parent:
                self.parents.setdefault(parent, None)
                codes.add(self.codes["organizer"].code(parent))
        return sorted(codes)

    def mask(self, facet: str, selected: Iterable[str], accents: str = "auto") -> np.ndarray:
        """Documents that have any of the selected values (a parent selects its units too)."""
        wanted = self.codes[facet].codes_of(selected, accents)
        if facet in self.many:
            docs, codes = self.many[facet]
            result = np.zeros(self.size, dtype=bool)
            result[docs[np.isin(codes, wanted)]] = True
            return result
        return np.isin(self.single[facet], wanted)

    def date_mask(self, lo: int | None, hi: int | None) -> np.ndarray:
        """Documents whose whole date lies within [lo, hi] (yyyymmdd, inclusive); undated ones are out.

        Whole: an article dated only "2021" is not in May 2021, so a month's histogram bar (which
        cannot count it) and the search its click runs find the same articles.
        """
        result = self.date_lo > 0
        if lo is not None:
            result &= self.date_lo >= lo
        if hi is not None:
            result &= self.date_hi <= hi
        return result

    def count(self, facet: str, among: np.ndarray, selected: Iterable[str], limit: int,
              accents: str = "auto") -> list[FacetValue]:
        """The values of a facet among the documents of `among`, most frequent first."""
        vocabulary = self.codes[facet].values
        selected = list(selected)
        # A value selected in another spelling is shown selected under its own.
        chosen = {vocabulary[code] for code in self.codes[facet].codes_of(selected, accents)}
        chosen |= {v for v in selected if not self.codes[facet].codes_of([v], accents)}
        if facet in self.many:
            docs, codes = self.many[facet]
            counts = np.bincount(codes[among[docs]], minlength=len(vocabulary))
        else:
            codes = self.single[facet][among]
            counts = np.bincount(codes[codes >= 0], minlength=len(vocabulary))
        order = np.argsort(-counts, kind="stable")
        result = []
        for code in order:
            value = vocabulary[code]
            if counts[code] == 0 and value not in chosen:
                if chosen:  # a selected value with no match comes later and must stay listed
                    continue
                break
            result.append(FacetValue(value, int(counts[code]), value in chosen,
                                     self.parents.get(value) if facet == "organizer" else None))
        if facet in ("year", "month"):  # a histogram is whole, in time order
            return sorted(result, key=lambda v: v.value)
        return result[:limit] + [v for v in result[limit:] if v.selected]


def _plain_key(value: str) -> str:
    return " ".join(fold(value).split())


def _spelled_key(value: str) -> str:
    """Case, Unicode form and tone placement aside, the value as spelled ("Hòa" = "Hoà")."""
    return " ".join(canonical(value).split())


def date_bounds(date: str) -> tuple[int, int]:
    """The first and last day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date covers, as yyyymmdd;
    ValueError when it names no real day (month 13, 30 February, year 0)."""
    if not is_calendar_date(date[:10]):
        raise ValueError(f"no such day: {date!r}")
    parts = [int(p) for p in date[:10].split("-")]
    year = parts[0]
    if len(parts) == 1:
        return year * 10000 + 101, year * 10000 + 1231
    month = parts[1]
    if len(parts) == 2:
        last = calendar.monthrange(year, month)[1]
        return year * 10000 + month * 100 + 1, year * 10000 + month * 100 + last
    day = year * 10000 + month * 100 + parts[2]
    return day, day
