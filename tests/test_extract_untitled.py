"""An untitled story is named by its headline or its first sentence (its lede), not by its
address; another untitled document by its address's words, where they read as a title.
All texts and addresses are invented."""

import pytest

from indexer.extract import extract_bytes
from indexer.extract.slug import slug_title


def _page(*paragraphs: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>".encode()


@pytest.mark.parametrize(
    "paragraphs, title",
    [
        # a first line that is a headline
        (
            [
                "APEC: Empresarios destacan ventajas para las pequeñas empresas",
                "La reunión de ministros es una plataforma clave, señaló el dirigente.",
            ],
            "APEC: Empresarios destacan ventajas para las pequeñas empresas",
        ),
        # else the first sentence, whole when short
        (
            ["중소기업 장관회의가 4일 막을 내렸다. 회의는 이틀 동안 열렸다고 밝혔다."],
            "중소기업 장관회의가 4일 막을 내렸다",
        ),
        # cut at a word when long
        (
            [
                "Para menteri yang bertanggung jawab atas usaha kecil dan menengah dari dua puluh"
                " satu ekonomi sepakat memperluas akses kredit, ujar pejabat itu di Lakeside."
            ],
            "Para menteri yang bertanggung jawab atas usaha kecil dan menengah dari dua puluh"
            " satu…",
        ),
        # the lede after a dated dateline, not the dateline cut at its month's full stop
        (
            [
                "LAKESIDE, Oct. 23 (Wirenews) -- Ministers of small business pledged greater"
                " support for exporters on Friday."
            ],
            "Ministers of small business pledged greater support for exporters on Friday",
        ),
        # ... and after an undated one
        (
            ["Rivermouth (LNA) – The 9th meeting of small business ministers opened today."],
            "The 9th meeting of small business ministers opened today",
        ),
        (
            ["Daily.example, HARBOUR TOWN, Atlantis – Menteri usaha kecil bertemu hari ini."],
            "Menteri usaha kecil bertemu hari ini",
        ),
        (
            ["HARBOUR TOWN, Atlantis—Officials of small business adopted a plan today."],
            "Officials of small business adopted a plan today",
        ),
        (
            ["RIVERMOUTH – Ministers of small business met today."],
            "Ministers of small business met today",
        ),
        # a script without spaces, with a Latin name in it, is cut as one without spaces
        (
            [
                "APEC 二十一個會員體的中小企業部長們於五月在湖畔市舉辦部長會議,會中特別強調區域"
                "和全球經濟成長前景,要求在一連串的領域有所進展。"
            ],
            "APEC 二十一個會員體的中小企業部長們於五月在湖畔市舉辦部長會議…",
        ),
        # a script without spaces is cut at half the length
        (
            [
                "副大臣は五月四日から六日まで湖畔市を訪問し、第三十一回中小企業大臣会合に出席して、"
                "中小企業の国際展開について各国の代表と意見を交換したと述べた。"
            ],
            "副大臣は五月四日から六日まで湖畔市を訪問し、第三十一回中小企業大臣会合に出席して…",
        ),
    ],
)
def test_an_untitled_story_is_named_by_its_headline_or_lede(paragraphs, title):
    doc = extract_bytes(_page(*paragraphs), "https://daily.example/noticias/4471", "text/html")
    assert doc.doc_type == "news_article"
    assert doc.title == title
    assert doc.paragraphs[0].text == paragraphs[0]  # still the text's, not a header line


def test_a_titled_story_and_an_untitled_statement_keep_their_own():
    story = _page("Ministers agreed on a plan for small firms, officials said.").replace(
        b"<head>", b"<head><title>Ministers agree on small-firm plan</title>"
    )
    titled = extract_bytes(story, "https://daily.example/noticias/4471", "text/html")
    assert titled.title == "Ministers agree on small-firm plan"
    statement = _page(
        "We, the APEC Ministers responsible for SMEs, met in Lakeside on 4 May 2019.",
        "We agree to widen access to finance for small firms.",
    )
    url = "https://www.apec.org/meeting-papers/sectoral-ministerial-meetings/sme/2019_sme"
    assert extract_bytes(statement, url, "text/html").title == ""


def test_a_mailing_list_tag_is_not_part_of_the_title():
    page = _page("Ministers met in Lakeside and agreed on a plan for small firms.").replace(
        b"<head>", b"<head><title>[trade-list 1479] SME Ministerial Statement</title>"
    )
    doc = extract_bytes(page, "https://lists.example/archive/2031-July/001479.html", "text/html")
    assert doc.title == "SME Ministerial Statement"
    kept = _page("Ministers met.").replace(b"<head>", b"<head><title>SME [draft] plan</title>")
    assert extract_bytes(kept, "https://lists.example/a.html", "text/html").title == (
        "SME [draft] plan"
    )


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("https://example.org/papers/2040/2040_amm/annex-b", "Annex B"),
        ("https://example.org/Press/Features/2040/0401_New_Centre_for_SME_Skills", (
            "New Centre for SME Skills")),
        ("https://news.example/latest/APEC-Ministers-Meet-in-Lakeside--12345678/?x=1", (
            "APEC Ministers Meet in Lakeside")),
        ("https://example.org/u-s-2040-apec-outcomes", "U.S. 2040 APEC outcomes"),
        ("https://example.org/files/2040_SME_Ministerial_Statement.pdf", (
            "2040 SME Ministerial Statement")),
        ("https://example.org/small-firms-a-priority-of-ministers", (
            "Small firms a priority of ministers")),
        # none: one word, a content system's words, a number, a hash, no path
        ("https://example.org/News.aspx", ""),
        ("https://example.org/board/board_view.asp?SNO=5", ""),
        ("https://example.org/english/204008/29/print20400829_78741.html", ""),
        ("https://example.org/sme/2040_sme", ""),
        ("https://example.org/doc/a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6-x", ""),
        ("https://example.org/", ""),
    ],
)  # fmt: skip
def test_an_address_names_a_page_by_its_words(url, title):
    assert slug_title(url) == title


def test_an_untitled_document_other_than_a_story_is_named_by_its_address():
    page = _page(
        "1. The Strategy will guide policymakers on green and innovative small firms.",
        "2. We encourage all fora to take it forward.",
    )
    url = "https://example.org/papers/2040/2040_amm/annex-b"
    doc = extract_bytes(page, url, "text/html")
    assert doc.doc_type != "news_article" and doc.title == "Annex B"


def test_an_untitled_page_is_typed_by_its_address_words_too():
    # A wire's reprint of the statement, untitled, its address a headline: news, not the
    # statement; an untitled record of the group's 34th meeting: not the group's own page.
    reprint = _page(
        "We, the APEC Ministers responsible for SMEs, met in Lakeside on 4 May 2031.",
        "We agree to widen access to finance for small firms.",
    )
    url = "https://markets.example/news/APEC-SME-Ministers-Issue-Joint-Statement--36645747/"
    doc = extract_bytes(reprint, url, "text/html")
    assert doc.doc_type == "news_article"
    record = _page(
        "The 34th meeting of the APEC SMEWG was held in Lakeside on 3 March 2031.",
        "Members adopted the agenda. The Lead Shepherd welcomed the delegates.",
    )
    doc = extract_bytes(record, "https://docs.example/34thmeeting-of-the-apec-smewg", "text/html")
    assert doc.doc_type != "web_page"
