"""Each kind of sentence from issue 13 with its right value: commitments in their adjective,
participle and passive forms, and the shapes that look like commitments but are not."""

import pytest

from indexer.commitments import analyse_list_item, analyse_sentence, detect
from indexer.commitments.detect import candidate
from indexer.commitments.exclusions import EXCLUDED_KINDS, excluded_kind, is_headline
from indexer.commitments.records import extract_commitments
from indexer.model import Paragraph
from tests.helpers import make_document


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
        ("We, Westland, are committed to an open, fair and resilient region, including through "
         "the Harbour Plan.", "commit", "strong", "We"),
        ("We, Cedar Bay, as host economy, are committed to act.", "commit", "strong", "We"),
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
        ("Ministers opened the meeting and welcomed all delegates.", "procedure"),
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
        (
            "Over the years, the Kestrel forum has helped small firms trade, officials noted.",
            "attribution",
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
        "SME ministers endorse digital roadmap",
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


# --- the held-out failure kinds (issue 13, second round) ---------------------------------


@pytest.mark.parametrize(
    ("lead_in", "item", "verb", "actor"),
    [
        ("We instruct officials to:", "prepare a guide on export credit for first-time "
         "exporters by 2033;", "instruct", "We"),
        ("Ministers agreed that the SMEWG should:", "• promote peer learning among women "
         "founders;", "agree", "Ministers"),
        ("To this end, we will:", "(c) publish a yearly survey of MSME finance.", "will", "We"),
    ],
)  # fmt: skip
def test_a_list_item_is_read_with_its_lead_in(lead_in, item, verb, actor):
    assert analyse_sentence(item, 2032).detection is None  # alone it has no actor
    found = analyse_list_item(item, lead_in, 2032, "ministerial_statement")
    assert found.detection is not None
    assert (found.detection.verb, found.detection.actor) == (verb, actor)
    assert found.lead_in == lead_in


def test_a_list_item_with_its_own_actor_stands_alone():
    found = analyse_list_item("- Ministers welcomed the survey.", "We instruct officials to:")
    assert found.detection.verb == "welcome" and found.lead_in is None


def test_the_document_pass_reads_list_items_through_the_same_path():
    doc = make_document(
        "https://example.org/sme/2032-statement",
        "2032 SME Ministerial Statement",
        [
            "We will:",
            Paragraph("set up a help desk for small exporters;", kind="li"),
            Paragraph("review the toolkit in 2034.", kind="li"),
        ],
        year=2032,
        doc_type="ministerial_statement",
    )
    records = extract_commitments(doc)
    assert [(r.lead_in, r.text) for r in records] == [
        ("We will:", "set up a help desk for small exporters"),
        ("We will:", "review the toolkit in 2034."),
    ]
    assert {r.verb for r in records} == {"will"}


@pytest.mark.parametrize(
    ("sentence", "doc_type", "page_year", "actor", "year"),
    [
        ("In June 2024, ministers meeting in Northwick endorsed the group's roadmap for "
         "2025-2028.", "web_page", 2029, "Ministers", 2024),
        ("In 2011, the Sub-Group on Rural Enterprises adopted a plan on farm co-operatives.",
         "web_page", 2016, "the SMEWG", 2011),
        ("On 4 April 2027 the SMEWG approved its guide on supplier payments.", "web_page", 2030,
         "the SMEWG", 2027),
        ("Ministers meeting in Eastholm in November 2026 agreed to simplify customs forms.",
         "news_release", 2027, "Ministers", 2026),
        ("In 2022 the SMEWG agreed to run a joint seminar with the trade group.", "web_page",
         2025, "the SMEWG", 2022),
        ("In May 2013, ministers meeting in Port Lorne, Atlantis, welcomed the group's report.",
         "web_page", 2018, "Ministers", 2013),
        ("In 2008 the SMEWG's Sub-Group on Crafts agreed to merge with the main group.",
         "web_page", 2012, "the SMEWG", 2008),
    ],
)  # fmt: skip
def test_a_dated_past_outcome_is_a_commitment_of_its_own_year(
    sentence, doc_type, page_year, actor, year
):
    found = analyse_sentence(sentence, page_year, doc_type=doc_type)
    assert found.detection is not None and found.detection.actor == actor
    assert found.year == year and found.self_dated


def test_a_group_page_describing_itself_is_still_excluded():
    text = "The SMEWG brings together officials to promote the growth of MSMEs."
    assert analyse_sentence(text, 2031, doc_type="web_page").detection is None


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Trade ministers from across the region agreed on Friday to cut paperwork for "
         "small exporters.", "agree"),
        ("Small business ministers from around the Pacific Rim pledged on Sunday to ease "
         "credit for small firms.", "pledge"),
        ("Ministers meeting in Port Lorne called on economies to widen broadband access.",
         "call on"),
        ("SME ministers yesterday endorsed a plan to train young entrepreneurs.", "endorse"),
        ("Ministers from 21 Pacific Rim economies pledged to cut red tape for small firms.",
         "pledge"),
        ("Trade ministers at their meeting in Lakeside agreed to drop tariffs on green goods.",
         "agree"),
        ("Ministers gathered in Lakeside this week agreed to boost financing for start-ups.",
         "agree"),
    ],
)  # fmt: skip
def test_news_reporting_an_outcome_is_a_commitment(sentence, verb):
    found = detect(sentence, "news_article")
    assert found is not None and found.verb == verb and found.actor == "Ministers"


