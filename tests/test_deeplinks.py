"""Deep links: a text fragment for HTML passages, a page number for PDF passages."""

from urllib.parse import quote, unquote

from bs4 import BeautifulSoup
from hypothesis import example, given
from hypothesis import strategies as st

from indexer.record import build_record
from indexer.search.engine import Engine
from indexer.text.fragments import passage_link, quote_run, text_fragment_link
from tests.fuzz_strategies import FUZZ
from tests.helpers import make_document, make_index
from tests.match_fixtures import doc_id, match_engine, match_index  # noqa: F401
from tests.search_fixtures import engine  # noqa: F401
from webapp import create_app


def test_text_fragment_encodes_dash_comma_and_ampersand():
    link = text_fragment_link("https://x.org/p#top", "Small-firm growth, trade & more words here")
    assert link.startswith("https://x.org/p#:~:text=")
    fragment = link.split("#:~:text=", 1)[1]
    assert fragment == "Small%2Dfirm%20growth%2C%20trade%20%26%20more%20words%20here"


@FUZZ
@given(
    st.text(st.characters(exclude_categories=["Cs"]), min_size=1).filter(str.strip)
    | st.text(st.sampled_from("aZ09_.~ -%+é"), min_size=1).filter(str.strip)
)
@example("".join(map(chr, range(33, 127))) + " é ’ 中小企業 – ภาษาไทย")
@example("Plain words_1 2.5 ~ only")
def test_text_fragment_is_percent_encoded_as_urllib_does_and_dashes_too(words):
    fragment = text_fragment_link("https://x.org/p", words, words=1000).split("#:~:text=")[-1]
    run = quote_run(words, 1000)
    assert fragment == (quote(run, safe="").replace("-", "%2D") if run else "https://x.org/p")


def test_text_fragment_takes_the_opening_words():
    link = text_fragment_link("https://x.org/p", "one two three four five six seven eight nine")
    assert link.endswith("text=one%20two%20three%20four%20five%20six%20seven%20eight")


def test_a_fragment_quotes_past_where_an_earlier_line_repeats_its_opening():
    heading = "The 38th APEC Small and Medium Enterprises Ministerial Meeting (Virtual)"
    sentence = (
        "The 38th APEC Small and Medium Enterprises Ministerial Meeting was chaired by"
        " Hon. Mara Quill of Atlantis."
    )
    link = passage_link("https://example.org/s", "html", sentence, None, before=heading)
    run = unquote(link.split("#:~:text=", 1)[1])
    # no longer than it needs to be to pass the heading
    assert run == "The 38th APEC Small and Medium Enterprises Ministerial Meeting was"
    alone = passage_link("https://example.org/s", "html", sentence, None)
    assert unquote(alone.split("#:~:text=", 1)[1]) == (
        "The 38th APEC Small and Medium Enterprises Ministerial"
    )


def test_a_meetings_evidence_links_to_its_sentence_not_a_heading_like_it():
    doc = make_document(
        "https://example.org/2031_sme",
        "38th APEC Small and Medium Enterprises Ministerial Meeting",
        [
            "The 38th APEC Small and Medium Enterprises Ministerial Meeting (Virtual) 5 May 2031",
            "The 38th APEC Small and Medium Enterprises Ministerial Meeting was chaired by Hon."
            " Mara Quill of Atlantis.",
        ],
        doc_type="ministerial_statement",
        year=2031,
    )
    (meeting,) = build_record([doc]).meetings
    (chair,) = [e for e in meeting.evidence if e.field == "chair"]
    run = unquote(chair.link.split("#:~:text=", 1)[1])
    assert run.endswith("Meeting was")  # past the heading that opens alike


def test_pdf_links_to_its_page():
    assert passage_link("https://x.org/a.pdf", "pdf", "text", 3) == "https://x.org/a.pdf#page=3"
    assert passage_link("https://x.org/a.pdf", "pdf", "text", None) == "https://x.org/a.pdf"


