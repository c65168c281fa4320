"""Search: query parsing, ranking, matching, facets, snippets and suggestions."""
