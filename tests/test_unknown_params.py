"""A parameter the API does not read is refused with a 400 naming it; the page ignores them."""

from __future__ import annotations

import html
import re

import pytest

from conftest import client_for

SEARCH_ENDPOINTS = ("/api/v1/search", "/api/v1/search.csv", "/feed.atom")
KNOWN = ("q", "date_from", "date_to", "sort", "page", "per_page", "accents", "facet_size",
         "organizer", "person", "source", "event_type")


@pytest.fixture(scope="module")
def client(small_index):
    return client_for(small_index)


@pytest.mark.parametrize("path", SEARCH_ENDPOINTS)
def test_a_misspelt_filter_is_refused_with_a_400_naming_it(client, path):
    answer = client.get(path, query_string={"q": "hội thảo", "organiser": "Bộ Nội vụ"})

    assert answer.status_code == 400
    assert answer.json["error"] == "unknown_parameter"
    assert answer.json["param"] == "organiser"
    assert answer.json["message"] == f"unknown parameter(s): organiser; known: {', '.join(KNOWN)}"


def test_every_unknown_parameter_is_named_once(client):
    answer = client.get("/api/v1/search?q=h%E1%BB%99i+th%E1%BA%A3o&colour=blue&organiser=a&colour=red&utm_source=x")

    assert answer.json["message"].startswith("unknown parameter(s): colour, organiser, utm_source; known: q, ")


def test_a_document_asked_with_a_parameter_it_does_not_read_is_refused(client):
    answer = client.get("/api/v1/documents/chinh-phu-so", query_string={"fields": "title"})

    assert answer.status_code == 400
    assert answer.json["message"] == "unknown parameter(s): fields; known: none"


def test_the_search_page_ignores_tracking_parameters_and_no_link_carries_them(client):
    answer = client.get("/", query_string={"q": "hội thảo", "utm_source": "zalo", "fbclid": "abc", "lang": "en",
                                           "source": "moha.gov.vn", "sort": "newest", "page": "1"})

    text = answer.get_data(as_text=True)
    assert answer.status_code == 200
    assert "utm_source" not in text and "fbclid" not in text
    assert 'name="source" value="moha.gov.vn"' in text  # the search's own state is kept


def test_every_link_the_search_page_makes_to_the_api_and_exports_is_accepted(client):
    text = client.get("/", query_string={"q": "hội thảo", "organizer": "Bộ Nội vụ", "date_from": "2021",
                                         "lang": "en", "utm_medium": "email"}).get_data(as_text=True)
    links = {html.unescape(href) for href in re.findall(r'href="([^"]+)"', text)}
    exports = [link for link in links if link.startswith(SEARCH_ENDPOINTS)]
    pages = [link for link in links if link.startswith("/?")]

    assert len(exports) >= 3 and pages
    for link in exports + pages:
        assert client.get(link).status_code == 200, link


def test_the_search_page_takes_empty_fields_for_absent_ones_where_the_api_refuses_them(client):
    query = {"q": "hội thảo", "sort": "", "date_from": "", "page": "", "organizer": ""}

    page = client.get("/", query_string=query)
    api = client.get("/api/v1/search", query_string=query)

    assert page.status_code == 200
    assert api.status_code == 400 and api.json["message"] == "'date_from' is empty; leave it out for the default"
