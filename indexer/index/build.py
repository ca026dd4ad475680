"""Building the index from the extracted documents in a corpus, atomically and incrementally.

Layout of an index directory::

    current -> gen-7        symlink to the generation being served (replaced atomically)
    gen-6/ gen-7/           the previous generation is kept for readers that still have it open
    .build-<pid>-<time>/    a build in progress (a leftover one is removed by the next build)
    .lock                   held (flock) by the one build allowed at a time

A build copies the current generation into a fresh ``.build-*`` folder, deletes and re-adds
only the documents whose content hash changed (each passage with its analysis for showing
it, ``indexer.index.passage_analysis``), writes the spelling dictionary
(``indexer.index.spelling``), the terms' precomputed scores (``indexer.index.impacts``),
the commitment records and ``index_meta.json``, and then swaps the ``current`` link.
Anything that goes wrong before the swap leaves the old index serving.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tqdm import tqdm

from indexer.commitments.store import write_commitments
from indexer.crawl.corpus import Corpus
from indexer.crawl.sources import SourcesError, load_sources, sources_path
from indexer.extract import EXTRACTOR_VERSION, extract_corpus
from indexer.extract.paragraphs import number_paragraphs
from indexer.index import analysis, spelling, store
from indexer.index.impacts import write_impacts
from indexer.index.passage_analysis import Analysed
from indexer.index.passages import make_passages, usable_text
from indexer.model import Document, paragraph_anchors
from indexer.record import build_record
from indexer.record.meetings import meeting_title
from indexer.record.store import meeting_key, write_record
from indexer.record.works import trusted_canonicals

CURRENT = "current"
META_FILE = "index_meta.json"
LOCK_TIMEOUT = 30.0


class BuildRunning(Exception):
    """Another build holds the lock."""


@dataclass
class BuildSummary:
    documents: int = 0  # works: each searched once, in its primary copy
    copies: int = 0  # other versions and copies of those works, kept for reading
    passages: int = 0
    skipped: dict[str, str] = field(default_factory=dict)  # url -> reason
    reanalysed: int = 0
    reused: int = 0
    removed: int = 0
    seconds: float = 0.0
    rebuilt_because: str | None = None  # why a full rebuild happened (corrupt, --recreate…)
    hubs: int = 0  # hub pages left out (listings, calendars, home pages)
    commitments: int = 0  # commitment records written (indexer.commitments.store)
    commitment_seconds: float = 0.0
    path: Path | None = None

    def lines(self) -> list[str]:
        out = [
            f"Indexed {self.documents} documents ({self.passages} passages)"
            f" in {self.seconds:.1f} s: {self.reanalysed} analysed,"
            f" {self.reused} unchanged, {self.removed} removed.",
            f"Found {self.commitments} commitments ({self.commitment_seconds:.2f} s).",
        ]
        if self.copies:
            out.append(f"Kept {self.copies} other versions and copies of those documents.")
        if self.rebuilt_because:
            out.append(f"Rebuilt from scratch: {self.rebuilt_because}.")
        if self.hubs:
            out.append(f"Left out {self.hubs} hub pages (listings, calendars, home pages).")
        if self.skipped:
            out.append(f"Skipped {len(self.skipped)}:")
            out.extend(f"  {url}: {reason}" for url, reason in sorted(self.skipped.items()))
        return out


# Document fields the record may change (indexer.record.placement.apply).
PLACED_FIELDS = (
    "doc_type", "year", "date", "location", "meeting_number", "meeting", "role",
    "work_id", "copies", "source_url", "title",
)  # fmt: skip


def current_generation(index_dir: Path) -> Path | None:
    link = index_dir / CURRENT
    if not link.is_symlink():
        return None
    target = index_dir / os.readlink(link)
    return target if target.is_dir() else None


@contextmanager
def build_lock(index_dir: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BuildRunning(
                        f"another index build is running on {index_dir} (waited {timeout:.0f} s);"
                        " try again when it has finished"
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def index_key(doc: Document) -> str:
    """What a document's records depend on: its body and the metadata the record gave it
    (a new document can move an unchanged one to another meeting)."""
    placed = json.dumps({k: getattr(doc, k) for k in PLACED_FIELDS}, sort_keys=True)
    return f"{doc.sha256}:{hashlib.sha1(placed.encode()).hexdigest()}"


def _aliases(corpus_dir: Path) -> dict[str, str]:
    """The host aliases of the corpus's source list (none when it cannot be read: the
    crawl reports that)."""
    try:
        return dict(load_sources(sources_path(corpus_dir)).aliases)
    except (OSError, SourcesError):
        return {}


def _record(doc: Document, **extra: Any) -> dict[str, Any]:
    return {
        "doc_id": doc.id,
        "index_key": index_key(doc),
        "url": doc.source_url or doc.canonical_url,
        "fetched_url": doc.final_url,
        "fetched_at": doc.fetched_at,
        "content_type": doc.content_type,
        "sha256": doc.sha256,
        **extra,
    }


def searched_title(doc: Document) -> str:
    """The title a document's passages are found by: its own, and for a document its
    meeting adopted or reported (any role but a mention), the meeting's title and city, so
    that "Iloilo Initiative" finds an annex of the Iloilo meeting titled "Annex A"; and its
    publisher's name (``publisher_words``), so that "METI press release" finds a ministry's
    release that names it only in its address."""
    meeting = doc.meeting if doc.role and doc.role != "mention" else None
    named = [meeting_title(meeting), meeting.get("city")] if meeting else []
    return "\n".join(filter(None, [doc.title, *named, publisher_words(doc.publisher)]))


# The labels of a host that name no publisher: "www", "m", "en", "news", "co", "gov", ...
_HOST_LABELS = frozenset(
    ["www", "www2", "www3", "amp", "mobile", "en", "eng", "english", "news", "business"]
    + ["biz", "com", "org", "net", "edu", "gov", "go", "co", "ac", "int", "info", "web"]
    + ["site", "home"]
)


def publisher_words(publisher: str | None) -> str | None:
    """The words a publisher is known by: a site's name as it is ("The Phuket News"); a host
    as its labels but the generic ones and two-letter country codes ("en.people.cn" ->
    "people", "www.meti.go.jp" -> "meti"); None for APEC's own pages (every one of them
    says APEC) and for none."""
    if not publisher or publisher == "APEC":
        return None
    if " " in publisher or "." not in publisher:
        return publisher
    labels = publisher.lower().rstrip(".").split(".")
    kept = [label for label in labels if len(label) > 2 and label not in _HOST_LABELS]
    return " ".join(kept) or None


def document_records(doc: Document) -> Iterator[dict[str, Any]]:
    """The document record followed by its passage records."""
    meta = {
        "title": doc.title,
        "doc_type": doc.doc_type,
        "year": doc.year,
        "date": doc.date,
        "meeting_number": doc.meeting_number,
        "location": doc.location,
        "chair": doc.chair,
        "publisher": doc.publisher,
        "period": doc.period,
        "truncated": doc.truncated,
        "meeting": doc.meeting,
        "role": doc.role,
        "work_id": doc.work_id or doc.id,
        "copies": doc.copies,
    }
    numbered = doc.paragraphs
    if all(p.number is None for p in numbered):  # made without numbers (an older extractor)
        numbered = number_paragraphs(numbered)
    anchors = paragraph_anchors(numbered)
    paragraphs = [
        {"position": i, "kind": p.kind, "page": p.page, "text": p.text, "number": p.number}
        | {"anchor": anchors[i]}
        for i, p in enumerate(numbered)
    ]
    yield _record(doc, kind="doc", passage_id=doc.id, meta=meta, paragraphs=paragraphs)
    if not doc.primary:
        return  # a work is searched once, in its primary copy; this one is read, not found
    title = searched_title(doc)
    for n, passage in enumerate(make_passages(doc.paragraphs)):
        yield _record(
            doc,
            kind="passage",
            passage_id=f"{doc.id}:{n}",
            title=title,
            _stored_title=doc.title,
            body=passage.text,
            analysis=Analysed.of(passage.text).encode(),
            # The title leads the first passage's exact text so a quoted title is found (a
            # meeting's too, and its names in the thesaurus: "SME ministerial meeting").
            exact=f"{title}\n{passage.text}" if n == 0 else passage.text,
            location=doc.location,
            doc_type=doc.doc_type,
            year=doc.year,
            date=doc.date or "",
            meeting_number=doc.meeting_number,
            meeting_key=meeting_key(doc.meeting),
            meeting=doc.meeting,
            role=doc.role or "",
            work_id=doc.work_id or doc.id,
            copies=doc.copies,
            position=passage.position,
            marks=[[anchors[i], numbered[i].number] for i in passage.positions],
            page=passage.page,
        )


def _extract_pending(corpus: Corpus) -> dict[str, str]:
    """Extract records not yet extracted; returns url -> reason for the records extraction
    skipped or failed."""
    result = extract_corpus(corpus)
    return {**result.skipped, **result.failed}


def _wanted_documents(
    corpus: Corpus, summary: BuildSummary, reasons: dict[str, str], aliases: dict[str, str]
) -> dict[str, Document]:
    """The documents to index, by id; a page declaring another's canonical address is the
    same document only when its text agrees (``trusted_canonicals``)."""
    usable: list[tuple[str, Document]] = []
    hubs: list[Document] = []
    for record in corpus.current_records():
        assert record.sha256
        doc = corpus.load_document(record.sha256)
        if doc is None:
            summary.skipped[record.url] = reasons.get(record.url, "not extracted")
        elif doc.hub:
            summary.hubs += 1
            hubs.append(doc)
        elif not usable_text(doc):
            summary.skipped[record.url] = "no usable text"
        else:
            usable.append((record.url, doc))
    wanted: dict[str, Document] = {}
    trusted = trusted_canonicals((doc for _, doc in usable), aliases, hubs)
    for (url, _), doc in zip(usable, trusted, strict=True):
        if doc.id in wanted:
            summary.skipped[url] = f"same document as {wanted[doc.id].url}"
        else:
            wanted[doc.id] = doc
    return wanted


def _clean(index_dir: Path, keep: set[Path]) -> None:
    """Remove leftover builds and generations older than the ones in ``keep``."""
    for path in index_dir.iterdir():
        ours = path.name.startswith((".build-", "gen-"))
        if ours and path.is_dir() and not path.is_symlink() and path not in keep:
            shutil.rmtree(path, ignore_errors=True)


def _next_generation(index_dir: Path) -> Path:
    numbers = [int(p.name[4:]) for p in index_dir.glob("gen-*") if p.name[4:].isdigit()]
    return index_dir / f"gen-{max(numbers, default=0) + 1}"


def _swap(index_dir: Path, new_gen: Path) -> None:
    tmp_link = index_dir / f".current-{os.getpid()}"
    tmp_link.unlink(missing_ok=True)
    os.symlink(new_gen.name, tmp_link)
    os.replace(tmp_link, index_dir / CURRENT)


def _start(index_dir: Path, recreate: bool, summary: BuildSummary) -> tuple[Path, bool]:
    """A fresh build folder: a copy of the current generation, or empty for a full build."""
    build_dir = index_dir / f".build-{os.getpid()}-{int(time.time() * 1000)}"
    current = current_generation(index_dir)
    if recreate:
        summary.rebuilt_because = "--recreate"
    elif current is None:
        summary.rebuilt_because = "no index yet"
    else:
        meta = read_meta(current)
        problem = store.check_index(current)
        if problem:
            summary.rebuilt_because = f"the current index is damaged ({problem})"
        elif meta.get("schema_version") != analysis.SCHEMA_VERSION:
            summary.rebuilt_because = "the index schema changed"
        elif meta.get("extractor_version") != EXTRACTOR_VERSION:
            # re-extracted documents keep their body's hash, so only a rebuild takes them in
            summary.rebuilt_because = f"the extractor changed (version {EXTRACTOR_VERSION})"
        else:
            shutil.copytree(current, build_dir)
            return build_dir, False
    build_dir.mkdir()
    return build_dir, True


def read_meta(gen: Path) -> dict[str, Any]:
    """The build's notes on a generation ({} when missing or unreadable)."""
    try:
        return json.loads((gen / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def build_index(
    corpus_dir: Path | str,
    index_dir: Path | str,
    *,
    recreate: bool = False,
    progress: bool = False,
    lock_timeout: float = LOCK_TIMEOUT,
    extract: bool = True,
) -> BuildSummary:
    """Index the corpus's extracted documents into ``index_dir`` and swap the result in.

    First extracts records not yet extracted, unless ``extract`` is False (a corpus of
    extracted documents only, such as the benchmark's synthetic one).
    """
    started = time.monotonic()
    corpus = Corpus(corpus_dir)
    index_dir = Path(index_dir)
    summary = BuildSummary()
    with build_lock(index_dir, lock_timeout):
        current = current_generation(index_dir)
        _clean(index_dir, keep={p for p in [current] if p})
        reasons = _extract_pending(corpus) if extract else {}
        aliases = _aliases(corpus.root)
        wanted = _wanted_documents(corpus, summary, reasons, aliases)
        # The record places each document in its meeting before it is indexed.
        record = build_record(wanted.values(), aliases)
        wanted = {doc_id: record.apply(doc) for doc_id, doc in wanted.items()}
        build_dir, fresh = _start(index_dir, recreate, summary)
        try:
            write_record(build_dir, record, wanted.values())
            _write(build_dir, fresh, wanted, summary, progress)
            # The did-you-mean dictionary is the generation's own, like its commitments.
            words = store.word_documents(build_dir, spelling.MIN_DOCUMENTS)
            texts = (f"{d.title}\n{d.text}" for d in wanted.values() if d.primary)
            spelling.write_dictionary(build_dir, words, spelling.capitalised(texts))
            held = {word for word, _ in spelling.dictionary(words)}
            spelling.write_open_forms(build_dir, store.open_forms(build_dir, held))
            write_impacts(build_dir)  # every search worker reads them, shared
            # Commitment records live in the generation, so they swap in with the index.
            # Every copy and version is read (a later snapshot may add a sentence); the
            # records are merged into one per sentence and work when they are loaded.
            years = {
                m.number: m.year
                for m in record.meetings
                if m.series == "sme_ministerial" and m.number and m.year
            }  # a sentence naming its meeting is dated by it
            found = write_commitments(build_dir, wanted.values(), None if fresh else current, years)
            summary.commitments, summary.commitment_seconds = found.records, found.seconds
            _write_meta(build_dir, wanted, summary.passages)
            new_gen = _next_generation(index_dir)
            os.rename(build_dir, new_gen)
        except BaseException:
            shutil.rmtree(build_dir, ignore_errors=True)
            raise
        _swap(index_dir, new_gen)
        _clean(index_dir, keep={p for p in [current, new_gen] if p})
        summary.path = new_gen
    summary.documents = sum(d.primary for d in wanted.values())
    summary.copies = len(wanted) - summary.documents
    summary.seconds = time.monotonic() - started
    return summary


def _write(
    build_dir: Path,
    fresh: bool,
    wanted: dict[str, Document],
    summary: BuildSummary,
    progress: bool,
) -> None:
    writer = store.Writer(build_dir, create=fresh)
    try:
        indexed = {} if fresh else writer.indexed_documents()
        for doc_id in indexed.keys() - wanted.keys():
            writer.delete_document(doc_id)
            summary.removed += 1
        bar = tqdm(wanted.values(), desc="Indexing", unit="doc", disable=not progress, leave=False)
        for doc in bar:
            if indexed.get(doc.id) == index_key(doc):
                summary.reused += 1
                summary.passages += len(make_passages(doc.paragraphs)) if doc.primary else 0
                continue
            if doc.id in indexed:
                writer.delete_document(doc.id)
            for record in document_records(doc):
                writer.add(record)
                summary.passages += record["kind"] == "passage"
            summary.reanalysed += 1
        writer.commit()
    except BaseException:
        writer.cancel()
        raise


def _write_meta(build_dir: Path, documents: dict[str, Document], passages: int) -> None:
    """The generation's meta: its counts, types and words per year count each work once."""
    wanted = {i: d for i, d in documents.items() if d.primary}
    years = [d.year for d in wanted.values() if d.year]
    doc_types: dict[str, int] = {}
    for doc in wanted.values():
        doc_types[doc.doc_type] = doc_types.get(doc.doc_type, 0) + 1
    fetched = [d.fetched_at for d in wanted.values() if d.fetched_at]
    words: dict[str, int] = {}  # the text's size per year, for trends per 10,000 words
    held: dict[str, int] = {}  # documents per year, shown under a trend
    for doc in wanted.values():
        if doc.year:
            words[str(doc.year)] = words.get(str(doc.year), 0) + len(doc.text.split())
            held[str(doc.year)] = held.get(str(doc.year), 0) + 1
    meta = {
        "schema_version": analysis.SCHEMA_VERSION,
        "extractor_version": EXTRACTOR_VERSION,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": len(wanted),
        "copies": len(documents) - len(wanted),  # versions and copies, read but not searched
        "passages": passages,
        "years": [min(years), max(years)] if years else [],
        "doc_types": doc_types,
        "last_crawl": max(fetched) if fetched else None,
        "words_per_year": dict(sorted(words.items())),
        "documents_per_year": dict(sorted(held.items())),
        "undated_documents": len(wanted) - len(years),
    }
    (build_dir / META_FILE).write_text(json.dumps(meta, indent=1), encoding="utf-8")
