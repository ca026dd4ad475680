"""A made-up corpus for what a query matches: words in different paragraphs, spellings of
compounds and acronyms, partial matches, prefixes and sentence deep links."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.model import Document, Paragraph
from indexer.search.engine import Engine
from tests.helpers import make_document, make_index

BASE = "https://example.org/match"
FILLER = (
    "Officials reviewed the work programme of the group and discussed arrangements for the"
    " next cycle of meetings, the budget of the secretariat, the calendar of workshops and the"
    " reports that member economies will submit to the plenary before the end of the year."
)


def para(sentence: str) -> str:
    """A paragraph long enough (over 40 words) to be a passage of its own."""
    return f"{sentence} {FILLER}"


def match_docs() -> list[Document]:
    return [
        make_document(
            f"{BASE}/spread",
            "Joint Statement of the Lakeside Meeting",
            [
                para("Ministers met in Lakeside, Atlantis under the chair of Ms Orla Venn."),
                para("Ministers discussed customs procedures for small exporters."),
                para("Small guesthouses and tour operators make up most of the tourism sector."),
                para("Ministers welcomed a mentoring network for first-time exporters."),
                para("Ministers agreed to share practices on business continuity planning."),
                para("Ministers noted the work on credit bureaus for small loans."),
                para("Ministers encouraged simpler business registration."),
                para("Ministers thanked the host for its hospitality."),
                para("We call for targeted finance to support the recovery of the firms hit."),
            ],
            year=2011,
            doc_type="ministerial_statement",
        ),
        make_document(
            f"{BASE}/together",
            "Island Post: operators count on a slow season",
            [para("Operators say the tourism recovery will take years, not months.")],
            year=2022,
            doc_type="news_article",
        ),
        make_document(
            f"{BASE}/tourism-only",
            "Visitor Economy Note",
            [para("Tourism depends on seasonal visitors and air links between islands.")],
            year=2019,
            doc_type="other",
        ),
        make_document(
            f"{BASE}/hyphens",
            "Statement of Port Meridian",
            [
                para("The U.S. delegation reported on e-commerce for small firms."),
                para("Members praised regulatory co-operation and cross-border payments."),
                para("Small-scale producers and the A.P.E.C. Business Fellowship were discussed."),
            ],
            year=1998,
            doc_type="ministerial_statement",
        ),
        make_document(
            f"{BASE}/closed",
            "Statement of Eastvale",
            [
                para("The US delegation reported on ecommerce for micro firms."),
                para("Members praised regulatory cooperation and crossborder payments."),
                para("Smallscale producers and the APEC Business Fellowship were discussed."),
            ],
            year=2020,
            doc_type="ministerial_statement",
        ),
        make_document(
            f"{BASE}/spaced",
            "Harbour Times: corner shops go online",
            [para("Corner shops sell through e commerce platforms and cross border couriers.")],
            year=2019,
            doc_type="news_article",
        ),
        make_document(
            f"{BASE}/young-both",
            "Dialogue with Young Entrepreneurs",
            [para("Ministers met young entrepreneurs from twelve economies in Harrowgate.")],
            year=2023,
            doc_type="news_release",
        ),
        make_document(
            f"{BASE}/young-people",
            "Opening Remarks in Harrowgate",
            [para("Our region has more young people than ever, and entrepreneurship is a choice.")],
            year=2018,
            doc_type="speech",
        ),
        make_document(
            f"{BASE}/entrepreneurs-only",
            "Mentoring for Entrepreneurs",
            [para("Experienced entrepreneurs mentor owners of new firms in Sandford.")],
            year=2017,
            doc_type="initiative",
        ),
        make_document(
            f"{BASE}/digital",
            "Going Digital",
            [
                para("The digitalisation of micro firms raises productivity."),
                para("Digitally enabled firms export more, and digital payments help them."),
            ],
            year=2021,
            doc_type="ministerial_statement",
        ),
        make_document(
            f"{BASE}/numbered",
            "Statement with Numbered Paragraphs",
            [
                Paragraph("Harbours", "h"),
                "2. Ministers met in Kestrel Bay in the spring.",
                "They agreed on a plan for harbour dredging to help small ports reach ships.",
                "They also spoke of weather and of the long winter that had kept the boats in"
                " port for months while the owners of the small yards waited for orders from"
                " abroad, before at last they turned to the question of fishing quotas.",
            ],
            year=2016,
            doc_type="ministerial_statement",
        ),
    ]


def doc_id(slug: str) -> str:
    return next(d.id for d in match_docs() if d.canonical_url == f"{BASE}/{slug}")


def slugs(results: list[dict]) -> list[str]:
    return [r["url"].rsplit("/", 1)[1] for r in results]


@pytest.fixture(scope="session")
def match_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_index(tmp_path_factory.mktemp("match"), match_docs())


@pytest.fixture
def match_engine(match_index: Path):
    engine = Engine(match_index)
    yield engine
    engine.close()
