"""HTML extraction: main text of each layout without the chrome, title, canonical URL,
charsets, and bounded work on hostile pages."""

from __future__ import annotations

import pytest

from indexer.extract import html as eh
from indexer.extract.html import decode_html, extract_html, strip_site_suffix
from tests import pages

PAGE_URL = "https://www.example.org/meeting-papers/sme/2013_sme"

LAYOUTS = {
    "modern_cms": (pages.modern_cms_page().encode("utf-8"), "text/html; charset=utf-8"),
    "table_layout": (pages.table_layout_page().encode("iso-8859-1"), "text/html"),
    "blog_reprint": (pages.blog_reprint_page().encode("utf-8"), None),
    "unseen": (pages.unseen_layout_page().encode("utf-8"), "text/html"),
}


def texts(result: eh.HtmlExtract) -> list[str]:
    return [p.text for p in result.paragraphs]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_yields_the_statement_paragraphs_in_order(layout):
    body, content_type = LAYOUTS[layout]
    paragraphs = texts(extract_html(body, PAGE_URL, content_type))
    positions = [paragraphs.index(p) for p in pages.STATEMENT_PARAGRAPHS]
    assert positions == sorted(positions)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_drops_navigation_footer_cookies_sidebars_and_ads(layout):
    body, content_type = LAYOUTS[layout]
    text = "\n".join(texts(extract_html(body, PAGE_URL, content_type)))
    for chrome in pages.CHROME_TEXT + pages.NAV_TEXT:
        assert chrome not in text
    assert "tracking" not in text  # script
    assert "color: red" not in text  # style
    assert "Share on social media" not in text and "Share this" not in text
    assert "One comment" not in text and "Posted on" not in text


@pytest.mark.parametrize("layout", ["modern_cms", "table_layout", "blog_reprint"])
def test_list_items_are_kept_as_list_items(layout):
    body, content_type = LAYOUTS[layout]
    result = extract_html(body, PAGE_URL, content_type)
    items = [p.text for p in result.paragraphs if p.kind == "li"]
    assert items == pages.STATEMENT_LIST


@pytest.mark.parametrize("layout", ["modern_cms", "table_layout", "blog_reprint"])
def test_headings_are_kept_as_headings(layout):
    body, content_type = LAYOUTS[layout]
    result = extract_html(body, PAGE_URL, content_type)
    assert eh.Paragraph(text=pages.STATEMENT_HEADING, kind="h") in result.paragraphs


def test_a_bold_line_of_its_own_is_a_heading_and_bold_words_in_a_sentence_are_not():
    html = (
        "<div><font><b>Annex A</b></font><br>Ministers endorsed the annex, which lists "
        "actions.<p><b>Note:</b> the annex is not binding, and members may adapt it.</p>"
        "<p><strong>Implementation</strong></p><p>Officials will report, yearly, on it.</p></div>"
    )
    found = [(p.kind, p.text) for p in extract_html(html.encode(), PAGE_URL).paragraphs]
    assert found == [
        ("h", "Annex A"),
        ("p", "Ministers endorsed the annex, which lists actions."),
        ("p", "Note: the annex is not binding, and members may adapt it."),
        ("h", "Implementation"),
        ("p", "Officials will report, yearly, on it."),
    ]


def test_titles_come_from_og_title_h1_or_title_without_site_suffix():
    modern = extract_html(LAYOUTS["modern_cms"][0], PAGE_URL)
    assert modern.title == pages.STATEMENT_TITLE
    table = extract_html(LAYOUTS["table_layout"][0], PAGE_URL)
    assert table.title == "2013 SME Ministerial Meeting"
    blog = extract_html(LAYOUTS["blog_reprint"][0], PAGE_URL)
    assert blog.title == "SME ministers meet in Wellington"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2013 SME Ministerial Meeting | APEC", "2013 SME Ministerial Meeting"),
        ("Joint Statement - SME Meeting - Asia-Pacific Forum", "Joint Statement - SME Meeting"),
        ("Women-owned enterprises and growth", "Women-owned enterprises and growth"),
        ("APEC | Home", "APEC | Home"),  # nothing would be left: keep it whole
    ],
)
def test_strip_site_suffix(title, expected):
    assert strip_site_suffix(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "LAKESIDE SME MINISTERIAL MEETING/media/Files/Minister...",
            "LAKESIDE SME MINISTERIAL MEETING",
        ),
        ("Joint Statement of Ministers/docs/2031/statement.pdf", "Joint Statement of Ministers"),
        ("Trade/Investment Policy Review", "Trade/Investment Policy Review"),  # no path
        ("Lakeside/media/Files", "Lakeside/media/Files"),  # nothing would be left
    ],
)
def test_a_titles_trailing_file_path_is_cut(title, expected):
    page = f"<html><head><title>{title}</title></head><body><p>Ministers met.</p></body></html>"
    assert extract_html(page.encode(), PAGE_URL).title == expected


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/meeting-papers/2013_sme", "https://www.example.org/meeting-papers/2013_sme"),
        ("2013_sme.aspx", "https://www.example.org/meeting-papers/sme/2013_sme.aspx"),
        ("https://apec.example/x", "https://apec.example/x"),
        ("javascript:void(0)", None),
    ],
)
def test_canonical_is_resolved_against_the_page_url(href, expected):
    result = extract_html(pages.modern_cms_page(canonical=href).encode(), PAGE_URL)
    assert result.canonical_url == expected


