"""Reading articles from files and directories: plain text, saved HTML pages, JSON Lines.

`read_articles` streams an Article for every article found and a ReadFailure for every
input that could not become one (unreadable, undecodable, empty, oversized, no article
in the page, malformed JSON line, unsupported file type): nothing is dropped silently and
one bad file never stops the rest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from indexer.articles import Article, ReadFailure
from indexer.reading.files import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    InputFile,
    input_files,
    suffix_of,
)
from indexer.reading.jsonl import read_jsonl
from indexer.reading.plaintext import read_text_article

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "read_articles", "read_file"]


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | ReadFailure]:
    """Every article in the given files and directories, in a fixed order, with failures."""
    for item in input_files(paths):
        yield from read_file(item)


def read_file(item: InputFile) -> Iterator[Article | ReadFailure]:
    """The articles of one file (several for JSON Lines), or why there are none."""
    path, where = item.path, str(item.path)
    suffix = suffix_of(path)
    if path.is_dir():
        yield ReadFailure(where, "unreadable: directory could not be listed")
        return
    if suffix not in SUPPORTED_SUFFIXES:
        yield ReadFailure(where, f"unsupported file type {suffix or '(none)'}")
        return
    if not path.is_file():
        yield ReadFailure(where, "unreadable: no such file" if not path.exists() else "unreadable: not a file")
        return
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, file_id=item.id)
            return
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield ReadFailure(where, f"file too large: {size} bytes (limit {MAX_FILE_BYTES})")
            return
        data = path.read_bytes()
    except OSError as error:
        yield ReadFailure(where, f"unreadable: {error.strerror or error}")
        return
    yield _read_single(data, item, suffix)


def _read_single(data: bytes, item: InputFile, suffix: str) -> Article | ReadFailure:
    where = str(item.path)
    try:
        if suffix in TEXT_SUFFIXES:
            return read_text_article(data, id=item.id, origin=where)
        if suffix in HTML_SUFFIXES:
            from indexer.reading.html import read_html_article  # deferred: bs4 loads slowly

            return read_html_article(data, id=item.id, origin=where)
    except RecursionError:
        return ReadFailure(where, "unreadable: nested too deeply")
    except Exception as error:  # a bug in one article must not stop the run: report it
        return ReadFailure(where, f"internal error: {type(error).__name__}: {error}")
    return ReadFailure(where, f"unsupported file type {suffix}")
