"""Metadata from title, text and URL."""

from __future__ import annotations

import pytest

from indexer.extract.doctype import classify
from indexer.extract.metadata import (
    extract_metadata,
    find_chair,
    find_date,
    find_location,
    find_meeting_number,
    find_year,
)
from tests import pages

STATEMENT_URL = "https://www.example.org/meeting-papers/sme/2013_sme"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Joint Ministerial Statement of the 27th SME Ministerial Meeting", 27),
        ("the 21st APEC Small and Medium Enterprises Ministerial Meeting", 21),
        ("Twenty-Seventh APEC SME Ministerial Meeting", 27),
        ("The Twenty Second Meeting of SME Ministers", 22),
        ("Statement of the Tenth Ministerial Meeting on SMEs", 10),
        ("the 3rd meeting of ministers", 3),
        ("for the first time at this meeting", None),  # "first" not naming a meeting
        ("SME Ministerial Meeting 2013", None),
    ],
)
def test_meeting_number(text, number):
    assert find_meeting_number(text) == number


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Wellington, New Zealand, 5 September 2013", "2013-09-05"),
        ("5-6 September 2013", "2013-09-05"),
        ("September 5-6, 2013", "2013-09-05"),
        ("September 5, 2013", "2013-09-05"),
        ("on the 2nd of August", None),
        ("Kazan, Russia, 2nd August 2012", "2012-08-02"),
        ("30 Sept. 2013", "2013-09-30"),
        ("Issued 2013-09-05.", "2013-09-05"),
        ("on 31 February 2013, or rather 1 March 2013", "2013-03-01"),
        ("no date here at all", None),
    ],
)
def test_date(text, iso):
    assert find_date(text) == iso


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Wellington, New Zealand, 5-6 September 2013\nWe met.", "Wellington, New Zealand"),
        ("Viña del Mar, Chile, 15-16 May 2019", "Viña del Mar, Chile"),
        ("Ministers met in Ho Chi Minh City, Viet Nam, on 3 May.", "Ho Chi Minh City, Viet Nam"),
        ("The meeting was held in Nanjing, China from 5 to 6 September.", "Nanjing, China"),
        ("The meeting was held in Wellington, September 2013.", "Wellington"),
        ("We met in the Philippines to discuss trade.", "Philippines"),
        ("We discussed trade and finance.", None),
        # where past meetings were held is not where this document was issued
        ("Lakeside built on the work of past meetings held in Dorado and Borealis.", None),
        (
            "We built on the previous ministerial meetings held in Dorado. We met in Lakeside.",
            "Lakeside",
        ),
        (
            "The Third Meeting was held on 5-6 September 1996 in Silverton, Borealia.",
            "Silverton, Borealia",
        ),
        ("Joint Ministerial Statement, Port Meridian, Atlantis, 8-9 October 1998", "Port Meridian"),
        ("LAKESIDE, Oct 4 — Ministers agreed on Saturday.", "Lakeside"),
        ("Lakeside, Atlantis, 20 May 2011: Ministers met today.", "Lakeside, Atlantis"),
        (
            "As discussed in Dorado in 2019, we then met in Riverton, Cascadia.",
            "Riverton, Cascadia",
        ),
        # a place ends at its line's end and at a sentence's; "of" is inside a name
        ("Ministers met in Lakeside.\nMa Lin said so.", "Lakeside"),
        ("The meeting was held in Port Meridian\nThe ministers agreed.", "Port Meridian"),
        ("The forum was held in Dorado Bay. The ministers agreed.", "Dorado Bay"),
        (
            "The meeting was held in Harbin, Republic of Borealia on 1 May.",
            "Harbin, Republic of Borealia",
        ),
        ("We met in St. Aldric, Cascadia on 3 May.", "St. Aldric, Cascadia"),
    ],
)
def test_location(text, place):
    assert find_location(text) == place


