"""Commitments a reader can cite: verbs that are verbs, no procedure or previews, statements
first, reports listed under what they report, each record dated by what it says."""

import pytest

from indexer.commitments import analyse_sentence, detect, extract_commitments
from indexer.commitments.detect import candidate
from indexer.commitments.merge import merge_records
from indexer.commitments.store import find_commitments
from indexer.index.build import build_index
from indexer.model import Paragraph
from tests.helpers import make_corpus, make_document

PLAN = "We endorse the SMEWG Strategic Plan for 2041-2044 and its three priority areas."


def test_a_noun_is_not_read_as_the_verb():
    chaired = (
        "The meeting was chaired by Ms Ana Lopez, Head of Business Development and Support at"
        " the Ministry of Trade of Westland."
    )
    assert detect(chaired, "meeting_report") is None
    assert detect("We support the development of MSME export networks.").verb == "support"
    assert detect("Ministers noted the plan and Support Office budget.").verb == "note"


@pytest.mark.parametrize(
    ("sentence", "doc_type"),
    [
        ("The Chair invited members to join the Drafting Committee.", "meeting_report"),
        ("The members invited economies to join the Summary Report Drafting Committee.",
         "meeting_report"),
        ("We agreed that incorporating the views of the business sector enriched our discussion.",
         "ministerial_statement"),
        ("The meeting aims to foster dialogue among small business ministers.", "other"),
        ("The meeting will also include a session on cross-border e-commerce.", "other"),
        ("The meeting will also include a session on cross-border e-commerce.",
         "ministerial_statement"),
    ],
)  # fmt: skip
def test_procedure_and_previews_are_out(sentence, doc_type):
    assert detect(sentence, doc_type) is None


@pytest.mark.parametrize("doc_type", ["meeting_report", "ministerial_statement", None])
def test_the_chair_speaks_for_the_meeting_only_in_a_chairs_statement(doc_type):
    sentence = "The Chair welcomed the active participation of all economies."
    assert detect(sentence, "chairs_statement").verb == "welcome"
    assert detect(sentence, doc_type) is None
    assert detect("The Chair opened the meeting and welcomed all delegates.", doc_type) is None


def test_the_meeting_speaks_of_its_outcome_in_the_past():
    assert detect("The meeting agreed to set up a digital trade desk.").verb == "agree"
    assert candidate("The meeting aims to set up a digital trade desk.") is not None


def news_item(*paragraphs, url="https://news.example.com/2040/ministers-act", year=2040):
    return make_document(
        url,
        "Ministers act for small firms",
        list(paragraphs),
        year=year,
        doc_type="news_article",
        publisher="The Westland Post",
    )


def test_a_news_summarys_bullet_list_is_no_record_of_its_own_only_a_report():
    items = ("cut the cost of registering a business;", "open public tenders to small firms.")
    news = news_item("Ministers agreed to:", *(Paragraph(i, kind="li") for i in items))
    texts = [("cut the cost of registering a business", "Ministers agreed to:")]
    texts.append(("open public tenders to small firms.", "Ministers agreed to:"))
    # the lead-in is context, never a record by itself; the bullets quote the statement's
    assert merge_records(extract_commitments(news)) == []
    statement = make_document(
        "https://example.org/sme/2040-statement",
        "2040 SME Ministerial Statement",
        ["We agree to:", *(Paragraph(i, kind="li") for i in items)],
        year=2040,
        doc_type="ministerial_statement",
    )
    records = merge_records(extract_commitments(statement) + extract_commitments(news))
    assert [(r.text, r.lead_in, r.primary) for r in records] == [
        (text, "We agree to:", True) for text, _ in texts
    ]
    assert all([s["url"] for s in r.reported_in] == [news.canonical_url] for r in records)


def test_a_news_items_own_announcements_are_no_commitments():
    news = news_item(
        "Ministers will discuss digital trade at the meeting next week.",
        "We will be coordinating with the next host on a workshop, the minister said.",
        "In 2039, ministers endorsed a roadmap on e-invoicing for small firms.",
    )
    assert [r.text for r in merge_records(extract_commitments(news))] == [
        "In 2039, ministers endorsed a roadmap on e-invoicing for small firms."
    ]


def test_a_statement_sentence_reprinted_in_the_news_is_one_record_reported_in_the_news():
    statement = make_document(
        "https://example.org/sme/2040-statement",
        "2040 SME Ministerial Statement",
        [f"5. {PLAN}", "6. We agree to expand credit guarantees for micro-enterprises."],
        year=2040,
        doc_type="ministerial_statement",
        publisher="APEC",
    )
    reprint = news_item("The statement said:", PLAN, "Ministers met for two days.")
    (record, *others) = [
        r
        for r in merge_records(extract_commitments(statement) + extract_commitments(reprint))
        if r.text == PLAN
    ]
    assert others == []
    assert [s["url"] for s in record.sources] == [statement.canonical_url]
    assert [(r["url"], r["text"]) for r in record.reported_in] == [(reprint.canonical_url, PLAN)]


