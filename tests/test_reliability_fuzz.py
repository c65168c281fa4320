"""Hostile and malformed requests: generated requests to every endpoint never get a 5xx, every
4xx on /api/ carries the JSON error body, nothing over HTTP writes to the index, and document
ids in URLs never reach files.
"""

from __future__ import annotations

import json
import time
import traceback
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.parse import quote_from_bytes

import pytest
from flask import got_request_exception
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_helpers import HOSTILE_ARTICLES, figure, index_snapshot  # noqa: F401 (figure: a fixture)

from conftest import ARTICLES
from indexer.index.build import build_index
from searchsvc import create_app

SEARCH_PATHS = ("/api/v1/search", "/api/v1/search.csv", "/feed.atom", "/")
PARAMS = ("q", "organizer", "source", "event_type", "date_from", "date_to", "sort", "page", "per_page", "lang")
# Each example sends its query string to every search path and /healthz, and its id to both document paths.
REQUESTS_PER_EXAMPLE = len(SEARCH_PATHS) + 3
FUZZ_EXAMPLES = 2_000  # × 7 requests: at least 10,000 per run
PARAMETER_ERRORS = ("invalid_parameter", "unknown_parameter", "invalid_query")
# Server errors already found, each with its own strict-xfail test below; keyed by where they
# are raised, so a new bug anywhere else still fails the fuzz test. Remove an entry with its fix.
KNOWN_BUGS: dict[str, str] = {}


@pytest.fixture(scope="module")
def fuzz_index(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("fuzz-index")
    build_index(ARTICLES + HOSTILE_ARTICLES, directory, jobs=1)
    return directory


@pytest.fixture(scope="module")
def client(fuzz_index):
    return create_app({"INDEX_DIR": str(fuzz_index)}).test_client()


# Values a client can put in a URL: any Unicode (surrogates sent as their UTF-8-style bytes,
# as a careless client does), raw bytes that are not UTF-8, and the query language's own worst cases.
_nasty = st.sampled_from([
    "", " ", "*", "a*", "?", "~", "NOT", "OR", "AND", "-", "+", "(", ")", "((((((((((a))))))))))", '"', '""',
    "id:", "author:", "title:\"", "source:*", "\x00", "\u0301" * 50, "\u202e\u202dabc", "\ufeff", "\ud800",
    "\udfff", "０１", "٢٠٢٢", "2022-02-30", "2022-13", "0000", "9999-12-31", "-1", "1e9", "999999999", "0x10",
    "NaN", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00", "%", "x" * 5000, "ạ" * 100_000,
    " OR ".join(["cán bộ"] * 300), "hòa hoà Hoà HÒA", "chinhs phur soos", "UBND", "a" * 1001,
])
_unicode = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
# The query language's own pieces, in any order: what a parser is most likely to trip on.
_query_token = st.one_of(
    st.sampled_from(["NOT", "OR", "AND", "(", ")", '"', "-", "+", "*", "-(", "+(", "NOT(", "title:", "body:", "id:",
                     "author:", "source:", "organizer:", "event_type:", "title:\"", "cán", "bộ", "hòa", "UBND",
                     "13/2023/NĐ-CP", "COVID-19", "TP.", "-cán", "+bộ", "a*", "~2", "^", "\\", "'"]),
    st.text(max_size=6),
)
_query_text = st.lists(_query_token, max_size=12).flatmap(
    lambda tokens: st.sampled_from([" ", "", "  "]).map(lambda glue: glue.join(tokens)))
_value = st.one_of(
    _nasty,
    _query_text,
    _query_text,
    _unicode,
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxy àáạảãèéẹẻẽ\u0300\u0301\u0303\u0309\u0323()\"-+:*", max_size=60),
    st.integers(min_value=-10, max_value=10**12).map(str),
    st.binary(max_size=30),
)
_name = st.one_of(st.sampled_from(PARAMS), st.sampled_from(PARAMS), st.sampled_from(PARAMS), _unicode, st.binary(max_size=8))


def _encode(value: str | bytes) -> str:
    raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    return quote_from_bytes(raw, safe="")


