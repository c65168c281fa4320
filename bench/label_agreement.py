"""How far two readers of the same articles agree, beside how far the extractor agrees with each.

    python -m bench.label_agreement

`bench/labels/extraction-second-readings.jsonl` holds a second, independent reading of 60 tune
rows of the development set (48 event, 12 ordinary, drawn at random): two readers for each half,
who followed docs/labelling-brief.md and saw neither the first labels, nor each other's, nor the
extractor. Each row is a label row of the development set's format with a `reader` field. The
organizer, date and event-type figures of `bench.extraction` are printed for each pair of
readings (one taken as gold, the other as predicted: F1 and agreement are symmetric), and for
the extractor against each reading, on the same rows: what a target like "organizer F1 ≥ 0.92"
means beside the agreement of people reading the same text.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from bench.extraction import LABELS, TRAIN, extract, label_event_type, load_labels, match_organizers, read_records
from indexer.ingest.articles import Organizer

SECOND = Path(__file__).parent / "labels" / "extraction-second-readings.jsonl"
FIRST = "first"
EXTRACTOR = "extractor"


def reading_of_article(article) -> dict:
    """The extractor's output in the shape of a label row."""
    return {"organizers": [{"name": o.name} for o in article.organizers], "date": article.date,
            "event_type": label_event_type(article.event_type)}


def compare(gold: dict, other: dict) -> Counter:
    """The counts of one article: `other`'s organizers, date and event type against `gold`'s."""
    predicted = [Organizer(name=o["name"]) for o in other["organizers"]]
    exact, lenient = match_organizers(predicted, gold["organizers"])
    return Counter(
        articles=1, gold=len(gold["organizers"]), pred=len(predicted), exact=len(exact),
        lenient=len(exact) + len(lenient), same_date=gold["date"] == other["date"],
        dated=bool(other["date"]), dated_right=bool(other["date"]) and gold["date"] == other["date"],
        same_type=gold["event_type"] == other["event_type"],
    )


def figures(c: Counter) -> list[str]:
    def f1(hits: int) -> str:
        return f"{2 * hits / (c['gold'] + c['pred']):.3f}" if c["gold"] + c["pred"] else "n/a"

    dated = f"{c['dated_right']}/{c['dated']}" if c["dated"] else "0/0"
    return [str(c["articles"]), f"{c['gold']}/{c['pred']}", f1(c["exact"]), f1(c["lenient"]),
            f"{c['same_date'] / c['articles']:.3f}", dated, f"{c['same_type'] / c['articles']:.3f}"]


def main() -> int:
    if not TRAIN.exists() or not SECOND.exists():
        print(f"skipped: {TRAIN if not TRAIN.exists() else SECOND} is absent")
        return 0
    first = {row["id"]: row for row in load_labels(LABELS)}
    readings: dict[str, dict[str, dict]] = defaultdict(dict)  # id -> reader -> row
    for row in load_labels(SECOND):
        readings[row["id"]][row["reader"]] = row
        readings[row["id"]][FIRST] = first[row["id"]]
    records = read_records(TRAIN, readings)
    for article_id, record in records.items():
        readings[article_id][EXTRACTOR] = reading_of_article(extract(record)[0])
    pairs: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for by_reader in readings.values():
        readers = sorted(r for r in by_reader if r not in (FIRST, EXTRACTOR))
        for a, b in [(FIRST, r) for r in readers] + list(combinations(readers, 2)):
            pairs[("readers", "first vs second" if a == FIRST else "second vs second")] += compare(by_reader[a], by_reader[b])
        for reader in [FIRST] + readers:
            side = "first reading" if reader == FIRST else "second readings"
            pairs[(EXTRACTOR, side)] += compare(by_reader[reader], by_reader[EXTRACTOR])
    header = ["pair", "articles", "orgs gold/pred", "exact F1", "lenient F1", "same date", "dates right", "same type"]
    rows = [[f"{who}: {what}"] + figures(c) for (who, what), c in sorted(pairs.items(), key=lambda kv: kv[0][0] != "readers")]
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    print(f"{SECOND.name}: {len(readings)} articles read twice or three times\n")
    for row in [header] + rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)))
    print("\n'dates right': of the dates the second side gives, those equal to the first side's.")
    print("Readers' rows count once for each pair of readings; the extractor's once for each reading.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
