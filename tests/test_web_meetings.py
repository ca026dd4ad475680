"""/meetings, the chronology of both series, and its JSON twin /api/meetings."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.helpers import make_document, make_index
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

MEETING_KEYS = {
    "series",
    "number",
    "year",
    "start_date",
    "end_date",
    "city",
    "economy",
    "virtual",
    "chair",
    "theme",
    "documents",
    "evidence",
}


def chronology(client, query: str = "") -> BeautifulSoup:
    response = client.get(f"/meetings{query}")
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "lxml")


def row_of(soup: BeautifulSoup, series: str, number: int):
    link = soup.select_one(f'a[href="/meetings/{series}/{number}"]')
    assert link is not None, f"no row for {series}/{number}"
    return link.find_parent("tr")


def cells(row) -> dict[str, str]:
    heads = [th.get_text(strip=True) for th in row.find_parent("table").select("thead th")]
    values = [c.get_text(" ", strip=True) for c in row.find_all(["th", "td"], recursive=False)]
    return dict(zip(heads, values, strict=True))


def test_a_section_per_series(meetings_client):  # noqa: F811
    soup = chronology(meetings_client)
    assert [h.get_text() for h in soup.select("main h2")] == [
        "SME Ministerial Meetings",
        "SMEWG meetings",
    ]
    ministerial = soup.select_one("#series-sme_ministerial").find_parent("section")
    numbers = [a["href"] for a in ministerial.select("tbody th a[href^='/meetings/']")]
    assert numbers == [f"/meetings/sme_ministerial/{n}" for n in (37, 38, 39, 40)]
    assert (
        soup.select_one("#series-smewg")
        .find_parent("section")
        .select_one('a[href="/meetings/smewg/70"]')
    )


def test_the_meeting_row_has_its_facts_and_its_outcome_linked(meetings_client):  # noqa: F811
    soup = chronology(meetings_client)
    row = row_of(soup, "sme_ministerial", 38)
    facts = cells(row)
    assert facts["Number"].startswith("38th")
    assert facts["Year"] == "2031"
    assert facts["Dates"] == "4 May 2031"
    assert facts["Place"] == "Lakeside"  # the most documents say Lakeside; one says Hilltown
    assert facts["Chair"] == "Minister Jane Roe"
    assert facts["Documents"] == "3"
    assert facts["Coverage"] == "Outcome in the index"
    outcome = row.select("td a")
    assert [a["href"] for a in outcome] == [f"/doc/{doc_id_of('2031-statement')}"]
    assert outcome[0].get_text() == STATEMENT_TITLE  # escaped, then read back as text


def test_coverage_says_plainly_when_no_outcome_is_indexed(meetings_client):  # noqa: F811
    soup = chronology(meetings_client)
    facts = cells(row_of(soup, "sme_ministerial", 37))
    assert facts["Coverage"].startswith("No outcome document in the index")
    assert facts["Outcome"] == "—"
    assert facts["Place"] == "Old Harbour"
    assert cells(row_of(soup, "smewg", 70))["Coverage"].startswith("No outcome document")


def test_an_inferred_number_is_marked_with_a_title_and_a_footnote(meetings_client):  # noqa: F811
    soup = chronology(meetings_client)
    mark = row_of(soup, "sme_ministerial", 39).select_one(".inferred-mark a")
    assert mark is not None and "inferred" in mark["title"]
    note = soup.select_one(mark["href"])
    assert note is not None and "Number inferred" in note.get_text()
    assert row_of(soup, "sme_ministerial", 38).select_one(".inferred-mark") is None


def test_the_series_filter(meetings_client):  # noqa: F811
    soup = chronology(meetings_client, "?series=smewg")
    assert [h.get_text() for h in soup.select("main h2")] == ["SMEWG meetings"]
    data = meetings_client.get("/api/meetings?series=smewg").get_json()
    assert [(m["series"], m["number"]) for m in data["meetings"]] == [("smewg", 70)]


def test_the_json_twin_has_the_contract(meetings_client):  # noqa: F811
    response = meetings_client.get("/api/meetings")
    assert response.status_code == 200 and response.mimetype == "application/json"
    data = response.get_json()
    assert sorted(data) == ["gaps", "meetings"]
    assert data["gaps"] == []  # 37 to 40 (39 inferred), one a year: nothing missing
    for meeting in data["meetings"]:
        assert set(meeting) >= MEETING_KEYS
        for doc in meeting["documents"]:
            assert set(doc) >= {"id", "url", "title", "role"}
        for evidence in meeting["evidence"]:
            assert set(evidence) >= {"field", "value", "url", "link", "text"}
    by_number = {m["number"]: m for m in data["meetings"] if m["series"] == "sme_ministerial"}
    m38 = by_number[38]
    assert (m38["year"], m38["start_date"], m38["city"]) == (2031, "2031-05-04", "Lakeside")
    outcome = {k: m38["documents"][0][k] for k in ("id", "url", "title", "role")}
    assert outcome == {
        "id": doc_id_of("2031-statement"),
        "url": "https://example.org/meetings/2031-statement",
        "title": STATEMENT_TITLE,  # JSON, not HTML: the title as the document has it
        "role": "outcome",
    }
    assert {e["value"] for e in m38["evidence"] if e["field"] == "city"} == {
        "Lakeside",
        "Hilltown",
    }
    assert by_number[39]["number_inferred"] is True
    assert m38["page_url"].endswith("/meetings/sme_ministerial/38")


def test_the_page_and_its_twin_list_the_same_meetings(meetings_client):  # noqa: F811
    soup = chronology(meetings_client)
    pages = [a["href"] for a in soup.select("tbody th a[href^='/meetings/']")]
    data = meetings_client.get("/api/meetings").get_json()
    assert pages == [f"/meetings/{m['series']}/{m['number']}" for m in data["meetings"]]


@pytest.mark.parametrize("value", ["ministerial", "SMEWG", "<b>x</b>"])
def test_a_bad_series_is_a_400(meetings_client, value):  # noqa: F811
    api = meetings_client.get("/api/meetings", query_string={"series": value})
    assert api.status_code == 400 and api.mimetype == "application/json"
    body = api.get_json()
    assert body["status"] == 400
    assert body["error"].startswith("series must be one of sme_ministerial, smewg")
    page = meetings_client.get("/meetings", query_string={"series": value})
    assert page.status_code == 400
    assert "series must be one of" in page.get_data(as_text=True)
    assert "<b>x</b>" not in page.get_data(as_text=True)


def test_the_hostile_title_is_escaped(meetings_client):  # noqa: F811
    html = meetings_client.get("/meetings").get_data(as_text=True)
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(&#34;meet&#34;)&lt;/script&gt;" in html


def test_the_site_navigation_links_to_meetings(meetings_client):  # noqa: F811
    for path in ("/", "/meetings", "/help"):
        soup = BeautifulSoup(meetings_client.get(path).get_data(as_text=True), "lxml")
        assert soup.select_one('nav.site-nav a[href="/meetings"]').get_text() == "Meetings"


def test_the_page_is_accessible_markup(meetings_client):  # noqa: F811
    soup = chronology(meetings_client)
    assert len(soup.select("h1")) == 1
    for table in soup.select("table"):
        assert table.caption is not None
        assert all(th.get("scope") == "col" for th in table.select("thead th"))
        assert all(th.get("scope") == "row" for th in table.select("tbody th"))
    for section in soup.select("section[aria-labelledby]"):
        assert soup.find(id=section["aria-labelledby"]) is not None


def test_without_an_index_it_is_a_503(tmp_path):
    fresh = create_app({"INDEX_DIR": tmp_path / "index", "TESTING": True}).test_client()
    page = fresh.get("/meetings")
    assert page.status_code == 503 and "apec-search index" in page.get_data(as_text=True)
    api = fresh.get("/api/meetings")
    assert api.status_code == 503 and "apec-search index" in api.get_json()["error"]


def test_an_index_without_a_record_is_a_503(tmp_path):
    index = make_index(tmp_path, meeting_docs()[:1])
    (index / "current" / "record.json").unlink()
    fresh = create_app({"INDEX_DIR": index, "TESTING": True}).test_client()
    assert fresh.get("/meetings").status_code == 503
    api = fresh.get("/api/meetings")
    assert api.status_code == 503 and "No record of meetings" in api.get_json()["error"]


def test_an_inferred_year_is_marked_on_the_chronology_and_the_meetings_page(tmp_path):

    def held(year: int, number: int):
        opening = (
            f"We met in Alpha on 1 May {year} for the {number}th APEC SME Ministerial Meeting."
        )
        return make_document(
            f"https://example.org/{year}",
            f"{year} statement",
            [opening],
            doc_type="ministerial_statement",
            year=year,
            publisher="APEC",
        )

    said = "Ministers at the 35th APEC SME Ministerial Meeting agreed on exports."
    story = make_document("https://wire.example/35", "SME ministers", [said], year=None)
    index = make_index(tmp_path, [held(2040, 34), story, held(2042, 36)])
    client = create_app({"INDEX_DIR": index, "TESTING": True}).test_client()
    soup = chronology(client)
    row = row_of(soup, "sme_ministerial", 35)
    assert cells(row)["Year"] == "2041 * (year inferred)"
    note = soup.select_one(row.select_one(".inferred-mark a")["href"])
    assert "Year inferred" in note.get_text()
    assert row_of(soup, "sme_ministerial", 34).select_one(".inferred-mark") is None
    page = BeautifulSoup(client.get("/meetings/sme_ministerial/35").data, "lxml")
    assert "No document states this meeting's year" in page.select_one(".notice").get_text()
    year = next(d for d in page.select(".fact") if d.dt.get_text() == "Year")
    assert "inferred from the meetings before and after it" in year.dd.get_text()
    api = client.get("/api/meetings").get_json()["meetings"]
    assert next(m for m in api if m["number"] == 35)["year_inferred"] is True
