"""Page shapes a blind held-out set caught (issue 10, second round), one test per kind:
old apec.org's ASP.NET pages, old news releases' datelines, date ranges, meeting numbers,
hub pages of teasers, group pages, wire datelines, sign-up lines, statement PDFs."""

from __future__ import annotations

import pytest

from indexer.extract import extract_bytes
from indexer.extract.chrome import is_chrome
from indexer.extract.html import _parse
from indexer.extract.hub import is_hub
from indexer.extract.metadata import extract_metadata, find_date
from indexer.extract.pdf import extract_pdf
from indexer.extract.readability import drop_chrome
from tests import pdfs

OLD_SME = (
    "http://www.apec.org/Meeting-Papers/Sectoral-Ministerial-Meetings/Small-and-Medium-Enterprise"
)
PARAGRAPHS = [
    "1. Ministers responsible for SMEs met in Cindral, Vestmark for the Fourth APEC Ministerial"
    " Meeting on SMEs and reviewed the work of the year.",
    "2. Ministers agreed that fair access to credit remains the first need of small firms.",
    "3. Ministers asked officials to study credit guarantee schemes before their next meeting.",
]


MEETING_HEAD = (
    "<h1>1997 SME Ministerial Meeting</h1>"
    "<p class='meetinginfo'>Cindral, Vestmark | 18 - 19 September 1997</p>"
    "<h2>Joint Ministerial Statement</h2>"
)


def aspnet_page(content: str, head: str = MEETING_HEAD) -> bytes:
    """Old apec.org: the whole body inside the ASP.NET form, years on the left."""
    years = "".join(f"<li><a href='/{y}_sme.aspx'>{y}</a></li>" for y in range(1994, 2012))
    return (
        "<html><head><title>APEC - 1997 SME Ministerial Meeting</title></head><body>"
        "<form name='aspnetForm' method='post' action='/x.aspx' id='aspnetForm'>"
        "<input type='hidden' name='__VIEWSTATE' value='/wEPDwUKMTY3Nz' />"
        "<div class='fontsize'>Font Size: <a href='#'>A</a> <a href='#'>A</a>"
        " <a href='#'>A</a></div>"
        f"<div id='left'><ul>{years}</ul></div><div id='main'>"
        "<div class='path'>Home &gt; Meeting Papers &gt; Small and Medium Enterprise</div>"
        f"{head}{content}</div>"
        "<div id='footer'>Copyright &copy; 2011 APEC Secretariat</div></form></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "content",
    ["".join(f"<p>{p}</p>" for p in PARAGRAPHS), f"<div>{'<br><br>'.join(PARAGRAPHS)}</div>"],
    ids=["paragraphs", "br-separated"],
)
def test_old_aspnet_layout_keeps_its_text_and_reads_its_meeting_line(content):
    doc = extract_bytes(aspnet_page(content), f"{OLD_SME}/1997_sme.aspx", "text/html")
    texts = [p.text for p in doc.paragraphs]
    assert all(p in texts for p in PARAGRAPHS)
    assert not any(t.startswith(("Font Size", "Home >", "1994", "Copyright")) for t in texts)
    assert (doc.doc_type, doc.date, doc.location, doc.meeting_number) == (
        "ministerial_statement",
        "1997-09-18",
        "Cindral, Vestmark",
        4,
    )


def test_a_small_sign_up_form_is_still_chrome():
    root = _parse(
        "<html><body><main><p>" + " ".join(PARAGRAPHS) + "</p></main>"
        "<form action='/subscribe'><p>Get our newsletter by email</p><input name='e'></form>"
        "</body></html>"
    )
    assert "Get our newsletter by email" in drop_chrome(root)


