"""Dates of unlabelled news to read by hand: a fixed random sample, with how each got its year.

    python -m bench.date_sample                       # 60 dated articles of train ids 60,000–79,999, seed 1
    python -m bench.date_sample --seed 2 --exclude /tmp/read.txt   # a fresh sample, without ids read before
    python -m bench.date_sample --size 0 --baseline /tmp/dates.json  # save every date; later: what moved

Articles are the train records with ids in [--from, --to) in neither label file, read as `vnsearch
index` reads them (`parse_line`). For the whole range it prints how many dates each way of finding
the year gives (written with the day, lent by a full date of the same day, by another day's full
date in the same sentence, by the end of the period the day opens, by the event's name), then
for each sampled article: id, date, way, title, the sentence of the day and the sentence that
gave the year. The sample is drawn with `random.Random(seed)` from the dated ids in id order,
so a seed picks the same articles for the same code. `--baseline FILE` saves {id: [date, way]}
the first time, and afterwards prints every article whose date or way moved, in context: what a
rule changed (read a sample of those, too).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path

from bench.extraction import CHECK, LABELS, TRAIN, load_labels
from bench.extraction_dates import corpus_articles, in_range
from indexer.ingest.articles import Article
from indexer.ingest.extraction import read_lead_and_rest
from indexer.ingest.extraction.dates import WRITTEN, WRITTEN_INSIDE, EventDate, explain_event_date

SENTENCE_CHARS = 400  # at most this much of a sentence is shown, around the date
_SENTENCE_END = re.compile(r"(?<!\bTP)[.!?](?=\s)|\n")


def sentence_at(text: str, at: int) -> str:
    """The sentence of `text` around `at`, on one line, cut to SENTENCE_CHARS around `at`."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, at - SENTENCE_CHARS), at)), default=max(0, at - SENTENCE_CHARS))
    end = _SENTENCE_END.search(text, at)
    stop = min(end.end() if end else len(text), at + SENTENCE_CHARS)
    return text[start:stop].strip().replace("\n", " ⏎ ")


def explained(article: Article) -> tuple[EventDate | None, str]:
    """The article's date with how it got its year, and the text the date rules read."""
    lead, rest = read_lead_and_rest(article.body)
    return explain_event_date(lead, rest), lead + "\n" + rest


def show(article: Article, found: EventDate, text: str) -> str:
    lines = [f"- {article.id} {found.iso} [{found.how}]", f"    title: {article.title}",
             f"    day:   {sentence_at(text, found.at)}"]
    if found.how not in (WRITTEN, WRITTEN_INSIDE) and sentence_at(text, found.lender) != sentence_at(text, found.at):
        lines.append(f"    year:  {sentence_at(text, found.lender)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1, help="the sample's seed (default 1)")
    parser.add_argument("--size", type=int, default=60, help="how many dated articles to print (default 60)")
    parser.add_argument("--from", dest="low", type=int, default=60_000, help="the lowest train id read (default 60000)")
    parser.add_argument("--to", dest="high", type=int, default=80_000,
                        help="the train id where reading stops (default 80000; never above: rows being labelled)")
    parser.add_argument("--exclude", type=Path, metavar="FILE", help="ids not to sample (read before), one a line")
    parser.add_argument("--baseline", type=Path, metavar="FILE",
                        help="save every date and way to FILE, or print what moved since it was saved")
    args = parser.parse_args(argv)
    if not TRAIN.exists():
        print(f"skipped: no corpus at {TRAIN} (../shared/data is absent)")
        return 0
    if args.high > 80_000:
        parser.error("--to above 80000: those ids are the labellers' blind sample")
    if args.exclude and not args.exclude.is_file():
        parser.error(f"--exclude {args.exclude}: no such file")
    labelled = {label["id"] for label in load_labels(LABELS) + (load_labels(CHECK) if CHECK.exists() else [])}
    excluded = set(args.exclude.read_text(encoding="utf-8").split()) if args.exclude else set()
    before = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline and args.baseline.exists() else None
    dated: dict[str, tuple[Article, EventDate, str]] = {}
    undated: dict[str, tuple[Article, str]] = {}  # dated in the baseline, not now: shown where they were
    total = 0
    for article in corpus_articles(TRAIN, skip=labelled, below=args.high, above=args.low):
        total += 1
        if article.date_source == "published":
            continue
        found, text = explained(article) if article.date or before and article.id in before else (None, "")
        if found is None and before and article.id in before:
            undated[article.id] = (article, text)
        if found is None and article.date is None:
            continue
        if found is None or found.iso != article.date:
            print(f"  {article.id}: the reader dated it {article.date}, the explanation {found}")
            continue
        dated[article.id] = (article, found, text)
    ways = Counter(found.how for _, found, _ in dated.values())
    outside = sum(not in_range(found.iso) for _, found, _ in dated.values())
    print(f"train ids {args.low}–{args.high - 1}, unlabelled: {total} articles, dated {len(dated)}, "
          f"outside 2012–2019 {outside}")
    for how, n in ways.most_common():
        print(f"  {n:5}  {how}")
    pool = [i for i in sorted(dated) if i not in excluded]
    picked = sorted(random.Random(args.seed).sample(pool, min(args.size, len(pool))))
    if picked:
        print(f"\nsample: seed {args.seed}, {len(picked)} of {len(pool)} dated articles\n")
    for article_id in picked:
        print(show(*dated[article_id]))
    now = {i: [f.iso, f.how, f.at] for i, (_, f, _) in dated.items()}
    if args.baseline and before is None:
        args.baseline.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        print(f"\nbaseline saved to {args.baseline}")
    elif args.baseline and before is not None:
        report_moves(args.baseline, before, now, dated, undated)
    return 0


def report_moves(baseline: Path, before: dict[str, list], now: dict[str, list],
                 dated: dict[str, tuple[Article, EventDate, str]], undated: dict[str, tuple[Article, str]]) -> None:
    """Prints every article whose date or way moved since `baseline`, in context."""
    moved = sorted(i for i in before.keys() | now.keys() if before.get(i, [None])[:2] != now.get(i, [None])[:2])
    gone = [i for i in moved if i not in now]
    print(f"\nsince {baseline}: {len(moved)} moved: {len(gone)} undated now "
          f"({sum(in_range(before[i][0]) for i in gone)} of them in 2012–2019), "
          f"{sum(i not in before for i in moved)} dated only now, {len(moved) - len(gone) - sum(i not in before for i in moved)} changed")
    for article_id in moved:
        was = before.get(article_id)
        if article_id in now:
            print(f"  (was {f'{was[0]} [{was[1]}]' if was else 'no date'})\n" + show(*dated[article_id]))
        else:
            assert was is not None
            article, text = undated[article_id]
            print(f"- {article_id} no date now (was {was[0]} [{was[1]}])\n    title: {article.title}\n"
                  f"    day:   {sentence_at(text, was[2])}")


if __name__ == "__main__":
    raise SystemExit(main())
