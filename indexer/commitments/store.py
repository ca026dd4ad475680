"""Commitment records on disk (one JSON line each, in the index generation) and queries on them.

The index build calls `write_commitments` on the new generation directory before swapping it
in, so the records are always those of the documents being served. A document analysed by
the previous generation with the same content (and the same analyser version) is not
analysed again: its records are copied from there. Records are stored per document and merged
across pages (`indexer.commitments.merge`) when they are loaded.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from indexer.commitments.detect import STRENGTHS
from indexer.commitments.merge import merge_records
from indexer.commitments.records import Commitment, extract_commitments
from indexer.commitments.topics import TOPICS_BY_SLUG
from indexer.crawl.corpus import atomic_write_bytes
from indexer.model import Document
from indexer.text.filenames import download_name, years_name
from indexer.text.stems import stem_word

COMMITMENTS_FILE = "commitments.jsonl"
META_FILE = "commitments.meta.json"
_WORD = re.compile(r"\w[\w'-]*")
# Bump when extraction changes, so cached records from older builds are not reused.
ANALYSER_VERSION = 5  # 5: cited at the record's Source address; 4: verbatim items, ...


class CommitmentsMissing(Exception):
    """There is no index, or the index was built without commitment records."""


class HasIndexPath(Protocol):
    @property
    def index_path(self) -> Path | None: ...


@dataclass
class CommitmentPass:
    """What `write_commitments` did."""

    records: int
    analysed: int  # documents analysed in this pass
    reused: int  # documents whose records were copied from the previous generation
    seconds: float


def document_key(doc: Document, context: str = "") -> str:
    """Changes whenever anything the records are made from changes: the document, the
    analyser's version and `context` (what else the records read: the meetings' years)."""
    fields = {**vars(doc), "paragraphs": [vars(p) for p in doc.paragraphs]}
    data = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(f"{ANALYSER_VERSION}\n{context}\n{data}".encode()).hexdigest()


_KEY_PREFIX = re.compile(r'\{"doc_key": "([0-9a-f]{40})"')


def _previous_records(previous_dir: Path | None) -> tuple[set[str], dict[str, list[str]]]:
    """The document keys analysed by the previous generation, and their record lines.

    Each line starts with its document key (written first), so lines are copied as they
    are, without parsing them.
    """
    if previous_dir is None:
        return set(), {}
    try:
        meta = json.loads((previous_dir / META_FILE).read_text(encoding="utf-8"))
        lines = (previous_dir / COMMITMENTS_FILE).read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return set(), {}
    if meta.get("version") != ANALYSER_VERSION:
        return set(), {}
    by_key: dict[str, list[str]] = {}
    for line in lines:
        key = _KEY_PREFIX.match(line)
        if not key:
            return set(), {}  # damaged: analyse everything again
        by_key.setdefault(key.group(1), []).append(line)
    return set(meta.get("analysed", [])), by_key


def write_commitments(
    generation_dir: Path,
    docs: Iterable[Document],
    previous_dir: Path | None = None,
    meeting_years: Mapping[int, int] | None = None,
) -> CommitmentPass:
    """Write the commitment records of `docs` into `generation_dir` (atomically per file);
    `meeting_years` maps SME Ministerial Meetings' numbers to their years (the record)."""
    started = time.perf_counter()
    context = json.dumps(sorted((meeting_years or {}).items()))
    analysed_before, previous = _previous_records(previous_dir)
    lines: list[str] = []
    keys: list[str] = []
    analysed = reused = 0
    for doc in docs:
        key = document_key(doc, context)
        keys.append(key)
        if key in analysed_before:
            lines.extend(previous.get(key, []))
            reused += 1
            continue
        for record in extract_commitments(doc, meeting_years):
            data = {"doc_key": key} | record.to_dict()
            lines.append(json.dumps(data, ensure_ascii=False))
        analysed += 1
    body = "".join(line + "\n" for line in lines)
    atomic_write_bytes(generation_dir / COMMITMENTS_FILE, body.encode("utf-8"))
    meta = {"version": ANALYSER_VERSION, "analysed": keys}
    atomic_write_bytes(generation_dir / META_FILE, json.dumps(meta).encode("utf-8"))
    return CommitmentPass(len(lines), analysed, reused, time.perf_counter() - started)


def commitments_file(source: HasIndexPath | Path | str) -> Path:
    """The records file of an engine's served generation, or of an index directory."""
    if isinstance(source, Path | str):
        root = Path(source)
        candidates = [root / COMMITMENTS_FILE, root / "current" / COMMITMENTS_FILE]
    else:
        served = source.index_path
        if served is None:
            raise CommitmentsMissing(
                "No index yet: run `apec-search crawl` and `apec-search index` first."
            )
        root = served
        candidates = [served / COMMITMENTS_FILE]
    for path in candidates:
        if path.is_file():
            return path
    raise CommitmentsMissing(
        f"No commitment records in {root}: build the index with `apec-search index`."
    )


_cache: dict[Path, tuple[tuple[int, int], list[Commitment]]] = {}
_cache_lock = threading.Lock()


