"""The /commitments and /trends pages and their CSV and JSON twins (Flask test client)."""

import csv
import io
import re

import pytest
from bs4 import BeautifulSoup

from indexer.model import Paragraph
from indexer.search import trends as trends_module
from tests.helpers import make_document, make_index
from webapp import create_app

SCRIPT = '<script>alert("x")</script>'


def docs():
    return [
        make_document(
            "https://example.org/2012",
            "=SUM(A1) 2012 Statement",
            ["We welcome new lending to small firms and access to finance."],
            doc_type="ministerial_statement",
            year=2012,
        ),
        make_document(
            "https://example.org/2017",
            f"2017 Statement {SCRIPT}",
            [
                f"We agree to study {SCRIPT} in online forms and e-commerce.",
                "We encourage economies to improve access to finance for start-ups.",
            ],
            doc_type="ministerial_statement",
            year=2017,
        ),
        make_document(
            "https://example.org/2020.pdf",
            "2020 Statement",
            [
                Paragraph("We instruct officials to:", page=3),
                Paragraph("- map credit guarantee schemes;", page=3),
                Paragraph("- report on digital trade.", page=3),
            ],
            doc_type="ministerial_statement",
            year=2020,
        ),
    ]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return make_index(tmp_path_factory.mktemp("cweb"), docs())


@pytest.fixture
def client(index_dir):
    return create_app({"INDEX_DIR": index_dir, "TESTING": True}).test_client()


@pytest.fixture
def empty_client(tmp_path):
    return create_app({"INDEX_DIR": tmp_path / "none", "TESTING": True}).test_client()


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.data[:500]
    return response.get_data(as_text=True)


def test_all_commitments_grouped_by_year_newest_first(client):
    html = page(client, "/commitments")
    assert re.findall(r'<h2 id="y-(\d+)">', html) == ["2020", "2017", "2012"]
    assert "<strong>5</strong> commitments" in html
    # a list item as it is, its lead-in shown apart as its context
    assert (
        '<span class="lead-in">We instruct officials to:</span> map credit guarantee schemes'
        in html
    )


def test_every_row_links_to_its_passage_and_document(client):
    html = page(client, "/commitments?year=2020")
    assert html.count('href="https://example.org/2020.pdf#page=3"') == 2
    at = re.search(r'href="(/doc/[0-9a-f]{16}/at/1)"', html)
    assert at and client.get(at.group(1)).headers["Location"].endswith("#p2")


def test_topic_view_has_first_mention_and_a_linked_chart(client):
    html = page(client, "/commitments?topic=access-to-finance")
    assert "first mentioned in <strong>2012</strong>" in html
    assert "<svg" in html and 'class="bar series-0"' in html
    assert 'href="/commitments?topic=access-to-finance&amp;year=2017"' in html
    # the chart runs without gaps from the first to the last year
    assert ">2015</a></th><td>0</td>" in html
    # first mention ignores the other filters
    assert "first mentioned in <strong>2012</strong>" in page(
        client, "/commitments?topic=access-to-finance&year=2018-2022"
    )


def test_filters_combine(client):
    html = page(client, "/commitments?strength=medium&q=start-ups")
    assert "<strong>1</strong> commitment" in html
    assert '<mark class="verb">encourage</mark>' in html
    assert "No commitments match" in page(client, "/commitments?strength=weak&year=2020")


def test_document_text_is_escaped(client):
    html = page(client, "/commitments?year=2017")
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "style=" not in html


def test_query_text_is_escaped(client):
    html = page(client, "/commitments?q=" + SCRIPT)
    assert SCRIPT not in html
    html = page(client, "/trends?q=" + SCRIPT)
    assert SCRIPT not in html and "&lt;script&gt;" in html


def test_a_quoted_phrase_is_headed_in_its_own_quotes_a_word_in_the_pages(client):
    heading = BeautifulSoup(page(client, '/trends?q="access+to+finance"&q=women'), "html.parser")
    h1 = heading.select_one("h1")
    assert h1.get_text() == 'Trends: "access to finance", women'  # not “"access to finance"”
    assert [q.get_text() for q in h1.select("q")] == ["women"]


def test_the_trends_form_grows_a_box_for_one_more_term_up_to_the_limit(client):
    def boxes(url: str) -> int:
        form = BeautifulSoup(page(client, url), "lxml").select_one(".filter-form")
        return len(form.select("input[name=q]"))

    assert boxes("/trends") == 3
    assert boxes("/trends?q=finance&q=women&q=digital") == 4
    assert boxes("/trends?" + "&".join(f"q=t{n}" for n in range(6))) == 6
    assert "showing the trends adds a box" in " ".join(page(client, "/trends").split())


