"""The value objects that flow from the readers to the index: articles and read failures."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Organizer:
    """A body that organized or hosted the reported event; `parent` is the body it belongs to."""

    name: str
    parent: str | None = None
    alias: str | None = None


@dataclass(frozen=True)
class Person:
    """A person named in the article, with the titles and role the text gives them."""

    name: str
    title: str | None = None  # academic/honorific prefix, e.g. "PGS.TS."
    role: str | None = None  # e.g. "Vụ trưởng Vụ Hợp tác quốc tế"


@dataclass(frozen=True)
class Article:
    """One news article with its metadata, NFC-normalized, ready to be indexed.

    `date` is the event or publication day as ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when
    the text gives no more); `published` is an ISO datetime where the page states one.
    `origin` says where the article came from (file path, and line for JSON Lines).
    """

    id: str
    body: str
    title: str | None = None
    # The text has no title: `title` was built from its lead, to be shown, and is not indexed
    # as a title (its words are the lead's, already in the body).
    title_built: bool = False
    url: str | None = None
    source: str | None = None
    date: str | None = None
    # Where `date` came from: "published" (the page or record's time), "text" (the day the text
    # gives the reported event), None when there is no date.
    date_source: str | None = None
    published: str | None = None
    author: str | None = None
    organizers: tuple[Organizer, ...] = ()
    event_type: str | None = None
    people: tuple[Person, ...] = ()
    origin: str = ""
    # Fields of the input left out because their value was unusable (a date "2022-13"): the
    # article is indexed without them and each is reported. Not indexed, not hashed.
    warnings: tuple[ReadWarning, ...] = ()

    def content_hash(self) -> str:
        """A digest of everything that is indexed, so an unchanged article can be skipped."""
        record = self.to_record()
        record.pop("origin", None)
        record.pop("warnings", None)
        payload = json.dumps(record, ensure_ascii=False, sort_keys=True)
        return hashlib.sha1(payload.encode("utf-8")).hexdigest()

    def to_record(self) -> dict:
        """The article as plain JSON-ready data."""
        return asdict(self)


@dataclass(frozen=True)
class _Located:
    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class ReadFailure(_Located):
    """An input that could not become an article: where it is and why."""


@dataclass(frozen=True)
class ReadWarning(_Located):
    """A field of an input that was left out (the article is indexed without it): where and why."""


@dataclass
class ReadReport:
    """What a reading run saw: how many articles it produced and every failure."""

    articles: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
