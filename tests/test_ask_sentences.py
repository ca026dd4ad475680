"""Sentence splitting copes with the full stops of statements."""

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.text.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_honorifics_and_abbreviations_do_not_end_sentences():
    text = (
        "Ministers welcomed H.E. Dr. Maria Tan, Minister of Trade. The meeting was chaired "
        "by Mr. J. Smith of the U.S. Department of Commerce (see No. 4)."
    )
    assert texts(text) == [
        "Ministers welcomed H.E. Dr. Maria Tan, Minister of Trade.",
        "The meeting was chaired by Mr. J. Smith of the U.S. Department of Commerce (see No. 4).",
    ]


def test_numbered_paragraphs_are_one_sentence_without_their_number():
    text = "12. Ministers endorsed the plan.\n13. Ministers agreed to act, e.g. on finance."
    assert texts(text) == [
        "Ministers endorsed the plan.",
        "Ministers agreed to act, e.g. on finance.",
    ]


def test_decimals_question_marks_and_lower_case_continuations():
    text = "Over 97.5 per cent are MSMEs (approx. three million)! Is that so? Yes, it is."
    assert texts(text) == [
        "Over 97.5 per cent are MSMEs (approx. three million)!",
        "Is that so?",
        "Yes, it is.",
    ]


def test_line_breaks_end_sentences_and_offsets_point_into_the_text():
    text = "  Heading without a stop\n\nFirst sentence here. Second one.  "
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Heading without a stop",
        "First sentence here.",
        "Second one.",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_empty_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []


def test_paragraph_numbers_inside_a_passage_start_sentences():
    text = (
        "Digital Economy 12. Ministers welcomed the roadmap. 13. They agreed to meet again. "
        "Output grew by 5. Ministers noted this."
    )
    assert texts(text) == [
        "Digital Economy",
        "Ministers welcomed the roadmap.",
        "They agreed to meet again.",
        "Output grew by 5.",
        "Ministers noted this.",
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AB.!?\n12()\"'H.E:")), max_size=80))
def test_any_text_splits_into_ordered_sentences_that_point_into_it(text):
    previous_end = 0
    for s in split_sentences(text):
        assert s.text and s.text == s.text.strip()
        assert text[s.start : s.end] == s.text
        assert s.start >= previous_end
        previous_end = s.end