def test_an_old_news_release_dateline_gives_date_and_place_and_stays():
    dateline = (
        "Saltmarsh, Orlenia, 6 September 2013 – Ministers responsible for small and medium"
        " enterprises agreed today to cut the cost of sending small parcels across borders."
    )
    body = (
        "<h1>SME Ministers Act on Parcels</h1><p>Ministers will meet again in Dunmore, Cascadia"
        f" in 2014</p><p>{dateline}</p><p>The ministers, meeting for the 20th time, asked"
        " officials to report by mid-2014 on customs thresholds for low-value goods.</p>"
    )
    url = "http://www.apec.org/Press/News-Releases/2013/0906.aspx"
    doc = extract_bytes(aspnet_page(body, head=""), url, "text/html")
    assert dateline in [p.text for p in doc.paragraphs]
    assert (doc.doc_type, doc.date, doc.location, doc.meeting_number) == (
        "news_release",
        "2013-09-06",
        "Saltmarsh, Orlenia",
        None,
    )


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("18 - 19 September 1997", "1997-09-18"),
        ("18-19 September 1997", "1997-09-18"),
        ("September 18 – 19, 1997", "1997-09-18"),
        ("30 September - 1 October 1997", "1997-09-30"),
    ],
)
def test_a_date_range_gives_its_first_day(text, iso):
    assert find_date(text) == iso


def test_a_strategic_plan_is_dated_by_its_adoption_line_and_has_no_meeting_number():
    text = "STRATEGIC PLAN 2029-2032\nMembers met in Vantor on 2 May 2028 to draft it.\n" + (
        "Endorsed at the 68th SMEWG Meeting, 12 March 2029\n"
        "It builds on the priorities that ministers set at the 36th SME Ministerial Meeting and"
        " on the 76th session of senior officials."
    )
    meta = extract_metadata("SMEWG Strategic Plan 2029-2032", text, "https://www.apec.org/p.pdf")
    assert (meta.doc_type, meta.date, meta.meeting_number) == ("strategic_plan", "2029-03-12", None)


@pytest.mark.parametrize(
    ("title", "url", "opening", "number"),
    [
        (
            "Joint Ministerial Statement",
            "https://www.apec.org/docs/s.pdf",
            "The 21st SME Ministerial Meeting was held in Lakeside, Atlantis.",
            21,
        ),
        (
            "SME ministers agree on parcels",
            "https://www.apec.org/press/news-releases/2014/x",
            "Ministers met for the 21st SME Ministerial Meeting in Lakeside.",
            None,
        ),
        (
            "Summary Report",
            "https://www.apec.org/docs/r.pdf",
            "The 66th SMEWG Meeting recalled the 35th SME Ministerial Meeting.",
            None,
        ),
        (
            "Lakeside Action Agenda",
            "https://www.apec.org/docs/a.pdf",
            "Adopted at the 21st SME Ministerial Meeting, Lakeside.",
            21,
        ),
        (
            "Joint Ministerial Statement",
            "https://www.apec.org/docs/s.pdf",
            "We, the Ministers, met in Lakeside on the 76th day of the trade talks.",
            None,
        ),
    ],
    ids=["statement", "news", "smewg-report", "outcome-document", "unrelated-76th"],
)
def test_meeting_number_is_the_ministerial_meetings_own(title, url, opening, number):
    assert extract_metadata(title, opening, url).meeting_number == number


def teaser_page(main: str) -> str:
    return f"<html><body><nav><a href='/'>Home</a></nav><main>{main}</main></body></html>"


