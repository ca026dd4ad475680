"""Answer spans: the part of a sentence that answers each kind of question."""

import pytest

from indexer.ask.question import analyse, list_count
from indexer.ask.spans import MEDIUM, STRONG, WEAK, find_span, is_person_name, phrase_span


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


def test_where_past_meetings_were_held_is_no_answer():
    sentence = "As host, Lakeside built on the work of past meetings held in Dorado and Borealis."
    assert span("Where was the 40th SME ministerial meeting held?", sentence) is None
    assert span("Where did ministers meet?", "The ministers met in Dorado.") == ("Dorado", STRONG)


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


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("When was the meeting held?", "Ministers met on March 3-4, 2031.", "March 3-4, 2031"),
        ("When was the meeting held?", "Ministers met on 12 - 13 May 2029.", "12 - 13 May 2029"),
        ("When was the meeting held?", "It was held in Lakeside on Oct. 8 and 9.", "Oct. 8 and 9"),
        (
            "How many projects did the group run?",
            "The group ran twenty-three projects.",
            "twenty-three",
        ),
        ("How many projects were approved?", "Officials approved 1,200 projects.", "1,200"),
        (
            "What share of exports do SMEs provide?",
            "SMEs provide 40 per cent or less of exports.",
            "40 per cent or less",
        ),
        (
            "What share of jobs do SMEs provide?",
            "SMEs provide nearly two thirds of jobs.",
            "nearly two thirds",
        ),
        (
            "What share of firms sell online?",
            "About one in five firms sell online.",
            "About one in five",
        ),
        (
            "How often does the group meet?",
            "The group meets twice a year in March.",
            "twice a year",
        ),
    ],
)
def test_dates_numbers_and_shares_as_written(question, sentence, expected):
    assert span(question, sentence)[0] == expected


def test_a_count_of_something_else_is_weaker_than_a_count_of_what_is_asked():
    assert span("How many projects?", "Nine economies ran 12 projects.") == ("12", STRONG)
    assert span("How many projects?", "Nine economies joined.") == ("Nine", MEDIUM)


def test_the_first_bound_of_a_range_of_shares_is_not_a_count():
    found = span("How many members are there?", "Firms employ between 35 and 70 percent.")
    assert found == ("between 35 and 70 percent", WEAK)


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        (
            "Which guide did ministers welcome?",
            "We welcomed Jadeland's proposal for a Flood Preparedness Guide for Small Firms.",
            "Flood Preparedness Guide for Small Firms",
        ),
        (
            "Which plan did ministers adopt?",
            "We adopted the SMEWG Strategic Plan 2033-2036 and asked for reports.",
            "SMEWG Strategic Plan 2033-2036",
        ),
        (
            "What did ministers launch?",
            "Ministers launched the Lakeside Compact.",
            "Lakeside Compact",
        ),
    ],
)
def test_a_named_thing_is_the_capitalised_name_after_the_verb(question, sentence, expected):
    assert span(question, sentence)[0] == expected


def test_a_sentence_without_a_name_names_nothing():
    assert span("Which agenda did ministers endorse?", "Ministers endorsed the agenda.") is None


def test_the_theme_is_the_quoted_words_after_theme():
    sentence = "The theme of the meeting was 'Small Firms, Wide Horizons'."
    assert span("What was the theme?", sentence) == ("Small Firms, Wide Horizons", STRONG)


def test_where_another_forums_meeting_was_held_is_not_the_answer():
    q = "Where was the 2031 SME Ministerial Meeting held?"
    trade = "Ministers Responsible for Trade (MRT) 2031 meeting held in Saltmarsh, Orlenia."
    assert span(q, f"The ministers endorsed it at the APEC {trade}") is None
    csom = "Concluding Senior Officials Meeting (CSOM) held on 13 May 2031 in Dunmore."
    assert span(q, f"Officials endorsed it during the APEC {csom}") is None
    assert span(q, "The SME Ministerial Meeting was held in Rivermouth, Pelagia.") == (
        "Rivermouth, Pelagia",
        STRONG,
    )


