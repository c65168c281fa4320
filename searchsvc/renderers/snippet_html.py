"""A snippet as HTML: its text escaped, its matched words in <mark> (the page, the JSON API, the feed)."""

from __future__ import annotations

from markupsafe import Markup, escape

from indexer.search.snippets import Snippet


def snippet_html(snippet: Snippet) -> Markup:
    """The snippet's passage as safe HTML, each matched word inside <mark>."""
    return Markup("").join(Markup("<mark>{}</mark>").format(text) if marked else escape(text)
                           for text, marked in snippet.parts())
