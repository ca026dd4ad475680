"""The document page: numbered paragraphs, metadata, highlighting, citation, related."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from tests.web_fixtures import SCRIPT_TEXT, app, client, doc_id_of, web_index  # noqa: F401


def doc_page(client, slug: str, query: str = "") -> BeautifulSoup:  # noqa: F811
    response = client.get(f"/doc/{doc_id_of(slug)}{query}")
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "lxml")


def test_paragraphs_are_numbered_with_anchors(client):  # noqa: F811
    soup = doc_page(client, "2021-statement")
    paras = soup.select(".doc-body .para")
    assert [p["id"] for p in paras] == ["p1", "p2", "p3", "p4", "p5"]
    assert [p.select_one(".pnum")["href"] for p in paras][:2] == ["#p1", "#p2"]
    source = paras[2].select_one(".psource").extract()["href"]
    assert paras[2].select_one("p.ptext").get_text().startswith("We welcome the work")
    paras[0].select_one(".psource").extract()
    assert (
        paras[0].select_one("h2.ptext").get_text().strip()
        == "Digital transformation of small firms"
    )
    assert source.startswith("https://example.org/sme/2021-statement#:~:text=We%20welcome")


def test_metadata_and_links_to_source_and_original(client):  # noqa: F811
    soup = doc_page(client, "2021-statement")
    assert soup.h1.get_text() == "Joint Ministerial Statement of the 27th SME Ministerial Meeting"
    meta = dict(
        zip(
            [dt.get_text() for dt in soup.select(".doc-meta dt")],
            [dd.get_text(" ", strip=True) for dd in soup.select(".doc-meta dd")],
            strict=True,
        )
    )
    # named from the record of meetings, linked to the meeting's page
    assert (
        meta["Meeting"]
        == "Outcome of the 27th SME Ministerial Meeting, Wellington, New Zealand, 2021"
    )
    assert soup.select_one(".doc-meeting a")["href"] == "/meetings/sme_ministerial/27"
    assert meta["Date"] == "8 September 2021"
    assert meta["Place"] == "Wellington, New Zealand"
    assert meta["Source"] == "https://example.org/sme/2021-statement"
    assert meta["Original file"] == "HTML , as crawled on 2 March 2026"
    original = soup.select(".doc-meta dd a")[-1]["href"]
    assert original == "https://example.org/sme/2021-statement"
    assert (
        soup.select_one("link[rel=canonical]")["href"] == "https://example.org/sme/2021-statement"
    )


def test_pdf_paragraphs_show_their_pages(client):  # noqa: F811
    soup = doc_page(client, "2021-chair.pdf")
    markers = [a["href"] for a in soup.select(".page-marker a")]
    assert markers == [
        "https://example.org/sme/2021-chair.pdf#page=1",
        "https://example.org/sme/2021-chair.pdf#page=2",
    ]


def test_referring_query_terms_are_highlighted(client):  # noqa: F811
    soup = doc_page(client, "2021-statement", "?q=finance+resilience")
    hits = soup.select(".para--hit")
    assert [p["id"] for p in hits] == ["p3", "p4", "p5"]
    assert [m.get_text() for m in soup.select(".doc-body mark")] == [
        "finance",
        "Resilience",
        "resilience",
    ]
    assert "Matches for" in soup.select_one(".highlight-note").get_text()
    assert doc_page(client, "2021-statement").select(".doc-body mark") == []


def test_result_link_lands_on_the_highlighted_paragraph(client):  # noqa: F811
    results = BeautifulSoup(client.get("/search?q=payments").data, "lxml")
    href = results.select_one(".result-title a")["href"]
    path, anchor = href.split("#")
    soup = BeautifulSoup(client.get(path).data, "lxml")
    target = soup.find(id=anchor)
    assert "para--hit" in target["class"]
    assert target.mark.get_text() == "payments"


def test_cite_this_box(client):  # noqa: F811
    soup = doc_page(client, "2021-statement")
    plain = soup.select_one(".cite-plain").get_text()
    assert plain.startswith(
        "Asia-Pacific Economic Cooperation (APEC). “Joint Ministerial Statement of the 27th SME"
        " Ministerial Meeting.” 27th APEC Small and Medium Enterprises Ministerial Meeting,"
        " Wellington, New Zealand, 8 September 2021. https://example.org/sme/2021-statement"
        " (accessed "
    )
    bibtex = soup.select_one(".cite-bibtex").get_text()
    assert bibtex.startswith(f"@misc{{apec2021_{doc_id_of('2021-statement')},")
    assert "  address = {Wellington, New Zealand}," in bibtex
    assert "  url = {https://example.org/sme/2021-statement}," in bibtex


def test_highwire_meta_tags(client):  # noqa: F811
    soup = doc_page(client, "2021-chair.pdf")
    tags = {m["name"]: m["content"] for m in soup.select("meta[name^=citation_]")}
    assert tags == {
        "citation_title": "Chair's Statement on the Digital Economy",
        "citation_author": "Asia-Pacific Economic Cooperation",
        "citation_publication_date": "2021/09/09",
        "citation_conference_title": "27th APEC Small and Medium Enterprises Ministerial Meeting",
        "citation_public_url": "https://example.org/sme/2021-chair.pdf",
        "citation_pdf_url": "https://example.org/sme/2021-chair.pdf",
    }


def test_related_documents_are_from_other_years(client):  # noqa: F811
    soup = doc_page(client, "2021-chair.pdf")
    related = soup.select(".related li")
    assert related
    hrefs = [item.a["href"] for item in related]
    assert all(re.fullmatch(r"/doc/[0-9a-f]{16}", h) for h in hrefs)
    assert f"/doc/{doc_id_of('2021-chair.pdf')}" not in hrefs
    assert f"/doc/{doc_id_of('2021-statement')}" not in hrefs  # same year
    assert f"/doc/{doc_id_of('2019-statement')}" in hrefs  # shares "digitalisation"


def test_document_with_script_is_escaped(client):  # noqa: F811
    response = client.get(f"/doc/{doc_id_of('2018-notes')}?q=pwned")
    html = response.get_data(as_text=True)
    assert "<script>alert" not in html
    soup = BeautifulSoup(html, "lxml")
    assert soup.h1.get_text() == f"Notes on {SCRIPT_TEXT} handling"
    assert soup.select_one(".ptext").get_text().startswith("Members & observers discussed")
    assert soup.select_one(".psource").get_text() == "source"
    assert soup.select_one(".ptext mark").get_text() == "pwned"
    assert soup.select_one('meta[name="citation_title"]')["content"] == (
        f"Notes on {SCRIPT_TEXT} handling"
    )
    assert [s.get("src") for s in soup.find_all("script")] == ["/static/app.js"]


def test_highlight_query_with_script_is_escaped(client):  # noqa: F811
    response = client.get(
        f"/doc/{doc_id_of('2021-statement')}", query_string={"q": "<script>finance"}
    )
    html = response.get_data(as_text=True)
    assert "<script>finance" not in html and "&lt;script&gt;finance" in html


def test_unknown_document_is_a_404(client):  # noqa: F811
    response = client.get("/doc/0000000000000000")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_overlong_highlight_query_is_a_400(client):  # noqa: F811
    response = client.get(f"/doc/{doc_id_of('2021-statement')}", query_string={"q": "x" * 600})
    assert response.status_code == 400


def test_the_page_links_its_json_twin(client):  # noqa: F811
    doc_id = doc_id_of("2021-statement")
    plain = doc_page(client, "2021-statement")
    marked = doc_page(client, "2021-statement", "?q=work")
    assert plain.select_one(".doc-header .summary a")["href"] == f"/api/doc/{doc_id}"
    twin = marked.select_one(".doc-header .summary a")["href"]
    assert twin == f"/api/doc/{doc_id}?q=work"
    assert client.get(twin).get_json()["id"] == doc_id


def test_the_help_lists_every_json_twin(client):  # noqa: F811
    text = client.get("/help").get_data(as_text=True)
    for twin in ("/api/search", "/api/doc/", "/api/meetings", "/api/ask", "/api/commitments"):
        assert f"<code>{twin}" in text, twin
    assert "<code>/api/trends" in text and "<code>meeting</code>" in text