def test_a_venue_is_not_where_a_meeting_was_held():
    assert (
        span("Where was the meeting held?", "It was held at the Harbour Convention Centre.") is None
    )


def test_a_place_title_line_is_a_place():
    assert (
        span("Where was the meeting held?", "Lakeside, Atlantis | 7 May 2031")[0]
        == "Lakeside, Atlantis"
    )


def test_the_day_of_a_date_is_not_a_count():
    assert span("How many economies attended?", "Ministers met on 21 September 2017.") is None


def test_a_page_number_before_a_running_header_is_not_a_count():
    header = "42 COMMERCE Atlantis members adopt a harbour plan for small firms."
    assert span("How many small firms are there?", header) is None
    # a count of members written in capitals is still one
    assert span("How many economies met?", "21 APEC economies met in Lakeside.")[0] == "21"


def test_the_chair_of_another_meeting_is_not_the_chair_asked_for():
    def chair(sentence):
        found = find_span(sentence, "chair", set())
        return found.text(sentence) if found else None

    assert chair("Ambassador Lin Wei, Chair of the Senior Officials Meetings, spoke.") is None
    ours = "Hon. Mara Quill, Chair of the 38th APEC SME Ministerial Meeting, opened it."
    assert chair(ours) == "Hon. Mara Quill"


def test_an_economy_is_not_a_persons_name():
    assert not is_person_name("Korea") and not is_person_name("Republic of Korea")
    assert is_person_name("Mr. Tran Van Lam")


def test_the_number_of_a_labelled_part_is_not_a_count():
    question = "How many small firms are there?"
    assert span(question, "This serves work stream 5 of the harbour blueprint.") is None
    assert span(question, "See Annex 3 and paragraph 12 on small firms.") is None
    assert span("How many economies met?", "Under Priority 2, 21 economies met.")[0] == "21"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Chair, Minister Élise Durand, opened the session.", "Minister Élise Durand"),
        ("The SMEWG Chair for 2031 is Dr. Ana Ruiz of Atlantis.", "Dr. Ana Ruiz"),
        ("Delivered by Mr. Kenji Arata, SMEWG Chair", "Mr. Kenji Arata"),
    ],
)
def test_the_chair_named_as_a_noun(sentence, expected):
    assert span("Who chaired the meeting?", sentence) == (expected, STRONG)


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        (
            "The theme of the meeting was “Growing Firms’ Reach in the Island Age”.",
            "Growing Firms’ Reach in the Island Age",
        ),
        (
            "Ministers met under the theme ‘Women’s Ventures Abroad’ in May.",
            "Women’s Ventures Abroad",
        ),
    ],
)
def test_an_apostrophe_inside_a_quoted_theme_is_part_of_it(sentence, theme):
    assert span("What was the theme?", sentence) == (theme, STRONG)


def test_apecs_year_theme_is_weak_beside_the_meetings_own():
    question = "What was the theme of the 2031 SME ministerial meeting?"
    apecs = "It was derived from the umbrella or main APEC 2031 theme of “Growing Together”."
    assert span(question, apecs) == ("Growing Together", WEAK)
    own = "Our APEC SME theme in 2031 is “Small Firms, Wide Horizons”."
    assert span(question, own) == ("Small Firms, Wide Horizons", STRONG)


def test_a_quoted_title_line_is_a_theme():
    found = span("What was the theme?", '"SMALL FIRMS IN AN OPEN REGION"')
    assert found == ("SMALL FIRMS IN AN OPEN REGION", MEDIUM)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Program Director, Mr Luca Ferro, leads the team.",
        "Mr Luca Ferro, Program Director of the SMEWG Secretariat, spoke.",
        "Program Director Luca Ferro said the group would meet twice.",
        "Contact: Luca Ferro (Program Director)",
    ],
)
def test_a_name_next_to_the_asked_title(sentence):
    span = find_span(sentence, "person", {"program", "director", "smewg"}, role="director")
    assert span is not None and span.text(sentence).endswith("Luca Ferro")


