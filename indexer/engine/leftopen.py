"""Opening an index's segments once, for open_index and for every reader and searcher after
it, and closing the files Whoosh leaves open when a damaged index fails to open.

On a damaged segment Whoosh retries and drops each attempt's open file unclosed; the files
are still referenced by the frames of the traceback, where they are found by their classes
(Whoosh's StructFile among them).
"""

from __future__ import annotations

import contextlib
import io
import traceback

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.index import FileIndex


def close_files_left_open(error: BaseException) -> None:
    """Closes the files Whoosh opened but did not close when reading failed (held by the traceback)."""
    chained: BaseException | None = error
    while chained is not None:
        for frame, _ in traceback.walk_tb(chained.__traceback__):
            for value in list(frame.f_locals.values()):
                if isinstance(value, (io.IOBase, StructFile)):
                    with contextlib.suppress(Exception):  # StructFile refuses a second close
                        value.close()
        chained = chained.__cause__ or chained.__context__


def open_every_segment(ix, attempts: int = 3) -> None:
    """Opens the newest generation's segments once (see `open_reader`), and closes them."""
    with open_reader(ix, attempts=attempts) as reader:
        reader.doc_count_all()


def open_reader(ix, reuse=None, attempts: int = 3):
    """A reader of the newest generation, opening its segments once and retrying only when a
    commit replaced that generation meanwhile (a writer may delete the files of the one being
    opened).

    Not Whoosh's `FileIndex.reader()`: it retries any IOError ten times, 50 ms apart, so a
    damaged index cost half a second on every request before its clear error."""
    for attempt in range(1, attempts + 1):
        generation = ix.latest_generation()
        try:
            return open_listed_segments(ix, ix._read_toc(), reuse)
        except OSError:
            if attempt == attempts or ix.latest_generation() == generation:
                raise
    raise AssertionError("unreachable: the last attempt returns or raises")


def open_listed_segments(ix, toc, reuse=None):
    """A reader of the segments a table of contents lists; apart from the listing so a test
    can commit between the two, as a writer may."""
    return ix._reader(ix.storage, toc.schema, toc.segments, toc.generation, reuse=reuse)


class FailFastIndex(FileIndex):
    """Whoosh's index of a directory whose readers (and so searchers) come from `open_reader`:
    a generation damaged after the service opened the index is refused at once too."""

    def reader(self, reuse=None):
        return open_reader(self, reuse)


def open_fail_fast(directory: str) -> FailFastIndex:
    """What `whoosh.index.open_dir(directory)` opens, as a FailFastIndex."""
    return FailFastIndex(FileStorage(directory))
