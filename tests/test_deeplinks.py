"""Deep links: a text fragment for HTML passages, a page number for PDF passages."""

from indexer.deeplinks import passage_link, text_fragment_link
from tests.search_fixtures import engine  # noqa: F401


def test_text_fragment_encodes_dash_comma_and_ampersand():
    link = text_fragment_link("https://x.org/p#top", "Small-firm growth, trade & more words here")
    assert link.startswith("https://x.org/p#:~:text=")
    fragment = link.split("#:~:text=", 1)[1]
    assert fragment == "Small%2Dfirm%20growth%2C%20trade%20%26%20more%20words%20here"


def test_text_fragment_takes_the_opening_words():
    link = text_fragment_link("https://x.org/p", "one two three four five six seven eight nine")
    assert link.endswith("text=one%20two%20three%20four%20five%20six%20seven%20eight")


def test_pdf_links_to_its_page():
    assert passage_link("https://x.org/a.pdf", "pdf", "text", 3) == "https://x.org/a.pdf#page=3"
    assert passage_link("https://x.org/a.pdf", "pdf", "text", None) == "https://x.org/a.pdf"


def test_search_results_carry_deep_links(engine):  # noqa: F811
    pdf = engine.search("pandemic")["results"][0]
    assert pdf["link"] == "https://example.org/sme/2021-chair.pdf#page=2"
    html = engine.search("digitalisation")["results"][0]
    assert html["url"] == "https://example.org/sme/2015-statement"
    assert html["link"] == (
        "https://example.org/sme/2015-statement#:~:text="
        "Women%2Downed%20enterprises"  # the heading: a fragment stays inside one block
    )


def test_fragment_stays_in_the_first_paragraph():
    link = text_fragment_link("https://x.org/p", "Heading words\nThe paragraph that follows")
    assert link == "https://x.org/p#:~:text=Heading%20words"
