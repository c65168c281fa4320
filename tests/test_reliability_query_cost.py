"""Query cost is bounded: over a bound a request gets a clear 400 naming the parameter, and the
worst queries the bounds still admit answer within the search's time budget, never minutes of CPU.
"""

from __future__ import annotations

import time

import pytest
from reliability_helpers import figure, generated_record  # noqa: F401 (figure: a fixture)

from indexer.ingest.articles import Article, Organizer
from indexer.index.build import build_index
from indexer.search.query import MAX_DEPTH, MAX_QUERY_CHARS, MAX_TERMS
from indexer.search.handle import TIME_BUDGET_S
from searchsvc import create_app

DOCUMENTS = 2_000
# CPU seconds one request may cost: the search's own time budget, past which the service refuses
# the query with a 400. A tighter bound of 0.5 s measured the test process instead of the query:
# with this file run alone the slowest request costs about 50 ms (the figure printed at the end),
# within the whole suite the slowest measured 538, 487 and 66 ms in three runs. Speed has its benchmarks.
WORST_SECONDS = TIME_BUDGET_S
COMMON = ["hội", "thảo", "cán", "bộ", "công", "chức", "tổ", "chức", "hành", "chính", "số", "học", "viện", "tỉnh"]
_timings: dict[str, float] = {}


@pytest.fixture(scope="module")
def client(tmp_path_factory, figure):
    directory = tmp_path_factory.mktemp("cost-index")
    records = [generated_record(n) for n in range(DOCUMENTS)]
    articles = [Article(id=r["id"], title=r["title"], body=r["body"], url=r["url"], source=r["source"], date=r["date"],
                        author=r["author"], organizers=(Organizer(r["organizer"]),)) for r in records]
    build_index(articles, directory, jobs=2)
    app = create_app({"INDEX_DIR": str(directory)})
    yield app.test_client()
    slowest = max(_timings, key=_timings.get)
    figure(f"query cost: {len(_timings)} worst-case requests on {DOCUMENTS} documents, slowest "
                  f"{_timings[slowest] * 1000:.0f} ms CPU ({slowest[:70]!r}); bound {WORST_SECONDS} s")


def _timed(client, path: str, **params):
    """The answer, after checking the CPU it cost (this thread's: other processes' load does not count)."""
    started = time.thread_time()
    answer = client.get(path, query_string=params)
    answer.get_data()
    took = time.thread_time() - started
    _timings[f"{path} {params}"] = took
    assert took < WORST_SECONDS, f"{path} {params} took {took:.1f} s of CPU"
    return answer


def _rejected(answer, param: str) -> str:
    assert answer.status_code == 400, answer.get_data(as_text=True)[:300]
    assert answer.json["param"] == param and answer.json["error"] in ("invalid_query", "invalid_parameter")
    return answer.json["message"]


ADMITTED_WORST = {
    "star": "*",
    "prefix star": "c*",
    "stars between words": "c*n b* *ng",
    "question marks and tildes": "c?n b~ chức~2 hội^3",
    "or of the most common words up to the term bound": " OR ".join((COMMON * 5)[:MAX_TERMS]),
    "long disjunction of common words": " ".join((COMMON * 5)[:MAX_TERMS]),
    "phrase of common words": '"' + " ".join((COMMON * 5)[:MAX_TERMS]) + '"',
    "negated common words": " ".join("-" + w for w in (COMMON * 5)[:MAX_TERMS]),
    "nesting at the bound": "(" * MAX_DEPTH + "cán bộ OR hội thảo" + ")" * MAX_DEPTH,
    "every field prefix": "title:hội body:thảo author:phòng source:napa.vn organizer:bộ id:bai-00001 event_type:x",
    "longest query allowed": " ".join(["nghịch"] * 40) + " " + "x" * (MAX_QUERY_CHARS - 7 * 40 - 1),
}


@pytest.mark.parametrize("q", ADMITTED_WORST.values(), ids=ADMITTED_WORST.keys())
def test_worst_queries_within_the_bounds_answer_quickly_on_every_endpoint(client, q):
    for path in ("/api/v1/search", "/"):
        answer = _timed(client, path, q=q)

        assert answer.status_code in (200, 400), answer.get_data(as_text=True)[:300]
        if answer.status_code == 400 and path != "/":
            _rejected(answer, "q")


