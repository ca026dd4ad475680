"""A query of stop words only finds nothing and says why."""

import pytest
from bs4 import BeautifulSoup

from tests.match_fixtures import match_engine, match_index  # noqa: F401
from webapp import create_app


@pytest.mark.parametrize(("q", "words"), [("the", "“the” is"), ("of the", "“of”, “the” are")])
def test_only_stop_words_finds_nothing_and_says_they_are_too_common(match_engine, q, words):  # noqa: F811
    found = match_engine.search(q)
    assert found["total"] == 0 and found["results"] == [] and found["partial"] == []
    assert any(f"{words} too common to search for" in n for n in found["notes"])
    assert found["suggestion"] is None


def test_stop_words_beside_a_word_are_ignored(match_engine):  # noqa: F811
    found = match_engine.search("the dredging")
    assert found["total"] == 1 and not any("too common" in n for n in found["notes"])


def test_a_quoted_phrase_of_stop_words_is_still_searched(match_engine):  # noqa: F811
    assert match_engine.search('"of the"')["total"] > 0


def test_a_filter_without_words_still_lists_documents(match_engine):  # noqa: F811
    assert match_engine.search("", year=(2011, 2011))["total"] == 1


def test_the_page_says_so(match_index):  # noqa: F811
    client = create_app({"INDEX_DIR": match_index, "TESTING": True}).test_client()
    soup = BeautifulSoup(client.get("/search?q=of+the").get_data(as_text=True), "lxml")
    assert "too common to search for" in soup.select_one(".notice--info").get_text()
    assert soup.select(".result") == []
