"""Opening an index's segments once, and closing the files Whoosh leaves open when a damaged index fails to open.

On a damaged segment Whoosh retries and drops each attempt's open file unclosed; the files
are still referenced by the frames of the traceback, where they are found by their classes
(Whoosh's StructFile among them).
"""

from __future__ import annotations

import contextlib
import io
import traceback

from whoosh.filedb.structfile import StructFile


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
    """Opens the newest generation's segments once, retrying only when a commit replaced that
    generation meanwhile (a writer may delete the files of the one being opened).

    Not `ix.reader()`: it retries any IOError ten times, 50 ms apart, so a damaged index cost
    half a second on every request before its clear error."""
    for attempt in range(1, attempts + 1):
        generation = ix.latest_generation()
        try:
            toc = ix._read_toc()
            with ix._reader(ix.storage, toc.schema, toc.segments, toc.generation) as reader:
                reader.doc_count_all()
            return
        except OSError:
            if attempt == attempts or ix.latest_generation() == generation:
                raise
