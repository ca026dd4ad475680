"""Type, date, year, place, publisher and meeting number of small pages in the real
record's shapes (issue 10): the page's own signals, never a copyright or passing year."""

from __future__ import annotations

import pytest

from indexer.extract import extract_bytes
from indexer.extract.metadata import extract_metadata, publisher_of

APEC_SME = (
    "https://www.apec.org/meeting-papers/sectoral-ministerial-meetings/small-and-medium-enterprise"
)


def apec_page(title: str, body: str) -> bytes:
    return (
        f"<html><head><title>{title} | APEC</title></head><body>"
        "<a href='#m'>Skip to main content</a><nav><a href='/'>Home</a></nav>"
        f"<main id='m'><h1>{title}</h1>{body}</main>"
        "<footer><p>Copyright © 2025 APEC Secretariat. All rights reserved.</p></footer>"
        "</body></html>"
    ).encode()


def news_page(site: str, title: str, body: str, published: str | None = None) -> bytes:
    meta = f"<meta property='article:published_time' content='{published}'>" if published else ""
    return (
        f"<html><head><title>{title}</title><meta property='og:site_name' content='{site}'>"
        f"<meta property='og:type' content='article'>{meta}</head><body>"
        f"<article><h1>{title}</h1><p>By Nina Ferro</p>{body}</article>"
        f"<footer>© 2025 {site}</footer></body></html>"
    ).encode()


