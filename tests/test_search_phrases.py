"""Quoted phrases mean the exact words in that order; bare words match anywhere, stemmed."""

import pytest

from indexer.search.engine import Engine
from tests.helpers import make_document, make_index
from tests.search_fixtures import engine, titles  # noqa: F401

CHAIR = "Chair's Statement on the Digital Economy"
GIFU = "Gifu Declaration on SME Finance"


def test_words_match_in_any_order(engine):  # noqa: F811
    found = titles(engine.search("digital economy"))
    assert CHAIR in found and GIFU in found


def test_quoted_phrase_needs_the_words_together(engine):  # noqa: F811
    found = titles(engine.search('"digital economy"'))
    assert CHAIR in found
    assert GIFU not in found  # "economy ... digital" is not the phrase


def test_quoted_phrase_is_not_stemmed(engine):  # noqa: F811
    assert engine.search("women-owned enterprise")["total"] >= 1
    assert engine.search('"women-owned enterprise"', correct=False)["total"] == 0
    assert engine.search('"women-owned enterprises"')["total"] == 1


def test_phrase_combines_with_words_and_highlights_them(engine):  # noqa: F811
    found = engine.search('"digital economy" customers')
    assert titles(found) == [CHAIR]
    snippet = found["results"][0]["snippet"]
    assert "<mark>digital</mark> <mark>economy</mark>" in snippet
    assert "<mark>customers</mark>" in snippet


def test_quoted_title_is_found(engine):  # noqa: F811
    assert titles(engine.search('"Strategic Plan 2013"')) == ["SMEWG Strategic Plan 2013-2016"]


@pytest.mark.parametrize(
    "phrase",
    ["\u201cdigital economy\u201d", "\u00abdigital economy\u00bb", "\u201edigital economy\u201c"],
    ids=["english", "guillemets", "german"],
)
def test_typographic_quotes_mean_a_phrase(engine, phrase):  # noqa: F811
    assert titles(engine.search(phrase)) == titles(engine.search('"digital economy"'))
    assert GIFU not in titles(engine.search(phrase))


def test_a_quoted_name_puts_the_documents_titled_with_it_first(tmp_path):
    # The stories say the name twice in a short text; the titled documents hold it once,
    # their title leading a long text: by the phrase in the text alone the stories lead.
    def long_text(n: int) -> str:  # distinct texts: not copies of one work
        return " ".join(
            f"Delegates met in port {n} to talk about trade, jobs and {k}." for k in range(12)
        )

    docs = [
        make_document(
            f"https://example.org/compact-{n}",
            title,
            [long_text(n)],
            doc_type="initiative",
        )
        for n, title in enumerate(["Harbour Cities Compact", "Harbour Cities Compact review"])
    ] + [
        make_document(
            f"https://example.org/story-{n}",
            f"Story {n} from the port",
            [
                f"The mayor of town {n} spoke on the Harbour Cities Compact at the market"
                " today, and the council will debate the Harbour Cities Compact next month."
            ],
            doc_type="news_article",
        )
        for n in range(3)
    ]
    eng = Engine(make_index(tmp_path, docs))
    try:
        found = titles(eng.search('"Harbour Cities Compact"'))
        assert found[:2] == ["Harbour Cities Compact", "Harbour Cities Compact review"]
        assert len(found) == 5
    finally:
        eng.close()