EVENTS = "".join(  # grouped by week, so no one run of siblings holds most of the page
    f"<div class='week'><h2>Week {w + 1}</h2>"
    + "".join(
        f"<div class='event'><span>{d} Sep 2031</span><h3><a href='/e/{d}'>Event {d}</a></h3>"
        f"<p>Officials of the working group meet to discuss item {d} of the work plan.</p>"
        "<span>Lakeside, Atlantis</span></div>"
        for d in range(7 * w + 1, 7 * w + 8, 3)
    )
    + "</div>"
    for w in range(3)
)
CARDS = "".join(
    f"<div class='card'><a href='/news/{i}'><h3>News story {i}</h3></a><p>A line on what"
    f" story {i} says about small firms in the region.</p><a href='/news/{i}'>Read more</a></div>"
    for i in range(4)
)
TAGGED_CARDS = "".join(  # two links each (story, topic) and a description of a full line
    f"<div class='card'><a href='/news/{i}'><h3>News story {i}</h3></a><a href='/topic/{i}'>"
    f"Topic {i}</a><p>A description of what story {i} says about small firms, their loans and"
    " their exports across the region this month.</p></div>"
    for i in range(6)
)
HOME = (
    "<section class='hero'><h2>Asia-Pacific Economic Cooperation</h2><p>Growth for all in the"
    " region.</p><a href='/about'>Learn more</a></section><section><h2>Welcome</h2><p>APEC is a"
    " forum of 21 member economies that work together on trade, investment and the conditions"
    " for firms of every size.</p><p>Its committees and working groups carry out the work that"
    " leaders and ministers set each year, from customs to health.</p>"
    "<a href='/about'>About us</a></section>"
    "<section class='teasers'>"
    + "".join(
        f"<div class='teaser'><h3>{t}</h3><p>What APEC does on {t.lower()}, in a line.</p>"
        f"<a href='/{t.lower()}'>{t}</a></div>"
        for t in ("Trade", "Groups", "Projects")
    )
    + f"</section><section><h2>Latest news</h2>{CARDS}</section>"
)
DOCUMENT = (
    "<article><h1>SME Ministers Focus on Resilience</h1>"
    + "".join(
        f"<p>{p} Ministers agreed to share the lessons of recent storms with business"
        " associations.</p>"
        for p in PARAGRAPHS
    )
    + f"<h2>More on this topic</h2><div class='topic'>{CARDS}</div></article>"
)


@pytest.mark.parametrize(
    ("main", "hub"),
    [
        (
            f"<h1>Events: September 2031</h1><p>Meetings of APEC fora this month; dates and venues"
            f" may change, so check each meeting's page before you travel.</p>{EVENTS}",
            True,
        ),
        (HOME, True),
        (f"<h1>Latest news</h1>{TAGGED_CARDS}", True),
        (DOCUMENT, False),
        (
            "<h1>Projects of the group</h1>"
            + "".join(
                f"<p>Project {n} trains owners of small firms in bookkeeping; see the <a"
                f" href='/p/{n}'>report</a> for the results of its first year in the region.</p>"
                for n in range(8)
            ),
            False,
        ),
    ],
    ids=[
        "events-month",
        "home-page",
        "tagged-news-cards",
        "document-with-related-cards",
        "paragraphs-with-inline-links",
    ],
)
def test_pages_of_link_led_teasers_are_hubs_and_documents_beside_them_are_not(main, hub):
    root = _parse(teaser_page(main))
    drop_chrome(root)
    assert is_hub(root) is hub


