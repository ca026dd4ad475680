"""/meetings/<series>/<number>: one meeting's facts with their evidence, disagreements
shown, its documents by role; and its JSON twin /api/meetings/<series>/<number>."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from indexer.record.store import find_meeting
from tests.meeting_fixtures import (  # noqa: F401
    HOSTILE,
    NEWS_SENTENCE,
    OPENING,
    REPORT_SENTENCE,
    STATEMENT_TITLE,
    doc_id_of,
    meetings_app,
    meetings_client,
    meetings_index,
)

PAGE = "/meetings/sme_ministerial/38"


def meeting_page(client, path: str = PAGE) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "lxml")


def fact(soup: BeautifulSoup, label: str):
    dt = next(dt for dt in soup.select(".facts dt") if dt.get_text(strip=True) == label)
    return dt.find_next_sibling("dd")


def stated_values(dd) -> dict[str, dict]:
    """value -> {"count": its "stated by" line, "quotes": [(sentence, link, doc href, doc)]}"""
    out = {}
    for item in dd.select(".fact-values > li"):
        value = item.select_one(".fact-value strong").get_text(strip=True)
        quotes = []
        for e in item.select(".evidence li"):
            go, doc = e.select(".result-links a")
            quotes.append(
                (e.blockquote.get_text(strip=True), go["href"], doc["href"], doc.get_text())
            )
        count = item.select_one(".fact-value .meta").get_text(" ", strip=True)
        out[value] = {"count": count, "quotes": quotes}
    return out


def test_the_chronology_links_each_row_to_its_page(meetings_client):  # noqa: F811
    soup = meeting_page(meetings_client, "/meetings")
    href = soup.select_one(f'tbody th a[href="{PAGE}"]')["href"]
    page = meeting_page(meetings_client, href)
    assert page.h1.get_text() == "38th SME Ministerial Meeting"
    assert "Lakeside" in page.select_one(".lede").get_text()


def test_disagreeing_cities_are_both_shown_with_their_evidence(
    meetings_client,  # noqa: F811
    meetings_index,  # noqa: F811
):
    soup = meeting_page(meetings_client)
    city = fact(soup, "City")
    assert "fact--disputed" in city.parent["class"]
    assert "The documents disagree" in city.get_text()
    values = stated_values(city)
    assert list(values) == ["Lakeside", "Hilltown"]  # the record's value first
    assert values["Lakeside"]["count"].startswith("stated by 2 documents")
    assert values["Hilltown"]["count"] == "stated by 1 document"
    links = {
        e["text"]: e["link"]
        for e in find_meeting(meetings_index, "sme_ministerial", 38)["evidence"]
        if e["field"] == "city"
    }
    assert values["Hilltown"]["quotes"] == [
        (
            REPORT_SENTENCE,
            links[REPORT_SENTENCE],
            f"/doc/{doc_id_of('2031-report')}",
            "Summary report of the 38th SME Ministerial Meeting",
        )
    ]
    assert values["Lakeside"]["quotes"] == [
        (OPENING, links[OPENING], f"/doc/{doc_id_of('2031-statement')}", STATEMENT_TITLE),
        (
            NEWS_SENTENCE,
            links[NEWS_SENTENCE],
            f"/doc/{doc_id_of('2031-news')}",
            "Ministers meet in Lakeside",
        ),
    ]
    assert links[REPORT_SENTENCE].startswith("https://example.org/meetings/2031-report#:~:text=")


def test_an_agreed_fact_is_not_marked_disputed(meetings_client):  # noqa: F811
    soup = meeting_page(meetings_client)
    chair = fact(soup, "Chair")
    assert "fact--disputed" not in chair.parent["class"]
    assert list(stated_values(chair)) == ["Minister Jane Roe"]
    assert fact(soup, "Theme").get_text(strip=True) == "Not stated by any document."


def test_its_documents_grouped_by_role(meetings_client):  # noqa: F811
    soup = meeting_page(meetings_client)
    groups = soup.select(".meeting-documents section")
    assert [g.h3.get_text(" ", strip=True) for g in groups] == [
        "Outcome documents (1)",
        "Reports (1)",
        "News (1)",
    ]
    assert [a["href"] for a in groups[0].select("li > a")] == [
        f"/doc/{doc_id_of('2031-statement')}"
    ]
    assert soup.select_one(".notice--warn") is None  # its outcome is in the index


def test_a_meeting_without_an_outcome_says_so(meetings_client):  # noqa: F811
    soup = meeting_page(meetings_client, "/meetings/sme_ministerial/37")
    assert "No outcome document of this meeting" in soup.select_one(".notice--warn").get_text()
    assert [g.h3.get_text(" ", strip=True) for g in soup.select(".meeting-documents section")] == [
        "News (1)"
    ]


def test_an_inferred_number_is_explained(meetings_client):  # noqa: F811
    soup = meeting_page(meetings_client, "/meetings/sme_ministerial/39")
    assert "No document states this meeting's number" in soup.select_one(".notice--info").text


def test_a_meeting_named_only_in_passing_quotes_the_sentence_naming_it(tmp_path):
    from tests.helpers import make_document, make_index
    from webapp import create_app

    sentence = "Related meetings will take place, such as the 71st APEC SME Working Group Meeting."
    story = make_document(
        "https://wire.example/week", "SME week opens", [sentence], doc_type="news_article",
        year=2032, publisher="Wire",
    )  # fmt: skip
    client = create_app({"INDEX_DIR": make_index(tmp_path, [story]), "TESTING": True}).test_client()
    soup = meeting_page(client, "/meetings/smewg/71")
    quoted = stated_values(fact(soup, "Number"))["71"]["quotes"]
    assert [q[0] for q in quoted] == [sentence]
    assert "documents quoted above" in soup.select_one(".meeting-documents .notice").text


def test_a_stated_number_is_cited_and_an_inferred_one_is_not(meetings_client):  # noqa: F811
    numbers = stated_values(fact(meeting_page(meetings_client), "Number"))
    assert list(numbers) == ["38"] and numbers["38"]["quotes"]
    inferred = meeting_page(meetings_client, "/meetings/sme_ministerial/39")
    assert "Number" not in [dt.get_text(strip=True) for dt in inferred.select(".facts dt")]


def test_the_json_twin(meetings_client):  # noqa: F811
    response = meetings_client.get(f"/api{PAGE}")
    assert response.status_code == 200 and response.mimetype == "application/json"
    data = response.get_json()
    assert (data["series"], data["number"], data["year"], data["city"]) == (
        "sme_ministerial",
        38,
        2031,
        "Lakeside",
    )
    for key in ("start_date", "end_date", "economy", "virtual", "chair", "theme"):
        assert key in data
    assert {"id", "url", "title", "role"} <= set(data["documents"][0])
    assert {"field", "value", "url", "link", "text"} <= set(data["evidence"][0])
    city = next(f for f in data["facts"] if f["field"] == "city")
    assert city["disputed"] is True
    assert [(v["value"], v["documents"]) for v in city["stated"]] == [
        ("Lakeside", 2),
        ("Hilltown", 1),
    ]
    assert [g["role"] for g in data["documents_by_role"]] == ["outcome", "report", "news"]


@pytest.mark.parametrize(
    "path",
    [
        "/meetings/sme_ministerial/99",
        "/meetings/smewg/38",
        "/meetings/leaders/38",
        "/meetings/sme_ministerial/thirty-eight",
        "/meetings/sme_ministerial/y1999",
    ],
)
def test_an_unknown_meeting_is_a_404(meetings_client, path):  # noqa: F811
    page = meetings_client.get(path)
    assert page.status_code == 404
    assert "There is no meeting" in page.get_data(as_text=True)
    api = meetings_client.get(f"/api{path}")
    assert api.status_code == 404 and api.mimetype == "application/json"
    assert api.get_json()["error"].startswith("There is no meeting")


def test_the_hostile_title_is_escaped(meetings_client):  # noqa: F811
    html = meetings_client.get(PAGE).get_data(as_text=True)
    assert HOSTILE not in html
    assert html.count("&lt;script&gt;alert(&#34;meet&#34;)&lt;/script&gt;") >= 2  # facts, list


def test_the_page_is_accessible_markup(meetings_client):  # noqa: F811
    soup = meeting_page(meetings_client)
    assert len(soup.select("h1")) == 1
    for section in soup.select("[aria-labelledby]"):
        assert soup.find(id=section["aria-labelledby"]) is not None
    assert all(q.get("cite") for q in soup.select("blockquote"))
