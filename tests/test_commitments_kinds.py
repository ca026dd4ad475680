"""Each kind of sentence from issue 13 with its right value: commitments in their adjective,
participle and passive forms, and the shapes that look like commitments but are not."""

import pytest

from indexer.commitments import analyse_sentence, detect
from indexer.commitments.detect import candidate
from indexer.commitments.exclusions import EXCLUDED_KINDS, excluded_kind, is_headline


@pytest.mark.parametrize(
    ("sentence", "verb", "strength", "actor"),
    [
        (
            "At this time we remain committed to deepening cooperation and capacity building.",
            "commit",
            "strong",
            "We",
        ),
        ("We are determined to help small firms recover.", "determined", "strong", "We"),
        ("We stand ready to share our experience.", "stand ready", "strong", "We"),
        ("Ministers agreed to set up a working team.", "agree", "strong", "Ministers"),
        ("Most Ministers agreed on the need for reform.", "agree", "strong", "Ministers"),
        ("It was agreed that the SMEWG would report in 2031.", "agree", "strong", "the meeting"),
        ("It was further decided to hold a policy dialogue.", "decide", "strong", "the meeting"),
        ("The work plan was endorsed by Ministers.", "endorse", "strong", "Ministers"),
        ("The meeting welcomed the report of Atlantis.", "welcome", "weak", "the meeting"),
        ("SME ministers of the 21 APEC economies pledged to act.", "pledge", "strong", "Ministers"),
        ("Member economies are encouraged to share data.", "encourage", "medium",
         "member economies"),
        ("The SMEWG members endorsed the terms of reference.", "endorse", "strong",
         "member economies"),
        ("We undertake to report our progress every year.", "undertake", "strong", "We"),
        ("We aim to double the share of SME exports by 2035.", "intend", "strong", "We"),
        ("Members reviewed progress on the toolkit and agreed to circulate a draft by June.",
         "agree", "strong", "member economies"),
        ("Ministers met in Lima and welcomed the report.", "welcome", "weak", "Ministers"),
        ("Most economies supported the Eastholm Roadmap.", "support", "medium",
         "member economies"),
        ("LAKESIDE, Oct 4 — Small business ministers from across the Asia-Pacific agreed on "
         "Saturday to cut the paperwork.", "agree", "strong", "Ministers"),
        ("Ministers responsible for small and medium enterprises in APEC pledged to help.",
         "pledge", "strong", "Ministers"),
        ("Ministers expressed support for the proposal.", "support", "medium", "Ministers"),
        ("Ministers expressed their commitment to open markets.", "commit", "strong",
         "Ministers"),
        ("APEC Ministers responsible for SMEs today agreed to act.", "agree", "strong",
         "Ministers"),
        ("Ministers responsible for small business from APEC economies agreed in Kestrel Bay "
         "today to work towards digital identities.", "agree", "strong", "Ministers"),
        ("In August 2012, the Ministers, at their 19th Meeting in Saint Petersburg, Russia "
         "endorsed the plan.", "endorse", "strong", "Ministers"),
    ],
)  # fmt: skip
def test_commitment_forms(sentence, verb, strength, actor):
    found = detect(sentence)
    assert found is not None
    assert (found.verb, found.strength, found.actor) == (verb, strength, actor)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The member economies adopted the meeting's agenda.", "procedure"),
        ("Economies agreed to volunteer for the report drafting group.", "procedure"),
        ("It was agreed that the agenda would be adopted as circulated.", "procedure"),
        ("Delegates approved the summary record of the previous meeting.", "procedure"),
        ("Ministers will meet in Lakeside next week to discuss supply chains.", "preview"),
        ("Ministers will gather in Port Meridian on Thursday.", "preview"),
        ("Officials will hold preparatory talks tomorrow.", "preview"),
        ("Registration closes on Friday and delegates will receive badges.", "logistics"),
        ("We look forward to welcoming you to Lakeside in May.", "logistics"),
        ("We will host the last of this year's meetings in our capital.", "logistics"),
        ("Ministers are invited to note the report of the SMEWG Chair.", "procedure"),
        ("Economies are requested to send nominations by 30 April.", "procedure"),
        ("Ministers will be briefed on the outcomes of the dialogue.", "preview"),
        ("Members endorsed the meeting report of the 58th SMEWG meeting.", "procedure"),
        ("Delegates agreed to extend the meeting by thirty minutes.", "procedure"),
        ("Ministers also agreed to meet next year in Port Marlow.", "procedure"),
        ("The Chair opened the meeting and welcomed all delegates.", "procedure"),
        (
            "We, the Ministers responsible for SMEs, gathered in Silverbay and adopted this "
            "Declaration.",
            "procedure",
        ),
        ("Delegates will be taken by bus to the venue each morning.", "logistics"),
        (
            "Draft 2 – Discussion paper (submitted by the SMEWG) – Background – 1 At the 21st "
            "meeting, the SMEWG agreed to review its work.",
            "header",
        ),
    ],
)
def test_what_looks_like_a_commitment_but_is_not(sentence, kind):
    assert detect(sentence) is None
    raw = candidate(sentence)
    assert raw is not None  # it has an actor and a verb: the exclusion rules it out
    assert kind in EXCLUDED_KINDS
    assert excluded_kind(sentence, raw.start, raw.end) == kind


