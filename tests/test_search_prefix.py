"""A trailing * searches for the words starting with what precedes it, in search and trends."""

from indexer.index import queries
from indexer.search.trends import trends
from tests.match_fixtures import match_engine, match_index, slugs  # noqa: F401


def test_prefix_finds_every_word_it_starts(match_engine):  # noqa: F811
    found = match_engine.search("digital*")
    assert slugs(found["results"]) == ["digital"]
    passages = match_engine.search("digital* payments")["results"]
    assert "<mark>Digitally</mark>" in passages[0]["snippet"]
    assert "<mark>digital</mark>" in passages[0]["snippet"]


def test_a_prefix_that_is_no_word_is_searched_as_it_is(match_engine):  # noqa: F811
    found = match_engine.search("digita*")
    assert found["total"] == 1 and found["corrected_query"] is None


def test_prefix_in_a_larger_query_and_negated(match_engine):  # noqa: F811
    assert slugs(match_engine.search("tour* recovery")["results"]) == ["together", "spread"]
    assert "digital" not in slugs(match_engine.search("firms -digital*")["results"])


def test_prefix_of_nothing_finds_nothing(match_engine):  # noqa: F811
    assert match_engine.search("zzyzx*")["total"] == 0


def test_the_expansion_is_capped_with_a_note(match_engine, monkeypatch):  # noqa: F811
    monkeypatch.setattr(queries, "PREFIX_TERMS", 1)
    found = match_engine.search("digital*")
    assert any("digital* stands for its 1 most frequent words" in n for n in found["notes"])


def test_trends_take_a_prefix(match_engine):  # noqa: F811
    (series,) = trends(match_engine, ["tour*"])["series"]
    assert series["documents"] == 3  # tourism (2011, 2019, 2022), tour operators


def test_a_negated_prefix_excludes_its_words(match_engine):  # noqa: F811
    found = match_engine.search("tourism -touris*")
    assert found["total"] == 0 and found["suggestion"] is None
