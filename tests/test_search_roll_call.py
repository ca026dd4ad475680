"""A passage listing the economies present (a roll call) is not about each of them: an
economy's name in a query does not match there, so the pages about it come before the
statements that list it; quoted, it matches everywhere (indexer/search/roll_call.py)."""

from __future__ import annotations

import numpy as np
import pytest

from indexer.search import roll_call
from indexer.search.engine import Engine
from indexer.search.roll_call import names_an_economy, roll_call_passages
from tests.helpers import make_document, make_index

MEMBERS = ["Australia", "Brunei Darussalam", "Canada", "Chile", "China", "Indonesia",
           "Japan", "Korea", "Malaysia", "Mexico", "New Zealand", "Peru", "Singapore"]  # fmt: skip
FILLER = (
    " Officials reviewed the work programme of the group and the calendar of its workshops,"
    " and the reports that members will submit before the end of the year."
)


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    report = make_document(
        "https://example.org/report",
        "Summary of the Lakeside Meeting",
        [
            f"Ministers responsible for SMEs from {', '.join(MEMBERS)} met in Lakeside to"
            f" discuss SMEs and the growth of SMEs.{FILLER}",
            f"Ministers agreed on finance and skills.{FILLER}",
        ],
        doc_type="meeting_report",
        year=2031,
        publisher="APEC",
    )
    story = make_document(
        "https://news.example/brunei",
        "Loans for small firms",
        [f"Brunei opens a loan scheme for its SMEs.{FILLER}{FILLER}"],
        doc_type="news_article",
        year=2031,
    )
    kiwi = make_document(
        "https://news.example/nz",
        "Exports of small firms",
        [f"Small firms in New Zealand export more, helped by a fund for SMEs.{FILLER}{FILLER}"],
        doc_type="news_article",
        year=2031,
    )
    return make_index(tmp_path_factory.mktemp("roll"), [report, story, kiwi])


def found(index, q: str) -> list[str]:
    engine = Engine(index)
    try:
        return [r["url"] for r in engine.search(q)["results"]]
    finally:
        engine.close()


REPORT, STORY = "https://example.org/report", "https://news.example/brunei"


def test_the_page_about_the_economy_comes_before_the_report_listing_it(index, monkeypatch):
    assert found(index, "Brunei SMEs")[0] == STORY
    assert found(index, "Brunei") == [STORY]  # named in the report's roll call alone
    # with no passage taken for a roll call, the report (its passage holding SMEs thrice)
    # leads
    monkeypatch.setattr(roll_call, "ROLL_CALL", 100)
    assert found(index, "Brunei SMEs")[0] == REPORT


def test_a_name_of_several_words_does_not_match_in_a_roll_call_either(index):
    # "Zealand" names one economy; "New" does not, and still matches there
    assert found(index, "New Zealand SMEs") == ["https://news.example/nz"]
    assert set(found(index, '"New Zealand" SMEs')) == {"https://news.example/nz", REPORT}


def test_a_quoted_name_matches_in_a_roll_call_too(index):
    assert set(found(index, '"Brunei"')) == {STORY, REPORT}
    assert set(found(index, '"Brunei Darussalam"')) == {REPORT}


def test_words_that_name_no_economy_match_in_full(index):
    assert found(index, "Lakeside SMEs") == [REPORT]


def test_a_roll_call_names_enough_economies():
    held = {"australia": [1, 2], "brunei": [1, 2], "canada": [1], "chile": [1]}

    def passages_of(term: str) -> np.ndarray:
        return np.asarray(held.get(term, [1] if term in extra else []), dtype=np.int64)

    extra = {"japan", "korea", "malaysia", "mexico", "peru", "singapor", "indonesia"}
    assert roll_call_passages(passages_of).tolist() == [1]  # 11 economies; 2 names two
    extra = set(sorted(extra)[: roll_call.ROLL_CALL - 5])  # one economy too few
    assert roll_call_passages(passages_of).tolist() == []


@pytest.mark.parametrize(
    ("terms", "phrase", "named"),
    [
        ([("title", "brunei"), ("body", "brunei")], None, True),
        ([("body", "vietnam")], None, True),
        ([("title", "zealand"), ("body", "zealand")], None, True),
        ([("title", "new"), ("body", "new")], None, False),
        ([("body", "republ")], None, False),
        ([("title", "financ"), ("body", "financ")], None, False),
        (None, ("brunei", "darussalam"), True),
        (None, ("people", "s", "republic", "of", "china"), True),
        (None, ("access", "to", "finance"), False),
    ],
)
def test_which_parts_name_an_economy(terms, phrase, named):
    assert names_an_economy(terms, phrase) is named
