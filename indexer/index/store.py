"""The index generation on disk: opening it (a pool of searchers), reading its stored
records and columns, writing it, and BM25F scoring.

Only ``indexer.index`` imports ``whoosh`` (here, in ``analysis`` and in ``queries``):
swapping the engine means rewriting those three modules only.

Records: one per document (``kind`` "doc": metadata and paragraphs, stored only, nothing
searchable except ``kind``/``doc_id``) and one per passage (``kind`` "passage": the searchable
text, with the document's metadata copied in so a query never needs a join).
"""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import query as whoosh_query
from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader, W3TermsReader, _lenfield
from whoosh.filedb.filetables import HashReader
from whoosh.util.numeric import byte_to_length

from indexer.index.analysis import (
    ANALYSIS_FIELD,
    STOP_WORDS,
    first_stem,
    fold_word,
    make_schema,
)
from indexer.index.spelling import is_acronym


class BackendError(Exception):
    """The index on disk cannot be opened (missing, damaged or from another schema)."""


# -- opening and writing ------------------------------------------------------


class Index:
    """An open index generation. Whoosh searchers are not safe to share across threads, so
    each reader borrows a searcher of its own from a small pool (see ``reader``)."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self._ix = whoosh_index.open_dir(str(path))
            # Opened now: the files stay readable even if the folder is removed later.
            self._idle = [Reader(self._searcher())]
        except Exception as exc:  # Whoosh raises many kinds for a damaged folder
            raise BackendError(f"{path}: {type(exc).__name__}: {exc}") from exc
        self._pool_lock = threading.Lock()
        self._closed = False

    @contextmanager
    def reader(self) -> Iterator[Reader]:
        """A reader (a searcher) for this thread's use only, returned to the pool afterwards."""
        with self._pool_lock:
            reader = self._idle.pop() if self._idle else None
        if reader is None:
            try:
                reader = Reader(self._searcher())
            except Exception as exc:
                raise BackendError(f"{self.path}: {type(exc).__name__}: {exc}") from exc
        try:
            yield reader
        finally:
            with self._pool_lock:
                if self._closed:
                    reader.searcher.close()
                else:
                    self._idle.append(reader)

    def _searcher(self):
        """A new Whoosh searcher whose field lengths (read for every passage BM25F scores)
        are held in memory, a byte per record and field, rather than read from the file
        a seek and a read each time: same values, a fraction of the cost."""
        searcher = self._ix.searcher(weighting=_BM25F())
        for reader, _ in searcher.reader().leaf_readers():
            terms = getattr(reader, "_terms", None)
            if isinstance(terms, W3TermsReader) and isinstance(terms._tindex, HashReader):
                terms._tindex = _TermTable(terms._tindex)
            perdoc = getattr(reader, "_perdoc", None)
            if not isinstance(perdoc, W3PerDocReader):
                continue
            for name, fieldtype in searcher.schema.items():
                if not fieldtype.scorable:
                    continue
                key = _lenfield(name)
                column = perdoc._cached_reader(key, LENGTHS_COLUMN)
                if column is None or isinstance(column, array):
                    continue
                lengths = column.load()  # array("B"); a record past its end has length 0
                lengths.frombytes(bytes(max(0, perdoc.doc_count_all() - len(lengths))))
                perdoc._readers[key] = lengths
        return searcher

    def close(self) -> None:
        """Close the idle searchers now; those in use close when they are handed back."""
        with self._pool_lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for reader in idle:
            reader.searcher.close()

    def doc_count(self) -> int:
        with self.reader() as r:
            return r.searcher.doc_count()

    def signature(self) -> str:
        """What identifies the index's contents: its generation of the table of contents,
        its segments and record count (any commit changes it)."""
        segments = ",".join(sorted(s.segment_id() for s in self._ix._segments()))
        return f"{self._ix.latest_generation()}:{segments}:{self._ix.doc_count_all()}"

    def column(self, name: str) -> list[Any]:
        with self.reader() as r:
            return r.column(name)

    def deleted(self) -> set[int]:
        """Record numbers of deleted records (an incremental build's replaced documents),
        whose column values are still there."""
        with self.reader() as r:
            reader = r.searcher.reader()
            if not reader.has_deletions():
                return set()
            return {n for n in range(reader.doc_count_all()) if reader.is_deleted(n)}


TERM_LOOKUPS_KEPT = 4096  # per segment of a searcher; about 200 bytes each