def load_commitments(source: HasIndexPath | Path | str) -> list[Commitment]:
    """All records merged across pages, newest year first; re-read only when the file changes."""
    path = commitments_file(source).resolve()
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    with _cache_lock:
        cached = _cache.get(path)
        if cached and cached[0] == stamp:
            return cached[1]
    records = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            try:
                records.append(Commitment.from_dict(json.loads(line)))
            except (ValueError, TypeError):
                continue  # a damaged line is skipped, not fatal
    records = sorted(merge_records(records), key=_order)
    with _cache_lock:
        _cache.clear()  # only the served generation is worth keeping
        _cache[path] = (stamp, records)
    return records


def _order(record: Commitment) -> tuple[Any, ...]:
    """Newest year first (no year last), then by date, document and place in it."""
    return (
        record.year is None,
        -(record.year or 0),
        record.date or "",
        record.title,
        record.doc_id,
        record.position,
        record.sentence,
    )


def _word_matcher(words: str) -> Callable[[str], bool] | None:
    """Whether a text holds every one of `words` in some form: a word of it whose stem starts
    with the word's stem (``indexer.text.stems``, as search stems them: "finance" finds
    "financing" and "financial", "digital" finds "digitalisation", "labour" finds "labor");
    None for no words."""
    wanted = [stem_word(w) for w in _WORD.findall(words.casefold())]
    if not wanted:
        return None

    def holds(text: str) -> bool:
        stems = {stem_word(w) for w in _WORD.findall(text.casefold())}
        return all(any(s.startswith(w) for s in stems) for w in wanted)

    return holds


def check_filters(topic: str | None, years: tuple[int, int] | None, strength: str | None) -> None:
    """Raise ValueError with a clear message for a filter value that cannot match."""
    if topic is not None and topic not in TOPICS_BY_SLUG:
        raise ValueError(f"Unknown topic {topic!r}; choose from: {', '.join(TOPICS_BY_SLUG)}.")
    if strength is not None and strength not in STRENGTHS:
        raise ValueError(f"Unknown strength {strength!r}; choose from: {', '.join(STRENGTHS)}.")
    if years is not None and years[0] > years[1]:
        raise ValueError(f"The year range {years[0]}-{years[1]} is backwards.")


def find_commitments(
    source: HasIndexPath | Path | str,
    *,
    topic: str | None = None,
    years: tuple[int, int] | None = None,
    strength: str | None = None,
    q: str | None = None,
) -> list[Commitment]:
    """The records matching every filter given (none given: all), newest year first.

    `source` is an `Engine` (its served generation) or an index directory. `q` keeps records
    whose sentence holds all its words in some form (``_word_matcher``: "finance" finds
    "financing"; a word's start too: "digital" finds "digitalisation").
    Raises ValueError for an unknown topic or strength, CommitmentsMissing with no records.
    """
    check_filters(topic, years, strength)
    matcher = _word_matcher(q) if q else None
    return [
        r
        for r in load_commitments(source)
        if (topic is None or topic in r.topics)
        and (strength is None or r.strength == strength)
        and (years is None or (r.year is not None and years[0] <= r.year <= years[1]))
        and (matcher is None or matcher(r.text))
    ]


def group_by_year(records: Iterable[Commitment]) -> list[tuple[int | None, list[Commitment]]]:
    """Records grouped by year, newest first, records without a year last."""
    groups: dict[int | None, list[Commitment]] = {}
    for record in records:
        groups.setdefault(record.year, []).append(record)
    return sorted(groups.items(), key=lambda item: (item[0] is None, -(item[0] or 0)))


def counts_by_year(records: Iterable[Commitment]) -> dict[int, int]:
    """How many records each year has, oldest year first (records without a year left out)."""
    counts = Counter(r.year for r in records if r.year is not None)
    return dict(sorted(counts.items()))


def first_year(records: Iterable[Commitment]) -> int | None:
    """The earliest year among the records (when a topic was first mentioned)."""
    return min((r.year for r in records if r.year is not None), default=None)


CSV_COLUMNS = (
    "year", "strength", "verb", "actor", "topics", "text", "lead_in",
    "title", "date", "meeting_number", "url", "link", "sources", "reported_in", "undated",
)  # fmt: skip


def csv_rows(records: Iterable[Commitment]) -> list[dict[str, Any]]:
    """The records as rows for a CSV export (CSV_COLUMNS): topics joined with "; ", the
    other sources' and reporting pages' URLs with " | "."""
    return [
        r.to_dict()
        | {
            "topics": "; ".join(r.topics),
            "sources": " | ".join(s["url"] for s in r.sources[1:]),
            "reported_in": " | ".join(s["url"] for s in r.reported_in),
        }
        for r in records
    ]


def csv_filename(
    topic: str | None, years: tuple[int, int] | None, strength: str | None, q: str | None
) -> str:
    """A download name that says the filter: apec-commitments-access-to-finance-2010-2015.csv."""
    return download_name("apec-commitments", [topic, years_name(years), strength], q, "csv")
