"""Question answering over a small index: kinds of questions, years, declining, citations."""

import pytest

from indexer.ask import answer
from indexer.ask.answer import consider
from indexer.search.engine import Engine
from indexer.search.generation import IndexMissing
from tests.ask_corpus import BASE, DOCS
from tests.helpers import make_document, make_index

ANSWER_KEYS = {"answer", "span", "context", "title", "url", "link", "year", "score"}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    eng = Engine(make_index(tmp_path_factory.mktemp("ask"), DOCS))
    yield eng
    eng.close()


def first(engine, question):
    found = answer(engine, question)
    assert found["confident"], found
    return found["answers"][0]


def test_who_finds_the_chair_of_the_year_asked(engine):
    a = first(engine, "Who chaired the 2021 SME ministerial meeting?")
    assert a["span"] == "Hon. Mere Tawhiri"
    assert a["url"] == BASE + "smemm/2021"
    assert a["year"] == 2021


def test_year_preference_decides_between_look_alike_statements(engine):
    for year, chair in ((2019, "H.E. Marta Olivares"), (2020, "Datuk Harun Aziz")):
        a = first(engine, f"Who chaired the meeting of SME ministers in {year}?")
        assert (a["year"], a["span"]) == (year, chair)


def test_when_gives_a_date(engine):
    a = first(engine, "When did ministers endorse the Strategic Plan 2017-2020?")
    assert a["span"] == "8 September 2016"


def test_where_gives_the_place_after_met_in(engine):
    a = first(engine, "Where did SME ministers meet in 2020?")
    assert a["span"] == "Penang, Malaysia"
    assert a["answer"].startswith("SME Ministers met in Penang")


def test_how_many_gives_a_count(engine):
    a = first(engine, "How many economies have joined the Export Launchpad?")
    assert a["span"] == "16"


def test_a_count_of_something_else_named_in_the_question_is_no_answer(tmp_path):
    # "21 Atlantis economies" counts economies; the question counts small firms
    said = "Ministers of the 21 Atlantis economies endorsed a harbour plan for small firms."
    doc = make_document("https://example.org/plan", "Harbour plan", [said], year=2015)
    engine = Engine(make_index(tmp_path, [doc]))
    found = answer(engine, "How many small firms are there in Atlantis?")
    assert not found["confident"], found["answers"][0]
    assert answer(engine, "How many economies endorsed the harbour plan?")["confident"]
    engine.close()


def test_what_share_gives_a_percentage_and_synonyms_meet(engine):
    a = first(engine, "What share of firms in the region are SMEs?")
    assert a["span"] == "97.5 per cent"
    assert a["year"] == 2020


def test_what_question_gives_the_sentence_without_a_span(engine):
    a = consider(engine, "What did ministers agree on natural disasters?").scored[0].answer
    assert "emergency plan" in a["answer"]
    assert a["span"] is None


def test_the_span_is_inside_the_answer_and_the_answer_inside_its_context(engine):
    a = first(engine, "Who chaired the 2019 SME ministerial meeting?")
    assert a["span"] in a["answer"]
    start, end = a["offsets"]
    assert a["context"][start:end] == a["answer"]


def test_unanswerable_questions_are_declined_with_cited_passages(engine):
    found = answer(engine, "Who chaired the 2035 SME ministerial meeting?")
    assert found["confident"] is False
    assert found["answers"], "the best passages are still shown"
    for a in found["answers"]:
        assert a["span"] is None
        assert a["answer"] == a["context"]
        assert a["url"].startswith(BASE) and a["link"].startswith(a["url"])


def test_a_question_about_nothing_in_the_index_has_no_answers(engine):
    found = answer(engine, "What is the airspeed velocity of an unladen swallow?")
    assert found == {
        "question": "What is the airspeed velocity of an unladen swallow?",
        "answers": [],
        "confident": False,
        "answer_type": "other",
        "summary": None,
        "passages": [],
        "notes": [],
        "commitments": None,
    }


@pytest.mark.parametrize(
    "question",
    [
        "Who chaired the 2021 SME ministerial meeting?",
        "When did ministers endorse the Strategic Plan 2017-2020?",
        "What did ministers agree on natural disasters?",
        "Who chaired the 2035 SME ministerial meeting?",
    ],
)
def test_every_answer_cites_its_source_and_links_to_the_sentence(engine, question):
    found = answer(engine, question)
    assert found["answers"]
    for a in found["answers"] + found["passages"]:
        assert a["title"] and a["url"].startswith(BASE) and a["link"].startswith(a["url"])
    for a in found["answers"]:
        assert a.keys() >= ANSWER_KEYS
        assert isinstance(a["score"], float)
        if a["url"].endswith(".pdf"):
            assert a["link"] == f"{a['url']}#page={a['page']}"
        elif a["answer_kind"] != "passage":
            opening = a["answer"].split()[0]
            assert a["link"].startswith(f"{a['url']}#:~:text={opening}")


