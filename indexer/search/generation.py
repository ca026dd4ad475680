"""One index generation opened for searching: its per-document columns (facets, sorting)
and what it keeps to answer faster (passages ready to show, each query part's matches)."""

from __future__ import annotations

import gc
import os
import threading
import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from indexer.index import queries, store, thesaurus
from indexer.index.analysis import fold_word
from indexer.index.impacts import Impacts, best_first
from indexer.index.passage_analysis import Analysed, AnalysisDamaged
from indexer.index.spelling import Speller
from indexer.search import doc_rank, roll_call, top_k
from indexer.search.bounded_cache import BoundedCache
from indexer.search.snippets import sentence_link, snippet

INDEX_ENV = "APEC_SEARCH_INDEX"
DEFAULT_INDEX = "index"
SHOWN_CACHE = 8192  # passages kept ready to show, per generation (about 8 kB each)
# A passage's deep link and snippet for the query terms it holds, per generation (about
# 1 kB each): different queries often mark the same words of a passage (over the real
# mirror, half of the results of 3,000 all-different queries of the load test).
SHOWINGS_CACHE = 16_384
# Passage scores kept per generation, of all query parts together: every part of the real
# mirror's vocabulary fits. Each with its part's ranking and documents: this cache full and
# SHOWN_CACHE full, as after a warm-up of 10,000 documents (87,000 passages), add about
# 270 MB to a worker (measured: 113 -> 379 MB RSS; the real mirror's fill neither).
MATCHES_CACHE = 500_000
# Passage scores kept apart for the query parts Whoosh reads (phrases, fields, a concept's
# other terms: a second each at 10,000 documents against milliseconds for a word from the
# impacts), so that common words do not push them out.
WHOOSH_READ_CACHE = 200_000
# A newly opened generation's caches are filled ahead of the searches (``warm_up``) for at
# most this long, with a pause after each item so that searches come first.
CORRECTIONS_CACHE = 65_536  # words whose spelling correction is kept, per generation
HELD_TERMS_CACHE = 8192  # thesaurus terms known to be held or not, per generation
WARM_UP_SECONDS = 60.0
WARM_UP_WORDS = 50_000  # the most common words whose matches are read ahead, ...
# ... as long as they fill at most this share of MATCHES_CACHE: the rest is for the concepts'
# terms and the searches' own (at 10,000 documents every word's matches would fill it ten
# times over, each pushing out what was read before it, for 25 s of a CPU after a swap)
WARM_UP_FILL = 0.5
WARM_UP_PAUSE = 0.0005  # seconds
# Passages of a query part whose documents are ranked whole, once per generation
# (``Matches.documents``), when it is searched for alone; a longer part is walked.
RANKED_UP_TO = 2000
# Passages of each part of a query from which its documents are ranked from arrays
# (``top_k.documents_by_arrays``), not walked; a word of more is held as arrays, its
# dictionary made only when asked for.
ARRAYS_FROM = 4096
# Passages of a part from which its documents are ranked in numpy (``Matches.documents``;
# faster from about a hundred: 0.12 against 0.20 ms, 0.5 against 1.3 ms for a thousand).
DOCUMENTS_BY_ARRAYS_FROM = 100


def default_index_dir() -> Path:
    return Path(os.environ.get(INDEX_ENV) or DEFAULT_INDEX)


class IndexMissing(Exception):
    """There is no usable index; ``str(e)`` is the one line to show the user."""


class IndexDamaged(IndexMissing):
    """The served index cannot be read."""


class IndexOutdated(IndexMissing):
    """The served index was built by a version of apec-search storing another schema."""


