"""Commitment records written by the index build, queried, grouped and exported."""

import csv
import io
import json

import pytest

from indexer.commitments.store import (
    COMMITMENTS_FILE,
    CSV_COLUMNS,
    CommitmentsMissing,
    counts_by_year,
    csv_rows,
    find_commitments,
    first_year,
    group_by_year,
    write_commitments,
)
from indexer.crawl.corpus import Corpus
from indexer.index.build import build_index, current_generation
from indexer.record import build_record
from indexer.search.csv_export import to_csv
from indexer.search.engine import Engine
from tests.helpers import make_corpus, make_document


def statements():
    return [
        make_document(
            "https://example.org/sme/2014",
            "2014 SME Ministerial Statement",
            [
                "We welcome the work on access to finance for small firms.",
                "Our commitment to MSMEs remains strong.",
            ],
            doc_type="ministerial_statement",
            year=2014,
        ),
        make_document(
            "https://example.org/sme/2018",
            "2018 SME Ministerial Statement",
            [
                "We endorse the roadmap on digitalisation of MSMEs.",
                "We encourage economies to improve access to credit.",
                "The meeting was held in Port Moresby.",
            ],
            doc_type="ministerial_statement",
            year=2018,
        ),
        make_document(
            "https://example.org/sme/2021",
            "=cmd|' /C calc'!A0 2021 SME Ministerial Statement",
            [
                "We instruct officials to:",
                "- develop a digital finance toolkit;",
                '- report on women-led enterprises =HYPERLINK("http://x").',
                "We note with concern the effects of the pandemic.",
            ],
            doc_type="ministerial_statement",
            year=2021,
        ),
    ]


@pytest.fixture
def index_dir(tmp_path):
    corpus = make_corpus(tmp_path, statements())
    build_index(corpus, tmp_path / "index")
    return tmp_path / "index"


def test_build_writes_records_into_the_served_generation(index_dir):
    served = current_generation(index_dir)
    lines = (served / COMMITMENTS_FILE).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6
    assert {json.loads(line)["year"] for line in lines} == {2014, 2018, 2021}


def test_no_filter_lists_every_record_newest_year_first(index_dir):
    records = find_commitments(index_dir)
    assert len(records) == 6
    assert [r.year for r in records] == [2021, 2021, 2021, 2018, 2018, 2014]
    # within a document, reading order
    assert records[0].text == "develop a digital finance toolkit"
    assert records[0].lead_in == "We instruct officials to:"


def test_engine_and_directory_give_the_same_records(index_dir):
    engine = Engine(index_dir)
    try:
        assert find_commitments(engine) == find_commitments(index_dir)
    finally:
        engine.close()


def test_filters(index_dir):
    finance = find_commitments(index_dir, topic="access-to-finance")
    assert [r.year for r in finance] == [2021, 2018, 2014]
    assert [r.verb for r in find_commitments(index_dir, strength="medium")] == ["encourage"]
    assert {r.year for r in find_commitments(index_dir, years=(2015, 2020))} == {2018}
    words = find_commitments(index_dir, q="digital ROADMAP")
    assert [r.text for r in words] == ["We endorse the roadmap on digitalisation of MSMEs."]
    assert find_commitments(index_dir, q="digital", strength="weak") == []
    # words in any form, as search stems them, and in either spelling
    assert [r.text for r in find_commitments(index_dir, q="digitalization roadmaps")] == [
        r.text for r in words
    ]
    assert [r.year for r in find_commitments(index_dir, q="financing")] == [2021, 2014]
    assert find_commitments(index_dir, q="financing roadmap") == []  # every word


def test_bad_filters_are_clear_errors(index_dir):
    with pytest.raises(ValueError, match="Unknown topic 'fish'"):
        find_commitments(index_dir, topic="fish")
    with pytest.raises(ValueError, match="Unknown strength"):
        find_commitments(index_dir, strength="mighty")


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(CommitmentsMissing, match="apec-search index"):
        find_commitments(tmp_path / "nothing")
    engine = Engine(tmp_path / "nothing")
    with pytest.raises(CommitmentsMissing, match="apec-search crawl"):
        find_commitments(engine)


def test_grouping_by_year_and_first_mention(index_dir):
    records = find_commitments(index_dir, topic="access-to-finance")
    groups = group_by_year(records)
    assert [(year, len(items)) for year, items in groups] == [(2021, 1), (2018, 1), (2014, 1)]
    assert first_year(records) == 2014
    assert counts_by_year(find_commitments(index_dir)) == {2014: 1, 2018: 2, 2021: 3}
    assert first_year([]) is None


def test_records_without_a_year_group_last(index_dir):
    records = find_commitments(index_dir)
    undated = records[0].__class__.from_dict(records[0].to_dict() | {"year": None})
    groups = group_by_year([undated, *records])
    assert groups[-1][0] is None and groups[0][0] == 2021


def test_csv_cells_cannot_become_formulas(index_dir):
    text = to_csv(csv_rows(find_commitments(index_dir, years=(2021, 2021))), CSV_COLUMNS)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:6] == ["year", "strength", "verb", "actor", "topics", "text"]
    assert len(rows) == 4
    title = rows[0].index("title")
    assert {row[title] for row in rows[1:]} == {
        "'=cmd|' /C calc'!A0 2021 SME Ministerial Statement"
    }
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    # text inside a cell is left as written
    assert any('=HYPERLINK("http://x")' in row[5] for row in rows[1:])
    # a list item's lead-in has a column of its own beside the item's own text
    assert rows[0][6] == "lead_in"
    assert [row[6] for row in rows[1:3]] == ["We instruct officials to:"] * 2


def test_unchanged_documents_are_not_analysed_again(tmp_path):
    docs = statements()
    first = build_index(make_corpus(tmp_path / "a", docs), tmp_path / "index")
    assert first.commitments == 6
    docs[1].paragraphs[0].text = "We adopt the roadmap on digitalisation of MSMEs."
    corpus = Corpus(make_corpus(tmp_path / "b", docs))
    changed = [corpus.load_document(r.sha256) for r in corpus.current_records()]
    record = build_record(changed)  # as the build places them before their commitments
    changed = [record.apply(doc) for doc in changed]
    out = tmp_path / "next-generation"
    out.mkdir()
    result = write_commitments(out, changed, previous_dir=current_generation(tmp_path / "index"))
    assert (result.analysed, result.reused, result.records) == (1, 2, 6)
    rewritten = [json.loads(x) for x in (out / COMMITMENTS_FILE).read_text().splitlines()]
    assert "adopt" in {r["verb"] for r in rewritten}
    assert "endorse" not in {r["verb"] for r in rewritten}


def test_a_rebuild_reuses_the_previous_generations_records(tmp_path):
    corpus = make_corpus(tmp_path, statements())
    build_index(corpus, tmp_path / "index")
    again = build_index(corpus, tmp_path / "index")
    assert again.commitments == 6
    assert len(find_commitments(tmp_path / "index")) == 6


def test_damaged_previous_records_are_analysed_again(tmp_path):
    docs = statements()
    build_index(make_corpus(tmp_path, docs), tmp_path / "index")
    previous = current_generation(tmp_path / "index")
    (previous / COMMITMENTS_FILE).write_text("not json\n", encoding="utf-8")
    out = tmp_path / "next-generation"
    out.mkdir()
    corpus = Corpus(tmp_path / "corpus")
    current = [corpus.load_document(r.sha256) for r in corpus.current_records()]
    result = write_commitments(out, current, previous_dir=previous)
    assert (result.analysed, result.reused, result.records) == (3, 0, 6)
