"""The kinds of real questions `ask` must answer (issue 11), each on small invented documents.

The documents carry the metadata extraction gives them (type, year, place, meeting number),
and look-alike documents of other years, bodies and publishers sit beside them, so that each
right answer has a wrong one to lose to.
"""

import pytest

from indexer.ask import answer
from indexer.model import Paragraph
from indexer.search import Engine
from tests.helpers import make_document, make_index

BASE = "https://kinds.example.test/"


def statement(year, city, paragraphs, **fields):
    return make_document(
        f"{BASE}smemm/{year}",
        f"{year} APEC Small and Medium Enterprises Ministerial Meeting",
        paragraphs,
        year=year,
        location=city,
        doc_type="ministerial_statement",
        **fields,
    )


DOCS = [
    statement(
        2031,
        "Lakeside, Atlantis",
        [
            Paragraph("Joint Ministerial Statement", kind="h"),
            "1. We, the APEC Ministers responsible for SMEs, met in Lakeside, Atlantis on "
            "March 3-4, 2031 under the chairmanship of Hon. Mira Tallis, Minister for Small "
            "Business. The sessions took place at the Harbour Convention Centre.",
            '2. Under the theme of "Small Firms, Wide Horizons", we discussed how firms can '
            "reach new markets.",
            Paragraph("Youth and Enterprise", kind="h"),
            "3. Micro-enterprises make up some 85 percent of firms in the region.",
            "4. We endorsed the Lakeside Agenda on Youth Enterprise and asked officials to "
            "report on it.",
            "5. We noted that the SMEWG ran twenty-three projects this year.",
        ],
    ),
    statement(
        2029,
        "Hillcrest, Borealia",
        [
            "1. APEC Ministers responsible for SMEs met in Hillcrest, Borealia on 12 - 13 May "
            "2029. The meeting was chaired by Mr. Olaf Brenner, Minister of Industry.",
            "2. Micro-enterprises make up some 70 percent of firms in the region.",
            "3. Ministers endorsed the agenda of the meeting and thanked the host.",
            "4. Ministers noted that SMEs provide 40 per cent or less of exports and nearly two "
            "thirds of new jobs.",
        ],
    ),
    make_document(
        f"{BASE}smewg/report-2031",
        "Summary Report of the 74th SMEWG Meeting",
        [
            "The 74th meeting of the SME Working Group was held in Lakeside, Atlantis on "
            "1-2 March 2031.",
            "The meeting was chaired by Dr. Kofi Anan-Reyes, Director of the Small Business "
            "Agency.",
            "The Digital Sub-Group was set up in June 2027 and now counts nine economies.",
        ],
        year=2031,
        location="Lakeside, Atlantis",
        meeting_number=74,
        doc_type="meeting_report",
    ),
    make_document(
        f"{BASE}news/2031-lakeside",
        "Small business ministers meet in Lakeside",
        [
            "Lakeside, Atlantis, 4 March 2031 - The President of Atlantis, Tane Rewiti, opened "
            "the meeting and urged ministers to cut red tape.",
            "Over 80 percent of exporters in the region are small firms, officials said.",
        ],
        year=2031,
        location="Lakeside, Atlantis",
        doc_type="news_release",
    ),
    make_document(
        f"{BASE}history/chronology",
        "Chronology of APEC SME Ministerial Meetings",
        [
            "The first APEC SME Ministerial Meeting was held in Greywater, Hesperia, from "
            "October 20-21, 1994.",
            "The second APEC SME Ministerial Meeting took place in Port Marlow, Cascadia, from "
            "September 14-15, 1995.",
            "The third APEC SME Ministerial Meeting was held in Silverton, Dorado, from "
            "September 5-6, 1996.",
        ],
        year=2001,
        doc_type="web_page",
    ),
    make_document(
        f"{BASE}republished/fourth-meeting",
        "Fourth APEC Ministers Meeting",
        [
            "Joint Statement FOURTH MEETING OF MINISTERS ON SMALL AND MEDIUM ENTERPRISES "
            "Northgate, Ivoria September 18-19, 1997 Small firms comprise over 90 percent of "
            "all enterprises in the region, ministers noted.",
        ],
        year=1997,
        location="Northgate, Ivoria",
        doc_type="ministerial_statement",
    ),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    eng = Engine(make_index(tmp_path_factory.mktemp("kinds"), DOCS))
    yield eng
    eng.close()


def confident(engine, question):
    found = answer(engine, question)
    assert found["confident"], found["answers"][:1]
    return found["answers"][0]


def test_context_comes_from_the_document_not_the_sentence(engine):
    a = confident(
        engine,
        "According to the 2031 Lakeside statement, what share of firms are micro-enterprises?",
    )
    assert a["span"] == "some 85 percent" and a["year"] == 2031


@pytest.mark.parametrize(
    ("question", "span"),
    [
        (
            "Which agenda did ministers endorse in Lakeside in 2031?",
            "Lakeside Agenda on Youth Enterprise",
        ),
        ("What did ministers endorse in 2031?", "Lakeside Agenda on Youth Enterprise"),
    ],
)
def test_a_named_thing_is_the_name_after_the_verb(engine, question, span):
    assert confident(engine, question)["span"] == span


def test_a_sentence_repeating_the_question_without_a_name_is_no_answer(engine):
    found = answer(engine, "Which agenda did ministers endorse in Hillcrest in 2029?")
    assert not found["confident"]


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("On what dates was the 2031 SME ministerial meeting held?", "March 3-4, 2031"),
        ("On what dates did ministers meet in Hillcrest in 2029?", "12 - 13 May 2029"),
        ("When was the Digital Sub-Group set up?", "June 2027"),
    ],
)
def test_dates_as_statements_write_them(engine, question, span):
    assert confident(engine, question)["span"] == span


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("How many projects did the SMEWG run in 2031?", "twenty-three"),
        (
            "What share of exports do SMEs provide according to the 2029 statement?",
            "40 per cent or less",
        ),
        (
            "What share of new jobs do SMEs provide according to the 2029 statement?",
            "nearly two thirds",
        ),
        ("What share of exporters are small firms in 2031?", "Over 80 percent"),
    ],
)
def test_numbers_and_shares_as_written(engine, question, span):
    assert confident(engine, question)["span"] == span