@st.composite
def _query_strings(draw) -> str:
    pairs = draw(st.lists(st.tuples(_name, _value), max_size=6))
    parts = [f"{_encode(name)}={_encode(value)}" for name, value in pairs]
    for name in draw(st.lists(st.sampled_from(PARAMS), max_size=3)):  # repeated parameters
        parts.append(f"{name}={_encode(draw(_value))}")
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["%zz", "%", "&&", "=", "q", "q=%E1%BB", "q=%ED%A0%80", "page=%00"])))
    draw(st.randoms()).shuffle(parts)
    return "&".join(parts)


_doc_ids = st.one_of(
    st.sampled_from(["chinh-phu-so", "doc-script", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/",
                     "/etc/passwd", "..\\..\\windows", "vnsearch-format.json", "../fuzz-index0/vnsearch-format.json",
                     "%00", "a%00b", "%ED%A0%80", "%FF%FE", "x" * 4000, ".", "..", "~root"]),
    st.binary(min_size=1, max_size=30).map(lambda b: quote_from_bytes(b, safe="")),
    _unicode.filter(bool).map(_encode),
)


def _problems(path: str, response) -> list[str]:
    """What is wrong with one answer: a 5xx, an /api/ 4xx without its JSON error body, a broken body."""
    found = []
    status = response.status_code
    body = response.get_data()  # runs a streamed body (CSV) to its end
    if status >= 500:
        found.append(f"{status}")
    if "Content-Security-Policy" not in response.headers:
        found.append("no Content-Security-Policy header")
    if path.startswith("/api/") and 400 <= status < 500:
        try:
            error = json.loads(body)
        except ValueError:
            return found + [f"{status} without a JSON body: {body[:80]!r}"]
        if not (isinstance(error.get("error"), str) and isinstance(error.get("message"), str) and error["message"]):
            found.append(f"{status} body lacks error/message: {error}")
        if error.get("error") in PARAMETER_ERRORS and not isinstance(error.get("param"), str):
            found.append(f"{status} parameter error without 'param': {error}")
    if status == 200 and path == "/api/v1/search":
        json.loads(body)
    if status == 200 and path == "/feed.atom":
        ET.fromstring(body)
    return found


def _fetch(client, url: str):
    path = url.split("?", 1)[0]
    try:
        response = client.get(url)
    except Exception as error:  # the app raising past its error handlers is a failure too
        return path, None, [f"raised {type(error).__name__}: {error}"]
    try:
        return path, response.status_code, _problems(path, response)
    except Exception as error:
        return path, response.status_code, [f"unreadable body: {type(error).__name__}: {error}"]