@dataclass
class Generation:
    """One opened index generation and per-document columns for facets and sorting."""

    target: str
    ix: store.Index
    doc_of: list[int]  # record number -> document ordinal (-1 for document and deleted records)
    doc_ids: list[str]
    ordinal: dict[str, int]
    years: list[int]
    types: list[str]
    meetings: list[str]  # document ordinal -> its meeting's key ("" for none)
    dates: list[str]
    outcomes: frozenset[int]  # documents a meeting adopted (role "outcome" in the record)
    passages_of: list[list[int]]  # document ordinal -> its passage record numbers, in order
    speller: Speller
    impacts: Impacts | None
    # record number -> the passage as results show it (results repeat across queries)
    shown: BoundedCache[int, Shown] = field(default_factory=lambda: BoundedCache(SHOWN_CACHE))
    # (record number, the query terms its passage holds) -> the passage's link and snippet,
    # as a plain tuple of strings and numbers, which the garbage collector stops tracking
    showings: BoundedCache[tuple, tuple] = field(
        default_factory=lambda: BoundedCache(SHOWINGS_CACHE)
    )
    # a query part's (field, term) pairs (``queries.single_terms``) or repr -> its matches
    matched: BoundedCache[tuple | str, Matches] = field(
        default_factory=lambda: BoundedCache(MATCHES_CACHE, weigh=_weight)
    )
    # the same, for the parts Whoosh reads
    whoosh_read: BoundedCache[str, Matches] = field(
        default_factory=lambda: BoundedCache(WHOOSH_READ_CACHE, weigh=_weight)
    )
    # a query's word -> its spelling correction (None: the index holds it)
    corrections: BoundedCache[str, str | None] = field(
        default_factory=lambda: BoundedCache(CORRECTIONS_CACHE)
    )
    # a concept's term -> whether the index holds its every word (``queries.in_vocabulary``)
    held_terms: BoundedCache[str, bool] = field(
        default_factory=lambda: BoundedCache(HELD_TERMS_CACHE)
    )
    closing: threading.Event = field(default_factory=threading.Event)
    # ``doc_of``, ``outcomes`` and the columns as numpy arrays, made when first asked for
    _arrays: dict[str, Any] = field(default_factory=dict)

    def doc_array(self) -> np.ndarray:
        """``doc_of`` as an array (int64): -1 for a record of no document."""
        return self._array("doc_of", lambda: np.asarray(self.doc_of, dtype=np.int64))

    def outcome_mask(self) -> np.ndarray:
        """Whether each document (by ordinal) is an outcome: ``outcomes`` as an array."""

        def make() -> np.ndarray:
            mask = np.zeros(len(self.types), dtype=bool)
            mask[list(self.outcomes)] = True
            return mask

        return self._array("outcomes", make)

    def coded(self, column: str) -> tuple[np.ndarray, list]:
        """(each document's value of ``column``, "years", "types" or "meetings", as a code,
        by ordinal; the values by code, sorted), made when first asked for."""

        def make() -> tuple[np.ndarray, list]:
            values = getattr(self, column)
            names = sorted(set(values))
            code = {v: i for i, v in enumerate(names)}
            return np.fromiter(map(code.__getitem__, values), np.int64, len(values)), names

        return self._array(f"coded {column}", make)

    def _array(self, name: str, make: Callable[[], Any]) -> Any:
        found = self._arrays.get(name)
        if found is None:  # two threads may both make it: the same array
            found = self._arrays[name] = make()
        return found

    @classmethod
    def open(cls, path: Path, target: str) -> Generation:
        ix = store.Index(path)
        names = ("doc_id", "year", "doc_type", "date", "meeting_key", "role")
        ids, years, types, dates, meeting_keys, roles = (ix.column(n) for n in names)
        deleted = ix.deleted()
        ordinal: dict[str, int] = {}
        doc_of = [-1] * len(ids)
        g_years: list[int] = []
        g_types: list[str] = []
        g_meetings: list[str] = []
        g_dates: list[str] = []
        passages_of: list[list[int]] = []
        outcomes: set[int] = set()
        for n, doc_id in enumerate(ids):
            if not types[n] or n in deleted:  # document records carry no indexed metadata
                continue
            o = ordinal.get(doc_id)
            if o is None:
                o = ordinal[doc_id] = len(g_years)
                g_years.append(years[n] or 0)
                g_types.append(types[n])
                g_meetings.append(meeting_keys[n] or "")
                g_dates.append(dates[n] or "")
                passages_of.append([])
                if roles[n] == "outcome":
                    outcomes.add(o)
            doc_of[n] = o
            passages_of[o].append(n)
        return cls(
            target,
            ix,
            doc_of,
            list(ordinal),
            ordinal,
            g_years,
            g_types,
            g_meetings,
            g_dates,
            frozenset(outcomes),
            passages_of,
            Speller(path),
            Impacts.open(path, ix.signature()),
        )

    def close(self) -> None:
        """Stop the warm-up, if any, and close the index."""
        self.closing.set()
        self.ix.close()

    def start_warm_up(self) -> None:
        """``warm_up`` in a daemon thread."""
        threading.Thread(target=self.warm_up, name=f"warm-up {self.target}", daemon=True).start()

    def warm_up(self) -> None:
        """Read ahead what the first searches of this generation would otherwise each pay
        for, about 60 ms a query of words not met before against a few ms: the spelling
        corrections (none: the index holds them) of the WARM_UP_WORDS most common words and
        their matches while those fill at most WARM_UP_FILL of the cache (as a one-word
        query reads and checks them, ranked or as arrays), of the
        thesaurus's terms with their concept's other terms (``thesaurus.terms``; their
        phrases take Whoosh a second each at 10,000 documents), then the passages as
        results show them (up to SHOWN_CACHE), in index order; then leaves what the process
        holds out of the garbage collector's full passes (``_keep_out_of_full_collections``).
        Stops when the generation is closed or after WARM_UP_SECONDS. A warm-up that fails
        (the index swapped out and closed under it) leaves the caches as they are: searches
        fill them."""
        deadline = time.monotonic() + WARM_UP_SECONDS

        def go_on() -> bool:
            time.sleep(WARM_UP_PAUSE)  # let searches' threads run first
            return not self.closing.is_set() and time.monotonic() < deadline

        try:
            with self.ix.reader() as r:
                self.doc_array()
                held = lambda term: self.holds(r, term)  # noqa: E731
                concepts = ((term, True) for term in thesaurus.terms())
                words = ((word, False) for word in r.common_words(WARM_UP_WORDS))
                # The concepts last: the words' matches would push them out of the cache.
                for text, expand in chain(words, concepts):
                    if not go_on():
                        return
                    # read as a search reads it (the concepts' terms the index holds)
                    parsed = queries.parse(text, expand=expand, holds=held)
                    for word in parsed.words:  # spell-checked as a search checks them
                        self.correction(r, word)
                    parts = [] if parsed.empty else queries.conjuncts(parsed.query)
                    if not expand and self.matched.weight >= WARM_UP_FILL * MATCHES_CACHE:
                        parts = []  # the cache holds the most common words it can
                    for part in parts:
                        found = self.matches(r, part)
                        if len(parts) == 1 and len(found) <= RANKED_UP_TO:
                            found.documents(self)  # as a search for it alone ranks
                        elif len(found) > ARRAYS_FROM:
                            found.arrays()  # as a search of common words ranks
                for n in islice(chain.from_iterable(self.passages_of), SHOWN_CACHE):
                    if not go_on():
                        return
                    self.shown.get(n, lambda n=n: Shown.read(r, n))
        except store.BackendError:
            return
        _keep_out_of_full_collections()

    def shown_for(
        self, r: store.Reader, docnum: int, parsed: queries.Parsed
    ) -> tuple[Shown, Showing]:
        """The passage record ``docnum`` as results show it, and its link and snippet for
        the query ``parsed``: each made once per generation (while among the SHOWN_CACHE
        and SHOWINGS_CACHE most recently used), the link and snippet once for all the
        queries marking the same words of it."""
        shown = self.passage(r, docnum)
        exact, stems, phrases = shown.body.terms_held(parsed)
        key = (docnum, len(exact), len(stems), *exact, *stems, *phrases)  # flat: untracked
        return shown, Showing._make(self.showings.get(key, lambda: tuple(shown.showing(parsed))))

    def passage(self, r: store.Reader, docnum: int) -> Shown:
        """The passage record ``docnum`` as results show it, read once per generation
        (while among the SHOWN_CACHE most recently used)."""
        return self.shown.get(docnum, lambda: Shown.read(r, docnum))

    def correction(self, r: store.Reader, word: str) -> str | None:
        """``store.correction`` of ``word`` by this generation's speller, looked up once
        per generation (while among the CORRECTIONS_CACHE most recently used words); a word
        of the speller's dictionary (held as written) has none, without an index lookup, and
        the impacts say whether a stem is held (``Impacts.holds_word``)."""

        def look_up() -> str | None:
            if fold_word(word) in self.speller:
                return None
            held = self.impacts.holds_word if self.impacts is not None else None
            return store.correction(r, word, self.speller.suggest, held)

        return self.corrections.get(word, look_up)

    def holds(self, r: store.Reader, term: str) -> bool:
        """``queries.in_vocabulary`` of ``term`` (a thesaurus term a query was expanded
        with), looked up once per generation rather than on each query naming its concept
        (a Whoosh term lookup per word)."""
        return self.held_terms.get(term, lambda: queries.in_vocabulary(r, term))

    def matches(self, r: store.Reader, q) -> Matches:
        """What the query (part) ``q`` matches, read and scored once per generation (while
        it stays among the MATCHES_CACHE most recently used scores, or the
        WHOOSH_READ_CACHE ones for a part Whoosh reads): from the generation's impacts for
        a word, from its parts' (``_composed``), else through Whoosh. An economy's name
        does not match in the passages listing economies (``roll_call``)."""
        terms = queries.single_terms(q)
        by_whoosh = terms is None and queries.combination(q) is None

        def read() -> Matches:
            economy = roll_call.names_an_economy(terms, queries.concept_phrase(q))
            found = None if by_whoosh or not self.impacts else self.impacts.matches(q)
            if found is not None and economy:
                ids, values = found[:2]
                kept = ~np.isin(ids, self.roll_calls(r))
                found = ids[kept], values[kept], None  # ranked anew when asked for
            if found is not None:
                ids, values, ranked = found
                if len(ids) > ARRAYS_FROM:  # a common word: a dictionary only if asked for
                    n = len(self.doc_ids)
                    return Matches.of_arrays(ids, values, ranked, self.doc_array(), n)
                scores = dict(zip(ids.tolist(), values.tolist(), strict=True))
                return Matches.of_scores(scores, self.doc_of, ranked)
            composed = None if by_whoosh else self._composed(r, q)
            scores = queries.scores(r, q) if composed is None else composed
            if economy:
                roll = set(self.roll_calls(r).tolist())
                scores = {n: s for n, s in scores.items() if n not in roll}
            return Matches.of_scores(scores, self.doc_of)

        # Keyed by its terms (a word's, most often: cheaper than its repr) or the repr:
        # Whoosh's query hashes collide (an OR of the same word in two fields hashes the
        # same for every word).
        key = tuple(terms) if terms is not None else repr(q)
        return (self.whoosh_read if by_whoosh else self.matched).get(key, read)

    def roll_calls(self, r: store.Reader) -> np.ndarray:
        """The record numbers (ascending) of the passages listing economies
        (``roll_call.roll_call_passages``), found once per generation."""

        def make() -> np.ndarray:
            def passages_of(term: str) -> np.ndarray:
                q = queries.body_term(term)
                found = self.impacts.matches(q) if self.impacts else None
                if found is not None:
                    return np.asarray(found[0], dtype=np.int64)
                return np.fromiter(queries.scores(r, q), dtype=np.int64)

            return roll_call.roll_call_passages(passages_of)

        return self._array("roll calls", make)

    def _composed(self, r: store.Reader, q) -> dict[int, float] | None:
        """The scores of ``q`` from its parts' matches (each kept in the cache) when
        ``queries.combination`` knows how they combine: a thesaurus concept's words and
        phrases are then read once per generation, not once per query naming it, and a
        DisjunctionMax scores each passage by its own best part (Whoosh's matcher takes
        the best of its parts' current scores, whichever passages they are on). None for
        any other query."""
        found = queries.combination(q)
        if found is None:
            return None
        parts, combine = found
        return combine([self.matches(r, part).scores for part in parts])


