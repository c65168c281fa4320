"""What metadata extraction costs of a build: CPU seconds of extraction beside the whole build's.

    python -m bench.extraction_share [--articles 2000]

Takes the first N records of ../shared/data/vietnews-train.jsonl.gz and, in this one process
(so CPU time is comparable): (1) the whole build, `build_index(..., jobs=1)` of a JSON Lines
file of them, which reads, extracts, analyzes and writes each article; (2) the extraction
alone, `extract_metadata` on the same texts as the JSON Lines reader gives them. The build is
the baseline; issue 14's bound is extraction ≤ 20 % of it. One process and CPU time, so the
share holds for a build on more cores (each worker does both), not for wall time on a busy box.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import tempfile
import time
from pathlib import Path

from bench.common import SHARED_DATA
from indexer.index.build import build_index
from indexer.ingest.articles import Article, ReadFailure
from indexer.ingest.extraction import extract_metadata
from indexer.ingest.reading.jsonl import jsonl_lines, parse_line

TRAIN = SHARED_DATA / "vietnews-train.jsonl.gz"
BOUND = 0.20


def records(n: int) -> list[dict]:
    with gzip.open(TRAIN, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in itertools.islice(lines, n)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args(argv)
    if not TRAIN.exists():
        print(f"skipped: {TRAIN} is absent")
        return 0
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "train.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for record in records(args.articles):
                fields = {k: record.get(k) for k in ("id", "title", "abstract", "body")}
                out.write(json.dumps(fields, ensure_ascii=False) + "\n")
        parsed = [parse_line(*item) for item in jsonl_lines(source, file_id=source.name)
                  if not isinstance(item, ReadFailure)]  # also loads every lazy table before timing
        articles = [a for a in parsed if isinstance(a, Article)]
        started = time.process_time()
        summary = build_index(articles_of(source), Path(work) / "index", jobs=1)
        build_s = time.process_time() - started
        texts = [(a.body, None if a.title_built else a.title) for a in articles]
        started = time.process_time()
        for body, title in texts:
            extract_metadata(body, title=title)
        extraction_s = time.process_time() - started
    share = extraction_s / build_s
    print(f"{summary.added} articles of {TRAIN.name}, one process, CPU seconds")
    print(f"{'whole build (baseline): read, extract, analyze, write':<58}{build_s:8.1f} s"
          f"{1000 * build_s / max(summary.added, 1):8.2f} ms/article")
    print(f"{'metadata extraction alone':<58}{extraction_s:8.1f} s"
          f"{1000 * extraction_s / max(len(texts), 1):8.2f} ms/article")
    print(f"extraction share of the build: {share:.1%} (bound {BOUND:.0%}): {'ok' if share <= BOUND else 'OVER'}")
    return 0 if share <= BOUND else 1


def articles_of(source: Path):
    """The file's records as the CLI's build reads them (parsed, extracted) inside the timed build."""
    for item in jsonl_lines(source, file_id=source.name):
        yield item if isinstance(item, ReadFailure) else parse_line(*item)


if __name__ == "__main__":
    raise SystemExit(main())
