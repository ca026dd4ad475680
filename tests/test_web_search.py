"""The results page: results, facets, sorting, pagination, suggestions, messages, escaping."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.web_fixtures import SCRIPT_TEXT, app, client, doc_id_of, web_index  # noqa: F401


def page(client, url):  # noqa: F811
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    return BeautifulSoup(response.get_data(as_text=True), "lxml")


def titles(soup) -> list[str]:
    return [h.get_text(strip=True) for h in soup.select(".result-title")]


def facet_links(soup, heading: str) -> dict[str, str]:
    for section in soup.select(".facet"):
        if section.h3.get_text() == heading:
            return {a.select_one(".facet-label").get_text(): a["href"] for a in section.select("a")}
    return {}


def args(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def test_results_show_title_type_date_place_snippet_and_links(client):  # noqa: F811
    soup = page(client, "/search?q=credit+guarantees")
    (result,) = soup.select(".result")
    assert result.select_one(".result-title").get_text(strip=True) == (
        "Joint Ministerial Statement of the 27th SME Ministerial Meeting"
    )
    meta = result.select_one(".meta").get_text(" ", strip=True)
    assert "Ministerial statement" in meta
    assert "8 September 2021" in meta and "Wellington, New Zealand" in meta
    assert [m.get_text() for m in result.select(".snippet mark")] == ["credit", "guarantees"]
    links = {a.get_text(): a["href"] for a in result.select(".result-links a")}
    assert links["Source"] == "https://example.org/sme/2021-statement"
    assert links["Go to passage"].startswith("https://example.org/sme/2021-statement#:~:text=")
    doc_link = result.select_one(".result-title a")["href"]
    # At the paragraph holding the match (the passage starts two paragraphs before it), by
    # its ¶ anchor, and the ¶ shown beside the links
    assert doc_link == f"/doc/{doc_id_of('2021-statement')}?q=credit+guarantees#p3"
    assert result.select_one(".para-ref").get_text() == "¶3"


def test_pdf_result_deep_links_to_its_page(client):  # noqa: F811
    soup = page(client, "/search?q=payments")
    links = {a.get_text(): a["href"] for a in soup.select(".result-links a")}
    assert links["Go to passage (page 2)"] == "https://example.org/sme/2021-chair.pdf#page=2"


def test_result_count_and_time_taken(client):  # noqa: F811
    summary = page(client, "/search?q=digitalisation").select_one(".summary").get_text(" ")
    assert re.search(r"6\s+documents · page 1 of 2 · \d+ ms", summary)


def test_year_facet_filters_when_clicked_and_can_be_removed(client):  # noqa: F811
    soup = page(client, "/search?q=digitalisation")
    years = facet_links(soup, "Year")
    assert list(years) == ["2021", "2019", "2018", "2015"]  # newest first
    counts = [c.get_text() for c in soup.select(".facet")[0].select(".count")]
    assert counts == ["2", "1", "2", "1"]
    assert args(years["2018"]) == {"q": ["digitalisation"], "year": ["2018"]}

    narrowed = page(client, years["2018"])
    assert sorted(titles(narrowed)) == sorted(
        [f"Notes on {SCRIPT_TEXT} handling", "=HYPERLINK(1) annex on cooperation"]
    )
    active = narrowed.select_one(".active-filters")
    assert "Year: 2018" in active.get_text(" ", strip=True)
    remove = active.select_one("a.remove")["href"]
    assert args(remove) == {"q": ["digitalisation"]}
    # the selected value links to its own removal too
    assert args(facet_links(narrowed, "Year")["2018"]) == {"q": ["digitalisation"]}
    assert len(titles(page(client, remove))) == 3  # first page of six again


def test_type_facet_filters(client):  # noqa: F811
    soup = page(client, "/search?q=digitalisation")
    types = facet_links(soup, "Document type")
    assert types["Ministerial statement"].endswith("type=ministerial_statement")
    narrowed = page(client, types["Declaration"])
    assert titles(narrowed) == ["Declaration on Disaster Resilience of Small Businesses"]
    assert "Type: Declaration" in narrowed.select_one(".active-filters").get_text(" ", strip=True)


def test_year_range_filter(client):  # noqa: F811
    soup = page(client, "/search?q=digitalisation&year=2019-2021")
    assert {t for t in titles(soup)} >= {
        "Ministerial Statement of the 25th SME Ministerial Meeting"
    }
    assert "Year: 2019-2021" in soup.select_one(".active-filters").get_text(" ", strip=True)
    # the year facet counts as if no year were chosen: another can be chosen instead
    every = page(client, "/search?q=digitalisation")
    assert set(facet_links(soup, "Year")) == set(facet_links(every, "Year")) >= {"2021", "2015"}


def test_filters_without_words_list_the_documents(client):  # noqa: F811
    soup = page(client, "/search?type=strategic_plan")
    assert titles(soup) == ["SME Working Group Strategic Plan 2013-2016"]
    assert soup.h1.get_text() == "Documents"


def test_a_listing_without_words_is_sorted_by_date_only(client):  # noqa: F811
    soup = page(client, "/search?year=2015-2021")
    assert [a.get_text() for a in soup.select(".sort a")] == ["Newest", "Oldest"]
    assert soup.select_one(".sort a[aria-current]").get_text() == "Newest"
    years = [int(re.search(r"20\d\d", m.get_text(" ")).group()) for m in soup.select(".meta")]
    assert years == sorted(years, reverse=True) and len(years) == 3
    oldest = page(client, "/search?year=2015-2021&sort=oldest")
    assert oldest.select_one(".sort a[aria-current]").get_text() == "Oldest"


@pytest.mark.parametrize(
    ("sort", "years"), [("newest", [2021, 2021, 2019]), ("oldest", [2015, 2018, 2018])]
)
def test_sorting(client, sort, years):  # noqa: F811
    soup = page(client, f"/search?q=digitalisation&sort={sort}")
    shown = [
        int(re.search(r"\b(20\d\d)\b", m.get_text(" ")).group(1))
        for m in soup.select(".result .meta")
    ]
    assert shown == years
    current = soup.select_one(".sort a[aria-current]")
    assert current.get_text() == sort.capitalize()


def test_sort_links_keep_the_query_and_filters(client):  # noqa: F811
    soup = page(client, "/search?q=digitalisation&year=2015-2021&page=2")
    links = {a.get_text(): a["href"] for a in soup.select(".sort a")}
    assert args(links["Newest"]) == {
        "q": ["digitalisation"],
        "year": ["2015-2021"],
        "sort": ["newest"],
    }
    assert args(links["Relevance"]) == {"q": ["digitalisation"], "year": ["2015-2021"]}


def test_pagination(client):  # noqa: F811
    first = page(client, "/search?q=digitalisation")
    nav = first.select_one("nav.pagination")
    assert nav.select_one("[aria-current=page]").get_text() == "1"
    next_link = nav.select_one("a[rel=next]")["href"]
    assert args(next_link) == {"q": ["digitalisation"], "page": ["2"]}
    second = page(client, next_link)
    assert second.select_one(".result-list")["start"] == "4"
    assert len(titles(second)) == 3
    assert not set(titles(first)) & set(titles(second))
    assert second.select_one("nav.pagination a[rel=prev]") is not None
    assert second.select_one("nav.pagination a[rel=next]") is None


def test_a_page_past_the_end_says_so(client):  # noqa: F811
    soup = page(client, "/search?q=digitalisation&page=9")
    assert "There is no page 9 of these results" in soup.get_text()
    summary = soup.select_one(".summary")
    assert "page 9 of" not in summary.get_text()  # not "page 9 of 2"
    assert args(summary.select_one("a[href*=page]")["href"])["page"] == ["2"]


def test_did_you_mean_is_a_link(client):  # noqa: F811
    soup = page(client, "/search?q=digitalisaton+OR+digitalisation")
    dym = soup.select_one(".did-you-mean a")
    assert dym.get_text() == "digitalisation OR digitalisation"
    assert titles(soup)


def test_a_corrected_query_is_not_offered_again(client):  # noqa: F811
    soup = page(client, "/search?q=digitalisaton")
    assert "showing results for “digitalisation”" in soup.select_one(".notice--info").get_text()
    assert titles(soup)  # the corrected query was searched
    assert soup.select_one(".did-you-mean") is None  # it says so once, not twice


def test_no_results_message(client):  # noqa: F811
    soup = page(client, "/search?q=zzyzx+quokka")
    assert soup.select(".result") == []
    message = soup.select_one(".no-results").get_text(" ", strip=True)
    assert "Nothing matched" in message and "zzyzx quokka" in message
    assert "No documents found" in soup.select_one(".summary").get_text()
    assert "try OR between alternatives" in message


def test_no_results_for_one_word_offers_no_alternatives(client):  # noqa: F811
    message = page(client, "/search?q=zzyzx").select_one(".no-results").get_text(" ", strip=True)
    assert "Nothing matched" in message and "OR" not in message


def test_no_results_with_a_filter_suggests_removing_it(client):  # noqa: F811
    soup = page(client, "/search?q=payments&year=2015")
    assert "Remove a filter above" in soup.select_one(".no-results").get_text()


def test_malformed_query_gets_a_note_and_results(client):  # noqa: F811
    soup = page(client, '/search?q="access+to+finance')
    assert "ignored an unbalanced quote" in soup.select_one(".notice--info").get_text()
    assert titles(soup)


def test_empty_search_prompts_for_words(client):  # noqa: F811
    soup = page(client, "/search")
    assert "Type some words" in soup.get_text()
    assert soup.select(".result") == []


def test_document_text_with_script_is_escaped(client):  # noqa: F811
    response = client.get("/search?q=pwned")
    html = response.get_data(as_text=True)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    soup = BeautifulSoup(html, "lxml")
    assert titles(soup) == [f"Notes on {SCRIPT_TEXT} handling"]  # shown as text
    assert "Members & observers" in soup.select_one(".snippet").get_text()


def test_query_with_script_is_escaped_everywhere(client):  # noqa: F811
    response = client.get("/search", query_string={"q": '<script>alert("q")</script>'})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<script>alert("q")' not in html
    assert "&lt;script&gt;alert(&#34;q&#34;)&lt;/script&gt;" in html
    soup = BeautifulSoup(html, "lxml")
    assert soup.select_one("#header-search-q")["value"] == '<script>alert("q")</script>'
    for script in soup.find_all("script"):
        assert script.get("src") == "/static/app.js"


def test_the_url_is_the_state(client):  # noqa: F811
    url = "/search?q=digitalisation&year=2015-2021&type=ministerial_statement&sort=oldest"
    once, again = client.get(url).data, client.get(url).data
    strip_time = re.compile(rb"\d+ ms")
    assert strip_time.sub(b"", once) == strip_time.sub(b"", again)
    soup = BeautifulSoup(once, "lxml")
    assert titles(soup) == [
        "Ministerial Statement of the 25th SME Ministerial Meeting",
        "Joint Ministerial Statement of the 27th SME Ministerial Meeting",
    ]
    csv = soup.select_one(".exports a[href^='/search.csv']")["href"]
    assert args(csv) == {
        "q": ["digitalisation"],
        "year": ["2015-2021"],
        "type": ["ministerial_statement"],
        "sort": ["oldest"],
    }
    twin = soup.select_one(".exports a[href^='/api/search']")["href"]  # the JSON twin
    assert args(twin) == args(csv)
    found = client.get(twin).get_json()["results"]
    assert [r["title"] for r in found] == titles(soup)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("year=abc", "year must be a year such as 2015"),
        ("year=2021-2015", "ends before it starts"),
        ("year=12345", "year must be a year"),
        ("page=0", "page must be from 1 to 1000"),
        ("page=-1", "page must be a whole number"),
        ("page=two", "page must be a whole number"),
        ("page=1001", "page must be from 1 to 1000"),
        ("page=99999999999999999999999", "page must be from 1 to 1000"),
        ("sort=random", "sort must be one of relevance, newest, oldest"),
        ("type=novel", "type must be one of ministerial_statement"),
        ("type=<b>x</b>", "not &#39;&lt;b&gt;x&lt;/b&gt;&#39;"),
    ],
)
def test_bad_parameters_are_a_400_with_a_message(client, query, message):  # noqa: F811
    response = client.get(f"/search?q=finance&{query}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    assert "Bad request" in html
    assert 'id="header-search-q" name="q" type="search" value="finance"' in html


def test_query_length_is_bounded(client):  # noqa: F811
    response = client.get("/search", query_string={"q": "finance " * 100})
    assert response.status_code == 400
    assert "The query is too long" in response.get_data(as_text=True)
    assert client.get("/search", query_string={"q": "finance " * 50}).status_code == 200


def test_feed_is_advertised(client):  # noqa: F811
    soup = page(client, "/search?q=digitalisation&sort=oldest")
    alternate = soup.select_one('link[rel=alternate][type="application/atom+xml"]')
    assert args(alternate["href"]) == {"q": ["digitalisation"]}
    assert unescape(alternate["title"]) == "Newest results for digitalisation"


def test_pagination_links_the_first_and_last_pages(app):  # noqa: F811
    def links(page_no: int, pages: int) -> tuple[list[str], int]:
        with app.test_request_context():
            macro = app.jinja_env.get_template("macros.html").module.pagination
            nav = BeautifulSoup(str(macro(page_no, pages, lambda n: f"/p{n}", "Pages")), "lxml")
        return [a.get_text() for a in nav.select("a")], len(nav.select(".gap"))

    assert links(6, 12) == (["‹ Previous", "1", "4", "5", "6", "7", "8", "12", "Next ›"], 2)
    assert links(1, 12) == (["1", "2", "3", "12", "Next ›"], 1)
    assert links(3, 4) == (["‹ Previous", "1", "2", "3", "4", "Next ›"], 0)
