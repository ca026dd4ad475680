"""Question answering reads the record: "the 26th meeting" is the meeting the documents
number 26th (the series skipped a year, so it is not 1993 + 26), and "the meeting in
<city>" is the one the record places there; the answer still cites a document sentence."""

import pytest

from indexer.ask import answer
from indexer.ask.answer import consider
from indexer.search import Engine
from tests.helpers import make_document, make_index

BASE = "https://www.apec.org/meeting-papers/sectoral-ministerial-meetings/sme"
MEETINGS = [  # (year, number, city): no meeting in 2018
    (2017, 24, "Alderport"),
    (2019, 25, "Brightwater"),
    (2020, 26, "Cobblestone"),
]


def statement(year: int, number: int, city: str):
    """A statement that names its place and date but not its number."""
    return make_document(
        f"{BASE}/{year}_sme",
        f"{year} APEC Small and Medium Enterprises Ministerial Meeting",
        [
            f"{city}, Atlantis | {year}",
            f"1. We, the APEC Ministers responsible for SMEs, met in {city}, Atlantis on 5 May"
            f" {year}.",
            f"2. We endorsed the {city} Roadmap on digital trade for small firms.",
        ],
        doc_type="ministerial_statement",
        year=year,
        location=f"{city}, Atlantis",
        publisher="APEC",
    )


def news(year: int, number: int, city: str):
    """A story that numbers the meeting, without its place."""
    return make_document(
        f"https://wire.example/{year}",
        "SME ministers conclude talks",
        [f"The {number}th APEC SME Ministerial Meeting ended on 6 May {year}, officials said."],
        doc_type="news_article",
        year=year,
        publisher="Wire",
    )


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    eng = Engine(
        make_index(
            tmp_path_factory.mktemp("record-ask"),
            [f(*m) for m in MEETINGS for f in (statement, news)],
        )
    )
    yield eng
    eng.close()


def test_the_nth_meeting_is_the_one_the_record_numbers(engine):
    found = answer(engine, "Where was the 26th APEC SME Ministerial Meeting held?")
    assert found["confident"]
    best = found["answers"][0]
    assert "Cobblestone" in best["span"] and best["year"] == 2020
    assert best["link"].startswith(f"{BASE}/2020_sme#:~:text=")


def test_the_meeting_named_by_its_city(engine):
    found = answer(engine, "What roadmap did ministers endorse at the meeting in Brightwater?")
    assert found["answers"][0]["year"] == 2019
    assert "Brightwater Roadmap" in found["answers"][0]["answer"]


def test_a_number_no_document_states_names_no_year(engine):
    found = answer(engine, "Where was the 30th APEC SME Ministerial Meeting held?")
    assert not found["confident"]


def test_a_year_without_a_meeting_is_said_so(engine):
    found = answer(engine, "Where was the 2018 APEC SME Ministerial Meeting held?")
    assert not found["confident"]
    assert found["notes"] == [
        "No SME Ministerial Meeting was held in 2018: the 24th was in 2017 and the 25th in 2019."
    ]
    assert answer(engine, "Where was the 2019 APEC SME Ministerial Meeting held?")["notes"] == []


def test_the_ask_page_shows_the_note(engine):
    from webapp import create_app

    app = create_app({"TESTING": True, "INDEX_DIR": str(engine.index_dir)})
    page = app.test_client().get(
        "/ask", query_string={"q": "Where was the 2018 SME Ministerial Meeting held?"}
    )
    assert "No SME Ministerial Meeting was held in 2018" in page.get_data(as_text=True)


def report_story():
    """A story dated after the meeting, naming the year its report came out."""
    return make_document(
        "https://wire.example/2019-report",
        "Report on small firms out",
        [
            "The report of the 2019 SME Ministerial Meeting was published in 2021 and counts"
            " the projects ministers launched."
        ],
        doc_type="news_article",
        year=2021,
        publisher="Wire",
    )


def opening_story(year: int, number: int, city: str):
    """A story that numbers the meeting and gives its first day."""
    return make_document(
        f"https://wire.example/{year}-opens",
        "SME ministers meet",
        [f"The {number}th APEC SME Ministerial Meeting opened on 5 May {year}, officials said."],
        doc_type="news_article",
        year=year,
        publisher="Wire",
    )