class _TermTable:
    """A Whoosh term table (``HashReader``) that remembers where the terms it was asked
    for lie, and their term information: a query's terms are looked up several times
    (to size, match, score and rank it), each time hashing into the file otherwise.

    Used by one thread at a time, as its searcher is; forgets everything when it holds
    TERM_LOOKUPS_KEPT terms. Everything else goes to the table itself.
    """

    def __init__(self, table: HashReader):
        self._table = table
        self._found: dict[bytes, tuple[int, int, bytes] | None] = {}

    def _lookup(self, key: bytes) -> tuple[int, int, bytes] | None:
        try:
            return self._found[key]
        except KeyError:
            pass
        found = next(iter(self._table.ranges_for_key(key)), None)
        if found is not None:
            found = (*found, self._table.dbfile.get(*found))
        if len(self._found) >= TERM_LOOKUPS_KEPT:
            self._found.clear()
        self._found[key] = found
        return found

    def __contains__(self, key: bytes) -> bool:
        return self._lookup(key) is not None

    def __getitem__(self, key: bytes) -> bytes:
        found = self._lookup(key)
        if found is None:
            raise KeyError(key)
        return found[2]

    def range_for_key(self, key: bytes) -> tuple[int, int]:
        found = self._lookup(key)
        if found is None:
            raise KeyError(key)
        return found[0], found[1]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._table, name)


_LENGTHS = [None] + [byte_to_length(b) for b in range(1, 256)]  # as doc_field_length reads


class _BM25F(scoring.BM25F):
    """Whoosh's BM25F (same parameters, same scores) reading a passage's field length
    straight from the lengths ``Index._searcher`` holds in memory, rather than through
    four layers of Whoosh calls for every passage scored."""

    def scorer(self, searcher: Any, fieldname: str, text: str, qf: int = 1):
        scorer = super().scorer(searcher, fieldname, text, qf)
        perdoc = getattr(searcher.reader(), "_perdoc", None)
        lengths = getattr(perdoc, "_readers", {}).get(_lenfield(fieldname))
        if isinstance(scorer, scoring.BM25FScorer) and isinstance(lengths, array):
            scorer.dfl = lambda docnum: _LENGTHS[lengths[docnum]]
        return scorer


class Reader:
    """One thread's view of an index generation (a Whoosh searcher)."""

    def __init__(self, searcher):
        self.searcher = searcher
        self._analyses: _BytesColumn | None = None  # made when first read

    def analysis(self, docnum: int) -> bytes:
        """The stored analysis of passage record ``docnum`` (``passage_analysis.Analysed
        .encode``); b"" for a record that has none."""
        if self._analyses is None:
            self._analyses = _BytesColumn(self.searcher, ANALYSIS_FIELD)
        return self._analyses[docnum]

    def column(self, name: str) -> list[Any]:
        """All values of a sortable field, by record number; None where a record has none.

        Read segment by segment: Whoosh's multi-segment column reader skips segments that
        have no value at all for the field, which shifts every later record's value. And a
        missing value is the column's default (4294967295 for a year), not None.
        """
        field = self.searcher.schema[name]
        default = field.column_type.default_value()
        values: list[Any] = []
        for reader, _ in self.searcher.reader().leaf_readers():
            if not reader.doc_count_all():  # an index of no records has no columns at all
                continue
            raw = reader.column_reader(name, translate=False)
            values.extend(None if v == default else field.from_column_value(v) for v in raw)
        return values

    def stored(self, docnum: int) -> dict[str, Any]:
        return self.searcher.stored_fields(docnum)

    def stored_docs(self, kind: str) -> Iterator[tuple[int, dict[str, Any]]]:
        for docnum in self.searcher.document_numbers(kind=kind):
            yield docnum, self.searcher.stored_fields(docnum)

    def find(self, **terms: str) -> dict[str, Any] | None:
        return self.searcher.document(**terms)

    def vocabulary_has(self, word: str) -> bool:
        """Whether the index holds ``word`` as written (folded) or by its stem ("MSME" in
        a text that only says "MSMEs")."""
        return self.holds_written(word) or self.holds_stem(word)

    def holds_written(self, word: str) -> bool:
        """Whether the index holds ``word`` as written (folded)."""
        return self.searcher.reader().doc_frequency("exact", fold_word(word)) > 0

    def holds_stem(self, word: str) -> bool:
        """Whether the index holds a word of ``word``'s stem."""
        stem = first_stem(word)
        return stem is not None and self.searcher.reader().doc_frequency("body", stem) > 0

    def common_words(self, number: int) -> list[str]:
        """The ``number`` unstemmed words (field ``exact``) the index holds most often,
        most frequent first."""
        terms = self.searcher.reader().most_frequent_terms("exact", number)
        return [t.decode() if isinstance(t, bytes) else t for _, t in terms]


class _BytesColumn:
    """A column of bytes of every segment of a searcher, read by record number. A segment
    may have no such column at all (its records have no value), which Whoosh's reader of
    all segments' columns does not allow for (see ``Reader.column``)."""

    def __init__(self, searcher, name: str):
        self._starts: list[int] = []
        self._columns: list[Any] = []
        for reader, start in searcher.reader().leaf_readers():
            self._starts.append(start)
            has = reader.has_column(name)
            self._columns.append(reader.column_reader(name, translate=False) if has else None)

    def __getitem__(self, docnum: int) -> bytes:
        i = bisect_right(self._starts, docnum) - 1
        column = self._columns[i] if i >= 0 else None
        return b"" if column is None else column[docnum - self._starts[i]]


