"""Organizer values on unlabelled news, each beside the sentence that gave it, to be judged by eye.

    python -m bench.organizer_precision --read 60               # 60 values of the fixed sample
    python -m bench.organizer_precision --read 60 --seed 15     # a fresh 60 (another draw)

Precision cannot be counted without labels, and the labelled rows are too few to write rules
from (docs/extraction.md, round 5): this draws a fixed random sample (SEED) of ARTICLES train
articles below id 80,000 that neither label file holds (all of them, not only event-like
ones), reads each as `vnsearch index` reads it, and prints a random sample of the organizer
values found, each with the article's title and the first sentences of the lead (or of the
paragraphs after it) that name the value: the one that gave it is among them. The reader judges each value by
docs/labelling-brief.md: an organizer, co-organizer or host of the reported event, named in full.
`--seed` draws other articles (a fresh sample to judge a change on); the same seed draws the
same values as long as the extraction gives the same ones.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random

from bench.organizer_coverage import BELOW, TRAIN, _labelled, _number, read
from indexer.ingest.articles import Article, Organizer
from indexer.ingest.extraction import FOLLOWING_PARAGRAPHS, read_lead
from indexer.ingest.extraction.bodies import find_mentions
from indexer.ingest.extraction.name_grammar import Mention
from indexer.ingest.extraction.text import Token, keys_of, paragraphs, sentences, tokenize

ARTICLES, SEED = 3_000, 14


def draw(seed: int, count: int = ARTICLES) -> list[dict]:
    """`count` unlabelled train records below BELOW, drawn at random with `seed`, in id order."""
    skip, records = _labelled(), []
    with gzip.open(TRAIN, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if _number(record["id"]) >= BELOW:
                break
            if record["id"] not in skip:
                records.append(record)
    chosen = random.Random(seed).sample(range(len(records)), min(count, len(records)))
    return [records[k] for k in sorted(chosen)]


def read_text(article: Article) -> str:
    """The text the organizer rules read: the lead and the paragraphs after it."""
    lead = read_lead(article.body)
    body = paragraphs(article.body)
    shown = len(lead.split("\n"))
    return "\n".join([lead, *body[shown : shown + FOLLOWING_PARAGRAPHS]])


def clauses_of(text: str, organizer: Organizer, shown: int = 2) -> list[str]:
    """The first `shown` sentences of the text naming the value (a body the extractor finds there
    whose name or words match it, tone style and case aside)."""
    tokens = tokenize(text)
    wanted = {keys_of(organizer.name)} | ({keys_of(organizer.alias)} if organizer.alias else set())
    starts = {m.start for m in find_mentions(tokens, text, None) if _names(text, tokens, m, wanted)}
    found: list[str] = []
    for start, end in sentences(text):
        if any(start <= tokens[k].start < end for k in starts):
            found.append(text[start:end].strip()[:400])
        if len(found) == shown:
            break
    return found or ["(its words stand nowhere in the lead: a name the text gives in other words)"]


def _names(text: str, tokens: list[Token], mention: Mention, wanted: set[tuple[str, ...]]) -> bool:
    """Whether the mention is the value: its name, its words, or its name before the place the
    sentence added ("Thành uỷ" of "Thành uỷ Hà Nội")."""
    name, written = keys_of(mention.name), keys_of(text[tokens[mention.start].start : tokens[mention.end - 1].end])
    return bool({name, written} & wanted) or any(len(name) > 1 and keys[: len(name)] == name for keys in wanted)


def values(records: list[dict]) -> list[tuple[str, str, Organizer, list[str]]]:
    """Every organizer value of the records: (id, title, organizer, the sentences naming it)."""
    found = []
    for record in records:
        article = read(record)
        text = read_text(article)
        for organizer in article.organizers:
            found.append((record["id"], record.get("title") or "", organizer, clauses_of(text, organizer)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--read", type=int, default=60, help="how many values to print")
    parser.add_argument("--seed", type=int, default=SEED, help="which articles to draw")
    parser.add_argument("--articles", type=int, default=ARTICLES)
    args = parser.parse_args(argv)
    if not TRAIN.exists():
        print(f"skipped: {TRAIN} is absent")
        return 0
    records = draw(args.seed, args.articles)
    found = values(records)
    given = len({article_id for article_id, *_ in found})
    print(f"{len(records)} unlabelled articles (seed {args.seed}): {given} given an organizer, {len(found)} values")
    for k, (article_id, title, organizer, clauses) in enumerate(
            random.Random(args.seed).sample(found, min(args.read, len(found))), 1):
        print(f"\n{k}. {article_id}  {title[:120]}\n   = {organizer.name}"
              f"{f'  (parent {organizer.parent})' if organizer.parent else ''}  [as written: {organizer.alias}]"
              + "".join(f"\n   | {clause}" for clause in clauses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
