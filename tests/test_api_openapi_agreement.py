"""The OpenAPI document's parameter schemas and the server admit and refuse the same values."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from werkzeug.datastructures import MultiDict

from conftest import client_for
from searchsvc.params import InvalidParameterError, parse_search_args
from searchsvc.settings import defaults

OPENAPI = Path(__file__).resolve().parent.parent / "searchsvc" / "openapi.json"
SPEC = json.loads(OPENAPI.read_text(encoding="utf-8"))
PARAMETERS = SPEC["components"]["parameters"]
DATE_PATTERN = re.compile(PARAMETERS["date_from"]["schema"]["pattern"])
# Years where the calendar has its edge cases: year 1, centuries, leap centuries, the last one.
YEARS = [*range(0, 13), 96, 100, 104, 399, 400, 401, 1899, 1900, 1904, 1999, 2000, 2022, 2023, 2024, 2100, 9999]


@pytest.fixture(scope="module")
def client(small_index):
    return client_for(small_index)


def server_accepts(name: str, value: str) -> bool:
    try:
        parse_search_args(MultiDict([(name, value)]), defaults())
    except InvalidParameterError as error:
        assert error.param == name
        return False
    return True


def schema_admits(name: str, value: str) -> bool:
    schema = PARAMETERS[name]["schema"]
    if schema["type"] == "integer":
        return re.fullmatch(r"[0-9]+", value) is not None and Draft202012Validator(schema).is_valid(int(value))
    instance = [value] if schema["type"] == "array" else value
    return Draft202012Validator(schema, format_checker=None).is_valid(instance)


@pytest.mark.parametrize(("name", "value"), [("date_from", "0000"), ("date_to", "0000-01-01"), ("sort", ""),
                                             ("date_from", ""), ("page", ""), ("accents", ""), ("organizer", "")])
def test_the_server_refuses_what_the_schema_forbids(client, name, value):
    answer = client.get("/api/v1/search", query_string={name: value})

    assert not schema_admits(name, value)
    assert answer.status_code == 400 and answer.json["param"] == name


@pytest.mark.parametrize("name", [ref["$ref"].rsplit("/", 1)[1] for ref in SPEC["paths"]["/api/v1/search"]["get"]["parameters"]])
def test_an_empty_value_is_refused_exactly_where_the_schema_forbids_it(client, name):
    status = client.get("/api/v1/search", query_string={name: ""}).status_code

    assert (status == 200) == schema_admits(name, ""), status


def test_the_date_pattern_admits_exactly_the_calendar_dates_the_server_accepts():
    values = [f"{y:04d}" + suffix for y in YEARS
              for suffix in ["", *(f"-{m:02d}" for m in range(14)),
                             *(f"-{m:02d}-{d:02d}" for m in range(14) for d in range(33))]]

    disagree = [v for v in values if bool(DATE_PATTERN.fullmatch(v)) != server_accepts("date_from", v)]

    assert disagree == []


@settings(max_examples=300, deadline=None, database=None)
@given(value=st.from_regex(DATE_PATTERN.pattern, fullmatch=True) | st.from_regex(r"\A[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z"))
def test_any_date_the_pattern_admits_the_server_accepts_and_no_other(value):
    assert bool(DATE_PATTERN.fullmatch(value)) == server_accepts("date_to", value)
