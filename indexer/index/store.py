"""Everything that touches Whoosh: schema, analyzers, opening, writing, parsing, highlighting.

No other module imports ``whoosh``; swapping the engine means rewriting this file only.

Records: one per document (``kind`` "doc": metadata and paragraphs, stored only, nothing
searchable except ``kind``/``doc_id``) and one per passage (``kind`` "passage": the searchable
text, with the document's metadata copied in so a query never needs a join).
"""

from __future__ import annotations

import html
import re
import sys
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import qparser, query, scoring
from whoosh.analysis import Token, Tokenizer
from whoosh.analysis.tokenizers import default_pattern
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader, W3TermsReader, _lenfield
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filetables import HashReader
from whoosh.lang.porter2 import stem as porter2
from whoosh.query.spans import Span, SpanNear2
from whoosh.support.charset import accent_map
from whoosh.util.numeric import byte_to_length

SCHEMA_VERSION = 5  # 4: compounds and dotted acronyms; 5: no Whoosh spelling graph

# Words kept short; "us" is not a stop word here (it is an economy).
STOP_WORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "if", "in"]
    + ["is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "will"]
    + ["with"]
)


def stem_word(word: str) -> str:
    """Porter2 (so "committed" and "commitment" meet), plus plural acronyms: porter2 leaves
    "msmes" and "smes" alone, so they lose their "s" here and meet "msme" and "sme"."""
    stemmed = porter2(word)
    if stemmed == word and len(word) > 3 and word.endswith("es"):
        return word[:-1]
    return stemmed


