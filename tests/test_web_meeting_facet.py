"""The meeting facet and the `meeting=` filter of /search and /api/search."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from tests.meeting_fixtures import doc_id_of, meetings_index  # noqa: F401
from webapp import create_app
from webapp.facets import meeting_facet
from webapp.meetings import key_name
from webapp.params import BadParameter, Limits, SearchParams, parse_search

LIMITS = Limits(max_query_length=50, max_page=20, max_limit=30)
M38 = "sme_ministerial/38"


@pytest.fixture
def client(meetings_index) -> FlaskClient:  # noqa: F811
    app = create_app({"INDEX_DIR": meetings_index, "TESTING": True, "PAGE_SIZE": 1})
    return app.test_client()


def soup_of(client: FlaskClient, path: str, **args: str) -> BeautifulSoup:
    response = client.get(path, query_string=args)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return BeautifulSoup(response.get_data(as_text=True), "lxml")


def args_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("sme_ministerial/25", "25th SME Ministerial Meeting"),
        ("smewg/58", "58th SMEWG meeting"),
        ("sme_ministerial/y2012", "2012 SME Ministerial Meeting"),
        ("other/3", "other/3"),
    ],
)
def test_key_names(key, label):
    assert key_name(key) == label


@pytest.mark.parametrize("value", ["sme_ministerial/25", "smewg/y2012", " smewg/58 "])
def test_meeting_accepted(value):
    params = parse_search({"meeting": value}, LIMITS)
    assert params.meeting == value.strip() and not params.is_empty
    assert params.engine_kwargs()["meeting"] == value.strip()
    assert params.query_args(page=2)["meeting"] == value.strip()


@pytest.mark.parametrize(
    "value", ["25", "sme_ministerial", "sme_ministerial/", "ministerial/25", "smewg/y12",
              "smewg/0", "smewg/25/1", "SMEWG/25", "smewg/２５", "<b>x</b>/1"],
)  # fmt: skip
def test_meeting_refused(value):
    with pytest.raises(BadParameter, match="meeting must be a series"):
        parse_search({"q": "x", "meeting": value}, LIMITS)


def test_the_facet_is_commonest_first_then_newest():
    counts = {"smewg/70": 1, "sme_ministerial/37": 1, M38: 3, "sme_ministerial/y2030": 1}
    values = meeting_facet(counts, SearchParams(q="x"), lambda args: args.get("meeting", ""))
    assert [v.label for v in values] == [
        "38th SME Ministerial Meeting",
        "37th SME Ministerial Meeting",
        "2030 SME Ministerial Meeting",
        "70th SMEWG meeting",
    ]
    assert [v.url for v in values][:2] == [M38, "sme_ministerial/37"]


def test_the_results_page_shows_the_meeting_facet(client):
    soup = soup_of(client, "/search", q="ministers")
    facet = soup.select_one("section.facet--meeting")
    assert facet.select_one("h3").get_text() == "Meeting"
    links = {a.select_one(".facet-label").get_text(): a["href"] for a in facet.select("a[href]")}
    assert "38th SME Ministerial Meeting" in links
    assert args_of(links["38th SME Ministerial Meeting"]) == {"q": ["ministers"], "meeting": [M38]}


def test_the_filter_narrows_and_every_link_keeps_it(client):
    soup = soup_of(client, "/search", q="ministers", meeting=M38)
    assert "2 documents" in soup.select_one(".summary").get_text()  # of the 38th's 3
    active = soup.select_one(".active-filters li")
    assert "Meeting: 38th SME Ministerial Meeting" in active.get_text(" ", strip=True)
    assert args_of(active.select_one("a.remove")["href"]) == {"q": ["ministers"]}
    kept = soup.select(".pagination a[href], .sort a[href], .facet--year a[href]")
    kept += soup.select(".exports a[href]")
    assert kept
    for a in kept:
        assert args_of(a["href"])["meeting"] == [M38], a["href"]
    hidden = soup.select_one('form.year-range input[name="meeting"]')
    assert hidden is not None and hidden["value"] == M38
    # the selected value is marked, and selecting it again removes it
    chosen = soup.select_one(".facet--meeting a.active")
    assert "meeting" not in args_of(chosen["href"])


def test_a_meeting_alone_lists_its_documents(client):
    soup = soup_of(client, "/search", meeting=M38)
    assert soup.select_one("h1").get_text() == "Documents"
    assert "3 documents" in soup.select_one(".summary").get_text()


def test_the_api_filters_and_counts_by_meeting(client):
    data = client.get("/api/search", query_string={"q": "ministers", "limit": 10}).get_json()
    assert data["facets"]["meeting"][M38] == 2  # the report does not say "ministers"
    only = client.get("/api/search", query_string={"q": "ministers", "meeting": M38}).get_json()
    assert only["total"] == 2 and set(only["facets"]["meeting"]) == {M38}
    assert doc_id_of("2031-statement") in {r["id"] for r in only["results"]}


@pytest.mark.parametrize("value", ["sme_ministerial", "smewg/abc", "<script>x</script>/1"])
def test_a_bad_meeting_is_a_400(client, value):
    api = client.get("/api/search", query_string={"q": "ministers", "meeting": value})
    assert api.status_code == 400 and api.mimetype == "application/json"
    assert api.get_json()["error"].startswith("meeting must be a series")
    page = client.get("/search", query_string={"q": "ministers", "meeting": value})
    assert page.status_code == 400
    html = page.get_data(as_text=True)
    assert "meeting must be a series" in html and "<script>x" not in html


def test_many_meetings_are_folded(client, monkeypatch):
    monkeypatch.setattr("webapp.views.search.MEETINGS_SHOWN", 2)
    soup = soup_of(client, "/search", q="ministers")
    facet = soup.select_one("section.facet--meeting")
    assert len(facet.select(":scope > ul > li")) == 2
    more = facet.select_one("details.facet-more")
    assert more.summary.get_text() == f"{len(more.select('li'))} more meetings"
