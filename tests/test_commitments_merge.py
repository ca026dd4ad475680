"""One record per sentence across pages: snapshots of a group page, the statement itself and
the news reporting it; each record dated by what it says."""

import pytest

from indexer.commitments.merge import merge_records
from indexer.commitments.records import extract_commitments
from indexer.commitments.store import csv_filename, csv_rows, find_commitments
from indexer.index.build import build_index
from indexer.model import doc_id
from tests.helpers import make_corpus, make_document

GROUP_SENTENCE = "In October 2030, ministers endorsed the group's plan for 2031-2034."
STATEMENT_SENTENCE = "We endorse the SMEWG Strategic Plan for 2031-2034 and its four priorities."


GROUP_PAGE = "https://example.org/groups/sme?snapshot=2031"


def group_page(year: int):
    """The group page as archived in `year`: the same history paragraph every year; the
    snapshots are versions of one work (as indexer.record finds them)."""
    return make_document(
        f"https://example.org/groups/sme?snapshot={year}",
        "Small and Medium Enterprises Working Group",
        [
            "The SMEWG works to encourage the development of SMEs in the region.",
            GROUP_SENTENCE,
            f"Last page update: March {year}.",
        ],
        year=year,
        date=f"{year}-03-01",
        doc_type="web_page",
        publisher="APEC",
        work_id=doc_id(GROUP_PAGE),
    )


def docs():
    statement = make_document(
        "https://example.org/sme/2030-statement",
        "2030 SME Ministerial Statement",
        [
            "1. We, the APEC Ministers responsible for SMEs, met in Lakeside, Atlantis.",
            f"2. {STATEMENT_SENTENCE}",
            "3. We agree to expand credit guarantee schemes for micro-enterprises.",
        ],
        year=2030,
        date="2030-10-04",
        doc_type="ministerial_statement",
        publisher="APEC",
    )
    mirror = make_document(  # a copy of the statement: one work with it
        "https://mirror.example.net/docs/2030-sme-statement",
        "APEC SME Ministerial Statement 2030",
        [p.text for p in statement.paragraphs],
        year=2030,
        doc_type="ministerial_statement",
        publisher="Mirror Docs",
        work_id=statement.id,
    )
    news = make_document(
        "https://news.example.com/2030/10/ministers-back-plan",
        "Ministers back new plan for small firms",
        [
            "LAKESIDE, Oct 4 — Ministers back new plan for small firms",
            "Ministers endorsed the SMEWG Strategic Plan for 2031-2034 with its four priorities,"
            " the statement said.",
            "Ministers will meet again in Port Meridian next year.",
        ],
        year=2030,
        date="2030-10-05",
        doc_type="news_article",
        publisher="The Lakeside Herald",
    )
    return [group_page(2033), group_page(2031), group_page(2032), statement, mirror, news]


def records_of(documents):
    return [r for d in documents for r in extract_commitments(d)]


def test_snapshots_of_a_group_page_give_one_record_dated_by_the_sentence():
    merged = merge_records(records_of([group_page(2031), group_page(2032), group_page(2033)]))
    (record,) = merged
    assert record.text == GROUP_SENTENCE
    assert record.year == 2030 and record.self_dated
    # every snapshot is a source, the earliest first, each with the page's own year
    assert [(s["url"][-4:], s["year"]) for s in record.sources] == [
        ("2031", 2031),
        ("2032", 2032),
        ("2033", 2033),
    ]


def test_the_primary_source_comes_first_and_news_is_reported_in():
    merged = merge_records(records_of(docs()))
    by_text = {r.text: r for r in merged}
    endorsed = by_text[STATEMENT_SENTENCE]
    assert endorsed.url == "https://example.org/sme/2030-statement"
    assert [s["url"] for s in endorsed.sources] == [
        "https://example.org/sme/2030-statement",
        "https://mirror.example.net/docs/2030-sme-statement",
    ]
    assert [s["primary"] for s in endorsed.sources] == [True, True]
    (report,) = endorsed.reported_in
    assert report["publisher"] == "The Lakeside Herald"
    assert report["text"].startswith("Ministers endorsed the SMEWG Strategic Plan")
    # the news item's sentence is not a record of its own; its headline and preview never are
    assert not any(r.url.startswith("https://news.") for r in merged)
    assert sorted(by_text) == sorted(
        [
            STATEMENT_SENTENCE,
            "We agree to expand credit guarantee schemes for micro-enterprises.",
            GROUP_SENTENCE,
        ]
    )


