"""Main text of web pages (issue 10): trafilatura completed block by block with the
project's own extractor, structure kept, the kinds of lost text and kept chrome fixed."""

from __future__ import annotations

import pytest

from indexer.extract import extract_bytes
from indexer.extract.html import extract_html
from indexer.extract.maintext import union
from indexer.model import Paragraph

URL = "https://www.lakesideherald.example/business/2030/10/04/ministers-cut-paperwork"
STORY = [
    "Small business ministers from across the region agreed on Saturday to cut the paperwork"
    " that keeps the smallest firms from selling abroad.",
    "The ministers, meeting in Lakeside for their annual gathering, said a single online form"
    " should be enough for a first export.",
    "Business groups welcomed the plan but said the real test would be how quickly customs"
    " agencies adopt it across the region.",
]


def texts(html: str) -> list[str]:
    return [p.text for p in extract_html(html.encode(), URL).paragraphs]


def test_a_page_of_five_divs_keeps_all_five():
    divs = [
        f"Paragraph {n}: the ministers of Atlantis discussed finance for small firms."
        for n in range(1, 6)
    ]
    html = "<html><body>" + "".join(f"<div>{d}</div>" for d in divs) + "</body></html>"
    assert texts(html) == divs


def test_a_two_row_table_keeps_both_rows():
    html = (
        "<html><body><h1>Work programme</h1><table>"
        "<tr><td>Trade credit for exporters</td><td>Lead: Atlantis</td></tr>"
        "<tr><td>Mentoring for young entrepreneurs</td><td>Lead: Borealis</td></tr>"
        "</table></body></html>"
    )
    text = " ".join(texts(html))
    for cell in (
        "Trade credit for exporters",
        "Lead: Atlantis",
        "Mentoring for young entrepreneurs",
        "Lead: Borealis",
    ):
        assert cell in text


def test_invisible_characters_go_and_the_pages_own_characters_stay():
    html = (
        "<html><body><p>We support the digital&shy;isation of small \ufb01rms and their"
        " o\ufb03ces, and the train\u200bing of their owners in every economy.</p></body></html>"
    )
    # the ligatures stay as the page shows them (a text fragment must match the page);
    # the index folds them (tests/test_search_analyzer.py)
    assert texts(html) == [
        "We support the digitalisation of small \ufb01rms and their o\ufb03ces, and the training"
        " of their owners in every economy."
    ]


def test_structure_numbered_paragraphs_headings_and_list_items():
    html = (
        "<html><body><article><h1>Joint Ministerial Statement</h1><h2>Access to Finance</h2>"
        "<p>7. We agree to widen access to credit for micro-enterprises across the region.</p>"
        "<p>8. We instruct officials to report on the uptake of the toolkit in 2032.</p>"
        "<ul><li>Credit guarantees for first-time borrowers</li>"
        "<li>Training for the owners of small firms</li></ul></article></body></html>"
    )
    found = [(p.kind, p.text) for p in extract_html(html.encode(), URL).paragraphs]
    assert ("h", "Access to Finance") in found
    assert (
        "p",
        "7. We agree to widen access to credit for micro-enterprises across the region.",
    ) in found
    assert ("li", "Credit guarantees for first-time borrowers") in found


CHROME = {
    "skip link in Spanish": (
        "<p><a href='#c'>Haga clic aquí para ir directamente al contenido</a></p>"
    ),
    "text-size buttons": "<div><a href='#'>A</a> <a href='#'>A</a></div>",
    "newsletter": (
        "<p><strong>Get the briefing:</strong> Sign up for our free daily newsletter.</p>"
    ),
    "category menu": "<div>Categories <a href='/c/1'>Business</a> <a href='/c/2'>Education</a>"
    " <a href='/c/3'>Health</a></div>",
    "breadcrumbs": "<div>Home › Business › Economy</div>",
    "file line": "<div>pages: 16, file type: pdf, size: 245 kB</div>",
    "page counter in French": "<div>Page 1 sur 16</div>",
    "logo caption": "<figure><img src='/l.png' alt=''><figcaption>Lakeside Herald logo"
    "</figcaption></figure>",
    "section menu": "<p>Video | Agriculture | Economy | Energy | Finance | Search</p>",
}
CHROME_TEXT = {
    "skip link in Spanish": "Haga clic",
    "text-size buttons": "A A",
    "newsletter": "newsletter",
    "category menu": "Categories",
    "breadcrumbs": "Home ›",
    "file line": "file type",
    "page counter in French": "sur 16",
    "logo caption": "logo",
    "section menu": "Agriculture",
}


@pytest.mark.parametrize("kind", sorted(CHROME))
def test_chrome_inside_the_story_does_not_reach_the_text(kind):
    html = (
        "<html><body><article><h1>Ministers agree to cut export paperwork</h1>"
        f"{CHROME[kind]}<p>{STORY[0]}</p><p>{STORY[1]}</p><p>{STORY[2]}</p>"
        "</article></body></html>"
    )
    found = texts(html)
    assert all(s in found for s in STORY)
    assert CHROME_TEXT[kind] not in "\n".join(found)