def test_search_results_carry_deep_links(engine):  # noqa: F811
    pdf = engine.search("pandemic")["results"][0]
    assert pdf["link"] == "https://example.org/sme/2021-chair.pdf#page=2"
    html = engine.search("digitalisation")["results"][0]
    assert html["url"] == "https://example.org/sme/2015-statement"
    assert html["link"] == (  # the sentence with the match, from two words before it
        "https://example.org/sme/2015-statement#:~:text="
        "to%20the%20digitalisation%20of%20small%20firms%20across%20the"
    )


def test_fragment_stays_in_the_first_paragraph():
    link = text_fragment_link("https://x.org/p", "Heading words\nThe paragraph that follows")
    assert link == "https://x.org/p#:~:text=Heading%20words"


def fragment(link: str) -> str:
    return unquote(link.split("#:~:text=", 1)[1])


def test_the_link_quotes_the_sentence_holding_the_match(match_engine):  # noqa: F811
    (result,) = match_engine.search("harbour dredging")["results"]
    assert fragment(result["link"]) == "They agreed on a plan for harbour dredging"
    assert result["position"] == 0 and result["match_position"] == 2


def test_the_sentence_with_most_query_words_wins(match_engine):  # noqa: F811
    (result,) = match_engine.search("ports winter")["results"]
    assert fragment(result["link"]) == "the long winter that had kept the boats"
    (result,) = match_engine.search("ports ships")["results"]
    assert fragment(result["link"]) == "harbour dredging to help small ports reach ships."


def test_a_match_late_in_a_long_sentence_is_quoted_from_near_it(match_engine):  # noqa: F811
    (result,) = match_engine.search("fishing quotas")["results"]
    # Eight words ending with the sentence, the match among them.
    assert fragment(result["link"]) == "they turned to the question of fishing quotas."


def test_a_list_number_is_never_quoted():
    assert quote_run("2. Ministers met in Kestrel Bay.") == "Ministers met in Kestrel Bay."
    assert quote_run("(b) – Ministers met") == "Ministers met"
    assert quote_run("2.\nMinisters met") == ""
    assert text_fragment_link("https://x.org/p", "2.") == "https://x.org/p"


def test_the_document_page_links_each_paragraph_at_its_matching_sentence(match_index):  # noqa: F811
    client = create_app({"INDEX_DIR": match_index, "TESTING": True}).test_client()
    soup = BeautifulSoup(client.get("/search?q=harbour+dredging").get_data(as_text=True), "lxml")
    title_link = soup.select_one(".result-title a")["href"]
    assert title_link.endswith(f"/doc/{doc_id('numbered')}?q=harbour+dredging#p3")
    doc = client.get(title_link.split("#")[0]).get_data(as_text=True)
    source = BeautifulSoup(doc, "lxml").select_one("#p3 a.psource")["href"]
    assert fragment(source) == "They agreed on a plan for harbour dredging"
    number = BeautifulSoup(doc, "lxml").select_one("#p2 a.psource")["href"]
    assert fragment(number) == "Ministers met in Kestrel Bay in the spring."


def test_a_results_link_quotes_past_where_the_title_repeats_its_sentences_opening(tmp_path):
    doc = make_document(
        "https://example.org/2031_sme",
        "The 38th APEC Small and Medium Enterprises Ministerial Meeting (Virtual)",
        [
            "The 38th APEC Small and Medium Enterprises Ministerial Meeting was chaired by Hon."
            " Mara Quill of Atlantis, who welcomed the harbour delegates."
        ],
        doc_type="ministerial_statement",
        year=2031,
    )
    statements = Engine(make_index(tmp_path, [doc]))
    (result,) = statements.search("small enterprises quill")["results"]
    run = unquote(result["link"].split("#:~:text=", 1)[1])
    assert run == "The 38th APEC Small and Medium Enterprises Ministerial Meeting was"
    statements.close()