def correction(
    ix: Reader,
    word: str,
    suggest: Callable[..., str | None],
    holds_stem: Callable[[str], bool] | None = None,
) -> str | None:
    """``suggest``'s word for ``word`` (folded as the index folds it; told whether it was
    typed as an acronym), or None when the index holds ``word`` as written, even in a
    single document, or holds its stem (``holds_stem``, default ``ix.holds_stem``) and the
    suggestion is of that stem too: "MSME" in an index saying "MSMEs" gets none, while
    "ministrial", of the stem of "ministry", gets "ministerial"."""
    if ix.holds_written(word):
        return None
    folded = fold_word(word)
    better = suggest(folded, acronym=is_acronym(word))
    if not better or better == folded:
        return None
    same_stem = first_stem(better) == first_stem(word)
    return None if same_stem and (holds_stem or ix.holds_stem)(word) else better


def word_documents(path: Path, at_least: int) -> dict[str, int]:
    """``{word: number of documents}`` for the unstemmed words (field ``exact``) of the
    index at ``path`` that are in at least ``at_least`` passages, hence possibly in as many
    documents (a word in fewer passages is left out). For the spelling dictionary.

    Raises BackendError when the index cannot be read.
    """
    ix = Index(path)
    try:
        with ix.reader() as r:
            if r.searcher.doc_count() == 0:
                return {}  # an empty index has no columns to read
            doc_ids = r.column("doc_id")
            reader = r.searcher.reader()
            counts: dict[str, int] = {}
            for btext, info in reader.iter_field("exact"):
                if info.doc_frequency() >= at_least:
                    docs = {doc_ids[n] for n in reader.postings("exact", btext).all_ids()}
                    counts[btext.decode("utf-8")] = len(docs)
            return counts
    finally:
        ix.close()


OPEN_PART = 3  # letters at least in each word of a compound's open form


def open_forms(path: Path, words: Collection[str]) -> dict[str, tuple[str, str]]:
    """``{word: (first, second)}`` for each of ``words`` (the spelling dictionary's) that a
    passage of the index at ``path`` also writes open, as two of ``words`` side by side
    ("policymakers" and "policy makers", "microenterprises" and "micro enterprises"),
    neither a stop word nor shorter than OPEN_PART letters. The first such split is kept.

    Raises BackendError when the index cannot be read.
    """
    ix = Index(path)
    try:
        with ix.reader() as r:
            found: dict[str, tuple[str, str]] = {}
            for word in words:
                if not word.isalpha():
                    continue
                for i in range(OPEN_PART, len(word) - OPEN_PART + 1):
                    a, b = word[:i], word[i:]
                    if (
                        a in words
                        and b in words
                        and STOP_WORDS.isdisjoint((a, b))
                        and whoosh_query.Phrase("exact", [a, b]).matcher(r.searcher).is_active()
                    ):
                        found[word] = (a, b)
                        break
            return found
    finally:
        ix.close()


def check_index(path: Path) -> str | None:
    """None when the index at ``path`` opens and reads; else what is wrong with it."""
    try:
        ix = Index(path)
    except BackendError as exc:
        return str(exc)
    try:
        with ix.reader() as r:
            r.searcher.doc_count()
            next(r.stored_docs("doc"), None)
    except Exception as exc:
        return f"{path}: {type(exc).__name__}: {exc}"
    finally:
        ix.close()
    return None


class Writer:
    """A Whoosh writer on a (new or copied) generation folder."""

    def __init__(self, path: Path, *, create: bool, timeout: float = 30.0):
        if create:
            ix = whoosh_index.create_in(str(path), make_schema())
        else:
            ix = whoosh_index.open_dir(str(path))
        self._ix = ix
        try:
            # Segment files kept apart (not compound): every searcher of a compound segment
            # copies its postings into memory (about 100 MB per searcher at 10,000
            # documents), while separate files are read through the shared page cache.
            self._w = ix.writer(timeout=timeout, limitmb=256, compound=False)
        except whoosh_index.LockError as exc:
            ix.close()
            raise BackendError(f"the index at {path} is locked by another writer") from exc

    def indexed_documents(self) -> dict[str, str]:
        """doc_id -> index key (indexer.index.build.index_key) of every document record
        already in the index."""
        with self._ix.searcher() as s:
            stored = (s.stored_fields(n) for n in s.document_numbers(kind="doc"))
            return {f["doc_id"]: f.get("index_key") for f in stored}

    def delete_document(self, doc_id: str) -> None:
        self._w.delete_by_term("doc_id", doc_id)

    def add(self, record: dict[str, Any]) -> None:
        self._w.add_document(**{k: v for k, v in record.items() if v is not None})

    def commit(self) -> None:
        self._w.commit()
        self._ix.close()

    def cancel(self) -> None:
        self._w.cancel()
        self._ix.close()
