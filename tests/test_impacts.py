"""Impacts: every title and body term's passages and BM25F scores, written with each index
generation. They are exactly what Whoosh scores, survive an incremental build (the scores of
a generation are its own), and a generation whose impact files are missing or cut short is
searched through Whoosh with the same answers, as is one whose impact files were written for
other contents of the index (an older build adding documents to a copy keeps them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from whoosh import query

from indexer.index import queries, store
from indexer.index.build import CURRENT, build_index
from indexer.index.impacts import FILES, IDS_FILE, SCORES_FILE, TABLE_FILE, Impacts
from indexer.search.engine import Engine
from tests.helpers import make_corpus, make_document, make_index
from tests.search_fixtures import sample_docs

QUERIES = ["trade finance", "women-owned enterprise", "digital", "finance -women", "SMEs 2019"]


def _generation(index_dir: Path) -> Path:
    return index_dir / os.readlink(index_dir / CURRENT)


def _open(gen: Path) -> Impacts | None:
    ix = store.Index(gen)
    try:
        return Impacts.open(gen, ix.signature())
    finally:
        ix.close()


def _untimed(found: dict) -> dict:
    return {k: v for k, v in found.items() if k != "elapsed_ms"}


def _assert_exact(gen: Path) -> int:
    """Every term's impacts equal Whoosh's scores; returns how many terms were checked."""
    impacts = _open(gen)
    assert impacts is not None
    checked = 0
    ix = store.Index(gen)
    try:
        with ix.reader() as r:
            for fieldname in queries.SEARCH_FIELDS:
                for btext, _ in r.searcher.reader().iter_field(fieldname):
                    term = btext.decode()
                    one = query.Term(fieldname, term)
                    both = query.Or([query.Term("title", term), query.Term("body", term)])
                    two = query.Or([query.Term("title", term), query.Term("body", "trade")])
                    for q in (one, both, two):
                        found = impacts.matches(q)
                        assert found is not None
                        ids, values, ranked = found
                        assert list(ids) == sorted(set(ids.tolist())), q  # ascending, once
                        scores = dict(zip(ids.tolist(), values.tolist(), strict=True))
                        assert scores == queries.scores(r, q), q
                        best = sorted(scores, key=lambda n: (-scores[n], n))
                        assert ranked is None or list(ranked) == best
                    checked += 1
    finally:
        ix.close()
    return checked


def test_every_terms_impacts_are_whooshs_scores(tmp_path: Path):
    index = make_index(tmp_path, sample_docs())
    assert _assert_exact(_generation(index)) > 100


def test_an_incremental_build_writes_the_new_generations_own_impacts(tmp_path: Path):
    docs = sample_docs()
    corpus = make_corpus(tmp_path, docs)
    build_index(corpus, tmp_path / "index")
    more = make_document(
        "https://sme.example/new-statement",
        "Statement on Finance for Small Enterprises",
        ["Ministers welcomed trade finance for women-owned small enterprises."],
        year=2024,
    )
    build_index(make_corpus(tmp_path, [*docs, more]), tmp_path / "index")  # adds one
    _assert_exact(_generation(tmp_path / "index"))


def test_other_queries_are_not_read_from_impacts(tmp_path: Path):
    impacts = _open(_generation(make_index(tmp_path, sample_docs())))
    assert impacts is not None
    three = query.Or(
        [query.Term("title", "trade"), query.Term("body", "trade"), query.Term("body", "x")]
    )
    for q in (
        query.Term("exact", "trade"),
        query.Term("body", "trade", boost=2.0),
        query.Or([query.Term("title", "trade"), query.Term("body", "trade")], boost=2.0),
        three,
        query.And([query.Term("title", "trade"), query.Term("body", "trade")]),
        query.Term("doc_type", "statement"),
    ):
        assert impacts.matches(q) is None, q


@pytest.mark.parametrize("damage", ["missing", "cut short", "bad table"])
def test_a_generation_without_usable_impacts_answers_the_same(tmp_path: Path, damage: str):
    index = make_index(tmp_path, sample_docs())
    expected = [_untimed(Engine(index).search(q)) for q in QUERIES]
    gen = _generation(index)
    if damage == "missing":
        (gen / SCORES_FILE).unlink()
    elif damage == "cut short":
        data = (gen / IDS_FILE).read_bytes()
        (gen / IDS_FILE).write_bytes(data[: len(data) // 2])
    else:
        (gen / TABLE_FILE).write_text("{not json")
    assert _open(gen) is None
    assert [_untimed(Engine(index).search(q)) for q in QUERIES] == expected
    assert any(f["total"] for f in expected)


def test_impacts_written_for_other_contents_are_not_used(tmp_path: Path):
    docs = sample_docs()
    build_index(make_corpus(tmp_path, docs), tmp_path / "index")
    old = {name: (_generation(tmp_path / "index") / name).read_bytes() for name in FILES}
    more = make_document(
        "https://sme.example/new-statement",
        "Statement on Finance for Small Enterprises",
        ["Ministers welcomed trade finance for women-owned small enterprises."],
        year=2024,
    )
    build_index(make_corpus(tmp_path, [*docs, more]), tmp_path / "index")
    gen = _generation(tmp_path / "index")
    expected = [_untimed(Engine(tmp_path / "index").search(q)) for q in QUERIES]
    for name, data in old.items():
        (gen / name).write_bytes(data)  # the previous generation's, as an older build leaves
    assert _open(gen) is None
    assert [_untimed(Engine(tmp_path / "index").search(q)) for q in QUERIES] == expected
