"""How many articles the inputs hold, for the progress bar's ETA: cheap, and bounded like reading."""

from __future__ import annotations

from pathlib import Path

from indexer.ingest.reading.decompression import DecompressionLimitError, open_input
from indexer.ingest.reading.files import JSONL_SUFFIXES, input_files, suffix_of

_CHUNK = 1 << 20


def estimate_articles(paths: list[Path]) -> int | None:
    """Files found the way the reader walks them, JSON Lines counted by line (None: nothing).

    Lines are counted in 1 MB chunks, never read whole: a gzip bomb without a newline used to
    end here in MemoryError before anything was indexed. A file that cannot be read, or
    inflates past its bound, counts what was seen; the reader reports it.
    """
    total = 0
    for item in input_files(paths):
        if item.problem is None and suffix_of(item.path) in JSONL_SUFFIXES:
            total += max(1, _lines_of(item.path))
        else:
            total += 1
    return total or None


def _lines_of(path: Path) -> int:
    lines = 0
    try:
        with open_input(path) as stream:
            while chunk := stream.read(_CHUNK):
                lines += chunk.count(b"\n")
    except (OSError, EOFError, ValueError, DecompressionLimitError):
        pass
    return lines
