"""Opening and creating the index directory, with its format version and its one-writer lock."""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import struct
import traceback
import warnings
import zlib
from collections.abc import Iterator
from pathlib import Path

import whoosh
from whoosh import index
from whoosh.index import FileIndex
from whoosh.index import LockError as WhooshLockError

from indexer.engine import mmapfiles  # noqa: F401  (shares mapped files between searchers)
from indexer.engine.leftopen import close_files_left_open, open_every_segment, open_fail_fast
from indexer.engine.segmentwriter import CompactSegmentWriter
from indexer.index.analysis import ANALYZER_VERSION
from indexer.index.schema import build_schema
from indexer.ingest.extraction import EXTRACTION_VERSION

# Bump when the schema changes; together with ANALYZER_VERSION and EXTRACTION_VERSION (what
# the indexer reads out of an article) it says whether an index on disk can be read and
# updated by this code. 4: the analyzers moved to indexer.index.analysis (Whoosh pickles the
# analyzer's import path into the index, so an index of version 3 cannot be opened any more),
# and the words field and word_counts column (key terms, similar articles). 5: the person field
# keeps each name as spelled beside its folded key (`person:` typed with diacritics).
SCHEMA_VERSION = 5
FORMAT_FILE = "vnsearch-format.json"
INDEX_ENV = "VNSEARCH_INDEX"
DEFAULT_INDEX_DIR = "var/index"


class IndexError_(Exception):
    """Base of the index errors that a user can act on."""


class IndexNotBuiltError(IndexError_):
    """There is no index at the given directory."""


class IndexVersionError(IndexError_):
    """The index was built by another version of the schema or analyzer: rebuild it."""


class IndexLockedError(IndexError_):
    """Another indexer is writing to this index."""


class IndexCorruptError(IndexError_):
    """The index files cannot be read."""


class IndexWriteError(IndexError_):
    """The index directory cannot be written (permissions, read-only or full disk); the index is unchanged."""


# Raised on bytes that are not what Whoosh wrote, wherever they are read: index damage.
_BYTE_ERRORS = (struct.error, zlib.error, EOFError, UnicodeDecodeError, pickle.UnpicklingError)
# Index damage only when raised while the index files are read (by Whoosh, or by the modules
# that read its files directly); raised elsewhere (a date "2022-13" reaching the calendar),
# they are a data problem or a bug, and a rebuild would not help.
_READ_ERRORS = (OSError, ValueError, IndexError, KeyError)
_WHOOSH_DIR = str(Path(whoosh.__file__).resolve().parent)
_FILE_READERS = {str(Path(__file__).resolve().parent.parent / name)
                 for name in ("engine/lengthtable.py", "engine/postings.py", "search/matching.py",
                              "engine/mmapfiles.py", "engine/postingpool.py", "index/store.py")}


@contextlib.contextmanager
def damage_reported(directory: Path) -> Iterator[None]:
    """Runs a read of the index, raising IndexCorruptError when what failed is the index files."""
    try:
        yield
    except Exception as error:
        damage = damage_of(error, directory)
        if damage is None:
            raise
        raise damage from error


def damage_of(error: Exception, directory: Path) -> IndexCorruptError | None:
    """The IndexCorruptError `error` means (the index files are not what Whoosh wrote), or None."""
    generic = isinstance(error, _READ_ERRORS) or type(error) is Exception  # Whoosh's bare "Block tag error"
    if not (isinstance(error, _BYTE_ERRORS) or generic and _raised_reading_files(error)):
        return None
    return IndexCorruptError(f"the index at {directory} cannot be read ({type(error).__name__}: "
                             f"{error}); rebuild it with `vnsearch index PATH --rebuild`")


