"""The document page names its meeting from the record, and Cite this, BibTeX and the
Highwire `citation_conference_title` cite the record's meeting (never one guessed from a
year)."""

from __future__ import annotations

from datetime import date

from bs4 import BeautifulSoup

from tests.helpers import make_index
from tests.meeting_fixtures import (  # noqa: F401
    HOSTILE,
    STATEMENT_TITLE,
    doc_id_of,
    meeting_docs,
    meetings_app,
    meetings_client,
    meetings_index,
)
from webapp import create_app
from webapp.citation import bibtex, highwire_tags, meeting_title, plain_citation

CONFERENCE = "38th APEC Small and Medium Enterprises Ministerial Meeting"


def doc_page(client, slug: str) -> BeautifulSoup:
    response = client.get(f"/doc/{doc_id_of(slug)}")
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "lxml")


def meeting_line(soup: BeautifulSoup) -> tuple[str, str | None]:
    dd = soup.select_one(".doc-meeting")
    link = dd.select_one("a")
    return dd.get_text(" ", strip=True), link["href"] if link else None


def conference(soup: BeautifulSoup) -> str | None:
    tag = soup.select_one('meta[name="citation_conference_title"]')
    return tag["content"] if tag else None


def test_the_statement_names_its_meeting(meetings_client):  # noqa: F811
    soup = doc_page(meetings_client, "2031-statement")
    assert meeting_line(soup) == (
        "Outcome of the 38th SME Ministerial Meeting, Lakeside, 2031",
        "/meetings/sme_ministerial/38",
    )
    assert meetings_client.get("/meetings/sme_ministerial/38").status_code == 200


def test_the_statement_is_cited_at_its_meeting(meetings_client):  # noqa: F811
    soup = doc_page(meetings_client, "2031-statement")
    assert conference(soup) == CONFERENCE
    assert f"{CONFERENCE}, Lakeside, 4 May 2031." in soup.select_one("#cite-plain").get_text()
    assert f"howpublished = {{{CONFERENCE}}}" in soup.select_one("#cite-bibtex").get_text()


def test_news_is_about_its_meeting_and_not_cited_as_its_paper(meetings_client):  # noqa: F811
    soup = doc_page(meetings_client, "2031-news")
    assert meeting_line(soup) == (
        "News about the 38th SME Ministerial Meeting, Lakeside, 2031",
        "/meetings/sme_ministerial/38",
    )
    assert conference(soup) is None
    assert "Ministerial Meeting" not in soup.select_one("#cite-plain").get_text()


def test_a_report_and_an_inferred_number(meetings_client):  # noqa: F811
    report = doc_page(meetings_client, "2031-report")
    assert meeting_line(report)[0].startswith("Report of the 38th SME Ministerial Meeting")
    assert conference(report) == CONFERENCE
    midvale = doc_page(meetings_client, "2032-statement")
    assert meeting_line(midvale) == (
        "Outcome of the 39th SME Ministerial Meeting, Midvale, 2032",
        "/meetings/sme_ministerial/39",
    )
    assert conference(midvale) == "39th APEC Small and Medium Enterprises Ministerial Meeting"


def test_the_smewg_meeting(meetings_client):  # noqa: F811
    soup = doc_page(meetings_client, "2032-smewg")
    assert meeting_line(soup) == (
        "Report of the 70th SMEWG meeting, Rivertown, 2032",
        "/meetings/smewg/70",
    )
    assert conference(soup) == "70th APEC Small and Medium Enterprises Working Group Meeting"


def test_the_hostile_title_is_escaped(meetings_client):  # noqa: F811
    response = meetings_client.get(f"/doc/{doc_id_of('2031-statement')}")
    html = response.get_data(as_text=True)
    assert HOSTILE not in html
    soup = BeautifulSoup(html, "lxml")
    assert soup.h1.get_text() == STATEMENT_TITLE
    assert soup.select_one('meta[name="citation_title"]')["content"] == STATEMENT_TITLE
    assert not soup.select("main script, head script:not([src])")


def test_without_a_record_the_page_still_names_the_meeting(tmp_path):
    index = make_index(tmp_path, meeting_docs()[:3])
    (index / "current" / "record.json").unlink()
    client = create_app({"INDEX_DIR": index, "TESTING": True}).test_client()
    soup = doc_page(client, "2031-statement")
    # the document's own record of its meeting names the city
    assert meeting_line(soup)[0] == "Outcome of the 38th SME Ministerial Meeting, Lakeside, 2031"
    assert conference(soup) == CONFERENCE


ACCESSED = date(2031, 6, 1)
STATEMENT = {
    "id": "0123456789abcdef",
    "title": "Statement",
    "url": "https://example.org/statement",
    "content_type": "html",
    "doc_type": "ministerial_statement",
    "year": 2019,
    "date": "2019-09-05",
    "meeting_number": 25,
    "location": "Concepción, Chile",
}


def test_the_record_meeting_wins_over_meeting_number():
    placed = STATEMENT | {
        "meeting": {"series": "sme_ministerial", "number": 26, "year": 2019},
        "role": "outcome",
    }
    assert meeting_title(placed) == "26th APEC Small and Medium Enterprises Ministerial Meeting"
    assert "26th APEC" in plain_citation(placed, ACCESSED)
    assert "howpublished = {26th APEC" in bibtex(placed, ACCESSED)
    assert ("citation_conference_title", meeting_title(placed)) in highwire_tags(placed)


def test_no_meeting_is_guessed_from_a_year():
    unplaced = STATEMENT | {"meeting": None, "role": None, "meeting_number": None}
    assert meeting_title(unplaced) is None
    assert "citation_conference_title" not in dict(highwire_tags(unplaced))
    unnumbered = STATEMENT | {
        "meeting": {"series": "sme_ministerial", "number": None, "year": 2019},
        "role": "outcome",
    }
    assert meeting_title(unnumbered) == "2019 APEC Small and Medium Enterprises Ministerial Meeting"
    news = unnumbered | {"role": "news", "doc_type": "news_release"}
    assert meeting_title(news) is None


def test_a_result_card_and_its_csv_row_name_the_meeting(meetings_client):  # noqa: F811
    response = meetings_client.get("/search?q=Lakeside")
    soup = BeautifulSoup(response.get_data(as_text=True), "lxml")
    cards = {
        li.select_one(".result-title").get_text(strip=True): li for li in soup.select("li.result")
    }
    lines = {
        title: card.select_one(".result-meeting").get_text(" ", strip=True)
        for title, card in cards.items()
        if card.select_one(".result-meeting")
    }
    assert "Outcome of the 38th SME Ministerial Meeting, Lakeside, 2031" in lines.values()
    assert any(line.startswith("News about the 38th") for line in lines.values())
    links = {a["href"] for card in cards.values() for a in card.select(".result-meeting a")}
    assert links == {"/meetings/sme_ministerial/38"}
    assert HOSTILE not in response.get_data(as_text=True)  # titles are still escaped
    csv_text = meetings_client.get("/search.csv?q=Lakeside").get_data(as_text=True)
    assert "Outcome of the 38th SME Ministerial Meeting, Lakeside, 2031" in csv_text
