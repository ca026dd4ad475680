"""Rebuilds re-analyse only documents whose content changed; unusable documents are reported."""

from indexer.crawl.corpus import Corpus, ManifestRecord
from indexer.index.build import build_index
from indexer.search.engine import Engine
from tests.helpers import make_corpus, make_document


def docs(texts: dict[int, str]):
    return [
        make_document(f"https://example.org/d{n}", f"Statement {n}", [t], year=2000 + n)
        for n, t in texts.items()
    ]


def test_unchanged_documents_are_not_reanalysed(tmp_path):
    corpus = make_corpus(
        tmp_path, docs({1: "Export finance for small firms.", 2: "Trade facilitation at borders."})
    )
    index = tmp_path / "index"
    first = build_index(corpus, index)
    assert (first.reanalysed, first.reused) == (2, 0)
    again = build_index(corpus, index)
    assert (again.reanalysed, again.reused, again.removed) == (0, 2, 0)
    assert again.passages == first.passages == 2
    assert Engine(index).search("trade")["total"] == 1


def test_a_changed_document_is_replaced(tmp_path):
    corpus = make_corpus(
        tmp_path, docs({1: "Export finance for small firms.", 2: "Trade facilitation at borders."})
    )
    index = tmp_path / "index"
    build_index(corpus, index)
    make_corpus(tmp_path, docs({2: "Green growth for small firms."}))  # same URL, new body
    summary = build_index(corpus, index)
    assert (summary.reanalysed, summary.reused) == (1, 1)
    engine = Engine(index)
    assert engine.search("facilitation")["total"] == 0
    assert engine.search("green growth")["total"] == 1
    assert engine.stats()["documents"] == 2


def test_a_document_gone_from_the_corpus_is_removed(tmp_path):
    corpus_dir = make_corpus(
        tmp_path, docs({1: "Export finance for small firms.", 2: "Trade facilitation at borders."})
    )
    index = tmp_path / "index"
    build_index(corpus_dir, index)
    Corpus(corpus_dir).append_record(
        ManifestRecord(url="https://example.org/d2", status=404, error="gone")
    )
    summary = build_index(corpus_dir, index)
    assert summary.removed == 1 and summary.documents == 1
    assert Engine(index).search("trade")["total"] == 0


def test_unusable_documents_are_reported_not_indexed(tmp_path):
    empty = make_document("https://example.org/scan.pdf", "Scanned page", ["12", " ", "Page 3"])
    corpus_dir = make_corpus(tmp_path, [*docs({1: "Export finance for small firms."}), empty])
    corpus = Corpus(corpus_dir)
    sha, _ = corpus.write_object([b"%PDF not yet extracted"])
    corpus.append_record(ManifestRecord(url="https://example.org/new.pdf", status=200, sha256=sha))
    summary = build_index(corpus_dir, tmp_path / "index")
    assert summary.documents == 1
    assert summary.skipped["https://example.org/scan.pdf"] == "no usable text"
    # A body extraction cannot read is reported with extraction's reason.
    assert summary.skipped["https://example.org/new.pdf"].startswith("unsupported content type")
    text = "\n".join(summary.lines())
    assert "Skipped 2" in text and "no usable text" in text