@pytest.mark.parametrize(
    ("question", "sentence", "span"),
    [
        (
            "Who is the Executive Director of the APEC Secretariat?",
            "The Executive Director, Dr. Ana Ruiz, spoke.",
            "Dr. Ana Ruiz",
        ),
        (
            "Who is the Prime Minister of Velaria?",
            "We thank the Prime Minister of Velaria, H.E. Andor Vell, and the SMEWG Chair.",
            "H.E. Andor Vell",
        ),
    ],
)
def test_a_role_of_several_words_is_its_last_word(question, sentence, span):
    q = analyse(question)
    found = find_span(sentence, "person", set(q.term_keys), role=q.role)
    assert found is not None and found.text(sentence) == span


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The meeting was chaired by H.E. Dato Sri Dr. Haji Wan Ismail bin Tuan Omar,"
            " Minister of Entrepreneur Development.",
            "H.E. Dato Sri Dr. Haji Wan Ismail bin Tuan Omar",
        ),
        (
            "Chaired by Datuk Seri Dr. Aminah Karim, ministers met online.",
            "Datuk Seri Dr. Aminah Karim",
        ),
        ("It was chaired by Mr. Tan Wei Ming, Minister of State.", "Mr. Tan Wei Ming"),
        (
            "The session was chaired by Engr. Rosa T. Dizon of the Philippines.",
            "Engr. Rosa T. Dizon",
        ),
        ("The meeting was chaired by Rt. Hon. Mere Tawhiri.", "Rt. Hon. Mere Tawhiri"),
    ],
)
def test_a_chair_keeps_every_honorific_and_initial(sentence, expected):
    assert span("Who chaired the meeting?", sentence) == (expected, STRONG)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        (
            "Who is the president of Atlantis?",
            "President Marlow's National Export Initiative doubles the exports of small firms.",
        ),
        ("Who opened the meeting?", "It was opened by the Ministry of Trade and Industry."),
        ("Who chaired the forum?", "The forum was chaired by the Lakeside Business Council."),
    ],
)
def test_a_programme_or_a_body_is_not_a_person(question, sentence):
    assert span(question, sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting was held at the Lakeside Digital Economy Forum.",
        "Ministers met in the Northern Coast Region for two days.",
    ],
)
def test_an_event_or_a_region_is_not_where_a_meeting_was_held(sentence):
    assert span("Where was the meeting held?", sentence) is None


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        (
            "What three issues did the ministers' discussion focus on in 2031?",
            "Their discussion focused on three issues: the policy setting, green growth, and"
            " regional links.",
            ("the policy setting, green growth, and regional links", STRONG),
        ),
        (
            "What are the priority areas for cooperation under the Lakeside Agenda?",
            "Its priority areas include customs procedures, online trade, credit and advisory"
            " services.",
            ("customs procedures, online trade, credit and advisory services", MEDIUM),
        ),
        (
            "What were the two sub-themes of the 2031 meeting?",
            "The sub-themes were Digital Tools for Small Firms and Greener Supply Chains.",
            ("Digital Tools for Small Firms and Greener Supply Chains", STRONG),
        ),
    ],
)
def test_a_list_question_is_answered_with_the_list(question, sentence, expected):
    assert analyse(question).answer_type == "list"
    q = analyse(question)
    found = find_span(sentence, "list", set(q.term_keys), count=list_count(question))
    assert (found.text(sentence), found.strength) == expected


