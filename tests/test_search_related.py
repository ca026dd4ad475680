"""A short first page for a subject described in three words or more lists, below its
results, the documents most like them: those naming the subject in other words."""

import json

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from indexer.ask.search_box import search_box
from indexer.cli import cli
from indexer.search.engine import Engine
from tests.helpers import SEARCH_RESULT_KEYS, make_document, make_index
from webapp import create_app

HANDICRAFTS = (
    "Ministers launched a programme for artisan villages: handicraft workshops, pottery and"
    " weaving cooperatives, craft fairs and export markets for rural weavers and potters."
)
# Weavers, potters and craft cooperatives, without "artisan", "village" or "handicraft".
CRAFTS = (
    "Pottery and weaving cooperatives of rural potters and weavers reached export markets"
    " through craft fairs, and the cooperatives trained young weavers."
)
PORTS = "Officials reviewed port logistics, customs clearance and container shipping times."
FILLERS = [
    "Delegates adopted the budget of the secretariat for the coming year.",
    "The working group elected a chair and a vice chair for two years.",
    "Economies reported on statistics of firm births and closures.",
    "A workshop on mobile payments was held for central bank officials.",
    "The forum discussed energy efficiency standards for buildings.",
    "Speakers compared insolvency regimes and debt restructuring rules.",
]


def _docs():
    docs = [
        make_document("https://example.org/handicrafts", "Artisan Villages Programme",
                      [HANDICRAFTS], year=2031, doc_type="news_release"),
        make_document("https://example.org/crafts", "Craft Cooperatives Reach Export Markets",
                      [CRAFTS], year=2032, doc_type="news_article"),
        make_document("https://example.org/ports", "Port Logistics Review", [PORTS], year=2033),
    ]  # fmt: skip
    docs += [
        make_document(f"https://example.org/filler-{i}", f"Meeting note {i}", [text], year=2030)
        for i, text in enumerate(FILLERS)
    ]
    return docs


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return make_index(tmp_path_factory.mktemp("related"), _docs())


@pytest.fixture(scope="module")
def engine(index):
    eng = Engine(index)
    yield eng
    eng.close()


def titles(results):
    return [r["title"] for r in results]


def test_a_subject_in_three_words_lists_the_documents_like_its_results(engine):
    found = engine.search("artisan village handicraft")
    assert titles(found["results"]) == ["Artisan Villages Programme"]
    assert titles(found["related"])[0] == "Craft Cooperatives Reach Export Markets"
    assert "Port Logistics Review" not in titles(found["related"])
    for r in found["related"]:
        assert r.keys() >= SEARCH_RESULT_KEYS
    assert len(found["results"]) + len(found["partial"]) + len(found["related"]) <= 10


def test_the_related_documents_keep_the_filters(engine):
    found = engine.search("artisan village handicraft", doc_type=["news_release", "other"])
    assert titles(found["results"]) == ["Artisan Villages Programme"]
    assert "Craft Cooperatives Reach Export Markets" not in titles(found["related"])


@pytest.mark.parametrize(
    "query, kwargs",
    [
        ("artisan handicraft", {}),  # two words: a name, not a subject described
        ('"artisan villages" handicraft', {}),  # a phrase means its exact words
        ("artisan village handicraft", {"page": 2}),
        ("artisan village handicraft", {"sort": "newest"}),
        ("zeppelin dirigible airship", {}),  # nothing shown to be like
    ],
)
def test_no_related_documents(engine, query, kwargs):
    assert engine.search(query, **kwargs)["related"] == []


def test_the_page_the_json_and_the_cli_show_them_apart(index):
    app = create_app({"INDEX_DIR": str(index), "TESTING": True})
    client = app.test_client()
    soup = BeautifulSoup(client.get("/search?q=artisan+village+handicraft").data, "html.parser")
    section = soup.select_one("section.related-results")
    assert section.h2.get_text() == "Related to these results"
    assert "Craft Cooperatives Reach Export Markets" in section.get_text()
    assert "may hold few or none of the words" in section.get_text()
    assert "Craft Cooperatives" not in soup.select_one("ol.result-list").get_text()
    data = client.get("/api/search?q=artisan+village+handicraft").get_json()
    assert titles(data["related"])[0] == "Craft Cooperatives Reach Export Markets"
    args = ["search", "artisan", "village", "handicraft", "--index", str(index)]
    head, _, tail = CliRunner().invoke(cli, args).output.partition("Related to these results:")
    assert "Artisan Villages Programme" in head and "Craft Cooperatives" in tail
    assert json.loads(CliRunner().invoke(cli, [*args, "--json"]).output)["related"]


def test_a_question_finds_what_its_words_typed_alone_find(engine):
    # Its words all in one document, that one is its result (not every document holding one
    # of them), and the documents like it are listed below, as for the words typed.
    found = search_box(engine, "Which programme did ministers launch for artisan villages?")
    assert found["question_words"] == "programme ministers launch artisan villages"
    words = engine.search(found["question_words"])
    for shown in ("results", "partial", "related"):
        assert titles(found[shown]) == titles(words[shown])
    assert titles(found["results"]) == ["Artisan Villages Programme"]
    assert "Craft Cooperatives Reach Export Markets" in titles(found["related"])


def test_the_sections_note_escapes_the_query(index):
    client = create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client()
    q = "artisan village handicraft <i>"
    page = client.get("/search", query_string={"q": q}).get_data(as_text=True)
    section = BeautifulSoup(page, "html.parser").select_one("section.related-results")
    assert section.select("i") == [] and "handicraft <i>" in section.get_text()
