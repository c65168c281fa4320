"""No JSON Lines record takes the index down: generated records, every field of any JSON type,
are indexed batch after batch into one real index, and after each batch `vnsearch stats`, a
search and a browse answer, and every record is either indexed or reported with its line and
reason (never a traceback, never a silent drop)."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import client_for
from vnsearch import cli

pytestmark = pytest.mark.slow

FIELDS = ("id", "_id", "title", "body", "text", "url", "date", "published", "source", "author", "organizers",
          "abstract", "sapo", "lead", "description")
BODY = "Sáng nay, Bộ Nội vụ tổ chức hội thảo khoa học về xây dựng chính phủ số tại Hà Nội."

json_scalars = (st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
                | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=40))
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=10)
dates = st.sampled_from(["2022-13", "2022-02-30", "0000-01-01", "2022-1", "9999-12-31T23:59:59+14:00",
                         "2024-02-29", "10000-01-01", "-0001-01-01", "2023-10-12T25:61:00", "", " ", "٢٠٢٣-١٠-١٢",
                         "2023-10-12", "20231012", "2023/10/12", "12/10/2023", "1e309"])
unicode_text = st.text(st.characters(exclude_categories=()), max_size=60)  # lone surrogates too
HUGE = [BODY * 300, "hội" * 10_000, "x" * 30_000, "đ" + " " * 30_000 + "b"]
# Huge and deeply nested values are drawn as markers that _line expands (a short repr to report).
huge = st.integers(min_value=0, max_value=len(HUGE) - 1).map(lambda which: {"__huge__": which})
nested = st.integers(min_value=1, max_value=3000).map(lambda depth: {"__nested__": depth})
field_values = json_values | dates | unicode_text | huge | nested | st.just(BODY)


@st.composite
def records(draw) -> dict:
    record = {name: draw(field_values) for name in draw(st.lists(st.sampled_from(FIELDS), unique=True, max_size=8))}
    if draw(st.booleans()):  # most records have a body to index, as real ones do
        record[draw(st.sampled_from(["body", "text"]))] = BODY + draw(unicode_text)
    for name in draw(st.lists(st.text(max_size=10), max_size=2)):  # fields nobody reads
        record[name] = draw(json_values)
    return record


def _line(record: dict) -> str:
    """The record as one JSON line; a `{"__nested__": n}` value becomes n nested arrays, a
    `{"__huge__": k}` value the string HUGE[k]."""
    line = json.dumps(record, ensure_ascii=True, allow_nan=True)  # ASCII: lone surrogates as \\ud800
    line = re.sub(r'\{"__huge__": (\d+)\}', lambda m: json.dumps(HUGE[int(m.group(1))]), line)
    return re.sub(r'\{"__nested__": (\d+)\}', lambda m: "[" * int(m.group(1)) + "]" * int(m.group(1)), line)


raw_lines = st.sampled_from(['{"id": "cut', "[1, 2]", '"just a string"', "null", "{}", "\ufeff{}", "{,}"])
batches = st.lists(records() | raw_lines, min_size=1, max_size=8)  # records made lines in the test


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = cli.main(list(argv))
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("generated-records")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(runs=st.lists(batches, min_size=1, max_size=3))
def test_every_generated_batch_is_indexed_or_reported_line_by_line_and_the_index_keeps_answering(workspace, runs):
    run = workspace / f"run-{next(_RUN_NUMBERS):03d}"  # each example starts from no index
    for number, drawn in enumerate(runs, start=1):
        batch = [_line(item) if isinstance(item, dict) else item for item in drawn]
        path = run / f"batch-{number}.jsonl"
        run.mkdir(exist_ok=True)
        path.write_bytes(("\n".join(batch) + "\n").encode("utf-8", "surrogatepass"))

        _index_and_check(path, batch, run / "index", run / "report.json")
        _check_answers(run / "index")


def _index_and_check(path: Path, batch: list[str], index_dir: Path, report: Path) -> None:
    status, out, err = _run("index", str(path), "--index", str(index_dir), "--jobs", "1", "--report", str(report))

    assert status in (cli.EXIT_OK, cli.EXIT_FAILURES), err
    assert "Traceback" not in out + err
    summary = json.loads(report.read_text(encoding="utf-8"))
    lines = [number for number, line in enumerate(batch, start=1) if line.strip()]
    assert summary["added"] + summary["updated"] + summary["unchanged"] + summary["failed"] == len(lines), summary
    for failure in summary["failures"]:
        line = failure["line"] or int(failure["path"].rsplit(":", 1)[1])
        assert line in lines and failure["reason"], failure
        assert not failure["reason"].startswith("internal error"), failure
        assert f"failed: {path}:{line}: " in out


def _check_answers(index_dir: Path) -> None:
    """`vnsearch stats`, a search and a browse, from the shell and from the API."""
    for command in (["stats"], ["search", "hội thảo", "--json"], ["search", "", "--json"]):
        status, out, err = _run(*command, "--index", str(index_dir))
        assert status == cli.EXIT_OK and "Traceback" not in err, (command, err)
    client = client_for(index_dir)
    for query in ({"q": "hội thảo"}, {}, {"q": "", "sort": "newest"}):
        answer = client.get("/api/v1/search", query_string=query)
        assert answer.status_code == 200, answer.get_data(as_text=True)


_RUN_NUMBERS = count(1)
