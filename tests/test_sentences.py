"""Sentence splitting that keeps abbreviations whole."""

from indexer.sentences import split_sentences


def test_splits_at_sentence_ends():
    assert split_sentences("We met in Lima. We agreed to act! Did we? Yes.") == [
        "We met in Lima.",
        "We agreed to act!",
        "Did we?",
        "Yes.",
    ]


def test_keeps_abbreviations_and_initials():
    text = (
        "The meeting was chaired by H.E. Mr. Juan Pérez and Dr. Lee of the U.S. Department. "
        "See Resolution No. 5 and J. Smith's report, e.g. Annex 2. It closed."
    )
    assert split_sentences(text) == [
        "The meeting was chaired by H.E. Mr. Juan Pérez and Dr. Lee of the U.S. Department.",
        "See Resolution No. 5 and J. Smith's report, e.g. Annex 2.",
        "It closed.",
    ]


def test_blank_input():
    assert split_sentences("  \n ") == []


def test_collapses_whitespace_and_keeps_closing_quotes():
    assert split_sentences('They said "go."  Then\nwe went.') == [
        'They said "go."',
        "Then we went.",
    ]