@dataclass
class Matches:
    """The passages a query part (a word, a phrase, an OR group, a field condition)
    matches, with their BM25F scores, and their documents. Held as a dictionary (record
    number -> score: what Whoosh reads and the parts' compositions give) or as arrays (a
    word's impacts), each made from the other when first asked for: a common word's search
    ranked from arrays never builds the dictionary (4 ms for 40,000 passages)."""

    docs: frozenset[int]  # document ordinals
    _scores: dict[int, float] | None = None
    _arrays: tuple[np.ndarray, np.ndarray] | None = None
    _ranked: array | None = None  # an array: nothing for the garbage collector to walk
    _documents: doc_rank.Documents | None = None

    @classmethod
    def of_scores(
        cls, scores: dict[int, float], doc_of: Sequence[int], ranked: array | None = None
    ) -> Matches:
        """From record number -> score; ``doc_of`` maps a record to its document (-1:
        none); ``ranked``, the passages best first, when known."""
        docs = frozenset(map(doc_of.__getitem__, scores)) - {-1}
        return cls(docs, _scores=scores, _ranked=ranked)

    @classmethod
    def of_arrays(
        cls, ids: np.ndarray, values: np.ndarray, ranked: array | None, doc_of: np.ndarray, n: int
    ) -> Matches:
        """From record numbers ascending and their scores (equal lengths), their ranking
        if known; ``doc_of`` as ``Generation.doc_array``, ``n`` the number of documents."""
        held = np.zeros(n + 1, dtype=bool)  # the last: no document (-1)
        held[doc_of[ids]] = True
        docs = frozenset(np.flatnonzero(held[:n]).tolist())
        return cls(docs, _arrays=(ids, values), _ranked=ranked)

    def __len__(self) -> int:
        """How many passages match."""
        return len(self._arrays[0]) if self._scores is None else len(self._scores)

    @property
    def as_arrays_only(self) -> bool:
        """Whether the passages are held as arrays and not as a dictionary (a common word's
        impacts: ``scores`` would make one)."""
        return self._scores is None

    @property
    def scores(self) -> dict[int, float]:
        """Record number -> BM25F score of every passage matched."""
        if self._scores is None:
            ids, values = self._arrays
            self._scores = dict(zip(ids.tolist(), values.tolist(), strict=True))
        return self._scores

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """(the passages' record numbers ascending, their scores) as numpy arrays, made
        when first asked for (12 bytes a passage beside the dictionary's hundred)."""
        if self._arrays is None:
            count = len(self._scores)
            ids = np.fromiter(self._scores.keys(), dtype=np.int64, count=count)
            values = np.fromiter(self._scores.values(), dtype=np.float64, count=count)
            order = np.argsort(ids, kind="stable")
            self._arrays = ids[order], values[order]
        return self._arrays

    def ranked(self) -> array:
        """The passages best first; on a tie the lower record number first, as Whoosh
        ranks. From the impacts, or sorted once, when first asked for."""
        if self._ranked is None and self._scores is None:
            ids, values = self._arrays
            self._ranked = array("i", ids[np.lexsort((ids, -values))].tolist())
        elif self._ranked is None:
            self._ranked = array("i", best_first(self._scores))
        return self._ranked

    def documents(self, gen: Generation) -> doc_rank.Documents:
        """The documents matched (of generation ``gen``), best first
        (``doc_rank.documents_best_first``; for DOCUMENTS_BY_ARRAYS_FROM passages or more,
        ``top_k.documents_by_arrays`` ranks them the same, in numpy), when first asked
        for."""
        if self._documents is None and len(self) >= DOCUMENTS_BY_ARRAYS_FROM:
            doc_array = gen.doc_array()
            hits = top_k.documents_by_arrays([self.arrays()], len(self.docs), doc_array, self.docs)
            passages = array("i", (n for n, _ in hits))
            ordinals = array("i", doc_array[np.asarray(passages, dtype=np.int64)].tolist())
            self._documents = doc_rank.Documents(
                array("d", (s for _, s in hits)), ordinals, passages
            )
        elif self._documents is None:
            self._documents = doc_rank.documents_best_first(self.scores, gen.doc_of)
        return self._documents


