"""The lexicons of Vietnamese queries: abbreviations and their expansions, and the function
words that only rank (the data files beside this module, `data/`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from indexer.text.tokens import syllables
from indexer.text.vietnamese import canonical_term, fold, fold_term

_ABBREVIATIONS_FILE = Path(__file__).parent / "data" / "abbreviations.tsv"
_FUNCTION_WORDS_FILE = Path(__file__).parent / "data" / "function_words.txt"


@dataclass(frozen=True)
class Abbreviations:
    """The abbreviations file read both ways, folded and in canonical spelling."""

    forward: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # folded short → (folded, exact) expansion
    backward: dict[tuple[str, ...], str]  # folded expansion → short
    backward_exact: dict[tuple[str, ...], str]  # canonical expansion → short


@lru_cache(maxsize=1)
def abbreviations() -> Abbreviations:
    """The abbreviations and their expansions, from the data file."""
    forward: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    backward: dict[tuple[str, ...], str] = {}
    backward_exact: dict[tuple[str, ...], str] = {}
    for line in _ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        short, _, long = line.partition("\t")
        short_units = "".join(s.text for s in syllables(short))
        folded = tuple(fold_term(s.text) for s in syllables(long))
        exact = tuple(canonical_term(s.text) for s in syllables(long))
        forward.setdefault(fold(short_units), (folded, exact))
        backward.setdefault(folded, short_units)
        backward_exact.setdefault(exact, short_units)
    return Abbreviations(forward, backward, backward_exact)


@lru_cache(maxsize=1)
def function_words() -> tuple[frozenset[str], frozenset[str]]:
    """(exact, folded) question and function words, optional in short queries (data file)."""
    exact: set[str] = set()
    folded: set[str] = set()
    for line in _FUNCTION_WORDS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("folded:"):
            folded.update(line.split(":", 1)[1].split())
        else:
            exact.update(canonical_term(word) for word in line.split())
    return frozenset(exact), frozenset(folded)
