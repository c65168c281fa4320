"""A record with a date that is no real day is indexed without it, reported by line, and never
takes the index down: stats, searches and the API keep answering.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import client_for
from indexer.ingest.articles import Article
from indexer.index.build import build_index
from vnsearch.cli import main
from indexer.ingest.extraction import extract_metadata
from indexer.ingest.reading import read_pending
from indexer.search.handle import IndexHandle
from indexer.search.results import SearchRequest
from indexer.search.search import run_search
from indexer.search.stats import index_stats

BODY = "Sáng ngày 17/10/2022, tại Hà Nội, Bộ Tài chính tổ chức hội nghị tổng kết công tác năm."
GOOD = {"id": "tot", "title": "Hội thảo chính phủ số", "body": "Chiều ngày 5/3/2023, Bộ Nội vụ tổ chức hội thảo.",
        "date": "2023-03-05"}
BAD_DATES = ["2022-13", "2022-02-30", "0000-01-01", "2022-1", "2022-10-05T25:00", 20221005, ["2022"], {"y": 2022}]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize("bad", BAD_DATES, ids=repr)
def test_a_record_with_a_date_that_is_no_real_day_is_kept_without_it_and_the_index_answers(tmp_path, bad):
    source = write_jsonl(tmp_path / "tin.jsonl", [GOOD, {"id": "hoi-nghi", "title": "Hội nghị tổng kết",
                                                         "body": BODY, "date": bad, "published": bad}])

    summary = build_index(read_pending([source]), tmp_path / "index", jobs=1)

    assert summary.added == 2 and summary.failures == []
    assert {(w.line, w.reason.split(":")[0]) for w in summary.warnings} == {(2, "date left out"),
                                                                              (2, "published left out")}
    page = run_search(IndexHandle(tmp_path / "index"), SearchRequest(q="hội nghị tổng kết"))
    assert [hit.id for hit in page.hits] == ["hoi-nghi"]
    assert page.hits[0].date in (None, "2022-10-17")  # the text's own date, or none: never the bad one
    assert index_stats(tmp_path / "index")["documents"] == 2


def test_the_index_report_names_the_line_and_why_its_date_was_left_out(tmp_path, capsys):
    source = write_jsonl(tmp_path / "tin.jsonl", [GOOD, {"id": "x", "title": "Hội nghị", "body": BODY,
                                                         "date": "2022-13"}])
    report = tmp_path / "report.json"

    status = main(["index", str(source), "--index", str(tmp_path / "index"), "--report", str(report)])

    printed = capsys.readouterr().out
    assert status == 0
    assert "2 added" in printed and "0 failed, 1 with fields left out" in printed
    assert f"warning: {source}:2: date left out: '2022-13' is not an ISO 8601 date" in printed
    recorded = json.loads(report.read_text(encoding="utf-8"))
    assert recorded["warnings"] == [{"path": str(source), "line": 2, "reason": recorded["warnings"][0]["reason"]}]


def test_a_rerun_over_the_same_bad_record_reports_it_again_and_changes_nothing(tmp_path, capsys):
    source = write_jsonl(tmp_path / "tin.jsonl", [{"id": "x", "title": "Hội nghị", "body": BODY, "date": "2022-13"}])
    main(["index", str(source), "--index", str(tmp_path / "index")])
    capsys.readouterr()

    status = main(["index", str(source), "--index", str(tmp_path / "index")])

    printed = capsys.readouterr().out
    assert status == 0 and "1 unchanged" in printed and "date left out" in printed


def test_an_index_holding_a_month_13_from_before_dates_were_checked_still_answers(tmp_path):
    build_index([Article(id="cu", title="Hội nghị tổng kết", body=BODY, date="2022-13"),
                 Article(id="cu-2", title="Hội nghị cán bộ", body=BODY, date="0000-01-01")], tmp_path, jobs=1)

    page = run_search(IndexHandle(tmp_path), SearchRequest(q="hội nghị"))
    stats = index_stats(tmp_path)
    answer = client_for(tmp_path).get("/api/v1/search", query_string={"q": "hội nghị", "date_from": "2022"})

    assert page.total == 2
    assert stats["date_range"] == [None, None]
    assert answer.status_code == 200 and answer.json["total"] == 0  # undated: outside any date range


def test_a_value_error_outside_the_index_files_is_not_called_index_damage(small_index, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug, not a damaged index")

    monkeypatch.setattr("indexer.search.search.snippet", broken)

    with pytest.raises(ValueError, match="a bug"):
        run_search(IndexHandle(small_index), SearchRequest(q="hội thảo"))


def test_page_metadata_dates_that_are_no_real_day_are_left_out():
    found = extract_metadata("Sáng ngày 17/10/2022, Bộ Tài chính tổ chức hội nghị tổng kết.",
                             title="Hội nghị tổng kết", html_meta={"date": "2022-13-01", "published": "2022-02-30T10:00"})

    assert found.published is None
    assert found.date == "2022-10-17"


# Any JSON value where a date goes: strings that look like dates and are not, numbers, lists, objects.
_date_like = st.builds(lambda y, m, d: f"{y:04d}-{m:02d}" + (f"-{d:02d}" if d is not None else ""),
                       st.integers(0, 9999), st.integers(0, 99), st.none() | st.integers(0, 99))
_json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                        max_size=3), max_leaves=5)
_dates = st.one_of(_date_like, _date_like, st.text(max_size=30), _json_value)


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(dates=st.lists(st.tuples(_dates, _dates), min_size=1, max_size=3))
def test_generated_records_with_any_date_never_stop_stats_search_the_api_or_the_page(dates):
    records = [{"id": f"tin-{n}", "title": "Hội nghị tổng kết", "body": BODY, "date": d, "published": p}
               for n, (d, p) in enumerate(dates)]
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        source = write_jsonl(Path(tmp) / "tin.jsonl", records)

        summary = build_index(read_pending([source]), index_dir, jobs=1)

        assert summary.added == len(records) and summary.failures == []
        assert main(["stats", "--index", str(index_dir), "--json"]) == 0
        assert index_stats(index_dir)["documents"] == len(records)
        assert run_search(IndexHandle(index_dir), SearchRequest(q="hội nghị")).total >= 1  # same texts: folded together
        client = client_for(index_dir)
        for query in ({"q": "hội nghị"}, {"date_from": "2022", "sort": "newest"}, {}):
            assert client.get("/api/v1/search", query_string=query).status_code == 200
            assert client.get("/", query_string=query).status_code == 200  # the page browses too
