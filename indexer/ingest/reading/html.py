"""Reading a saved news page: the only module that imports BeautifulSoup.

The title comes from og:title, <h1> or <title>; the publication time from
article:published_time, <time> or a date line of the page; the body from the article
container of the known portals (WordPress `entry-content` / `td-post-content` on napa.vn
and quanlynhanuoc.vn, `detail-content` with a `detail-sapo` lead on baochinhphu.vn and
chinhphu.vn), else from the block with the most paragraph text. Menus, footers, share
buttons and related-article lists are removed first.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, Tag

from indexer.ingest.articles import Article, ReadFailure
from indexer.ingest.reading.encodings import UndecodableError, decode_bytes
from indexer.ingest.reading.plaintext import article_from_text

_CONTAINERS = (
    "div.detail-content", "div.td-post-content", "div.entry-content", "div[itemprop=articleBody]",
    "div.article-content", "div.article-body", "div.content-detail", "div.news-content",
    "div.post-content", "div.detail__content", "div.journal-content-article",
)
_SAPO = "div.detail-sapo, h2.detail-sapo, p.detail-sapo, .sapo, .td-post-sub-title, .entry-summary, .summary"
_DATE_PLACES = ".detail-time, .td-post-date, .entry-date, .post-date, .date, .time, .publish-date, .news-date"
_TITLE_PLACES = ".detail-title, .news-title, .title-detail, .article-title, .post-title, .entry-title"
_AUTHOR_PLACES = ".detail-author, .author-name, .td-post-author-name, .author, [rel=author]"
_UNWANTED_TAGS = ("script", "style", "noscript", "iframe", "form", "nav", "footer", "aside", "button", "svg", "select", "header")
_UNWANTED = re.compile(
    r"(?:^|[-_\s])(?:menu|nav|navbar|breadcrumbs?|footer|share|sharing|social|related|relate|lienquan|"
    r"tin-?lien-?quan|comments?|sidebar|widget|tags?|banner|ads?|advert\w*|print|toolbar|pagination|"
    r"rating|subscribe|newsletter|cookie|popup|modal|search|more-news|other-news|same-category)(?:$|[-_\s])",
    re.IGNORECASE,
)
_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_MIN_ARTICLE_CHARS = 80


def read_html_article(data: bytes, *, id: str, origin: str) -> Article | ReadFailure:
    """The article of a saved web page, or why there is none."""
    try:
        markup = _decode(data)
    except UndecodableError as error:
        return ReadFailure(origin, f"undecodable text: {error}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4's guesses about markup that looks like a URL
        soup = BeautifulSoup(markup, "html.parser")
    meta = _page_meta(soup)
    title = meta.pop("title", None)
    _remove_furniture(soup)
    container = _container(soup)
    if container is None:
        return ReadFailure(origin, "no article found in HTML")
    paragraphs = _paragraphs(container)
    sapo = soup.select_one(_SAPO)
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

    headings = [*soup.find_all("h1"), *soup.select(_TITLE_PLACES)]
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
        published = _stamp_in(scope.select_one(_DATE_PLACES) or time_tag)
    if published:
        meta["published"] = published
    author = content(name="author") or content(property="article:author")
    place = scope.select_one(_AUTHOR_PLACES)
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
    for tag in soup.find_all(_UNWANTED_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        classes = tag.get("class")
        listed: list[str] = [str(c) for c in classes] if isinstance(classes, list) else [str(classes or "")]
        names = " ".join([*listed, str(tag.get("id") or "")])
        if names.strip() and _UNWANTED.search(names) and not tag.find("h1"):
            tag.decompose()


def _container(soup: BeautifulSoup) -> Tag | None:
    for selector in _CONTAINERS:
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
    found = []
    for tag in container.find_all([*_BLOCKS, "div"]):
        if tag.name == "div" and tag.find([*_BLOCKS, "div"]):
            continue
        if any(parent.name in _BLOCKS for parent in tag.parents if _inside(parent, container)):
            continue
        text = _text(tag)
        if text:
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