def _group_page_recalling_a_plan():
    """A group page whose two sentences recall one outcome, each in its own words."""
    return make_document(
        "https://example.org/groups/sme",
        "Small and Medium Enterprises Working Group",
        [
            "In October 2040, SME ministers endorsed the SMEWG Strategic Plan for 2041-2044.",
            "In October 2040, ministers also endorsed the priorities of the SMEWG Strategic Plan"
            " for 2041-2044.",
        ],
        year=2043,
        doc_type="web_page",
    )


def test_reported_in_never_lists_the_records_own_page():
    records = merge_records(extract_commitments(_group_page_recalling_a_plan()))
    assert all(r.reported_in == [] for r in records)


def test_a_sentence_filed_under_the_year_it_names():
    page = make_document(
        "https://example.org/groups/sme",
        "Small and Medium Enterprises Working Group",
        [
            "In August 2012, the SME Ministers endorsed the SMEWG Strategic Plan for 2013-2016"
            " with its priority areas for action.",
            "In August 2016, the SME Ministers endorsed the SMEWG Strategic Plan for 2017-2020"
            " with the following priority areas for action:",
            Paragraph("access to finance;", kind="li"),
            Paragraph("access to markets.", kind="li"),
        ],
        year=2018,
        doc_type="web_page",
    )
    listed = merge_records(extract_commitments(page))
    (record, *items) = sorted(listed, key=lambda r: r.position)
    assert record.text.startswith("In August 2012,")
    assert (record.year, record.self_dated) == (2012, True)
    # a list's items are filed under their lead-in's year, the lead-in kept apart
    assert [(i.text, i.lead_in[:14], i.year) for i in items] == [
        ("access to finance", "In August 2016", 2016),
        ("access to markets.", "In August 2016", 2016),
    ]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("citable")
    old = make_document(  # an old statement page, titled only with its year and meeting
        "https://example.org/sme/1997_sme",
        "1997 APEC Small and Medium Enterprises Ministerial Meeting",
        [
            "The Fourth APEC Ministerial Meeting on SMEs was held in Westport, Westland on"
            " 8-9 September 1997.",
            "Ministers agreed that SME growth would be stimulated by:",
            Paragraph("reducing red tape for new businesses;", kind="li"),
            Paragraph("encouraging e-commerce and online transactions.", kind="li"),
            "Ministers endorsed the framework for SME cooperation.",
        ],
        year=1997,
        doc_type="ministerial_statement",
        publisher="APEC",
    )
    reprint = news_item(
        "Ministers endorsed the framework for SME cooperation.",
        "The ministers met in Westport.",
        url="https://news.example.com/1997/ministers-framework",
        year=1997,
    )
    build_index(make_corpus(root, [old, reprint]), root / "index")
    return root / "index"


def test_an_old_statement_yields_its_commitments_verbatim(index_dir):
    records = find_commitments(index_dir)
    assert [(r.lead_in, r.text, r.year) for r in records] == [
        (
            "Ministers agreed that SME growth would be stimulated by:",
            "reducing red tape for new businesses",
            1997,
        ),
        (
            "Ministers agreed that SME growth would be stimulated by:",
            "encouraging e-commerce and online transactions.",
            1997,
        ),
        (None, "Ministers endorsed the framework for SME cooperation.", 1997),
    ]
    assert [r["url"] for r in records[2].reported_in] == [
        "https://news.example.com/1997/ministers-framework"
    ]


def test_a_record_without_any_date_says_why():
    page = make_document(
        "https://news.example.com/undated",
        "Ministers act for small firms",
        ["Ministers endorsed a roadmap on e-invoicing for small firms."],
        doc_type="news_article",
    )
    (record,) = merge_records(extract_commitments(page))
    assert record.year is None
    assert "states a date" in record.undated and "no meeting" in record.undated


def test_an_undated_copy_takes_the_date_of_its_work():
    dated, undated = (
        make_document(
            f"https://example.org/sme/2038{suffix}",
            "2038 SME Ministerial Statement",
            ["We agree to open public tenders to small firms."],
            doc_type="ministerial_statement",
            work_id="w2038",
            **fields,
        )
        for suffix, fields in (("", {"year": 2038}), ("-copy", {}))
    )
    (record,) = merge_records(extract_commitments(undated) + extract_commitments(dated))
    assert (record.year, record.undated) == (2038, None)


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("APEC members further pledged to lift the management skills of small firms.",
         "member economies"),
        ("Ministers and business representatives welcomed the dialogue on SME finance.",
         "Ministers"),
        ("Ministers and business freely acknowledged their joint responsibilities.", "Ministers"),
        ("Both sides recognised the value of meeting together.", "the meeting"),
        ("APEC Small and Medium Enterprises (SMEs) Ministers have launched an action plan.",
         "Ministers"),
        ("It has been requested that the working group report on its plan next year.",
         "the meeting"),
        ("At a practical level Ministers agreed that SME growth would be stimulated by:",
         "Ministers"),
        ("The Action Plan as proposed by the Sub-Group and subsequently endorsed by the"
         " Ministers is wide-ranging.", "Ministers"),
    ],
)  # fmt: skip
def test_the_actors_of_old_statements(sentence, actor):
    assert detect(sentence, "ministerial_statement").actor == actor


