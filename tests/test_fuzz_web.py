"""Fuzzing every page and API that takes user input: never a 5xx, a traceback, or
unescaped input in HTML."""

from __future__ import annotations

from urllib.parse import quote, quote_from_bytes

import pytest
from flask import Flask
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz_strategies import FUZZ, assert_clean_response, marked_queries, queries, search_args
from tests.web_fixtures import doc_id_of, web_index  # noqa: F401
from webapp import create_app

SEARCH_PATHS = [
    "/search",
    "/api/search",
    "/search.csv",
    "/search.atom",
    "/commitments",
    "/commitments.csv",
    "/api/commitments",
    "/trends",
    "/api/trends",
    "/ask",
    "/api/ask",
]


@pytest.fixture(scope="module")
def app(web_index) -> Flask:  # noqa: F811
    # TESTING propagates exceptions: a bug fails the test with its traceback, not a quiet 500.
    return create_app({"INDEX_DIR": web_index, "TESTING": True, "PAGE_SIZE": 3})


@FUZZ
@given(path=st.sampled_from(SEARCH_PATHS), args=search_args)
def test_search_pages_and_apis_take_any_parameters(app, path, args):
    response = app.test_client().get(path, query_string=args)
    assert_clean_response(response, args["q"])
    if path.startswith("/api/"):
        assert response.is_json


@FUZZ
@given(path=st.sampled_from(SEARCH_PATHS), raw=st.binary(max_size=60))
def test_raw_query_strings_are_answered(app, path, raw):
    """Bytes as they may arrive on the wire: invalid UTF-8, stray % and separators."""
    sent = quote_from_bytes(raw, safe="%&=+;")  # bytes kept as they are, even a stray %
    response = app.test_client().get(path, query_string=f"q={sent}&year={sent[:5]}")
    assert_clean_response(response, "")


@FUZZ
@given(doc_id=st.one_of(queries, marked_queries), q=st.one_of(queries, marked_queries))
def test_document_pages_take_any_id_and_query(app, doc_id, q):
    client = app.test_client()
    for path in (f"/doc/{quote(doc_id, safe='')}", f"/api/doc/{quote(doc_id, safe='')}"):
        response = client.get(path, query_string={"q": q})
        assert_clean_response(response, doc_id + q)


@FUZZ
@given(q=st.one_of(queries, marked_queries))
def test_a_real_document_highlights_any_query_safely(app, q):
    doc_id = doc_id_of("2018-notes")  # its own text holds a <script>
    response = app.test_client().get(f"/doc/{doc_id}", query_string={"q": q})
    assert_clean_response(response, q)
    assert response.status_code in (200, 400)
    assert '<script>alert("pwned")' not in response.get_data(as_text=True)
