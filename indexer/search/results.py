"""What a search is asked and what it answers: the request, its hits and its page."""

from __future__ import annotations

from dataclasses import dataclass, field

from indexer.search.facets import FacetValue
from indexer.search.query import ACCENT_MODES, InvalidQueryError
from indexer.search.snippets import Snippet

SORTS = ("relevance", "newest", "oldest")
FACET_LIMIT = 30
MAX_FACET_SIZE = 1000
FILTERS = ("organizer", "person", "source", "event_type")  # facets a request may filter by


@dataclass(frozen=True)
class SearchRequest:
    """A validated search: query text, facet filters, date range, order and page."""

    q: str = ""
    organizer: tuple[str, ...] = ()
    person: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    event_type: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    accents: str = "auto"  # one of ACCENT_MODES: how the query's words match (indexer.search.query)
    facet_size: int = FACET_LIMIT  # most values listed per facet

    def __post_init__(self) -> None:
        if self.accents not in ACCENT_MODES:
            raise InvalidQueryError(f"accents must be one of {', '.join(ACCENT_MODES)}")

    def to_record(self) -> dict:
        return {
            "q": self.q, "organizer": list(self.organizer), "person": list(self.person), "source": list(self.source),
            "event_type": list(self.event_type), "date_from": self.date_from, "date_to": self.date_to,
            "sort": self.sort, "page": self.page, "per_page": self.per_page, "accents": self.accents,
            "facet_size": self.facet_size,
        }


@dataclass(frozen=True)
class Hit:
    """One search result as the API returns it."""

    id: str
    title: str
    url: str | None
    source: str | None
    date: str | None
    date_source: str | None  # "published", "text" or None (no date)
    organizers: list[dict]
    event_type: str | None
    author: str | None
    snippet: Snippet  # empty when the search was asked for none
    score: float | None


@dataclass(frozen=True)
class SearchPage:
    """The answer to a SearchRequest: one page of hits, total, facets over all matches."""

    request: SearchRequest
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    suggestion: str | None
    took_ms: float
    pages: int = field(default=0)
    matching: str = "folded"  # how the words matched: "exact" (by spelling) or "folded"
    # For an exact match that found little: how many the query finds without diacritics.
    folded_total: int | None = None
    dropped_terms: list[str] = field(default_factory=list)  # common words a long text left out
    # For a query with quotes that found little: how many its words find without the quotes.
    unquoted_total: int | None = None
