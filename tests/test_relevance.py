"""Ranking quality on real judged questions (ViMedAQA_v2), beside plain BM25 and SQLite FTS5.

The slow checks index the whole ViMedAQA_v2 corpus (1,000 passages) three ways and ask
its first SAMPLE questions through `run_search`; `python -m bench.relevance` prints the
full figures on every set. The fast checks pin down the benchmark's own helpers.
"""

from __future__ import annotations

import unicodedata

import pytest

from bench.common import IR_DEV, load_set, mean_scores, query_scores, strip_diacritics, swap_tone_style, to_nfd
from bench.relevance import (FORM_TOLERANCE, MARGIN_OVER_BASELINE, UNACCENTED_RATIO, evaluate,
                             rankers_for)

SET = "ViMedAQA_v2"
SAMPLE = 300

needs_data = pytest.mark.skipif(not (IR_DEV / SET).is_dir(), reason=f"../shared/data/ir-dev/{SET} is absent")


@pytest.fixture(scope="module")
def dataset():
    return load_set(SET, limit_queries=SAMPLE)


@pytest.fixture(scope="module")
def rankers(dataset, tmp_path_factory):
    return rankers_for(dataset, jobs=2, root=tmp_path_factory.mktemp("relevance"))


@pytest.fixture(scope="module")
def written(dataset, rankers):
    """Our ranked ids per query, as written."""
    return {qid: rankers["ours"](text) for qid, text in dataset.queries.items()}


def _ndcg(rank, dataset, variant=lambda text: text) -> float:
    return evaluate(rank, dataset, variant)[0]["nDCG@10"]


def _ndcg_of(ranked: dict[str, list[str]], dataset) -> float:
    return mean_scores([query_scores(ranked[qid], dataset.qrels[qid]) for qid in dataset.queries])["nDCG@10"]


def test_targets_are_checked_only_when_ours_was_measured():
    from bench.relevance import SystemResult, target_checks

    baseline = SystemResult("plain BM25", means={"as written": {"nDCG@10": 0.86}})
    ours = SystemResult("ours", means={"as written": {"nDCG@10": 0.88}, "no diacritics": {"nDCG@10": 0.86}})

    assert target_checks([baseline]) == []
    assert [(what, met) for what, _, _, met in target_checks([ours, baseline])] == [
        ("as written ≥ best baseline + 0.01", True), ("no diacritics ≥ 0.97 × as written", True)]


def test_tone_swap_moves_the_tone_between_old_and_new_placement():
    assert swap_tone_style("Hòa bình, thủy lợi, khỏe mạnh") == "Hoà bình, thuỷ lợi, khoẻ mạnh"
    assert swap_tone_style("Hoà bình, thuỷ lợi, khoẻ mạnh") == "Hòa bình, thủy lợi, khỏe mạnh"


def test_tone_swap_leaves_syllables_with_one_placement_alone():
    assert swap_tone_style("hoàng quý thuở người HOÀNG") == "hoàng quý thuở người HOÀNG"


def test_query_variants_differ_from_the_query_only_in_spelling():
    text = "Đau đầu khi thay đổi thời tiết có nguy hiểm không?"

    assert strip_diacritics(text) == "Dau dau khi thay doi thoi tiet co nguy hiem khong?"
    assert to_nfd(text) != text and unicodedata.normalize("NFC", to_nfd(text)) == text


def test_metrics_reward_the_relevant_passage_by_its_rank():
    scores = query_scores(["d7", "d3", "d1"], {"d3": 1})

    assert scores == {"P@1": 0.0, "R@10": 1.0, "MRR@10": 0.5, "nDCG@10": pytest.approx(0.6309, abs=1e-4)}


@pytest.mark.slow
@needs_data
def test_accented_questions_rank_above_plain_bm25_and_fts5(dataset, rankers, written):
    ours = _ndcg_of(written, dataset)
    best_baseline = max(_ndcg(rankers["plain BM25"], dataset), _ndcg(rankers["FTS5"], dataset))

    assert ours >= best_baseline + MARGIN_OVER_BASELINE


@pytest.mark.slow
@needs_data
def test_unaccented_questions_keep_almost_all_of_the_accented_ranking_quality(dataset, rankers, written):
    accented = _ndcg_of(written, dataset)
    unaccented = _ndcg(rankers["ours"], dataset, strip_diacritics)

    assert unaccented >= UNACCENTED_RATIO * accented


@pytest.mark.slow
@needs_data
def test_decomposed_questions_rank_exactly_as_composed_ones(dataset, rankers, written):
    decomposed = {qid: rankers["ours"](to_nfd(text)) for qid, text in dataset.queries.items()}

    assert [qid for qid in dataset.queries if decomposed[qid] != written[qid]] == []
    assert abs(_ndcg_of(decomposed, dataset) - _ndcg_of(written, dataset)) <= FORM_TOLERANCE


@pytest.mark.slow
@needs_data
def test_questions_in_the_other_tone_style_rank_exactly_as_written(dataset, rankers, written):
    swapped = {qid: swap_tone_style(text) for qid, text in dataset.queries.items()}
    changed = [qid for qid, text in swapped.items() if text != dataset.queries[qid]]

    differing = [qid for qid in changed if rankers["ours"](swapped[qid]) != written[qid]]

    assert len(changed) >= 10  # the sample does exercise the swap
    assert differing == []