def test_no_canonical_when_the_page_declares_none():
    assert extract_html(LAYOUTS["table_layout"][0], PAGE_URL).canonical_url is None


def test_a_block_of_links_loses_to_running_text_whatever_its_length():
    links = "".join(
        f'<p><a href="/r{i}">Report {i} on trade, investment, services and growth</a></p>'
        for i in range(40)
    )
    content = "".join(f"<p>{p}</p>" for p in pages.STATEMENT_PARAGRAPHS)
    html = f'<html><body><div class="k1">{links}</div><div class="k2">{content}</div></body></html>'
    assert texts(extract_html(html.encode(), PAGE_URL)) == pages.STATEMENT_PARAGRAPHS


def test_a_chrome_named_wrapper_holding_the_content_is_kept():
    html = (
        '<html><body><div class="layout-with-sidebar-nav"><div class="region">'
        + "".join(f"<p>{p}</p>" for p in pages.STATEMENT_PARAGRAPHS)
        + '</div><div class="sidebar"><p>'
        + pages.SIDEBAR_TEXT
        + "</p></div></div></body></html>"
    )
    found = texts(extract_html(html.encode(), PAGE_URL))
    assert found == pages.STATEMENT_PARAGRAPHS


# -- charsets ------------------------------------------------------------------------------

ACCENTED = "Ministers met in Viña del Mar; “the SMEs’ future” was the theme of the café."


def accented_page(meta: str = "") -> str:
    return f"<html><head>{meta}<title>t</title></head><body><p>{ACCENTED}</p></body></html>"


@pytest.mark.parametrize(
    ("encoding", "content_type", "meta"),
    [
        ("cp1252", "text/html; charset=windows-1252", ""),  # header charset
        ("cp1252", "text/html; charset=ISO-8859-1", ""),  # Latin-1 label read as 1252
        ("cp1252", None, '<meta charset="windows-1252">'),  # meta charset
        (
            "cp1252",
            "text/html",
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        ),
        ("cp1252", "text/html", ""),  # no charset anywhere: detection
        ("cp1252", "text/html; charset=utf-8", ""),  # wrong header: not UTF-8 at all
        ("utf-8", "text/html; charset=iso-8859-1", ""),  # wrong header: really UTF-8
        ("utf-8", None, '<meta charset="iso-8859-1">'),  # wrong meta: really UTF-8
        ("utf-16", None, ""),  # byte order mark
    ],
)
def test_charsets_decode_sensibly(encoding, content_type, meta):
    body = accented_page(meta).encode(encoding)
    assert texts(extract_html(body, PAGE_URL, content_type)) == [ACCENTED]


def test_non_latin_legacy_encodings_are_detected():
    text = "中小企業担当大臣会合は東京で開催されました。" * 10
    body = f"<html><body><p>{text}</p></body></html>".encode("shift_jis")
    assert text in decode_html(body)


# -- hostile and degenerate input ----------------------------------------------------------


def bounded(result: eh.HtmlExtract) -> bool:
    return sum(len(t) for t in texts(result)) <= eh.MAX_TEXT_CHARS and all(
        len(t) <= eh.MAX_PARAGRAPH_CHARS for t in texts(result)
    )


def test_five_megabytes_of_one_word():
    result = extract_html(b"<html><body><p>" + b"a" * 5_000_000 + b"</p></body></html>", PAGE_URL)
    assert bounded(result)
    assert result.paragraphs and set(result.paragraphs[0].text) == {"a"}


def test_a_hundred_thousand_links_are_not_main_text():
    links = "".join(f'<a href="/p{i}">page {i}</a> ' for i in range(100_000))
    html = f"<html><body><div>{links}</div><p>{pages.STATEMENT_PARAGRAPHS[0]}</p></body></html>"
    result = extract_html(html.encode(), PAGE_URL)
    assert bounded(result)
    assert "page 99999" not in "\n".join(texts(result))


@pytest.mark.parametrize("tag", ["div", "b", "td"])
def test_deeply_nested_html_does_not_recurse(tag):
    html = "<html><body>" + f"<{tag}>" * 100_000 + "deep" + f"</{tag}>" * 100_000
    result = extract_html(html.encode(), PAGE_URL)  # no RecursionError
    assert bounded(result)


def test_a_huge_number_of_paragraphs_is_capped():
    paras = "".join(
        f"<p>Item {i}: ministers agreed, again, to cooperate on trade and investment.</p>"
        for i in range(50_000)
    )
    result = extract_html(f"<html><body>{paras}</body></html>".encode(), PAGE_URL)
    assert bounded(result)
    assert sum(len(t) for t in texts(result)) > eh.MAX_TEXT_CHARS // 2


@pytest.mark.parametrize(
    "body", [b"", b"   ", b"<!-- nothing -->", b"<html></html>", b"\x00\xff\xfe garbage"]
)
def test_empty_or_junk_pages_give_no_paragraphs_and_no_error(body):
    result = extract_html(body, PAGE_URL)
    assert all(p.text.strip() for p in result.paragraphs)