def test_an_ordinal_names_the_year_of_a_ministerial_meeting(engine):
    a = confident(engine, "Who chaired the 38th SME ministerial meeting?")  # 1993 + 38
    assert (a["span"], a["year"]) == ("Hon. Mira Tallis", 2031)


def test_the_inaugural_meeting_is_1994s(engine):
    a = confident(engine, "Where was the inaugural SME ministerial meeting held?")
    assert a["span"] == "Greywater, Hesperia"


def test_a_working_group_ordinal_is_its_meeting_number(engine):
    assert confident(engine, "Who chaired the 74th SMEWG meeting?")["span"] == "Dr. Kofi Anan-Reyes"


def test_the_chair_of_the_ministerial_meeting_not_of_the_working_group_nor_the_host(engine):
    found = answer(engine, "Who chaired the 2031 SME ministerial meeting?")
    assert found["confident"]
    assert [a["span"] for a in found["answers"]][0] == "Hon. Mira Tallis"
    assert not {"Dr. Kofi Anan-Reyes", "Tane Rewiti"} & {a["span"] for a in found["answers"]}


def test_where_is_the_city_not_the_venue(engine):
    a = confident(engine, "Where was the 2031 SME ministerial meeting held?")
    assert a["span"] == "Lakeside, Atlantis"


def test_the_theme_is_the_quoted_words_after_theme(engine):
    a = confident(engine, "What was the theme of the 2031 SME ministerial meeting?")
    assert a["span"] == "Small Firms, Wide Horizons"


def test_title_lines_glued_to_a_sentence_are_left_out_of_the_answer(engine):
    a = confident(
        engine, "What share of enterprises are small firms according to the 1997 statement?"
    )
    assert a["answer"].startswith("Small firms comprise over 90 percent")
    assert "FOURTH MEETING" not in a["answer"]


def test_the_right_document_with_an_answer_of_the_asked_type_is_answered(engine):
    # No sentence repeats "2029" or "Hillcrest" and the chair: the document does.
    a = confident(engine, "Who chaired the 2029 SME ministerial meeting?")
    assert a["span"] == "Mr. Olaf Brenner"


@pytest.mark.parametrize(
    "question",
    [
        "Who chaired the 2035 SME ministerial meeting?",
        "What did ministers decide on space tourism?",
        "How many fishing boats did the SMEWG buy in 2031?",
        "What did ministers say about youth enterprise in 2029?",
        "What is the SMEWG?",
    ],
)
def test_nothing_that_answers_is_declined(engine, question):
    found = answer(engine, question)
    assert found["confident"] is False
    assert all(a["confidence"] < 0.5 and a["span"] is None for a in found["answers"])


def test_another_meeting_of_a_chronology_is_not_a_confident_answer(engine):
    # The code before issue 11 answered "Silverton, Dorado" (the third meeting) confidently.
    found = answer(engine, "Where was the eighth SME ministerial meeting held?")
    assert not found["confident"]


def test_another_years_chair_is_not_a_confident_answer(engine):
    # The code before issue 11 answered with the 2029 chair, though the 2030 meeting is absent.
    found = answer(engine, "Who chaired the 37th SME ministerial meeting?")
    assert not found["confident"]


def test_confidence_is_a_share_and_orders_the_answers(engine):
    found = answer(engine, "Who chaired the 2031 SME ministerial meeting?", limit=3)
    values = [a["confidence"] for a in found["answers"]]
    assert all(0.5 <= v <= 1 for v in values)
    assert isinstance(values[0], float)
