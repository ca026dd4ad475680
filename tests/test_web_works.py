"""Works on the web pages: a wire's reprint of APEC's statement is one result with "1 other
copy"; the statement's page lists the copy, the copy's page says whose copy it is and cites
APEC's statement; an older snapshot is "an earlier version"; titles from documents are
escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from indexer.model import Document
from tests.helpers import make_document, make_index
from webapp import create_app

HOSTILE = '<img src=x onerror="alert(1)">'
STATEMENT = [
    "We, the APEC Ministers responsible for SMEs, met in Harbourtown on 12 June 2033.",
    "We recognise that small firms make up most businesses of the region and employ most of"
    " its workers, and that access to finance, markets and digital tools remains uneven.",
    "We agree to widen access to finance for women-owned enterprises through credit guarantee"
    " schemes and to report on progress at our next meeting.",
    "We instruct officials to simplify customs procedures for small exporters and to publish"
    " the cost of registering a business in each economy in plain language.",
    "We welcome the work of the SME Working Group on cross-border e-commerce and thank"
    " our hosts for their hospitality.",
]
GROUP_PAGE = [
    "The Small and Medium Enterprises Working Group works to encourage the development of"
    " small firms and to build their capacity to engage in international trade.",
    "Its work plan covers entrepreneurship, innovation, access to finance and markets.",
]
STATEMENT_URL = "https://www.apec.org/meeting-papers/sme/2033_sme"
REPRINT_URL = "https://wire.example/2033/06/ministers-issue-statement"
OLD_GROUP_URL = "https://www.apec.org/Groups/SMEWG.aspx"
GROUP_URL = "https://www.apec.org/groups/smewg"


def docs() -> dict[str, Document]:
    return {
        "statement": make_document(
            STATEMENT_URL,
            "2033 SME Ministerial Statement",
            STATEMENT,
            year=2033,
            date="2033-06-12",
            doc_type="ministerial_statement",
            publisher="APEC",
            fetched_at="2034-02-03T08:00:00+00:00",
        ),
        "reprint": make_document(
            REPRINT_URL,
            f"Ministers Issue Statement {HOSTILE}",
            ["Ministers released the following statement on Friday."] + STATEMENT,
            year=2033,
            doc_type="news_article",
            publisher=f"Wire {HOSTILE}",
        ),
        "old group": make_document(
            OLD_GROUP_URL,
            "SME Working Group",
            GROUP_PAGE,
            year=2019,
            date="2019-06-01",
            fetched_at="2019-06-02T00:00:00+00:00",
        ),
        "group": make_document(
            GROUP_URL,
            "SME Working Group",
            GROUP_PAGE,
            year=2023,
            date="2023-02-01",
            fetched_at="2023-02-02T00:00:00+00:00",
        ),
    }


DOCS = docs()


def id_of(name: str) -> str:
    return DOCS[name].id


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding `index/` and the `corpus/` it was built from."""
    root = tmp_path_factory.mktemp("works")
    make_index(root, list(DOCS.values()))
    return root


@pytest.fixture
def app(built: Path) -> Flask:
    return create_app(
        {"INDEX_DIR": built / "index", "CORPUS_DIR": built / "corpus", "TESTING": True}
    )


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def page(client: FlaskClient, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "lxml")


def results(soup: BeautifulSoup) -> list:
    """The results proper, not those "Also matching some of your words"."""
    return soup.select(".result-list > li.result:not(.result--partial)")


def test_the_reprint_is_one_result_with_1_other_copy(client):
    soup = page(client, "/search?q=customs+procedures")
    (result,) = results(soup)
    assert result.select_one(".result-title a").get_text() == "2033 SME Ministerial Statement"
    disclosure = result.select_one("details.work-copies")
    assert disclosure.summary.get_text(strip=True) == "1 other copy"
    (item,) = disclosure.select("li")
    links = item.select("a")
    assert links[0]["href"] == f"/doc/{id_of('reprint')}"
    assert links[0].get_text() == f"Ministers Issue Statement {HOSTILE}"  # text, not markup
    assert links[-1]["href"] == REPRINT_URL and links[-1].get_text() == "wire.example"
    assert item.select_one(".tag").get_text() == "Copy"
    data = client.get("/api/search?q=customs+procedures").get_json()
    assert data["total"] == 1
    assert [(c["id"], c["kind"]) for c in data["results"][0]["copies"]] == [
        (id_of("reprint"), "copy")
    ]


