"""Where the parts of a saved news page are: the CSS selectors of the known portals' article
container, lead, date, title and author, and the names of page furniture (menus, share buttons,
related articles) that is never article text. Data only; indexer.ingest.reading.html reads them."""

from __future__ import annotations

import re

CONTAINERS = (
    "div.detail-content", "div.td-post-content", "div.entry-content", "div[itemprop=articleBody]",
    "div.article-content", "div.article-body", "div.content-detail", "div.news-content",
    "div.post-content", "div.detail__content", "div.journal-content-article",
)
SAPO = "div.detail-sapo, h2.detail-sapo, p.detail-sapo, .sapo, .td-post-sub-title, .entry-summary, .summary"
DATE_PLACES = ".detail-time, .td-post-date, .entry-date, .post-date, .date, .time, .publish-date, .news-date"
TITLE_PLACES = ".detail-title, .news-title, .title-detail, .article-title, .post-title, .entry-title"
AUTHOR_PLACES = ".detail-author, .author-name, .td-post-author-name, .author, [rel=author]"
UNWANTED_TAGS = ("script", "style", "noscript", "iframe", "form", "nav", "footer", "aside", "button", "svg", "select", "header")
UNWANTED = re.compile(
    r"(?:^|[-_\s])(?:menu|nav|navbar|breadcrumbs?|footer|share|sharing|social|related|relate|lienquan|"
    r"tin-?lien-?quan|comments?|sidebar|widget|tags?|banner|ads?|advert\w*|print|toolbar|pagination|"
    r"rating|subscribe|newsletter|cookie|popup|modal|search|more-news|other-news|same-category)(?:$|[-_\s])",
    re.IGNORECASE,
)
BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre")