def test_a_sentence_naming_its_meeting_is_filed_under_the_meetings_year(tmp_path):
    statement = make_document(
        "https://example.org/sme/2032_sme",
        "2032 APEC Small and Medium Enterprises Ministerial Meeting",
        [
            "We met in Lakeside, Atlantis on 4 May 2032 for the 39th APEC SME Ministerial Meeting.",
            "We agree to expand credit guarantees for micro-enterprises.",
        ],
        year=2032,
        doc_type="ministerial_statement",
        publisher="APEC",
    )
    group = make_document(
        "https://example.org/groups/sme",
        "Small and Medium Enterprises Working Group",
        [
            "The SMEWG works to encourage the development of SMEs in the region.",
            "At their 39th Meeting, SME ministers endorsed the group's plan for open tenders.",
        ],
        year=2035,
        doc_type="web_page",
    )
    build_index(make_corpus(tmp_path, [statement, group]), tmp_path / "index")
    (record,) = find_commitments(tmp_path / "index", q="open tenders")
    assert (record.year, record.self_dated) == (2032, True)


def test_they_acts_only_as_the_actor_of_the_sentence_before():
    doc = make_document(
        "https://example.org/sme/2036-statement",
        "2036 SME Ministerial Statement",
        [
            "Ministers concurred that small firms drive growth. Within this context, they"
            " reaffirmed their commitment to open markets.",
            "SMEs face many barriers. They adopted digital tools quickly during the pandemic.",
        ],
        year=2036,
        doc_type="ministerial_statement",
    )
    records = extract_commitments(doc)
    assert [(r.actor, r.verb) for r in records] == [
        ("Ministers", "concur"),
        ("Ministers", "commit"),
    ]
    # read alone, "they" could be anyone
    assert analyse_sentence("They adopted digital tools quickly.", 2036).detection is None


def test_two_sentences_of_one_page_on_one_outcome_stay_two_records():
    records = merge_records(extract_commitments(_group_page_recalling_a_plan()))
    assert len(records) == 2 and all(len(r.sources) == 1 for r in records)


def test_a_founding_year_never_dates_the_outcome():
    sentence = (
        "Ministers welcomed the plan of the Kestrel Council, founded in 2031 by five economies."
    )
    found = analyse_sentence(sentence, 2040, doc_type="news_article")
    assert (found.year, found.self_dated) == (2040, False)
    # a year that does date the outcome still does
    dated = analyse_sentence("In 2031, ministers welcomed the plan.", 2040, doc_type="news_article")
    assert (dated.year, dated.self_dated) == (2031, True)


def test_a_retrospective_articles_quotes_are_dated_by_the_meeting_it_names_never_by_itself():
    article = make_document(
        "https://blog.example.net/then-and-now",
        "2039 to 2045: small firms then and now",
        [
            "At the Sixth Ministerial Meeting (Harbourton, Westland, Sept 3-4, 2039) we youth"
            " delegates were proud. Ministers welcomed the proposals of young entrepreneurs."
            " Ministers directed officials to assist youth associations.",
            "Looking back, much has changed since then.",
            "Ministers welcomed the progress made in cutting tariffs for small firms.",
            "At the 7th SME Ministerial Meeting, Ministers endorsed a guide to export credit.",
        ],
        year=2045,
        doc_type="other",
    )
    records = merge_records(extract_commitments(article, meeting_years={7: 2040}))
    dated = {r.text: (r.year, r.self_dated) for r in records}
    assert dated["Ministers welcomed the proposals of young entrepreneurs."] == (2039, False)
    assert dated["Ministers directed officials to assist youth associations."] == (2039, False)
    assert dated[
        "At the 7th SME Ministerial Meeting, Ministers endorsed a guide to export credit."
    ] == (2040, True)
    # the article does not say where this one was decided: undated, saying why
    (elsewhere,) = [r for r in records if r.text.startswith("Ministers welcomed the progress")]
    assert elsewhere.year is None
    assert "2045" in elsewhere.undated and "2039" in elsewhere.undated


def test_a_copy_recalling_an_earlier_meeting_never_redates_the_statements_sentence():
    text = [
        "3. Building on the areas identified at their first meeting, Ministers set programs."
        " An Action Program was endorsed by Ministers."
    ]
    statement = make_document(
        "https://example.org/sme/2041-statement",
        "2041 SME Ministerial Statement",
        text,
        year=2041,
        doc_type="ministerial_statement",
    )
    copy = make_document("https://mirror.example.net/2041", "", text, year=2041, doc_type="other")
    records = extract_commitments(statement) + extract_commitments(copy, {1: 2040})
    (record,) = merge_records(records)
    assert (record.year, record.url) == (2041, statement.canonical_url)
