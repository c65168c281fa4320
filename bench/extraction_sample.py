"""Which VietNews articles were picked for labelling, by a fixed rule that does not favour easy ones.

    python -m bench.extraction_sample             # prints the ids of every round's rows, one a line
    python -m bench.extraction_sample --round 4   # only the rows of round 4 (the evening of 2026-12-02)
    python -m bench.extraction_sample --round 5   # only the rows of round 5 (the night of 2026-12-02)
    python -m bench.extraction_sample --round 8   # only the rows of round 8 (2026-12-03)
    python -m bench.extraction_sample --round 11  # only the rows of round 11 (2026-12-03, afternoon)

The blind check set (bench/labels/extraction-check.jsonl) took, for k = 0…54, the first article
from id 80000 + 450·k whose title, abstract or first body line names an organizing word, and for
k = 0…24 the first article from id 80225 + 1000·k. The 135 rows added to the development set on
2026-12-02 follow the same rule at other offsets (80150 and 80300 + 450·k, 80725 + 1000·k),
skipping ids either label file already holds, so they come from the same kind of news as the
check set and from none the rules were written on (ids below 80,000). Round 4 (135 rows, the
evening of 2026-12-02) took the rule at offsets 75 and 375 + 450·k and 475 + 1000·k, and round 5
(135 rows, the night of 2026-12-02) at 200 and 425 + 450·k and 100 + 1000·k, and round 8 (135
rows, 2026-12-03) at 25 and 250 + 450·k and 600 + 1000·k, and round 11 (135 rows, the
afternoon of 2026-12-03) at 125 and 350 + 450·k and 850 + 1000·k, each labelled blind while that round's
rules were written from other articles only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from collections.abc import Iterator

from bench.extraction import CHECK, TRAIN

ORGANIZING = re.compile(r"tổ chức|phối hợp|chủ trì|khai mạc|họp báo|hội nghị|hội thảo|xét xử|lễ|kỳ họp|phiên họp",
                        re.IGNORECASE)
FIRST_ID, STEP_EVENT, STEP_ANY = 80000, 450, 1000
EVENT_STEPS, ANY_STEPS = 55, 25
# Each labelling round by its number: the offsets of its event-word starts and of its any-article starts.
ROUNDS = {3: ((150, 300), 725), 4: ((75, 375), 475), 5: ((200, 425), 100), 8: ((25, 250), 600),
          11: ((125, 350), 850)}


def _number(article_id: str) -> int:
    return int(article_id.rsplit("-", 1)[1])


def _head(record: dict) -> str:
    first_line = (record.get("body") or "").split("\n")[0]
    return unicodedata.normalize("NFC", " ".join((record.get("title") or "", record.get("abstract") or "", first_line)))


def picked(records: dict[int, dict], taken: set[str]) -> Iterator[tuple[int, str]]:
    """(round, id) for each id the rule picks from `records` (by id number), round by round,
    never one of `taken` nor one an earlier round picked."""
    last = max(records)

    def first_from(start: int, needs_word: bool) -> str | None:
        for number in range(start, last + 1):
            record = records.get(number)
            if record and record["id"] not in taken and (not needs_word or ORGANIZING.search(_head(record))):
                return record["id"]
        return None

    for number, (event_offsets, any_offset) in ROUNDS.items():
        starts = [(FIRST_ID + offset + STEP_EVENT * k, True) for offset in event_offsets for k in range(EVENT_STEPS)]
        starts += [(FIRST_ID + any_offset + STEP_ANY * k, False) for k in range(ANY_STEPS)]
        for start, needs_word in starts:
            found = first_from(start, needs_word)
            if found is not None:
                taken.add(found)
                yield number, found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", type=int, choices=sorted(ROUNDS), help="only the ids of this round")
    args = parser.parse_args(argv)
    with CHECK.open(encoding="utf-8") as lines:
        taken = {json.loads(line)["id"] for line in lines if line.strip()}
    records = {}
    with gzip.open(TRAIN, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if _number(record["id"]) >= FIRST_ID:
                records[_number(record["id"])] = record
    for number, article_id in picked(records, taken):
        if args.round in (None, number):
            print(article_id)


if __name__ == "__main__":
    main()
