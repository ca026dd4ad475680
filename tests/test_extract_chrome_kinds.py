"""Chrome by kind, in the wordings and shapes of the record's pages (skip links, page
counters, attachment lines, bare labels, captions, related boxes, bylines, running titles),
in the languages the pages are written in; a sentence that merely mentions a page or a
file is kept. All lines are written here in those shapes."""

from __future__ import annotations

import pytest

from indexer.extract import extract_bytes
from indexer.extract.chrome import drop_bylines, drop_chrome, is_byline, is_chrome
from indexer.extract.pdf import extract_pdf
from indexer.model import Paragraph
from tests.pdfs import lines_pdf

CHROME = [
    # skip links
    "Click acá para ir directamente al contenido",
    "Go To Content",
    "Skip all menus (access key: 2) Skip first menu (access key: 1)",
    "top of page",
    "Chuyển đến nội dung chính",
    "본문 바로가기",
    "跳到主要内容",
    "ข้ามไปยังเนื้อหาหลัก",
    "Langsung ke konten utama",
    # page counters
    "Vous êtes sur la page 1sur 5",
    "You are on page 1of 9",
    "Total Page:16",
    "Start display at page:",
    "Halaman 2 dari 7",
    "Trang 1/4",
    "第1页/共3页",
    # attachment and file lines
    "File LAKESIDE_MEETING.JPG (2,148 KBytes , 1915 downloads)",
    "File Type:pdf, Size:1020Kb",
    "Download as pdf or txt",
    "Embed Size (px)",
    "View: 0 times",
    "Hits: 895",
    "첨부파일 plan.hwp",
    "附件下载",
    "Lampiran: rencana.pdf",
    # bare labels
    "Name admin",
    "Category:",
    "Upload: others",
    "Transcript",
    "Similar documents",
    "Sign In",
    "PrintPrint",
    "View Budget TableView Budget Table",
    "Imprimir este Artículo Compartir link",
    "SOMMAIRE",
    "댓글 많은 뉴스",
    "Presentation is loading. Please wait.",
    # captions and credits
    "Photo: AGENCY/Jo Example",
    "Fotografía: Ana Ejemplo M.",
    "The minister opens the meeting in Lakeside on 4 May. (Photo: example.id)",
    "| Credit: APEC",
    # no letters
    "47",
    "|",
    "______",
]

KEPT = [
    "Ministers welcomed the file of best practices on page 12 of the report.",
    "The portal lets small firms download export guides and file customs forms online.",
    "This page describes the SME Working Group's mandate and its current projects.",
    "2018",
    "134,015",
    "Introduction",
    "Ministerial Statement",
    "Lakeside, Atlantis | 07 September 2031",
]


@pytest.mark.parametrize("line", CHROME)
def test_each_kind_of_chrome_is_dropped(line):
    assert is_chrome(line), line


@pytest.mark.parametrize("line", KEPT)
def test_text_that_mentions_a_page_or_a_file_is_kept(line):
    assert not is_chrome(line), line


def test_an_advertisement_break_glued_to_the_next_sentence_is_cut_out():
    kept = drop_chrome([Paragraph("Article continues after this advertisementHe added more.")])
    assert [p.text for p in kept] == ["He added more."]


def test_a_box_of_related_headlines_goes_with_its_label():
    paragraphs = [
        Paragraph(
            "Ministers agreed to expand credit guarantees for small firms across the region."
        ),
        Paragraph("Similar documents"),
        Paragraph("Lakeside Declaration on Fisheries (Endorsed)"),
        Paragraph("Report of the Third Ports Dialogue"),
        Paragraph("Annual Work Plan 2031"),
    ]
    kept = [p.text for p in drop_chrome(paragraphs)]
    assert kept == [paragraphs[0].text]


@pytest.mark.parametrize(
    "line",
    [
        "Tuesday, January 12, 2016",
        "By Jo Example",
        "Por: Ana Ejemplo 07 de Septiembre 2019",
        "Wednesday 7 September 2022, 05:39PM",
        "2019-09-07 08:43",
        "Thứ hai 27/05/2019 02:10",
        "时间:2020/12/22 19:41:08",
        "15:45 | Lakeside, May. 26.",
    ],
)
def test_bylines_are_chrome_once_their_date_is_read(line):
    assert is_byline(line)


@pytest.mark.parametrize(
    "line", ["Lakeside, Atlantis | 07 September 2031", "9 October 2021", "Introduction"]
)
def test_a_documents_own_date_line_is_not_a_byline(line):
    assert not is_byline(line)


def test_a_leading_date_label_is_cut_from_its_paragraph_and_gives_the_date():
    page = (
        b"<html><body><main><p> date 2021-10-09 Ministers met virtually to agree on a plan "
        b"for small firms.</p><p>They agreed to meet again next year in Lakeside.</p>"
        b"</main></body></html>"
    )
    doc = extract_bytes(page, "https://news.example/story", "text/html")
    assert doc.date == "2021-10-09"
    assert doc.paragraphs[0].text.startswith("Ministers met virtually")
    assert drop_bylines([Paragraph("date 2023-09 Text follows here.")])[0].text == (
        "Text follows here."
    )


def test_a_pdf_running_title_carried_over_with_continued_is_dropped():
    body = [f"Member economies reported progress on item {n} of the programme." for n in range(8)]
    pdf = lines_pdf(
        [["Annex A: Work Programme", *body], ["Annex A: Work Programme (continued)", *body]]
    )
    texts = [p.text for p in extract_pdf(pdf).paragraphs]
    assert not any("(continued)" in t for t in texts)
    assert any(t == "Annex A: Work Programme" for t in texts)
