"""One search result, several renderings (JSON, CSV, Atom, the chart, HTML snippets, text)."""
