"""Document types and publishers in the shapes real pages have: a headline about a
statement is news, a meeting's name as a title heads its statement, a speech on a news site
is a speech, a host year's site publishes releases, and a mirror's copy is typed and
published by the address it declares as canonical."""

import pytest

from indexer.extract import extract_bytes
from indexer.extract.doctype import classify
from indexer.extract.metadata import publisher_of

NEWS_OPENING = "Ministers from the region met on Friday and agreed on a plan, officials said."


@pytest.mark.parametrize(
    "title, url, publisher, expected",
    [
        # a story about a statement is not the statement
        (
            "Lakeside SME Ministers Issue Joint Statement",
            "https://wire.example/s/1",
            "Wire",
            "news_article",
        ),
        (
            "Ministerial Statement supports digital trade",
            "https://daily.example/x",
            "Daily",
            "news_article",
        ),
        (
            "Ministers endorse Harbour Declaration on start-ups",
            "https://www.apec.org/about/x",
            "APEC",
            "news_release",
        ),
        # a story about an initiative is not the initiative
        (
            "APEC adopts Riverton initiative on small firms",
            "https://post.example/a",
            "Post",
            "news_article",
        ),
        (
            "APEC backs Riverton's MSME action agenda",
            "https://times.example/b",
            "Times",
            "news_article",
        ),
        # a speech stays a speech on a news site
        (
            "Remarks by the Minister at the SME Ministerial Meeting",
            "https://gov.example/newsroom/2031/05/x",
            "Gov",
            "speech",
        ),
        (
            "Opening Speech by the Deputy Minister",
            "https://www.apec.org/press/news-releases/x",
            "APEC",
            "speech",
        ),
    ],
)
def test_headlines_and_speeches(title, url, publisher, expected):
    assert classify(title, url, NEWS_OPENING, publisher=publisher) == expected


def test_a_host_years_site_publishes_news_releases():
    url = "https://www.apeclakeside2031.example/media/news/minister-opens-sme-week"
    title = "Minister opens the SME Ministerial Meeting in Lakeside"
    assert classify(title, url, NEWS_OPENING, publisher="APEC Lakeside 2031") == "news_release"


@pytest.mark.parametrize(
    "opening",
    [
        "The Second APEC Ministerial Meeting on SMEs was held on 4-5 May in Lakeside, Atlantis.",
        "APEC Ministers and their representatives responsible for SMEs from Atlantis; Borealis;"
        " Caledonia gathered during 4-5 May 2031 in Lakeside for the Ninth APEC Ministerial"
        " Meeting on SMEs.",
    ],
)
def test_a_meeting_name_as_title_heads_its_statement(opening):
    for title in (
        "2031 APEC Small and Medium Enterprises Ministerial Meeting",
        "2031 APEC Small and Medium Enterprises Ministerial Meeting - Growing Together",
    ):
        url = "https://www.apec.org/meeting-papers/sectoral-ministerial-meetings/x/2031_sme"
        assert classify(title, url, opening, publisher="APEC") == "ministerial_statement"


def test_another_publishers_report_without_news_markup_is_a_story():
    opening = "Small firms need cheaper credit, a regional business leader told reporters."
    assert (
        classify(
            "Business leader wants cheaper credit",
            "https://site.example/post/9",
            opening,
            publisher="Site",
        )
        == "news_article"
    )
    assert (
        classify(
            "A history of the region",
            "https://site.example/post/9",
            "The region grew over many decades.",
            publisher="Site",
        )
        == "other"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://apec.sitefinity.cloud/meeting-papers/x",
        "http://apec-stg.sitefinity.cloud/meeting-papers/x",
        "https://www.apec.org./meeting-papers/x",
    ],
)
def test_apecs_cms_staging_and_dotted_hosts_are_apec(url):
    assert publisher_of(url) == "APEC"


def test_a_mirrors_copy_is_typed_and_published_by_its_canonical_address():
    page = (
        b"<html><head><title>Ministers meet on small business</title>"
        b'<link rel="canonical" href="https://www.apec.org/press/news-releases/2031/0505_sme">'
        b"</head><body><p>Ministers responsible for small business discussed finance in"
        b" Lakeside this week, the APEC Secretariat said in a note to the press.</p>"
        b"<p>They will meet again next year to review progress on the plan.</p></body></html>"
    )
    doc = extract_bytes(page, "http://127.0.0.1:8001/mirror/0505_sme", "text/html")
    assert doc.publisher == "APEC"
    assert doc.doc_type == "news_release"
    home = page.replace(b"/press/news-releases/2031/0505_sme", b"/")
    assert extract_bytes(home, "http://127.0.0.1:8001/mirror/0505_sme").publisher == "127.0.0.1"


def test_a_headline_over_a_statements_full_text_is_news():
    opening = (
        "We, the APEC Ministers responsible for SMEs, met in Lakeside on 4 May 2031.\n"
        "We agree to widen access to finance for small firms."
    )
    title = "Ministers Issue Joint Statement on SME Competitiveness"
    assert classify(title, "https://wire.example/s/2", opening, publisher="Wire") == "news_article"
    assert (
        classify(
            "Joint Ministerial Statement", "https://wire.example/s/3", opening, publisher="Wire"
        )
        == "ministerial_statement"
    )


def test_an_events_title_naming_a_declaration_is_not_the_declaration():
    title = "2031 Business Ethics for SMEs Forum: Realizing the Harbour Declaration"
    url = "https://projects.example/proposals/view?id=7"
    assert classify(title, url, "The forum brought together 120 participants.") != "declaration"
    assert classify("The Harbour Declaration on SME Ethics", url, "") == "declaration"
