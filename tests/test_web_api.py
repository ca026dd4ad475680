"""The JSON API and the CSV and Atom twins of the results page."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest

from indexer.search.engine import Engine
from tests.helpers import SEARCH_RESULT_KEYS, make_document, make_index
from tests.web_fixtures import SCRIPT_TEXT, app, client, doc_id_of, web_index  # noqa: F401
from webapp import create_app
from webapp.templating import rfc3339

ATOM = "{http://www.w3.org/2005/Atom}"


def without_timing(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "elapsed_ms"}


def test_api_search_is_the_engine_json(client, web_index):  # noqa: F811
    response = client.get("/api/search?q=digitalisation&year=2015-2021&sort=newest&limit=4")
    assert response.status_code == 200 and response.mimetype == "application/json"
    data = response.get_json()
    expected = Engine(web_index).search("digitalisation", year=(2015, 2021), sort="newest", limit=4)
    # a query of words: the engine's, with no question's words and no answer
    assert without_timing(data) == without_timing(expected) | {
        "question_words": None,
        "featured": None,
    }
    for key in ("query", "total", "page", "suggestion", "results", "facets"):
        assert key in data
    assert data["total"] == 6 and len(data["results"]) == 4
    assert set(data["results"][0]) >= SEARCH_RESULT_KEYS


def test_api_search_pages_and_filters(client):  # noqa: F811
    data = client.get("/api/search?q=digitalisation&type=declaration").get_json()
    assert [r["title"] for r in data["results"]] == [
        "Declaration on Disaster Resilience of Small Businesses"
    ]
    second = client.get("/api/search?q=digitalisation&limit=2&page=2").get_json()
    assert second["page"] == 2 and len(second["results"]) == 2


def test_api_search_escapes_the_script_document(client):  # noqa: F811
    data = client.get("/api/search?q=pwned").get_json()
    assert "<script>" not in data["results"][0]["snippet"]
    assert data["results"][0]["title"] == f"Notes on {SCRIPT_TEXT} handling"  # JSON, not HTML


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q=finance&year=abc", "year must be a year such as 2015"),
        ("q=finance&page=0", "page must be from 1 to 1000"),
        ("q=finance&limit=500", "limit must be from 1 to 100"),
        ("q=finance&limit=ten", "limit must be a whole number"),
        ("q=finance&sort=up", "sort must be one of"),
        ("q=finance&type=memo", "type must be one of"),
        ("", "q is required"),
        ("q=" + "a" * 501, "The query is too long"),
    ],
)
def test_api_bad_parameters_are_json_400s(client, query, message):  # noqa: F811
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert message in body["error"] and body["status"] == 400


def test_api_doc(client):  # noqa: F811
    data = client.get(f"/api/doc/{doc_id_of('2021-chair.pdf')}?q=payments").get_json()
    assert data["title"] == "Chair's Statement on the Digital Economy"
    assert data["content_type"] == "pdf"
    assert [p["page"] for p in data["paragraphs"]] == [1, 2]
    assert "<mark>payments</mark>" in data["paragraphs"][1]["html"]


def test_api_doc_unknown_is_a_json_404(client):  # noqa: F811
    response = client.get("/api/doc/ffffffffffffffff")
    assert response.status_code == 404
    assert response.get_json()["error"] == "There is no document with id 'ffffffffffffffff'."


def read_csv(response) -> list[dict[str, str]]:
    text = response.data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_of_the_current_results(client):  # noqa: F811
    response = client.get("/search.csv?q=digitalisation&sort=oldest")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = read_csv(response)
    assert len(rows) == 6  # every result, not only the first page
    assert [r["rank"] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert [r["year"] for r in rows] == ["2015", "2018", "2018", "2019", "2021", "2021"]
    assert set(rows[0]) == {
        "rank",
        "title",
        "doc_type",
        "year",
        "date",
        "location",
        "url",
        "link",
        "excerpt",
        "meeting",
        "id",
        "matched",
    }
    assert {r["matched"] for r in rows} == {"all words"}
    chair = next(r for r in rows if r["doc_type"] == "chairs_statement")
    assert chair["link"] == "https://example.org/sme/2021-chair.pdf#page=2"
    assert "<mark>" not in chair["excerpt"] and "digitalisation of payments" in chair["excerpt"]


def test_csv_fetches_every_result_in_batches_up_to_the_cap(web_index):  # noqa: F811
    def rows(**config):
        configured = create_app({"INDEX_DIR": web_index, "TESTING": True, **config})
        return read_csv(configured.test_client().get("/search.csv?q=digitalisation&sort=newest"))

    whole = rows()
    assert len(whole) == 6
    assert rows(EXPORT_BATCH=2) == whole  # three Engine calls, same rows in the same order
    assert rows(EXPORT_BATCH=4) == whole
    assert rows(EXPORT_BATCH=2, EXPORT_MAX_ROWS=3) == whole[:3]
    assert rows(EXPORT_BATCH=4, EXPORT_MAX_ROWS=5) == whole[:5]


def test_csv_defuses_formulas_and_keeps_text(client):  # noqa: F811
    rows = read_csv(client.get("/search.csv?q=annex"))
    assert rows[0]["title"] == "'=HYPERLINK(1) annex on cooperation"
    notes = read_csv(client.get("/search.csv?q=pwned"))[0]
    assert notes["title"] == f"Notes on {SCRIPT_TEXT} handling"
    assert notes["excerpt"].startswith("Members & observers")


def test_csv_respects_filters_and_bad_parameters(client):  # noqa: F811
    response = client.get("/search.csv?q=digitalisation&year=2021")
    assert {r["year"] for r in read_csv(response)} == {"2021"}
    # the download is named for what was asked
    names = {
        "q=digitalisation&year=2021": "apec-search-2021-digitalisation.csv",
        "q=Access+to+finance!&type=declaration&from=2015": (
            "apec-search-declaration-2015-onwards-access-to-finance.csv"
        ),
        "q=trade&year=undated&meeting=sme_ministerial/25": (
            "apec-search-undated-sme_ministerial-25-trade.csv"
        ),
    }
    for args, name in names.items():
        got = client.get(f"/search.csv?{args}").headers["Content-Disposition"]
        assert got == f'attachment; filename="{name}"', args
    assert client.get("/search.csv?q=finance&year=x").status_code == 400
    assert client.get("/search.csv").status_code == 400


def test_atom_feed_newest_first(client):  # noqa: F811
    response = client.get("/search.atom?q=digitalisation")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.data)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == "APEC SME Search: digitalisation"
    assert feed.findtext(f"{ATOM}updated") == "2026-03-02T10:15:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 6
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert updated[0] == "2021-09-09T00:00:00Z"
    first = entries[0]
    assert first.findtext(f"{ATOM}id") == "https://example.org/sme/2021-chair.pdf"
    alternate = first.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate == f"http://localhost/doc/{doc_id_of('2021-chair.pdf')}"
    summary = first.find(f"{ATOM}summary")
    assert summary.get("type") == "html" and "<mark>digitalisation</mark>" in summary.text


def test_atom_entries_name_their_own_authors_and_dates(tmp_path):
    # a third party's story is its publisher's, not APEC's; a statement is APEC's wherever read
    docs = [
        make_document(
            "https://wire.example/gannets",
            "Gannets & ministers",
            ["Ministers counted gannets on the cliffs."],
            year=2024,
            doc_type="news_article",
            publisher="Harbour <Wire>",
        ),
        make_document(
            "https://share.example/gannet-statement",
            "Gannet statement",
            ["We, the ministers, welcome the gannets."],
            year=2023,
            doc_type="ministerial_statement",
            publisher="Share Example",
        ),
        make_document(  # the working group's plan, read on a document-sharing site
            "https://share.example/gannet-plan",
            "Gannet plan",
            ["The working group's plan counts gannets."],
            doc_type="strategic_plan",
            publisher="Share Example",
        ),
        make_document(  # undated: the entry is dated when the crawl read it, not 1970
            "https://wire.example/gannets-undated",
            "Gannet notes",
            ["Notes on gannets of the bay."],
            doc_type="news_article",
            publisher="Harbour <Wire>",
            fetched_at="2026-02-03T04:05:06+00:00",
        ),
    ]
    feed_app = create_app({"INDEX_DIR": make_index(tmp_path, docs), "TESTING": True})
    response = feed_app.test_client().get("/search.atom", query_string={"q": "gannets"})
    feed = ET.fromstring(response.data)  # well-formed: the publisher's "<" is escaped
    authors = {
        e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}author/{ATOM}name")
        for e in feed.findall(f"{ATOM}entry")
    }
    assert authors == {
        "https://wire.example/gannets": "Harbour <Wire>",
        "https://share.example/gannet-statement": "Asia-Pacific Economic Cooperation",
        "https://share.example/gannet-plan": "Asia-Pacific Economic Cooperation",
        "https://wire.example/gannets-undated": "Harbour <Wire>",
    }
    assert feed.find(f"{ATOM}author") is None  # each entry has its own
    updated = {
        e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}updated") for e in feed.findall(f"{ATOM}entry")
    }
    assert updated["https://wire.example/gannets-undated"] == "2026-02-03T04:05:06Z"
    assert updated["https://wire.example/gannets"] == "2024-01-01T00:00:00Z"  # its year's


def test_atom_feed_escapes_the_script_document(client):  # noqa: F811
    response = client.get("/search.atom", query_string={"q": "pwned <script>"})
    raw = response.get_data(as_text=True)
    assert "<script>" not in raw
    feed = ET.fromstring(response.data)  # well-formed
    entry = feed.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == f"Notes on {SCRIPT_TEXT} handling"
    assert feed.findtext(f"{ATOM}title") == "APEC SME Search: pwned <script>"


def test_atom_bad_parameter(client):  # noqa: F811
    assert client.get("/search.atom?q=finance&page=x").status_code == 400


@pytest.mark.parametrize(
    "q", ["\x00 x", "(((", "year:abc", "*", 'title:"', "AND", "-", "NOT", "year:3000..1000", ":"]
)
@pytest.mark.parametrize("path", ["/search", "/api/search", "/search.csv", "/search.atom"])
def test_odd_queries_never_fail(client, path, q):  # noqa: F811
    assert client.get(path, query_string={"q": q}).status_code == 200


@pytest.mark.parametrize("path", ["/api/search", "/search.csv", "/search.atom"])
def test_a_query_of_control_characters_only_is_no_query(client, path):  # noqa: F811
    """Characters XML does not allow are dropped from the query: nothing is left to search."""
    response = client.get(path, query_string={"q": "\x00\x01"})
    assert response.status_code == 400 and b"q is required" in response.data
    assert client.get("/search", query_string={"q": "\x00"}).status_code == 200  # the form


@pytest.mark.parametrize(
    ("value", "stamp"),
    [
        ("2021-09-08", "2021-09-08T00:00:00Z"),
        ("2026-03-02T10:15:00+02:00", "2026-03-02T08:15:00Z"),
        ("2021", "2021-01-01T00:00:00Z"),
        ("2021-09", "2021-01-01T00:00:00Z"),
        ("0000", "1970-01-01T00:00:00Z"),
        ("unknown", "1970-01-01T00:00:00Z"),
        ("", "1970-01-01T00:00:00Z"),
        (None, "1970-01-01T00:00:00Z"),
    ],
)
def test_atom_dates(value, stamp):
    assert rfc3339(value) == stamp
