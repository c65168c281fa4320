"""A failed indexing run removes what it wrote: the partial segment files and temporary folders
of its writers, so a run that failed on a full disk leaves the disk as it found it."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

# A generation's table of contents, once renamed into place: the commit has landed.
_COMMITTED_TOC = re.compile(r"_MAIN_\d+\.toc")


def entry_names(directory: Path) -> set[str]:
    """The names in the index directory (empty when it cannot be listed)."""
    try:
        return set(os.listdir(directory))
    except OSError:
        return set()


@contextlib.contextmanager
def partial_files_removed_on_failure(directory: Path, before: set[str]) -> Iterator[None]:
    """Runs an indexing run that holds the index's lock; when it fails, removes every file and
    folder added to `directory` since `before` was listed (just before the lock was taken),
    unless its commit landed (a new table of contents: those files are the index)."""
    try:
        yield
    except BaseException:
        remove_partial_files(directory, before)
        raise


def remove_partial_files(directory: Path, before: set[str]) -> list[str]:
    """Removes what was added to `directory` since `before` was listed; the names removed."""
    added = entry_names(directory) - before
    if any(_COMMITTED_TOC.fullmatch(name) for name in added):
        return []
    removed = []
    for name in sorted(added):
        path = directory / name
        # Best effort: the directory may be gone (removed during the run) or unwritable.
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(name)
    return removed
