"""The search page and the document page, rendered on the server from the same search result.

The URL holds the whole state of a search: every link on the page is the current query
string with one change (`PageLinks`), so any view can be bookmarked or shared.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from flask import Blueprint, Response, abort, current_app, g, render_template, request
from werkzeug.datastructures import MultiDict

from indexer.search.keyterms import key_terms
from indexer.search.results import FILTERS, MAX_FACET_SIZE, SearchPage
from indexer.search.search import get_document, run_search
from indexer.search.similar import similar_articles
from indexer.text.vietnamese import fold
from searchsvc.renderers import chart
from searchsvc import i18n
from searchsvc.views.api import index_handle
from searchsvc.params import parse_search_args
from searchsvc.renderers.urls import safe_url
from searchsvc.views.links import PageLinks
from searchsvc.views.organizer_tree import organizer_tree

blueprint = Blueprint("pages", __name__)
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
    histogram = chart.histogram(
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