def test_stars_are_not_wildcards_so_they_expand_to_nothing(client):
    prefix = _timed(client, "/api/v1/search", q="c*").json
    every = _timed(client, "/api/v1/search", q="*").json

    assert every["total"] == DOCUMENTS
    assert prefix["total"] < DOCUMENTS


def test_the_deepest_page_allowed_and_the_whole_csv_answer_quickly(client):
    deepest = _timed(client, "/api/v1/search", q="cán bộ", page=100, per_page=100)
    everything = _timed(client, "/api/v1/search.csv", q="hội OR cán OR tỉnh")

    assert deepest.status_code == 200 and everything.status_code == 200
    assert int(everything.headers.get("X-Total-Count", DOCUMENTS)) <= DOCUMENTS


OVER_BOUNDS = {
    "thousands of or terms": ("q", {"q": " OR ".join(["cán"] * 3000)}),
    "one word over the bound of a query with operators": ("q", {"q": " OR ".join((COMMON * 5)[: MAX_TERMS + 1])}),
    "one character over the length": ("q", {"q": "a" * (MAX_QUERY_CHARS + 1)}),
    # Parentheses group only in a query with AND, OR or NOT; elsewhere they are punctuation.
    "nesting one deeper than the bound": ("q", {"q": "(" * (MAX_DEPTH + 1) + "cán OR bộ" + ")" * (MAX_DEPTH + 1)}),
    "thousands of open parentheses": ("q", {"q": "(" * 999}),
    "thousands of open parentheses around an OR": ("q", {"q": "cán OR " + "(" * 990}),
    "thousands of close parentheses": ("q", {"q": "cán OR bộ" + ")" * 990}),
    "thousands of quotes": ("q", {"q": '"' * 999}),
    "a page past the depth": ("page", {"q": "cán bộ", "page": 101, "per_page": 100}),
    "a huge page": ("page", {"page": 10**8}),
    "per_page over its bound": ("per_page", {"per_page": 101}),
    "too many filter values": ("organizer", {"organizer": [f"Bộ {n}" for n in range(21)]}),
    "a huge filter value": ("source", {"source": "x" * 10_000}),
}


@pytest.mark.parametrize("param, params", OVER_BOUNDS.values(), ids=OVER_BOUNDS.keys())
def test_a_request_over_a_bound_gets_a_clear_400_naming_the_parameter(client, param, params):
    for path in ("/api/v1/search", "/api/v1/search.csv", "/feed.atom"):
        message = _rejected(_timed(client, path, **params), param)

        assert len(message) > 10


def test_running_text_over_the_word_bound_is_answered_and_says_what_it_left_out(client):
    answer = _timed(client, "/api/v1/search", q=" ".join(f"{w} {n}" for n in range(30) for w in COMMON[:3]))

    assert answer.status_code == 200 and answer.json["total"] > 0
    assert answer.json["dropped_terms"] and set(answer.json["dropped_terms"]) <= {*COMMON[:3], *map(str, range(30))}


def test_a_search_over_its_time_budget_is_a_clear_400_not_a_long_wait(tmp_path_factory, client):
    strict = create_app({"INDEX_DIR": client.application.config["INDEX_DIR"], "SEARCH_TIME_BUDGET_MS": 0.001})

    answer = strict.test_client().get("/api/v1/search", query_string={"q": " OR ".join(COMMON)})

    assert answer.status_code == 400
    assert answer.json["param"] == "q" and answer.json["error"] in ("query_too_costly", "invalid_query")


def test_a_huge_article_repeating_the_query_words_answers_within_the_time_budget(tmp_path):
    # Snippets once took time quadratic in the matches: 860 KB holding "hội thảo" 45,000 times
    # cost 17 s of CPU per search that matched it, far past the 2 s budget every search has.
    body = "Hội thảo khoa học. " * 30_000 + "Hội thảo về chính phủ số. " + "Hội thảo khoa học. " * 15_000
    build_index([Article(id="dai", title="Tin rất dài", body=body)], tmp_path, jobs=1)
    client = create_app({"INDEX_DIR": str(tmp_path)}).test_client()

    answer = _timed(client, "/api/v1/search", q="hội thảo chính phủ số")

    assert answer.status_code == 200 and "<mark>chính</mark>" in answer.json["hits"][0]["snippet"]
