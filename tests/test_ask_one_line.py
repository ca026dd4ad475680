"""The answer in one line first, and other candidates that say something else."""

import pytest

from indexer.ask import answer
from indexer.ask.answer import SUMMARY_CHARS
from indexer.search.engine import Engine
from tests.ask_corpus import BASE, statement
from tests.helpers import make_document, make_index

CHAIR = "The meeting was chaired by Hon. Ivo Brandt, Minister for Small Business."
LONG = (
    "2. On natural disasters, ministers agreed that every small firm should keep an "
    "emergency plan, insure its premises and its stock, back up its records away from "
    "the shop, train its staff in first aid, join a local business network that shares "
    "warnings, and review all of this every year with its insurer and its bank."
)
DOCS = [
    statement(2031, "Lakeside, Atlantis", "7 May 2031", CHAIR, LONG),
    statement(2032, "Redwater, Borealis", "9 May 2032", "Ministers met for two days."),
    # A news page quoting the statement's sentence word for word.
    make_document(
        f"{BASE}news/2031-chair",
        "News: SME ministers meet in Lakeside",
        [f"At the 2031 SME Ministerial Meeting in Lakeside: {CHAIR}"],
        year=2031,
        doc_type="news_article",
    ),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    eng = Engine(make_index(tmp_path_factory.mktemp("one-line"), DOCS))
    yield eng
    eng.close()


def test_other_candidates_never_repeat_the_answer(engine):
    found = answer(engine, "Who chaired the 2031 SME ministerial meeting?")
    assert found["confident"]
    spans = [a["span"] for a in found["answers"]]
    assert spans[0] == "Hon. Ivo Brandt"
    assert spans.count("Hon. Ivo Brandt") == 1, found["answers"]
    sentences = [" ".join(a["answer"].split()) for a in found["answers"]]
    assert len(set(sentences)) == len(sentences)


def test_the_one_line_answer_is_the_span_with_its_meeting_not_the_sentence(engine):
    found = answer(engine, "Who chaired the 2031 SME ministerial meeting?")
    assert found["summary"].startswith("Hon. Ivo Brandt — ")
    assert "2031" in found["summary"]
    assert "Minister for Small Business" not in found["summary"]


def test_a_one_line_answer_without_a_span_is_one_short_line(engine):
    found = answer(engine, "What did ministers agree on natural disasters?")
    assert found["confident"], found
    assert "emergency plan" in found["summary"]
    assert "\n" not in found["summary"]
    assert len(found["summary"]) <= SUMMARY_CHARS + 1
    assert found["summary"].endswith("…")


def test_where_is_the_city_the_record_knows_not_a_region(tmp_path):
    region = make_document(
        f"{BASE}news/2031-region",
        "News: the 2031 SME Ministerial Meeting",
        ["The 2031 SME Ministerial Meeting was held in the Norrvik region of Atlantis."],
        year=2031,
        doc_type="news_article",
    )
    eng = Engine(make_index(tmp_path, [*DOCS, region]))
    try:
        found = answer(eng, "Where was the 2031 SME ministerial meeting held?")
    finally:
        eng.close()
    assert found["confident"]
    assert found["answers"][0]["span"].startswith("Lakeside")
    assert all("Norrvik" not in (a["span"] or "") for a in found["answers"])