def test_snapshots_are_counted_as_versions(client):
    soup = page(client, "/search?q=working+group+capacity")
    (result,) = results(soup)
    assert result.select_one("details.work-copies summary").get_text(strip=True) == (
        "1 other version"
    )


def test_the_statement_page_lists_its_copy(client):
    soup = page(client, f"/doc/{id_of('statement')}")
    assert soup.select_one(".copy-of") is None  # the primary copies nothing
    section = soup.select_one("section#copies")
    assert section["aria-labelledby"] == "copies-heading"
    assert section.h2.get_text() == "Other copies and versions"
    (item,) = section.select("li")
    assert item.select_one("a")["href"] == f"/doc/{id_of('reprint')}"
    meta = [s.get_text(" ", strip=True) for s in item.select(".meta > span")]
    assert meta == ["Copy", "2033", f"Wire {HOSTILE}", "wire.example"]  # its year, undated
    assert item.select("a")[-1]["href"] == REPRINT_URL
    assert section.find("img") is None  # escaped, never an element


def test_the_copy_page_says_whose_copy_it_is_and_cites_apec(client):
    html = client.get(f"/doc/{id_of('reprint')}").get_data(as_text=True)
    assert HOSTILE not in html and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    soup = page(client, f"/doc/{id_of('reprint')}")
    assert soup.h1.get_text() == f"Ministers Issue Statement {HOSTILE}"
    assert soup.find("img") is None
    notice = soup.select_one(".copy-of")
    assert notice.get_text(" ", strip=True).startswith(
        "This is a copy of 2033 SME Ministerial Statement , published at www.apec.org."
    )
    assert notice.select_one("a")["href"] == f"/doc/{id_of('statement')}"
    (primary,) = soup.select("#copies li")
    assert primary.select_one(".tag").get_text() == "Primary copy"
    cite = soup.select_one("#cite-plain").get_text()
    assert cite.startswith(
        "Asia-Pacific Economic Cooperation (APEC). “2033 SME Ministerial Statement.”"
    )
    assert f"{STATEMENT_URL} (accessed" in cite
    assert cite.endswith(f"Copy at wire.example: {REPRINT_URL}.")
    bibtex = soup.select_one("#cite-bibtex").get_text()
    assert "author = {{Asia-Pacific Economic Cooperation}}" in bibtex
    assert f"url = {{{STATEMENT_URL}}}" in bibtex and "note = {Copy at wire.example}" in bibtex
    tags = {m["name"]: m["content"] for m in soup.select("meta[name^=citation_]")}
    assert tags["citation_author"] == "Asia-Pacific Economic Cooperation"
    assert tags["citation_public_url"] == STATEMENT_URL
    related = [a["href"] for a in soup.select(".related a")]
    assert f"/doc/{id_of('statement')}" not in related  # its own work is not "related"


def test_the_copy_json_twin_names_its_primary(client):
    data = client.get(f"/api/doc/{id_of('reprint')}").get_json()
    assert data["work_id"] == id_of("statement")
    assert data["copy_of"] == {
        "id": id_of("statement"),
        "title": "2033 SME Ministerial Statement",
        "url": STATEMENT_URL,
        "publisher": "APEC",
        "date": "2033-06-12",
        "kind": "copy",
        "relation": "a copy",
    }
    assert client.get(f"/api/doc/{id_of('statement')}").get_json()["copy_of"] is None


def test_an_older_snapshot_is_an_earlier_version(client):
    soup = page(client, f"/doc/{id_of('old group')}")
    notice = soup.select_one(".copy-of")
    assert notice.get_text(" ", strip=True).startswith(
        "This is an earlier version of SME Working Group ."
    )
    assert notice.select_one("a")["href"] == f"/doc/{id_of('group')}"
    assert "Copy at" not in soup.select_one("#cite-plain").get_text()
    listed = page(client, f"/doc/{id_of('group')}").select("#copies li")
    assert [li.select_one(".tag").get_text() for li in listed] == ["Version"]
