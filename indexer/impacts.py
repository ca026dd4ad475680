"""Impacts: the BM25F score of every title and body term in every passage, computed once
when an index generation is built and read by every search worker from shared memory.

A word's passages and scores are what most searches need first (its part of a query, see
``indexer.search``), and Whoosh reads them a posting at a time, in Python: about 70 ms for
a word in 38,000 passages. The impact files hold them ready, like the precomputed
"impact-ordered" postings of Anh & Moffat ("Impact transformations", SIGIR 2005) but with
the scores exact: each is the score Whoosh's own matcher gives the term in that passage, so
a search answers the same with or without them.

Files in a generation folder:

    impacts.json     {"index": the index's signature, "byteorder": "little" or "big",
                      "terms": {"title": {term: [start, count]}, "body": {...}}}
    impacts.ids      record numbers, int32, ascending within each term
    impacts.scores   their scores, float64, in the same order (this machine's byte order)

A generation without them that can be used (built before impacts were written, its files
damaged, written for other contents of the index, say by an older build adding documents
to a copy, or on a machine of the other byte order) is searched through Whoosh alone.
"""

from __future__ import annotations

import json
import mmap
import sys
from array import array
from pathlib import Path

from indexer import backend

TABLE_FILE = "impacts.json"
IDS_FILE = "impacts.ids"
SCORES_FILE = "impacts.scores"


def write_impacts(gen_dir: Path) -> int:
    """Write the impact files of the index generation in ``gen_dir``; returns how many
    (term, passage) scores they hold. Raises BackendError when the index cannot be read,
    OSError when the files cannot be written."""
    table: dict[str, dict[str, list[int]]] = {}
    start = 0
    ix = backend.Index(gen_dir)
    try:
        signature = ix.signature()
    finally:
        ix.close()
    with open(gen_dir / IDS_FILE, "wb") as ids_out, open(gen_dir / SCORES_FILE, "wb") as out:
        for fieldname in backend.SEARCH_FIELDS:
            terms = table[fieldname] = {}
            for term, scores in backend.term_scores(gen_dir, fieldname):
                ids = sorted(scores)
                array("i", ids).tofile(ids_out)
                array("d", [scores[n] for n in ids]).tofile(out)
                terms[term] = [start, len(ids)]
                start += len(ids)
    head = {"index": signature, "byteorder": sys.byteorder, "terms": table}
    (gen_dir / TABLE_FILE).write_text(json.dumps(head), encoding="utf-8")
    return start


class Impacts:
    """One generation's impact files, memory-mapped (shared by the processes that map
    them; unmapped when no longer referenced, so a swapped-out generation's searches in
    flight finish). Thread-safe: only read."""

    def __init__(
        self, table: dict[str, dict[str, tuple[int, int]]], ids: mmap.mmap, scores: mmap.mmap
    ):
        self._table = table
        self._ids = ids
        self._scores = scores

    @classmethod
    def open(cls, gen_dir: Path, signature: str) -> Impacts | None:
        """The impacts of ``gen_dir``, whose index has ``signature`` (``Index.signature``),
        or None when it has none that can be used."""
        try:
            head = json.loads((gen_dir / TABLE_FILE).read_text(encoding="utf-8"))
            if head["index"] != signature or head["byteorder"] != sys.byteorder:
                return None
            # Tuples: the garbage collector stops walking them (lists it walks each time).
            table = {
                f: {t: (a, b) for t, (a, b) in terms.items()} for f, terms in head["terms"].items()
            }
            maps = []
            for name in (IDS_FILE, SCORES_FILE):
                with open(gen_dir / name, "rb") as f:
                    maps.append(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
        except (OSError, ValueError, TypeError, AttributeError, KeyError):  # unreadable
            return None
        ids, scores = maps
        total = sum(count for terms in table.values() for _, count in terms.values())
        if len(ids) != 4 * total or len(scores) != 8 * total:
            return None  # cut short: not the files the table describes
        return cls(table, ids, scores)

    def scores(self, q) -> dict[int, float] | None:
        """Record number -> BM25F score of every passage ``q`` matches, when ``q`` is a
        term of title or body or an OR of two (``backend.single_terms``); None for any
        other query. The same scores as ``backend.scores(q)``: an OR adds its terms'."""
        terms = backend.single_terms(q)
        if terms is None:
            return None
        first, *other = (dict(zip(*self._postings(f, t), strict=True)) for f, t in terms)
        if not other:
            return first
        second = other[0]
        out = {**first, **second}
        for n in first.keys() & second.keys():
            out[n] = first[n] + second[n]
        return out

    def _postings(self, fieldname: str, term: str) -> tuple[array, array]:
        start, count = self._table.get(fieldname, {}).get(term, (0, 0))
        ids, scores = array("i"), array("d")
        ids.frombytes(self._ids[4 * start : 4 * (start + count)])
        scores.frombytes(self._scores[8 * start : 8 * (start + count)])
        return ids, scores