@pytest.mark.parametrize(
    ("sentence", "verb", "actor"),
    [
        ("Through this initiative, participating economies will share data on late payments.",
         "will", "member economies"),
        ("Economies taking part in the initiative undertake to report their progress.",
         "undertake", "member economies"),
        ("The initiative encourages economies to test regulatory sandboxes.", "encourage",
         "the initiative"),
    ],
)  # fmt: skip
def test_an_initiative_commits_its_participants(sentence, verb, actor):
    found = detect(sentence, "initiative")
    assert found is not None and (found.verb, found.actor) == (verb, actor)


def test_only_an_initiative_speaks_for_the_initiative():
    assert detect("The initiative supports economies in building marketplaces.", "web_page") is None


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("We, Northwick, as this year's host, are committed to advancing the Harbour Compact.",
         "commit"),
        ("Over the course of this meeting we have agreed to create a mentoring network.",
         "agree"),
        ("This week, as one region, we have pledged to make starting a business cheaper.",
         "pledge"),
        ("Today, together, we have committed to halving the cost of registering a firm.",
         "commit"),
    ],
)  # fmt: skip
def test_statement_shapes_with_appositions_and_fronted_adverbials(sentence, verb):
    found = detect(sentence, "ministerial_statement")
    assert found is not None and found.verb == verb and found.actor == "We"


@pytest.mark.parametrize(
    ("sentence", "doc_type", "kind"),
    [
        ("Members invited two volunteers to take notes of the discussions.", "meeting_report",
         "procedure"),
        ("Members agreed to convene their next plenary in Silverbay in early 2031.",
         "meeting_report", "procedure"),
        ("We welcomed the presence of guest speakers from the Lakeside Forum.",
         "chairs_statement", "procedure"),
        ("The meeting approved the order of business without amendment.", "meeting_report",
         "procedure"),
        ("The meeting agreed to hold the next SMEWG meeting in Atlantis in September.",
         "meeting_report", "procedure"),
        ("Economies agreed on the timetable for the workshop on 4 May.", "meeting_report",
         "procedure"),
        ("Participants are invited to a harbour dinner on the first evening.", "news_release",
         "logistics"),
        ("We appreciated listening to student entrepreneurs at the side event.",
         "ministerial_statement", "procedure"),
    ],
)  # fmt: skip
def test_the_running_of_the_meeting_is_no_outcome(sentence, doc_type, kind):
    found = candidate(sentence)
    assert found is not None  # an actor and a verb...
    assert excluded_kind(sentence, found.start, found.end, doc_type, found.actor) == kind
    assert detect(sentence, doc_type) is None


def test_a_closing_verb_with_its_object_is_still_a_commitment():
    assert detect("In the end, ministers noted the report.") is not None
    assert detect("Trade barriers must fall, ministers agreed.") is not None
