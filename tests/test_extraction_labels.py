"""The hand labels of bench/labels/extraction-dev.jsonl are well formed, and the benchmark's
matching helpers behave as `python -m bench.extraction` relies on.

The checks of evidence offsets read the labelled articles out of
../shared/data/vietnews-train.jsonl.gz once (a few seconds) and skip when it is absent.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter

import pytest

from bench.extraction import CHECK, TRAIN, load_labels, match_organizers, new_style, read_records, split_of
from bench.extraction_sample import FIRST_ID, picked
from indexer.ingest.articles import Organizer

KEYS = {"id", "split", "kind", "organizers", "date", "date_note", "date_evidence", "event_type",
        "event_evidence", "people", "notes"}
# The event types the labelling instructions allow.
EVENT_TYPES = {"hội nghị", "hội thảo", "họp báo", "tọa đàm", "diễn đàn", "lễ", "lễ ký kết", "tập huấn",
               "lớp bồi dưỡng", "cuộc thi", "phiên họp", "triển lãm", "hội chợ", "giải đấu", "phiên tòa",
               "chiến dịch"}
ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

needs_corpus = pytest.mark.skipif(not TRAIN.exists(), reason=f"{TRAIN} is absent (../shared/data)")


@pytest.fixture(scope="module")
def labels():
    return load_labels()


@pytest.fixture(scope="module")
def articles(labels):
    return read_records(TRAIN, (label["id"] for label in labels))


def _evidences(label):
    for item in label["organizers"] + label["people"]:
        yield item["evidence"]
    yield from (e for e in (label["date_evidence"], label["event_evidence"]) if e is not None)


def test_every_label_has_the_keys_and_the_split_its_id_draws(labels):
    assert all(set(label) == KEYS for label in labels)
    assert all(label["split"] == split_of(label["id"]) for label in labels)


def test_labels_are_sorted_by_id_each_id_once(labels):
    ids = [label["id"] for label in labels]

    assert ids == sorted(set(ids))


def test_the_set_is_large_enough_to_judge_organizers_dates_and_both_splits(labels):
    splits = Counter(label["split"] for label in labels)

    assert len(labels) >= 200
    assert sum(bool(label["organizers"]) for label in labels) >= 40
    assert sum(len(label["organizers"]) for label in labels) >= 50
    assert sum(bool(label["date"]) for label in labels) >= 10
    assert splits["tune"] >= 140 and splits["holdout"] >= 50


def test_values_come_from_the_label_vocabulary(labels):
    organizers = [o for label in labels for o in label["organizers"]]

    assert {label["kind"] for label in labels} <= {"event", "ordinary"}
    assert {label["event_type"] for label in labels} <= EVENT_TYPES | {None}
    assert all(label["date"] is None or ISO.fullmatch(label["date"]) for label in labels)
    assert {o["role"] for o in organizers} <= {"organizer", "co-organizer", "host"}
    # A name as written, not a passage: the longest so far is a unit with its university (87 characters).
    assert all(o["name"].strip() and len(o["as_written"]) < 100 for o in organizers)


def test_labels_keep_offsets_never_article_text(labels):
    evidences = [e for label in labels for e in _evidences(label)]

    assert all(set(e) == {"field", "start", "end"} for e in evidences)
    assert {e["field"] for e in evidences} <= {"title", "abstract", "body"}


@needs_corpus
def test_every_labelled_article_is_in_the_corpus(labels, articles):
    assert set(articles) == {label["id"] for label in labels}


@needs_corpus
def test_every_evidence_lies_within_its_field_on_word_boundaries(labels, articles):
    # Offsets index the field as stored (partly decomposed in a few articles): offsets into
    # the NFC form would cut words there, which this check catches.
    def cuts_a_word(text, at):
        inside = 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()
        return inside or (at < len(text) and unicodedata.combining(text[at]) > 0)

    for label in labels:
        for e in _evidences(label):
            text = articles[label["id"]].get(e["field"]) or ""
            assert 0 <= e["start"] < e["end"] <= len(text), (label["id"], e)
            assert not cuts_a_word(text, e["start"]) and not cuts_a_word(text, e["end"]), (label["id"], e)


def test_a_name_without_its_place_matches_leniently_not_exactly():
    gold = [{"name": "Sở Giáo dục và Đào tạo thành phố Đà Nẵng"}]

    exact, lenient = match_organizers([Organizer("Sở Giáo dục và Đào tạo")], gold)

    assert (len(exact), len(lenient)) == (0, 1)
    assert len(match_organizers([Organizer("Sở Giáo Dục và Đào tạo Thành phố Đà Nẵng")], gold)[0]) == 1


def test_old_tone_placement_is_told_apart_from_an_i_y_spelling():
    assert new_style("Ủy ban nhân dân tỉnh Hòa Bình") == "Uỷ ban nhân dân tỉnh Hoà Bình"
    assert new_style("Đại sứ quán Hoa Kỳ") == "Đại sứ quán Hoa Kỳ"
    assert new_style("Báo VnExpress") == "Báo VnExpress"



@needs_corpus
def test_the_rows_labelled_from_id_80000_are_the_ones_the_fixed_sampling_rule_picks(labels):
    """Nobody chose the newer rows by how the extractor does on them: the rule picks them all."""
    records = {}
    with gzip.open(TRAIN, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            number = int(record["id"].rsplit("-", 1)[1])
            if number >= FIRST_ID:
                records[number] = record
    check_ids = {label["id"] for label in load_labels(CHECK)}
    newer = {label["id"] for label in labels if int(label["id"].rsplit("-", 1)[1]) >= FIRST_ID}
    assert {article_id for _, article_id in picked(records, set(check_ids))} == newer
    assert not newer & check_ids
