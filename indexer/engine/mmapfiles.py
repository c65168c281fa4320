"""Reading Whoosh's memory-mapped segment files without a private copy of each.

Whoosh opens a file inside a compound segment as `BufferFile(memoryview of the mmap)`,
which wraps the view in `BytesIO(buf)`: a full private copy of the postings for every
searcher (hundreds of MB per thread at 100k documents). The reader below serves the same
sequential reads straight from the shared mapping. Imported by `indexer.index.store`, before any
index is opened; the rest of Whoosh is unchanged.
"""

from __future__ import annotations

from whoosh.filedb import structfile


class MemoryViewReader:
    """The file methods a StructFile (and pickle) needs, over a memoryview, without copying it."""

    def __init__(self, view) -> None:
        self._view = memoryview(view)
        self._position = 0

    def read(self, size: int = -1) -> bytes:
        start = self._position
        end = len(self._view) if size is None or size < 0 else min(len(self._view), start + size)
        self._position = end
        return bytes(self._view[start:end])

    def readline(self, size: int = -1) -> bytes:
        start = self._position
        end = len(self._view) if size is None or size < 0 else min(len(self._view), start + size)
        newline = bytes(self._view[start:end]).find(b"\n")
        return self.read(end - start if newline < 0 else newline + 1)

    def readinto(self, target) -> int:
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)

    def seek(self, position: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._position, 2: len(self._view)}[whence]
        self._position = base + position
        return self._position

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self._view.release()


def _buffer_file_init(self, buf, name=None, onclose=None) -> None:
    self._buf = buf
    self._name = name
    self.file = MemoryViewReader(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


structfile.BufferFile.__init__ = _buffer_file_init  # type: ignore[method-assign]
