"""The OpenAPI document describes the API as it really answers, and stays in step with the code."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, ValidationError  # type: ignore[import-untyped]
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from conftest import client_for
from indexer.ingest.articles import Article, Organizer, Person
from indexer.index.build import build_index
from indexer.search.query import MAX_QUERY_CHARS
from indexer.search.results import SORTS
from searchsvc.params import DEFAULT_PER_PAGE, LISTS, MAX_FILTER_CHARS, MAX_PER_PAGE, SCALARS
from searchsvc.settings import SETTINGS

OPENAPI = Path(__file__).resolve().parent.parent / "searchsvc" / "openapi.json"
DOCUMENT_URI = "urn:vnsearch:openapi"

# Articles with every optional field given, and with every field left out.
ARTICLES = [
    Article(id="day-du", title="Hội thảo “Chính quyền số” – Học viện Hành chính Quốc gia",
            body="Sáng 05/10/2022, Khoa Khoa học hành chính tổ chức hội thảo về chính quyền số.",
            url="https://napa.vn/hoi-thao", source="napa.vn", date="2022-10-05",
            published="2022-10-06T09:00:00+07:00", author="Thu Hà", event_type="hội thảo",
            organizers=(Organizer("Khoa Khoa học hành chính", "Học viện Hành chính Quốc gia", "Khoa KHHC"),),
            people=(Person("Lương Thanh Cường", "PGS.TS.", "Phó Giám đốc Học viện"),), origin="corpus/napa.html"),
    Article(id="toi-gian", body="Tin ngắn không tiêu đề, không ngày tháng."),
    Article(id="chi-nam", title="Tổng kết công tác năm", body="Hội nghị tổng kết công tác năm.", date="2021"),
]


@pytest.fixture(scope="module")
def spec() -> dict:
    return json.loads(OPENAPI.read_text(encoding="utf-8"))


def strict(document: dict) -> dict:
    """The document with every object schema closed, so an undocumented field fails validation."""
    closed = copy.deepcopy(document)

    def close(node):
        if isinstance(node, dict):
            if "properties" in node and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for value in node.values():
                close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(closed["components"]["schemas"])
    return closed


@pytest.fixture(scope="module")
def validate(spec):
    """validate(body, "SchemaName"): raises when the body breaks the named component schema."""
    registry = Registry().with_resource(DOCUMENT_URI, Resource.from_contents(strict(spec), default_specification=DRAFT202012))

    def check(body, name: str) -> None:
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$ref": f"{DOCUMENT_URI}#/components/schemas/{name}"}
        Draft202012Validator(schema, registry=registry).validate(body)

    return check


@pytest.fixture(scope="module")
def client(tmp_path_factory, small_index):
    return client_for(small_index)


@pytest.fixture(scope="module")
def edge_client(tmp_path_factory):
    directory = tmp_path_factory.mktemp("openapi-index")
    build_index(ARTICLES, directory, jobs=1)
    return client_for(directory)


def response_schema_name(spec: dict, path: str, status: str) -> str:
    content = spec["paths"][path]["get"]["responses"][status]["content"]["application/json"]
    return content["schema"]["$ref"].rsplit("/", 1)[1]


# --- the document itself --------------------------------------------------------------------


def test_the_service_serves_its_openapi_3_1_document(client, spec):
    answer = client.get("/api/v1/openapi.json")

    assert answer.status_code == 200
    assert answer.json == spec
    assert spec["openapi"].startswith("3.1.")


def test_every_component_schema_is_valid_json_schema_2020_12(spec):
    for name, schema in spec["components"]["schemas"].items():
        Draft202012Validator.check_schema(schema)


def test_every_route_of_the_api_is_documented(client, spec):
    routes = {rule.rule.replace("<path:doc_id>", "{id}") for rule in client.application.url_map.iter_rules()
              if rule.rule.startswith("/api/") or rule.rule in ("/healthz", "/feed.atom")}

    assert routes == set(spec["paths"])


def test_every_documented_response_names_a_schema_that_exists(spec):
    text = json.dumps(spec)
    for name in {part.split('"')[0] for part in text.split("#/components/schemas/")[1:]}:
        assert name in spec["components"]["schemas"], name


def test_the_search_parameters_are_documented_with_the_bounds_the_code_enforces(spec):
    parameters = spec["components"]["parameters"]
    documented = {ref["$ref"].rsplit("/", 1)[1] for ref in spec["paths"]["/api/v1/search"]["get"]["parameters"]}

    assert documented == set(SCALARS) | set(LISTS)
    assert parameters["q"]["schema"]["maxLength"] == MAX_QUERY_CHARS
    assert parameters["sort"]["schema"]["enum"] == list(SORTS)
    assert parameters["per_page"]["schema"] == {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE,
                                                "default": DEFAULT_PER_PAGE}
    assert parameters["page"]["schema"]["minimum"] == 1
    for name in LISTS:
        assert parameters[name]["schema"]["maxItems"] == SETTINGS["MAX_FILTER_VALUES"][0]
        assert parameters[name]["schema"]["items"]["maxLength"] == MAX_FILTER_CHARS


# --- real answers against it -------------------------------------------------------------------


@pytest.mark.parametrize("query", [
    {"q": "hội thảo"},
    {"q": "hoi thao", "sort": "newest", "per_page": 1, "page": 2},
    {},
    {"organizer": "Học viện Hành chính Quốc gia", "date_from": "2020", "date_to": "2022-10"},
    {"q": "chinhs phur soos"},
    {"q": "xyzzy"},
    {"page": 99},
    {"source": "moha.gov.vn", "event_type": "hội thảo", "sort": "oldest"},
])
def test_search_answers_match_the_documented_schema(client, spec, validate, query):
    answer = client.get("/api/v1/search", query_string=query)

    assert answer.status_code == 200
    validate(answer.json, response_schema_name(spec, "/api/v1/search", "200"))


def test_search_answers_over_sparse_and_full_articles_match_the_schema(edge_client, validate):
    for query in ({}, {"q": "tin ngắn"}, {"q": "tong ket"}, {"sort": "oldest"}):
        validate(edge_client.get("/api/v1/search", query_string=query).json, "SearchResponse")


@pytest.mark.parametrize("doc_id", ["day-du", "toi-gian", "chi-nam"])
def test_documents_match_the_documented_schema(edge_client, spec, validate, doc_id):
    answer = edge_client.get(f"/api/v1/documents/{doc_id}")

    assert answer.status_code == 200
    validate(answer.json, response_schema_name(spec, "/api/v1/documents/{id}", "200"))


def test_health_matches_the_documented_schema(client, spec, validate):
    validate(client.get("/healthz").json, response_schema_name(spec, "/healthz", "200"))


@pytest.mark.parametrize(("path", "query", "status"), [
    ("/api/v1/search", {"sort": "popular"}, 400),
    ("/api/v1/search", {"q": '"unbalanced'}, 400),
    ("/api/v1/search", {"page": "0"}, 400),
    ("/api/v1/search.csv", {"date_from": "2022-02-30"}, 400),
    ("/feed.atom", {"per_page": "x", "date_to": "soon"}, 400),
    ("/api/v1/search", {"organiser": "Bộ Nội vụ"}, 400),
    ("/api/v1/search.csv", {"q": "hội thảo", "colour": "xanh"}, 400),
    ("/api/v1/documents/khong-co", {"fields": "title"}, 400),
    ("/api/v1/documents/khong-co", {}, 404),
    ("/api/v1/nowhere", {}, 404),
])
def test_error_answers_match_the_documented_error_schema(client, spec, validate, path, query, status):
    answer = client.get(path, query_string=query)

    assert answer.status_code == status
    validate(answer.json, "Error")
    documented = spec["paths"].get(path, {}).get("get", {}).get("responses", {})
    if documented:
        assert response_schema_name(spec, path, str(status)) == "Error"


def test_the_no_index_answer_matches_the_documented_error_schema(tmp_path, spec, validate):
    client = client_for(tmp_path)

    for path in ("/api/v1/search", "/healthz"):
        answer = client.get(path)
        assert answer.status_code == 503
        validate(answer.json, response_schema_name(spec, path, "503"))


def test_the_strict_schema_rejects_an_undocumented_field(client, validate):
    body = client.get("/api/v1/search", query_string={"q": "hội thảo"}).json
    body["hits"][0]["extra"] = 1

    with pytest.raises(ValidationError, match="Additional properties"):
        validate(body, "SearchResponse")
