"""The JSON shape of a search answer: the `/api/v1/search` contract other services rely on."""

from __future__ import annotations

from dataclasses import asdict

from indexer.search.results import SearchPage


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
        "hits": [asdict(hit) for hit in page.hits],
        "facets": facets,
        "suggestion": page.suggestion,
        "matching": page.matching,
        "folded_total": page.folded_total,
        "dropped_terms": page.dropped_terms,
        "unquoted_total": page.unquoted_total,
        "took_ms": page.took_ms,
    }
