"""Fuzzing question answering (`answer` and the `ask` command): any question gets an answer
or a clear "no confident answer", never a crash, and every answer cites its source."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from indexer.ask import answer
from indexer.cli import cli
from indexer.search.engine import Engine
from tests.fuzz_strategies import FUZZ, marked_queries, queries
from tests.web_fixtures import web_index  # noqa: F401

questions = st.one_of(
    queries,
    marked_queries,
    st.builds(
        lambda w, q: f"{w} {q}?",
        st.sampled_from(["Who", "When", "Where", "What share of", "How many", "Why"]),
        queries,
    ),
)


@pytest.fixture(scope="module")
def engine(web_index):  # noqa: F811
    eng = Engine(web_index)
    yield eng
    eng.close()


@FUZZ
@given(question=questions, limit=st.integers(-3, 50))
def test_answer_takes_any_question(engine, question, limit):
    found = answer(engine, question, limit=limit)
    assert isinstance(found["confident"], bool)
    for a in found["answers"]:
        assert a["title"] and a["url"] and a["link"].startswith(a["url"])
        assert a["span"] is None or a["span"] in a["answer"]
    json.dumps(found)


@FUZZ
@given(question=questions, as_json=st.booleans(), limit=st.sampled_from(["1", "3", "0", "x"]))
def test_ask_command_never_shows_a_traceback(web_index, question, as_json, limit):  # noqa: F811
    args = ["ask", "--index", str(web_index), "--limit", limit, *(["--json"] if as_json else [])]
    result = CliRunner().invoke(cli, [*args, "--", question])
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    if as_json and result.exit_code == 0:
        assert isinstance(json.loads(result.output)["answers"], list)
