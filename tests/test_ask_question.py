"""Question analysis: answer types, content terms, names, years, phrases, synonyms."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.ask.question import ANSWER_TYPES, analyse, question_search, term_key


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Who chaired the 2021 SME ministerial meeting?", "person"),
        ("Under whose chairmanship did ministers meet?", "person"),
        ("When did ministers endorse the strategic plan for 2013-2016?", "date"),
        ("In which year was the roadmap adopted?", "date"),
        ("Where did SME ministers meet in 2019?", "place"),
        ("Which city hosted the meeting?", "place"),
        ("How many economies endorsed the roadmap?", "number"),
        ("What share of businesses in the region are MSMEs?", "share"),
        ("What percentage of jobs do SMEs provide?", "share"),
        ("What did ministers agree on natural disasters?", "other"),
        ("Which agenda did ministers endorse in Lakeside?", "named"),
        ("Which strategic plan did ministers adopt in 2013?", "named"),
        ("What did ministers launch in 2031?", "named"),
        ("What is the name of the guide ministers welcomed?", "named"),
        ("What was the theme of the 2031 meeting?", "theme"),
        ("How often does the SMEWG meet?", "frequency"),
        ("On what dates was the meeting held?", "date"),
    ],
)
def test_answer_type(question, kind):
    assert analyse(question).answer_type == kind


def test_question_words_and_stop_words_are_dropped_names_and_years_kept():
    q = analyse("Who chaired the meeting held in Kota Kinabalu in 2021?")
    assert q.terms == ["chaired", "meeting", "held", "Kota", "Kinabalu", "2021"]
    assert q.names == ["Kota", "Kinabalu"]
    assert q.years == [2021]


def test_a_light_verb_is_not_a_word_the_documents_must_hold():
    assert question_search("how do SMEs get access to finance?") == "SMEs access finance"
    assert question_search("where are small firms going digital?") == "small firms digital"


def test_a_year_range_is_a_name_not_a_year_to_prefer():
    q = analyse("When was the strategic plan for 2013-2016 endorsed in 2012?")
    assert q.years == [2012]
    assert {"2013", "2016"} <= set(q.terms)


def test_quoted_phrases_are_kept_as_phrases():
    q = analyse('What did ministers say about "women-owned businesses"?')
    assert q.phrases == ["women-owned businesses"]
    assert q.phrase_keys == [["woman", "own", "busi"]]  # "women" as its singular


def test_domain_synonyms_share_a_key_and_expand_in_the_query():
    assert term_key("MSMEs") == term_key("SME") == term_key("smes")
    assert term_key("chairmanship") == term_key("chaired") == term_key("chair")
    q = analyse("How many start-ups did MSME ministers support?")
    assert q.query.split() == (
        ["startup", "startups", "sme", "smes", "msme", "msmes", "ministers", "support"]
    )


def test_syntax_characters_never_reach_the_query():
    q = analyse('"(AND OR NOT*?:^~[]{} women')
    assert q.terms == ["women"]
    assert not set(q.query) & set("*?:^~[]{}")


def test_a_long_question_is_bounded():
    q = analyse(" ".join(f"word{i}" for i in range(2000)) + "?")
    assert len(q.term_keys) == 32


def test_a_question_of_only_question_words_has_no_terms():
    assert analyse("Who? What? When?").terms == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_question_gives_a_plain_words_query(text):
    q = analyse(text)
    assert q.answer_type in ANSWER_TYPES
    assert all(word.isalnum() for word in q.query.split())


@pytest.mark.parametrize(
    ("question", "meeting", "body"),
    [
        ("Who chaired the 12th SME ministerial meeting?", 12, "ministerial"),
        ("Where was the inaugural SME Ministerial Meeting held?", 1, "ministerial"),
        ("When was the twenty-first SME ministerial meeting held?", 21, "ministerial"),
        ("Who chaired the 22nd SMEWG meeting?", 22, "working_group"),
        ("When was the SME working group first established?", None, None),
    ],
)
def test_an_ordinal_names_a_meeting_but_no_year(question, meeting, body):
    """The meeting's year comes from the record (tests/test_record_ask.py), not the ordinal."""
    q = analyse(question)
    assert (q.meeting, q.body, q.target_years) == (meeting, body, set())


def test_a_who_question_names_the_role_it_asks_about():
    assert analyse("Who is the president of Atlantis?").role == "president"
    assert analyse("Who presided over the 2031 meeting?").asks_chair
    assert analyse("Who chaired the meeting?").role is None


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("How many SMEWG meetings have there been?", "working_group"),
        ("How many SMEMMs were there?", "ministerial"),
        ("What did the SME ministerial meetings discuss?", "ministerial"),
    ],
)
def test_whose_meetings_a_question_counts(text, body):
    assert analyse(text).body == body
