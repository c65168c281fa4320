"""Search hits as RIS records, the citation format Zotero, EndNote and Mendeley import.

Each hit is one `TY  - NEWS` record: title (TI), author (AU), date (DA, and its year PY),
source (T2, the publication a news item appeared in), URL (UR), language (LA) and each
organizer as a keyword (KW). Lines end with CRLF, as the format asks; a value never spans
lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from indexer.search.results import Hit

MIMETYPE = "application/x-research-info-systems"
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


def ris_records(hits: Iterable[Hit]) -> Iterator[str]:
    """The RIS text of the hits, a record at a time."""
    for hit in hits:
        lines = [("TY", "NEWS"), ("TI", hit.title or hit.id), ("AU", hit.author)]
        if hit.date:
            lines += [("PY", hit.date[:4]), ("DA", ris_date(hit.date))]
        lines += [("T2", hit.source), ("UR", hit.url), ("LA", "vi"), ("ID", hit.id)]
        lines += [("KW", organizer.get("name")) for organizer in hit.organizers]
        yield "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines if value) + "ER  - \r\n\r\n"


def ris_date(date: str) -> str:
    """An ISO date, month or year as RIS writes dates: YYYY/MM/DD/, empty parts left empty."""
    parts = (date[:10].split("-") + ["", ""])[:3]
    return "/".join(parts) + "/"


def _one_line(value: str) -> str:
    return _LINE_BREAKS.sub(" ", value).strip()
