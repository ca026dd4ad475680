"""Did you mean: suggestions are real words from the index, and a query that finds
nothing is searched again with them."""

from tests.search_fixtures import engine, titles  # noqa: F401


def test_misspelt_word_gets_a_real_word(engine):  # noqa: F811
    found = engine.search("womn")
    assert found["suggestion"] == "women"
    assert found["corrected_query"] == "women"
    assert found["total"] >= 2
    assert any("showing results for 'women'" in n for n in found["notes"])


def test_suggestion_is_not_a_stem(engine):  # noqa: F811
    found = engine.search("digitalisaton")
    assert found["suggestion"] == "digitalisation"  # not the stem "digitalis"
    assert titles(found) == ["Joint Ministerial Statement of the 22nd SME Ministerial Meeting"]


def test_known_words_get_no_suggestion(engine):  # noqa: F811
    found = engine.search("women finance")
    assert found["suggestion"] is None and found["corrected_query"] is None


def test_suggestion_keeps_the_rest_of_the_query(engine):  # noqa: F811
    found = engine.search('finanse "digital economy"')
    assert found["suggestion"] == 'finance "digital economy"'


def test_nothing_close_means_no_results_and_no_suggestion(engine):  # noqa: F811
    found = engine.search("xylophonist")
    assert found["total"] == 0 and found["suggestion"] is None
