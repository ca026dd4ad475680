"""Irregular plurals meet their singulars in the index and in queries ("woman entrepreneurs"
finds "women entrepreneurs"); a quoted phrase still means the exact words."""

import pytest

from indexer.index import analysis
from indexer.search.engine import Engine
from tests.helpers import make_document, make_index
from tests.match_fixtures import para, slugs

BASE = "https://example.org/plurals"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):
    docs = [
        make_document(
            f"{BASE}/women",
            "Statement of Northport",
            [
                para("Women entrepreneurs led the recovery of small firms after the storm."),
                para("The chairmen of the working groups reported to businesswomen."),
            ],
            year=2019,
        ),
        make_document(
            f"{BASE}/children",
            "Report of Southport",
            [para("Schools taught children to run a small firm of their own.")],
            year=2018,
        ),
        make_document(
            f"{BASE}/media",
            "News of Eastport",
            [para("The media reported on the meeting of ministers.")],
            year=2017,
        ),
    ]
    root = tmp_path_factory.mktemp("plurals")
    eng = Engine(make_index(root, docs))
    yield eng
    eng.close()


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("woman entrepreneur", "women"),
        ("child", "children"),
        ("chairman", "women"),
        ("businesswoman", "women"),
    ],
)
def test_a_singular_finds_the_irregular_plural(engine, typed, found):
    results = engine.search(typed)
    assert slugs(results["results"]) == [found]
    assert results["corrected_query"] is None  # "child" is not "corrected" to another word


def test_the_plural_is_marked_where_the_singular_was_typed(engine):
    snippet = engine.search("woman entrepreneurs")["results"][0]["snippet"]
    assert "<mark>Women</mark> <mark>entrepreneurs</mark>" in snippet


def test_a_quoted_singular_means_the_word_typed(engine):
    assert engine.search('"woman entrepreneurs"', correct=False)["total"] == 0


def test_media_and_data_keep_their_own_stems():
    # "small and medium enterprises" is not about "the media"
    assert analysis.stem_word("media") != analysis.stem_word("medium")
    assert analysis.stem_word("data") != analysis.stem_word("datum")
    assert analysis.stem_word("women") == analysis.stem_word("woman")
