"""`/doc/<id>/original` serves the bytes the crawl stored for a document: an HTML page
under a sandboxing Content-Security-Policy, a PDF as a PDF, a 404 for an unknown document or
bytes the corpus store does not hold; the document page links it beside the Source."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from indexer.model import Paragraph
from tests.helpers import make_document, make_index
from webapp import create_app

HOSTILE = '<script>alert("stored")</script>'
DOCS = {
    "page": make_document(
        "https://www.apec.org/press/2033/sme-ministers",
        f"SME Ministers Meet {HOSTILE}",
        ["Ministers responsible for small and medium enterprises met in Harbourtown."],
        year=2033,
        fetched_at="2034-02-03T08:00:00+00:00",
    ),
    "plan": make_document(
        "https://www.apec.org/docs/sme-plan-2033.pdf",
        "SME Strategic Plan 2033",
        [Paragraph("The plan sets out three priorities for the working group.", page=1)],
        year=2033,
        fetched_at="2034-02-04T08:00:00+00:00",
    ),
}


def id_of(name: str) -> str:
    return DOCS[name].id


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding `index/` and the `corpus/` (with its stored bytes) it was built from."""
    root = tmp_path_factory.mktemp("original")
    make_index(root, list(DOCS.values()))
    return root


def app_over(index_dir: Path, corpus_dir: Path) -> Flask:
    return create_app({"INDEX_DIR": index_dir, "CORPUS_DIR": corpus_dir, "TESTING": True})


@pytest.fixture
def client(built: Path) -> FlaskClient:
    return app_over(built / "index", built / "corpus").test_client()


def served(client: FlaskClient, name: str):
    response = client.get(f"/doc/{id_of(name)}/original")
    assert response.status_code == 200
    sha256 = client.get(f"/api/doc/{id_of(name)}").get_json()["sha256"]
    assert hashlib.sha256(response.data).hexdigest() == sha256  # the very bytes stored
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    return response


def test_stored_html_is_served_in_a_sandbox(client):
    response = served(client, "page")
    assert response.mimetype == "text/html"
    assert HOSTILE.encode() in response.data  # as crawled: the sandbox keeps it harmless
    policy = [d.strip() for d in response.headers["Content-Security-Policy"].split(";")]
    assert "sandbox" in policy  # no allow-scripts, no allow-same-origin
    assert "default-src 'none'" in policy


def test_a_stored_pdf_is_served_as_a_pdf(client):
    response = served(client, "plan")
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == f'inline; filename="{id_of("plan")}.pdf"'


def test_an_unknown_document_or_unstored_bytes_are_a_404(client, built, tmp_path):
    assert client.get("/doc/ffffffffffffffff/original").status_code == 404
    elsewhere = app_over(built / "index", tmp_path / "corpus").test_client()
    assert elsewhere.get(f"/doc/{id_of('page')}/original").status_code == 404
    response = elsewhere.get(f"/doc/{id_of('page')}")
    soup = BeautifulSoup(response.get_data(as_text=True), "lxml")
    assert soup.select_one("a.doc-original") is None  # nothing stored here to link


def original_link(client: FlaskClient, name: str) -> tuple[str, str, list[str]]:
    response = client.get(f"/doc/{id_of(name)}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert HOSTILE not in html  # the page itself escapes the title
    soup = BeautifulSoup(html, "lxml")
    link = soup.select_one(".doc-meta a.doc-original")
    return link["href"], link.get_text(), [dt.get_text() for dt in soup.select(".doc-meta dt")]


def test_the_document_page_links_the_stored_original_beside_the_source(client):
    href, text, terms = original_link(client, "page")
    assert (href, text) == (f"/doc/{id_of('page')}/original", "HTML, as crawled on 3 February 2034")
    assert terms[terms.index("Original file") - 1] == "Source"
    href, text, _ = original_link(client, "plan")
    assert (href, text) == (f"/doc/{id_of('plan')}/original", "PDF, as crawled on 4 February 2034")
