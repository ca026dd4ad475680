"""Citations: plain text, BibTeX and Highwire tags built from a document's metadata."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.text.ordinals import ordinal
from webapp.citation import (
    bibtex,
    bibtex_escape,
    highwire_tags,
    meeting_title,
    plain_citation,
)

ACCESSED = date(2026, 11, 27)
STATEMENT = {
    "id": "0123456789abcdef",
    "title": "Joint Statement on R&D_Finance {draft}",
    "url": "https://example.org/sme/2019-statement",
    "fetched_url": "https://example.org/sme/2019-statement",
    "content_type": "html",
    "doc_type": "ministerial_statement",
    "year": 2019,
    "date": "2019-09-05",
    "meeting_number": 23,
    "location": "Concepcion, Chile",
}
PLAN = {
    "id": "fedcba9876543210",
    "title": "Strategic Plan 2013-2016",
    "url": "https://example.org/sme/plan.pdf",
    "fetched_url": "https://example.org/docs/plan.pdf",
    "content_type": "pdf",
    "doc_type": "strategic_plan",
    "year": 2013,
    "date": None,
    "meeting_number": None,
    "location": None,
}


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
        (111, "111th"),
    ],
)
def test_ordinal(n, text):
    assert ordinal(n) == text


def test_meeting_title_only_for_meeting_papers():
    assert meeting_title(STATEMENT) == "23rd APEC Small and Medium Enterprises Ministerial Meeting"
    assert meeting_title(PLAN) is None
    no_number = STATEMENT | {"meeting_number": None}
    assert meeting_title(no_number) == "2019 APEC Small and Medium Enterprises Ministerial Meeting"


def test_plain_citation():
    assert plain_citation(STATEMENT, ACCESSED) == (
        "Asia-Pacific Economic Cooperation (APEC). “Joint Statement on R&D_Finance {draft}.”"
        " 23rd APEC Small and Medium Enterprises Ministerial Meeting, Concepcion, Chile,"
        " 5 September 2019. https://example.org/sme/2019-statement (accessed 27 November 2026)."
    )
    assert plain_citation(PLAN, ACCESSED) == (
        "Asia-Pacific Economic Cooperation (APEC). “Strategic Plan 2013-2016.” 2013."
        " https://example.org/sme/plan.pdf (accessed 27 November 2026)."
    )


def test_bibtex_escapes_latex_specials():
    assert bibtex_escape(r"R&D_50% {x} #1 $ ~ ^ \ ") == (
        r"R\&D\_50\% \{x\} \#1 \$ \textasciitilde{} \textasciicircum{} \textbackslash{} "
    )
    entry = bibtex(STATEMENT, ACCESSED)
    assert entry == (
        "@misc{apec2019_0123456789abcdef,\n"
        "  author = {{Asia-Pacific Economic Cooperation}},\n"
        r"  title = {{Joint Statement on R\&D\_Finance \{draft\}}},"
        "\n"
        "  howpublished = {23rd APEC Small and Medium Enterprises Ministerial Meeting},\n"
        "  address = {Concepcion, Chile},\n"
        "  year = {2019},\n"
        "  date = {2019-09-05},\n"
        "  url = {https://example.org/sme/2019-statement},\n"
        "  urldate = {2026-11-27}\n"
        "}"
    )


def test_highwire_tags():
    assert highwire_tags(PLAN) == [
        ("citation_title", "Strategic Plan 2013-2016"),
        ("citation_author", "Asia-Pacific Economic Cooperation"),
        ("citation_publication_date", "2013"),
        ("citation_public_url", "https://example.org/sme/plan.pdf"),
        ("citation_pdf_url", "https://example.org/docs/plan.pdf"),
    ]
    tags = dict(highwire_tags(STATEMENT))
    assert tags["citation_publication_date"] == "2019/09/05"
    assert "citation_pdf_url" not in tags


NEWS = {
    "id": "00aa11bb22cc33dd",
    "title": "Ministers back youth enterprise agenda",
    "url": "https://lakeside-times.example/business/ministers-back-agenda",
    "fetched_url": "https://lakeside-times.example/business/ministers-back-agenda",
    "content_type": "html",
    "doc_type": "news_article",
    "year": 2031,
    "date": "2031-09-08",
    "meeting_number": None,
    "location": None,
    "publisher": "The Lakeside Times",
}


def test_a_third_party_story_is_cited_as_its_publishers():
    assert plain_citation(NEWS, ACCESSED).startswith("The Lakeside Times. “Ministers back")
    assert "APEC" not in plain_citation(NEWS, ACCESSED)
    assert "author = {{The Lakeside Times}}" in bibtex(NEWS, ACCESSED)
    assert ("citation_author", "The Lakeside Times") in highwire_tags(NEWS)


def test_a_statement_uploaded_elsewhere_is_still_apecs():
    uploaded = STATEMENT | {"publisher": "docshare.example", "url": "https://docshare.example/d/1"}
    assert plain_citation(uploaded, ACCESSED).startswith(
        "Asia-Pacific Economic Cooperation (APEC)."
    )
    assert "author = {{Asia-Pacific Economic Cooperation}}" in bibtex(uploaded, ACCESSED)
    outcome = NEWS | {"doc_type": "other", "role": "outcome"}  # the record's outcome
    assert ("citation_author", "Asia-Pacific Economic Cooperation") in highwire_tags(outcome)


def test_apec_as_publisher_is_cited_as_apec():
    doc = STATEMENT | {"publisher": "APEC"}
    assert plain_citation(doc, ACCESSED).startswith("Asia-Pacific Economic Cooperation (APEC).")
    assert ("citation_author", "Asia-Pacific Economic Cooperation") in highwire_tags(doc)