def test_csv_of_the_current_view_is_spreadsheet_safe(client):
    response = client.get("/commitments.csv?topic=access-to-finance")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][:3] == ["year", "strength", "verb"]
    assert [r[0] for r in rows[1:]] == ["2020", "2017", "2012"]
    title = rows[0].index("title")
    assert rows[-1][title] == "'=SUM(A1) 2012 Statement"


def test_json_twin_matches_the_cli_shape(client):
    data = client.get("/api/commitments?year=2020").get_json()
    assert data["total"] == 2
    keys = {"text", "verb", "strength", "actor", "topics", "year", "title", "url", "link"}
    assert all(set(r) >= keys for r in data["commitments"])


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/commitments?topic=fish", "topic must be one of"),
        ("/commitments?strength=huge", "strength must be one of"),
        ("/commitments?year=soon", "year must be a year"),
        ("/commitments?page=0", "page must be from 1"),
        ("/trends?" + "&".join(f"q=t{n}" for n in range(7)), "at most 6"),
    ],
)
def test_bad_parameters_are_400_with_a_message(client, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_api_errors_are_json(client):
    response = client.get("/api/commitments?topic=fish")
    assert response.status_code == 400
    assert "topic must be one of" in response.get_json()["error"]
    assert client.get("/api/trends").status_code == 400
    response = client.get("/api/trends?q=finance&measure=bogus")
    assert response.status_code == 400
    assert "measure must be one of" in response.get_json()["error"]
    assert client.get("/api/trends?q=finance&measure=per_10k_words").status_code == 200


def test_without_an_index_the_pages_say_how_to_build_one(empty_client):
    for url in ("/commitments", "/trends?q=finance"):
        response = empty_client.get(url)
        assert response.status_code == 503
        assert "apec-search index" in response.get_data(as_text=True)


@pytest.fixture
def charted(monkeypatch):
    """Every year of this small corpus charted and given its rate per 10,000 words."""
    monkeypatch.setattr(trends_module, "MIN_YEAR_WORDS", 0)
    monkeypatch.setattr(trends_module, "MEANINGFUL_WORDS", 1)


def test_trends_page_draws_one_chart_of_the_chosen_measure_with_a_table(client, charted):
    html = page(client, "/trends?q=finance&q=digital")
    # one chart, drawn wide and narrow (the stylesheet shows one per screen width)
    assert html.count("<svg") == 2
    assert 'id="trend-wide"' in html and 'id="trend-narrow"' in html
    assert '<text class="axis-title"' in html and ">Documents mentioning the term</text>" in html
    assert (
        'href="/search?q=finance&amp;year=2017&amp;hint=off&amp;named=off&amp;synonyms=off"' in html
    )
    # one line per term, one colour each
    assert len(re.findall(r'<polyline class="line series-\d"', html)) == 4
    # table: one row per year from 2012 to 2020; documents, mentions and per 10,000 words
    assert len(re.findall(r'<th scope="row">20\d\d</th>', html)) == 9
    assert '<th scope="colgroup" colspan="3">finance</th>' in html
    assert '<th scope="col" rowspan="2">Documents</th>' in html
    assert 'value="finance"' in html and 'value="digital"' in html
    assert '<option value="documents" selected>' in html


def test_trends_per_10000_words(client, charted):
    html = page(client, "/trends?q=finance&measure=per_10k_words")
    assert ">Mentions per 10,000 words</text>" in html
    assert '<option value="per_10k_words" selected>' in html
    assert client.get("/trends?q=finance&measure=bananas").status_code == 400


def test_trends_page_without_terms_shows_the_form(client):
    html = page(client, "/trends")
    assert "<svg" not in html
    assert len(re.findall(r'id="t-q\d"', html)) == 3


def test_trends_api_is_the_cli_shape(client):
    data = client.get("/api/trends?q=finance").get_json()
    assert data["terms"] == ["finance"]
    counts = {c["year"]: c["documents"] for c in data["series"][0]["counts"]}
    assert counts[2012] == 1 and counts[2017] == 1 and counts[2013] == 0


def test_navigation_links_to_both_pages(client):
    html = page(client, "/")
    assert 'href="/commitments"' in html and 'href="/trends"' in html


def test_pages_of_commitments_keep_the_filters(index_dir):
    client = create_app(
        {"INDEX_DIR": index_dir, "TESTING": True, "COMMITMENTS_PAGE_SIZE": 2}
    ).test_client()
    first = page(client, "/commitments?strength=strong")
    assert "page 1 of 2" in first
    assert 'href="/commitments?strength=strong&amp;page=2"' in first
    second = page(client, "/commitments?strength=strong&page=2")
    assert re.findall(r'<h2 id="y-(\d+)">', second) == ["2017"]
    # the CSV is the whole view, not one page
    assert (
        len(client.get("/commitments.csv?strength=strong").get_data(as_text=True).splitlines()) == 4
    )


def test_csv_download_is_named_for_its_filter(client):
    response = client.get("/commitments.csv?topic=access-to-finance&year=2012-2017")
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="apec-commitments-access-to-finance-2012-2017.csv"'
    )
    plain = client.get("/commitments.csv").headers["Content-Disposition"]
    assert plain == 'attachment; filename="apec-commitments.csv"'