@pytest.fixture(scope="module")
def engine_with_report(tmp_path_factory):
    docs = [f(*m) for m in MEETINGS for f in (statement, opening_story)] + [report_story()]
    eng = Engine(make_index(tmp_path_factory.mktemp("record-report"), docs))
    yield eng
    eng.close()


@pytest.mark.parametrize(
    "question",
    [
        "When was the 2019 SME ministerial meeting held?",
        "When did SME ministers meet in 2019?",
        "When did the 2019 APEC SME Ministerial Meeting take place?",
        "On what date was the SME ministerial meeting of 2019 held?",
        "When was the 25th APEC SME Ministerial Meeting held?",
    ],
)
def test_when_a_meeting_was_held_is_its_date_from_the_record(engine_with_report, question):
    found = answer(engine_with_report, question)
    assert found["confident"], found["answers"][:1]
    best = found["answers"][0]
    assert best["span"] == "5 May 2019" and best["answer_kind"] == "date"
    assert "2021" not in best["span"]
    assert best["answer"].startswith("We, the APEC Ministers") and "#:~:text=" in best["link"]
    assert found["summary"] == "5 May 2019 — Brightwater, the 25th SME Ministerial Meeting"


def test_a_date_of_another_year_is_no_answer_to_when_a_meeting_was_held(engine_with_report):
    """Without the record (the meeting's statement is not asked about by its year), the
    report's year is still not the meeting's date."""
    found = consider(engine_with_report, "When was the 2019 SME ministerial meeting held?")
    for s in found.scored:
        assert "2021" not in (s.answer["span"] or "")


def test_where_a_numbered_meeting_was_held_is_read_off_the_record(engine):
    found = answer(engine, "Where was the 25th APEC SME Ministerial Meeting held?")
    best = found["answers"][0]
    assert (best["span"], best["answer_kind"]) == ("Brightwater, Atlantis", "place")
    # the record's first day: the statement says 5 May, a story that it ended on 6 May
    assert found["summary"] == "Brightwater — 6 May 2019, the 25th SME Ministerial Meeting"


def test_the_record_s_sentence_is_not_listed_again_among_the_candidates(engine):
    found = answer(engine, "Where was the 25th APEC SME Ministerial Meeting held?", limit=5)
    shown = [(a["doc_id"], a["answer"]) for a in found["answers"]]
    assert len(shown) == len(set(shown))


def test_the_one_line_answer_gives_the_days_its_sentence_gives(tmp_path):
    # The record keeps the first day; the summary gives the days as the sentence does.
    doc = make_document(
        f"{BASE}/2023_sme",
        "2023 APEC Small and Medium Enterprises Ministerial Meeting",
        [
            "Eastholm, Atlantis | 2023",
            "1. We, the APEC Ministers responsible for SMEs, met in Eastholm, Atlantis on "
            "5–6 May 2023.",
        ],
        doc_type="ministerial_statement",
        year=2023,
        location="Eastholm, Atlantis",
        publisher="APEC",
    )
    eng = Engine(make_index(tmp_path, [doc]))
    try:
        found = answer(eng, "Where was the 2023 SME ministerial meeting held?")
    finally:
        eng.close()
    assert found["summary"].startswith("Eastholm — 5–6 May 2023, "), found["summary"]


@pytest.mark.parametrize(
    "question",
    ["How many APEC SME Ministerial Meetings have been held?", "How many SMEMMs were there?"],
)
def test_how_many_meetings_is_the_latest_meetings_number_from_the_record(engine, question):
    found = answer(engine, question)
    assert found["confident"]
    best = found["answers"][0]
    assert best["span"] == "26th" and best["answer_kind"] == "number"
    assert best["summary"].startswith("26 — the latest the documents name is the 26th")
    assert "The 26th APEC SME Ministerial Meeting ended" in best["answer"]


def test_how_many_meetings_of_a_year_is_not_the_series_count(engine):
    found = answer(engine, "How many SME ministerial meetings were held in 2019?")
    assert not found["answers"] or not found["answers"][0].get("summary", "").startswith("26 —")


def test_how_many_meetings_of_no_series_named_is_not_the_record_count(engine):
    found = answer(engine, "How many meetings have been held?")
    assert not any((a.get("summary") or "").startswith("26 —") for a in found["answers"])
