"""Impacts: the BM25F score of every title and body term in every passage, computed once
when an index generation is built and read by every search worker from shared memory.

A word's passages and scores are what most searches need first (its part of a query, see
``indexer.search.engine``), and Whoosh reads them a posting at a time, in Python: about 70 ms for
a word in 38,000 passages. The impact files hold them ready, like the precomputed
"impact-ordered" postings of Anh & Moffat ("Impact transformations", SIGIR 2005) but with
the scores exact: each is the score Whoosh's own matcher gives the term in that passage, so
a search answers the same with or without them.

Files in a generation folder:

    impacts.json     {"index": the index's signature, "byteorder": "little" or "big",
                      "terms": {"title": {term: [start, count]}, "body": {...},
                                "words": {word: [start, count]}}}
    impacts.ids      runs of record numbers, int32, ascending
    impacts.scores   their scores, float64, in the same order (this machine's byte order)
    impacts.ranked   each run's record numbers again, best score first (on a tie the lower)

"title" and "body" give a term's run in that field, "words" a word's in both together (the
OR of the two that a query's word is): its scores added up where it is in both, and the
same run as the field's where it is in one only.

A generation without impacts that can be used (built before impacts were written, its files
damaged, written for other contents of the index, say by an older build adding documents
to a copy, or on a machine of the other byte order) is searched through Whoosh alone.
"""

from __future__ import annotations

import json
import mmap
import sys
from array import array
from pathlib import Path

import numpy as np

from indexer.index import queries, store
from indexer.index.analysis import first_stem

TABLE_FILE = "impacts.json"
IDS_FILE = "impacts.ids"
SCORES_FILE = "impacts.scores"
RANKED_FILE = "impacts.ranked"
FILES = (TABLE_FILE, IDS_FILE, SCORES_FILE, RANKED_FILE)
WORDS = "words"


def best_first(scores: dict[int, float]) -> list[int]:
    """The record numbers of ``scores``, best score first, on a tie the lower first (as
    Whoosh ranks). By record number, then by score (a stable sort, also when reversed): two
    sorts on plain keys are faster than one on tuples."""
    ranked = sorted(scores)
    ranked.sort(key=scores.__getitem__, reverse=True)
    return ranked


class _Runs:
    """Appends runs (a term's record numbers, scores and ranking) to the three files."""

    def __init__(self, gen_dir: Path):
        self._files = [open(gen_dir / name, "wb") for name in FILES[1:]]  # noqa: SIM115
        self.end = 0

    def add(self, scores: dict[int, float]) -> list[int]:
        """Write a run; its [start, count]."""
        ids = sorted(scores)
        ids_out, scores_out, ranked_out = self._files
        array("i", ids).tofile(ids_out)
        array("d", [scores[n] for n in ids]).tofile(scores_out)
        array("i", best_first(scores)).tofile(ranked_out)
        run = [self.end, len(ids)]
        self.end += len(ids)
        return run

    def close(self) -> None:
        for f in self._files:
            f.close()


def write_impacts(gen_dir: Path) -> int:
    """Write the impact files of the index generation in ``gen_dir``; returns how many
    scores they hold. Raises BackendError when the index cannot be read, OSError when the
    files cannot be written."""
    title_field, body_field = queries.SEARCH_FIELDS
    table: dict[str, dict[str, list[int]]] = {title_field: {}, body_field: {}, WORDS: {}}
    ix = store.Index(gen_dir)
    runs = _Runs(gen_dir)
    try:
        with ix.reader() as r:
            titles: dict[str, dict[int, float]] = {}  # few: titles are short
            for term, scores in queries.term_scores(r, title_field):
                table[title_field][term] = table[WORDS][term] = runs.add(scores)
                titles[term] = scores
            for term, scores in queries.term_scores(r, body_field):
                table[body_field][term] = runs.add(scores)
                title = titles.get(term)
                both = None if title is None else queries.added([title, scores])
                table[WORDS][term] = table[body_field][term] if both is None else runs.add(both)
        signature = ix.signature()
    finally:
        runs.close()
        ix.close()
    head = {"index": signature, "byteorder": sys.byteorder, "terms": table}
    (gen_dir / TABLE_FILE).write_text(json.dumps(head), encoding="utf-8")
    return runs.end


class Impacts:
    """One generation's impact files, memory-mapped (shared by the processes that map
    them; unmapped when no longer referenced, so a swapped-out generation's searches in
    flight finish). Thread-safe: only read."""

    def __init__(self, table: dict[str, dict[str, tuple[int, int]]], maps: list[mmap.mmap]):
        self._table = table
        self._ids, self._scores, self._ranked = maps

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
            for name in FILES[1:]:
                with open(gen_dir / name, "rb") as f:
                    maps.append(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
        except (OSError, ValueError, TypeError, AttributeError, KeyError):  # unreadable
            return None
        end = max((a + b for terms in table.values() for a, b in terms.values()), default=0)
        if [len(m) for m in maps] != [4 * end, 8 * end, 4 * end]:
            return None  # cut short: not the files the table describes
        return cls(table, maps)

    def matches(self, q) -> tuple[np.ndarray, np.ndarray, array | None] | None:
        """(the record numbers of every passage ``q`` matches, ascending (int32); their
        BM25F scores (float64); those passages best first when the files hold that
        ranking) when ``q`` is a term of title or body or an OR of two
        (``queries.single_terms``); None for any other query. The same scores as
        ``queries.scores(q)``. A term's or a word's arrays are read-only views of the shared
        files, not copies: its tens of thousands of passages cost a worker nothing."""
        terms = queries.single_terms(q)
        if terms is None:
            return None
        if len(terms) == 1:
            return self._run(*terms[0])
        (field_a, a), (field_b, b) = terms
        if a == b and {field_a, field_b} == set(queries.SEARCH_FIELDS):
            return self._run(WORDS, a)  # a word in title or body
        (ids_a, scores_a, _), (ids_b, scores_b, _) = self._run(field_a, a), self._run(field_b, b)
        ids, at = np.unique(np.concatenate([ids_a, ids_b]), return_inverse=True)
        # added in part order where both hold a passage, as ``queries.added`` adds them
        added = np.bincount(at, weights=np.concatenate([scores_a, scores_b]), minlength=len(ids))
        return ids, added, None

    def holds_word(self, word: str) -> bool:
        """Whether some passage's body holds ``word`` by its stem: ``store.Reader.holds_stem``
        answered from the table in memory (a dictionary lookup where Whoosh's term lookup
        takes about 40 µs)."""
        stem = first_stem(word)
        return stem is not None and stem in self._table.get(queries.SEARCH_FIELDS[1], {})

    def _run(self, key: str, term: str) -> tuple[np.ndarray, np.ndarray, array]:
        start, count = self._table.get(key, {}).get(term, (0, 0))
        ids = np.frombuffer(self._ids, dtype=np.int32, count=count, offset=4 * start)
        scores = np.frombuffer(self._scores, dtype=np.float64, count=count, offset=8 * start)
        ranked = array("i")  # walked rank by rank: Python's ints, not numpy's scalars
        ranked.frombytes(self._ranked[4 * start : 4 * (start + count)])
        return ids, scores, ranked
