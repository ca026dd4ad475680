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
    # the words read as they would be alone: a concept's other terms matched too
    for dangling in ("SME AND", "AND SME", "SME OR"):
        found, alone = engine.search(dangling), engine.search("SME")
        assert found["expanded"] == alone["expanded"] != []
        assert [r["id"] for r in found["results"]] == [r["id"] for r in alone["results"]]


def test_operators_in_lower_case_get_a_note(engine):  # noqa: F811
    def hints(q: str) -> list[str]:
        return [n for n in engine.search(q)["notes"] if "lower case" in n]

    assert [h for h in hints("finance not women") if "write NOT" in h]
    assert [h for h in hints("finance or women") if "write OR" in h]
    assert hints("finance OR women or youth") == []  # it writes OR in capitals already
    assert hints("finance NOT women") == []
    # quoted: a word of the phrase (searched as typed, not as its unquoted suggestion)
    quoted = engine.search('"war or peace" trade', correct=False)["notes"]
    assert not [n for n in quoted if "lower case" in n]


def test_leading_or(engine):  # noqa: F811
    assert engine.search("OR startups")["total"] == 1


def test_unknown_field(engine):  # noqa: F811
    found = engine.search("author:startups")
    assert found["total"] == 1
    assert any("unknown field 'author'" in n for n in found["notes"])


def test_a_value_that_is_not_a_year_or_a_type_says_so(engine):  # noqa: F811
    found = engine.search("finance year:20l5")
    assert found["total"] == 0
    assert "year:20l5 is not a year: write year:2015 or year:2010-2015" in found["notes"]
    found = engine.search("type:statements")
    assert found["total"] == 0
    assert any(
        n.startswith("type:statements is not a document type: one of") for n in found["notes"]
    )
    for fine in ("year:2015", "year:2010-2016", "year:2010..2016", "type:declaration"):
        assert engine.search(fine)["notes"] == [], fine


def test_a_year_range_that_ends_before_it_starts_is_read_the_right_way_round(engine):  # noqa: F811
    found = engine.search("finance year:2016..2010")
    assert found["total"] == engine.search("finance year:2010..2016")["total"] > 0
    assert "year:2016..2010 ends before it starts: searched 2010 to 2016" in found["notes"]
    undated = engine.search("finance year:undated")["notes"]
    assert any("the year filter's “undated”" in n for n in undated)


def test_a_type_is_read_in_any_case_and_outcomes_are_the_statements(engine):  # noqa: F811
    assert (
        engine.search("type:Declaration")["total"]
        == engine.search("type:declaration")["total"]
        == 2
    )
    # a statement, a chair's statement and two declarations
    assert engine.search("type:outcomes")["total"] == 4
    assert engine.search('"type:declaration"')["total"] == 0  # quoted: words, not a filter


def test_a_query_without_words_lists_every_document_and_says_so(engine):  # noqa: F811
    found = engine.search("***")
    assert found["total"] == 6
    assert "No words to match in '***': every document is listed." in found["notes"]
    assert not any("every document" in n for n in engine.search("-finance")["notes"])


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
