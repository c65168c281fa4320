"""The index schema, declared once: the vocabulary of the index and of the API."""

from __future__ import annotations

from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, TEXT, Schema

from indexer.index.analysis import VietnameseText, compound_analyzer, exact_analyzer, folded_analyzer
from indexer.index.wordterms import WordTermTokenizer

# Title words count more than body words; BM25F applies this per field.
TITLE_BOOST = 2.0

def build_schema() -> Schema:
    """The schema every index of this version is built with."""
    return Schema(
        id=ID(stored=True, unique=True),
        # Exact forms with positions: what a query typed with diacritics matches, phrases too.
        title=VietnameseText(exact_analyzer(), stored=True, field_boost=TITLE_BOOST),
        title_folded=VietnameseText(folded_analyzer(), field_boost=TITLE_BOOST),
        body=VietnameseText(exact_analyzer(), stored=True),
        body_folded=VietnameseText(folded_analyzer()),
        compounds=VietnameseText(compound_analyzer(), phrase=False),
        # pyvi's words and word pairs (indexer.index.wordterms): their document frequencies are the
        # background of key terms, and similar articles are matched on them.
        words=VietnameseText(WordTermTokenizer(), phrase=False),
        author=TEXT(analyzer=folded_analyzer()),
        # Folded keys for `source:`, `event_type:` and `organizer:` queries (organizers
        # with their parents); the display values live in `meta`.
        source=ID(),
        event_type=ID(),
        organizer=KEYWORD(commas=True, scorable=False),
        person=KEYWORD(commas=True, scorable=False),  # folded names of the people named
        # url, source, date, published, author, organizers, event_type, people: as given.
        meta=STORED(),
        origin=ID(stored=True),
        content_hash=ID(stored=True),
        # Compact per-document facet values, read whole per index generation (indexer.search.facets).
        facet_values=COLUMN(VarBytesColumn()),
        # Each document's word terms with their counts (indexer.wordterms.encode_counts).
        word_counts=COLUMN(VarBytesColumn()),
    )
