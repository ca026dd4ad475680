"""Questions asking what was committed to on a topic are answered by the record of
commitments, each cited by its sentence, not by a phrase picked out of one sentence."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from indexer.ask import answer
from indexer.cli import cli
from indexer.search.engine import Engine
from tests.helpers import make_document, make_index
from webapp import create_app

BASE = "https://www.apec.org/meeting-papers/sectoral-ministerial-meetings/sme/"
FINANCE_2031 = "We commit to improve access to finance for micro and small enterprises."
FINANCE_2033 = "We will expand access to credit for women-led SMEs through digital lending."
OTHER = "We endorse the roadmap on the digitalisation of small firms."


def statement(year: int, *sentences: str):
    return make_document(
        f"{BASE}{year}",
        f"{year} APEC SME Ministerial Meeting Joint Statement",
        [f"We, the APEC SME Ministers, met in Lakeside on 4 May {year}.", *sentences],
        doc_type="ministerial_statement",
        year=year,
        publisher="APEC",
    )


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    docs = [statement(2031, FINANCE_2031, OTHER), statement(2033, FINANCE_2033)]
    return make_index(tmp_path_factory.mktemp("askcommit"), docs)


def test_what_ministers_committed_to_on_a_topic_is_the_record_of_commitments(index_dir):
    found = answer(Engine(index_dir), "What did ministers commit to on access to finance?")
    asked = found["commitments"]
    assert (asked["topic"], asked["total"]) == ("access-to-finance", 2)
    assert [(r["year"], r["text"]) for r in asked["records"]] == [
        (2033, FINANCE_2033),
        (2031, FINANCE_2031),
    ]  # newest first, each cited at its sentence
    assert all(r["link"].startswith(r["url"] + "#:~:text=") for r in asked["records"])
    assert (asked["first_year"], asked["last_year"]) == (2031, 2033)
    assert asked["url"] == "/commitments?topic=access-to-finance"
    assert found["confident"] is False  # no phrase of one sentence stands as the answer


def test_a_year_named_narrows_the_commitments(index_dir):
    found = answer(Engine(index_dir), "Which pledges on access to finance were made in 2031?")
    asked = found["commitments"]
    assert [r["year"] for r in asked["records"]] == [2031]
    assert asked["label"] == "Access to finance, 2031"
    assert asked["url"] == "/commitments?topic=access-to-finance&year=2031-2031"
    none = answer(Engine(index_dir), "What did ministers commit to on finance in 2040?")
    assert none["commitments"]["total"] == 0


def test_without_a_topic_the_words_asked_about_or_every_commitment(index_dir):
    engine = Engine(index_dir)
    roadmap = answer(engine, "What did ministers commit to on roadmaps?")["commitments"]
    assert (roadmap["topic"], roadmap["words"]) == (None, "roadmaps")
    assert roadmap["label"] == "“roadmaps”"
    assert [r["text"] for r in roadmap["records"]] == [OTHER]
    assert roadmap["url"] == "/commitments?q=roadmaps"
    every = answer(engine, "What did ministers commit to?")["commitments"]
    assert (every["label"], every["total"], every["url"]) == ("every topic", 3, "/commitments")


@pytest.mark.parametrize(
    "question",
    [
        "Who chaired the 2031 SME ministerial meeting?",  # not about commitments
        "Did ministers commit to access to finance?",  # not a what/which question
    ],
)
def test_other_questions_have_no_commitments(index_dir, question):
    assert answer(Engine(index_dir), question)["commitments"] is None


def test_the_ask_page_and_cli_list_the_commitments(index_dir):
    client = create_app({"INDEX_DIR": index_dir, "TESTING": True}).test_client()
    html = client.get("/ask", query_string={"q": "What did ministers pledge on access to finance?"})
    soup = BeautifulSoup(html.get_data(as_text=True), "lxml")
    section = soup.select_one(".asked-commitments")
    assert section.h2.get_text(strip=True) == "Commitments on Access to finance"
    assert [p.get_text(strip=True) for p in section.select(".snippet")] == [
        FINANCE_2033,
        FINANCE_2031,
    ]
    assert section.select("a")[-1]["href"] == "/commitments?topic=access-to-finance"
    titles = section.select(".result .meta a[href^='/doc/']")  # each record's document
    assert [a.get_text(strip=True) for a in titles] == [
        "2033 APEC SME Ministerial Meeting Joint Statement",
        "2031 APEC SME Ministerial Meeting Joint Statement",
    ]
    assert soup.select_one(".summary a")["href"].startswith("/api/ask?q=")  # the JSON twin
    question = "What did ministers commit to on access to finance?"
    result = CliRunner().invoke(cli, ["ask", "--index", str(index_dir), question])
    assert result.exit_code == 0
    assert "2 commitments on Access to finance, 2031-2033:" in result.output
    assert result.output.index(FINANCE_2033) < result.output.index(FINANCE_2031)
