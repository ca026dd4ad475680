"""Fixtures for the web tests: a small made-up corpus, its index, and apps built over it.

Import the fixtures you use into a test module (`from tests.web_fixtures import client`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from indexer.model import Document, Paragraph
from tests.helpers import make_document, make_index
from webapp import create_app

BASE = "https://example.org/sme"
SCRIPT_TEXT = '<script>alert("pwned")</script>'


def url(slug: str) -> str:
    return f"{BASE}/{slug}"


def web_docs() -> list[Document]:
    """Seven documents over four years and five types; one carries a script in its text."""
    return [
        make_document(
            url("2021-statement"),
            "Joint Ministerial Statement of the 27th SME Ministerial Meeting",
            [
                Paragraph("Digital transformation of small firms", "h"),
                "We commit to support the digitalisation of micro, small and medium enterprises,"
                " so that women-owned businesses can reach customers across the region.",
                "We welcome the work of officials on access to finance, including credit"
                " guarantees and lending to young entrepreneurs.",
                Paragraph("Resilience", "h"),
                "Ministers instructed the working group to report on supply chain resilience"
                " next year.",
            ],
            year=2021,
            date="2021-09-08",
            doc_type="ministerial_statement",
            location="Wellington, New Zealand",
            meeting_number=27,
            fetched_at="2026-03-02T10:15:00+00:00",
        ),
        make_document(
            url("2021-chair.pdf"),
            "Chair's Statement on the Digital Economy",
            [
                Paragraph(
                    "The digital economy offers micro enterprises new routes to customers.",
                    page=1,
                ),
                Paragraph(
                    "The chair noted that digitalisation of payments lowers costs for traders.",
                    page=2,
                ),
            ],
            year=2021,
            date="2021-09-09",
            doc_type="chairs_statement",
            location="Wellington, New Zealand",
            meeting_number=27,
        ),
        make_document(
            url("2019-statement"),
            "Ministerial Statement of the 25th SME Ministerial Meeting",
            [
                "Ministers encouraged economies to foster start-ups and the digitalisation of"
                " traditional small businesses in rural areas.",
                "We note with concern the gap in access to finance faced by women entrepreneurs.",
            ],
            year=2019,
            date="2019-09-05",
            doc_type="ministerial_statement",
            location="Concepcion, Chile",
            meeting_number=25,
        ),
        make_document(
            url("2015-declaration.pdf"),
            "Declaration on Disaster Resilience of Small Businesses",
            [
                Paragraph(
                    "Natural disasters hit small enterprises hardest, as they have few reserves.",
                    page=1,
                ),
                Paragraph(
                    "We endorse business continuity planning for enterprises and the"
                    " digitalisation of their records.",
                    page=2,
                ),
            ],
            year=2015,
            date="2015-09-10",
            doc_type="declaration",
            location="Iloilo, Philippines",
            meeting_number=22,
        ),
        make_document(
            url("2015-plan.pdf"),
            "SME Working Group Strategic Plan 2013-2016",
            [
                "The plan sets priorities on entrepreneurship, innovation and access to markets"
                " for small and medium enterprises.",
            ],
            year=2015,
            doc_type="strategic_plan",
        ),
        make_document(
            url("2018-notes"),
            f"Notes on {SCRIPT_TEXT} handling",
            [
                f"Members & observers discussed the snippet {SCRIPT_TEXT} in a web form, and"
                " agreed that digitalisation needs safe software.",
            ],
            year=2018,
            doc_type="other",
        ),
        make_document(
            url("2018-annex"),
            "=HYPERLINK(1) annex on cooperation",
            ["An annex listing cooperation projects on digitalisation of customs procedures."],
            year=2018,
            doc_type="other",
        ),
    ]


def doc_id_of(slug: str) -> str:
    return next(d.id for d in web_docs() if d.canonical_url == url(slug))


@pytest.fixture(scope="session")
def web_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_index(tmp_path_factory.mktemp("web"), web_docs())


@pytest.fixture
def app(web_index: Path) -> Flask:
    return create_app({"INDEX_DIR": web_index, "TESTING": True, "PAGE_SIZE": 3})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
