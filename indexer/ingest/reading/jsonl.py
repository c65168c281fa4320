"""Reading JSON Lines (optionally gzipped): one article a line, streamed.

A line holds `id` (or `_id`), `title`, `body` (or `text`) and optionally `url`, `date`,
`published`, `source`, `author` and `organizers` (names, or {"name", "parent"} objects);
a lead kept apart from the body (`abstract`, `sapo`, `lead`, `description`) opens the body.
Given fields win over extracted ones; what is missing is extracted from the text. A line
without an id gets "<file id>:<line number>". A `date` or `published` that is no real day
("2022-13", "2022-02-30", "0000-01-01", "2022-1", a number) is left out with a warning naming
the line, and the rest of the record is indexed as if the field were absent.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Iterator

from indexer.ingest.articles import Article, Organizer, ReadFailure, ReadWarning
from indexer.ingest.extraction.dates import normalize_iso
from indexer.ingest.reading.decompression import DecompressionLimitError, open_input
from indexer.ingest.reading.encodings import repair_legacy
from indexer.ingest.reading.files import MAX_FILE_BYTES
from indexer.ingest.reading.plaintext import article_from_text
from indexer.ingest.reading.surrogates import may_hold_surrogates, replace_surrogates
from indexer.text.vietnamese import nfc

# The longest line read; longer lines are reported (the file itself may be any size).
MAX_LINE_BYTES = MAX_FILE_BYTES
_CHUNK = 1 << 20
_LEAD_FIELDS = ("abstract", "sapo", "lead", "description")


class _FieldError(ValueError):
    """A field of the record has the wrong shape."""


def jsonl_lines(path: Path, *, file_id: str) -> Iterator[tuple[bytes, Path, str, int] | ReadFailure]:
    """The non-empty lines of a JSON Lines file, unparsed (raw, path, file_id, line number)."""
    line_number = 0
    try:
        with open_input(path) as stream:
            for line_number, raw in enumerate(_lines(stream), start=1):
                if raw is None:
                    yield ReadFailure(str(path), f"line too long (limit {MAX_LINE_BYTES} bytes)", line_number)
                    continue
                if raw.strip():
                    yield raw, path, file_id, line_number
    except DecompressionLimitError as error:  # what was read before stands; the rest is not read
        yield ReadFailure(str(path), str(error), line_number + 1)
    except (OSError, EOFError, zlib.error) as error:
        yield ReadFailure(str(path), f"unreadable: {error}", line_number + 1 if line_number else None)


def parse_line(raw: bytes, path: Path, file_id: str, line_number: int) -> Article | ReadFailure:
    """One JSON Lines record as an article (given fields win, the rest extracted), or why not."""
    return _read_line(raw, path=path, file_id=file_id, line_number=line_number)


def _lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """The lines of the stream; None for a line over the limit (its bytes are skipped)."""
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def _read_line(raw: bytes, *, path: Path, file_id: str, line_number: int) -> Article | ReadFailure:
    where = str(path)
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return ReadFailure(where, "undecodable text: line is not UTF-8", line_number)
    except json.JSONDecodeError as error:
        return ReadFailure(where, f"malformed JSON: {error.msg} (column {error.colno})", line_number)
    if not isinstance(record, dict):
        return ReadFailure(where, "malformed JSON: a line must be an object", line_number)
    try:
        replaced = 0
        if may_hold_surrogates(raw):  # a lone "\\ud800" would fail every UTF-8 write later
            record, replaced = replace_surrogates(record)  # type: ignore[assignment]
        article = _article(record, where=where, file_id=file_id, line_number=line_number)
        if replaced and isinstance(article, Article):
            warning = ReadWarning(where, f"record {article.id!r}: {replaced} lone surrogate escape(s) "
                                         "(\\ud800–\\udfff) replaced with U+FFFD", line_number)
            article = _replace(article, {"warnings": (warning, *article.warnings)})
        return article
    except _FieldError as error:
        return ReadFailure(where, f"bad field: {error}", line_number)
    except RecursionError:
        return ReadFailure(where, "malformed JSON: nested too deeply", line_number)
    except Exception as error:  # a bug in one article must not stop the run: report it
        return ReadFailure(where, f"internal error: {type(error).__name__}: {error}", line_number)


def _article(record: dict, *, where: str, file_id: str, line_number: int) -> Article | ReadFailure:
    body = _string(record, "body") or _string(record, "text")
    if not body or not body.strip():
        return ReadFailure(where, "empty article: no body or text", line_number)
    lead = next((_string(record, key) for key in _LEAD_FIELDS if _string(record, key)), None)
    if lead and not body.startswith(lead):
        body = f"{lead}\n{body}"
    given_id = record.get("id", record.get("_id"))
    if given_id is not None and not isinstance(given_id, (str, int)):
        raise _FieldError("id must be a string or a number")
    article_id = str(given_id) if given_id not in (None, "") else f"{file_id}:{line_number}"
    title = _string(record, "title")
    url = _string(record, "url")
    origin = f"{where}:{line_number}"
    extracted = article_from_text(body, id=article_id, origin=origin, title=title, url=url)
    if isinstance(extracted, ReadFailure):
        return ReadFailure(where, extracted.reason, line_number)
    warnings: list[ReadWarning] = []
    published = _iso(record, "published", warnings, where, line_number)
    date = _iso(record, "date", warnings, where, line_number)
    changes: dict[str, object] = {
        "title": title or extracted.title,
        # A record without a title: its body is the body, whole. A first line the extractor
        # read as a title stays in it and is shown as the title, not indexed as one.
        **({"body": f"{extracted.title}\n{extracted.body}", "title_built": True}
           if not title and extracted.title and not extracted.title_built else {}),
        "source": _string(record, "source") or extracted.source,
        "author": _string(record, "author") or extracted.author,
        "published": published or extracted.published,
        # The record's own date, else its publication day, else what the text says.
        "date": (date[:10] if date else None) or (published[:10] if published else None) or extracted.date,
        "date_source": "published" if date or published else extracted.date_source,
        "warnings": tuple(warnings),
    }
    organizers = _organizers(record.get("organizers"))
    if organizers is not None:
        changes["organizers"] = organizers
    return _replace(extracted, changes)


def _replace(article: Article, changes: dict) -> Article:
    return replace(article, **changes)


def _string(record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _FieldError(f"{key} must be a string")
    return nfc(repair_legacy(value)).strip() or None


def _iso(record: dict, key: str, warnings: list[ReadWarning], where: str, line_number: int) -> str | None:
    """The field as an ISO date; a value that is no real day is left out and a warning noted."""
    value = record.get(key)
    if value is None or isinstance(value, str) and not value.strip():
        return None
    iso = normalize_iso(nfc(value).strip()) if isinstance(value, str) else None
    if iso is None:
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        warnings.append(ReadWarning(where, f"{key} left out: {shown} is not an ISO 8601 date "
                                           "(YYYY-MM or YYYY-MM-DD, a real day)", line_number))
    return iso


def _organizers(value: object) -> tuple[Organizer, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise _FieldError("organizers must be a list")
    organizers = []
    for item in value:
        if isinstance(item, str) and item.strip():
            organizers.append(Organizer(name=nfc(item.strip())))
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            parent, alias = item.get("parent"), item.get("alias")
            organizers.append(
                Organizer(
                    name=nfc(item["name"].strip()),
                    parent=nfc(parent) if isinstance(parent, str) else None,
                    alias=alias if isinstance(alias, str) else None,
                )
            )
        else:
            raise _FieldError("organizers must be names or {\"name\", \"parent\"} objects")
    return tuple(organizers)