def test_will_discuss_is_a_preview_in_the_news_and_an_undertaking_in_a_statement():
    sentence = "Ministers will also consider a proposal on green finance for small firms."
    assert detect(sentence, "news_release") is None
    assert detect(sentence, "ministerial_statement").verb == "will"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ministers endorsed the project proposal submitted by Atlantis.",
        "Ministers welcomed the discussion paper on MSME finance.",
        "We endorse the draft roadmap and the action plan.",
        "We encourage economies to simplify business registration for start-ups.",
        "We support visa facilitation for SME traders.",
        "We will launch the portal this week.",
        "We welcome digital badges that certify the skills of MSME workers.",
    ],
)
def test_header_and_logistics_words_inside_a_commitment_do_not_exclude_it(sentence):
    assert detect(sentence, "ministerial_statement") is not None


def test_a_group_page_describes_itself_but_reports_what_was_done():
    assert detect("The SMEWG will further promote an enabling environment.", "web_page") is None
    assert detect("The SMEWG is committed to helping SMEs grow.", "web_page") is None
    assert detect("In 2016, SME ministers endorsed the plan.", "web_page").verb == "endorse"
    # a statement typed as a page still speaks as "we"
    assert detect("We endorse the plan.", "web_page").verb == "endorse"


def test_a_plan_describes_the_group_and_says_what_it_will_do():
    sentence = "The SME Working Group supports micro, small and medium enterprises."
    assert detect(sentence, "strategic_plan") is None
    assert detect("Members will share evidence on credit guarantees.", "strategic_plan")


def test_a_hosts_speech_is_not_an_outcome():
    sentence = "We will work with every economy to make this year's meetings a success."
    assert detect(sentence, "speech") is None
    assert detect("Ministers, distinguished guests, welcome to Port Meridian.", "speech") is None
    assert detect("Ministers will agree on a statement tomorrow.", "speech") is None
    assert detect("Ministers agreed to cut red tape.", "speech").verb == "agree"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chair asked economies to volunteer for the report drafting group.",
        "Ministers are expected to endorse a roadmap on digital trade.",
        "The statement will be forwarded to Leaders at their November meeting.",
        "The SMEWG primarily works to encourage the development of SMEs.",
        "The plan we endorsed in 2015 remains relevant.",
        "Ministers could agree on a new plan, officials said.",
        "If ministers agree, the plan will start in 2032.",
    ],
)
def test_without_an_acting_subject_there_is_no_commitment(sentence):
    assert candidate(sentence) is None


@pytest.mark.parametrize(
    "headline",
    [
        "Ministers agree to boost finance for small businesses",
        "SME Ministers Endorse Digital Roadmap",
        "Leaders commit to inclusive growth for MSMEs",
    ],
)
def test_headlines_are_not_commitments(headline):
    assert detect(headline) is not None  # it has an actor and a verb...
    assert is_headline(headline)
    assert analyse_sentence(headline, 2031).detection is None  # ...but is a headline


def test_a_sentence_repeating_the_title_is_a_headline():
    title = "Ministers agreed to expand SME finance."
    assert analyse_sentence(title, 2030, title=title).detection is None
    assert analyse_sentence(title, 2030).detection is not None


@pytest.mark.parametrize(
    ("sentence", "page_year", "year"),
    [
        ("In October 2010, ministers endorsed the group's plan for 2011-2014.", 2015, 2010),
        ("In September 2016, SME ministers endorsed the Strategic Plan for 2017-2020.", 2019, 2016),
        ("On September 5, 2014, ministers welcomed the launch of the network.", 2016, 2014),
        ("At their meeting in Lakeside in August 2012, the Ministers endorsed it.", 2018, 2012),
        ("In 2017, ministers launched the Digital Innovation Forum.", 2021, 2017),
        # present or future: the page's year, whatever year is named
        ("As discussed in Atlantis in 2010, we will continue to work on market access.", 2011,
         2011),
        ("We instruct officials to report on progress in 2028.", 2026, 2026),
        ("We endorse the SMEWG Strategic Plan 2027-2030.", 2026, 2026),
        ("Last year, ministers endorsed the roadmap on digital trade.", 2031, 2030),
        ("Since 2015, the SMEWG has supported women-led firms.", 2031, 2031),
        ("In its 2019 statement, the meeting welcomed the report.", 2022, 2019),
        # a year after the page's own is never the sentence's date
        ("In October 2031, ministers endorsed the plan.", 2030, 2030),
    ],
)  # fmt: skip
def test_a_sentence_that_names_its_date_is_dated_by_it(sentence, page_year, year):
    found = analyse_sentence(sentence, page_year)
    assert found.detection is not None
    assert found.year == year
    assert found.self_dated == (year != page_year)
