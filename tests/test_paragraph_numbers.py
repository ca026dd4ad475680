"""Paragraphs as the source numbers them: a statement page's repeated header lines (title,
place-and-date, theme) are its header, shown once and not numbered; its "1." is ¶1 in
`/api/doc`, on the page and in anchors; other documents keep a running count; a text that
stops mid-sentence says so. All text is invented here."""

from __future__ import annotations

from urllib.parse import unquote

from bs4 import BeautifulSoup

from indexer.ask.cite import cited
from indexer.extract import extract_bytes
from indexer.extract.paragraphs import mark_header, number_paragraphs, truncated
from indexer.index.passages import make_passages
from indexer.model import Paragraph, paragraph_anchors
from tests.helpers import make_index
from webapp import create_app

TITLE = "2031 APEC Small and Medium Enterprises Ministerial Meeting"
STATEMENT = [
    TITLE,
    "Lakeside, Atlantis | 07 September 2031",
    "31st Small and Medium Enterprises Ministerial Meeting",
    "7 September 2031",
    "Ministerial Statement",
    "“Small Firms, Open Markets”",
    "1. We, the APEC Ministers responsible for small and medium enterprises, met in Lakeside"
    " on 7 September 2031 under the chairmanship of the Minister for Small Business.",
    "2. We welcome the work of officials on access to finance for small firms and we agree"
    " to widen credit guarantee schemes across the region.",
    "Digital Transformation",
    "3. We instruct officials to report next year on the digital tools small firms use and"
    " on the barriers that keep them offline.",
]


def statement_page() -> bytes:
    body = "".join(
        f"<h2>{t}</h2>" if t == "Digital Transformation" else f"<p>{t}</p>" for t in STATEMENT
    )
    return (
        f"<html><head><title>{TITLE}</title></head><body><main><h1>{TITLE}</h1>{body}</main>"
        "</body></html>"
    ).encode()


def test_a_statement_page_numbers_its_1_as_paragraph_1():
    doc = extract_bytes(statement_page(), "https://www.apec.org/meeting-papers/2031_sme")
    header = [p.text for p in doc.paragraphs if p.kind == "header"]
    assert header[0] == TITLE and "Lakeside, Atlantis | 07 September 2031" in header
    assert "“Small Firms, Open Markets”" in header and "Ministerial Statement" in header
    body = [p for p in doc.paragraphs if p.kind != "header"]
    assert [(p.number, p.text[:2]) for p in body if p.kind == "p"] == [
        (1, "1."),
        (2, "2."),
        (3, "3."),
    ]
    heading = next(p for p in body if p.kind == "h")
    assert heading.number is None
    assert paragraph_anchors(doc.paragraphs)[-2:] == ["p2-1", "p3"]


def test_other_documents_keep_a_running_count_under_their_header():
    story = [
        Paragraph("Ministers agree on plan for small firms"),
        Paragraph("Ministers of the region agreed on Friday to widen credit for small firms."),
        Paragraph("The plan will be reviewed next year, the host's minister said."),
    ]
    marked = number_paragraphs(
        mark_header("Ministers agree on plan for small firms", story, "news")
    )
    assert [(p.kind, p.number) for p in marked] == [("header", None), ("p", 1), ("p", 2)]


def test_a_list_numbered_inside_a_paragraph_is_not_the_statements_numbering():
    paragraphs = [
        Paragraph(
            "1. Ministers met in Lakeside on 7 September 2031 to review the work of the group"
        ),
        Paragraph("2. The objectives of the meeting were to discuss:"),
        Paragraph("1. entrepreneurship development"),
        Paragraph("2. business creation, capital formation and financial access for small firms"),
        Paragraph(
            "3. Ministers thanked Atlantis for hosting the meeting and the business forum"
            " that came before it."
        ),
    ]
    assert [p.number for p in number_paragraphs(paragraphs)] == [1, 2, None, None, 3]


def test_header_lines_are_not_passages_so_snippets_do_not_repeat_the_title():
    doc = extract_bytes(statement_page(), "https://www.apec.org/meeting-papers/2031_sme")
    first = make_passages(doc.paragraphs)[0]
    assert first.text.startswith("1. We, the APEC Ministers")
    assert TITLE not in first.text