def _raised_reading_files(error: BaseException) -> bool:
    """Whether the innermost frame of Whoosh or of this package is one that reads index files."""
    package = str(Path(__file__).resolve().parent.parent.parent)  # the checkout (or site-packages)
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        filename = str(Path(frame.filename).resolve())
        if filename.startswith(_WHOOSH_DIR) or filename in _FILE_READERS:
            return True
        if filename.startswith(package + os.sep):
            return False
    return False


def default_index_dir() -> Path:
    """The index directory shared by the indexer and the service: $VNSEARCH_INDEX or var/index."""
    return Path(os.environ.get(INDEX_ENV) or DEFAULT_INDEX_DIR)


def format_record() -> dict:
    return {"schema_version": SCHEMA_VERSION, "analyzer_version": ANALYZER_VERSION,
            "extraction_version": EXTRACTION_VERSION}


def open_index(directory: Path) -> FileIndex:
    """Opens an existing index, refusing one built by another format version or one that cannot be read.

    The table of contents and every segment are opened here, so a damaged or truncated index
    is an IndexCorruptError now rather than an unexpected error on the first search.
    """
    if not (directory / FORMAT_FILE).exists() or not any(directory.glob("_MAIN_*.toc")):
        raise IndexNotBuiltError(
            f"no index at {directory}: build one with `vnsearch index corpus/ --index {directory}`"
        )
    try:
        found = json.loads((directory / FORMAT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise IndexCorruptError(f"cannot read {directory / FORMAT_FILE}: {error}") from error
    if found != format_record():
        raise IndexVersionError(
            f"the index at {directory} was built with format {found}, this version reads "
            f"{format_record()}: rebuild it with `vnsearch index PATH --index {directory} --rebuild`"
        )
    try:
        # On a damaged segment Whoosh retries and drops each attempt's open file unclosed.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            opened = open_fail_fast(str(directory))
            open_every_segment(opened)
    except Exception as error:  # Whoosh raises many kinds on damaged files
        close_files_left_open(error)
        raise IndexCorruptError(
            f"the index at {directory} cannot be read ({type(error).__name__}: {error}); "
            f"rebuild it with `vnsearch index PATH --index {directory} --rebuild`"
        ) from error
    return opened


def create_index(directory: Path) -> FileIndex:
    """Creates an empty index (replacing any index there) and records its format version."""
    directory.mkdir(parents=True, exist_ok=True)
    # Whoosh names its files MAIN_* and _MAIN_*; an older generation left behind would win.
    for old in list(directory.glob("MAIN_*")) + list(directory.glob("_MAIN_*")):
        old.unlink()
    created = index.create_in(str(directory), build_schema())
    marker = directory / (FORMAT_FILE + ".tmp")
    marker.write_text(json.dumps(format_record()), encoding="utf-8")
    os.replace(marker, directory / FORMAT_FILE)
    return created


def open_writer(ix: FileIndex, limitmb: int = 256) -> CompactSegmentWriter:
    """The index's one writer; a second indexer gets IndexLockedError instead of waiting."""
    try:
        writer = CompactSegmentWriter(ix, limitmb=limitmb)
    except WhooshLockError as error:
        raise IndexLockedError(
            f"another indexer is writing to {ix.storage.folder}; wait for it to finish"
        ) from error
    except OSError as error:  # the lock file or the writer's temporary folder cannot be created
        raise write_error(ix.storage.folder, error) from error
    return writer


def open_segment_writer(ix: FileIndex, limitmb: int = 128) -> CompactSegmentWriter:
    """A writer of one more segment, for an indexing worker process while the parent holds
    the lock: its segment joins the index only through the parent's `commit_with_segments`."""
    try:
        writer = CompactSegmentWriter(ix, limitmb=limitmb, _lk=False)
    except OSError as error:
        raise write_error(ix.storage.folder, error) from error
    return writer


def write_error(directory, error: OSError) -> IndexWriteError:
    """The error a user sees when the index directory cannot be written."""
    return IndexWriteError(
        f"cannot write to the index at {directory}: {error.strerror or error}; the index is unchanged"
    )
