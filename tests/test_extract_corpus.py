"""extract.py: dispatch, the Document it builds from a manifest record, and a corpus pass."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pytest

from indexer import extract as ex
from indexer.crawl.corpus import Corpus, ManifestRecord
from indexer.errors import ExtractionError, UnsupportedContent
from indexer.extract import extract_bytes, extract_corpus, extract_record, sniff_kind
from indexer.index.build import build_index
from indexer.search.engine import Engine
from tests import pages, pdfs

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


def store(
    corpus: Corpus, url: str, body: bytes, content_type: str | None, **extra
) -> ManifestRecord:
    sha, size = corpus.write_object([body])
    record = ManifestRecord(
        url=url,
        final_url=extra.pop("final_url", url),
        status=200,
        content_type=content_type,
        sha256=sha,
        size=size,
        fetched_at="2026-11-27T10:00:00Z",
        **extra,
    )
    corpus.append_record(record)
    return record


@pytest.mark.parametrize(
    ("body", "content_type", "kind"),
    [
        (b"%PDF-1.7 ...", "application/octet-stream", "pdf"),  # magic bytes win
        (b"%PDF-1.7 ...", None, "pdf"),
        (b"<html><body>x</body></html>", "application/pdf", "pdf"),  # then fails as not a PDF
        (b"\xef\xbb\xbf<!DOCTYPE html><html></html>", None, "html"),
        (b"<p>hello</p>", "text/plain", "html"),
        (b"anything", "text/html; charset=utf-8", "html"),
        (b"anything", "application/xhtml+xml", "html"),
    ],
)
def test_sniff_kind(body, content_type, kind):
    assert sniff_kind(body, content_type) == kind


@pytest.mark.parametrize(("body", "content_type"), [(PNG, "image/png"), (b"plain words", None)])
def test_other_content_is_unsupported(body, content_type):
    with pytest.raises(UnsupportedContent):
        sniff_kind(body, content_type)


def test_extract_bytes_builds_a_document_with_metadata():
    body = pages.modern_cms_page(canonical=pages.STATEMENT_CANONICAL).encode()
    doc = extract_bytes(body, "https://www.example.org/meeting-papers/sme/2013_sme", "text/html")
    assert doc.sha256 == hashlib.sha256(body).hexdigest()
    assert doc.content_type == "html"
    assert doc.canonical_url == "https://www.example.org/meeting-papers/2013_sme"
    assert (doc.year, doc.meeting_number, doc.location) == (2013, 27, "Wellington, New Zealand")
    assert doc.doc_type == "ministerial_statement"
    assert doc.extractor_version == ex.EXTRACTOR_VERSION


def test_extract_bytes_on_a_pdf_keeps_page_numbers():
    doc = extract_bytes(pdfs.plan_pdf(pages=2), "https://x.org/docs/plan.pdf", "application/pdf")
    assert doc.content_type == "pdf" and doc.doc_type == "strategic_plan"
    assert {p.page for p in doc.paragraphs} == {1, 2}


def test_record_urls_and_canonical_precedence(tmp_path):
    corpus = Corpus(tmp_path)
    declared = store(
        corpus,
        "http://old.example.org/2013_SME.aspx",
        pages.modern_cms_page(canonical=pages.STATEMENT_CANONICAL).encode(),
        "text/html",
        final_url="https://www.example.org/sme/2013_sme",
        canonical_url="https://manifest.example.org/x",
    )
    doc = extract_record(corpus, declared)
    assert doc.url == "http://old.example.org/2013_SME.aspx"
    assert doc.final_url == "https://www.example.org/sme/2013_sme"
    assert doc.canonical_url == "https://www.example.org/meeting-papers/2013_sme"  # page wins
    assert doc.fetched_at == "2026-11-27T10:00:00Z"

    table = pages.table_layout_page().encode("iso-8859-1")
    with_manifest = store(
        corpus, "https://a.org/t", table, "text/html", canonical_url="https://a.org/canonical"
    )
    assert extract_record(corpus, with_manifest).canonical_url == "https://a.org/canonical"
    bare = store(corpus, "https://a.org/u", table + b" ", "text/html", final_url="https://a.org/v")
    assert extract_record(corpus, bare).canonical_url == "https://a.org/v"


def test_record_hints_take_precedence(tmp_path):
    corpus = Corpus(tmp_path)
    record = store(
        corpus,
        "https://a.org/2005_sme_daegu",
        pages.table_layout_page().encode("iso-8859-1"),
        "text/html",
        hints={"title": "Daegu Initiative on SME Innovation", "year": 2005, "doc_type": "other"},
    )
    doc = extract_record(corpus, record)
    assert (doc.title, doc.year, doc.doc_type) == (
        "Daegu Initiative on SME Innovation",
        2005,
        "other",
    )


def test_a_record_whose_body_is_missing_fails_clearly(tmp_path):
    record = ManifestRecord(url="https://a.org/x", status=200, sha256="0" * 64)
    with pytest.raises(ExtractionError, match="body missing"):
        extract_record(Corpus(tmp_path), record)


@pytest.fixture
def mixed_corpus(tmp_path):
    corpus = Corpus(tmp_path)
    store(corpus, "https://a.org/modern", pages.modern_cms_page().encode(), "text/html")
    store(corpus, "https://a.org/blog", pages.blog_reprint_page().encode(), "text/html")
    store(corpus, "https://a.org/plan.pdf", pdfs.plan_pdf(pages=2), "application/pdf")
    store(corpus, "https://a.org/broken.pdf", b"%PDF-1.4\ngarbage\n%%EOF", "application/pdf")
    store(corpus, "https://a.org/cut.pdf", pdfs.plan_pdf(pages=2)[:900], "application/pdf")
    store(corpus, "https://a.org/locked.pdf", pdfs.encrypted_pdf(), "application/pdf")
    store(corpus, "https://a.org/logo.png", PNG, "image/png")
    store(corpus, "https://a.org/empty", b"<html><body><nav>Home</nav></body></html>", "text/html")
    corpus.append_record(ManifestRecord(url="https://a.org/gone", status=404, error="HTTP 404"))
    return corpus


def test_extract_corpus_records_failures_and_skips_per_url(mixed_corpus):
    summary = extract_corpus(mixed_corpus)
    assert sorted(summary.extracted) == [
        "https://a.org/blog",
        "https://a.org/modern",
        "https://a.org/plan.pdf",
    ]
    assert summary.failed["https://a.org/broken.pdf"].startswith("broken PDF")
    assert summary.failed["https://a.org/cut.pdf"].startswith("truncated PDF")
    assert summary.failed["https://a.org/locked.pdf"].startswith("encrypted PDF")
    assert summary.skipped == {
        "https://a.org/logo.png": "unsupported content type: image/png",
        "https://a.org/empty": "no usable text",
    }
    for url in summary.extracted:
        record = mixed_corpus.records()[url]
        saved = mixed_corpus.load_document(record.sha256)
        assert saved.url == url and saved.paragraphs


def test_a_second_pass_redoes_nothing_unless_forced(mixed_corpus):
    extract_corpus(mixed_corpus)
    again = extract_corpus(mixed_corpus)
    assert again.extracted == [] and again.unchanged == 3
    assert len(extract_corpus(mixed_corpus, force=True).extracted) == 3


def test_documents_from_an_older_extractor_are_redone(mixed_corpus, monkeypatch):
    extract_corpus(mixed_corpus)
    monkeypatch.setattr(ex, "EXTRACTOR_VERSION", ex.EXTRACTOR_VERSION + 1)
    assert len(extract_corpus(mixed_corpus).extracted) == 3


def test_a_damaged_extracted_file_is_redone(mixed_corpus):
    extract_corpus(mixed_corpus)
    sha = mixed_corpus.records()["https://a.org/modern"].sha256
    mixed_corpus.extracted_path(sha).write_text("{not json", encoding="utf-8")
    assert extract_corpus(mixed_corpus).extracted == ["https://a.org/modern"]


def test_an_index_built_by_the_previous_extractor_rebuilds_once(tmp_path):
    corpus = Corpus(tmp_path / "corpus")
    url = "https://www.apec.org/meeting-papers/sme/2013_sme"
    store(corpus, url, pages.modern_cms_page().encode(), "text/html")
    build_index(corpus.root, tmp_path / "index")
    # As the previous extractor (version 1) left them: a document typed "other", an index
    # whose notes name no extractor version.
    sha = corpus.records()[url].sha256
    old = dataclasses.replace(corpus.load_document(sha), extractor_version=1, doc_type="other")
    corpus.save_document(old)
    meta_file = tmp_path / "index" / "current" / "index_meta.json"
    notes = json.loads(meta_file.read_text())
    del notes["extractor_version"]
    meta_file.write_text(json.dumps(notes))

    rebuilt = build_index(corpus.root, tmp_path / "index")
    assert rebuilt.rebuilt_because == f"the extractor changed (version {ex.EXTRACTOR_VERSION})"
    assert rebuilt.reanalysed == 1
    redone = corpus.load_document(sha)
    assert (redone.extractor_version, redone.doc_type) == (
        ex.EXTRACTOR_VERSION,
        "ministerial_statement",
    )
    engine = Engine(tmp_path / "index")
    try:
        assert engine.search("type:ministerial_statement")["total"] == 1
    finally:
        engine.close()

    again = build_index(corpus.root, tmp_path / "index")
    assert (again.rebuilt_because, again.reanalysed, again.reused) == (None, 0, 1)
