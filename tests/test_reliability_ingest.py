"""No file, record or failure sinks an indexing run, and a failed run cleans up and ends in bounded
time: gzip bombs, millions of bad lines, lone surrogates, symlink loops, file names that are not
UTF-8, a worker that dies and an index directory removed midway. Real files, real indexes.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from reliability_helpers import ROOT, generated_record, write_jsonl

from vnsearch import cli
from indexer.ingest.articles import Article
from indexer.index.build import build_index
from indexer.search.handle import IndexHandle
from indexer.search.results import SearchRequest
from indexer.search.search import run_search
from indexer.index.summary import KEPT

RUN_TIMEOUT_S = 120


def _index(*args: str) -> tuple[int, str, str]:
    """`vnsearch index ARGS --jobs 1` in this process: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(["index", *args, "--jobs", "1"])
    return status, out.getvalue(), err.getvalue()


def _total(index_dir: Path, q: str) -> int:
    return run_search(IndexHandle(index_dir), SearchRequest(q=q)).total


def _write_gzip_bomb(path: Path, compressed_bytes: int) -> None:
    """A gzip file of zeros without a newline, about 1,000× its size once inflated."""
    member = gzip.compress(b"\0" * (10 << 20), compresslevel=9)
    with path.open("wb") as stream:
        for _ in range(compressed_bytes // len(member) + 1):
            stream.write(member)


@pytest.mark.parametrize("megabytes", [1, pytest.param(10, marks=pytest.mark.slow)], ids=["1 MB", "10 MB"])
def test_a_gzip_bomb_is_reported_with_its_file_and_reason_and_the_other_files_are_indexed(tmp_path, megabytes):
    corpus, index_dir, report = tmp_path / "corpus", tmp_path / "index", tmp_path / "report.json"
    write_jsonl(corpus / "tin.jsonl", [generated_record(n, "khánh thành") for n in range(3)])
    _write_gzip_bomb(corpus / "bom.jsonl.gz", megabytes << 20)  # 10 MB would inflate to 10 GB

    status, out, err = _index(str(corpus), "--index", str(index_dir), "--report", str(report))

    assert status == cli.EXIT_FAILURES, err
    assert "3 added" in out and "1 failed" in out
    failure, = json.loads(report.read_text(encoding="utf-8"))["failures"]
    assert failure["path"].endswith("bom.jsonl.gz") and failure["reason"].startswith("decompression stopped")
    assert _total(index_dir, "khánh thành") == 3


def test_a_small_gzip_that_inflates_far_but_under_20_mb_is_read_whole(tmp_path):
    record = {"id": "dai", "title": "Hội nghị tổng kết", "body": "Hội nghị tổng kết công tác năm.\n" * 5_000}
    source = tmp_path / "dai.jsonl.gz"
    source.write_bytes(gzip.compress(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"))
    assert source.stat().st_size * 100 < len(record["body"])  # over 100×, but 170 KB in all

    status, out, err = _index(str(source), "--index", str(tmp_path / "index"))

    assert status == cli.EXIT_OK, out + err
    assert _total(tmp_path / "index", "tổng kết") == 1


def test_every_failure_of_a_file_of_bad_lines_is_in_the_report_and_the_summary_holds_the_first_thousand(tmp_path):
    corpus, report = tmp_path / "corpus", tmp_path / "report.json"
    corpus.mkdir()
    bad = KEPT + 500
    (corpus / "hong.jsonl").write_text("{khong phai JSON\n" * bad + json.dumps(generated_record(1)) + "\n",
                                       encoding="utf-8")

    status, out, _ = _index(str(corpus), "--index", str(tmp_path / "index"), "--report", str(report))

    recorded = json.loads(report.read_text(encoding="utf-8"))
    assert status == cli.EXIT_FAILURES
    assert recorded["failed"] == bad and len(recorded["failures"]) == bad and recorded["added"] == 1
    assert [f["line"] for f in recorded["failures"]] == list(range(1, bad + 1))
    assert f"{bad} failed" in out and out.count("  failed: ") == KEPT + 1  # and the line that counts the rest
    assert "failed: … and 500 more not shown" in out


def _peak_rss_mb_of_indexing(corpus: Path, index_dir: Path, report: Path) -> float:
    """Peak memory of a real `python -m vnsearch index` over `corpus`, in MB."""
    code = textwrap.dedent(f"""
        import resource, sys
        from vnsearch.cli import main
        status = main(["index", {str(corpus)!r}, "--index", {str(index_dir)!r}, "--report", {str(report)!r}])
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
        sys.exit(status)
    """)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=RUN_TIMEOUT_S * 3)
    assert result.returncode == cli.EXIT_FAILURES, result.stderr[-2000:]
    return int(result.stderr.strip().splitlines()[-1]) / 1024


@pytest.mark.slow
def test_the_memory_of_a_run_does_not_grow_with_its_failures(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hong.jsonl").write_text('{"id": "x", "title": "Tin", "body": ""}\n' * 200_000, encoding="utf-8")
    baseline = tmp_path / "baseline"
    baseline.mkdir()
    (baseline / "hong.jsonl").write_text('{"id": "x", "title": "Tin", "body": ""}\n' * 2_000, encoding="utf-8")

    small = _peak_rss_mb_of_indexing(baseline, tmp_path / "index-small", tmp_path / "small.json")
    large = _peak_rss_mb_of_indexing(corpus, tmp_path / "index", tmp_path / "report.json")

    print(f"\npeak memory: 2,000 failing lines {small:.0f} MB; 200,000 failing lines {large:.0f} MB")
    assert large < small + 40  # held in full, 200,000 failures took ~300 MB
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["failed"] == 200_000


def test_a_lone_surrogate_in_an_updated_record_is_replaced_with_a_warning_and_the_update_goes_on(tmp_path):
    source, index_dir = tmp_path / "tin.jsonl", tmp_path / "index"
    records = [generated_record(n) for n in range(3)]
    write_jsonl(source, records)
    assert _index(str(source), "--index", str(index_dir))[0] == cli.EXIT_OK
    records[1]["body"] += " Lễ khánh thành cầu Rạch Miễu \ud800 hai."
    records[2]["body"] += " Hội thảo về đê điều."
    with source.open("w", encoding="utf-8") as stream:  # json.dumps writes the surrogate as "\ud800"
        stream.writelines(json.dumps(record) + "\n" for record in records)

    status, out, err = _index(str(source), "--index", str(index_dir))

    assert status == cli.EXIT_OK, out + err
    assert "2 updated, 1 unchanged" in out
    assert "warning: " in out and "record 'bai-00001'" in out and "U+FFFD" in out
    assert _total(index_dir, "Rạch Miễu") == 1 and _total(index_dir, "đê điều") == 1


@pytest.mark.parametrize("jobs", [1, 2], ids=["one process", "two workers"])
def test_an_article_that_cannot_be_indexed_for_any_reason_is_reported_and_the_batch_goes_on(tmp_path, jobs):
    articles = [Article(id=f"bai-{n}", title=f"Hội nghị số {n}", body="Hội nghị tổng kết công tác năm.")
                for n in range(30)]
    build_index(articles, tmp_path, jobs=1)
    # Given directly (not read from JSON), a lone surrogate reaches the content hash of an update.
    articles[7] = Article(id="bai-7", title="Hội nghị số 7", body="Khánh thành cầu \udcff Rạch Miễu.")
    articles[8] = Article(id="bai-8", title="Hội nghị số 8", body="Hội nghị tổng kết, Rạch Miễu.")

    summary = build_index(articles, tmp_path, jobs=jobs)

    assert [(f.path, f.reason.split(":")[0]) for f in summary.failures] == [("bai-7", "cannot index")]
    assert (summary.updated, summary.unchanged) == (1, 28)
    assert _total(tmp_path, "Rạch Miễu") == 1


def test_a_symlink_loop_is_an_input_failure_naming_the_path_and_the_rest_is_read_once(tmp_path):
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    write_jsonl(corpus / "tin.jsonl", [generated_record(n, "thủy lợi") for n in range(2)])
    (corpus / "con").mkdir()
    (corpus / "con" / "vong").symlink_to("..")  # a directory that holds itself
    (corpus / "tu.jsonl").symlink_to("tu.jsonl")  # a link to itself
    (corpus / "a").symlink_to("b")
    (corpus / "b").symlink_to("a")

    status, out, err = _index(str(corpus), "--index", str(index_dir))

    assert status == cli.EXIT_FAILURES and err == ""
    assert "2 added" in out and "4 failed" in out and "cannot write to the index" not in out + err
    failed = [line for line in out.splitlines() if line.startswith("  failed: ")]
    assert [line.split(": ")[1] for line in failed] == [str(corpus / name) for name in ("a", "b", "con/vong", "tu.jsonl")]
    assert "symlink loop" in failed[2] and all("symbolic links" in failed[n] for n in (0, 1, 3))
    assert _total(index_dir, "thủy lợi") == 2


def test_a_file_name_that_is_not_utf8_is_reported_escaped_in_the_summary_and_the_report(tmp_path):
    corpus, report = tmp_path / "corpus", tmp_path / "report.json"
    write_jsonl(corpus / "tin.jsonl", [generated_record(1)])
    (corpus / os.fsdecode(b"tin-\xff\xfe.txt")).write_text("Hội thảo\n\nHội thảo khoa học.\n", encoding="utf-8")

    status, out, err = _index(str(corpus), "--index", str(tmp_path / "index"), "--report", str(report))

    assert status == cli.EXIT_FAILURES and "Traceback" not in err
    failure, = json.loads(report.read_text(encoding="utf-8"))["failures"]
    assert failure["path"] == str(corpus / "tin-\\xff\\xfe.txt") and "not UTF-8" in failure["reason"]
    assert f"failed: {corpus}/tin-\\xff\\xfe.txt: file name is not UTF-8" in out


# A real `vnsearch index` (indexer.cli.main) with two workers over 1,200 real JSON Lines
# articles, with one fault planted in it: the index directory removed after 300 articles, or a
# worker dying at the article bai-00500.
_FAULTY_RUN = """
import os, shutil, sys
from indexer.index import workers
from indexer.ingest import reading
index_dir = sys.argv[3]
fault = sys.argv[1]
real_read, real_step = reading.read_pending, workers.index_one

def read_then_remove(paths):
    for number, item in enumerate(real_read(paths)):
        if number == 300:
            shutil.rmtree(index_dir)
        yield item

def step_then_die(writer, item):
    if getattr(item, "line", None) == 501:
        os._exit(3)
    return real_step(writer, item)

reading.read_pending = read_then_remove if fault == "removed" else reading.read_pending
workers.index_one = step_then_die if fault == "dies" else real_step
from vnsearch.cli import main
sys.exit(main(["index", sys.argv[2], "--index", index_dir, "--jobs", "2"]))
"""


@pytest.mark.parametrize("fault", ["removed", "dies"], ids=["index directory removed midway", "worker dies"])
def test_a_run_that_fails_midway_ends_with_its_message_and_status_in_bounded_time(tmp_path, fault):
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    write_jsonl(corpus / "tin.jsonl", [generated_record(n) for n in range(1200)])
    build_index([Article(id="cu", title="Hội thảo", body="Hội thảo khoa học.")], index_dir, jobs=1)
    before = sorted(p.name for p in index_dir.iterdir())

    result = subprocess.run([sys.executable, "-c", _FAULTY_RUN, fault, str(corpus), str(index_dir)], cwd=ROOT,
                            capture_output=True, text=True, timeout=RUN_TIMEOUT_S)

    assert result.returncode == cli.EXIT_ERROR, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and result.stderr.splitlines()[-1].startswith("vnsearch: ")
    if fault == "dies":
        assert "indexing worker" in result.stderr and "the index is unchanged" in result.stderr
        assert sorted(p.name for p in index_dir.iterdir()) == before  # its partial segments removed
        assert _total(index_dir, "hội thảo") == 1
    else:
        assert f"cannot write to the index at {index_dir}" in result.stderr
