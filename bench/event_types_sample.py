"""Event types over a fixed sample of unlabelled news: what a rule changes on articles nobody tuned on.

    python -m bench.event_types_sample --baseline /tmp/event-types.json   # save once, then compare
    python -m bench.event_types_sample --baseline FILE --show-changes 30  # read 30 changed articles
    python -m bench.event_types_sample --read typed 60                    # read typed articles
    python -m bench.event_types_sample --read untyped 30                  # untyped ones that look like events

The sample is every train article whose id number is below 80,000 and leaves SAMPLE_REMAINDER
divided by SAMPLE_STEP (about 5,000), skipping the ids either label file holds: news the rules may
be written from (docs/extraction.md, round 4). The figures say how many articles get a type, of
which kind, and from where: the title, the lead's first sentence or later in the lead, and
whether the clause of the event word is one the lead does not report (a plan, a past event, a
setting or a purpose). `--baseline FILE` saves every article's type the first time and afterwards
prints the saved figures beside today's and what moved, so a change is judged by what it changes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections import Counter
from pathlib import Path

from bench.extraction import CHECK, LABELS, TRAIN, load_labels
from bench.extraction_sample import ORGANIZING
from indexer.ingest.articles import Article
from indexer.ingest.extraction import read_lead
from indexer.ingest.extraction.events import reported_event
from indexer.ingest.reading.jsonl import parse_line

BELOW, SAMPLE_STEP, SAMPLE_REMAINDER = 80_000, 16, 9
SEED = 14
_ID = re.compile(rb'"id":\s*"vietnews-train-(\d+)"')
_SENTENCE_END = re.compile(r"[.!?\n]")
# Words of the clause (or the sentence before the event word) that set it apart from the report.
CLAUSE_KINDS = (
    ("future", re.compile(r"\b(?:sẽ|dự kiến|sắp|chuẩn bị|kế hoạch|tới đây)\b")),
    ("past", re.compile(r"\b(?:từng|trước đó|năm ngoái|năm trước|hồi|đã diễn ra hồi)\b")),
    ("subordinate", re.compile(r"(?:^|[,.;:] ?)\s*(?:khi|sau khi|trước khi|nếu|trong khi|để|nhằm|theo)\b", re.I)),
    ("setting", re.compile(r"(?:^|[,.;:] ?)\s*(?:tại|trong|nhân|bên lề)\b", re.I)),
)


def sample_articles() -> list[Article]:
    """The fixed sample, read as `vnsearch index` reads it."""
    labelled = {row["id"] for path in (LABELS, CHECK) for row in load_labels(path)}
    articles = []
    with gzip.open(TRAIN, "rb") as lines:
        for number, line in enumerate(lines, 1):
            found = _ID.search(line[:80])
            if not found:
                continue
            value = int(found.group(1))
            if value >= BELOW:
                break
            if value % SAMPLE_STEP != SAMPLE_REMAINDER:
                continue
            article = parse_line(line, TRAIN, TRAIN.name, number)
            if isinstance(article, Article) and article.id not in labelled:
                articles.append(article)
    return articles


def reading(article: Article) -> dict:
    """The type, where it was read, and the flags of its clause."""
    title = None if article.title_built else article.title
    lead = read_lead(article.body)
    found = reported_event(title, lead)
    if found is None:
        return {"type": None}
    kind, field, start, end = found
    text = title if field == "title" else lead
    assert text is not None
    first_end = _SENTENCE_END.search(lead)
    where = field if field == "title" else (
        "lead, first sentence" if first_end is None or start < first_end.start() else "lead, later")
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    clause_end = next((m.start() for m in re.finditer(r"[,.;:!?\n]", text[end:])), len(text) - end) + end
    clause = text[sentence_start:clause_end]
    flags = [name for name, pattern in CLAUSE_KINDS if pattern.search(clause)]
    return {"type": kind, "where": where, "flags": flags, "evidence": text[max(0, start - 60) : end + 60]}


def figures(readings: dict[str, dict]) -> Counter:
    counts: Counter = Counter(articles=len(readings))
    for item in readings.values():
        if item["type"] is None:
            continue
        counts["typed"] += 1
        counts[f"type {item['type']}"] += 1
        counts[f"from {item['where']}"] += 1
        for flag in item["flags"]:
            counts[f"clause {flag}"] += 1
        if not item["flags"]:
            counts["clause plain"] += 1
    return counts


def print_figures(after: Counter, before: Counter | None) -> None:
    keys = sorted(set(after) | set(before or ()), key=lambda k: (not k.startswith(("articles", "typed")),
                                                               k.split(" ")[0], -after.get(k, 0)))
    print(f"{'':32} {'before':>8} {'after':>8}")
    for key in keys:
        print(f"{key:32} {(before or {}).get(key, '-'):>8} {after.get(key, 0):>8}")


def show(article: Article, item: dict, before: dict | None = None) -> None:
    lead = read_lead(article.body).replace("\n", " / ")
    moved = f"{before['type']} -> " if before is not None else ""
    print(f"\n== {article.id}  {moved}{item['type']}  {item.get('where', '')} {item.get('flags', '')}")
    print(f"   T: {article.title}")
    print(f"   L: {lead[:700]}")
    if item.get("evidence"):
        print(f"   E: ...{item['evidence']}...")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", type=Path, help="save types here once; afterwards compare with them")
    parser.add_argument("--show-changes", type=int, default=0, metavar="N", help="print N random changed articles")
    parser.add_argument("--read", choices=("typed", "untyped"), help="print a random sample of typed or of "
                        "untyped event-looking articles")
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--seed", type=int, default=SEED, help="which random sample --read and --show-changes print")
    args = parser.parse_args()
    articles = sample_articles()
    by_id = {a.id: a for a in articles}
    readings = {a.id: reading(a) for a in articles}
    saved = json.loads(args.baseline.read_text()) if args.baseline and args.baseline.exists() else None
    print_figures(figures(readings), figures(saved) if saved else None)
    if args.baseline and saved is None:
        args.baseline.write_text(json.dumps(readings, ensure_ascii=False))
        print(f"saved {len(readings)} readings to {args.baseline}")
    if saved:
        changed = [i for i in readings if i in saved and saved[i]["type"] != readings[i]["type"]]
        moves = Counter(f"{saved[i]['type']} -> {readings[i]['type']}" for i in changed)
        print(f"\nchanged: {len(changed)} of {len(readings)}")
        for move, n in moves.most_common():
            print(f"  {n:4}  {move}")
        for i in random.Random(args.seed).sample(changed, min(args.show_changes, len(changed))):
            show(by_id[i], readings[i], saved[i])
    rng = random.Random(args.seed)
    if args.read == "typed":
        pool = [i for i in readings if readings[i]["type"]]
    elif args.read == "untyped":
        pool = [i for i in readings if not readings[i]["type"]
                and ORGANIZING.search(f"{by_id[i].title} {read_lead(by_id[i].body).split(chr(10))[0]}")]
    else:
        pool = []
    for i in rng.sample(pool, min(args.count, len(pool))):
        show(by_id[i], readings[i])


if __name__ == "__main__":
    main()
