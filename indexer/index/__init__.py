"""The index on Whoosh's public API: schema, analysis, building and the index directory."""
