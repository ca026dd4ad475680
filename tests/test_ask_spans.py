"""Answer spans: the part of a sentence that answers each kind of question."""

import pytest

from indexer.ask.question import analyse
from indexer.ask.spans import MEDIUM, STRONG, find_span


def span(question: str, sentence: str):
    q = analyse(question)
    wanted = set(q.term_keys)
    found = find_span(sentence, q.answer_type, wanted | {str(y) for y in q.years}, wanted)
    return (found.text(sentence), found.strength) if found else None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The meeting was held under the chairmanship of H.E. Dr. Ana Ruiz, Minister of Trade.",
            "H.E. Dr. Ana Ruiz",
        ),
        (
            "Ministers met in Lima, chaired by the Minister for Trade, Hon. Tomas Varga.",
            "Hon. Tomas Varga",
        ),
        ("Mr. Li Wen, Vice Minister of Industry, chaired the meeting.", "Mr. Li Wen"),
    ],
)
def test_who_finds_the_person_after_a_chairing_cue(sentence, expected):
    assert span("Who chaired the meeting?", sentence) == (expected, STRONG)


def test_a_bare_capitalised_phrase_is_not_a_person():
    assert span("Who chaired the meeting?", "Ministers endorsed the Lima Roadmap.") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On 2 August 2012, ministers endorsed the plan.", "2 August 2012"),
        ("Ministers endorsed the plan on September 9, 2016.", "September 9, 2016"),
        ("Ministers endorsed the plan in May 2012.", "May 2012"),
        ("In 2012, ministers endorsed the plan.", "2012"),
    ],
)
def test_when_finds_a_date(sentence, expected):
    assert span("When did ministers endorse the plan?", sentence) == (expected, STRONG)


def test_the_years_a_question_names_are_not_its_answer():
    question = "When did ministers endorse the plan for 2013-2016?"
    assert span(question, "Ministers endorsed the plan for 2013-2016.") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("SME Ministers met in Vina del Mar, Chile in September 2019.", "Vina del Mar, Chile"),
        ("The meeting was held in May 2019 at Puerto Varas, Chile.", "Puerto Varas, Chile"),
        ("Ministers gathered in Iloilo City to discuss growth.", "Iloilo City"),
    ],
)
def test_where_finds_the_place_after_met_in_or_held_in(sentence, expected):
    assert span("Where did ministers meet?", sentence) == (expected, STRONG)


def test_where_does_not_answer_with_a_month():
    assert span("Where did ministers meet?", "Ministers met in May 2019.") is None


def test_what_share_prefers_a_share_of_what_was_asked():
    question = "What share of businesses are MSMEs?"
    assert span(question, "MSMEs are over 97 per cent of all businesses.") == (
        "over 97 per cent",
        STRONG,
    )
    assert span(question, "Exports grew by 12 per cent.") == ("12 per cent", MEDIUM)
    assert span(question, "The pandemic closed one in three MSMEs.")[0] == "one in three"


def test_how_many_counts_what_was_asked_and_skips_years_and_paragraph_numbers():
    question = "How many economies endorsed the roadmap?"
    assert span(question, "3. In 2019 all 21 economies endorsed it.") == ("21", STRONG)
    assert span(question, "3. The roadmap was endorsed in 2019.") is None
    assert span("How many start-ups were supported?", "It supported 1,250 startups.") == (
        "1,250",
        STRONG,
    )


def test_what_questions_have_no_span():
    assert span("What did ministers agree?", "Ministers agreed on 2 May 2019 in Lima.") is None
