"""A document with no title is named by its address's host and path, escaped, wherever the
pages list it: results, its page's heading, copies lists and its meeting's page. (An untitled
outcome takes its meeting's title: test_record_meetings; these are stories about one.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from indexer.model import Document
from tests.helpers import make_document, make_index
from webapp import create_app
from webapp.works import doc_title, url_label

UNTITLED_URL = "https://files.example/sme/a&b/2041_sme?print=1"
LABEL = "files.example/sme/a&b/2041_sme"
COPY_URL = "https://mirror.example/x&y/statement"
COPY_LABEL = "mirror.example/x&y/statement"
STATEMENT = [
    "We, the APEC Ministers responsible for SMEs, met in Harbourtown, Atlantis on 12 June 2041"
    " for the 48th APEC SME Ministerial Meeting.",
    "We agree to widen access to finance for women-owned enterprises through credit guarantee"
    " schemes and to report on progress at our next meeting.",
    "We instruct officials to simplify customs procedures for small exporters and to publish"
    " the cost of registering a business in each economy in plain language.",
]


def docs() -> list[Document]:
    return [
        make_document(
            UNTITLED_URL,
            "",
            STATEMENT,
            year=2041,
            date="2041-06-12",
            doc_type="news_article",
        ),
        make_document(  # the same text elsewhere, untitled too: a copy in the same work
            COPY_URL,
            "",
            STATEMENT,
            year=2041,
            doc_type="news_article",
            publisher="Mirror",
        ),
    ]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    index: Path = make_index(tmp_path_factory.mktemp("untitled"), docs())
    return create_app({"INDEX_DIR": index, "TESTING": True}).test_client()


def soup_of(client: FlaskClient, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.get_data(as_text=True)
    assert "Untitled" not in html
    assert "a&b/" not in html and "x&y/" not in html  # the & is escaped
    return BeautifulSoup(html, "lxml")


def untitled_id() -> str:
    return docs()[0].id


def test_url_label_and_doc_title():
    assert url_label("https://wire.example/2031/05/story?x=1#top") == "wire.example/2031/05/story"
    assert url_label("http://127.0.0.1:8001/") == "127.0.0.1:8001"
    assert doc_title({"title": "", "url": UNTITLED_URL}) == LABEL
    assert doc_title({"title": UNTITLED_URL, "url": UNTITLED_URL}) == LABEL  # as the record has it
    assert doc_title({"title": "  A  title ", "url": UNTITLED_URL}) == "A title"
    assert doc_title({"title": None, "url": None}) == "Untitled"


def test_results_name_it_by_its_address(client):
    soup = soup_of(client, "/search?q=customs+procedures")
    named = {a.get_text() for a in soup.select(".result-title a, .copies-list li > a")}
    assert named == {LABEL, COPY_LABEL}


def test_its_page_heading_and_title(client):
    soup = soup_of(client, f"/doc/{untitled_id()}")
    assert soup.select_one("h1#doc-title").get_text() == LABEL
    assert soup.title.get_text().startswith(LABEL)


def test_the_copies_list_names_it(client):
    for doc, other in ((docs()[0], COPY_LABEL), (docs()[1], LABEL)):
        soup = soup_of(client, f"/doc/{doc.id}")
        assert other in [a.get_text() for a in soup.select("#copies .copies-list li > a")]


def test_the_meetings_page_lists_name_it(client):
    soup = soup_of(client, "/meetings/sme_ministerial/48")
    assert LABEL in [a.get_text() for a in soup.select(".meeting-doc-list a")]
