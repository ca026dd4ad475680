"""A possessive is its word: "women's" finds "women", "women’s" and "women's", and the "s"
an apostrophe splits off is neither a word to match nor one to mark."""

import pytest

from indexer.search.engine import Engine
from tests.helpers import make_document, make_index

BASE = "https://example.org/possessive"
TEXTS = {
    "straight": "Ministers backed women's entrepreneurship in the islands.",
    "curly": "Ministers backed women’s entrepreneurship in the islands.",
    "plain": "Ministers backed women entrepreneurship in the islands.",
    "lone-s": "The region's harbour and the city's port were dredged; women led the works.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):
    docs = [make_document(f"{BASE}/{slug}", f"Note {slug}", [text]) for slug, text in TEXTS.items()]
    eng = Engine(make_index(tmp_path_factory.mktemp("possessive"), docs))
    yield eng
    eng.close()


def slugs(found: dict) -> set[str]:
    return {r["url"].rsplit("/", 1)[1] for r in found["results"]}


@pytest.mark.parametrize(
    "q",
    [
        "women's entrepreneurship",
        "women’s entrepreneurship",
        "women entrepreneurship",
    ],
)
def test_a_possessive_finds_its_word_however_the_apostrophe_is_typed(engine, q):
    assert slugs(engine.search(q)) == {"straight", "curly", "plain"}


def test_a_quoted_possessive_means_those_words(engine):
    assert slugs(engine.search('"women\'s entrepreneurship"')) == {"straight", "curly"}


def test_the_split_off_s_is_not_marked(engine):
    found = engine.search("women's harbour")
    assert slugs(found) == {"lone-s"}
    snippet = found["results"][0]["snippet"]
    assert "<mark>harbour</mark>" in snippet and "<mark>women</mark>" in snippet
    assert "<mark>s</mark>" not in snippet
