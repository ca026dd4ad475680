"""Shared test helpers: corpora and indexes built from Documents, without crawling."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from indexer.crawl.corpus import Corpus, ManifestRecord
from indexer.extract import EXTRACTOR_VERSION
from indexer.index.build import build_index
from indexer.model import Document, Paragraph

# Keys every search result must carry: the `--json` / `/api/search` contract of issue 3.
SEARCH_RESULT_KEYS = frozenset(
    {"id", "title", "url", "link", "doc_type", "year", "date", "location", "snippet", "score"}
)


def make_document(
    url: str, title: str, paragraphs: list[str | Paragraph], **fields: object
) -> Document:
    """A Document with sensible defaults; plain strings become "p" paragraphs."""
    paras = [p if isinstance(p, Paragraph) else Paragraph(p) for p in paragraphs]
    values: dict = {
        "url": url,
        "final_url": url,
        "canonical_url": url,
        "title": title,
        "content_type": "pdf" if url.endswith(".pdf") else "html",
        "sha256": "",
        "fetched_at": "2026-01-01T00:00:00+00:00",
        "paragraphs": paras,
    }
    values.update(fields)
    return Document(**values)


def make_corpus(tmp_path: Path, docs: list[Document]) -> Path:
    """Write each document's (made-up) raw body, manifest record and extracted form.

    The extracted form is marked current so that the build's extraction pass keeps it.

    The SHA-256 is that of the body written, which is the document's text, so a document
    whose text changes gets a new hash (as a re-fetched page would).
    """
    root = Path(tmp_path) / "corpus"
    corpus = Corpus(root)
    for doc in docs:
        body = f"{doc.canonical_url}\n{doc.title}\n{doc.text}".encode()
        sha, size = corpus.write_object([body])
        stored = dataclasses.replace(doc, sha256=sha, extractor_version=EXTRACTOR_VERSION)
        corpus.append_record(
            ManifestRecord(
                url=doc.url,
                final_url=doc.final_url,
                canonical_url=doc.canonical_url,
                status=200,
                content_type="application/pdf" if doc.content_type == "pdf" else "text/html",
                sha256=sha,
                size=size,
                fetched_at=doc.fetched_at,
            )
        )
        corpus.save_document(stored)
    return root


def make_index(tmp_path: Path, docs: list[Document]) -> Path:
    """A corpus of ``docs`` under tmp_path/corpus, indexed into tmp_path/index."""
    corpus_dir = make_corpus(tmp_path, docs)
    index_dir = Path(tmp_path) / "index"
    build_index(corpus_dir, index_dir)
    return index_dir
