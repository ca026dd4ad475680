"""Topic tagging with the lexicon in indexer/topics.py."""

import pytest

from indexer.commitments.topics import TOPICS, topic_label, topics_of


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("improve SME access to finance and credit", "access-to-finance"),
        ("support the digitalization of micro enterprises", "digitalisation"),
        ("cross-border e-commerce platforms", "digitalisation"),
        ("women-owned businesses", "women-and-inclusion"),
        ("gender equality and inclusive growth", "women-and-inclusion"),
        ("start-ups and young entrepreneurs", "startups-and-entrepreneurship"),
        ("integrate MSMEs into global value chains", "international-markets"),
        ("the Bio-Circular-Green (BCG) Economy model", "green-bcg"),
        ("move firms from the informal economy", "informal-economy"),
        ("business continuity plans for natural disasters", "disaster-resilience"),
        ("collect sex-disaggregated data and statistics", "data"),
        ("foster innovation and R&D", "innovation"),
    ],
)
def test_topic_is_found(text, slug):
    assert slug in topics_of(text)


def test_unrelated_text_has_no_topic():
    assert topics_of("The meeting was held in Lima and chaired by the Minister.") == []


def test_words_must_start_at_a_word_boundary():
    # "data" must not fire inside "accommodate", nor "green" inside "agreement".
    assert topics_of("We reached an agreement to accommodate them.") == []


def test_several_topics_in_lexicon_order():
    assert topics_of("Innovation and access to finance for women") == [
        "access-to-finance",
        "women-and-inclusion",
        "innovation",
    ]


def test_slugs_are_unique_and_labelled():
    slugs = [t.slug for t in TOPICS]
    assert len(slugs) == len(set(slugs)) == 10
    assert topic_label("green-bcg").startswith("Green")
    assert topic_label("unknown") == "unknown"