@pytest.mark.parametrize("filler", [0, 20], ids=["short", "update-line-at-the-foot"])
def test_a_group_page_is_a_web_page_dated_by_its_update_line(filler):
    text = "\n".join(
        [
            "The SMEWG helps small firms to grow. It was established in 1995.",
            "2031 SME Ministerial Meeting Joint Ministerial Statement",
            "We, the Ministers responsible for SMEs, met in Lakeside, Atlantis on 7 September 2031"
            " at the 38th SME Ministerial Meeting and asked the group to focus on digital trade.",
            *[f"Project {n} helps small firms with finance." for n in range(filler)],
            "Last updated: 18 June 2032",
        ]
    )
    for url in (
        "https://www.apec.org/groups/som-steering-committee/working-groups/smewg",
        "https://www.apec.org/smewg",  # no group path: the group's name is the title
    ):
        meta = extract_metadata("Small and Medium Enterprises Working Group", text, url)
        assert (meta.doc_type, meta.date, meta.year, meta.location, meta.meeting_number) == (
            "web_page",
            "2032-06-18",
            2032,
            None,
            None,
        )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "PORT ELLIS, Aug 20 (Pacific Wire) — Ministers met at talks in Port Ellis, Pelagia.",
            "Port Ellis, Pelagia",
        ),
        ("RIVERMOUTH, Aug 20 (Pacific Wire) — Ministers met here on Wednesday.", "Rivermouth"),
        ("PELAGIA/RIVERMOUTH, Aug 20 (Pacific Wire) — Ministers met.", "Rivermouth, Pelagia"),
        (
            "The next meeting will be held in Dunmore, Cascadia.\nMinisters responsible for SMEs"
            " gathered in Saltmarsh, Orlenia on Friday.",
            "Saltmarsh, Orlenia",
        ),
    ],
    ids=["city-then-economy-in-text", "city-alone", "economy-slash-city", "later-meeting-first"],
)
def test_places_from_wire_datelines_and_the_meetings_own_sentence(text, place):
    url = "https://www.coastline.example/business/2031/08/20/story"
    assert extract_metadata("Ministers pledge help", text, url).location == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("PORT ELLIS, Pelagia—Officials of the region adopted a plan.", "Port Ellis, Pelagia"),
        ("SALTMARSH, Orlenia: The ministers endorsed the agenda.", "Saltmarsh, Orlenia"),
        ("RIVERMOUTH (Pacific Wire): Ministers from the region met.", "Rivermouth"),
        ("Rivermouth (PW) – The 38th meeting opened.", "Rivermouth"),
        ("DUNMORE – An international group is meeting this week.", "Dunmore"),
        ("Wire.example, DUNMORE, Cascadia – The minister said.", "Dunmore, Cascadia"),
        # after the headline and a photo's caption
        (
            "Ministers pledge help\nThe minister. FILE PHOTO\nDUNMORE – The ministers met.",
            "Dunmore",
        ),
        ("Ministers – all of them – adopted a plan on Friday.", None),  # not a place
        ("Note: the plan was adopted by officials on Friday.", None),
    ],
)
def test_places_from_datelines_without_a_date(text, place):
    url = "https://www.coastline.example/business/story"
    assert extract_metadata("Ministers pledge help", text, url).location == place


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Never miss a story: get the Coastline Daily newsletter free in your inbox.", True),
        ("Sign up for free to get the morning briefing.", True),
        ("Get the best of the week delivered to your inbox.", True),
        ("Ministers subscribe to the principles of open markets.", False),
        ("Ministers asked officials never to miss a chance to hear from small firms.", False),
    ],
)
def test_sign_up_wording_is_chrome(line, chrome):
    assert is_chrome(line) is chrome


def test_a_statement_pdf_keeps_its_first_sentence_and_rejoins_one_across_a_page_break():
    body = pdfs.lines_pdf(
        [
            [
                "2032/SMEMM/JMS",
                "Agenda Item: 3",
                "Joint Ministerial Statement",
                "Greyhaven, Tessaly, 14-15 September 2032",
                "We, the APEC Ministers Responsible for Small and Medium"
                " Enterprises of the Region, met",
                "in Greyhaven, Tessaly under the chairmanship of Hon. Mika"
                " Soren of Tessaly and agreed",
                "that small firms need fair access to credit, to digital"
                " tools and to markets beyond",
                "Page 1 of 2",
            ],
            [
                "Joint Ministerial Statement - Greyhaven 2032",
                "their borders, which we commit to widening before our next meeting.",
                "We welcome the offer of Cascadia to host the next meeting.",
            ],
        ]
    )
    pdf = extract_pdf(body)
    texts = [p.text for p in pdf.paragraphs]
    assert any(
        t.startswith("We, the APEC Ministers Responsible")
        and t.endswith(
            "markets beyond their borders, which we commit to widening before our next meeting."
        )
        for t in texts
    )
    assert not any("2032/SMEMM/JMS" in t or "Greyhaven 2032" in t for t in texts)
    assert pdf.title == "Joint Ministerial Statement"
