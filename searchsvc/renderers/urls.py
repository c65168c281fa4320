"""Which stored URLs may become links: the one check the page and the feed share."""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a stored `javascript:` link must never become a link,
    and one that cannot be parsed ("http://[") is no link either."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None
