"""A search's hits as CSV text for spreadsheets: a byte-order mark, a header, a row per hit."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from indexer.search.results import Hit

CSV_COLUMNS = ("id", "title", "url", "source", "date", "date_source", "organizers", "event_type", "author", "score",
               "snippet")
# A cell whose first visible character is one of these is a formula to a spreadsheet
# (OWASP "CSV injection"; the full-width forms too, which some locales accept); a leading
# apostrophe makes it text.
_FORMULA_STARTS = tuple("=+-@\t\r\n＝＋－＠")
# Excel reads a UTF-8 CSV as the local code page unless it opens with a byte-order mark.
_BOM = "\ufeff"


def csv_lines(hits: list[Hit], delimiter: str = ",") -> Iterator[str]:
    """The CSV text, a row at a time: a BOM and the header, then one row per hit (its snippet as
    plain text)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(CSV_COLUMNS)
    yield _BOM + buffer.getvalue()
    for hit in hits:
        buffer.seek(0)
        buffer.truncate()
        organizers = "; ".join(o.get("name") or "" for o in hit.organizers)
        values = [hit.id, hit.title, hit.url, hit.source, hit.date, hit.date_source, organizers, hit.event_type,
                  hit.author, hit.score, hit.snippet.text]
        writer.writerow([safe_cell(v) for v in values])
        yield buffer.getvalue()


def safe_cell(value: object) -> str:
    """The value as CSV cell text that no spreadsheet will run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.lstrip(" ").startswith(_FORMULA_STARTS) else text
