"""The second readings of bench/labels/extraction-second-readings.jsonl are well formed, and the
agreement `python -m bench.label_agreement` prints counts what it says it counts."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.extraction import load_labels
from bench.label_agreement import SECOND, compare

KEYS = {"id", "reader", "kind", "organizers", "date", "date_note", "date_evidence", "event_type",
        "event_evidence", "people", "notes"}


@pytest.fixture(scope="module")
def readings():
    return load_labels(SECOND)


def test_every_second_reading_is_of_a_tune_row_by_two_readers(readings):
    first = {label["id"]: label for label in load_labels()}
    readers_of = Counter(row["id"] for row in readings)

    assert all(set(row) == KEYS for row in readings)
    assert all(first[row["id"]]["split"] == "tune" for row in readings)  # no holdout row was read
    assert set(readers_of.values()) == {2} and len(readers_of) >= 50


def test_second_readings_keep_offsets_never_article_text(readings):
    evidences = [o["evidence"] for row in readings for o in row["organizers"] + row["people"]]

    assert all(set(e) == {"field", "start", "end"} and e["start"] < e["end"] for e in evidences)


def test_two_readings_naming_one_body_alike_agree_and_a_missing_body_counts_once():
    first = {"organizers": [{"name": "Ủy ban nhân dân thành phố Hải Phòng"}, {"name": "Bộ Công Thương"}],
             "date": None, "event_type": "hội nghị"}
    second = {"organizers": [{"name": "Bộ Công Thương"}], "date": None, "event_type": "hội nghị"}

    counts = compare(first, second)

    assert (counts["gold"], counts["pred"], counts["exact"]) == (2, 1, 1)
    assert counts["same_date"] == counts["same_type"] == 1


def test_a_shorter_name_of_the_same_body_agrees_leniently_only():
    first = {"organizers": [{"name": "Ủy ban nhân dân thành phố Hải Phòng"}], "date": "2019-03-01", "event_type": None}
    second = {"organizers": [{"name": "thành phố Hải Phòng"}], "date": None, "event_type": None}

    counts = compare(first, second)

    assert (counts["exact"], counts["lenient"], counts["same_date"], counts["dated"]) == (0, 1, 0, 0)
