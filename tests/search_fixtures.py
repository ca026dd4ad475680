"""A small made-up corpus of statement-like documents for the search tests."""

from __future__ import annotations

import pytest

from indexer.model import Document, Paragraph
from indexer.search.engine import Engine
from tests.helpers import make_document, make_index

FILLER = (
    "Ministers noted the progress of the working group and asked officials to report on"
    " capacity building, regulatory reform and the exchange of good practices among economies."
)


def sample_docs() -> list[Document]:
    return [
        make_document(
            "https://example.org/sme/2015-statement",
            "Joint Ministerial Statement of the 22nd SME Ministerial Meeting",
            [
                Paragraph("Women-owned enterprises", "h"),
                "We recognise that women-owned MSMEs face barriers to finance and markets, and"
                " we welcome the commitment of member economies to the digitalisation of small"
                " firms across the region.",
                FILLER,
            ],
            year=2015,
            date="2015-09-10",
            doc_type="ministerial_statement",
            location="Iloilo, Philippines",
            meeting_number=22,
        ),
        make_document(
            "https://example.org/sme/2021-chair.pdf",
            "Chair's Statement on the Digital Economy",
            [
                Paragraph(
                    "The digital economy offers micro enterprises new routes to customers"
                    " beyond their borders.",
                    page=1,
                ),
                Paragraph(FILLER, page=1),
                Paragraph(
                    "Women owned businesses were hit hard by the pandemic; ministers"
                    " agreed to support their recovery with targeted finance.",
                    page=2,
                ),
            ],
            year=2021,
            date="2021-09-02",
            doc_type="chairs_statement",
            location="Wellington, New Zealand",
        ),
        make_document(
            "https://example.org/sme/2010-declaration",
            "Gifu Declaration on SME Finance",
            [
                "Ministers committed to improving access to finance for small enterprises,"
                " noting that the economy of every member depends on digital and physical trade.",
                FILLER,
            ],
            year=2010,
            date="2010-10-02",
            doc_type="declaration",
            location="Gifu, Japan",
        ),
        make_document(
            "https://example.org/sme/smewg-plan",
            "SMEWG Strategic Plan 2013-2016",
            [
                "The strategic plan sets priorities for entrepreneurship, innovation and"
                " market access for MSMEs over four years.",
                FILLER,
            ],
            year=2013,
            doc_type="strategic_plan",
        ),
        make_document(
            "https://example.org/sme/tor",
            "Terms of Reference of the Working Group",
            [
                'Members & observers may attend. <script>alert("x")</script> The group meets'
                " twice a year to review startups and cooperation on trade facilitation.",
                FILLER,
            ],
            year=2012,
            doc_type="terms_of_reference",
        ),
        make_document(
            "https://example.org/sme/lima",
            "Declaración de Lima sobre cooperación",
            [
                "La cooperación económica entre las economías miembros fortalece a las"
                " pequeñas empresas y al comercio regional en Perú.",
                FILLER,
            ],
            year=2016,
            date="2016-11-18",
            doc_type="declaration",
            location="Lima, Perú",
        ),
    ]


def titles(found: dict) -> list[str]:
    return [r["title"] for r in found["results"]]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    eng = Engine(make_index(tmp_path_factory.mktemp("search"), sample_docs()))
    yield eng
    eng.close()