def test_trends_say_how_much_text_stands_behind_them(client):
    html = page(client, "/trends?q=finance&measure=per_10k_words")
    # no year of this corpus holds enough text for a rate per 10,000 words: documents instead
    assert "would make a single mention look like a trend" in html
    assert ">Documents mentioning the term</text>" in html
    # each year too thin to chart is a gap, and named
    assert "<polyline" not in html
    thin = BeautifulSoup(html, "lxml").select_one(".trends-thin").get_text(" ", strip=True)
    assert "left as gaps" in thin and "2012" in thin
    assert "(thin)" in html
    undated = BeautifulSoup(html, "lxml").select_one(".trends-undated").get_text(" ", strip=True)
    data = client.get("/api/trends?q=finance").get_json()
    assert (
        f"{data['undated_documents']} document" in undated
        if data["undated_documents"]
        else "Every document has a year" in undated
    )
    assert data["thin_years"] == data["years"] and len(data["documents_per_year"]) == len(
        data["years"]
    )


def test_trends_name_a_term_found_only_in_thin_years(client):
    # every year of this small index is thin: a term found at all is found only there
    data = client.get("/api/trends?q=finance&q=zeppelin").get_json()
    finance, zeppelin = data["series"]
    assert finance["only_in_thin_years"] and zeppelin["only_in_thin_years"] == []
    page = BeautifulSoup(client.get("/trends?q=finance&q=zeppelin").data, "lxml")
    (note,) = page.select(".trends-thin-only")
    text = " ".join(note.get_text(" ", strip=True).split())
    assert text.startswith("finance is found only in thin years")


def test_a_trends_count_is_the_number_of_results_its_link_lists(tmp_path):
    filler = " ".join(f"okapi{i}" for i in range(100))  # paragraphs too long to be joined
    spread = ["Sellers moved online. " + filler, "Lenders brought finance. " + filler]
    index = make_index(
        tmp_path,
        [
            make_document("https://example.org/spread", "Apart", spread, year=2015),
            make_document("https://example.org/typed", "Typed", ["Access to finance."], year=2015),
            make_document(
                "https://example.org/other", "Other", ["Financing for firms."], year=2015
            ),
            make_document("https://example.org/said", "Said", ["A statement was read."], year=2015),
        ],
    )
    client = create_app({"INDEX_DIR": index, "TESTING": True}).test_client()
    # "online finance": two paragraphs of one document, as search finds them; "access to
    # finance" names a concept whose other terms ("financing") the link leaves out, as
    # the count does; "statement" is a word to match, not a preference for statements
    for q, count in (("online finance", 1), ("access to finance", 1), ("statement", 1)):
        table = BeautifulSoup(client.get("/trends", query_string={"q": q}).data, "lxml")
        (link,) = table.select("td a[href^='/search']")
        assert int(link.get_text()) == count, q
        found = client.get(f"/api/search?{link['href'].split('?', 1)[1]}").get_json()
        assert found["total"] == count, (q, link["href"])


def test_trends_follow_a_topic_of_the_concepts_file(client):
    data = client.get("/api/trends?topic=access-to-finance&q=digital").get_json()
    assert data["terms"] == ["digital", "Access to finance"]
    topic = data["series"][1]
    assert '"access to finance"' in topic["query"] and " OR " in topic["query"]
    finance = client.get("/api/trends?q=finance").get_json()["series"][0]
    assert topic["documents"] >= 1 and finance["documents"] >= 1
    assert client.get("/api/trends?topic=bananas").status_code == 400
    html = page(client, "/trends?topic=access-to-finance")
    assert '<option value="access-to-finance" selected>' in html