def _weight(m: Matches) -> int:
    """A ``Matches``' weight in the caches: its passages, as if held as a dictionary (which
    it may be made into when asked for), and one."""
    return len(m) + 1


def line_mark(fields: dict, line: int) -> tuple[str | None, int | None]:
    """(anchor, ¶ number) of the paragraph on line `line` of a passage record (None, None
    for a passage indexed before paragraphs had them)."""
    marks = fields.get("marks") or []
    if not marks:
        return None, None
    anchor, number = marks[min(max(line, 0), len(marks) - 1)]
    return anchor, number


@dataclass(frozen=True)
class Shown:
    """A passage record's stored fields, its analysed body (stored with it) and its result
    as every query shows it (``result``)."""

    fields: dict[str, Any]
    body: Analysed
    base: dict[str, Any]  # the result's keys in order, those a query sets None
    # its deep links by where they go (``snippets.sentence_link``): at most one per word
    links: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def read(cls, r: store.Reader, docnum: int) -> Shown:
        """Passage record ``docnum`` as results show it. Raises store.BackendError when its
        stored analysis is missing, damaged or not that of its body."""
        f = r.stored(docnum)
        base = {
            "id": f["doc_id"],
            "title": f.get("title", ""),
            "url": f.get("url", ""),
            "link": None,
            "doc_type": f.get("doc_type", "other"),
            "year": f.get("year"),
            "date": f.get("date") or None,
            "location": f.get("location"),
            "snippet": None,
            "score": None,
            "passage_id": f.get("passage_id"),
            "position": f.get("position"),
            "match_position": None,
            "anchor": None,  # the matching paragraph's anchor on the document page
            "paragraph": None,  # ... and its ¶ (the source's own number, or the count)
            "page": f.get("page"),
            "meeting_number": f.get("meeting_number"),
            "meeting": f.get("meeting"),
            "role": f.get("role") or None,
            "work_id": f.get("work_id") or f["doc_id"],
            "copies": f.get("copies") or [],
            "fetched_url": f.get("fetched_url"),
            "content_type": f.get("content_type"),
        }
        try:  # analysed when the index was built
            body = Analysed.decode(f.get("body", ""), r.analysis(docnum))
        except AnalysisDamaged as exc:
            raise store.BackendError(f"passage record {docnum}: {exc}") from exc
        return cls(f, body, base)

    def showing(self, parsed: queries.Parsed) -> Showing:
        """The passage's deep link, line, snippet and matching paragraph for the query
        ``parsed`` (``snippets.sentence_link`` and ``snippets.snippet``)."""
        f = self.fields
        text = f.get("body", "")
        marked = self.body.marked(parsed)
        url, ctype, page = f.get("url", ""), f.get("content_type", ""), f.get("page")
        title = f.get("title", "")
        link, line = sentence_link(
            url, ctype, text, page, parsed, self.body, marked, title, self.links
        )
        position = f.get("position")
        return Showing(
            link,
            snippet(text, parsed, self.body, marked),
            position + line if position is not None else None,
            *line_mark(f, line),
        )

    def result(self, showing: Showing, score: float) -> dict[str, Any]:
        """The passage as a search result (the ``--json`` shape the README gives) for a
        query it shows as ``showing``, scoring ``score``: a new dict each time."""
        out = self.base.copy()
        out["link"] = showing.link
        out["snippet"] = showing.snippet
        out["score"] = round(score, 4)
        out["match_position"] = showing.match_position
        out["anchor"] = showing.anchor
        out["paragraph"] = showing.paragraph
        return out


class Showing(NamedTuple):
    """How a result shows its passage for a query."""

    link: str  # the deep link to the sentence holding the most query terms
    snippet: str  # HTML, the query's words marked
    match_position: int | None  # the paragraph that sentence is in (None: no positions)
    anchor: str | None  # its anchor on the document page
    paragraph: int | None  # its ¶ (the source's own number, or the count)


def _keep_out_of_full_collections() -> None:
    """Leave what the process holds now (a warmed-up generation's caches, the speller's
    dictionary, the analysers' caches: hundreds of thousands of objects) out of the garbage
    collector's full passes, which otherwise walk them all, 0.3 s with the process stopped,
    every time the caches have grown by a quarter (``gc.freeze``). What an earlier freeze
    kept out (a closed generation) is collected first."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
