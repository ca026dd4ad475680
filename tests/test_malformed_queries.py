"""A malformed query gets its best reading and a note, never an exception."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.search_fixtures import engine, titles  # noqa: F401


def test_unbalanced_quote(engine):  # noqa: F811
    found = engine.search('"digital economy')
    assert "Chair's Statement on the Digital Economy" in titles(found)
    assert any("quote" in n for n in found["notes"])


def test_dangling_and(engine):  # noqa: F811
    found = engine.search("finance AND")
    assert found["total"] == engine.search("finance")["total"] > 0
    assert any("AND" in n for n in found["notes"])


def test_leading_or(engine):  # noqa: F811
    assert engine.search("OR startups")["total"] == 1


def test_unknown_field(engine):  # noqa: F811
    found = engine.search("author:startups")
    assert found["total"] == 1
    assert any("unknown field 'author'" in n for n in found["notes"])


def test_unbalanced_parenthesis(engine):  # noqa: F811
    found = engine.search("(finance OR startups")
    assert found["total"] >= 2
    assert found["notes"]


def test_operators_only(engine):  # noqa: F811
    found = engine.search("AND OR")
    assert found["notes"] and found["total"] == 6  # read as an empty query


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet='ab "():-*?~^[]{}ANDORNOT year title 2015..', max_size=30))
def test_any_text_is_answered(engine, text):  # noqa: F811
    found = engine.search(text)
    assert isinstance(found["total"], int) and isinstance(found["notes"], list)
