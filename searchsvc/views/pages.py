"""The search page and the document page, rendered on the server from the same search result.

The URL holds the whole state of a search: every link on the page is the current query
string with one change (`PageLinks`), so any view can be bookmarked or shared.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from flask import Blueprint, Response, abort, current_app, g, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from indexer.search.facets import FacetValue
from indexer.search.keyterms import key_terms
from indexer.search.results import FILTERS, MAX_FACET_SIZE, SearchPage
from indexer.search.search import get_document, run_search
from indexer.search.similar import similar_articles
from indexer.text.vietnamese import fold
from searchsvc.renderers import chart
from searchsvc import i18n
from searchsvc.views.api import index_handle
from searchsvc.params import KNOWN, parse_search_args

blueprint = Blueprint("pages", __name__)
_LINKED = (*KNOWN, "lang")  # what a link on the page keeps of the current query string
KEY_TERMS_SHOWN = 12  # key terms in the search page's panel
SIMILAR_SHOWN = 5  # similar articles in the document page's panel



@blueprint.record_once
def _compact_templates(state) -> None:
    # Block tags leave no blank lines behind: smaller pages for phones on slow networks.
    state.app.jinja_env.trim_blocks = True
    state.app.jinja_env.lstrip_blocks = True


@blueprint.get("/")
def search_page():
    # Browsers and trackers add their own parameters (utm_source=), forms send empty fields.
    search_request = parse_search_args(request.args, current_app.config, browser=True)
    # One value more than shown tells whether a facet has more: then it gets a "more" link.
    page = run_search(index_handle(), dataclasses.replace(search_request, facet_size=search_request.facet_size + 1))
    page, more = _cut_facets(page, search_request.facet_size)
    links = PageLinks(request.args)
    t = i18n.translator(current_lang())
    depth = int(current_app.config["MAX_PAGE_DEPTH"])
    last_page = min(page.pages, max(1, depth // search_request.per_page))
    bars = chart.month_bars(page.facets.get("month", []))
    histogram = chart.histogram_svg(
        bars,
        href=lambda bar: chart.bar_href(bar, links),
        label=lambda bar: t("histogram_bar_selected" if bar.selected else "histogram_bar",
                            month=i18n.format_date(bar.month, current_lang()), count=bar.count),
    )
    bar_links = [(chart.bar_href(bar, links), bar) for bar in bars if bar.count]
    more_urls = {name: links.with_("facet_size", str(min(MAX_FACET_SIZE, search_request.facet_size * 4)))
                 + f"#facet-{name}" for name in more}
    terms = key_terms(index_handle(), search_request, KEY_TERMS_SHOWN + 4) if search_request.q and page.total else None
    return render_template(
        "search.html", page=page, search=search_request, links=links, histogram=histogram, bars=bars,
        bar_links=bar_links, more_urls=more_urls,
        key_terms=new_terms(terms.terms, search_request.q)[:KEY_TERMS_SHOWN] if terms else [],
        key_terms_sample=terms.sample if terms else 0,
        organizers=organizer_tree(page.facets.get("organizer", [])),
        active=active_filters(page, links, t), pages=page_window(search_request.page, last_page),
        last_page=last_page, has_facets=any(page.facets.get(name) for name in (*FILTERS, "year")),
    )


def _cut_facets(page: SearchPage, size: int) -> tuple[SearchPage, set[str]]:
    """The page with each filter facet cut to `size` values (selected ones kept), and the
    names of the facets that had more."""
    more = set()
    facets = dict(page.facets)
    for name in FILTERS:
        values = facets.get(name, [])
        if any(not v.selected for v in values[size:]):
            more.add(name)
        facets[name] = values[:size] + [v for v in values[size:] if v.selected]
    return dataclasses.replace(page, facets=facets, request=dataclasses.replace(page.request, facet_size=size)), more


@blueprint.get("/doc/<path:doc_id>")
def document(doc_id: str):
    record = get_document(index_handle(), doc_id)
    if record is None:
        abort(404, description=f"no document with id {doc_id!r}")
    # The URL carries the search that led here (for "Back to search"); the article's own
    # links (its source, organizers) start a new search in the same language.
    searched = PageLinks(request.args)
    own = PageLinks(MultiDict([(k, v) for k, v in request.args.items(multi=True) if k == "lang"]))
    return render_template("document.html", doc=record, links=own, back_url=searched.url("/"),
                           original_url=safe_url(record.get("url")),
                           similar=similar_articles(index_handle(), doc_id, SIMILAR_SHOWN))


@blueprint.after_request
def language_headers(response: Response) -> Response:
    response.headers["Content-Language"] = current_lang()
    response.vary.add("Accept-Language")
    return response


@blueprint.app_context_processor
def interface() -> dict:
    """What every template (the error page included) needs: the language and its strings."""
    lang = current_lang()
    links = PageLinks(request.args)
    return {
        "lang": lang, "t": i18n.translator(lang), "other_lang": "en" if lang == "vi" else "vi",
        "lang_url": links.language, "home_url": links.home(), "lang_param": links.lang_param(),
        "fmt_date": lambda value: i18n.format_date(value, lang),
        "fmt_number": lambda number: i18n.format_number(number, lang),
        "fmt_ms": lambda ms: i18n.format_decimal(ms, lang),
    }


def current_lang() -> str:
    """The language of this request, chosen once."""
    if "lang" not in g:
        accepted = request.accept_languages.best_match(i18n.LANGUAGES)
        g.lang = i18n.choose_lang(request.args, accepted, str(current_app.config["DEFAULT_LANG"]))
    return g.lang


class PageLinks:
    """URLs made from the current query string with one change; empty values are dropped.

    Any change but a page move goes back to page 1. `lang` stays in every link once chosen.
    Parameters the search does not read (utm_source=) are dropped, so no link carries one
    to an endpoint that refuses it.
    """

    def __init__(self, args: MultiDict) -> None:
        self.pairs = [(k, v) for k, v in args.items(multi=True) if v != "" and k in _LINKED]

    def url(self, path: str = "/", drop: Iterable[str] = ()) -> str:
        dropped = set(drop)
        return page_url(path, [(k, v) for k, v in self.pairs if k not in dropped])

    def with_(self, name: str, value: str | None) -> str:
        """Sets (or, with None, removes) one single-valued parameter."""
        pairs = [(k, v) for k, v in self._reset(name) if k != name]
        if value is not None:
            pairs.append((name, value))
        return page_url("/", pairs)

    def remove(self, *names: str) -> str:
        return page_url("/", [(k, v) for k, v in self._reset(*names) if k not in names])

    def toggle(self, name: str, value: str, relatives: Iterable[str] = ()) -> str:
        """Adds the filter `name=value` (dropping its `relatives`), or removes it if present."""
        pairs = self._reset(name)
        if (name, value) in pairs:
            return page_url("/", [p for p in pairs if p != (name, value)])
        others = set(relatives)
        return page_url("/", [(k, v) for k, v in pairs if not (k == name and v in others)] + [(name, value)])

    def period(self, value: str) -> str:
        """Filters to one year or month (date_from = date_to = value)."""
        pairs = [(k, v) for k, v in self._reset("date_from", "date_to") if k not in ("date_from", "date_to")]
        return page_url("/", pairs + [("date_from", value), ("date_to", value)])

    def page(self, number: int) -> str:
        return self.with_("page", str(number) if number > 1 else None)

    def sort(self, order: str) -> str:
        return self.with_("sort", None if order == "relevance" else order)

    def export(self, path: str, drop: Sequence[str] = ()) -> str:
        """The same search at another endpoint (JSON, CSV, Atom), without the interface language."""
        return self.url(path, drop=("lang", *drop))

    def document(self, doc_id: str) -> str:
        """The article's page, carrying this search so that "Back to search" returns to it."""
        return page_url(url_for("pages.document", doc_id=doc_id), self.pairs)

    def home(self) -> str:
        lang = self.lang_param()
        return page_url("/", [("lang", lang)] if lang else [])

    def language(self, lang: str) -> str:
        """This same page in another language."""
        return page_url(request.path, [(k, v) for k, v in self.pairs if k != "lang"] + [("lang", lang)])

    def lang_param(self) -> str | None:
        return next((v for k, v in self.pairs if k == "lang" and v in i18n.LANGUAGES), None)

    def _reset(self, *names: str) -> list[tuple[str, str]]:
        if "page" in names:
            return list(self.pairs)
        return [(k, v) for k, v in self.pairs if k != "page"]


