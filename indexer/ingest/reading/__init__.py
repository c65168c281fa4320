"""Reading articles from files and directories: plain text, saved HTML pages, JSON Lines.

`read_articles` streams an Article for every article found and a ReadFailure for every
input that could not become one (unreadable, undecodable, empty, oversized, no article
in the page, malformed JSON line, unsupported file type): nothing is dropped silently and
one bad file never stops the rest.
"""

from __future__ import annotations

import os

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from indexer.ingest.articles import Article, ReadFailure
from indexer.ingest.reading.files import (
    JSONL_SUFFIXES,
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    InputFile,
    input_files,
    suffix_of,
)
from indexer.ingest.reading.jsonl import jsonl_lines, parse_line
from indexer.ingest.reading.plaintext import read_text_article
from indexer.ingest.reading.surrogates import escaped

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "PendingArticle", "read_articles", "read_pending"]


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | ReadFailure]:
    """Every article in the given files and directories, in a fixed order, with failures."""
    for item in read_pending(paths):
        yield item.resolve() if isinstance(item, PendingArticle) else item


@dataclass(frozen=True)
class PendingArticle:
    """An article read from disk but not yet decoded and extracted: cheap to pass to a worker.

    `resolve` does the costly part (decoding, HTML parsing, metadata extraction), so an
    indexer can run it in parallel while one process reads the files in order.
    """

    kind: str  # "text", "html" or "jsonl"
    data: bytes
    id: str
    origin: str
    line: int | None = None

    def resolve(self) -> Article | ReadFailure:
        try:
            if self.kind == "jsonl":
                return parse_line(self.data, Path(self.origin), self.id, self.line or 0)
            if self.kind == "text":
                return read_text_article(self.data, id=self.id, origin=self.origin)
            from indexer.ingest.reading.html import read_html_article  # deferred: bs4 loads slowly

            return read_html_article(self.data, id=self.id, origin=self.origin)
        except RecursionError:
            return ReadFailure(self.origin, "unreadable: nested too deeply", self.line)
        except Exception as error:  # a bug in one article must not stop the run: report it
            return ReadFailure(self.origin, f"internal error: {type(error).__name__}: {error}", self.line)


def read_pending(paths: Iterable[str | Path]) -> Iterator[PendingArticle | ReadFailure]:
    """`read_articles` without its costly part: every article still to be resolved, in order."""
    for item in input_files(paths):
        yield from _pending_of(item)


def _pending_of(item: InputFile) -> Iterator[PendingArticle | ReadFailure]:
    path, where = item.path, escaped(str(item.path))
    if item.problem:
        yield ReadFailure(where, item.problem)
        return
    origin = os.path.abspath(where)  # stored with the document: --prune from any directory finds it
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
            for line in jsonl_lines(path, file_id=item.id):
                if isinstance(line, ReadFailure):
                    yield line
                else:
                    raw, _, file_id, number = line
                    yield PendingArticle("jsonl", raw, file_id, origin, number)
            return
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield ReadFailure(where, f"file too large: {size} bytes (limit {MAX_FILE_BYTES})")
            return
        data = path.read_bytes()
    except OSError as error:
        yield ReadFailure(where, f"unreadable: {error.strerror or error}")
        return
    yield PendingArticle("text" if suffix in TEXT_SUFFIXES else "html", data, item.id, origin)
