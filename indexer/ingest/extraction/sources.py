"""The site an article comes from: its URL, a "(napa.vn) –" lead, or the portal's header."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from indexer.ingest.extraction.gazetteer import Body, gazetteer

_LEAD = re.compile(r"^\s*\(\s*([\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,})\s*\)\s*[-–—]")
_CREDIT = re.compile(r"^(?:Nguồn|Theo)\s*:?\s*([\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org))\b", re.IGNORECASE)


def source_from_url(url: str | None) -> str | None:
    """The host of `url`, lowercased, without "www."; None when it names none or cannot be parsed."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # "http://[": a malformed address says nothing of the site
        return None
    return host.removeprefix("www.") if host else None


def find_source(
    paragraphs: list[str], header: tuple[str, ...] = (), url: str | None = None
) -> str | None:
    """The site: from the URL, else a lead marker, else a known portal header, else a credit line."""
    from_url = source_from_url(url)
    if from_url:
        return from_url
    for paragraph in paragraphs[:3]:
        lead = _LEAD.match(paragraph)
        if lead:
            return lead.group(1).lower()
    for line in header:
        body = gazetteer().get(line)
        if body is not None and body.domains:
            return body.domains[0]
    for paragraph in paragraphs[-3:]:
        credit = _CREDIT.match(paragraph)
        if credit:
            return credit.group(1).lower()
    return None


def home_body(source: str | None) -> Body | None:
    """The body whose site `source` is, or whose press it is: what a bare "Học viện" means there."""
    if not source:
        return None
    body = gazetteer().by_domain(source)
    if body is not None and body.home:
        return gazetteer().get(body.home)
    return body