def page_url(path: str, pairs: list[tuple[str, str]]) -> str:
    return f"{path}?{urlencode(pairs)}" if pairs else path


@dataclass
class TreeNode:
    """An organizer with the units under it that are among the facet values."""

    value: FacetValue
    children: list[TreeNode] = field(default_factory=list)
    relatives: set[str] = field(default_factory=set)


def organizer_tree(values: Sequence[FacetValue]) -> list[TreeNode]:
    """The organizer facet as a tree: units under their parent when the parent is listed too.

    Each node's `relatives` are its ancestors and descendants, which choosing it replaces
    (choosing a unit of a chosen body narrows to that unit rather than adding nothing).
    """
    nodes = {v.value: TreeNode(v) for v in values}
    roots = []
    for v in values:
        parent = nodes.get(v.parent) if v.parent else None
        if parent is None or _is_ancestor(nodes, v.value, v.parent):
            roots.append(nodes[v.value])
        else:
            parent.children.append(nodes[v.value])
    for root in roots:
        _collect_relatives(root, [])
    return roots


def _is_ancestor(nodes: dict[str, TreeNode], name: str, start: str | None) -> bool:
    """Whether `name` is `start` or above it (a loop in the data's parents)."""
    seen = set()
    while start and start not in seen:
        if start == name:
            return True
        seen.add(start)
        node = nodes.get(start)
        start = node.value.parent if node else None
    return False


