"""The /ask page and /api/ask: answers with citations, declining, validation, escaping."""

import html
import re

import pytest

from indexer.ask import answer
from indexer.ask.calibration import calibration
from indexer.search.engine import Engine
from tests.ask_corpus import BASE, DOCS
from tests.helpers import make_index
from webapp import create_app

SCRIPT = "<script>alert("


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return make_index(tmp_path_factory.mktemp("webask"), DOCS)


@pytest.fixture
def client(index_dir):
    return create_app({"INDEX_DIR": index_dir, "TESTING": True}).test_client()


def page(client, q):
    response = client.get("/ask", query_string={"q": q})
    return response, response.get_data(as_text=True)


def test_api_ask_is_the_library_answer(client, index_dir):
    q = "Who chaired the 2021 SME ministerial meeting?"
    response = client.get("/api/ask", query_string={"q": q})
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.get_json() == answer(Engine(index_dir), q)
    data = response.get_json()
    assert data["confident"] is True
    a = data["answers"][0]
    assert {"answer", "span", "context", "title", "url", "link", "year", "score"} <= a.keys()
    assert (a["span"], a["url"]) == ("Hon. Mere Tawhiri", BASE + "smemm/2021")
    assert calibration().threshold <= a["confidence"] <= 1 and a["confident"]


def test_api_ask_limit(client):
    q = "Who chaired the SME ministerial meeting?"
    data = client.get("/api/ask", query_string={"q": q, "limit": "1"}).get_json()
    assert len(data["answers"]) == 1
    response = client.get("/api/ask", query_string={"q": q, "limit": "many"})
    assert response.status_code == 400 and "limit" in response.get_json()["error"]


@pytest.mark.parametrize("q", ["", "   "])
def test_api_ask_needs_a_question(client, q):
    response = client.get("/api/ask", query_string={"q": q})
    assert response.status_code == 400
    assert response.get_json() == {"error": "q is required: the question to answer.", "status": 400}


def test_too_long_questions_are_refused_clearly(client):
    response = client.get("/api/ask", query_string={"q": "why " * 200})
    assert response.status_code == 400 and "too long" in response.get_json()["error"]
    response, body = page(client, "why " * 200)
    assert response.status_code == 400 and "too long" in body and "Traceback" not in body


def test_the_page_shows_the_answer_marked_with_its_citation_and_context(client):
    response, body = page(client, "Who chaired the 2021 SME ministerial meeting?")
    assert response.status_code == 200
    answers = body.index("Answer")
    more = body.index("More passages")
    assert answers < body.index("<mark>Hon. Mere Tawhiri</mark>") < more
    assert "2021 SME Ministerial Meeting: Joint Ministerial Statement" in body
    assert html.escape(BASE + "smemm/2021#:~:text=") in body
    assert 'href="/doc/' in body
    assert "Go to the sentence" in body
    assert "<summary>Context</summary>" in body
    assert "<strong>The meeting was held under the chairmanship of" in body
    assert re.search(r"Likely</span>\s*· confidence \d{2,3}%", body)


def test_the_page_leads_with_the_answer_in_one_line_then_its_sentence_then_others(client):
    _, body = page(client, "Who chaired the 2021 SME ministerial meeting?")
    summary = re.search(r'<p class="answer-summary"[^>]*>([^<]+)</p>', body)
    assert summary and "Hon. Mere Tawhiri" in summary.group(1)
    assert summary.start() < body.index("<mark>Hon. Mere Tawhiri</mark>")
    if "Other candidates" in body:
        assert body.index("<mark>Hon. Mere Tawhiri</mark>") < body.index("Other candidates")


def test_the_page_declines_and_shows_the_closest_passages(client):
    response, body = page(client, "Who chaired the 2035 SME ministerial meeting?")
    assert response.status_code == 200
    assert "No confident answer" in body
    assert "<mark>" not in body
    assert "Go to the passage" in body


def test_the_page_without_a_question_asks_for_one(client):
    response, body = page(client, "")
    assert response.status_code == 200
    assert "Type a question above" in body
    assert 'href="/ask?q=Who+chaired' in body


def test_a_question_with_nothing_to_find_says_so(client):
    response, body = page(client, "What is the airspeed velocity of an unladen swallow?")
    assert response.status_code == 200 and "No answer" in body


def test_a_script_in_the_question_is_escaped(client):
    q = "<script>alert(1)</script> Who chaired the 2021 meeting?"
    response, body = page(client, q)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "Content-Security-Policy" in response.headers


def test_a_script_in_a_document_is_escaped(client):
    for q in ("What did ministers agree on the digital trade agenda?", "digital trade e-invoicing"):
        response, body = page(client, q)
        assert "digital trade" in body
        assert SCRIPT not in body
        assert "&lt;script&gt;alert(" in body
    data = client.get("/api/ask", query_string={"q": "digital trade agenda guide"}).get_json()
    assert SCRIPT in data["answers"][0]["answer"] + data["answers"][0]["title"]


def test_syntax_characters_do_not_break_the_page(client):
    response, body = page(client, '"(AND OR NOT*?:^~[]{}')
    assert response.status_code == 200
    response = client.get("/api/ask", query_string={"q": '"(AND OR NOT*?:^~[]{}'})
    assert response.status_code == 200 and response.get_json()["confident"] is False


def test_no_index_is_a_503_that_says_how_to_build_one(tmp_path):
    client = create_app({"INDEX_DIR": tmp_path / "none", "TESTING": True}).test_client()
    response = client.get("/api/ask", query_string={"q": "Who chaired?"})
    assert response.status_code == 503 and "apec-search index" in response.get_json()["error"]
    response = client.get("/ask", query_string={"q": "Who chaired?"})
    assert response.status_code == 503
