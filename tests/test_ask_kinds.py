"""The kinds of real questions `ask` must answer (issue 11), each on small invented documents.

The documents carry the metadata extraction gives them (type, year, place, meeting number),
and look-alike documents of other years, bodies and publishers sit beside them, so that each
right answer has a wrong one to lose to.
"""

import pytest

from indexer.ask import answer
from indexer.ask.answer import consider
from indexer.ask.calibration import calibration
from indexer.model import Paragraph
from indexer.search.engine import Engine
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
            Paragraph("38th Small and Medium Enterprises Ministerial Meeting", kind="h"),
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


def best(engine, question):
    """The best candidate answer, confident or not: whether it is confident is the
    calibration's call (tests/test_ask_calibration.py)."""
    return consider(engine, question).scored[0].answer


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
    # the record numbers the meeting from the statement's heading (no formula: 1993 + 38)
    a = confident(engine, "Who chaired the 38th SME ministerial meeting?")
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
    sure = {a["span"] for a in found["answers"] if a["confident"]}
    assert not {"Dr. Kofi Anan-Reyes", "Tane Rewiti"} & sure


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
    threshold = calibration().threshold
    assert all(a["confidence"] < threshold and a["span"] is None for a in found["answers"])


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
    assert all(0 <= v <= 1 for v in values) and values == sorted(values, reverse=True)
    assert values[0] >= calibration().threshold and found["answers"][0]["confident"]
    assert isinstance(values[0], float)


# -- issue 11, second round: the kinds a blind held-out set showed --------------------------

ROUND2 = [
    make_document(
        f"{BASE}smemm/2034",
        "2034 APEC Small and Medium Enterprises Ministerial Meeting",
        [
            "Dunmore, Velaria | 19 June 2034",
            "1. We, the Ministers responsible for small and medium enterprises, met in Dunmore, "
            "Velaria on June 18-19, 2034 under the chairmanship of Hon. Petra Kallis, Minister "
            "for Enterprise of Velaria.",
            "2. We thank the Prime Minister of Velaria, H.E. Andor Vell, and the SMEWG Chair, "
            "Ms Ines Morrow, for their warm hospitality.",
            "3. We endorsed the SMEWG Strategic Plan 2035-2038.",
            "4. We welcomed the Dunmore Initiative on Open Data for MSMEs.",
            "5. We launched the Velaria Export Gateway, an online portal for small exporters.",
            Paragraph("Skills", kind="h"),
            "6. MSMEs have fewer chances to train their workers than large firms, and many "
            "cannot release staff for courses.",
            Paragraph("Resilience", kind="h"),
            "7. We call on economies to help small firms prepare for disasters by drawing up "
            "business continuity plans.",
            "8. We encourage banks and lenders to offer small firms flexible repayment terms.",
            "9. We launched the Youth Founders Exchange, which pairs young founders across "
            "economies.",
        ],
        year=2034,
        location="Dunmore, Velaria",
        doc_type="ministerial_statement",
        publisher="APEC",
    ),
    make_document(
        f"{BASE}smemm/2027",
        "2027 APEC Small and Medium Enterprises Ministerial Meeting",
        [
            "1. SME Ministers met in Redwater, Solmara on 2-3 October 2027 under the theme "
            "\u201cSmall Firms in a Greener Economy\u201d.",
            "2. Ministers welcomed the Redwater Principles on Prompt Payment.",
            "3. The Minister of Trade of Solmara, Dr. Elan Brisk, opened the meeting and "
            "delivered the opening address.",
            "4. The meeting was chaired by Solmara's Minister for Small Business, Kiri Omond.",
            "5. We thank the City of Redwater for hosting the meeting.",
        ],
        year=2027,
        location="Redwater, Solmara",
        doc_type="ministerial_statement",
        publisher="APEC",
    ),
    make_document(
        f"{BASE}smewg/report-2034",
        "Summary Report of the 78th SMEWG Meeting",
        [
            "The 78th SMEWG meeting was held in Dunmore, Velaria on 15-16 June 2034 and was "
            "chaired by Mr. Tomas Reed.",
            "The meeting elected Ms Hana Oduya as Chair for 2035-2036.",
        ],
        year=2034,
        location="Dunmore, Velaria",
        meeting_number=78,
        doc_type="meeting_report",
        publisher="APEC",
    ),
    make_document(
        f"{BASE}groups/smewg",
        "Small and Medium Enterprises Working Group",
        [
            "The SMEWG works to build the capacity of small firms across the region.",
            "The Program Director, Mr Caius Delorme, oversees the group's projects.",
        ],
        doc_type="web_page",
        publisher="APEC",
    ),
    make_document(
        f"{BASE}news/ledger-fees",
        "Card fees weigh on corner shops",
        [
            "Small shop owners say card fees keep rising.",
            "Bank fees took nearly a tenth of each sale, the owners told the paper.",
        ],
        year=2034,
        doc_type="news_article",
        publisher="Velaria Morning Ledger",
    ),
    make_document(
        f"{BASE}news/post-fees",
        "Shops and fees",
        [
            "Bank fees took about a fifth of each sale at market stalls, traders said.",
        ],
        year=2034,
        doc_type="news_article",
        publisher="Solmara Evening Post",
    ),
]


