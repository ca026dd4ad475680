"""Topic tagging with the lexicon in indexer/commitments/topics.py: terms and excluded contexts."""

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


@pytest.mark.parametrize(
    "text",
    [
        "Ministers agreed on the importance of financing SMEs.",
        "We will improve access to credit for micro-enterprises.",
        "Economies shared experience of SME financing and credit guarantees.",
        "making financial and capital markets more accessible to SMEs",
        "microcredit and microfinance for rural households",
        "venture capital and crowdfunding for start-ups",
        "expand bank lending to small firms",
        "Financing for business expansion and capability development",
        "five themes: skills, technology, finance, market access and information",
    ],
)
def test_access_to_finance_in_its_phrasings(text):
    assert "access-to-finance" in topics_of(text)


@pytest.mark.parametrize(
    ("text", "not_slug"),
    [
        ("We welcome the outcomes of the Finance Ministers' Meeting.", "access-to-finance"),
        ("The Minister of Finance of Atlantis attended.", "access-to-finance"),
        ("We will report to Finance and Central Bank Deputies.", "access-to-finance"),
        ("Firms weathered the downturn and stayed resilient.", "disaster-resilience"),
        ("Trade picked up during the recovery of demand.", "disaster-resilience"),
        ("a clear and predictable regulatory framework", "green-bcg"),
        ("microcredit as a tool for sustainable development", "green-bcg"),
        ("an enabling business environment for SMEs", "green-bcg"),
        ("We will report to the Ministers Responsible for Trade.", "international-markets"),
        ("The Women Leaders' Network attended as a guest.", "women-and-inclusion"),
    ],
)
def test_a_lone_word_or_a_name_is_not_the_topic(text, not_slug):
    assert not_slug not in topics_of(text)


def test_an_excluded_context_hides_only_its_own_match():
    text = "Finance Ministers' Meeting outcomes on access to credit for SMEs"
    assert "access-to-finance" in topics_of(text)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("help small firms recover from natural disasters", "disaster-resilience"),
        ("resilience to shocks and the COVID-19 pandemic", "disaster-resilience"),
        ("green growth and climate change", "green-bcg"),
        ("low-carbon and energy-efficient production", "green-bcg"),
        ("the Strategy for Green, Sustainable and Innovative MSMEs", "green-bcg"),
        ("ways of going green for small firms", "green-bcg"),
        ("successful green companies sharing a green business model", "green-bcg"),
    ],
)
def test_multi_word_terms_tag_their_topic(text, slug):
    assert slug in topics_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "We value the views of supply chain experts, finance specialists and academia.",
        "Future proposals must consider the existing financial resources of APEC.",
    ],
)
def test_people_in_finance_and_apecs_own_budget_are_not_access_to_finance(text):
    assert "access-to-finance" not in topics_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "We will widen access to financial resources for micro-enterprises.",
        "Economies provide financial resources to small firms hit by the floods.",
    ],
)
def test_financial_resources_reaching_firms_are_access_to_finance(text):
    assert "access-to-finance" in topics_of(text)
