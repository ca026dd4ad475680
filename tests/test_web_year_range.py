"""The search page's from/to year boxes, beside the year=2010-2015 parameter."""

from bs4 import BeautifulSoup

from tests.web_fixtures import app, client, web_index  # noqa: F401


def soup_of(client, url):  # noqa: F811
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    return BeautifulSoup(response.get_data(as_text=True), "lxml")


def test_from_and_to_search_the_same_range_as_year(client):  # noqa: F811
    by_boxes = client.get("/api/search?q=digitalisation&from=2015&to=2021").get_json()
    by_param = client.get("/api/search?q=digitalisation&year=2015-2021").get_json()
    assert by_boxes["total"] == by_param["total"]
    assert [r["id"] for r in by_boxes["results"]] == [r["id"] for r in by_param["results"]]
    assert all(2015 <= r["year"] <= 2021 for r in by_boxes["results"])


def test_boxes_filled_the_wrong_way_round_search_the_range(client):  # noqa: F811
    swapped = client.get("/api/search?q=digitalisation&from=2021&to=2015")
    assert swapped.status_code == 200
    by_param = client.get("/api/search?q=digitalisation&year=2015-2021").get_json()
    assert [r["id"] for r in swapped.get_json()["results"]] == [
        r["id"] for r in by_param["results"]
    ]


def test_an_open_end(client):  # noqa: F811
    since = client.get("/api/search?q=digitalisation&from=2019").get_json()
    assert since["total"] > 0 and all(r["year"] >= 2019 for r in since["results"])
    until = client.get("/api/search?q=digitalisation&to=2016").get_json()
    assert until["total"] > 0 and all(r["year"] <= 2016 for r in until["results"])


def test_the_form_keeps_the_search_and_shows_the_range(client):  # noqa: F811
    soup = soup_of(client, "/search?q=digitalisation&type=ministerial_statement&year=2015-2021")
    form = soup.select_one("form.year-range")
    assert form["method"] == "get" and form["action"] == "/search"
    hidden = {i["name"]: i["value"] for i in form.select("input[type=hidden]")}
    assert hidden == {"q": "digitalisation", "type": "ministerial_statement"}
    assert form.select_one("input[name=from]")["value"] == "2015"
    assert form.select_one("input[name=to]")["value"] == "2021"
    assert form.select_one("label[for=year-from]") and form.select_one("label[for=year-to]")


def test_links_from_a_boxes_search_carry_the_year_parameter(client):  # noqa: F811
    soup = soup_of(client, "/search?q=digitalisation&from=2010&to=2021")
    active = soup.select_one(".active-filters").get_text(" ", strip=True)
    assert "2010-2021" in active


def test_a_bad_year_box_is_a_400(client):  # noqa: F811
    response = client.get("/search?q=digitalisation&from=20x5")
    assert response.status_code == 400
    assert "from must be a year" in response.get_data(as_text=True)
    assert client.get("/search?q=x&year=2021-2015").status_code == 400  # a link, not boxes
