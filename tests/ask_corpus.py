"""A small statement-like corpus for the question-answering tests (facts invented)."""

from indexer.model import Paragraph
from tests.helpers import make_document

BASE = "https://ask.example.test/"


def statement(year: int, city: str, date: str, chair_sentence: str, *more: str):
    return make_document(
        f"{BASE}smemm/{year}",
        f"{year} SME Ministerial Meeting: Joint Ministerial Statement",
        [
            Paragraph("Joint Ministerial Statement", kind="h"),
            f"1. SME Ministers met in {city} on {date}. {chair_sentence}",
            *more,
        ],
        year=year,
        date=None,
        doc_type="ministerial_statement",
    )


DOCS = [
    statement(
        2019,
        "Valparaiso, Chile",
        "14 May 2019",
        "The meeting was chaired by H.E. Marta Olivares, Minister of Economy.",
        "2. Ministers agreed to help start-ups reach foreign markets through the Export "
        "Launchpad, which 16 economies have joined.",
    ),
    statement(
        2020,
        "Penang, Malaysia",
        "21 October 2020",
        "The meeting was chaired by Datuk Harun Aziz, Minister of Entrepreneurship.",
        "2. Ministers noted that MSMEs make up 97.5 per cent of all firms in the region.",
    ),
    statement(
        2021,
        "Auckland, New Zealand",
        "3 September 2021",
        "The meeting was held under the chairmanship of Hon. Mere Tawhiri, Minister for "
        "Small Business.",
        "2. On natural disasters, ministers agreed that every small firm should keep an "
        "emergency plan and insure its premises.",
    ),
    make_document(
        f"{BASE}smewg/plan-2017-2020.pdf",
        "SMEWG Strategic Plan 2017-2020",
        [
            Paragraph("SMEWG Strategic Plan 2017-2020", kind="h", page=1),
            Paragraph("This plan guides the working group's projects for four years.", page=1),
            Paragraph(
                "Ministers endorsed the Strategic Plan 2017-2020 on 8 September 2016 at their "
                "meeting in Lima.",
                page=2,
            ),
        ],
        year=2016,
        doc_type="strategic_plan",
    ),
    make_document(
        f"{BASE}smemm/2018-script",
        "Statement on <script>alert(1)</script> digital trade",
        [
            "1. Ministers discussed the <script>alert('x')</script> digital trade agenda and "
            "agreed to publish a guide on e-invoicing for micro enterprises."
        ],
        year=2018,
        doc_type="other",
    ),
]
