"""Finding input files: walking directories in a fixed order and naming each file's articles."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

# Files larger than this are reported, not read (JSON Lines files are streamed, so the
# limit applies to each of their lines instead).
MAX_FILE_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
# Files a directory walk passes over without a word: notes and labels kept beside a corpus.
_IGNORED_NAMES = ("labels.json",)


@dataclass(frozen=True)
class InputFile:
    """A file to read, the id its article gets, and whether it was named explicitly; `problem`
    says why it cannot be read when the walk already knows (a symlink loop, a name not UTF-8)."""

    path: Path
    id: str
    explicit: bool
    problem: str | None = None


def suffix_of(path: Path) -> str:
    """The file's type suffix, lowercased, counting ".jsonl.gz" as one."""
    name = path.name.lower()
    if name.endswith(".jsonl.gz"):
        return ".jsonl.gz"
    return path.suffix.lower()


def stem_of(path: Path) -> str:
    """The file name without its type suffix."""
    suffix = suffix_of(path)
    return path.name[: len(path.name) - len(suffix)] if suffix else path.name


def input_files(paths: Iterable[str | Path]) -> Iterator[InputFile]:
    """Every file named or found under a named directory, directories walked in sorted order.

    A file named directly gets its stem as id; a file found in a walk gets its path
    relative to the walked directory, POSIX style, without the suffix. Hidden files and
    directories, labels.json and README files are passed over in a walk.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, path, ancestors=frozenset())
        else:
            yield InputFile(path, stem_of(path), explicit=True, problem=name_problem(path))


def _walk(root: Path, directory: Path, ancestors: frozenset[tuple[int, int]]) -> Iterator[InputFile]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
        identity = _identity(directory)
    except OSError:
        yield InputFile(directory, _relative_id(root, directory), explicit=True)
        return
    # A directory symlink back to a directory being walked would repeat its files ~40 times
    # over before the kernel refuses the path: it is reported once instead.
    ancestors = ancestors | {identity}
    for entry in entries:
        if _skipped(entry.name):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
            loops = is_dir and _identity(path) in ancestors
        except OSError as error:  # a symlink pointing at itself, or at one pointing back (ELOOP)
            yield InputFile(path, _relative_id(root, path), explicit=False,
                            problem=f"unreadable: {error.strerror or error}")
            continue
        if loops:
            yield InputFile(path, _relative_id(root, path), explicit=False,
                            problem="symlink loop: points back to a directory being read; skipped")
        elif is_dir:
            yield from _walk(root, path, ancestors)
        else:
            yield InputFile(path, _relative_id(root, path), explicit=False, problem=name_problem(path))


def _identity(directory: Path) -> tuple[int, int]:
    status = os.stat(directory)
    return status.st_dev, status.st_ino


def name_problem(path: Path) -> str | None:
    """Why a file name cannot be indexed as it is: bytes that are not UTF-8 (Python keeps them
    as lone surrogates, which no index file, report or terminal can write)."""
    try:
        os.fspath(path).encode("utf-8")
    except UnicodeEncodeError:
        return "file name is not UTF-8 (shown escaped): rename the file to index it"
    return None


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in _IGNORED_NAMES or name.upper().startswith("README")


def _relative_id(root: Path, path: Path) -> str:
    relative = path.relative_to(root)
    return (relative.parent / stem_of(relative)).as_posix() if relative.parts else stem_of(path)