@pytest.mark.parametrize(
    ("text", "chair"),
    [
        (
            "The meeting was chaired by H.E. Aroha Tane, Minister for Small Business.",
            "H.E. Aroha Tane",
        ),
        (
            "The meeting was chaired by the Honourable Aroha Tane, Minister.",
            "Honourable Aroha Tane",
        ),
        ("under the chairmanship of H.E. Dr. Lee Min-ho of Korea", "H.E. Dr. Lee Min-ho"),
        # honorifics do not count among the name's words; particles stay in it
        (
            "under the chairmanship of His Excellency Dato Sri Dr. Haji Aziz bin Omar Rahman,"
            " Minister",
            "His Excellency Dato Sri Dr. Haji Aziz bin Omar Rahman",
        ),
        # the cue capitalised, as statements write it
        (
            "The meeting was held under the Chairmanship of Minister Tama Rewi, Minister.",
            "Minister Tama Rewi",
        ),
        ("Chaired by Hon. Ana Lui, the ministers met.", "Hon. Ana Lui"),
        ("chaired by Minister for SMEs", None),
        ("Ministers met to discuss trade.", None),
    ],
)
def test_chair(text, chair):
    assert find_chair(text) == chair


@pytest.mark.parametrize(
    ("title", "url", "text", "doc_type"),
    [
        ("Joint Ministerial Statement", "", "", "ministerial_statement"),
        ("Chair's Statement of the 28th APEC SME Ministerial Meeting", "", "", "chairs_statement"),
        ("Chair’s Statement", "", "", "chairs_statement"),
        (
            "",
            "https://x.org/sme/chair-s-statement-of-the-28th-apec-sme-meeting",
            "",
            "chairs_statement",
        ),
        ("Daegu Initiative on SME Innovation Action Plan", "", "", "initiative"),  # issue 10
        ("Iloilo Declaration on Inclusive Growth", "", "", "declaration"),
        ("SMEWG Strategic Plan 2021-2024", "", "", "strategic_plan"),
        ("Terms of Reference", "", "", "terms_of_reference"),
        ("", "https://x.org/docs/smewg/SMEWG_TOR_2019.pdf", "", "terms_of_reference"),
        (
            "2013 SME Ministerial Meeting",
            STATEMENT_URL,
            "Joint Ministerial Statement\nWe met.",
            "ministerial_statement",
        ),
        ("Tutorial", "https://x.org/tutorial", "Nothing of the sort.", "other"),
    ],
)
def test_doc_type(title, url, text, doc_type):
    assert classify(title, url, text) == doc_type


def test_title_wins_over_text_for_the_doc_type():
    text = "This strategic plan builds on the Joint Ministerial Statement of 2013."
    assert classify("SMEWG Strategic Plan", "", text) == "strategic_plan"


def test_year_prefers_title_then_date_then_url():
    assert find_year("Strategic Plan 2021-2024") == 2021
    assert find_year("Statement 1750 and 2500") is None
    meta = extract_metadata("SME Ministerial Meeting", "Held on 5 May 2009.", STATEMENT_URL)
    assert meta.year == 2009
    meta = extract_metadata("SME Ministerial Meeting", "We met.", STATEMENT_URL)
    assert meta.year == 2013


def test_a_whole_statement():
    text = "\n".join([pages.STATEMENT_PLACE_LINE, *pages.STATEMENT_PARAGRAPHS])
    meta = extract_metadata(pages.STATEMENT_TITLE, text, STATEMENT_URL)
    assert (meta.year, meta.date, meta.meeting_number) == (2013, "2013-09-05", 27)
    assert meta.location == "Wellington, New Zealand"
    assert meta.doc_type == "ministerial_statement"
    assert meta.chair == "H.E. Aroha Tane"


def test_hints_take_precedence():
    meta = extract_metadata(
        "SME Ministerial Meeting 2013",
        "Joint Ministerial Statement",
        STATEMENT_URL,
        hints={"year": "2012", "doc_type": "declaration", "title": "ignored here"},
    )
    assert (meta.year, meta.doc_type) == (2012, "declaration")


@pytest.mark.parametrize("hints", [{"year": "soon"}, {"doc_type": "poem"}, {}, None])
def test_bad_hints_are_ignored(hints):
    meta = extract_metadata(
        "2013 SME Ministerial Meeting", "Joint Ministerial Statement", STATEMENT_URL, hints=hints
    )
    assert (meta.year, meta.doc_type) == (2013, "ministerial_statement")
