"""Fuzzing `Engine.search` and the `search` command: any input gets an answer, never a crash."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from indexer.cli import cli
from indexer.search.engine import MAX_LIMIT, Engine
from tests.fuzz_strategies import FUZZ, MARKERS, doc_types, marked_queries, queries, sorts, years
from tests.web_fixtures import web_index  # noqa: F401  (the index the tests search)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def engine(web_index):  # noqa: F811
    eng = Engine(web_index)
    yield eng
    eng.close()


def assert_snippets_escaped(found: dict) -> None:
    for r in found["results"]:
        assert "<" not in re.sub(r"</?mark>", "", r["snippet"])


@FUZZ
@given(
    q=st.one_of(queries, marked_queries),
    year=years,
    doc_type=doc_types,
    sort=sorts,
    page=st.integers(-5, 10**6),
    limit=st.integers(-5, 10**6),
)
def test_engine_answers_any_query(engine, q, year, doc_type, sort, page, limit):
    found = engine.search(q, year=year, doc_type=doc_type, sort=sort, page=page, limit=limit)
    assert isinstance(found["total"], int) and found["total"] >= 0
    assert len(found["results"]) <= min(max(limit, 1), MAX_LIMIT)
    assert all(isinstance(n, str) for n in found["notes"])
    assert_snippets_escaped(found)
    json.dumps(found)  # the API serialises exactly this


@FUZZ
@given(q=st.one_of(queries, marked_queries))
def test_engine_views_answer_any_text(engine, q):
    assert isinstance(engine.year_counts(q), dict)
    for p in engine.passages(q, limit=5):
        assert p["title"] and p["link"]
    doc = engine.document(q, highlight=q)  # an id that is no document id
    assert doc is None


@FUZZ
@given(q=st.one_of(queries, marked_queries))
def test_document_highlighting_escapes_any_query(engine, q):
    doc = engine.document(engine.search("digitalisation")["results"][0]["id"], highlight=q)
    for p in doc["paragraphs"]:
        assert not any(m in p["html"] for m in MARKERS)
        assert "<" not in re.sub(r"</?mark>", "", p["html"])


@FUZZ
@given(
    words=st.lists(st.one_of(queries, marked_queries), min_size=1, max_size=3),
    options=st.lists(
        st.sampled_from(
            [
                "--json",
                "--sort=newest",
                "--sort=bogus",
                "--year=2015",
                "--year=20x5",
                "--year=2010-2015",
                "--type=declaration",
                "--type=nope",
                "--limit=0",
                "--limit=100",
                "--page=2",
                "--page=-1",
                "--unknown",
            ]
        ),
        max_size=4,
    ),
    separator=st.booleans(),
)
def test_search_command_never_shows_a_traceback(web_index, words, options, separator):  # noqa: F811
    args = ["search", "--index", str(web_index), *options, *(["--"] if separator else []), *words]
    result = CliRunner().invoke(cli, args)
    # 0: results; 1: a clear error (ClickException); 2: a usage error. Never an exception.
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    if result.exit_code == 0 and "--json" in options:
        assert_snippets_escaped(json.loads(result.output))
