"""Fixtures for the web tests of the record of meetings: a small invented corpus whose
documents name their meetings, its index, and an app over it.

- the 38th SME Ministerial Meeting (2031): its statement (a hostile title), a news story
  about it and a summary report that gives it another city (Hilltown, not Lakeside);
- the 37th (2030), known from a news story only: no outcome document in the index;
- 2032's statement names no number; the 40th (2033) is stated, so it is the 39th, inferred;
- the 70th SMEWG meeting (2032), known from its summary.

Import the fixtures you use into a test module (`from tests.meeting_fixtures import ...`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from indexer.model import Document
from tests.helpers import make_document, make_index
from webapp import create_app

BASE = "https://example.org/meetings"
HOSTILE = '<script>alert("meet")</script>'
STATEMENT_TITLE = f"Lakeside Statement {HOSTILE} of SME Ministers"
OPENING = (
    "We, the APEC Ministers responsible for SMEs, met in Lakeside, Atlantis on 4 May 2031"
    " for the 38th APEC SME Ministerial Meeting."
)
NEWS_SENTENCE = (
    "SME ministers gathered in Lakeside, Atlantis on 4 May 2031 for the 38th APEC SME"
    " Ministerial Meeting, chaired by Minister Jane Roe."
)
REPORT_SENTENCE = (
    "The 38th APEC SME Ministerial Meeting was held in Hilltown, Atlantis on 4 May 2031."
)


def url(slug: str) -> str:
    return f"{BASE}/{slug}"


def meeting_docs() -> list[Document]:
    return [
        make_document(
            url("2031-statement"),
            STATEMENT_TITLE,
            [OPENING, "We commit to support the digitalisation of small firms across the region."],
            year=2031,
            date="2031-05-04",
            doc_type="ministerial_statement",
        ),
        make_document(
            url("2031-news"),
            "Ministers meet in Lakeside",
            [NEWS_SENTENCE, "The ministers discussed access to finance for young entrepreneurs."],
            year=2031,
            date="2031-05-05",
            doc_type="news_release",
        ),
        make_document(
            url("2031-report"),
            "Summary report of the 38th SME Ministerial Meeting",
            [REPORT_SENTENCE, "Delegates reviewed the working group's projects on trade."],
            year=2031,
            doc_type="meeting_report",
        ),
        make_document(
            url("2030-news"),
            "Ministers meet in Old Harbour",
            [
                "The 37th APEC SME Ministerial Meeting was held in Old Harbour, Atlantis on"
                " 9 June 2030.",
                "Ministers spoke about women entrepreneurs and start-ups.",
            ],
            year=2030,
            date="2030-06-10",
            doc_type="news_release",
        ),
        make_document(
            url("2032-statement"),
            "Midvale Statement of SME Ministers",
            [
                "We, the APEC Ministers responsible for SMEs, met in Midvale, Atlantis on"
                " 5 May 2032.",
                "We welcome the work on supply chain resilience for micro enterprises.",
            ],
            year=2032,
            date="2032-05-05",
            doc_type="ministerial_statement",
        ),
        make_document(
            url("2033-news"),
            "Ministers meet in Sunport",
            [
                "The 40th APEC SME Ministerial Meeting was held in Sunport, Atlantis on"
                " 3 March 2033.",
                "Ministers discussed green growth for small businesses.",
            ],
            year=2033,
            date="2033-03-04",
            doc_type="news_release",
        ),
        make_document(
            url("2032-smewg"),
            "Summary of the 70th SMEWG meeting",
            [
                "The 70th SMEWG meeting was held in Rivertown, Atlantis on 2 March 2032.",
                "Members reviewed the strategic plan.",
            ],
            year=2032,
            doc_type="meeting_report",
        ),
    ]


def doc_id_of(slug: str) -> str:
    return next(d.id for d in meeting_docs() if d.canonical_url == url(slug))


@pytest.fixture(scope="session")
def meetings_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_index(tmp_path_factory.mktemp("meetings"), meeting_docs())


@pytest.fixture
def meetings_app(meetings_index: Path) -> Flask:
    return create_app({"INDEX_DIR": meetings_index, "TESTING": True})


@pytest.fixture
def meetings_client(meetings_app: Flask) -> FlaskClient:
    return meetings_app.test_client()
