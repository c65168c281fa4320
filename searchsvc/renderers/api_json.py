"""The JSON shape of a search answer: the `/api/v1/search` contract other services rely on."""

from __future__ import annotations

from dataclasses import asdict

from indexer.search.results import Hit, SearchPage
from searchsvc.renderers.snippet_html import snippet_html


def page_to_json(page: SearchPage) -> dict:
    """A SearchPage as the API's response body."""
    facets = {}
    for name, values in page.facets.items():
        facets[name] = [
            {"value": v.value, "count": v.count, "selected": v.selected, **({"parent": v.parent} if name == "organizer" else {})}
            for v in values
        ]
    return {
        "query": page.request.to_record(),
        "total": page.total,
        "page": page.request.page,
        "per_page": page.request.per_page,
        "hits": [hit_to_json(hit) for hit in page.hits],
        "facets": facets,
        "suggestion": page.suggestion,
        "matching": page.matching,
        "folded_total": page.folded_total,
        "dropped_terms": page.dropped_terms,
        "unquoted_total": page.unquoted_total,
        "took_ms": page.took_ms,
    }


def hit_to_json(hit: Hit) -> dict:
    """One hit as the API returns it: its snippet as HTML, and as plain text with the offsets
    (in code points) of the matched words, for clients that mark them their own way."""
    return {**asdict(hit), "snippet": str(snippet_html(hit.snippet)), "snippet_text": hit.snippet.text,
            "highlights": [list(span) for span in hit.snippet.marks]}
