"""Each passage is analysed for showing (its sentences, words, folded and stemmed forms) when
the index is built, and a search loads that analysis rather than making it: what is stored
is exactly what ``Analysed.of`` makes of the passage's text, through incremental builds
too, and a damaged or mismatched stored analysis is a clear error, never a wrong snippet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.index import analysis, store
from indexer.index.build import META_FILE, build_index, current_generation
from indexer.index.passage_analysis import Analysed, AnalysisDamaged
from indexer.search.engine import Engine
from indexer.search.generation import IndexDamaged
from tests.helpers import make_corpus, make_document

TEXTS = [
    "",
    "Ministers met in Lakeside. They agreed to support SMEs' access to finance.",
    "中小企業の振興について。デジタル化を進める中小企业。",
    "ธุรกิจขนาดกลางและขนาดย่อม SMEs in Thailand",
    "Trade  and\tinvestment\u00a0in the\n\nregion;   e-commerce \n and U.S. firms",
    'R&D for SMEs <script>alert("x")</script> & the A.P.E.C. "members" isn\'t &amp; &lt;',
    "1. We, the Ministers, welcomed the report. 2. We noted the plan (e.g. Annex A).",
    " ".join(f"word{n} trade finance, growth." for n in range(60)),  # longer than a snippet
    "Trade grew. " * 6000,  # offsets past 65,535: four bytes each
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_stored_analysis_of_a_text_is_its_analysis(text):
    made = Analysed.of(text)
    loaded = Analysed.decode(text, made.encode())
    assert loaded == made
    assert [a.typecode for a in (loaded.starts, loaded.bounds)] == [made.starts.typecode] * 2


def _paragraphs(texts: list[str]) -> list[str]:
    return [t for t in texts if t]


def _stored_analyses(index: Path) -> dict[str, tuple[Analysed, Analysed]]:
    """passage id -> (its analysis as stored, as made now) of every passage record."""
    ix = store.Index(current_generation(index))
    try:
        with ix.reader() as r:
            return {
                f["passage_id"]: (
                    Analysed.decode(f["body"], r.analysis(n)),
                    Analysed.of(f["body"]),
                )
                for n, f in r.stored_docs("passage")
            }
    finally:
        ix.close()


def test_every_passage_of_an_index_holds_its_analysis_across_incremental_builds(tmp_path):
    docs = [
        make_document(f"https://sme.example/{n}", f"Statement {n}", [text, "Closing words."])
        for n, text in enumerate(_paragraphs(TEXTS))
    ]
    corpus = make_corpus(tmp_path, docs)
    build_index(corpus, tmp_path / "index")
    stored = _stored_analyses(tmp_path / "index")
    assert len(stored) >= len(docs)
    assert all(kept == made for kept, made in stored.values())
    # A changed document and a new one go into new segments beside the old records.
    docs[0] = make_document(docs[0].url, "Statement 0", ["Ministers  met again.\tTwice."])
    docs.append(make_document("https://sme.example/new", "New", ["中小企業 & <b>SMEs</b>."]))
    summary = build_index(make_corpus(tmp_path / "again", docs), tmp_path / "index")
    assert summary.reused == len(docs) - 2
    stored = _stored_analyses(tmp_path / "index")
    assert all(kept == made for kept, made in stored.values())
    assert any("Twice" in kept.text for kept, _ in stored.values())


def test_a_damaged_or_mismatched_stored_analysis_is_refused():
    text, other = TEXTS[1], TEXTS[6]
    stored = Analysed.of(text).encode()
    damaged = bytearray(stored)
    damaged[len(stored) // 2] ^= 0xFF
    for bad, why in [
        (b"", "no analysis"),
        (stored[:-3], "checksum"),
        (bytes(damaged), "checksum"),
    ]:
        with pytest.raises(AnalysisDamaged, match=why):
            Analysed.decode(text, bad)
    with pytest.raises(AnalysisDamaged, match="not that of its text"):
        Analysed.decode(other, stored)


def test_a_search_on_a_damaged_stored_analysis_says_the_index_is_damaged(tmp_path):
    text = TEXTS[1]
    corpus = make_corpus(tmp_path, [make_document("https://sme.example/a", "A", [text])])
    build_index(corpus, tmp_path / "index")
    engine = Engine(tmp_path / "index")
    assert "<mark>finance</mark>" in engine.search("finance")["results"][0]["snippet"]
    engine.close()
    stored = Analysed.of(text).encode()
    held = [p for p in current_generation(tmp_path / "index").iterdir() if stored in p.read_bytes()]
    assert len(held) == 1  # the segment's column file
    data = held[0].read_bytes()
    at = data.index(stored) + len(stored) // 2
    held[0].write_bytes(data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :])
    with pytest.raises(IndexDamaged, match=r"stored analysis .*--recreate"):
        Engine(tmp_path / "index").search("finance")


def test_an_index_of_an_older_schema_is_rebuilt_with_the_analyses(tmp_path):
    corpus = make_corpus(tmp_path, [make_document("https://sme.example/a", "A", TEXTS[1:4])])
    build_index(corpus, tmp_path / "index")
    meta_path = current_generation(tmp_path / "index") / META_FILE
    meta = json.loads(meta_path.read_text())
    meta_path.write_text(json.dumps({**meta, "schema_version": analysis.SCHEMA_VERSION - 1}))
    summary = build_index(corpus, tmp_path / "index")
    assert summary.rebuilt_because == "the index schema changed"
    stored = _stored_analyses(tmp_path / "index")
    assert stored and all(kept == made for kept, made in stored.values())
