"""Documents without a year (or date) are searched, sorted and counted correctly, in a fresh
index and after an incremental build added a segment in which no document has one."""

from __future__ import annotations

from indexer.index.build import build_index
from indexer.search.engine import Engine
from tests.helpers import make_corpus, make_document, make_index

TEXT = "Ministers launched the zebrafinch fund for small enterprises in the region."


def dated() -> list:
    return [make_document("https://e.org/a", "Dated", [TEXT], year=2001, date="2001-05-01")]


def undated() -> list:
    return [make_document("https://e.org/b", "Undated", [TEXT])]


def check(engine: Engine) -> None:
    found = engine.search("zebrafinch", sort="newest")
    assert found["facets"]["year"] == {"2001": 1, "undated": 1}
    for sort in ("newest", "oldest"):  # undated last either way
        assert [
            (r["title"], r["year"]) for r in engine.search("zebrafinch", sort=sort)["results"]
        ] == [
            ("Dated", 2001),
            ("Undated", None),
        ]
    undated_only = engine.search("zebrafinch", year=(0, 0))
    assert [r["title"] for r in undated_only["results"]] == ["Undated"]
    assert engine.year_counts("zebrafinch") == {
        2001: {"documents": 1, "passages": 1, "mentions": 1}
    }
    assert engine.stats()["documents"] == 2


def test_a_document_without_a_year_is_counted_as_undated_and_sorted_last(tmp_path):
    check(Engine(make_index(tmp_path, dated() + undated())))


def test_a_segment_without_years_does_not_shift_the_others(tmp_path):
    index = make_index(tmp_path, dated())
    make_corpus(tmp_path, undated())
    build_index(tmp_path / "corpus", index)  # incremental: the new document is a new segment
    check(Engine(index))