def test_an_advertisement_break_glued_to_the_next_sentence_is_cut_out():
    html = (
        f"<html><body><article><p>{STORY[0]}</p>"
        f"<p>Article continues after this advertisement {STORY[1]}</p>"
        f"<p>{STORY[2]}</p></article></body></html>"
    )
    assert texts(html) == STORY


def test_union_puts_missing_blocks_back_in_reading_order():
    primary = [Paragraph("Heading one", "h"), Paragraph("Third block of text.")]
    secondary = [
        Paragraph("Heading one", "h"),
        Paragraph("Second block of text."),
        Paragraph("Third block of text."),
    ]
    assert [p.text for p in union(primary, secondary)] == [
        "Heading one",
        "Second block of text.",
        "Third block of text.",
    ]


def test_union_splits_a_block_made_of_several_and_takes_their_kinds():
    primary = [Paragraph("Work programme Trade credit for exporters Lead: Atlantis")]
    secondary = [
        Paragraph("Work programme", "h"),
        Paragraph("Trade credit for exporters"),
        Paragraph("Lead: Atlantis"),
    ]
    assert union(primary, secondary) == secondary
    assert union([Paragraph("Access to Finance")], [Paragraph("Access to Finance", "h")]) == [
        Paragraph("Access to Finance", "h")
    ]


def test_a_label_the_page_repeats_comes_out_where_it_is_each_time():
    # a project page's two tables both start with the label "Project Title"
    labels = ["Project Title", "Harbour Skills Forum", "Project Year", "2031"]
    page = [*labels, "Budget", "Project Title", "Harbour Skills Forum"]
    both = [Paragraph(t) for t in page]
    assert [p.text for p in union(both, both)] == page
    once = [Paragraph(t) for t in labels]  # the primary lacks the second table
    assert [p.text for p in union(once, both)] == page
    html = "".join(f"<p>{t}</p>" for t in page).encode()
    texts = [p.text for p in extract_html(html, "https://example.org/project").paragraphs]
    assert texts == page


def test_short_blocks_inside_main_are_all_kept():
    # a <p> followed by tail text, a short <div>, a heading and a paragraph in a <div>, and
    # short paragraphs: seven pieces, none long enough to score as a block on its own
    pieces = [
        "Ministers met.",
        "Plan agreed.",
        "Finance first.",
        "Digital tools",
        "Firms online.",
        "Report due 2032.",
        "Next in Lakeside.",
    ]
    html = (
        "<html><head><title>Ministers meet</title></head><body><header><a href='/'>Home</a>"
        f"</header><main><p>{pieces[0]}</p>{pieces[1]}<div>{pieces[2]}</div><div><h2>"
        f"{pieces[3]}</h2><p>{pieces[4]}</p></div><p>{pieces[5]}</p><div>{pieces[6]}</div>"
        "</main><footer>Copyright 2031</footer></body></html>"
    )
    doc = extract_bytes(html.encode(), "https://news.example/a", "text/html")
    assert [p.text for p in doc.paragraphs] == pieces


def test_union_does_not_add_again_paragraphs_the_primary_split():
    """The secondary extractor's one block holding three primary paragraphs (it did not
    split at <br><br>) was put in again, before the heading."""
    heading = Paragraph("Ministers cut paperwork", kind="h")
    primary = [heading, *(Paragraph(t) for t in STORY), Paragraph("Contact the press office.")]
    secondary = [Paragraph(" ".join(STORY)), heading, Paragraph("Contact the press office.")]
    assert [p.text for p in union(primary, secondary)] == [
        heading.text,
        *STORY,
        "Contact the press office.",
    ]


HEADLINE = "<h1>Ministers cut paperwork for exporters</h1>"
CLOSING = "<p>The ministers will meet again next year to review how far the plan has gone.</p>"


@pytest.mark.parametrize(
    "separator",
    [
        "<br><br>",
        "<br>\n<br>",
        "<br>&#8203;<br>",
        "<br>&#xE000;<br>",
        "<br>\x01<br>",
        "<br><br>\x7f",
    ],
    ids=["plain", "newline", "zero-width", "icon", "control", "delete"],
)
def test_paragraphs_separated_by_two_line_breaks_come_out_once_each_in_order(separator):
    html = f"<html><body>{HEADLINE}<div>{separator.join(STORY)}</div>{CLOSING}</body></html>"
    assert texts(html) == ["Ministers cut paperwork for exporters", *STORY, CLOSING[3:-4]]


@pytest.mark.parametrize(
    "character", ["\x01", "\x08", "\x1f", "\x7f", "\x9f", "\ue000", "\U000e0041", "\ufffe"]
)
def test_a_paragraph_holding_a_control_character_comes_out_once(character):
    held = STORY[1].replace(" said ", f" said{character} ")
    body = "".join(f"<p>{p}</p>" for p in (STORY[0], held, STORY[2]))
    html = f"<html><body>{HEADLINE}{body}{CLOSING}</body></html>"
    assert texts(html) == ["Ministers cut paperwork for exporters", *STORY, CLOSING[3:-4]]