class FoldingTokenizer(Tokenizer):
    """``RegexTokenizer | LowercaseFilter | CharsetFilter(accent_map)``, then, if given, a
    ``StopFilter(minsize=1)`` and a ``StemFilter`` with a stem cache, in one pass; plus two
    rules so that spellings of one word meet:

    - a dotted acronym is one word without its dots: "U.S." is "us", "A.P.E.C." is "apec"
      (at index and query time);
    - when indexing, a hyphenated compound ("e-commerce", "co-operation", and "e commerce")
      also yields its parts joined ("ecommerce", "cooperation"), at the position of its
      last part, as Elasticsearch's ``word_delimiter_graph`` does with ``catenate_words``.
      The query side (``_rewrite``) asks for the joined form or all the parts.

    Otherwise the same tokens, positions and query-time behaviour as the Whoosh chain (stop
    words renumbered away, or kept marked ``stopped`` when the parser asks), at about half
    the cost: one generator instead of five, and ASCII text is lowercased once.
    """

    def __init__(self, stoplist: Iterable[str] = (), stemfn=None):
        self.stops = frozenset(stoplist)
        self.stemfn = stemfn
        self._stems: dict[str, str] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"stops": self.stops, "stemfn": self.stemfn}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, _stems={})

    def __eq__(self, other: object) -> bool:
        return (
            type(self) is type(other)
            and self.stops == other.stops  # type: ignore[attr-defined]
            and self.stemfn == other.stemfn  # type: ignore[attr-defined]
        )

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        ascii_text = value.isascii()
        source = value.lower() if ascii_text else value
        spans = _TOKEN.finditer(source) if tokenize else iter([_WholeValue(source)])
        stops, stemfn, stems = self.stops, self.stemfn, self._stems
        minsize = 1 if stops else 0  # StopFilter(minsize=1) also drops empty words
        compounds = tokenize and mode != "query"
        chain: list[str] | None = None  # the parts of the compound being read, if any
        chain_start = prev_start = prev_end = 0
        prev_word = ""
        pos = None  # the last kept token's position, when stop words are renumbered away
        for n, match in enumerate(spans):
            word = match.group(0)
            start = match.start()
            joined = (
                compounds
                and n > 0
                and (
                    (start == prev_end + 1 and source[prev_end] in _HYPHENS)
                    or (prev_word == "e" and _spaced(source, prev_end, start))
                )
            )
            if chain is not None and not joined:
                yield from self._compound(t, chain, (chain_start, prev_end), start_char, pos)
                chain = None
            if keeporiginal or not tokenize:  # as RegexTokenizer does
                t.original = value[start : match.end()]
            if not ascii_text:
                word = word.lower().translate(accent_map)
            if "." in word and _DOTTED_ACRONYM.fullmatch(word):
                word = word.replace(".", "")
            if joined:
                if chain is None:
                    chain, chain_start = [prev_word], prev_start
                chain.append(word)
            prev_word, prev_start, prev_end = word, start, match.end()
            t.boost = 1.0
            t.stopped = word in stops or len(word) < minsize
            if t.stopped and removestops:
                continue
            if positions and t.stopped:
                t.pos = start_pos + n
            elif positions:
                pos = t.pos = start_pos + n if pos is None else pos + 1
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + prev_end
            if stemfn is not None and not t.stopped:
                stem = stems.get(word)
                if stem is None:
                    stem = stems[word] = stemfn(word)
                word = stem
            t.text = word
            yield t
        if chain is not None:
            yield from self._compound(t, chain, (chain_start, prev_end), start_char, pos)

    def _stem(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stems[word] = self.stemfn(word)
        return stem

    def _compound(
        self, t: Token, parts: list[str], span: tuple[int, int], start_char: int, pos: int | None
    ) -> Iterator[Token]:
        """The joined form of a compound's parts, at the last kept token's position."""
        t.stopped = False
        t.boost = 1.0
        if t.positions:
            t.pos = pos if pos is not None else 0
        if t.chars:
            t.startchar, t.endchar = start_char + span[0], start_char + span[1]
        joined = "".join(parts)
        t.text = self._stem(joined) if self.stemfn is not None else joined
        yield t


_HYPHENS = frozenset("-\u2010\u2011")
# "u.s", "a.p.e.c" (the tokenizer's pattern keeps inner dots, not the final one).
_DOTTED_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


def _spaced(text: str, end: int, start: int) -> bool:
    """Whether only spaces lie between ``end`` and the word at ``start`` (of 3+ letters):
    a lone "e" then joins that word ("e commerce" is also "ecommerce")."""
    return text[end:start].isspace() and text[start : start + 3].isalpha()


class _WholeValue:
    """A regex match look-alike for an untokenized value."""

    def __init__(self, value: str):
        self._value = value

    def group(self, _: int) -> str:
        return self._value

    def start(self) -> int:
        return 0

    def end(self) -> int:
        return len(self._value)


_TOKEN = re.compile(default_pattern.pattern)

STEM = FoldingTokenizer(STOP_WORDS, stem_word)
PLAIN = FoldingTokenizer()


def make_schema() -> Schema:
    return Schema(
        kind=ID(),
        doc_id=ID(stored=True, sortable=True),
        passage_id=ID(stored=True, unique=True),
        title=TEXT(analyzer=STEM, stored=True, field_boost=2.0),
        body=TEXT(analyzer=STEM, stored=True, phrase=False),
        # Unstemmed copy for "quoted phrases"; its words are the spelling vocabulary.
        exact=TEXT(analyzer=PLAIN, phrase=True),
        location=TEXT(analyzer=PLAIN, stored=True),
        doc_type=ID(stored=True, sortable=True),
        year=NUMERIC(int, bits=32, stored=True, sortable=True, signed=False),
        date=ID(stored=True, sortable=True),
        meeting_number=NUMERIC(int, bits=32, stored=True),
        url=STORED(),
        fetched_url=STORED(),
        fetched_at=STORED(),
        content_type=STORED(),
        sha256=STORED(),
        position=STORED(),
        page=STORED(),
        meta=STORED(),  # doc records: document metadata (dict)
        paragraphs=STORED(),  # doc records: list of paragraph dicts
    )


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
            self._idle = [self._searcher()]
        except Exception as exc:  # Whoosh raises many kinds for a damaged folder
            raise BackendError(f"{path}: {type(exc).__name__}: {exc}") from exc
        self._pool_lock = threading.Lock()
        self._closed = False

    @contextmanager
    def reader(self) -> Iterator[Reader]:
        """A searcher for this thread's use only, returned to the pool afterwards."""
        with self._pool_lock:
            searcher = self._idle.pop() if self._idle else None
        if searcher is None:
            try:
                searcher = self._searcher()
            except Exception as exc:
                raise BackendError(f"{self.path}: {type(exc).__name__}: {exc}") from exc
        try:
            yield Reader(searcher)
        finally:
            with self._pool_lock:
                if self._closed:
                    searcher.close()
                else:
                    self._idle.append(searcher)

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
        for searcher in idle:
            searcher.close()

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
        return self.searcher.reader().doc_frequency("exact", word) > 0


def correction(ix: Reader, word: str, suggest: Callable[[str], str | None]) -> str | None:
    """``suggest``'s word for ``word`` (folded as the index folds it), or None when the
    index holds ``word`` itself, even in a single document."""
    folded = _fold(word)
    if ix.vocabulary_has(folded):
        return None
    better = suggest(folded)
    return better if better and better != folded else None


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


def term_scores(ix: Reader, fieldname: str) -> Iterator[tuple[str, dict[int, float]]]:
    """For each term of field ``fieldname``: (the term, record number -> the BM25F score a
    search for that term alone gives each live record holding it), terms in index order."""
    for btext, _ in ix.searcher.reader().iter_field(fieldname):
        term = btext.decode("utf-8")
        yield term, scores(ix, query.Term(fieldname, term))


def single_terms(q) -> list[tuple[str, str]] | None:
    """The (field, term) pairs of ``q`` when it is one term of a search field, or an OR of
    two (a word in title and body), none boosted: queries whose scores are those terms'
    scores added up. None for any other query."""
    leaves = q.subqueries if type(q) is query.Or and len(q.subqueries) == 2 else [q]
    if type(q) is query.Or and q.boost != 1.0:
        return None
    if all(
        type(t) is query.Term and t.fieldname in SEARCH_FIELDS and t.boost == 1.0 for t in leaves
    ):
        return [(t.fieldname, t.text) for t in leaves]
    return None


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
        """doc_id -> sha256 of every document record already in the index."""
        with self._ix.searcher() as s:
            stored = (s.stored_fields(n) for n in s.document_numbers(kind="doc"))
            return {f["doc_id"]: f["sha256"] for f in stored}

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


# -- queries -----------------------------------------------------------------

SEARCH_FIELDS = ("title", "body")
USER_FIELDS = {"title", "body", "type", "doc_type", "year", "location", "exact"}


def _parser() -> qparser.QueryParser:
    parser = qparser.MultifieldParser(list(SEARCH_FIELDS), make_schema(), group=qparser.AndGroup)
    # "-word" excludes a word; a hyphen inside "women-owned" does not.
    parser.add_plugin(qparser.PlusMinusPlugin(r"(?:^|(?<=[\s(]))\+", r"(?:^|(?<=[\s(]))-(?=\w)"))
    parser.add_plugin(qparser.FieldAliasPlugin({"doc_type": ["type"]}))
    parser.remove_plugin_class(qparser.WildcardPlugin)
    parser.remove_plugin_class(qparser.BoostPlugin)
    parser.add_plugin(qparser.PrefixPlugin())  # "digital*", written as exact:digital* by _rewrite
    return parser


_PARSER = _parser()


@dataclass
class Parsed:
    query: Any
    notes: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # the user's plain words, for spelling
    stems: set[str] = field(default_factory=set)  # terms to highlight (stemmed)
    exact: set[str] = field(default_factory=set)  # terms to highlight (unstemmed)
    excluded: Any = None  # what NOT/-word excludes: documents with a passage matching it
    prefixes: set[str] = field(default_factory=set)  # "digital*" -> "digital" (folded)
    too_common: list[str] = field(default_factory=list)  # a query of stop words only

    @property
    def empty(self) -> bool:
        return self.query is query.NullQuery


_OPS = {"AND", "OR", "NOT"}
_QUOTED = re.compile(r'(\w+:)?"([^"]*)"')
_FIELD = re.compile(r"\b(\w+):(?=\S)")
_YEAR_RANGE = re.compile(r"\byear:(\d{4})\s*(?:\.\.|-)\s*(\d{4})\b")


def _tidy_operators(text: str, notes: list[str]) -> str:
    """Drop operators with nothing on one side ("AND" at the end, "OR OR")."""
    parts = re.findall(r'"[^"]*"|\S+', text)
    out: list[str] = []
    for part in parts:
        if part in ("AND", "OR") and (not out or out[-1] in _OPS):
            notes.append(f"ignored a dangling {part}")
            continue
        out.append(part)
    while out and out[-1] in _OPS:
        notes.append(f"ignored a dangling {out.pop()}")
    return " ".join(out)


# "U.S." / "A.P.E.C" as one word; "e commerce" as "e-commerce"; "cross-border" (not after a
# field name or a leading minus); "digital*" (at least two letters).
_ACRONYM = re.compile(rf"(?<![\w.])({_DOTTED_ACRONYM.pattern})\.?(?!\w)")
_E_PREFIX = re.compile(r"(?<![\w:.-])([eE])\s+(?=[^\W\d_]{3,})")
_COMPOUND = re.compile(r"(?<![\w:.*-])(\w+(?:[-\u2010\u2011]\w+)+)(?![\w*:.-])")
_PREFIX = re.compile(r"(?<![\w:.*-])(-?)(\w{2,})\*(?=\s|\)|$)")


def _spellings(text: str) -> str:
    """Outside quotes: acronyms without dots, a hyphenated compound as its joined form or
    all of its parts ("co-operation" -> "(cooperation OR (co operation))", so it meets
    "cooperation", "co-operation" and "co operation"), and "word*" on the exact field."""
    text = _ACRONYM.sub(lambda m: m.group(1).replace(".", ""), text)
    text = _E_PREFIX.sub(r"\1-", text)

    def compound(m: re.Match) -> str:
        parts = re.split(r"[-\u2010\u2011]", m.group(1))
        return f"({''.join(parts)} OR ({' '.join(parts)}))"

    text = _COMPOUND.sub(compound, text)
    return _PREFIX.sub(r"\1exact:\2*", text)


def _rewrite(text: str, notes: list[str]) -> str:
    if text.count('"') % 2:
        cut = text.rfind('"')
        text = text[:cut] + text[cut + 1 :]
        notes.append("ignored an unbalanced quote")
    text = _YEAR_RANGE.sub(r"year:[\1 TO \2]", text)

    def unknown(m: re.Match) -> str:
        if m.group(1).lower() in USER_FIELDS:
            return m.group(1).lower() + ":"
        notes.append(f"unknown field {m.group(1)!r}: searched for what follows it anywhere")
        return ""

    # Leave quoted text alone while fixing fields, then send bare phrases to the exact field.
    pieces = re.split(r'("[^"]*")', text)
    text = "".join(p if p.startswith('"') else _spellings(_FIELD.sub(unknown, p)) for p in pieces)
    text = _QUOTED.sub(lambda m: m.group(0) if m.group(1) else f' exact:"{m.group(2)}"', text)
    if text.count("(") != text.count(")"):
        text = text.replace("(", " ").replace(")", " ")
        notes.append("ignored unbalanced parentheses")
    return _tidy_operators(text, notes)


_PLAIN_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


@lru_cache(maxsize=65536)
def _word_query(word: str):
    return _PARSER.parse(word)


def _parse_words(text: str):
    """What the parser makes of ``text`` when it is only words of letters (no operators):
    the AND of what it makes of each word, normalised as it does (stop words and repeats
    dropped, one word alone) from a cache of single words, at a fraction of the cost of
    parsing the whole query. None for any other text."""
    words = text.split(" ")
    if not _PLAIN_WORDS.fullmatch(text) or not _OPS.isdisjoint(words):
        return None
    return query.And([_word_query(w) for w in words]).normalize()


def parse(text: str) -> Parsed:
    """The best reading of a user's query, with notes on anything that was repaired."""
    notes: list[str] = []
    rewritten = _rewrite(text.strip(), notes)
    try:
        q = _parse_words(rewritten)
        if q is None:
            q = _PARSER.parse(rewritten)
    except Exception:
        words = " ".join(re.findall(r"\w+", rewritten))
        notes.append("could not read the query's syntax: searched for its words")
        q = _PARSER.parse(words)
    if q is query.NullQuery and re.search(r"(^|\s)(-|NOT\s)", rewritten):
        # Only exclusions ("-covid"): everything else.
        q = _PARSER.parse(f"kind:passage {rewritten}")
    parsed = Parsed(query=_phrases_where_positions(q), notes=notes)
    if q is query.NullQuery:
        words = [_fold(w) for w in re.findall(r"\w+", rewritten)]
        parsed.too_common = [w for w in dict.fromkeys(words) if w in STOP_WORDS]
        return parsed
    parsed.prefixes = {leaf.text for leaf in q.leaves() if isinstance(leaf, query.Prefix)}
    for fieldname, value in q.iter_all_terms(phrases=True):
        if isinstance(value, bytes):
            continue
        if fieldname in ("title", "body"):
            parsed.stems.add(value)
        elif fieldname == "exact":
            parsed.exact.add(value)
    negations = list(_negated(parsed.query))
    if negations:
        parsed.excluded = query.Or(negations) if len(negations) > 1 else negations[0]
    negated = {t for n in negations for _, t in n.iter_all_terms(phrases=True)}
    parsed.stems -= negated
    parsed.exact -= negated
    # Mark a phrase's words, but not every "the" and "of" on the page.
    parsed.exact = parsed.exact - STOP_WORDS or parsed.exact
    plain = re.sub(r'\w+:("[^"]*"|\[[^\]]*\]|\S+)', " ", rewritten)
    plain = re.sub(r'"[^"]*"', " ", plain)
    parsed.words = [w for w in re.findall(r"[^\W\d_]{4,}", plain) if w not in _OPS]
    return parsed


def _phrases_where_positions(q):
    """A phrase the parser put on a field without positions becomes an AND of its words;
    the others are checked by ``ConsecutivePhrase``."""
    if isinstance(q, query.Phrase) and q.fieldname == "body":
        return query.And([query.Term("body", w) for w in q.words])
    if type(q) is query.Phrase and q.slop == 1:
        return ConsecutivePhrase(q.fieldname, q.words, boost=q.boost)
    return q.apply(_phrases_where_positions)


class ConsecutivePhrase(query.Phrase):
    """A Whoosh ``Phrase`` (slop 1) whose position check is a set intersection rather
    than span-by-span comparisons: same matches and scores, a fraction of the cost."""

    def matcher(self, searcher, context=None):
        m = super().matcher(searcher, context)
        if type(m) is SpanNear2.SpanNear2Matcher:
            return _ConsecutiveMatcher(m.ms)
        return m


class _ConsecutiveMatcher(SpanNear2.SpanNear2Matcher):
    def _get_spans(self):
        starts: set[int] | None = None
        for i, m in enumerate(self.ms):
            shifted = {p - i for p in m.value_as("positions")}
            starts = shifted if starts is None else starts & shifted
            if not starts:
                return []
        n = len(self.ms)
        return [Span(p, p + n - 1) for p in sorted(starts or ())]


def _negated(q) -> Iterator[Any]:
    if isinstance(q, query.Not):
        yield q.query
    elif isinstance(q, query.AndNot):
        yield q.b
    for child in q.children():
        yield from _negated(child)


PREFIX_TERMS = 50  # "word*" stands for at most this many words, the most frequent first


def expand_prefixes(ix: Reader, parsed: Parsed) -> Parsed:
    """``parsed`` with each ``word*`` replaced by an OR of the (at most PREFIX_TERMS most
    frequent) indexed words it starts, those words added to the highlighted terms and a
    note when the list was cut. A prefix that starts no word stays and matches nothing."""
    if not parsed.prefixes:
        return parsed
    reader = ix.searcher.reader()
    words: set[str] = set()
    notes = list(parsed.notes)

    def expand(q):
        if not isinstance(q, query.Prefix):
            return q.apply(expand)
        found = [t.decode("utf-8") for t in reader.expand_prefix(q.fieldname, q.text)]
        if len(found) > PREFIX_TERMS:
            found.sort(key=lambda t: -reader.doc_frequency(q.fieldname, t))
            notes.append(f"{q.text}* stands for its {PREFIX_TERMS} most frequent words")
            found = found[:PREFIX_TERMS]
        if not found:
            return query.Term(q.fieldname, q.text, boost=q.boost)
        if q.fieldname == "exact":
            words.update(found)
        # Scored as its best word, so that a prefix weighs as one word of the query.
        return query.DisjunctionMax([query.Term(q.fieldname, t) for t in found], boost=q.boost)

    excluded = expand(parsed.excluded) if parsed.excluded is not None else None
    return replace(
        parsed,
        query=expand(parsed.query),
        excluded=excluded,
        exact=parsed.exact | words,
        notes=notes,
    )


def conjuncts(q) -> list[Any]:
    """The positive parts of ``q`` a document must all hold: the children of a top-level
    AND (of an AND NOT's positive side), leaving out NOTs; ``[q]`` for anything else."""
    if isinstance(q, query.AndNot):
        return conjuncts(q.a)
    if not isinstance(q, query.And):
        return [q]
    out: list[Any] = []
    for child in q.subqueries:
        if not isinstance(child, query.Not):
            out.extend(conjuncts(child))
    return out


FILTER_FIELDS = frozenset({"doc_type", "year", "location", "kind"})


def is_filter(q) -> bool:
    """Whether ``q`` only asks for metadata (``type:``, ``year:``, ``location:``), not words."""
    return all(getattr(leaf, "fieldname", None) in FILTER_FIELDS for leaf in q.leaves())


def scores(ix: Reader, q) -> dict[int, float]:
    """Record number -> BM25F score of every live record ``q`` matches: what a search with
    no limit scores, unsorted (a passage matching an AND or an OR scores the sum of its
    parts' scores, as Whoosh's matchers add them)."""
    out: dict[int, float] = {}
    top = ix.searcher
    context = top.context()
    for sub, offset in top.leaf_searchers():
        m = q.matcher(sub, context)
        while m.is_active():
            out[m.id() + offset] = m.score()
            m.next()
    return out


def passage_query(parsed: Parsed):
    """The query's passages (only passage records hold searchable text and metadata)."""
    return query.Term("kind", "passage") if parsed.empty else parsed.query


def any_words_query(text: str):
    """An OR of the text's words over title and body (for question answering)."""
    terms = []
    for word in re.findall(r"\w+", text):
        for token in STEM(word):
            for fieldname in SEARCH_FIELDS:
                terms.append(query.Term(fieldname, token.text))
    return query.Or(terms) if terms else query.NullQuery


def search(ix: Reader, q, *, limit: int | None, allowed: set[int] | None = None):
    """(record number, score) of the best matches, best first, among ``allowed`` if given."""
    if allowed is not None and not allowed:
        return []  # Whoosh reads an empty filter set as no filter at all
    results = ix.searcher.search(q, limit=limit, filter=allowed)
    return [(hit.docnum, float(hit.score or 0.0)) for hit in results]


def matching_docnums(ix: Reader, q) -> Iterable[int]:
    return ix.searcher.docs_for_query(q)


def key_terms(ix: Reader, text: str, n: int = 12) -> list[str]:
    return [t for t, _ in ix.searcher.key_terms_from_text("body", text, numterms=n)]


def stem_terms_query(terms: Iterable[str]):
    return query.Or([query.Term("body", t) for t in terms])


# -- highlighting ------------------------------------------------------------


@lru_cache(maxsize=65536)
def _stem(word: str) -> str | None:
    tokens = [t.text for t in STEM(word)]
    return tokens[0] if tokens else None


_WORD = re.compile(r"\w+(?:\.?\w+)*")

WordKey = tuple[str, "str | None"]  # a word's folded form and its stem (None: a stop word)


@lru_cache(maxsize=65536)
def _key(word: str) -> WordKey:
    return _fold(word), _stem(word)


def _matches(word: str, stems: set[str], exact: set[str]) -> bool:
    folded, stem = _key(word)
    return folded in exact or stem in stems


def word_forms(text: str) -> tuple[tuple[str, ...], array]:
    """The words of ``text`` as highlighting reads them, interned (a text's words are
    kept compactly), and the character offset where each starts."""
    forms: list[str] = []
    starts = array("i")
    for m in _WORD.finditer(text):
        forms.append(sys.intern(m.group(0)))
        starts.append(m.start())
    return tuple(forms), starts


def word_keys(forms: Iterable[str]) -> tuple[WordKey, ...]:
    """The (folded form, stem) of each of the word forms ``forms``."""
    return tuple(map(_key, forms))


def marked_forms(
    forms: Sequence[str], keys: Sequence[WordKey], stems: set[str], exact: set[str]
) -> frozenset[str]:
    """The word forms among ``forms`` (whose ``word_keys`` are ``keys``) that the query
    matches (see ``highlight``)."""
    return frozenset(w for w, (f, s) in zip(forms, keys, strict=True) if f in exact or s in stems)


def term_of(form: str, stems: set[str], exact: set[str]) -> str | None:
    """The query term a word form matches: its folded form when the query has it
    unstemmed, else its stem (None when the query has neither)."""
    folded, stem = _key(form)
    return folded if folded in exact else stem if stem in stems else None


_WORDS_SPLIT = re.compile(f"({_WORD.pattern})")
# The word forms in html.escape's entities: a text escaped first holds them as words too.
_ENTITY_WORDS = frozenset({"amp", "lt", "gt", "quot", "x27"})


def highlight(
    text: str, stems: set[str], exact: set[str], marked: frozenset[str] | None = None
) -> str:
    """``text`` HTML-escaped, with <mark> around words matching the query's terms (a word
    whose folded form the query has unstemmed, or whose stem it has). ``marked`` is the
    set of those word forms (``marked_forms``) of ``text`` or of a text holding it, when
    at hand."""
    if marked is not None and marked.isdisjoint(_ENTITY_WORDS):
        # Escaping first splits the text into the same words (word characters and dots need
        # no escaping, and an entity's "&" and ";" end a word), and the words can be marked
        # as they are.
        parts = _WORDS_SPLIT.split(html.escape(text))  # words at the odd indexes
        for i in range(1, len(parts), 2):
            if parts[i] in marked:
                parts[i] = f"<mark>{parts[i]}</mark>"
        return "".join(parts)
    out: list[str] = []
    last = 0
    for m in _WORD.finditer(text):
        word = m.group(0)
        if _matches(word, stems, exact):
            out.append(html.escape(text[last : m.start()]))
            out.append(f"<mark>{html.escape(word)}</mark>")
            last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    tokens = [t.text for t in PLAIN(word)]
    return tokens[0] if tokens else word.lower()
