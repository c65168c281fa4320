"""Opening input files, gzip bounded: a small file that inflates without end (a gzip bomb)
stops with a named reason instead of filling memory or keeping a run busy for hours."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import BinaryIO

# Text compresses 3–10×; past 100× the compressed size, and past 20 MB (a small file may
# well inflate 100× legitimately), what inflates is not articles.
MAX_RATIO = 100
MIN_LIMIT_BYTES = 20 * 1024 * 1024


class DecompressionLimitError(ValueError):
    """A compressed file inflated past its bound."""


def inflation_limit(compressed_bytes: int) -> int:
    """The most bytes a compressed file of this size may inflate to."""
    return max(MAX_RATIO * compressed_bytes, MIN_LIMIT_BYTES)


def open_input(path: Path) -> BinaryIO:
    """The file's bytes, inflated when it is gzipped (".gz"), never past `inflation_limit`."""
    if not path.name.lower().endswith(".gz"):
        return open(path, "rb")
    return _BoundedGzip(path)  # type: ignore[return-value]  # the part of BinaryIO readers use


class _BoundedGzip:
    """A gzip stream that raises DecompressionLimitError once it has inflated past its limit."""

    def __init__(self, path: Path) -> None:
        self._compressed = os.stat(path).st_size
        self._limit = inflation_limit(self._compressed)
        self._stream = gzip.open(path, "rb")
        self._inflated = 0

    def read(self, size: int = -1) -> bytes:
        return self._counted(self._stream.read(self._bounded(size)))

    def readline(self, size: int = -1) -> bytes:
        return self._counted(self._stream.readline(self._bounded(size)))

    def _bounded(self, size: int) -> int:
        # One byte past the limit is enough to know it is passed: never read more at once.
        room = self._limit - self._inflated + 1
        return room if size < 0 else min(size, room)

    def _counted(self, data: bytes) -> bytes:
        self._inflated += len(data)
        if self._inflated > self._limit:
            raise DecompressionLimitError(
                f"decompression stopped: inflates past {self._limit} bytes from {self._compressed} "
                f"compressed (over {MAX_RATIO}× and {MIN_LIMIT_BYTES // (1024 * 1024)} MB; a gzip bomb?)"
            )
        return data

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> _BoundedGzip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
