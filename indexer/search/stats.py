"""What an index holds: documents, facet values, date range, size and format."""

from __future__ import annotations

from pathlib import Path

from indexer.index.build import index_size_bytes
from indexer.search.facets import FACETS
from indexer.search.handle import IndexHandle
from indexer.index.store import damage_reported, format_record


def index_stats(index_dir: Path) -> dict:
    """Counts over the whole index; raises the store's errors when there is no readable index."""
    handle = IndexHandle(index_dir)
    searcher = handle.searcher()
    with damage_reported(Path(index_dir)):
        table = handle.facet_table(searcher)
    live = table.live
    dated = table.date_lo[live & (table.date_lo > 0)]
    facets = {
        name: [{"value": v.value, "count": v.count} for v in table.count(name, live, (), limit=1000)]
        for name in FACETS
    }
    return {
        "index_dir": str(index_dir),
        "format": format_record(),
        "documents": searcher.doc_count(),
        "date_range": [_iso(int(dated.min())), _iso(int(dated.max()))] if len(dated) else [None, None],
        "size_bytes": index_size_bytes(Path(index_dir)),
        "facets": facets,
    }


def _iso(yyyymmdd: int) -> str:
    text = str(yyyymmdd)
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"