def test_a_report_of_another_year_or_outcome_stays_its_own_record():
    statement, news = docs()[3], docs()[5]
    news.year = 2029
    merged = merge_records(records_of([statement, news]))
    (own,) = [r for r in merged if not r.primary]
    assert own.doc_type == "news_article" and own.reported_in == []


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("merge")
    build_index(make_corpus(root, docs()), root / "index")
    return root / "index"


def test_the_index_serves_merged_records(index_dir):
    records = find_commitments(index_dir)
    assert [(r.year, r.text[:20]) for r in records] == [
        (2030, "We endorse the SMEWG"),
        (2030, "We agree to expand c"),
        (2030, "In October 2030, min"),
    ]
    assert len(find_commitments(index_dir, years=(2030, 2030))) == 3
    assert find_commitments(index_dir, years=(2031, 2033)) == []
    rows = csv_rows(find_commitments(index_dir, q="strategic plan"))
    assert rows[0]["sources"] == "https://mirror.example.net/docs/2030-sme-statement"
    assert rows[0]["reported_in"] == "https://news.example.com/2030/10/ministers-back-plan"


@pytest.mark.parametrize(
    ("args", "name"),
    [
        ((None, None, None, None), "apec-commitments.csv"),
        (("access-to-finance", (2010, 2015), None, None),
         "apec-commitments-access-to-finance-2010-2015.csv"),
        ((None, (2016, 2016), "strong", "Digital trade!"),
         "apec-commitments-2016-strong-digital-trade.csv"),
    ],
)  # fmt: skip
def test_csv_filename_says_the_filter(args, name):
    assert csv_filename(*args) == name


def reworded_group_pages():
    """The group page rewrote its history paragraph between two snapshots."""
    first = make_document(
        "https://example.org/groups/sme?snapshot=2033",
        "Small and Medium Enterprises Working Group",
        [
            "In August 2031, the Ministers, at their 38th Meeting in Lakeside, Atlantis endorsed"
            " the SMEWG Strategic Plan for 2032-2035 which set out three priority areas."
        ],
        year=2033,
        doc_type="web_page",
    )
    second = make_document(
        "https://example.org/groups/sme?snapshot=2034",
        "Small and Medium Enterprises Working Group",
        ["In August 2031, SME ministers endorsed the SMEWG Strategic Plan for 2032-2035."],
        year=2034,
        doc_type="web_page",
    )
    return [second, first]


def test_rewordings_of_a_group_page_are_one_record():
    (record,) = merge_records(records_of(reworded_group_pages()))
    assert record.year == 2031
    assert record.url.endswith("snapshot=2033")
    assert [s["url"][-4:] for s in record.reported_in] == ["2034"]


def test_rewordings_report_the_statement_they_come_from():
    statement = make_document(
        "https://example.org/sme/2031-statement",
        "2031 SME Ministerial Statement",
        ["4. We endorse the new SMEWG Strategic Plan for 2032-2035."],
        year=2031,
        doc_type="ministerial_statement",
        publisher="APEC",
    )
    (record,) = merge_records(records_of([*reworded_group_pages(), statement]))
    assert record.url == "https://example.org/sme/2031-statement"
    assert sorted(s["url"][-4:] for s in record.reported_in) == ["2033", "2034"]


def test_the_cli_lists_the_other_sources_and_the_reports(index_dir):
    from click.testing import CliRunner

    from indexer.cli import cli

    result = CliRunner().invoke(
        cli, ["commitments", "--q", "strategic plan", "--index", str(index_dir)]
    )
    assert result.exit_code == 0, result.output
    assert "also on: APEC SME Ministerial Statement 2030" in result.output
    assert "reported in: Ministers back new plan for small firms" in result.output


def test_the_page_shows_one_record_with_its_sources_and_reports(index_dir):
    from webapp import create_app

    client = create_app({"INDEX_DIR": index_dir, "TESTING": True}).test_client()
    html = client.get("/commitments?year=2030").get_data(as_text=True)
    assert html.count("We <mark") == 2 and html.count("In October 2030,") == 1
    assert "Also on:" in html and "Reported in:" in html
    assert "(The Lakeside Herald)" in html
    # the group page's record is marked as coming from a page, not a statement
    assert '<span class="secondary">web page</span>' in html
