"""/meetings says where the series has gaps: a number no document names, and a year the
numbers either side show had no meeting; its JSON twin lists them as `gaps`."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from indexer.model import Document
from tests.helpers import make_document, make_index
from webapp import create_app
from webapp.meetings import caption, gaps, rows

NO_23RD = "No document in the index names the 23rd meeting"
NO_2018 = (
    "No meeting in 2018, as the numbers either side show: the 24th was in 2017 and the 25th in 2019"
)


def news(slug: str, sentence: str, year: int) -> Document:
    return make_document(
        f"https://example.org/gaps/{slug}",
        f"Ministers meet ({year})",
        [sentence, "Ministers spoke about women entrepreneurs and start-ups."],
        year=year,
        doc_type="news_release",
    )


def docs() -> list[Document]:
    return [
        news(
            "2015",
            "The 22nd APEC SME Ministerial Meeting was held in Alpha, Atlantis on 9 June 2015.",
            2015,
        ),
        news(
            "2017",
            "The 24th APEC SME Ministerial Meeting was held in Beta, Atlantis on 10 May 2017.",
            2017,
        ),
        news(
            "2019",
            "The 25th APEC SME Ministerial Meeting was held in Gamma, Atlantis on 5 September"
            " 2019.",
            2019,
        ),
    ]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    index = make_index(tmp_path_factory.mktemp("gaps"), docs())
    return create_app({"INDEX_DIR": index, "TESTING": True}).test_client()


def meeting(number: int | None, year: int | None, series: str = "sme_ministerial") -> dict:
    return {"series": series, "number": number, "year": year}


def test_gaps_of_a_series():
    listed = [meeting(20, 2013), meeting(22, 2015), meeting(23, 2016), meeting(24, 2019)]
    assert [(after, g["number"], g["year"]) for after, g in gaps(listed)] == [
        (0, 21, None),  # after the 20th
        (2, None, 2017),  # the 23rd in 2016, the 24th in 2019
        (2, None, 2018),
    ]
    assert gaps(listed)[0][1] == {
        "series": "sme_ministerial",
        "number": 21,
        "year": None,
        "note": "No document in the index names the 21st meeting",
    }


def test_a_year_with_a_meeting_of_no_number_is_not_a_gap():
    listed = [meeting(24, 2017), meeting(None, 2018), meeting(25, 2020)]
    assert [g["year"] for _, g in gaps(listed)] == [2019]


def test_no_gaps_without_numbers_or_in_a_run():
    assert gaps([meeting(None, 2012), meeting(None, 2014)]) == []
    assert gaps([meeting(5, 2010), meeting(6, 2011), meeting(7, 2011)]) == []
    assert gaps([]) == []


def test_rows_put_each_gap_after_its_meeting():
    listed = [meeting(20, 2013), meeting(None, 2014), meeting(22, 2015)]
    kinds = [("gap", r["gap"]["number"]) if "gap" in r else ("meeting", r["meeting"]["number"])
             for r in rows(listed)]  # fmt: skip
    assert kinds == [("meeting", 20), ("gap", 21), ("meeting", None), ("meeting", 22)]


@pytest.mark.parametrize(
    ("listed", "text"),
    [
        ([meeting(1, 1994), meeting(31, 2024)], "2 meetings named by the documents, numbers 1 to"
         " 31 (29 numbers named by none)"),
        ([meeting(70, 2032, "smewg")], "1 meeting named by the documents, number 70"),
        ([meeting(None, 2012)], "1 meeting named by the documents, none by its number"),
        ([meeting(3, 2000), meeting(4, 2001), meeting(None, 2010)],
         "3 meetings named by the documents, numbers 3 to 4, 1 without a number"),
    ],
)  # fmt: skip
def test_the_caption_does_not_read_as_the_series_length(listed, text):
    assert caption(listed) == text


def test_the_page_shows_the_gaps_in_place(client):
    soup = BeautifulSoup(client.get("/meetings").get_data(as_text=True), "lxml")
    table = soup.select_one("#series-sme_ministerial").find_parent("section").select_one("table")
    lines = [tr.get_text(" ", strip=True) for tr in table.select("tbody tr")]
    assert len(lines) == 5
    assert lines[0].startswith("22nd")
    assert lines[1] == f"23rd SME Ministerial Meeting {NO_23RD}"
    assert lines[2].startswith("24th")
    assert lines[3] == f"— No meeting in 2018 2018 {NO_2018}"
    assert lines[4].startswith("25th")
    assert all(tr.th["scope"] == "row" for tr in table.select("tbody tr"))
    assert table.caption.get_text() == (
        "SME Ministerial Meetings: 3 meetings named by the documents, numbers 22 to 25"
        " (1 number named by none), oldest first"
    )


def test_the_json_twin_lists_the_gaps(client):
    data = client.get("/api/meetings").get_json()
    assert [m["number"] for m in data["meetings"]] == [22, 24, 25]  # as before
    assert data["gaps"] == [
        {"series": "sme_ministerial", "number": 23, "year": None, "note": NO_23RD},
        {"series": "sme_ministerial", "number": None, "year": 2018, "note": NO_2018},
    ]
    assert client.get("/api/meetings?series=smewg").get_json() == {"meetings": [], "gaps": []}