def _collect_relatives(node: TreeNode, ancestors: list[str]) -> set[str]:
    below: set[str] = set()
    for child in node.children:
        below |= _collect_relatives(child, ancestors + [node.value.value])
    node.relatives = set(ancestors) | below
    return below | {node.value.value}


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    value: str
    remove_url: str


def active_filters(page: SearchPage, links: PageLinks, t) -> list[ActiveFilter]:
    """Every filter of the request with the link that removes it."""
    found = []
    for name in FILTERS:
        for value in getattr(page.request, name):
            found.append(ActiveFilter(t(f"facet_{name}"), value, links.toggle(name, value)))
    low, high = page.request.date_from, page.request.date_to
    if low or high:
        lang = current_lang()
        span = i18n.format_date(low, lang) if low == high else \
            f"{i18n.format_date(low, lang) or '…'} – {i18n.format_date(high, lang) or '…'}"
        found.append(ActiveFilter(t("facet_date"), span, links.remove("date_from", "date_to")))
    return found


def new_terms(terms: list, q: str) -> list:
    """The key terms the query does not already hold (a click adds a term to the query)."""
    folded = f" {fold(q)} "
    return [term for term in terms if f" {fold(term.term)} " not in folded]


def page_window(current: int, last: int, around: int = 2) -> list[int | None]:
    """Page numbers to show: first, last and a few around the current one; None marks a gap."""
    if last <= 1:
        return []
    shown = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    window: list[int | None] = []
    previous = 0
    for number in shown:
        if number - previous == 2:
            window.append(previous + 1)  # a gap of one page shows that page, not "…"
        elif number - previous > 2:
            window.append(None)
        window.append(number)
        previous = number
    return window


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None (a stored `javascript:` link must never become a link)."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else None