def _where(error: BaseException) -> str:
    """`module.py:function ExceptionType` of the innermost frame of the project's code."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/site-packages/" not in f.filename] or frames
    return f"{Path(ours[-1].filename).parent.name}/{Path(ours[-1].filename).name}:{ours[-1].name} {type(error).__name__}"


@pytest.mark.slow
def test_ten_thousand_generated_requests_get_no_server_error_and_api_errors_are_json(client, fuzz_index, figure):
    before = index_snapshot(fuzz_index)
    seen: Counter = Counter()
    failures: dict[str, list[str]] = {}
    causes: list[str] = []

    def remember(sender, exception, **extra):
        causes.append(_where(exception))

    got_request_exception.connect(remember, client.application)

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(query=_query_strings(), doc_id=_doc_ids)
    def one_example(query: str, doc_id: str) -> None:
        urls = [f"{p}?{query}" for p in SEARCH_PATHS]
        urls += [f"/healthz?{query}", f"/api/v1/documents/{doc_id}", f"/doc/{doc_id}"]
        for url in urls:
            causes.clear()
            path, status, problems = _fetch(client, url)
            seen["requests"] += 1
            seen[f"{status // 100}xx" if status else "raised"] += 1
            if problems:
                cause = causes[0] if causes else problems[0]
                failures.setdefault(cause, []).append(f"GET {url[:160]!r}: {problems[0]}")

    started = time.monotonic()
    try:
        one_example()
    finally:
        got_request_exception.disconnect(remember, client.application)
        known = {cause: len(urls) for cause, urls in failures.items() if cause in KNOWN_BUGS}
        figure(
            f"fuzz: {seen['requests']} generated requests over {REQUESTS_PER_EXAMPLE} endpoints "
            f"in {time.monotonic() - started:.0f}s; "
            f"2xx {seen['2xx']}, 4xx {seen['4xx']}, 5xx {seen['5xx']}, raised {seen['raised']}; "
            f"failing requests by cause: {({c: len(u) for c, u in failures.items()}) or 'none'}"
            + (f" (known, xfailed separately: {sorted(known)})" if known else "")
        )
    unknown = {cause: urls[:3] for cause, urls in failures.items() if cause not in KNOWN_BUGS}
    assert unknown == {}
    assert seen["requests"] >= 10_000
    assert index_snapshot(fuzz_index) == before


@pytest.mark.parametrize("query", ["NOT", "cán bộ NOT", "a AND NOT", "(a NOT)"])
def test_a_dangling_not_is_a_clear_query_error_not_a_server_error(client, query):
    answer = client.get("/api/v1/search", query_string={"q": query})

    assert answer.status_code == 400, answer.get_data(as_text=True)
    assert answer.json["error"] == "invalid_query" and answer.json["param"] == "q"


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_no_endpoint_accepts_a_writing_method_and_the_index_is_unchanged(client, fuzz_index, method):
    before = index_snapshot(fuzz_index)
    paths = ["/api/v1/search", "/api/v1/search.csv", "/api/v1/documents/chinh-phu-so", "/feed.atom", "/",
             "/doc/chinh-phu-so", "/healthz", "/api/v1/documents", "/api/v1/index", "/admin", "/index"]

    answers = {p: client.open(p, method=method, data=json.dumps({"id": "x", "body": "mới"}),
                              content_type="application/json") for p in paths}

    assert {p: a.status_code for p, a in answers.items() if a.status_code not in (404, 405)} == {}
    assert all(a.json["error"] in ("method_not_allowed", "not_found") for p, a in answers.items() if p.startswith("/api/"))
    assert index_snapshot(fuzz_index) == before
    assert client.get("/healthz").json["documents"] == len(ARTICLES) + len(HOSTILE_ARTICLES)


TRAVERSALS = ["../secret.txt", "..%2Fsecret.txt", "%2E%2E%2Fsecret.txt", "..%252Fsecret.txt", "....//secret.txt",
              "..\\secret.txt", "..%5Csecret.txt", "%2Fetc%2Fpasswd", "/etc/passwd", "file:///etc/passwd",
              "..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd", "..%00/secret.txt", "%C0%AE%C0%AE/secret.txt",
              "vnsearch-format.json", "_MAIN_1.toc", "MAIN_WRITELOCK", "./vnsearch-format.json"]


@pytest.mark.parametrize("prefix", ["/api/v1/documents/", "/doc/", "/static/", "/static/..%2F"])
def test_document_ids_in_urls_cannot_reach_files(client, fuzz_index, prefix):
    secret = fuzz_index.parent / "secret.txt"
    secret.write_text("bí mật: khóa riêng", encoding="utf-8")
    format_text = (fuzz_index / "vnsearch-format.json").read_text(encoding="utf-8")

    # A doubled slash is merged by a 308 to the same path with one slash; that one is followed.
    answers = {doc_id: client.get(prefix + doc_id, follow_redirects=True) for doc_id in TRAVERSALS}

    assert {d: a.status_code for d, a in answers.items() if a.status_code != 404} == {}
    assert all(a.request.path.startswith(prefix.split("..")[0]) for a in answers.values())
    for answer in answers.values():
        text = answer.get_data(as_text=True)
        assert "bí mật" not in text and "root:x:0:0" not in text and format_text not in text


def test_ids_that_look_like_paths_are_still_found_as_ids(client):
    answer = client.get("/api/v1/documents/" + quote_from_bytes('"><svg onload=alert(3)>'.encode(), safe=""))

    assert answer.status_code == 200
    assert answer.json["title"] == "Tập huấn an ninh mạng cho cán bộ"