def test_a_sentence_without_a_list_holds_no_list_answer():
    assert find_span("Ministers met in Lakeside and agreed to act.", "list", set()) is None


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        (
            "What were SMEs particularly affected by during the regional crisis?",
            "Ministers noted that SMEs were particularly affected by a credit squeeze during"
            " the regional crisis.",
            "a credit squeeze",
        ),
        (
            "What did ministers agree to promote in 2031?",
            "Ministers agreed to promote greener supply chains for small firms, which cut costs.",
            "greener supply chains for small firms",
        ),
    ],
)
def test_a_what_question_is_answered_with_the_phrase_after_its_words(question, sentence, expected):
    q = analyse(question)
    found = phrase_span(sentence, q.phrase_anchors, q.final_preposition, set(q.term_keys))
    assert (found.text(sentence), found.strength) == (expected, WEAK)


def test_a_phrase_ending_in_a_preposition_is_no_answer():
    # a report's cover line under its title: "... ii Prepared by: <agency>"
    q = analyse("What is the Lakeside Initiative?")
    sentence = "The Assessment Framework for the Lakeside Initiative ii Prepared by: Agency X"
    assert phrase_span(sentence, q.phrase_anchors, q.final_preposition, set(q.term_keys)) is None


def test_a_topic_question_has_no_phrase_to_find():
    assert analyse("What did ministers say about youth enterprise?").phrase_anchors == []


def chair(sentence: str) -> str | None:
    found = find_span(sentence, "chair", set())
    return found.text(sentence) if found else None


def test_who_chaired_is_the_name_after_a_title_not_the_body_after_it():
    # "President <name>, <a body>'s Week ...": the name, never the body that follows.
    sentence = (
        "The SME Ministerial Meeting was chaired by President Ana Ruiz, APEC Economic "
        "Leaders’ Week then included the Finance Ministers’ Meeting."
    )
    assert chair(sentence) == "President Ana Ruiz"
    assert chair("It was chaired by The Honourable Ana Ruiz, Minister.") == (
        "The Honourable Ana Ruiz"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "In addition to the APEC Economic Leaders’ Meeting chaired by President Ana Ruiz, "
        "the week held other meetings.",
        "The Trade Ministers’ Meeting, chaired by Minister Tomas Varga, met on 3 May.",
        "President Ana Ruiz chaired the Leaders’ Meeting in Lakeside.",
        "The week included the APEC Ministerial Meeting co-chaired by Secretary Ana Ruiz.",
    ],
)
def test_who_chaired_another_forums_meeting_is_no_answer_for_the_sme_meeting(sentence):
    assert chair(sentence) is None


def test_when_another_forums_meeting_was_held_is_no_answer_for_the_sme_meeting():
    other = (
        "The week included the Finance Ministers’ Meeting, chaired by Treasury Secretary Ana"
        " Ruiz, November 12-13, and the APEC Ministerial Meeting co-chaired by Secretary Tomas"
        " Varga and Ambassador Lee Kim, November 14-15."
    )
    assert find_span(other, "date", set()) is None
    sme = "The SME Ministerial Meeting, chaired by Minister Ana Ruiz, met on November 12-13."
    found = find_span(sme, "date", set())
    assert found is not None and found.text(sme) == "November 12-13"


def test_a_body_of_leaders_or_ministers_is_not_a_person():
    assert chair("The meeting was chaired by APEC Economic Leaders.") is None
    sme = "The SME Ministerial Meeting was chaired by Ana Ruiz of Atlantis."
    assert chair(sme) == "Ana Ruiz"
    sentence = "The Third APEC Ministerial Meeting on SMEs was chaired by Minister Ana Ruiz."
    assert chair(sentence) == "Minister Ana Ruiz"


@pytest.mark.parametrize(
    "sentence",
    [
        "The SME Ministerial Meeting was held in the Norrvik region of Atlantis in May.",
        "The meeting took place in the Norrvik Province.",
    ],
)
def test_a_region_is_not_where_a_meeting_was(sentence):
    assert find_span(sentence, "place", set()) is None


def test_the_city_before_its_region_is_where_a_meeting_was():
    sentence = "Ministers met in Lakeside, in the Norrvik region."
    found = find_span(sentence, "place", set())
    assert found and found.text(sentence) == "Lakeside"