def test_a_text_that_stops_mid_sentence_is_flagged():
    whole = [Paragraph("5. We agreed to meet again next year in Lakeside.")]
    cut = whole + [Paragraph("6. We were upd")]
    assert not truncated(whole)
    assert truncated(cut)
    long_cut = whole + [Paragraph("Ministers also said that the plan would help small firms in")]
    assert truncated(long_cut)
    assert not truncated(whole + [Paragraph("Issued by the Secretariat")])


def test_the_document_page_and_api_show_the_sources_numbers(tmp_path):
    doc = extract_bytes(statement_page(), "https://www.apec.org/meeting-papers/2031_sme")
    doc.paragraphs.append(Paragraph("4. We were upd", number=4))
    doc.truncated = truncated(doc.paragraphs)
    client = create_app({"INDEX_DIR": make_index(tmp_path, [doc]), "TESTING": True}).test_client()
    api = client.get(f"/api/doc/{doc.id}").get_json()
    body = [p for p in api["paragraphs"] if p["kind"] != "header"]
    assert [p["number"] for p in body] == [1, 2, None, 3, 4]
    assert api["truncated"] is True
    soup = BeautifulSoup(client.get(f"/doc/{doc.id}").get_data(as_text=True), "lxml")
    assert [p.get_text(" ", strip=True) for p in soup.select(".doc-source-header p")][0] == TITLE
    paras = soup.select(".doc-body .para")
    assert [p["id"] for p in paras] == ["p1", "p2", "p2-1", "p3", "p4"]
    assert paras[0].select_one(".pnum").get_text() == "1"
    assert "appears to stop here" in soup.select_one(".doc-truncated").get_text()
    at = client.get(f"/doc/{doc.id}/at/{len(doc.paragraphs) - 2}?q=digital")
    assert at.status_code == 302 and at.headers["Location"].endswith("?q=digital#p3")


def test_a_text_fragment_quotes_the_sources_own_characters(tmp_path):
    sentence = "Ministers agreed … to widen credit guarantees for small firms of the region."
    page = f"<html><body><main><p>{sentence}</p><p>{STATEMENT[7]}</p></main></body></html>"
    doc = extract_bytes(page.encode(), "https://news.example/a", "text/html")
    assert doc.paragraphs[0].text == sentence  # not "..." (NFKC)
    client = create_app({"INDEX_DIR": make_index(tmp_path, [doc]), "TESTING": True}).test_client()
    link = client.get(f"/api/doc/{doc.id}?q=guarantees").get_json()["paragraphs"][0]["link"]
    quoted = unquote(link.split("#:~:text=")[1])
    assert quoted in sentence and "…" in quoted
    found = client.get("/api/search?q=credit+guarantees").get_json()["results"][0]
    assert unquote(found["link"].split("#:~:text=")[1]) in sentence


def test_results_and_answers_cite_the_paragraph_by_its_number(tmp_path):
    doc = extract_bytes(statement_page(), "https://www.apec.org/meeting-papers/2031_sme")
    client = create_app({"INDEX_DIR": make_index(tmp_path, [doc]), "TESTING": True}).test_client()
    found = client.get("/api/search?q=barriers+offline").get_json()["results"][0]
    assert (found["paragraph"], found["anchor"]) == (3, "p3")
    html = client.get("/search?q=barriers+offline").get_data(as_text=True)
    soup = BeautifulSoup(html, "lxml")
    assert soup.select_one(".result-title a")["href"].endswith("?q=barriers+offline#p3")
    assert soup.select_one(".para-ref").get_text() == "¶3"
    # an answer's citation: the ¶ of the passage's line holding its sentence
    passage = {"title": "t", "url": "u", "doc_id": "d", "passage_id": "d:0"}
    passage["marks"] = [["p1", 1], ["p2", 2], ["p2-1", None], ["p3", 3]]
    assert (cited(passage, 3)["anchor"], cited(passage, 3)["paragraph"]) == ("p3", 3)
    assert cited(passage, 2)["paragraph"] is None
