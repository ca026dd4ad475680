"""Too few documents hold every word: those holding most of them are listed apart."""

import json

from bs4 import BeautifulSoup
from click.testing import CliRunner

from indexer.cli import cli
from indexer.search import doc_rank
from indexer.search.engine import PARTIAL_BELOW, Engine
from tests.helpers import SEARCH_RESULT_KEYS
from tests.match_fixtures import match_engine, match_index, slugs  # noqa: F401
from webapp import create_app


def test_documents_with_some_of_the_words_come_apart(match_engine):  # noqa: F811
    found = match_engine.search("young entrepreneurs")
    assert slugs(found["results"]) == ["young-both"] and found["total"] == 1
    assert set(slugs(found["partial"])) == {"young-people", "entrepreneurs-only"}
    for r in found["partial"]:
        assert r.keys() >= SEARCH_RESULT_KEYS


def test_the_partial_documents_fill_the_pages_last_places(match_engine):  # noqa: F811
    whole = match_engine.search("young entrepreneurs")["partial"]
    found = match_engine.search("young entrepreneurs", limit=2)
    assert len(found["results"]) == 1 and found["partial"] == whole[:1]
    assert match_engine.search("young entrepreneurs", limit=1)["partial"] == []


def test_at_least_half_of_the_words(match_engine):  # noqa: F811
    # Three words: a partial match holds two of them ("tourism" and "recovery").
    found = match_engine.search("tourism recovery dredging")
    assert found["results"] == []
    assert set(slugs(found["partial"])) == {"spread", "together"}


def test_with_no_document_holding_half_the_words_those_holding_one(match_engine):  # noqa: F811
    # "dredging", "visitors" and "guesthouses" are each in one document, never two together
    found = match_engine.search("dredging visitors guesthouses")
    assert found["results"] == []
    assert set(slugs(found["partial"])) == {"numbered", "tourism-only", "spread"}


def test_most_words_first(match_engine):  # noqa: F811
    found = match_engine.search("tourism seasonal visitors quotas")
    assert found["results"] == []
    # Three words, then two ("tourism", and "season" in the title); one word is too few.
    assert slugs(found["partial"]) == ["tourism-only", "together"]


def test_no_partial_section_with_enough_documents(match_engine):  # noqa: F811
    found = match_engine.search("officials programme")
    assert found["total"] >= PARTIAL_BELOW and found["partial"] == []


def test_no_partial_section_for_one_word(match_engine):  # noqa: F811
    assert match_engine.search("dredging")["partial"] == []


def test_the_cli_prints_the_section_and_the_json_has_it(match_index):  # noqa: F811
    args = ["search", "young", "entrepreneurs", "--index", str(match_index)]
    text = CliRunner().invoke(cli, args).output
    head, _, tail = text.partition("Also matching some of your words:")
    assert "Dialogue with Young Entrepreneurs" in head and "Opening Remarks in Harrowgate" in tail
    data = json.loads(CliRunner().invoke(cli, [*args, "--json"]).output)
    assert len(data["results"]) == 1 and len(data["partial"]) == 2


def test_the_page_shows_the_section_below_the_results(match_index):  # noqa: F811
    client = create_app({"INDEX_DIR": match_index, "TESTING": True}).test_client()
    soup = BeautifulSoup(client.get("/search?q=young+entrepreneurs").get_data(as_text=True), "lxml")
    section = soup.select_one("section.partial-results")
    assert section.h2.get_text() == "Also matching some of your words"
    partial_titles = {a.get_text() for a in section.select(".result-title a")}
    assert partial_titles == {"Opening Remarks in Harrowgate", "Mentoring for Entrepreneurs"}
    main = soup.select_one("ol.result-list:not(.result-list--partial)")
    assert [a.get_text() for a in main.select(".result-title a")] == [
        "Dialogue with Young Entrepreneurs"
    ]
    api = client.get("/api/search?q=young+entrepreneurs").get_json()
    assert len(api["partial"]) == 2


def test_metadata_conditions_are_never_dropped(match_engine):  # noqa: F811
    found = match_engine.search("type:news_article tourism recovery dredging")
    assert found["results"] == [] and slugs(found["partial"]) == ["together"]
    assert match_engine.search("type:news_article tourism")["partial"] == []


def test_two_word_partials_are_as_walking_the_passages(match_engine, monkeypatch):  # noqa: F811
    # Documents holding one of two words are matched by their best passage for it without
    # walking their passages (Engine._one_of_two): the same list as doc_rank scores.
    pairs = [
        "young entrepreneurs",
        "tourism dredging",
        "exporters quotas",
        "ministers dredging",
        "officials zanzibar",
        "mentoring visitors",
        "continuity seasonal",
    ]
    walked: list[int] = []
    real = doc_rank.score_document
    monkeypatch.setattr(doc_rank, "score_document", lambda *a: walked.append(1) or real(*a))
    fast = [match_engine.search(q)["partial"] for q in pairs]
    assert any(fast) and not walked  # each candidate holds one word: nothing walked
    monkeypatch.setattr(
        Engine, "_one_of_two", lambda self, gen, words, c: self._proximity(gen, words, list(c))
    )
    assert [match_engine.search(q)["partial"] for q in pairs] == fast
    assert walked