def test_pdf_answers_link_to_their_page(engine):
    a = first(engine, "When did ministers endorse the Strategic Plan 2017-2020?")
    assert a["link"] == BASE + "smewg/plan-2017-2020.pdf#page=2"


def test_limit_bounds_the_answers(engine):
    assert len(answer(engine, "Who chaired the SME ministerial meeting?", limit=1)["answers"]) == 1
    found = answer(engine, "Who chaired the SME ministerial meeting?", limit=3)
    assert 1 <= len(found["answers"]) <= 3


@pytest.mark.parametrize(
    "question",
    [
        '"(AND OR NOT*?:^~[]{}',
        'Who chaired "(AND OR NOT*?:^~[]{} the 2021 meeting?',
        "",
        "   ",
        ("Who chaired the 2021 SME ministerial meeting? " * 120)[:5000],
    ],
)
def test_odd_questions_give_sane_output(engine, question):
    found = answer(engine, question)
    assert found["question"] == question
    assert isinstance(found["confident"], bool)
    assert isinstance(found["answers"], list) and len(found["answers"]) <= 3
    for a in found["answers"]:
        assert a["url"] and a["link"]


def test_a_long_question_still_finds_its_answer(engine):
    question = ("Who chaired the 2021 SME ministerial meeting? " * 120)[:5000]
    assert answer(engine, question)["answers"][0]["url"] == BASE + "smemm/2021"


def test_no_index_raises_index_missing(tmp_path):
    with pytest.raises(IndexMissing):
        answer(Engine(tmp_path / "none"), "Who chaired the 2021 meeting?")


def test_an_answer_a_statement_gives_too_is_cited_from_the_statement(tmp_path):
    statement = make_document(
        "https://example.org/smemm/2031",
        "2031 SME Ministerial Meeting: Joint Ministerial Statement",
        [
            "We, the APEC Ministers responsible for SMEs, met in Lakeside, Atlantis on 4 May"
            " 2031 for the 38th APEC SME Ministerial Meeting.",
            "Hon. Ria Moana, Minister of Trade of Atlantis, chaired the meeting.",
            "We agree to widen access to finance for small firms of the region.",
        ],
        doc_type="ministerial_statement",
        year=2031,
        publisher="APEC",
    )
    story = make_document(
        "https://news.example/2031/05/smes",
        "Ministers meet on small firms",
        ["The 2031 SME ministerial meeting was chaired by Hon. Ria Moana, the host."],
        doc_type="news_article",
        year=2031,
        publisher="Wire",
    )
    engine = Engine(make_index(tmp_path, [story, statement]))
    a = first(engine, "Who chaired the 2031 SME ministerial meeting?")
    engine.close()
    assert a["span"] == "Hon. Ria Moana" and a["url"] == statement.canonical_url


def test_an_outcome_named_after_its_meetings_city_was_adopted_when_the_meeting_met(tmp_path):
    statement = make_document(
        "https://example.org/2031_sme",
        "38th APEC Small and Medium Enterprises Ministerial Meeting",
        ["We, the APEC Ministers responsible for SMEs, met in Lakeside, Viet Nam on 5-6 May"
         " 2031 for the 38th APEC SME Ministerial Meeting."],
        doc_type="ministerial_statement",
        year=2031,
    )  # fmt: skip
    story = make_document(
        "https://example.org/news/2031",
        "Ministers adopt a harbour initiative",
        ["SME ministers adopted the Lakeside Initiative on harbour trade at the 38th APEC SME"
         " Ministerial Meeting."],
        doc_type="news_release",
        year=2031,
    )  # fmt: skip
    engine = Engine(make_index(tmp_path, [statement, story]))
    found = answer(engine, "When was the Lakeside Initiative adopted?")
    assert found["confident"] and "May 2031" in found["answers"][0]["span"]
    # no document of the meeting names a "Lakeside Action Plan": not the record's answer
    other = consider(engine, "When was the Lakeside Action Plan adopted?").scored
    assert all(s.source != "record" for s in other)
    engine.close()
