"""Every service setting is documented in the README, and the environment really sets it."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from conftest import client_for
from searchsvc import create_app
from searchsvc.settings import SETTINGS

README = Path(__file__).resolve().parent.parent / "README.md"


def settings_table() -> dict[str, str]:
    """`SEARCHSVC_<NAME>` → its row, from the table under README's "## Service settings"."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Service settings", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        found = re.match(r"\|\s*`(SEARCHSVC_[A-Z0-9_]+)`\s*\|", line)
        if found:
            rows[found.group(1)] = line
    return rows


def csv_rows(client, **query) -> list[list[str]]:
    answer = client.get("/api/v1/search.csv", query_string=query)
    return list(csv.reader(io.StringIO(answer.get_data(as_text=True).lstrip("\ufeff"))))[1:]


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_every_setting_has_a_row_in_the_readme_settings_table(name):
    assert f"SEARCHSVC_{name}" in settings_table()


def test_the_readme_documents_no_setting_that_does_not_exist():
    documented = {name.removeprefix("SEARCHSVC_") for name in settings_table()}

    assert documented == set(SETTINGS)


def test_every_setting_is_declared_with_a_comment_saying_what_it_is_for():
    for name, (_, comment) in SETTINGS.items():
        assert len(comment.split()) >= 3, name


def test_an_environment_variable_overrides_the_default(small_index, monkeypatch):
    monkeypatch.setenv("SEARCHSVC_CSV_MAX_ROWS", "3")
    client = client_for(small_index)

    rows = csv_rows(client)

    assert SETTINGS["CSV_MAX_ROWS"][0] > 3
    assert len(rows) == 3


def test_an_override_passed_to_create_app_wins_over_the_environment(small_index, monkeypatch):
    monkeypatch.setenv("SEARCHSVC_CSV_MAX_ROWS", "3")
    client = client_for(small_index, CSV_MAX_ROWS=5)

    assert len(csv_rows(client)) == 5


def test_the_index_directory_comes_from_the_environment(small_index, monkeypatch, tmp_path):
    monkeypatch.setenv("SEARCHSVC_INDEX_DIR", str(tmp_path / "nowhere"))
    client = create_app({"TESTING": True}).test_client()

    answer = client.get("/healthz")

    assert answer.status_code == 503
    assert str(tmp_path / "nowhere") in answer.json["message"]
