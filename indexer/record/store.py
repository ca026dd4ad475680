"""The record written with each index generation (``record.json``) and read back.

``record.json`` is ``{"meetings": [...]}``, each meeting as ``Meeting.to_dict`` plus its
``key``, ``end_date`` (null: the documents rarely state it apart) and ``documents``
(``[{"id", "url", "title", "role", "doc_type", "year"}]``, outcomes first), so that the
command line and the web app show meetings without reading the index.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from indexer.crawl.corpus import atomic_write_bytes
from indexer.model import Document
from indexer.record.meetings import Meeting
from indexer.record.mentions import SERIES, SERIES_NAMES
from indexer.record.placement import ROLES
from indexer.text.ordinals import ordinal

RECORD_FILE = "record.json"


class RecordMissing(Exception):
    """No record to read; ``str(e)`` is the one line to show the user."""


class HasIndexPath(Protocol):
    @property
    def index_path(self) -> Path | None: ...


def meeting_key(meeting: dict[str, Any] | None) -> str:
    """The index's key of a document's meeting ({"series", "number", "year"}):
    "sme_ministerial/25", "sme_ministerial/y2012" when unnumbered, "" for none."""
    if not meeting:
        return ""
    return Meeting(meeting["series"], meeting["number"], meeting["year"]).key


def write_record(generation_dir: Path, record: Any, documents: Iterable[Document]) -> None:
    """Write ``record`` (indexer.record.Record) with the placed ``documents`` listed under
    their meetings."""
    listed: dict[str, list[dict[str, Any]]] = {}
    for doc in documents:
        if doc.meeting and doc.role:
            url = doc.source_url or doc.canonical_url
            listed.setdefault(meeting_key(doc.meeting), []).append(
                {"id": doc.id, "url": url, "title": doc.title or url, "role": doc.role,
                 "doc_type": doc.doc_type, "year": doc.year}
            )  # fmt: skip
    meetings = []
    for meeting in record.meetings:
        docs = sorted(
            listed.get(meeting.key, []), key=lambda d: (ROLES.index(d["role"]), d["title"])
        )
        meetings.append(
            meeting.to_dict() | {"key": meeting.key, "end_date": None, "documents": docs}
        )
    body = json.dumps({"meetings": meetings}, ensure_ascii=False, indent=1)
    atomic_write_bytes(generation_dir / RECORD_FILE, body.encode("utf-8"))


CONTRACT = ("series", "number", "year", "start_date", "end_date", "city", "economy",
            "virtual", "chair", "theme")  # fmt: skip


def contract(meeting: dict[str, Any]) -> dict[str, Any]:
    """A meeting as `apec-search meetings --json` and /api/meetings print it: the
    contract's keys (CONTRACT, then "documents" [{id, url, title, role}] and "evidence"
    [{field, value, url, link, text}]), then "number_inferred", "year_inferred" and "key"."""
    docs = [{k: d[k] for k in ("id", "url", "title", "role")} for d in meeting["documents"]]
    fields = ("field", "value", "url", "link", "text")
    evidence = [{k: e[k] for k in fields} for e in meeting["evidence"]]
    return (
        {k: meeting[k] for k in CONTRACT}
        | {"documents": docs, "evidence": evidence}
        | {k: meeting.get(k, False) for k in ("number_inferred", "year_inferred")}
        | {"key": meeting["key"]}
    )


def _record_file(source: HasIndexPath | Path | str) -> Path:
    if isinstance(source, Path | str):
        candidates = [Path(source) / RECORD_FILE, Path(source) / "current" / RECORD_FILE]
    else:
        served = source.index_path
        candidates = [served / RECORD_FILE] if served else []
    for path in candidates:
        if path.is_file():
            return path
    raise RecordMissing(
        "No record of meetings yet: run `apec-search crawl` and `apec-search index` first."
    )


_cache: dict[Path, tuple[tuple[int, int], list[dict[str, Any]]]] = {}
_cache_lock = threading.Lock()


def load_meetings(
    source: HasIndexPath | Path | str, series: str | None = None
) -> list[dict[str, Any]]:
    """The meetings of the served generation (an Engine) or of an index directory, oldest
    first, of one series when ``series`` is given (one of SERIES, else ValueError). Raises
    RecordMissing when there is no record."""
    if series is not None and series not in SERIES:
        raise ValueError(f"unknown series {series!r}: one of {', '.join(SERIES)}")
    path = _record_file(source).resolve()
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    with _cache_lock:
        cached = _cache.get(path)
    if not cached or cached[0] != stamp:
        meetings = json.loads(path.read_text(encoding="utf-8"))["meetings"]
        cached = (stamp, meetings)
        with _cache_lock:
            _cache.clear()  # only the served generation is worth keeping
            _cache[path] = cached
    return [m for m in cached[1] if series is None or m["series"] == series]


def find_meeting(source: HasIndexPath | Path | str, series: str, number: int) -> dict | None:
    """The meeting ``number`` of ``series``, or None."""
    return next((m for m in load_meetings(source, series) if m["number"] == number), None)


def no_meeting_note(meetings: list[dict[str, Any]], year: int) -> str | None:
    """ "No SME Ministerial Meeting was held in 2018: the 24th was in 2017 and the 25th in
    2019." when one series' meetings (``load_meetings`` of one series) show none was held
    in ``year`` (``years_without_meeting``), else None."""
    around = years_without_meeting(meetings).get(year)
    if around is None:
        return None
    before, after = around
    name = SERIES_NAMES[before["series"]]
    return (
        f"No {name} was held in {year}: the {ordinal(before['number'])} was in"
        f" {before['year']} and the {ordinal(after['number'])} in {after['year']}."
    )


def years_without_meeting(meetings: list[dict[str, Any]]) -> dict[int, tuple[dict, dict]]:
    """The years in which one series' meetings (``load_meetings`` of one series) show none
    was held: every year strictly between two meetings numbered one apart that no meeting
    of the series has (the 24th in 2017 and the 25th in 2019: 2018), each with the meetings
    before and after it. Read off the record's numbers and years; nothing is inferred."""
    numbered = {m["number"]: m for m in meetings if m.get("number") and m.get("year")}
    held = {m["year"] for m in meetings if m.get("year")}
    out: dict[int, tuple[dict, dict]] = {}
    for number, before in numbered.items():
        after = numbered.get(number + 1)
        if after is None:
            continue
        for year in range(before["year"] + 1, after["year"]):
            if year not in held:
                out[year] = (before, after)
    return dict(sorted(out.items()))
