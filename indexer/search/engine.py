"""The search engine the CLI, the web app and question answering share (no Flask here)."""

from __future__ import annotations

import os
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from indexer.extract.doctype import STATEMENT_TYPES
from indexer.index import queries, store
from indexer.index.analysis import SCHEMA_VERSION, STEM
from indexer.index.build import CURRENT, read_meta
from indexer.index.thesaurus import language_of
from indexer.model import DOC_TYPES
from indexer.record.placement import ROLES
from indexer.record.store import RecordMissing, load_meetings
from indexer.search import doc_rank, genres, meeting_names, top_k
from indexer.search import highlight as marking
from indexer.search.generation import (
    ARRAYS_FROM,
    RANKED_UP_TO,
    Generation,
    IndexDamaged,
    IndexMissing,
    IndexOutdated,
    Matches,
)
from indexer.search.snippets import mentions, sentence_link
from indexer.text.fragments import passage_link

SORTS = ("relevance", "newest", "oldest")
MAX_LIMIT = 100
# Fewer documents than this hold all the words: list below them those holding most of them
# (at least half), like Elasticsearch's minimum_should_match or Typesense's drop_tokens.
PARTIAL_BELOW = 10
PARTIAL_CANDIDATES = 30  # documents with some of the words looked at, at least
# Types asked for together: "outcomes" are what ministers adopted (statements, chair's
# statements, declarations).
TYPE_GROUPS = {queries.OUTCOMES: STATEMENT_TYPES}
UNDATED = "undated"  # the year facet's bucket for documents without a year
# By relevance, an outcome document of a meeting (the record's role "outcome") scores this
# many times its BM25F score, so that a topical query's first page leads with what ministers
# adopted. On the development half of bench/data/real's topical queries, 1.5, 2.0, 2.5 and
# 3.0 led the first page with an outcome for 6, 8, 9 and 11 of 26 and put 14, 20, 23 and 25
# outcomes in the first threes, at recall@10 0.794, 0.786, 0.794 and 0.794, precision@10
# 0.392, 0.385, 0.388 and 0.388; 3.0 cost named queries MRR (0.920 -> 0.907).
OUTCOME_PRIOR = 2.5
# A document of the types a query's genre words prefer ("statement", "news": genres) scores
# this many times its BM25F score: a weight, not a tier, so that a document the extractor
# typed wrongly is not put behind every document of the types preferred. The development
# half of bench/data/real scores alike from 1 to a strict tier. Above the outcome prior, so
# that a genre word typed outweighs it; from 4 on, a document of the type preferred naming
# the subject once in passing outranks a short one all about it.
TYPE_PREFERENCE = 3.5
# A first page that a query of at least RELATED_FROM words (of four letters or more, not
# quoted: a subject described, not a name or phrase) leaves short lists below its results
# the documents most like the first RELATED_DOCS of them (pseudo-relevance feedback: their
# RELATED_TERMS key terms, Whoosh's Bo1 model, searched as an OR). On the development half
# of bench/data/real it found a subject's pages that name it in other words for 2 of 52
# topical queries (recall@10 0.734 -> 0.759) and changed no named query; in a first trial,
# 1, 3 or 5 documents and 12 or 20 terms gave 0.759 to 0.762, 30 terms 0.740.
RELATED_FROM = 3
RELATED_DOCS = 3
RELATED_TERMS = 12
RERANKED = 100  # documents re-ranked by their summed passages, past their best (_by_document)
# A query of plain words rescored as a phrase, as Elasticsearch's rescore API does with a
# match_phrase query over the top hits (window_size): among the first PHRASE_WINDOW
# documents, one whose passage holds the words in the order typed (each at most PHRASE_GAP
# words after the one before: "access to finance") scores PHRASE_BONUS times more. Tuned
# on the development half of bench/data/real: topical recall@10 0.750 -> 0.756, precision@10
# 0.306 -> 0.309, named figures unchanged; the same from 1.25 to 1.5 and for windows of 20 to
# 50; 2.0 fell to 0.747, and a window of 10 gained nothing.
PHRASE_WINDOW = 20
PHRASE_BONUS = 1.35
PHRASE_GAP = 2
COUNTED_BY_ARRAYS = 1000  # documents from which a facet is counted in numpy


def doc_types(value: str | Iterable[str] | None, notes: list[str]) -> frozenset[str] | None:
    """The document types a ``type`` filter stands for: one type, a group of TYPE_GROUPS, or
    several of them; None for no filter. An unknown name gets a note and is left out."""
    if value is None:
        return None
    names = [n for n in ([value] if isinstance(value, str) else value) if n]
    if not names:
        return None
    found: set[str] = set()
    for name in names:
        if name in TYPE_GROUPS:
            found.update(TYPE_GROUPS[name])
        elif name in DOC_TYPES:
            found.add(name)
        else:
            notes.append(f"unknown document type {name!r}")
    return frozenset(found)  # empty when every name was unknown: nothing passes


def _kept(docs: frozenset[int], keep) -> frozenset[int]:
    """The documents ``docs`` that ``keep`` (see ``Engine._filter``) keeps."""
    return docs if keep is None else frozenset(o for o in docs if keep(o))


def _by_date(gen: Generation, docs, sort: str) -> list[int]:
    """Documents ``docs`` (ordinals) newest first, or oldest first for sort "oldest"; on
    the same date in the index's order; undated documents last either way."""
    dated = sorted(o for o in docs if gen.years[o])
    undated = sorted(o for o in docs if not gen.years[o])
    newest = sort != "oldest"
    return sorted(dated, key=lambda o: (gen.years[o], gen.dates[o]), reverse=newest) + undated


_WORD = re.compile(r"\w+")


def _respelt(gen: Generation, r: store.Reader, text: str, words: list[str]) -> str:
    """``text`` with each of ``words`` (the query's words a speller reads) that the index
    does not hold replaced by the generation's suggestion, cased as typed."""
    fixes = {
        word: _cased_as(word, better)
        for word in dict.fromkeys(words)
        if (better := gen.correction(r, word))
    }
    if not fixes:
        return text
    # each a run of letters: replaced where a run of word characters is it
    return _WORD.sub(lambda m: fixes.get(m[0], m[0]), text)


