"""Reading a saved news page: the only module that imports BeautifulSoup.

The title comes from og:title, <h1> or <title>; the publication time from
article:published_time, <time> or a date line of the page; the body from the article
container of the known portals (WordPress `entry-content` / `td-post-content` on napa.vn
and quanlynhanuoc.vn, `detail-content` with a `detail-sapo` lead on baochinhphu.vn and
chinhphu.vn), else from the block with the most paragraph text. Menus, footers, share
buttons and related-article lists are removed first.

Every step is linear in the page, or capped: tags nested deeper than MAX_HTML_DEPTH are
dropped while parsing (their text stays, at the deepest level kept), and a page of more than
MAX_HTML_ELEMENTS elements is reported, not read.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from typing import Any

from bs4 import BeautifulSoup, Tag

from indexer.ingest.articles import Article, ReadFailure
from indexer.ingest.reading.encodings import UndecodableError, decode_bytes
from indexer.ingest.reading.page_places import (AUTHOR_PLACES, BLOCKS, CONTAINERS, DATE_PLACES, SAPO, TITLE_PLACES,
                                                 UNWANTED, UNWANTED_TAGS)
from indexer.ingest.reading.plaintext import article_from_text

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_MIN_ARTICLE_CHARS = 80
# Real news pages nest a few dozen levels and hold a few thousand elements; broken markup
# (unclosed <font> or <div>) nests deeper. Past the depth, the passes below would cost the depth
# times the page (16,000 nested divs took 90 s); each element costs about 0.1 ms of CPU.
MAX_HTML_DEPTH = 512
MAX_HTML_ELEMENTS = 50_000
# A dropped tag of these leaves a line break, so that the text on either side stays apart.
_BREAKING = frozenset((*BLOCKS, "div", "br", "section", "article", "table", "tr", "td", "ul", "ol"))


class _PageTooLarge(Exception):
    """The page has more elements than MAX_HTML_ELEMENTS."""


class _BoundedSoup(BeautifulSoup):
    """A parse that keeps MAX_HTML_DEPTH levels of tags, and refuses more than MAX_HTML_ELEMENTS.

    A tag opened deeper is dropped (bs4's contract for a start tag answered with None) and so
    is its end tag; its text goes to the deepest tag kept.
    """

    def __init__(self, markup: str) -> None:
        self._elements_seen = 0
        self._dropped_open: Counter[str] = Counter()
        super().__init__(markup, "html.parser")

    def handle_starttag(self, name: str, namespace: str | None, nsprefix: str | None, attrs: Any,
                        *args: Any, **kwargs: Any) -> Tag | None:
        self._elements_seen += 1
        if self._elements_seen > MAX_HTML_ELEMENTS:
            raise _PageTooLarge()
        if len(self.tagStack) <= MAX_HTML_DEPTH:  # the stack holds the document itself too
            return super().handle_starttag(name, namespace, nsprefix, attrs, *args, **kwargs)
        if not self.builder.can_be_empty_element(name):
            self._dropped_open[name] += 1
        if name in _BREAKING:
            self.handle_data("\n")
        return None

    def handle_endtag(self, name: str, nsprefix: str | None = None) -> None:
        if self._dropped_open[name]:
            self._dropped_open[name] -= 1
            if name in _BREAKING:
                self.handle_data("\n")
            return
        super().handle_endtag(name, nsprefix)


def read_html_article(data: bytes, *, id: str, origin: str) -> Article | ReadFailure:
    """The article of a saved web page, or why there is none."""
    try:
        markup = _decode(data)
    except UndecodableError as error:
        return ReadFailure(origin, f"undecodable text: {error}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # bs4's guesses about markup that looks like a URL
            soup = _BoundedSoup(markup)
    except _PageTooLarge:
        return ReadFailure(origin, f"page too large: over {MAX_HTML_ELEMENTS} HTML elements")
    meta = _page_meta(soup)
    title = meta.pop("title", None)
    _remove_furniture(soup)
    container = _container(soup)
    if container is None:
        return ReadFailure(origin, "no article found in HTML")
    paragraphs = _paragraphs(container)
    sapo = soup.select_one(SAPO)
    if sapo is not None and not _inside(sapo, container):
        paragraphs.insert(0, _text(sapo))
    paragraphs = [p for p in paragraphs if p and (title is None or p != title)]
    text = "\n".join(paragraphs)
    if len(text) < _MIN_ARTICLE_CHARS:
        return ReadFailure(origin, "no article found in HTML")
    url = meta.pop("url", None)
    return article_from_text(text, id=id, origin=origin, title=title, url=url, html_meta=meta)


def _decode(data: bytes) -> str:
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return decode_bytes(data) if declared.group(1).lower() in (b"utf-8", b"utf8") else _nfc(
                data.decode(declared.group(1).decode("ascii"))
            )
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def _nfc(text: str) -> str:
    from indexer.text.vietnamese import nfc

    return nfc(text)


def _page_meta(soup: BeautifulSoup) -> dict:
    """Title, URL, publication time, author and site name from the page's markup."""
    meta: dict[str, str] = {}

    metas = [tag for tag in soup.find_all("meta") if isinstance(tag, Tag)]

    def content(**attrs: str) -> str | None:
        tag = next((t for t in metas if all(t.get(k) == v for k, v in attrs.items())), None)
        value = tag.get("content") if tag is not None else None
        return " ".join(str(value).split()) if value else None

    headings = [*soup.find_all("h1"), *soup.select(TITLE_PLACES)]
    h1_text = next((_text(h) for h in headings if isinstance(h, Tag) and not _is_logo(h)), None)
    og_title = content(property="og:title")
    page_title = _text(soup.title) if soup.title else None
    site = content(property="og:site_name")
    title = _without_site(og_title, h1_text, site) or h1_text or _without_site(page_title, None, site)
    if title:
        meta["title"] = title
    canonical = soup.find("link", rel="canonical")
    url = content(property="og:url") or (canonical.get("href") if isinstance(canonical, Tag) else None)
    if url and str(url).startswith("http"):
        meta["url"] = str(url)
    # Dates and bylines are looked for in the article, not in the portal's top bar.
    scope = soup.find("article") or soup.find("main") or soup
    published = content(property="article:published_time") or content(itemprop="datePublished")
    time_tag = scope.find("time")
    if not published and isinstance(time_tag, Tag) and time_tag.get("datetime"):
        published = str(time_tag.get("datetime"))
    if not published:
        published = _stamp_in(scope.select_one(DATE_PLACES) or time_tag)
    if published:
        meta["published"] = published
    author = content(name="author") or content(property="article:author")
    place = scope.select_one(AUTHOR_PLACES)
    if not author and isinstance(place, Tag):
        author = _text(place)
    if author and not author.startswith("http") and len(author) <= 60:
        meta["author"] = author
    if site:
        meta["site_name"] = site
    return meta


def _is_logo(heading: Tag) -> bool:
    """A site name set in a heading: all capitals, or marked as logo or brand."""
    names = " ".join(str(v) for v in (heading.get("class") or [])) + " " + str(heading.get("id") or "")
    text = _text(heading)
    letters = [c for c in text if c.isalpha()]
    return bool(re.search(r"logo|brand|site-title|site-name", names, re.IGNORECASE)) or (
        bool(letters) and all(c.isupper() for c in letters)
    )


def _without_site(title: str | None, h1: str | None, site: str | None) -> str | None:
    if not title:
        return None
    if h1 and title.startswith(h1):
        return h1
    parts = re.split(r"\s+[|]\s+", title)
    title = parts[0]
    if site:
        title = re.sub(rf"\s+[-–]\s+{re.escape(site)}$", "", title)
        title = re.sub(rf"^{re.escape(site)}\s+[-–|]\s+", "", title)
    return title.strip() or None


def _stamp_in(tag: Tag | None) -> str | None:
    """"25/11/2021 21:27" (or "21:27 25/11/2021") in a date line, as ISO."""
    if not isinstance(tag, Tag):
        return None
    text = _text(tag)
    date = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if not date:
        return None
    day, month, year = (int(g) for g in date.groups())
    time = re.search(r"(\d{1,2}):(\d{2})", text)
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return f"{iso}T{int(time.group(1)):02d}:{time.group(2)}" if time else iso


def _remove_furniture(soup: BeautifulSoup) -> None:
    """Removes unwanted tags, and blocks whose class or id names furniture unless they hold the
    page's <h1> (one that was not itself inside an unwanted tag): each tag looked at once, and
    only the outermost removed ones decomposed (decomposing wipes their descendants)."""
    tags = [(tag, id(tag.parent)) for tag in soup.find_all(True)]  # a parent before its children
    inside_unwanted: set[int] = set()
    for tag, parent_id in tags:
        if tag.name in UNWANTED_TAGS or parent_id in inside_unwanted:
            inside_unwanted.add(id(tag))
    holds_h1: set[int] = set()
    for tag, _ in tags:
        if tag.name == "h1" and id(tag) not in inside_unwanted:
            parent = tag.parent
            while parent is not None and id(parent) not in holds_h1:
                holds_h1.add(id(parent))
                parent = parent.parent
    removed: set[int] = set()
    outermost = []
    for tag, parent_id in tags:
        if parent_id in removed:
            removed.add(id(tag))  # goes with its ancestor
        elif id(tag) in inside_unwanted or (_names_furniture(tag) and id(tag) not in holds_h1):
            removed.add(id(tag))
            outermost.append(tag)
    for tag in outermost:
        tag.decompose()


def _names_furniture(tag: Tag) -> bool:
    classes = tag.get("class")
    listed: list[str] = [str(c) for c in classes] if isinstance(classes, list) else [str(classes or "")]
    names = " ".join([*listed, str(tag.get("id") or "")])
    return bool(names.strip() and UNWANTED.search(names))


def _container(soup: BeautifulSoup) -> Tag | None:
    for selector in CONTAINERS:
        tag = soup.select_one(selector)
        if tag is not None and len(_text(tag)) >= _MIN_ARTICLE_CHARS:
            return tag
    best, best_score = None, 0
    for tag in [soup, *soup.find_all(["body", "article", "main", "section", "div", "td"])]:
        score = sum(len(_text(p)) for p in tag.find_all("p", recursive=False))
        score += sum(len(_own_text(d)) for d in tag.find_all("div", recursive=False))
        if score > best_score:
            best, best_score = tag, score
    return best if best_score >= 200 else None


def _paragraphs(container: Tag) -> list[str]:
    """The text of each outermost block of the container, and of each div holding no block:
    one pass to mark what holds a block, one to collect (the blocks taken never overlap)."""
    wanted = (*BLOCKS, "div")
    # Document order, a parent before its children; parents taken before _text replaces any <br>.
    tags = [(tag, tag.parent) for tag in container.find_all(True)]
    holds_block: set[int] = set()
    for tag, parent in tags:
        parent = parent if tag.name in wanted else None
        while parent is not None and parent is not container and id(parent) not in holds_block:
            holds_block.add(id(parent))
            parent = parent.parent
    under_block = {id(container)} if container.name in BLOCKS else set()
    found = []
    for tag, parent in tags:
        if id(parent) in under_block or parent is not None and parent is not container and parent.name in BLOCKS:
            under_block.add(id(tag))
        elif tag.name in BLOCKS or tag.name == "div" and id(tag) not in holds_block:
            if text := _text(tag):
                found.append(text)
    if not found:
        found = [line.strip() for line in container.get_text("\n").splitlines() if line.strip()]
    return found


def _inside(tag: Tag, container: Tag) -> bool:
    return tag is container or any(parent is container for parent in tag.parents)


def _text(tag: Tag) -> str:
    for br in tag.find_all("br"):
        br.replace_with("\n")
    return "\n".join(" ".join(line.split()) for line in tag.get_text().splitlines() if line.strip())


def _own_text(tag: Tag) -> str:
    return " ".join(str(s).strip() for s in tag.find_all(string=True, recursive=False)).strip()
