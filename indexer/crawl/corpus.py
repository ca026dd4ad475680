"""The crawl on disk: raw bodies by SHA-256, a manifest of URLs, extracted documents.

Layout of a corpus directory::

    sources.toml            curated seeds and scope (committed for the default corpus)
    manifest.jsonl          one JSON record per fetch; the last record for a URL wins
    objects/ab/abcdef...    raw response bodies, content-addressed by SHA-256
    extracted/abcdef....json  the Document extracted from that body (source of truth for the index)
    extracted/abcdef....over-budget.json  why extracting that body was given up, and by
                            which extractor version (not tried again by that version)

Every write is atomic (temporary file, fsync, rename) and the manifest is append-only,
so a crawl killed half way loses nothing it had already stored.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from indexer.model import Document

DEFAULT_CORPUS = "corpus"
CORPUS_ENV = "APEC_SEARCH_CORPUS"


def default_corpus_dir() -> Path:
    return Path(os.environ.get(CORPUS_ENV) or DEFAULT_CORPUS)


@dataclass
class ManifestRecord:
    url: str
    final_url: str | None = None
    canonical_url: str | None = None
    status: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    size: int | None = None
    fetched_at: str | None = None
    error: str | None = None
    refresh: str | None = None  # a meta-refresh stub's target (the stub has no body)
    # Hints from sources.toml for documents named there (title, year, doc_type).
    hints: dict[str, Any] | None = None

    @property
    def has_body(self) -> bool:
        """A successful fetch (200, or 304 for a body stored before) with a stored body."""
        return bool(self.sha256) and self.status in (200, 304)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ManifestRecord:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _record_line(record: ManifestRecord) -> str:
    """One manifest line: the record as sorted-key JSON."""
    return json.dumps(asdict(record), ensure_ascii=False, sort_keys=True) + "\n"


class Corpus:
    def __init__(self, root: Path | str):
        self.root = Path(root)
        self.manifest_path = self.root / "manifest.jsonl"
        self.objects_dir = self.root / "objects"
        self.extracted_dir = self.root / "extracted"

    # -- raw bodies ---------------------------------------------------------
    def object_path(self, sha256: str) -> Path:
        return self.objects_dir / sha256[:2] / sha256

    def has_object(self, sha256: str) -> bool:
        return self.object_path(sha256).exists()

    def write_object(self, chunks: Iterable[bytes]) -> tuple[str, int]:
        """Stream chunks to a temporary file, then move it to its content address."""
        self.objects_dir.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=self.objects_dir, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                for chunk in chunks:
                    digest.update(chunk)
                    size += len(chunk)
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            sha = digest.hexdigest()
            dest = self.object_path(sha)
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha, size

    def remove_temp_files(self) -> None:
        """Delete temporary files an interrupted writer left behind."""
        for folder in (self.root, self.objects_dir):
            for tmp in folder.glob(".tmp-*") if folder.is_dir() else ():
                tmp.unlink(missing_ok=True)

    def read_object(self, sha256: str) -> bytes:
        return self.object_path(sha256).read_bytes()

    # -- manifest -----------------------------------------------------------
    def append_record(self, record: ManifestRecord) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        line = _record_line(record)
        with open(self.manifest_path, "a+b") as fh:
            end = fh.seek(0, os.SEEK_END)
            if end:
                fh.seek(end - 1)
                if fh.read(1) != b"\n":  # a line torn by a killed writer: end it first
                    line = "\n" + line
            fh.write(line.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())

    def records(self) -> dict[str, ManifestRecord]:
        """The latest record for each URL; a torn last line (killed mid-write) is ignored."""
        latest: dict[str, ManifestRecord] = {}
        if not self.manifest_path.exists():
            return latest
        with open(self.manifest_path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    record = ManifestRecord.from_dict(json.loads(line))
                except (json.JSONDecodeError, TypeError):
                    continue
                latest[record.url] = record
        return latest

    def compact_manifest(self) -> None:
        """Rewrite the manifest with one record per URL (atomically)."""
        records = self.records()
        data = "".join(_record_line(r) for r in records.values())
        atomic_write_bytes(self.manifest_path, data.encode("utf-8"))

    # -- extracted documents -----------------------------------------------
    def extracted_path(self, sha256: str) -> Path:
        return self.extracted_dir / f"{sha256}.json"

    def save_document(self, doc: Document) -> None:
        data = json.dumps(doc.to_dict(), ensure_ascii=False, indent=1)
        atomic_write_bytes(self.extracted_path(doc.sha256), data.encode("utf-8"))

    def _over_budget_path(self, sha256: str) -> Path:
        return self.extracted_dir / f"{sha256}.over-budget.json"

    def save_over_budget(self, sha256: str, extractor_version: int, reason: str) -> None:
        """Remember that extracting this body overran its time budget, and why."""
        data = {"extractor_version": extractor_version, "reason": reason}
        atomic_write_bytes(self._over_budget_path(sha256), json.dumps(data).encode("utf-8"))

    def over_budget(self, sha256: str) -> tuple[int, str] | None:
        """(extractor version, reason) when extracting this body overran its time budget;
        None otherwise (or when the note is unreadable)."""
        try:
            data = json.loads(self._over_budget_path(sha256).read_text(encoding="utf-8"))
            return int(data["extractor_version"]), str(data["reason"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def load_document(self, sha256: str) -> Document | None:
        path = self.extracted_path(sha256)
        if not path.exists():
            return None
        return Document.from_dict(json.loads(path.read_text(encoding="utf-8")))

    def current_records(self) -> list[ManifestRecord]:
        """Latest successful fetch of each URL with a stored body, one per body: the first
        fetched, unless another URL with that body is the canonical URL the page declares."""
        current: dict[str, ManifestRecord] = {}
        for record in self.records().values():
            if not record.has_body:
                continue
            first = current.setdefault(record.sha256, record)
            at_canonical = record.canonical_url in (record.final_url, record.url)
            if first is not record and at_canonical and first.canonical_url != first.final_url:
                current[record.sha256] = record
        return list(current.values())