def _cased_as(typed: str, word: str) -> str:
    """``word`` (a spelling suggestion, lower case) in the case of the word ``typed``:
    "Iloillo" -> "Iloilo", "APCE" -> "APEC"."""
    if len(typed) > 1 and typed.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if typed[:1].isupper() else word


def _title_stems(r: store.Reader, docnum: int) -> frozenset[str]:
    """The stems of the words of the title of passage record ``docnum``."""
    return frozenset(t.text for t in STEM(r.stored(docnum).get("title", "")))


def _best_passage(passages: list[int], scores: dict[int, float]) -> tuple[int, float]:
    """The (record number, score) of the best of ``passages`` that ``scores`` holds (one
    must); on a tie the first."""
    n = min((n for n in passages if n in scores), key=lambda n: (-scores[n], n))
    return n, scores[n]


def _described(doc_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """A document record's metadata, address, fetch and content type (``Engine.metadata``)."""
    return {
        "id": doc_id,
        **fields["meta"],
        "url": fields.get("url", ""),
        "fetched_url": fields.get("fetched_url"),
        "fetched_at": fields.get("fetched_at"),
        "content_type": fields.get("content_type"),
        "sha256": fields.get("sha256"),
    }


class Engine:
    """Lazy, thread-safe access to the index generation currently served under ``index_dir``.

    The lock only guards opening and swapping generations; searches run concurrently, each
    on a searcher of its own (``store.Index.reader``).
    """

    def __init__(self, index_dir: Path | str, *, warm_up: bool = False):
        """``warm_up``: fill each newly opened generation's caches in the background
        (``Generation.warm_up``), as a long-running server wants."""
        self.index_dir = Path(index_dir)
        self._link = self.index_dir / CURRENT
        self.warm_up = warm_up
        self._lock = threading.Lock()
        self._gen: Generation | None = None

    # -- generations ------------------------------------------------------------
    def _current(self) -> Generation:
        """The open generation, reopened when a build has swapped in a new one."""
        try:
            target = os.readlink(self._link)
        except OSError:
            raise IndexMissing(
                f"No search index in {self.index_dir}: run `apec-search crawl` and then"
                " `apec-search index` first."
            ) from None
        gen = self._gen
        if gen is not None and gen.target == target:
            return gen
        with self._lock:
            return self._open(target)

    def _open(self, target: str) -> Generation:
        if self._gen is None or self._gen.target != target:
            built = read_meta(self.index_dir / target).get("schema_version")
            if built is not None and built != SCHEMA_VERSION:
                raise IndexOutdated(
                    f"The search index in {self.index_dir} was built by another version of"
                    f" apec-search (index schema {built}; this version reads {SCHEMA_VERSION}):"
                    " run `apec-search index` to rebuild it."
                )
            try:
                gen = Generation.open(self.index_dir / target, target)
            except store.BackendError as exc:
                raise self._damaged(exc) from exc
            old, self._gen = self._gen, gen
            if old is not None:
                old.close()
            if self.warm_up:
                gen.start_warm_up()
        return self._gen

    def _damaged(self, exc: Exception) -> IndexDamaged:
        return IndexDamaged(
            f"The search index in {self.index_dir} is damaged ({exc}): run"
            " `apec-search index --recreate` to rebuild it."
        )

    @contextmanager
    def _reading(self) -> Iterator[tuple[Generation, store.Reader]]:
        """The current generation and a searcher of this thread's own on it."""
        gen = self._current()
        try:
            with gen.ix.reader() as reader:
                yield gen, reader
        except store.BackendError as exc:
            raise self._damaged(exc) from exc

    def open(self) -> None:
        """Open the current generation now rather than at the first search (starting its
        warm-up, with ``warm_up``). Raises IndexMissing when there is no index yet,
        IndexDamaged when it cannot be read, and IndexOutdated when another version of
        apec-search built it (another ``SCHEMA_VERSION``)."""
        self._current()

    @property
    def index_path(self) -> Path | None:
        try:
            return self.index_dir / self._current().target
        except IndexMissing:
            return None

    def close(self) -> None:
        with self._lock:
            if self._gen is not None:
                self._gen.close()
                self._gen = None

    # -- search -------------------------------------------------------------------
    def search(
        self,
        q: str,
        *,
        year: tuple[int, int] | None = None,
        doc_type: str | Iterable[str] | None = None,
        sort: str = "relevance",
        page: int = 1,
        limit: int = 10,
        meeting: str | None = None,
        type_hint: bool = True,
        meeting_hint: bool = True,
        thesaurus: bool = True,
        correct: bool = True,
        related: bool = True,
    ) -> dict:
        """One page of the documents matching ``q``, best first (or by date), with facets.

        ``year`` is an inclusive range ((0, 0): undated documents only); ``doc_type`` one
        type, a group of TYPE_GROUPS ("outcomes") or several; ``meeting`` a meeting key.
        With ``type_hint``, genre words in ``q`` ("statement", "news", ...) are a type
        preference (by relevance) rather than words to match (``genres``); with
        ``meeting_hint`` and no ``meeting`` filter, the words naming a meeting of the record
        ("28th SME ministerial meeting Phuket": ``meeting_names``) list that meeting's
        documents holding the other words first, then the documents matching ``q``, then its
        other documents. With ``thesaurus``, a concept's other terms are matched too
        (``indexer.index.thesaurus``). With ``correct``, a query finding nothing is searched
        as its spelling suggestion spells it (``corrected_query``); without, the suggestion is
        only offered. With ``related``, a short first page of a query of RELATED_FROM words
        lists the documents most like its results (``related``: ``_related_to``). Sorted by
        date, the same documents are found. Returns the ``--json`` shape the README gives,
        with ``expanded`` (``[{"term", "concept", "language"}]``: the thesaurus terms also
        matched, ``language`` the ISO 639 code of a term in another language than English,
        else None), ``type_hint`` (``TypeHint.as_json`` or None), ``meeting_hint``
        (``MeetingHint.as_json`` or None) and ``absent_meeting`` (the title of a meeting
        ``q`` names that the record has no document of, or None; where the
        record knows its city, the city is searched for in place of the words naming it:
        ``meeting_names.unlisted_meeting``).
        """
        started = time.perf_counter()
        options = {
            "year": year,
            "doc_type": doc_type,
            "sort": sort,
            "page": page,
            "limit": limit,
            "meeting": meeting,
            "type_hint": type_hint,
            "meeting_hint": meeting_hint,
            "thesaurus": thesaurus,
            "related": related,
        }
        found = self._search(q, options, retry=correct)
        if isinstance(found, str):  # nothing found: searched as the suggestion spells it
            suggestion, found = found, self._searched(found, options)
            if found["total"] or found["partial"]:
                shown = (
                    "results for" if found["total"] else "documents holding some of the words of"
                )
                note = f"No results for {_quoted(q)}; showing {shown} {_quoted(suggestion)}."
                if suggestion == queries.unquoted(queries.straight_quotes(q)):
                    # the same words: say that the quotes were let go, not a spelling
                    shown = "results for its" if found["total"] else "documents holding some of its"
                    note = f"No results for {_quoted(q)} as quoted; showing {shown} words unquoted."
                found |= {
                    "query": q,
                    "suggestion": suggestion,
                    "corrected_query": suggestion,
                    "notes": [note, *found["notes"]],
                }
            else:  # said, so that the reader does not look for a spelling mistake
                found = self._searched(q, options)
                found["notes"].append(
                    f"Searched as {_quoted(suggestion)}, it finds nothing here either."
                )
        found["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 2)
        return found

    def _searched(self, q: str, options: dict[str, Any]) -> dict:
        """``_search`` of ``q`` with ``options``, whatever it finds, without a spelling
        suggestion (``search`` has the one it tells of)."""
        found = self._search(q, options, retry=False, suggest=False)
        assert isinstance(found, dict)  # without ``retry``, never a suggestion
        return found

    def _search(
        self, q: str, options: dict[str, Any], retry: bool, suggest: bool = True
    ) -> dict | str:
        """``search`` of ``q`` with ``options`` (its keyword arguments but ``correct``)
        without its correction: with ``retry``, the spelling suggestion (a str) when
        nothing holds every word and there is one, for ``search`` to search instead (the
        whole of it: the suggestion may name a meeting or a genre), before any result is
        made; without ``suggest``, no suggestion is sought."""
        notes: list[str] = []
        sort, related = options["sort"], options["related"]
        year, meeting, thesaurus = options["year"], options["meeting"], options["thesaurus"]
        if sort not in SORTS:
            notes.append(f"unknown sort {sort!r}: sorted by relevance")
            sort = "relevance"
        types = doc_types(options["doc_type"], notes)
        page = max(1, int(options["page"]))
        limit = min(max(1, int(options["limit"])), MAX_LIMIT)
        # Sorted by date, the same documents are found; a preference orders by relevance.
        typed = text = queries.straight_quotes(q or "")
        hint = genres.type_hint(text) if options["type_hint"] else None
        text = hint.rest if hint else text
        named = absent = None
        if options["meeting_hint"] and not meeting:
            named = meeting_names.meeting_hint(text, self._meetings)
            if named is None and hint is not None:
                # "Nanjing Declaration": the genre word names what the meeting held in Nanjing
                # adopted; the meeting is the preference, the word one to match
                named = meeting_names.meeting_hint(typed, self._meetings)
                if named:
                    hint, text = None, typed
            absent = None if named else meeting_names.absent_meeting(text, self._meetings)
            if absent:
                notes.append(
                    meeting_names.year_without_meeting(text, self._meetings)
                    or f"No document in the index belongs to the {absent}."
                )
            elif not named and (unlisted := meeting_names.unlisted_meeting(text, self._meetings)):
                absent, text = unlisted.title, unlisted.rest
                notes.append(
                    f"No document in the index belongs to the {absent}: showing the documents"
                    f" that name {unlisted.city}, where it was held."
                )
        prefer = hint.types if hint else None
        filters = (year, types, meeting)
        with self._reading() as (gen, r):
            if meeting and meeting not in gen.meetings:  # a hand-edited or stale link
                notes.append(f"no document in the index belongs to meeting {meeting!r}")
            parsed = self._parse(gen, r, text, thesaurus=thesaurus)
            if parsed.empty and not parsed.too_common and text.strip() and named is None:
                notes.append(f"No words to match in {text.strip()!r}: every document is listed.")
            of_meeting = None
            if named is not None:
                rest = self._parse(gen, r, named.rest, thesaurus=thesaurus)
                of_meeting = (named.key, rest, frozenset(t.text for t in STEM(text)))
            suggestion = None
            if parsed.too_common:
                words = ", ".join(f"“{w}”" for w in parsed.too_common)
                parsed.notes.append(
                    f"{words} {'is' if len(parsed.too_common) == 1 else 'are'} too common to"
                    " search for: add a more specific word."
                )
                found: tuple = (0, {"year": {}, "doc_type": {}, "meeting": {}}, [], [])
            else:
                found = self._run(gen, r, parsed, filters, sort, page, limit, prefer, of_meeting)
                if suggest:
                    suggestion = self._suggest(gen, r, q, parsed, loosen=found[0] == 0)
            notes.extend(parsed.notes)
            if retry and found[0] == 0 and suggestion:
                return suggestion
            total, facets, hits, partial_hits = found
            shown = hits + partial_hits
            related_hits: list[tuple[int, float]] = []
            if (
                related
                and sort == "relevance"
                and page == 1
                and 0 < len(shown) < limit
                and len(set(parsed.words)) >= RELATED_FROM
            ):
                keep = self._filter(gen, r, filters, parsed.excluded)
                related_hits = self._related_to(gen, r, shown, limit - len(shown), keep)
            results = [self._result(gen, r, hit, parsed) for hit in hits]
            partial = [self._result(gen, r, hit, parsed) for hit in partial_hits]
            like_these = [self._result(gen, r, hit, parsed) for hit in related_hits]
        return {
            "query": q,
            "total": total,
            "page": page,
            "suggestion": suggestion,
            "results": results,
            "partial": partial,
            "related": like_these,
            "facets": facets,
            "notes": notes,
            "corrected_query": None,
            "pages": (total + limit - 1) // limit,
            "limit": limit,
            "sort": sort,
            "expanded": _expanded(parsed.expanded),
            "type_hint": hint.as_json(_types_shown(facets, partial)) if hint else None,
            "meeting_hint": named.as_json() if named else None,
            "absent_meeting": absent,
            "elapsed_ms": None,  # the whole search's: ``search`` sets it
        }

    def _parse(
        self,
        gen: Generation,
        r: store.Reader,
        text: str,
        expand: bool = True,
        thesaurus: bool = True,
    ) -> queries.Parsed:
        """``queries.parse`` of ``text`` (``expand``, with the ``thesaurus``), two words side
        by side that the generation's dictionary holds joined also matching the compound
        ("start ups" also finds "startups": ``queries.with_compounds``) and a compound that
        its index also writes open the two words ("policymakers" also finds "policy
        makers": ``queries.with_open_forms``); its prefixes expanded. A per cent sign reads
        as the word ("97%" is "97 percent": ``queries.percent_spelt_out``)."""
        text = queries.percent_spelt_out(text)
        holds = lambda term: gen.holds(r, term)  # noqa: E731
        parsed = queries.parse(text, expand=expand, concepts=thesaurus, holds=holds)
        pairs = queries.open_compounds(text, gen.speller.__contains__)
        parsed = queries.with_compounds(parsed, pairs)
        opened = queries.closed_compounds(text, gen.speller.open_form)
        return queries.expand_prefixes(r, queries.with_open_forms(parsed, opened))

    def _meetings(self) -> list[dict]:
        """The record's meetings of the served generation ([] for an index without one)."""
        try:
            return load_meetings(self)
        except RecordMissing:
            return []

    def _suggest(
        self, gen: Generation, r: store.Reader, q: str, parsed: queries.Parsed, loosen: bool
    ) -> str | None:
        """``q`` (an unclosed quote left out, as the search ignored it) with each word the
        index does not hold replaced by the generation's suggestion
        (``indexer.index.spelling``) and, with ``loosen`` (it found nothing), its
        ``location:`` and ``title:`` words sought anywhere (``queries.without_word_fields``)
        or, when neither changes it, its quoted words unquoted (``queries.unquoted``) and
        respelt as unquoted words are; None when nothing was changed."""
        typed = queries.without_unbalanced_quote(queries.straight_quotes(q))
        corrected = queries.without_word_fields(typed) if loosen else typed
        corrected = _respelt(gen, r, corrected, parsed.words)
        if loosen and corrected == typed:  # quoted words in any form, a concept's terms too
            unquoted = queries.unquoted(typed)
            if unquoted != typed:  # else respelt already, as ``parsed`` reads it
                corrected = _respelt(gen, r, unquoted, queries.parse(unquoted).words)
        return corrected if corrected != typed else None

    def _matches(self, gen: Generation, r: store.Reader, qq, year=None) -> list[int]:
        """Record numbers of the passages matching ``qq`` within the year range."""
        keep = self._filter(gen, r, (year, None, None), None)
        doc_of = gen.doc_of
        return [
            n
            for n in queries.matching_docnums(r, qq)
            if doc_of[n] >= 0 and (keep is None or keep(doc_of[n]))
        ]

    def _filter(self, gen: Generation, r: store.Reader, filters, excluded):
        """Which documents (ordinals) pass the filters (year range, types, meeting key) and
        exclusions (no passage matching ``excluded``); None when all do. The filters run
        over in-memory columns: cheaper in Whoosh than intersecting the query with a numeric
        range or a very common term."""
        year, types, meeting = filters
        if not year and types is None and not meeting and excluded is None:
            return None
        out = gen.matches(r, excluded).docs if excluded is not None else frozenset()
        years, doc_types_of, meetings = gen.years, gen.types, gen.meetings
        lo, hi = year or (0, 0)

        def keep(o: int) -> bool:
            return (
                o not in out
                and (not year or lo <= years[o] <= hi)
                and (types is None or doc_types_of[o] in types)
                and (not meeting or meetings[o] == meeting)
            )

        return keep

    def _best_per_document(
        self,
        gen: Generation,
        r: store.Reader,
        qq,
        want: int,
        allowed: set[int] | None,
        skip: Callable[[int], bool] = lambda o: False,
    ) -> list[tuple[int, float]]:
        """The best passage of each of the ``want`` best documents (ordinals) that ``skip``
        leaves, among the passages (record numbers) ``allowed`` (None: all), best first.

        Asks Whoosh for a few more passages than documents wanted (so it can skip blocks
        that cannot make the top), and more again if passages crowd into few documents.
        """
        k = max(want * 3, 30)
        while True:
            ranked = queries.search(r, qq, limit=k, allowed=allowed)
            best: dict[int, tuple[int, float]] = {}
            for docnum, score in ranked:
                o = gen.doc_of[docnum]
                if o >= 0 and o not in best and not skip(o):
                    best[o] = (docnum, score)
                    if len(best) == want:
                        return list(best.values())
            if len(ranked) < k:
                return list(best.values())
            k *= 4

    def _run(self, gen, r, parsed, filters, sort, page, limit, prefer=None, of_meeting=None):
        """(total documents, facets, the page's (passage record, score) hits, and the
        (passage record, score) hits of documents holding only some of the words, as many as
        fill the page's last places when fewer than PARTIAL_BELOW documents hold them all).

        Works on each part's ``Matches`` (kept per generation): what is left per query is
        set and dictionary work over them, not posting lists read and scored again. With
        ``prefer`` (types), the documents of those types weigh TYPE_PREFERENCE times more.
        With ``of_meeting`` (a meeting's key, the parsed query left once its name is taken
        out, the stems of the words typed), that meeting's documents holding the words left
        come first and its others last (``_meeting_tiers``), after any document titled with
        every word typed (``_with_meeting``).
        """
        qq = queries.passage_query(parsed)
        parts = queries.conjuncts(qq) if not parsed.empty else [qq]
        matched = [gen.matches(r, p) for p in parts]
        keep = self._filter(gen, r, filters, parsed.excluded)
        first = (page - 1) * limit
        if of_meeting is None:
            listed = frozenset()
            phrase = self._in_order(gen, r, parsed)
            docs, hits = self._ranked(
                gen, parsed, matched, keep, sort, first, limit, prefer, phrase
            )
        else:
            listed, docs, hits = self._with_meeting(
                gen, r, parsed, matched, keep, sort, first, limit, prefer, of_meeting
            )
        year, types, meeting = filters

        def counted_without(chosen, kept: tuple) -> frozenset[int]:
            """The documents a facet counts: as if its own filter were not chosen, so that
            another type (or year) can be added to those chosen, or chosen instead."""
            if chosen is None:
                return docs
            every = frozenset.intersection(*(m.docs for m in matched)) | listed
            return _kept(every, self._filter(gen, r, kept, parsed.excluded))

        by_type = counted_without(types, (year, None, meeting))
        by_year = counted_without(year, (None, types, meeting))
        partial: list[tuple[int, float]] = []
        room = limit - len(hits)  # the partial documents fill the page's last places
        if len(docs) < PARTIAL_BELOW and page * limit >= len(docs) and room > 0:
            if parsed.typed is not None:  # some of the words typed, not of a concept's terms
                parts = queries.conjuncts(parsed.typed)
                matched = [gen.matches(r, p) for p in parts]
            if len(parts) > 1:
                partial = self._some_parts(gen, parts, matched, keep, docs, room, prefer)
        meetings = _counted(gen, "meetings", docs)
        del meetings[""]  # no meeting
        facets = {
            "year": {
                str(y) if y else UNDATED: n
                for y, n in _counted(gen, "years", by_year).most_common()
            },
            "doc_type": _counts(_counted(gen, "types", by_type)),
            "meeting": _counts(meetings),
        }
        return len(docs), facets, hits, partial

    def _related_to(self, gen, r, shown, want: int, keep) -> list[tuple[int, float]]:
        """The best passage of each of the ``want`` documents most like the first
        RELATED_DOCS documents of ``shown`` ((passage record, score) hits): the RELATED_TERMS
        key terms of their text searched as an OR, documents of ``shown`` and those ``keep``
        leaves out excepted; best first."""
        firsts = list(dict.fromkeys(gen.doc_of[n] for n, _ in shown))[:RELATED_DOCS]
        text = " ".join(r.stored(n).get("body", "") for o in firsts for n in gen.passages_of[o])
        terms = queries.key_terms(r, text, n=RELATED_TERMS)
        if not terms:
            return []
        listed = {gen.doc_of[n] for n, _ in shown}

        def skip(o: int) -> bool:
            return o in listed or (keep is not None and not keep(o))

        return self._best_per_document(gen, r, queries.stem_terms_query(terms), want, None, skip)

    def _with_meeting(self, gen, r, parsed, matched, keep, sort, first, limit, prefer, of_meeting):
        """(the documents listed for the meeting, filters aside; the documents found; the
        page's hits) of ``_run`` with ``of_meeting``: by relevance the meeting's documents
        holding the words left, then the others matching ``parsed``, then the meeting's
        other documents (``_meeting_tiers``); by date, the same documents by date.

        Among the first two, a document whose title holds every word typed comes first,
        by its score: "Daegu Initiative" names a meeting by its city and the initiative
        named for it, and the document titled "... for the Daegu Initiative" is the one
        asked for, before the meeting's documents that merely hold "initiative"."""
        key, rest, typed = of_meeting
        listed, lead, trail = self._meeting_tiers(gen, r, key, rest, keep, prefer)
        ours = {gen.doc_of[n]: (n, score) for n, score in lead + trail}
        others = lambda o: o not in listed and (keep is None or keep(o))  # noqa: E731
        if sort != "relevance":
            docs = self._ranked(gen, parsed, matched, others, sort, 0, 0, prefer)[0] | set(ours)
            shown = _by_date(gen, docs, sort)[first : first + limit]
            found = self._proximity(gen, matched, [o for o in shown if o not in ours])
            best = ours | {o: (n, score) for o, n, score, _ in found}
            return listed, docs, [best.get(o, (gen.passages_of[o][0], 0.0)) for o in shown]
        docs, theirs = self._ranked(gen, parsed, matched, others, sort, 0, first + limit, prefer)
        ranked = lead + theirs  # all of the first tier, the second as far as the page
        titled = [h for h in ranked if typed <= _title_stems(r, h[0])] if typed else []
        if titled:
            titled.sort(key=lambda h: (-h[1], h[0]))
            ranked = titled + [h for h in ranked if h not in titled]
        past = max(0, first - len(lead) - len(docs))  # the trail's first on the page
        hits = (ranked + trail[: past + limit])[first : first + limit]
        return listed, docs | set(ours), hits

    def _meeting_tiers(self, gen, r, key: str, rest: queries.Parsed, keep, prefer):
        """(the documents listed for meeting ``key``, filters aside; the (passage record,
        score) hits of those passing ``keep`` that hold every part of ``rest``, by relevance
        to it; those of its other documents but passing mentions, those holding more of
        the parts of ``rest`` first, then in the order of the record's roles (outcome,
        annexes, reports, speeches, news), newest first within a role). With no words in
        ``rest``, the second are the first. A document of the meeting need not hold the name
        of a place the record does not know it by ("Jeju" of a story in Korean); "Minister
        Fontaine opens the 25th SME ministerial meeting" puts the meeting's release naming
        Fontaine before its other news, though the release says "opens" another way."""
        members = [o for o, k in enumerate(gen.meetings) if k == key]
        roles = {o: r.stored(gen.passages_of[o][0]).get("role") for o in members}
        holding: frozenset[int] = frozenset()
        lead: list[tuple[int, float]] = []
        matched: list[Matches] = []
        if not rest.empty:
            parts = queries.conjuncts(queries.passage_query(rest))
            matched = [gen.matches(r, p) for p in parts]
            holding = frozenset(members).intersection(*(m.docs for m in matched))
            within = lambda o: o in holding and (keep is None or keep(o))  # noqa: E731
            if holding:  # else none leads (and there is no page of none to rank)
                lead = self._ranked(
                    gen, rest, matched, within, "relevance", 0, len(holding), prefer
                )[1]
        placed = frozenset(o for o in members if roles[o] != "mention") - holding
        others = sorted(_kept(placed, keep), key=gen.dates.__getitem__, reverse=True)
        others.sort(key=lambda o: ROLES.index(roles[o]) if roles[o] in ROLES else len(ROLES))
        others.sort(key=lambda o: -sum(o in m.docs for m in matched))
        trail = [(gen.passages_of[o][0], 0.0) for o in others]
        listed = holding | placed
        return (listed, trail, []) if rest.empty else (listed, lead, trail)

    def _in_order(self, gen: Generation, r: store.Reader, parsed: queries.Parsed):
        """For a query of two or more plain words, whether a passage (record number) holds
        them in the order typed (``Analysed.holds_in_order``, PHRASE_GAP); else None."""
        sequence = parsed.sequence
        if len(sequence) < 2:
            return None
        return lambda n: gen.passage(r, n).body.holds_in_order(sequence, PHRASE_GAP)

    def _ranked(
        self, gen, parsed, matched: list[Matches], keep, sort, first, limit, prefer, phrase=None
    ):
        """(documents holding every part that pass ``keep``, the (passage record, score)
        hits of the ``limit`` of them from rank ``first``), ``prefer`` as in ``_run``,
        ``phrase`` as in ``_all_parts``."""
        if len(matched) > 1:
            return self._all_parts(gen, matched, keep, sort, first, limit, prefer, phrase)
        by = sort if sort != "relevance" or not parsed.empty else "newest"
        return self._one_part(gen, matched[0], keep, by, first, limit, prefer)

    def _prior(self, gen: Generation, docs: frozenset[int], prefer: frozenset[str] | None):
        """(a document's prior by ordinal, the largest) for ranking ``docs``: OUTCOME_PRIOR
        for an outcome, times TYPE_PREFERENCE for a type in ``prefer``, else 1; (None, 1.0)
        when every document of ``docs`` has 1, so the ranking walks no deeper than it
        must."""
        outcomes, types = gen.outcomes, gen.types
        preferred = prefer is not None and any(types[o] in prefer for o in docs)
        if not preferred and docs.isdisjoint(outcomes):
            return None, 1.0

        def of_doc(o: int) -> float:
            weight = OUTCOME_PRIOR if o in outcomes else 1.0
            return weight * TYPE_PREFERENCE if preferred and types[o] in prefer else weight

        return of_doc, OUTCOME_PRIOR * (TYPE_PREFERENCE if preferred else 1.0)

    def _prior_array(self, gen: Generation, prefer: frozenset[str] | None) -> np.ndarray:
        """Every document's prior (``_prior``'s, the same floats) as an array by ordinal."""
        weights = np.where(gen.outcome_mask(), OUTCOME_PRIOR, 1.0)
        if prefer:
            codes, types = gen.coded("types")
            preferred = np.isin(codes, [i for i, t in enumerate(types) if t in prefer])
            weights = np.where(preferred, weights * TYPE_PREFERENCE, weights)
        return weights

    def _one_part(self, gen, m: Matches, keep, sort, first, limit, prefer):
        """(documents ``m`` matches that pass ``keep``, the page's hits: by relevance each
        document's best passage, documents by the sum of their best passages' scores times
        the outcome prior, best first; by date, the page's documents' best passages).

        By relevance, a part of at most RANKED_UP_TO passages has its documents ranked once
        per generation (``Matches.documents``) and read down; a longer one is walked
        (``_by_document``), so that a common word met for the first time is not grouped
        whole (0.4 s for a word of 50,000 passages)."""
        docs = _kept(m.docs, keep)
        if sort == "relevance":
            prior, most = self._prior(gen, docs, prefer)
            if len(m) > RANKED_UP_TO:
                hits = self._by_document(gen, [m], docs, prior, most, first + limit, prefer)[0]
            else:
                hits = top_k.top_documents(
                    m.documents(gen), docs, first + limit, weight=prior, most=most
                )
            return docs, hits[first : first + limit]
        shown = _by_date(gen, docs, sort)[first : first + limit]
        return docs, [_best_passage(gen.passages_of[o], m.scores) for o in shown]

    def _all_parts(self, gen, matched: list[Matches], keep, sort, first, limit, prefer, phrase):
        """(documents holding every part, the page's (passage record, score) hits).

        By relevance, documents with a passage holding every part come first, ranked by
        the sum of their best such passages' BM25F scores (each the sum of the parts', as
        Whoosh scores an AND; ``doc_rank.holding_every_part``) times the outcome prior;
        then the others, by ``doc_rank``'s proximity score, computed only
        when the page reaches them. With ``phrase`` (``_in_order``: whether a passage holds
        the words in the order typed), the first PHRASE_WINDOW are rescored by it. By
        date, only the page's documents are scored.
        """
        docs = _kept(frozenset.intersection(*(m.docs for m in matched)), keep)
        if sort != "relevance":
            shown = _by_date(gen, docs, sort)[first : first + limit]
            return docs, [(m.passage, m.score) for m in self._proximity(gen, matched, shown)]
        prior, most = self._prior(gen, docs, prefer)
        want = max(first + limit, PHRASE_WINDOW) if phrase else first + limit
        hits, complete = self._by_document(gen, matched, docs, prior, most, want, prefer)
        if complete and len(hits) < want:
            # The other documents hold every part, in passages of their own.
            ordered = sorted(docs - {gen.doc_of[n] for n, _ in hits})
            if ordered:
                spread = self._proximity(gen, matched, ordered)
                hits += doc_rank.by_relevance(spread, prior)
        if phrase and len(hits) > 1:  # one hit alone keeps its place
            window = [(n, s * PHRASE_BONUS if phrase(n) else s) for n, s in hits[:PHRASE_WINDOW]]
            hits = sorted(window, key=lambda h: (-h[1], h[0])) + hits[PHRASE_WINDOW:]
        return docs, hits[first : first + limit]

    def _by_document(self, gen, matched: list[Matches], docs, prior, most, want, prefer):
        """(the ``want`` best of documents ``docs`` holding every part in one passage, as
        (best passage, score) best first; whether they are all). The RERANKED best by their
        best such passage (``top_k.best_passage_per_document``, exact), re-ranked by the sum
        of their best such passages (``doc_rank.summed``), each times ``prior``: walking for
        the sums themselves met most documents of two common words, and the first pages stay
        one ranking. From arrays instead when every part matches more than ARRAYS_FROM
        passages, or one is held as arrays only (``Matches.as_arrays_only``: a common word
        of the impacts), so that a common word beside a rarer one is not made a dictionary
        (4 ms for 40,000 passages) for the walk to look its passages up."""
        if min(map(len, matched)) > ARRAYS_FROM or any(m.as_arrays_only for m in matched):
            weights = None if prior is None else self._prior_array(gen, prefer)
            arrays = [m.arrays() for m in matched]
            return top_k.documents_by_arrays(arrays, want, gen.doc_array(), docs, weights), True
        ranked, scores = [m.ranked() for m in matched], [m.scores for m in matched]
        doc_of, passages_of = gen.doc_of, gen.passages_of
        pool, complete = top_k.best_passage_per_document(
            ranked, scores, max(RERANKED, want), doc_of, docs, prior, most
        )
        summed = []
        for n, _ in pool:
            o = doc_of[n]
            total = doc_rank.summed(doc_rank.holding_every_part(passages_of[o], scores))
            summed.append((n, total * (prior(o) if prior is not None else 1.0)))
        return sorted(summed, key=lambda h: (-h[1], h[0]))[:want], complete

    def _proximity(self, gen, matched: list[Matches], ordinals) -> list[doc_rank.DocumentMatch]:
        """The ``doc_rank`` matches of documents ``ordinals`` (in that order)."""
        scores = [m.scores for m in matched]
        found = (doc_rank.score_document(o, gen.passages_of[o], scores) for o in ordinals)
        return [m for m in found if m]

    def _some_parts(self, gen, parts, matched: list[Matches], keep, exclude, want: int, prefer):
        """The best ``want`` documents outside ``exclude`` holding every metadata condition
        (``type:``, ``year:``…) and at least half of the other parts (most parts first),
        or any of them when no document holds half and none is in ``exclude`` (the documents
        holding them all), among those with a passage in the top passages of an OR of those
        parts (at least PARTIAL_CANDIDATES documents, when there are as many), ``prefer`` as
        in ``_run``. None for fewer than two such parts."""
        is_filter = [queries.is_filter(p) for p in parts]
        filters = [m.scores for m, f in zip(matched, is_filter, strict=True) if f]
        words = [m for m, f in zip(matched, is_filter, strict=True) if not f]
        if len(words) < 2:
            return []
        doc_of = gen.doc_of

        # The top passages of an OR of the words, more of them until they give enough
        # documents.
        lists, scores = [m.ranked() for m in words], [m.scores for m in words]
        k = PARTIAL_CANDIDATES * 3
        ranked: list[tuple[int, float]] = []
        complete = False
        while True:
            if not complete:  # else ``ranked`` holds them all already
                ranked, complete = top_k.top_passages(lists, scores, k)
            # each candidate document with its first passage met: its best in the OR
            candidates: dict[int, tuple[int, float]] = {}
            for n, score in ranked[:k]:
                o = doc_of[n]
                if (
                    o >= 0
                    and o not in candidates
                    and o not in exclude
                    and (keep is None or keep(o))
                    and (not filters or all(n in f for f in filters))
                ):
                    candidates[o] = (n, score)
            if len(candidates) >= max(PARTIAL_CANDIDATES, want) or (complete and k >= len(ranked)):
                break
            k *= 4
        need = (len(words) + 1) // 2
        if len(words) == 2 and not filters:
            found = self._one_of_two(gen, words, candidates)
        else:
            found = self._proximity(gen, words, list(candidates))
        prior = self._prior(gen, frozenset(candidates), prefer)[0]
        # With nothing holding every word, and nothing half of them, those holding any.
        kept = [m for m in found if m[3] >= need] or ([] if exclude else found)
        return doc_rank.by_relevance(kept, prior)[:want]

    def _one_of_two(
        self, gen, words: list[Matches], candidates: dict[int, tuple[int, float]]
    ) -> list[doc_rank.Match]:
        """``_proximity`` of the ``candidates`` of an OR of two words (ordinal -> the first
        of its passages that OR ranks, and its score) without walking their passages: a
        document holding one of the words matches by its best passage for it (as
        ``doc_rank.score_document`` finds it), which is the first the OR ranks (its score
        that word's alone; on a tie the lower record number, first in the document)."""
        a, b = words[0].docs, words[1].docs
        return [
            (o, n, score, 1) if o not in a or o not in b else self._proximity(gen, words, [o])[0]
            for o, (n, score) in candidates.items()
        ]

    def _result(
        self, gen: Generation, r: store.Reader, hit: tuple[int, float], parsed: queries.Parsed
    ) -> dict:
        """A result: the document's metadata and its passage, linked at the sentence holding
        the most query terms (``match_position`` is that sentence's paragraph)."""
        docnum, score = hit
        shown, showing = gen.shown_for(r, docnum, parsed)
        return shown.result(showing, score)

    # -- other views ------------------------------------------------------------
    def passages(
        self, q: str, *, limit: int = 20, year: tuple[int, int] | None = None
    ) -> list[dict]:
        """Best passages for any of the words of ``q`` (BM25), for question answering."""
        with self._reading() as (gen, r):
            qq = queries.any_words_query(q)
            allowed = set(self._matches(gen, r, qq, year)) if year else None
            hits = [
                (r.stored(docnum), score)
                for docnum, score in queries.search(r, qq, limit=limit, allowed=allowed)
            ]
        out = []
        for f, score in hits:
            text = f.get("body", "")
            out.append(
                {
                    "doc_id": f["doc_id"],
                    "passage_id": f["passage_id"],
                    "title": f.get("title", ""),
                    "url": f.get("url", ""),
                    "link": passage_link(
                        f.get("url", ""), f.get("content_type", ""), text, f.get("page")
                    ),
                    "year": f.get("year"),
                    "date": f.get("date") or None,
                    "doc_type": f.get("doc_type", "other"),
                    "location": f.get("location"),
                    "meeting_number": f.get("meeting_number"),
                    "content_type": f.get("content_type"),
                    "text": text,
                    "position": f.get("position"),
                    "marks": f.get("marks") or [],
                    "page": f.get("page"),
                    "score": round(score, 4),
                }
            )
        return out

    def metadata(self, doc_id: str) -> dict | None:
        """The document's metadata as ``document`` gives it (``{"id", "title", "publisher",
        "doc_type", "role", "url", "fetched_at", ...}``) without its paragraphs; None for an
        unknown id."""
        with self._reading() as (_, r):
            fields = r.find(passage_id=doc_id)
        return _described(doc_id, fields) if fields and "meta" in fields else None

    def document(self, doc_id: str, highlight: str | None = None) -> dict | None:
        """The document's metadata and paragraphs, each with its HTML (the words of
        ``highlight`` marked) and a deep link to it in the source: to its sentence holding
        the most of those words, else to its opening words."""
        with self._reading() as (gen, r):
            fields = r.find(passage_id=doc_id)
            parsed = self._parse(gen, r, highlight or "")
        if not fields or "meta" not in fields:
            return None
        url = fields.get("url", "")
        ctype = fields.get("content_type", "")
        paragraphs = [
            {
                **p,
                "html": marking.highlight(
                    p["text"], parsed.stems, parsed.exact, phrases=parsed.phrases
                ),
                "link": sentence_link(url, ctype, p["text"], p["page"], parsed)[0],
            }
            for p in fields.get("paragraphs", [])
        ]
        return _described(doc_id, fields) | {"link": url, "paragraphs": paragraphs}

    def related(self, doc_id: str, limit: int = 5) -> list[dict]:
        """Documents of other years sharing this one's key terms ("more like this"), best
        passage each (an undated document may be related to any other)."""
        with self._reading() as (gen, r):
            fields = r.find(passage_id=doc_id)
            if not fields or "paragraphs" not in fields:
                return []
            text = " ".join(p["text"] for p in fields["paragraphs"])
            terms = queries.key_terms(r, text)
            if not terms:
                return []
            parsed = queries.Parsed(query=queries.stem_terms_query(terms), stems=set(terms))
            own = gen.ordinal.get(doc_id, -1)
            year = gen.years[own] if own >= 0 else 0

            def skip(o: int) -> bool:  # itself, and the documents of its year
                return o == own or bool(year) and gen.years[o] == year

            hits = self._best_per_document(gen, r, parsed.query, limit, None, skip)
            return [self._result(gen, r, hit, parsed) for hit in hits]

    def stats(self) -> dict:
        gen = self._current()
        meta = read_meta(self.index_dir / gen.target)
        return {
            "documents": len(gen.doc_ids),
            "passages": sum(1 for o in gen.doc_of if o >= 0),
            "years": meta.get("years", []),
            "last_crawl": meta.get("last_crawl"),
            "doc_types": meta.get("doc_types", {}),
            "built_at": meta.get("built_at"),
            "words_per_year": meta.get("words_per_year", {}),
            "documents_per_year": meta.get("documents_per_year", {}),
            "undated_documents": meta.get("undated_documents", 0),
        }

    def year_counts(self, q: str) -> dict[int, dict]:
        """Per year: how many documents match ``q`` as ``search`` finds them with its words
        only (no thesaurus, genre or meeting reading: each part anywhere in the document),
        so that a trend's count is the number of results its link lists; how many of their
        passages hold a part, and how many times its terms occur in them (``mentions``)."""
        with self._reading() as (gen, r):
            parsed = self._parse(gen, r, q, expand=False)
            qq = queries.passage_query(parsed)
            matched = [gen.matches(r, p) for p in queries.conjuncts(qq)]
            keep = self._filter(gen, r, (None, None, None), parsed.excluded)
            docs = _kept(frozenset.intersection(*(m.docs for m in matched)), keep)
            passages: Counter[int] = Counter()
            found: Counter[int] = Counter()
            counted: Counter[int] = Counter(gen.years[o] for o in docs if gen.years[o])
            for n in sorted(set().union(*(m.scores for m in matched))):
                year = gen.years[gen.doc_of[n]] if gen.doc_of[n] in docs else None
                if year:
                    passages[year] += 1
                    found[year] += mentions(r.stored(n).get("body", ""), parsed)
        return {
            y: {"documents": counted[y], "passages": passages[y], "mentions": found[y]}
            for y in sorted(counted)
        }


def _expanded(expanded: list[tuple[str, str]]) -> list[dict[str, str | None]]:
    """``[{"term", "concept", "language"}]`` of the (term, concept) pairs a query also
    matched, each concept's English terms before those in other languages."""
    found = [{"term": t, "concept": c, "language": language_of(t)} for t, c in expanded]
    return sorted(found, key=lambda e: e["language"] is not None)  # stable: concepts kept


def _quoted(text: str) -> str:
    """``text`` in typographic quotes for a note, or as it is when the whole of it is in
    quotes already (a phrase: “"entrepreneurial culture"” would double them)."""
    return text if re.fullmatch(r'"[^"]*"', text) else f"“{text}”"


def _types_shown(facets: dict, partial: list[dict]) -> dict[str, int]:
    """Results by type: the documents holding every word (the type facet) and those shown
    holding some of them."""
    counts = dict(facets.get("doc_type") or {})
    for r in partial:
        counts[r["doc_type"]] = counts.get(r["doc_type"], 0) + 1
    return counts


def _counted(gen: Generation, column: str, docs: frozenset[int]) -> Counter:
    """How many of ``docs`` have each value of ``column`` ("years", "types", "meetings"):
    looked up one by one, or for COUNTED_BY_ARRAYS documents or more counted in numpy (the
    same counts; on a tie the lower value first) from the generation's codes."""
    if len(docs) < COUNTED_BY_ARRAYS:
        return Counter(map(getattr(gen, column).__getitem__, docs))
    codes, values = gen.coded(column)
    ordinals = np.fromiter(docs, dtype=np.int64, count=len(docs))
    counts = np.bincount(codes[ordinals], minlength=len(values))
    return Counter({values[i]: int(counts[i]) for i in np.flatnonzero(counts)})


def _counts(counted: Counter) -> dict[str, int]:
    """The counts by value (as a string), most first; on a tie the first met first."""
    return {str(k): v for k, v in counted.most_common()}