def paras(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


FILLER = (
    "Ministers discussed how small firms can reach new markets, obtain finance on fair terms"
    " and adopt digital tools, and asked officials to report on progress."
)
CASES = {
    "current layout statement": (
        f"{APEC_SME}/2031_sme",
        apec_page(
            "2031 APEC Small and Medium Enterprises Ministerial Meeting",
            "<div>Lakeside, Atlantis | 07 September 2031</div>"
            + paras(
                "1. We, the APEC Ministers responsible for SMEs, met in Lakeside, Atlantis on"
                " 7-8 September 2031 under the chairmanship of Hon. Mara Quill.",
                "2. We welcome the work of the SME Working Group since its foundation in 1995.",
                f"3. {FILLER}",
            ),
        ),
        # no number stated, none computed from the year (the record numbers it)
        ("ministerial_statement", "2031-09-07", 2031, "Lakeside, Atlantis", "APEC", None),
    ),
    "place in the third paragraph, an economy named in passing": (
        f"{APEC_SME}/2027_sme",
        apec_page(
            "2027 APEC Small and Medium Enterprises Ministerial Meeting",
            "<h2>Joint Ministerial Statement</h2>"
            + paras(
                "We welcomed the proposal of Borealis on export help desks, as discussed in"
                " Dorado in 2019.",
                FILLER,
                "We, the APEC Ministers and representatives responsible for SMEs, met in"
                " Riverton, Cascadia on 12 October 2027 for the 34th APEC SME Ministerial"
                " Meeting.",
            ),
        ),
        ("ministerial_statement", "2027-10-12", 2027, "Riverton, Cascadia", "APEC", 34),
    ),
    "old layout declaration, no number from the year": (
        "http://www.apec.org/Meeting-Papers/Sectoral-Ministerial-Meetings/2003_sme/decl.aspx",
        apec_page(
            "The Silverbay Declaration on SME Growth",
            "".join(
                f"<div>{t}</div>"
                for t in (
                    "We, the Ministers responsible for SMEs of the APEC economies, gathered in"
                    " Silverbay, Elaria on 21-22 August 2003 and adopted this Declaration.",
                    FILLER,
                )
            ),
        ),
        ("declaration", "2003-08-21", 2003, "Silverbay, Elaria", "APEC", None),
    ),
    "chair's statement": (
        f"{APEC_SME}/2025_sme/chairs-statement",
        apec_page(
            "2025 APEC SME Ministerial Meeting - Chair's Statement",
            "<div>Eastholm, Dorado | 14 August 2025</div>" + paras(FILLER, FILLER + " Again."),
        ),
        # it names no number, and none is computed from its year: the series has gaps
        ("chairs_statement", "2025-08-14", 2025, "Eastholm, Dorado", "APEC", None),
    ),
    "APEC news release": (
        "https://www.apec.org/press/news-releases/2030/1004_sme",
        apec_page(
            "Small Firms to Trade Online with Less Paperwork",
            paras(
                "Lakeside, Atlantis, 4 October 2030 – Ministers responsible for small businesses"
                " agreed today to make it cheaper for small firms to sell online.",
                "Meeting in Lakeside for the 37th APEC SME Ministerial Meeting, ministers"
                " endorsed a plan; the SME Working Group, founded in 1995, will report on it.",
            ),
        ),
        # news names the ministerial meeting; the number belongs to the meeting's statement
        ("news_release", "2030-10-04", 2030, "Lakeside, Atlantis", "APEC", None),
    ),
    "third-party story with a dateline without its year": (
        "https://www.lakesideherald.example/business/2030/10/04/ministers-cut-paperwork",
        news_page(
            "The Lakeside Herald",
            "Ministers agree to cut export paperwork",
            paras(
                "LAKESIDE, Oct 4 — Small business ministers agreed on Saturday to cut the"
                " paperwork that keeps small firms from selling abroad.",
                FILLER,
            ),
        ),
        ("news_article", "2030-10-04", 2030, "Lakeside", "The Lakeside Herald", None),
    ),
    "wire story with a labelled date": (
        "https://meridianwire.example/stories/toolkit-pilot",
        news_page(
            "Meridian Wire",
            "SME officials agree to pilot a toolkit",
            paras(
                "Date: 14 March 2030",
                "Officials ended two days of talks in Port Meridian on Thursday with an"
                " agreement to test an e-invoicing toolkit, a goal since 1995.",
            ),
        ),
        ("news_article", "2030-03-14", 2030, "Port Meridian", "Meridian Wire", None),
    ),
    "group page updated in 2023, founded in 1995": (
        "https://www.apec.org/groups/som/working-groups/small-and-medium-enterprises",
        apec_page(
            "Small and Medium Enterprises",
            paras(
                "First established in February 1995, the group was renamed the Small and"
                " Medium Enterprises Working Group in 2000.",
                FILLER,
                "Last page update: September 2023",
            ),
        ),
        ("web_page", None, 2023, None, "APEC", None),
    ),
    "meeting summary record": (
        "https://www.apec.org/meeting-papers/smewg/2030/summary-record-50th-smewg",
        apec_page(
            "Summary Record of the 50th SMEWG Meeting",
            paras(
                "Date: 14 March 2030",
                "Venue: Harbour Convention Centre, Port Meridian, Borealis",
                "1. The 50th meeting of the SME Working Group was opened by the Lead Shepherd.",
            ),
        ),
        # a working-group meeting, not an SME Ministerial Meeting: no meeting number
        ("meeting_report", "2030-03-14", 2030, "Port Meridian, Borealis", "APEC", None),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_fields_of_each_shape(case):
    url, body, expected = CASES[case]
    doc = extract_bytes(body, url, "text/html")
    found = (doc.doc_type, doc.date, doc.year, doc.location, doc.publisher, doc.meeting_number)
    assert found == expected


@pytest.mark.parametrize(
    ("title", "url", "doc_type"),
    [
        ("SMEWG Strategic Plan 2031-2034", "https://www.apec.org/docs/plan.pdf", "strategic_plan"),
        ("Terms of Reference", "https://www.apec.org/docs/smewg-tor.pdf", "terms_of_reference"),
        (
            "Opening Remarks at the SME Ministerial Meeting",
            "https://www.apec.org/press/speeches/2031/0907-remarks",
            "speech",
        ),
        (
            "Annex A: Northwick Action Plan on Digital MSMEs",
            "https://www.apec.org/x/annex-a",
            "initiative",
        ),
        (
            "Summary Report - 49th SMEWG Meeting",
            "https://www.apec.org/docs/s.pdf",
            "meeting_report",
        ),
    ],
)
def test_types_from_the_title_and_url(title, url, doc_type):
    assert extract_metadata(title, FILLER, url).doc_type == doc_type


def test_meeting_number_and_year_do_not_imply_each_other():
    """The series skipped a year: a number is the one stated, never one computed from the
    year, and no year is computed from a number (indexer.record relates them)."""
    text = "We, the Ministers responsible for SMEs, met in Nanjing for the 21st SME Ministerial"
    meta = extract_metadata("Joint Ministerial Statement", text + " Meeting.", "file:///s.pdf")
    assert (meta.meeting_number, meta.year) == (21, None)
    meta = extract_metadata(
        "Joint Ministerial Statement", "We met in Lakeside.", f"{APEC_SME}/2019_sme"
    )
    assert (meta.year, meta.meeting_number) == (2019, None)


@pytest.mark.parametrize(
    ("url", "site_name", "publisher"),
    [
        ("https://www.apec.org/press/x", "APEC", "APEC"),
        ("https://aimp2.apec.org/sites/x.pdf", None, "APEC"),
        ("https://www.lakesideherald.example/a", "The Lakeside Herald", "The Lakeside Herald"),
        ("https://www.docshelf.example/doc/1", None, "docshelf.example"),
        ("file:///home/me/plan.pdf", None, None),
    ],
)
def test_publisher(url, site_name, publisher):
    assert publisher_of(url, site_name) == publisher