ROUND2.append(
    make_document(
        f"{BASE}groups/smewg/open-data-fund",
        "Open Data Fund for MSMEs",
        [
            "The Open Data Fund for MSMEs was set up by the SMEWG in 2033.",
            "The fund has a budget of US$1.5 million over two years.",
        ],
        doc_type="initiative",
        publisher="APEC",
    )
)
ROUND2.append(
    make_document(
        f"{BASE}news/2036-smemm",
        "Small Business Ministers Issue Statement",
        [
            "Ashby, Quillon, 9 May 2036",
            "Ministers responsible for small businesses issued a statement following their "
            "meeting held on 8-9 May 2036.",
        ],
        year=2036,
        location="Ashby, Quillon",
        doc_type="news_release",
        publisher="APEC",
    )
)


@pytest.fixture(scope="module")
def engine2(tmp_path_factory):
    eng = Engine(make_index(tmp_path_factory.mktemp("kinds2"), ROUND2))
    yield eng
    eng.close()


@pytest.mark.parametrize(
    "question",
    [
        "On what dates did SME ministers meet in Dunmore?",
        "When was the 2034 SME ministerial meeting held?",
        "What were the dates of the 2034 SME ministerial meeting?",
    ],
)
def test_meeting_dates_come_from_the_sentence_not_the_header_line(engine2, question):
    assert confident(engine2, question)["span"] == "June 18-19, 2034"


def test_a_header_line_naming_the_place_loses_to_the_sentence_of_the_meeting(engine2):
    a = best(engine2, "On what dates did SME ministers meet in Ashby?")
    assert a["span"] == "8-9 May 2036"


@pytest.mark.parametrize(
    ("question", "span"),
    [
        (
            "What initiative did ministers endorse in Dunmore in 2034?",
            "Dunmore Initiative on Open Data for MSMEs",
        ),
        ("What portal did ministers launch in Dunmore in 2034?", "Velaria Export Gateway"),
        ("Which plan did ministers endorse in 2034?", "SMEWG Strategic Plan 2035-2038"),
        # A kind no list holds: the noun before "did" is the kind asked for.
        ("What exchange did ministers launch in Dunmore?", "Youth Founders Exchange"),
    ],
)
def test_a_named_thing_matches_the_asked_kind(engine2, question, span):
    assert confident(engine2, question)["span"] == span


def test_a_named_thing_of_another_kind_is_declined(engine2):
    found = answer(engine2, "Which toolkit did ministers launch at the 2027 Redwater meeting?")
    assert not found["confident"]


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("Who chaired the 2034 SME ministerial meeting in Dunmore?", "Hon. Petra Kallis"),
        ("Who chaired the 2027 SME ministerial meeting in Redwater?", "Kiri Omond"),
        ("Who opened the 2027 SME ministerial meeting?", "Dr. Elan Brisk"),
        ("Who was elected as the next SMEWG Chair at the 78th SMEWG meeting?", "Ms Hana Oduya"),
        ("Who hosted the 2027 SME ministerial meeting?", "City of Redwater"),
    ],
)
def test_a_role_and_its_relation_both_match(engine2, question, span):
    assert confident(engine2, question)["span"] == span


def test_under_what_theme_is_a_theme_question(engine2):
    a = confident(engine2, "Under what theme did SME ministers meet in Redwater?")
    assert a["span"] == "Small Firms in a Greener Economy"


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("What did the 2034 statement say about training in MSMEs?", "MSMEs have fewer chances"),
        (
            "What did the 2034 statement ask economies to do about disaster preparedness?",
            "We call on economies to help small firms",
        ),
        # The heading names the topic; the sentence repeats none of the question's words.
        ("What did ministers agree on resilience in 2034?", "We call on economies"),
        # The topic ends where the naming of the document begins ("at the Dunmore meeting").
        ("What did ministers say about resilience at the Dunmore meeting?", "We call on economies"),
        (
            "What did ministers encourage banks to offer at the 2034 meeting?",
            "We encourage banks and lenders",
        ),
    ],
)
def test_a_topic_question_is_answered_by_its_topic_not_the_opening(engine2, question, start):
    assert best(engine2, question)["answer"].startswith(start)


@pytest.mark.parametrize(
    ("question", "span"),
    [
        (
            "What share of each sale did bank fees take, according to the Velaria Morning Ledger?",
            "nearly a tenth",
        ),
        (
            "What share of each sale did bank fees take, according to the Solmara Evening Post?",
            "about a fifth",
        ),
    ],
)
def test_fractions_in_words_and_the_publisher_named(engine2, question, span):
    assert best(engine2, question)["span"] == span


def test_a_title_next_to_a_name_answers_who(engine2):
    assert confident(engine2, "Who is the Program Director of the SMEWG?")["span"] == (
        "Mr Caius Delorme"
    )


@pytest.mark.parametrize(
    "question",
    [
        "What is the budget of the Youth Founders Exchange?",
        "How much funding did ministers give the Dunmore Initiative on Open Data?",
    ],
)
def test_a_money_question_without_an_amount_is_declined(engine2, question):
    found = answer(engine2, question)
    assert not found["confident"], found["answers"][0]["answer"]


def test_a_budget_is_an_amount_of_money_of_what_was_asked(engine2):
    a = best(engine2, "What is the budget of the Open Data Fund for MSMEs?")
    assert a["span"] == "US$1.5 million"
    # The fund's budget is not the SMEWG's, though the sentence before names the SMEWG.
    assert not answer(engine2, "What is the budget of the SMEWG?")["confident"]
