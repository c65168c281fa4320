"""Loading BEIR-layout relevance sets, the query variants we test, and the ranking metrics.

A set folder holds `corpus.jsonl[.gz]` (`_id`, `text`), `queries.jsonl` (`_id`, `text`)
and `qrels.tsv` (`query-id`, `corpus-id`, `score`). Everything here is plain Python:
no index, no Whoosh, so the metrics are the same for our search and for the baselines.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
IR_DEV = SHARED_DATA / "ir-dev"
SETS = ("vietnews-val-title2article", "ViMedAQA_v2", "ViRe4MRC_v2")
CUTOFF = 10
METRICS = ("P@1", "R@10", "MRR@10", "nDCG@10")


@dataclass(frozen=True)
class RelevanceSet:
    """One BEIR set: documents by id, queries by id in file order, relevant ids per query."""

    name: str
    corpus: dict[str, str]
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]


def _open_text(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def _jsonl(path: Path) -> Iterator[dict]:
    with _open_text(path) as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def load_set(name: str, limit_docs: int | None = None, limit_queries: int | None = None,
             root: Path = IR_DEV) -> RelevanceSet:
    """Reads a set; with limits, keeps the first queries and every document they judge relevant.

    `limit_docs` keeps the judged documents of the kept queries plus the first other
    documents up to that many, so that every kept query can still find its answer.
    """
    folder = root / name
    corpus_path = folder / "corpus.jsonl.gz"
    if not corpus_path.exists():
        corpus_path = folder / "corpus.jsonl"
    queries = {q["_id"]: q["text"] for q in _jsonl(folder / "queries.jsonl")}
    qrels: dict[str, dict[str, int]] = {}
    with (folder / "qrels.tsv").open(encoding="utf-8") as rows:
        next(rows)  # header
        for row in rows:
            qid, did, score = row.rstrip("\n").split("\t")
            if int(score) > 0:
                qrels.setdefault(qid, {})[did] = int(score)
    queries = {q: t for q, t in queries.items() if q in qrels}
    if limit_queries is not None:
        queries = dict(list(queries.items())[:limit_queries])
        qrels = {q: qrels[q] for q in queries}
    needed = {d for judged in qrels.values() for d in judged}
    corpus: dict[str, str] = {}
    for doc in _jsonl(corpus_path):
        keep = limit_docs is None or doc["_id"] in needed or len(corpus) < limit_docs
        if keep:
            corpus[doc["_id"]] = doc["text"]
    return RelevanceSet(name, corpus, queries, qrels)


# --- query variants --------------------------------------------------------------------

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VOWELS = set("aăâeêioôơuưy")
_SWAPPABLE = {"oa", "oe", "uy"}
_WORD = re.compile(r"\w+")


def strip_diacritics(text: str) -> str:
    """The text as typed without an input method: no marks at all, đ as d (NFC)."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


def to_nfd(text: str) -> str:
    """The text decomposed, as some macOS and web inputs send it."""
    return unicodedata.normalize("NFD", text)


def swap_tone_style(text: str) -> str:
    """Moves the tone of open oa/oe/uy syllables to the other style: hòa↔hoà, khỏe↔khoẻ, thủy↔thuỷ.

    Written independently of indexer.text.vietnamese on purpose: the benchmark must not share
    the code it tests. Syllables with a final consonant (hoàng) or other nuclei are unchanged.
    """
    return _WORD.sub(lambda m: _swap_word(m.group()), unicodedata.normalize("NFC", text))


def _swap_word(word: str) -> str:
    chars = list(unicodedata.normalize("NFD", word))
    tones = [i for i, c in enumerate(chars) if c in _TONES]
    if len(tones) != 1:
        return word
    tone = chars.pop(tones[0])
    letters = [unicodedata.normalize("NFC", c) for c in _grapheme_split(chars)]
    lower = [c.lower() if c.lower() in _VOWELS else unicodedata.normalize("NFD", c.lower())[0]
             for c in letters]
    start = 2 if "".join(lower[:2]) == "qu" else 0
    first = next((i for i in range(start, len(lower)) if lower[i] in _VOWELS), None)
    if first is None:
        return word
    nucleus = "".join(lower[first:])
    if nucleus not in _SWAPPABLE:  # a coda or another vowel group: one placement only
        return word
    carrier = _carrier_index(chars, tones[0])
    target = first + 1 if carrier == first else first
    letters[target] = unicodedata.normalize("NFC", unicodedata.normalize("NFD", letters[target]) + tone)
    return unicodedata.normalize("NFC", "".join(letters))


def _grapheme_split(chars: list[str]) -> list[str]:
    """Base letters with their remaining (non-tone) marks attached."""
    groups: list[str] = []
    for c in chars:
        if groups and unicodedata.category(c) == "Mn":
            groups[-1] += c
        else:
            groups.append(c)
    return groups


def _carrier_index(chars_without_tone: list[str], tone_at: int) -> int:
    """Which letter (grapheme index) the removed tone followed."""
    return len(_grapheme_split(chars_without_tone[:tone_at])) - 1


VARIANTS: dict[str, Callable[[str], str]] = {
    "as written": lambda text: text,
    "no diacritics": strip_diacritics,
    "NFD": to_nfd,
    "tone swapped": swap_tone_style,
}
# Asked only when named (`--variants`): what the quotes inside pasted headlines cost, since
# quotes are phrases ("as written" keeps them, as a user typed them).
EXTRA_VARIANTS: dict[str, Callable[[str], str]] = {
    "quotes as text": lambda text: re.sub(r"[\"“”]", " ", text),
}


# --- metrics ---------------------------------------------------------------------------

def query_scores(ranked: Sequence[str], relevant: dict[str, int], cutoff: int = CUTOFF) -> dict[str, float]:
    """P@1, R@cutoff, MRR@cutoff and nDCG@cutoff (graded gains) of one ranked list of ids."""
    top = list(ranked[:cutoff])
    first = next((i for i, d in enumerate(top) if d in relevant), None)
    dcg = sum((2 ** relevant[d] - 1) / math.log2(i + 2) for i, d in enumerate(top) if d in relevant)
    ideal = sorted(relevant.values(), reverse=True)[:cutoff]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return {
        "P@1": 1.0 if top and top[0] in relevant else 0.0,
        "R@10": sum(1 for d in top if d in relevant) / len(relevant),
        "MRR@10": 0.0 if first is None else 1.0 / (first + 1),
        "nDCG@10": dcg / idcg if idcg else 0.0,
    }


def mean_scores(per_query: list[dict[str, float]]) -> dict[str, float]:
    """The mean of each metric over queries (an empty list scores zero)."""
    n = len(per_query) or 1
    return {m: sum(q[m] for q in per_query) / n for m in METRICS}


def evaluate(rank: Callable[[str], list[str]], dataset: RelevanceSet,
             variant: Callable[[str], str]) -> tuple[dict[str, float], list[dict[str, float]]]:
    """Mean metrics of `rank(query text)` over the set's queries rewritten by `variant`."""
    per_query = [query_scores(rank(variant(text)), dataset.qrels[qid]) for qid, text in dataset.queries.items()]
    return mean_scores(per_query), per_query
