"""The engine's other views: passages for question answering, documents, related, stats."""

from indexer.search.engine import Engine
from tests.helpers import make_document, make_index
from tests.search_fixtures import engine  # noqa: F401


def test_passages_match_any_word_and_rank(engine):  # noqa: F811
    found = engine.passages("which ministers supported pandemic recovery?", limit=3)
    assert found[0]["title"] == "Chair's Statement on the Digital Economy"
    assert found[0]["page"] == 2 and found[0]["link"].endswith("#page=2")
    assert "pandemic" in found[0]["text"]
    assert [p["score"] for p in found] == sorted((p["score"] for p in found), reverse=True)


def test_passages_year_filter(engine):  # noqa: F811
    found = engine.passages("finance", year=(2010, 2010))
    assert {p["year"] for p in found} == {2010}


def test_document_has_metadata_and_paragraphs(engine):  # noqa: F811
    doc_id = engine.search("pandemic")["results"][0]["id"]
    doc = engine.document(doc_id)
    assert doc["location"] == "Wellington, New Zealand" and doc["year"] == 2021
    assert doc["content_type"] == "pdf" and doc["fetched_at"]
    assert [p["page"] for p in doc["paragraphs"]] == [1, 1, 2]
    assert doc["paragraphs"][2]["link"].endswith("#page=2")


def test_related_finds_other_documents(engine):  # noqa: F811
    doc_id = engine.search("title:gifu")["results"][0]["id"]
    related = engine.related(doc_id)
    assert related and doc_id not in {r["id"] for r in related}


def test_related_documents_come_from_other_years(tmp_path):
    words = ["Credit guarantees and export finance for women-owned small firms."]
    docs = [
        make_document("https://e.org/a", "A", words, year=2020),
        make_document("https://e.org/b", "B", words, year=2020),
        make_document("https://e.org/c", "C", words, year=2018),
    ]
    own = Engine(make_index(tmp_path, docs))
    assert [r["title"] for r in own.related(docs[0].id)] == ["C"]
    own.close()


def test_stats(engine):  # noqa: F811
    stats = engine.stats()
    assert stats["documents"] == 6 and stats["passages"] >= 6
    assert stats["years"] == [2010, 2021]
    assert stats["doc_types"]["declaration"] == 2
    assert stats["last_crawl"].startswith("2026-01-01")


def test_year_counts(engine):  # noqa: F811
    counts = engine.year_counts("finance")
    assert counts[2010]["documents"] == 1
    assert 2016 not in counts
