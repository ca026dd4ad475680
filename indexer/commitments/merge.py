"""One record per commitment across pages.

The same sentence is on many pages: a group page republished every year, a statement on
apec.org's current and old sites, a republishing site. The copies and versions of one work
(indexer.record.works) that hold it make one record listing them as its sources, the primary
one first; another work holding the same sentence (a news item reprinting a statement) or
reporting a primary record's outcome in its own words (same year, mostly the same content
words) is listed under it as `reported_in`, once per work; so is another work's wording of an
outcome that only secondary pages report, while another version of the same work rewording it
(a group page rewritten) is one more of its sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from indexer.commitments.records import UNDATED, Commitment

# Words that say nothing about what was committed to.
_STOP = frozenset(
    {
        "the", "and", "for", "with", "that", "this", "from", "into", "their", "our", "its",
        "are", "was", "were", "will", "shall", "have", "has", "had", "been", "being", "all",
        "also", "further", "other", "such", "which", "who", "whom", "them", "they", "more",
        "most", "than", "then", "there", "these", "those", "upon", "over", "under", "between",
        "among", "across", "about", "through", "ministers", "minister", "leaders", "officials",
        "economies", "economy", "member", "members", "apec", "meeting", "meetings", "smewg",
        "working", "group", "agree", "agreed", "endorse", "endorsed", "welcome", "welcomed",
        "support", "supported", "commit", "committed",
    }
)  # fmt: skip
MIN_SHARED_WORDS = 4
MIN_OVERLAP = 0.5  # shared content words / content words of the shorter sentence


def sentence_key(text: str) -> str:
    """The sentence with case, punctuation and spacing folded (one key per sentence)."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def content_words(text: str) -> frozenset[str]:
    """The sentence's content words (and numbers: "2013-2016" gives 2013 and 2016),
    lower-cased, a plural "s" dropped."""
    words = (w.removesuffix("s") for w in re.findall(r"\w+", text.lower()))
    return frozenset(w for w in words if w not in _STOP and len(w) > 2)


def _source_order(record: Commitment) -> tuple:
    """Primary documents first, APEC's own before a republished copy, a work's primary copy
    before its other copies and versions, then oldest first."""
    return (
        not record.primary,
        (record.publisher or "").upper() != "APEC",
        record.doc_id != record.work_id,
        record.doc_year or 9999,
        record.date or "9999",
        record.url,
    )


def _same_outcome(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    return shared >= MIN_SHARED_WORDS and shared >= MIN_OVERLAP * min(len(a), len(b))


def _report(home: Commitment, record: Commitment) -> None:
    """List `record`'s work under `home` as reporting it, once per work, never `home`'s own."""
    works = {home.work_id} | {s.get("work_id") for s in home.reported_in}
    if record.work_id not in works:
        home.reported_in.append({**record.source(), "text": record.text})


def merge_records(records: Iterable[Commitment]) -> list[Commitment]:
    """`records` of many documents, one per sentence and work, each with `sources` (the copies
    and versions of its work that hold the sentence, primary first) and `reported_in` (other
    works holding the sentence or reporting the same outcome, one entry per work).

    The same sentence in another work is a report of it (a news item reprinting a statement's
    paragraph), unless both are outcome documents of different years (a statement repeating
    an earlier one's words commits again). The merged record is its primary source's record;
    its year is the one the sentence states, else the primary source's year, else the year of
    another copy or version of its work (else it stays undated, saying why).
    Records are returned in no particular order.
    """
    groups: dict[str, list[Commitment]] = {}
    for record in records:
        groups.setdefault(sentence_key(record.text), []).append(record)
    merged: list[Commitment] = []
    for group in groups.values():
        group.sort(key=_source_order)
        dated = next((r.year for r in group if r.self_dated), None)
        heads: list[Commitment] = []
        for r in group:
            home = next((h for h in heads if h.work_id == r.work_id), None)
            if home is not None:
                if all(s["url"] != r.url for s in home.sources):
                    home.sources.append(r.source())
                continue
            if not heads or (r.primary and all(h.year != r.year for h in heads)):
                r.sources, r.reported_in = [r.source()], []
                if dated is not None and not r.self_dated and not r.primary:
                    r.year, r.self_dated = dated, True
                heads.append(r)
                continue
            _report(heads[0], r)
        if dated is not None and not heads[0].self_dated:
            heads[0].year, heads[0].self_dated = dated, True
        for head in heads:  # an undated copy takes the date of a dated copy of its work
            if head.year is None and head.undated == UNDATED:
                head.year = next(
                    (r.doc_year for r in group if r.work_id == head.work_id and r.doc_year), None
                )
                head.undated = None if head.year else head.undated
        merged.extend(h for h in heads if not h.quoted)  # a quote reports, never stands alone
    return _attach_reports(merged)


def _attach_reports(records: list[Commitment]) -> list[Commitment]:
    """Records only on secondary pages go under a record of the same year and outcome: a
    primary one first, else the first secondary one kept (another wording of a group page);
    as a report when it is another work's, as a source when it is the same work's."""
    homes: dict[int | None, list[tuple[Commitment, frozenset[str]]]] = {}
    kept = []
    for record in sorted(records, key=_source_order):
        words = content_words(record.text)
        home = None
        if not record.primary:
            candidates = homes.get(record.year, [])
            home = next(
                (
                    h
                    for h, h_words in candidates
                    if h.doc_id != record.doc_id and _same_outcome(words, h_words)
                ),
                None,
            )  # (two sentences of one page are two records)
        if home is None:
            kept.append(record)
            homes.setdefault(record.year, []).append((record, words))
            continue
        if home.work_id == record.work_id:  # another version of the work words it anew
            urls = {s["url"] for s in home.sources}
            home.sources.extend(s for s in record.sources if s["url"] not in urls)
            continue
        _report(home, record)
        for other in record.reported_in:
            if other.get("work_id") != home.work_id and all(
                o.get("work_id") != other.get("work_id") for o in home.reported_in
            ):
                home.reported_in.append(other)
    return kept
