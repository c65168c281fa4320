"""Links of the search page: the current query string with one change, so every view is a permalink."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import urlencode

from flask import request, url_for
from werkzeug.datastructures import MultiDict

from searchsvc import i18n
from searchsvc.params import KNOWN

_LINKED = (*KNOWN, "lang")  # what a link on the page keeps of the current query string


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
