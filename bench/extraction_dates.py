"""The dates a whole corpus gets: the out-of-range ones with their context, and what a change did.

Part of `python -m bench.extraction`:

    python -m bench.extraction --no-labels --corpus train --dates-outside 40   # write rules from these
    python -m bench.extraction --no-labels --corpus val --dates-outside 40     # the final check
    python -m bench.extraction --no-labels --corpus val --dates-baseline /tmp/val-dates.json

`train` is ids below 60,000 of ../shared/data/vietnews-train.jsonl.gz not in either label file
(unlabelled news to write rules from); `val` is the 22,642 articles of the dev corpus, the final
measure. `--dates-baseline FILE` saves each article's date to FILE when it is absent, and
otherwise prints how the dates moved since it was saved: above all, how many dates inside the
corpus's years a change dropped (precision before coverage, but coverage is counted).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Collection, Iterator
from pathlib import Path

from indexer.ingest.articles import Article
from indexer.ingest.reading.jsonl import jsonl_lines, parse_line

YEARS = (2012, 2019)  # the corpus's years: a date outside them is most likely misread
# Train ids below this are unlabelled news to write rules from (the labels sit above and among them).
RULE_IDS = 60_000
CONTEXT = 160  # characters of text each side of a date shown
_TRAIN_ID = re.compile(rb'"id":\s*"vietnews-train-(\d+)"')


def in_range(date: str) -> bool:
    return YEARS[0] <= int(date[:4]) <= YEARS[1]


def corpus_articles(path: Path, *, skip: Collection[str] = (), below: int | None = None,
                    above: int = 0) -> Iterator[Article]:
    """The articles of a corpus read as `vnsearch index` reads them; with `below` (and `above`),
    only the (id-sorted) train records under that number (from `above` on), never the ids in `skip`."""
    for item in jsonl_lines(path, file_id=path.name):
        if not isinstance(item, tuple):
            print(f"  read failure: {item}")
            continue
        if below is not None:
            number = _TRAIN_ID.search(item[0][:80])
            if number and int(number.group(1)) >= below:
                return
            if number and int(number.group(1)) < above:
                continue
        article = parse_line(*item)
        if not isinstance(article, Article):
            print(f"  read failure: {article}")
        elif article.id not in skip:
            yield article


def date_context(article: Article) -> str:
    """Where the body writes the article's date, with CONTEXT characters each side, on one line."""
    assert article.date
    year, *rest = article.date.split("-")
    month, day = (int(p) for p in rest + ["0"] * (2 - len(rest)))
    if day:
        pattern = rf"(?<!\d)0?{day}[/.-]0?{month}(?!\d)|[Nn]gày\s+0?{day}\s+tháng\s+0?{month}(?!\d)"
    elif month:
        pattern = rf"[Tt]háng\s+0?{month}(?:/|\s+năm\s+){year}"
    else:
        pattern = rf"(?<!\d){year}(?!\d)"
    found = re.search(pattern, article.body)
    at = found.start() if found else 0
    text = article.body[max(0, at - CONTEXT) : at + CONTEXT].replace("\n", " ⏎ ")
    return ("…" if at > CONTEXT else "") + text + "…"


def dates_pass(articles: Iterator[Article], name: str, *, outside_shown: int, baseline: Path | None) -> None:
    """Prints the dated share, the share outside YEARS, `outside_shown` of those in context, and
    the moves since `baseline` (which is written when it does not exist)."""
    dates: dict[str, str | None] = {}
    sources: Counter = Counter()
    shown = 0
    for article in articles:
        dates[article.id] = article.date
        sources[article.date_source] += 1
        if article.date and not in_range(article.date) and shown < outside_shown:
            shown += 1
            print(f"- {article.id} {article.date}: {date_context(article)}")
    dated = [d for d in dates.values() if d]
    outside = sum(not in_range(d) for d in dated)
    print(f"\n{name}: {len(dates)} articles; dated {len(dated)} ({len(dated) / max(len(dates), 1):.3f}); "
          f"outside {YEARS[0]}–{YEARS[1]}: {outside} ({outside / max(len(dated), 1):.3f})")
    print("  date_source: " + ", ".join(f"{k}: {v}" for k, v in sources.most_common()))
    if baseline is None:
        return
    if not baseline.exists():
        baseline.write_text(json.dumps(dates, ensure_ascii=False), encoding="utf-8")
        print(f"  baseline saved to {baseline}")
        return
    print(f"  since {baseline}: " + moves(json.loads(baseline.read_text(encoding="utf-8")), dates))


def moves(before: dict[str, str | None], after: dict[str, str | None]) -> str:
    """How dates moved between two passes, by whether they were inside the corpus's years."""
    counts: Counter = Counter()
    for article_id, old in before.items():
        new = after.get(article_id)
        if old == new:
            continue
        if old and not new:
            counts["dropped in range" if in_range(old) else "dropped outside"] += 1
        elif new and not old:
            counts["added in range" if in_range(new) else "added outside"] += 1
        else:
            counts["changed"] += 1
    kinds = ("dropped in range", "dropped outside", "added in range", "added outside", "changed")
    return ", ".join(f"{k} {counts[k]}" for k in kinds) + f" (of {len(before.keys() & after.keys())} articles in both)"
