"""Characters per second of our full analysis beside pyvi's word segmentation, on one core.

Run from the repository root:

    python -m bench.analysis_speed                 # 400 articles of vietnews-train
    python -m bench.analysis_speed --articles 1000 --repeat 3

"Our full analysis" is what an indexing worker does per article (`indexer.index.documents.analyze`):
exact and folded syllables of title and body, and the folded word pairs of both. The
baseline is `pyvi.ViTokenizer.tokenize` alone on the same text (pip install -e '.[bench]'),
the segmentation a Vietnamese indexer would otherwise run. Both run in this one process,
interleaved, best of `--repeat` rounds, after one warm-up pass over other articles (our
spelling caches are warm in any real indexing run after its first documents). Time is
this process's CPU time, so other work on a shared machine does not skew the ratio.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

from bench.common import SHARED_DATA
from indexer.ingest.articles import Article
from indexer.index.documents import analyze

TRAIN = SHARED_DATA / "vietnews-train.jsonl.gz"
# The bound: our analysis at most this many times slower than pyvi alone.
MAX_SLOWDOWN = 2.0
WARM_UP = 100


def sample(path: Path, count: int, skip: int = 0) -> list[Article]:
    """`count` articles of the corpus after the first `skip`, as the indexer would see them."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        records = (json.loads(line) for line in islice(lines, skip, skip + count))
        return [Article(id=str(r["id"]), title=r.get("title") or None,
                        body="\n\n".join(p for p in (r.get("abstract"), r.get("body")) if p)) for r in records]


def _pyvi(article: Article) -> None:
    from pyvi import ViTokenizer

    ViTokenizer.tokenize(f"{article.title or ''}\n{article.body}")


PYVI = "pyvi ViTokenizer.tokenize (baseline)"
OURS = "ours: full analysis (indexer.index.documents.analyze)"
STAGES: dict[str, Callable[[Article], object]] = {PYVI: _pyvi, OURS: analyze}


def chars_per_second(articles: list[Article], repeat: int, stages: list[str] | None = None) -> dict[str, float]:
    """Best-of-`repeat` characters per CPU second of each stage (all by default) over the articles."""
    size = sum(len(a.title or "") + 1 + len(a.body) for a in articles)
    best = {name: float("inf") for name in stages or STAGES}
    for _ in range(repeat):
        for name in best:
            stage = STAGES[name]
            started = time.process_time()
            for article in articles:
                stage(article)
            best[name] = min(best[name], time.process_time() - started)
    return {name: size / seconds for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400, help="articles to time (default 400)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best is reported (default 3)")
    args = parser.parse_args(argv)
    if not TRAIN.exists():
        print(f"no corpus at {TRAIN}", file=sys.stderr)
        return 2
    try:
        import pyvi  # noqa: F401
    except ImportError:
        print("the baseline needs pyvi: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    for article in sample(TRAIN, WARM_UP):
        for stage in STAGES.values():
            stage(article)
    articles = sample(TRAIN, args.articles, skip=WARM_UP)
    size = sum(len(a.title or "") + 1 + len(a.body) for a in articles)
    print(f"{len(articles)} articles of {TRAIN.name}, {size:,} characters, one core, best of {args.repeat}")
    rates = chars_per_second(articles, args.repeat)
    width = max(map(len, rates))
    for name, rate in rates.items():
        print(f"  {name:<{width}}  {rate:>12,.0f} chars/s per core")
    slowdown = rates[PYVI] / rates[OURS]
    verdict = "met" if slowdown <= MAX_SLOWDOWN else "MISSED"
    print(f"{verdict}: ours is {slowdown:.2f}× the time of pyvi alone (bound {MAX_SLOWDOWN:.1f}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
