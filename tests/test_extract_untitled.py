"""An untitled story is named by its headline or its first sentence (its lede), not by its
address; other untitled documents keep no title of their own. All texts are invented."""

import pytest

from indexer.extract import extract_bytes


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
