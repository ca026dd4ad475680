"""A question typed into the search box: its confident answer above the results, or a link
to ask it; a query of words gets neither."""

import csv
import html
import io
import json
import re

import pytest
from click.testing import CliRunner

from indexer.ask.question import reads_as_question
from indexer.cli import cli
from tests.ask_corpus import DOCS
from tests.helpers import make_index
from webapp import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    index_dir = make_index(tmp_path_factory.mktemp("search-question"), DOCS)
    return create_app({"INDEX_DIR": index_dir, "TESTING": True}).test_client()


def body(client, q, **more):
    response = client.get("/search", query_string={"q": q, **more})
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("query", "question"),
    [
        ("Who chaired the 2021 meeting?", True),
        ("when did ministers meet in penang", True),
        ("SME finance ministers?", True),
        ("women entrepreneurs", False),
        ("who?", False),
        ('title:"who chaired" 2021', False),
        ("what OR which plan", False),
    ],
)
def test_a_query_reads_as_a_question(query, question):
    assert reads_as_question(query) is question


def test_the_confident_answer_leads_the_results(client):
    page = body(client, "Who chaired the 2021 SME ministerial meeting?")
    box = re.search(r'<section class="featured-answer".*?</section>', page, re.S)
    assert box, "no answer box"
    assert "Hon. Mere Tawhiri" in box.group(0)
    assert "Go to the sentence" in box.group(0)
    assert box.start() < page.index('class="result-list')


def test_a_question_without_a_confident_answer_links_to_ask_it(client):
    q = "Who chaired the 2035 SME ministerial meeting?"
    page = body(client, q)
    assert "reads as a question" in page
    assert html.escape("/ask?q=Who+chaired+the+2035") in page


def test_words_get_no_answer_box(client):
    assert "featured-answer" not in body(client, "ministerial meeting")


def test_the_answer_box_is_on_the_first_page_only(client):
    page = body(client, "Who chaired the 2021 SME ministerial meeting?", page="2")
    assert "featured-answer" not in page


def test_results_under_an_answer_are_a_search_for_the_questions_words(client):
    # No statement holds every word of the question ("chaired" is in none), yet it is
    # answered: below it are the documents holding some of its words, as for those words
    # typed alone, never "Nothing matched ... check the spelling" under a correct answer.
    page = body(client, "Who chaired the 2021 SME ministerial meeting?")
    assert "Hon. Mere Tawhiri" in page
    assert "Nothing matched" not in page
    assert "Check the spelling" not in page
    assert "No documents found" not in page
    assert "Searched for the question’s words: chaired, 2021, SME, ministerial, meeting" in page
    results = page[page.index('<ol class="result-list') :]
    assert "2021 SME Ministerial Meeting: Joint Ministerial Statement" in results


def test_a_question_whose_words_no_document_holds_all_lists_those_holding_some(client):
    page = body(client, "Who chaired the 2021 zeppelin meeting?")
    assert "No document holds every one of the question’s words" in page
    assert "Also matching some of your words" in page
    assert "These documents hold only some of the question’s words." in page
    assert "2021 SME Ministerial Meeting" in page


def test_a_question_exports_the_documents_its_page_lists(client):
    q = "Who chaired the 2021 meeting?"
    response = client.get("/search.csv", query_string={"q": q})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert any("2021 SME Ministerial Meeting" in row["title"] for row in rows)
    # the rows are the page's: those holding every word, then those holding some of them,
    # as many as the page lists below them (not every document holding one word)
    page = client.get("/api/search", query_string={"q": q}).get_json()
    assert page["partial"], "the question's words should not all be in one document here"
    listed = [(r["title"], "all words") for r in page["results"]]
    listed += [(r["title"], "some words") for r in page["partial"]]
    assert [(row["title"], row["matched"]) for row in rows] == listed


def test_the_json_twin_of_a_question_is_the_page(client):
    q = "Who chaired the 2021 SME ministerial meeting?"
    data = client.get("/api/search", query_string={"q": q}).get_json()
    page = body(client, q)
    assert data["query"] == q
    assert data["question_words"] == "chaired 2021 SME ministerial meeting"
    assert data["featured"]["confident"] and "Mere Tawhiri" in data["featured"]["summary"]
    shown = re.findall(r'<li class="result', page)  # all the words, some, and documents like
    listed = [r for key in ("results", "partial", "related") for r in data[key]]
    assert data["total"] > 0 and len(listed) == len(shown)
    assert data["results"][0]["title"] in html.unescape(page)
    words = client.get("/api/search", query_string={"q": "women entrepreneurs"}).get_json()
    assert words["featured"] is None and words["question_words"] is None


def test_the_command_line_answers_a_question_as_the_page_does(tmp_path):
    index_dir = make_index(tmp_path, DOCS)
    q = "Who chaired the 2021 SME ministerial meeting?"
    found = CliRunner().invoke(cli, ["search", "--index", str(index_dir), "--json", q])
    assert found.exit_code == 0, found.output
    data = json.loads(found.output)
    assert data["featured"]["confident"] and data["total"] > 0
    text = CliRunner().invoke(cli, ["search", "--index", str(index_dir), q]).output
    assert text.startswith("Answer: ") and "Mere Tawhiri" in text.splitlines()[0]
