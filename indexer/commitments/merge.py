"""One record per commitment across pages.

The same sentence is on many pages: a group page republished every year, a statement on
apec.org's current and old sites, a republishing site. Those records become one, listing all
its sources with the primary one (a statement, declaration, chair's statement, initiative or
meeting report) first. A news item or page that reports a primary record's outcome in its own
words (same year, mostly the same content words) is listed under it as `reported_in`; so is
another wording of an outcome that only secondary pages report (a group page rewritten).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from indexer.commitments.records import Commitment

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
    """Primary documents first, APEC's own before a republished copy, then oldest first."""
    return (
        not record.primary,
        (record.publisher or "").upper() != "APEC",
        record.doc_year or 9999,
        record.date or "9999",
        record.url,
    )


def _same_outcome(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    return shared >= MIN_SHARED_WORDS and shared >= MIN_OVERLAP * min(len(a), len(b))


def merge_records(records: Iterable[Commitment]) -> list[Commitment]:
    """`records` of many documents, one per sentence, each with `sources` and `reported_in`.

    The merged record is its primary source's record (else its earliest page's); its year is
    the one the sentence states, else the primary source's year, else the earliest page's.
    Records are returned in no particular order.
    """
    groups: dict[str, list[Commitment]] = {}
    for record in records:
        groups.setdefault(sentence_key(record.text), []).append(record)
    merged: list[Commitment] = []
    for group in groups.values():
        group.sort(key=_source_order)
        head = group[0]
        dated = next((r.year for r in group if r.self_dated), None)
        sources, seen = [], set()
        for r in group:
            if r.url not in seen:
                seen.add(r.url)
                sources.append(r.source())
        head.sources = sources
        head.reported_in = []
        if dated is not None:
            head.year, head.self_dated = dated, True
        merged.append(head)
    return _attach_reports(merged)


def _attach_reports(records: list[Commitment]) -> list[Commitment]:
    """Records only on secondary pages go under a record of the same year and outcome: a
    primary one first, else the first secondary one kept (another wording of a group page)."""
    homes: dict[int | None, list[tuple[Commitment, frozenset[str]]]] = {}
    kept = []
    for record in sorted(records, key=_source_order):
        words = content_words(record.text)
        home = None
        if not record.primary:
            candidates = homes.get(record.year, [])
            home = next((h for h, h_words in candidates if _same_outcome(words, h_words)), None)
        if home is None:
            kept.append(record)
            homes.setdefault(record.year, []).append((record, words))
            continue
        for source in record.sources:
            home.reported_in.append({**source, "text": record.text})
    return kept
