"""What a result shows of a passage: its best sentence, a deep link to it, and a snippet
with the query's words marked."""

from __future__ import annotations

import html
import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

from indexer.index import queries
from indexer.index.segment import NEEDS_SEGMENTS
from indexer.search import highlight as marking
from indexer.text.fragments import passage_link
from indexer.text.sentences import Sentence, split_sentences

SNIPPET_WORDS = 50
_WORD_STARTS = re.compile(r"\S+")
_TO_ESCAPE = re.compile(r"[&<>\"']")  # what html.escape changes
_IRREGULAR = re.compile(r"\s{2,}|[^\S ]")  # whitespace other than one space


class Marked(NamedTuple):
    """The word forms of a text that a query matches, and where they are: the indexes
    (in ``Analysed.forms``) of the words having those forms, in order."""

    forms: frozenset[str]
    at: list[int]


@dataclass(frozen=True)
class Analysed:
    """A text's sentences and its words (``marking.word_forms``), indexed by folded form
    and by stem: what its best sentence and its snippet for any query need, kept compactly
    (interned words, arrays of offsets) so that many passages can be kept ready, and
    indexed so that the words a query marks are a lookup per query term. ``spaced`` holds
    where each whitespace-split word starts (snippets are cut between those). Sentences
    are kept as offsets, not objects: a generation keeps thousands of these, and the
    garbage collector's full passes walk every object kept."""

    text: str
    bounds: array  # each sentence's start offset
    ends: array  # ... and its end
    forms: tuple[str, ...]
    starts: array
    by_folded: dict[str, tuple[int, ...]]  # folded form -> its words' indexes in ``forms``
    by_stem: dict[str, tuple[int, ...]]  # stem -> the indexes of the words having it
    spaced: array
    irregular: array  # where its runs of whitespace other than one space start
    segmented: bool  # whether some words are cut out of runs (Chinese, Japanese, Thai)
    plain: bool  # whether nothing in it needs escaping in HTML

    @classmethod
    def of(cls, text: str) -> Analysed:
        forms, starts = marking.word_forms(text)
        by_folded: dict[str, list[int]] = {}
        by_stem: dict[str, list[int]] = {}
        for i, form in enumerate(forms):
            folded, stem = marking.word_key(form)
            by_folded.setdefault(folded, []).append(i)
            if stem is not None:
                by_stem.setdefault(stem, []).append(i)
        sentences = split_sentences(text)
        return cls(
            text,
            array("i", [s.start for s in sentences]),
            array("i", [s.end for s in sentences]),
            forms,
            starts,
            {k: tuple(v) for k, v in by_folded.items()},
            {k: tuple(v) for k, v in by_stem.items()},
            array("i", (m.start() for m in _WORD_STARTS.finditer(text))),
            array("i", (m.start() for m in _IRREGULAR.finditer(text))),
            bool(NEEDS_SEGMENTS.search(text)),
            not _TO_ESCAPE.search(text),
        )

    def marked(self, parsed: queries.Parsed) -> Marked:
        """The words of the text that the query matches: those whose folded form the query
        has unstemmed, or whose stem it has (as ``marking.highlight`` marks)."""
        found = [self.by_folded.get(t, ()) for t in parsed.exact]
        found += [self.by_stem.get(t, ()) for t in parsed.stems]
        at = sorted(set(chain.from_iterable(found)))
        return Marked(frozenset(map(self.forms.__getitem__, at)), at)

    def terms_held(self, parsed: queries.Parsed) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(the query's unstemmed terms, its stems) that words of the text have, each
        sorted: all that ``marked``, ``best_sentence`` and a snippet take from the query.
        Tuples of strings, which the garbage collector stops tracking (a cache key)."""
        exact = tuple(sorted(t for t in parsed.exact if t in self.by_folded))
        return exact, tuple(sorted(t for t in parsed.stems if t in self.by_stem))

    def first_match(self, marked: Marked) -> int | None:
        """The character offset of the first ``marked`` word; None when there is none."""
        return self.starts[marked.at[0]] if marked.at else None

    def best_sentence(self, parsed: queries.Parsed, marked: Marked) -> tuple[Sentence, int] | None:
        """The sentence holding the most distinct query terms (the first of equals) and
        the index of its first whitespace-split word holding one; None when none does."""
        terms: dict[int, set[str | None]] = {}
        first: dict[int, int] = {}  # sentence -> offset of its first marked word
        for w in marked.at:
            at = self.starts[w]
            i = bisect_right(self.bounds, at) - 1
            if i < 0 or at >= self.ends[i]:
                continue  # between sentences
            term = marking.term_of(self.forms[w], parsed.stems, parsed.exact)
            terms.setdefault(i, set()).add(term)
            first.setdefault(i, at)
        if not terms:
            return None
        best = max(terms, key=lambda i: (len(terms[i]), -i))
        start, end = self.bounds[best], self.ends[best]
        sentence = Sentence(self.text[start:end], start, end)  # as split_sentences gave it
        return sentence, _word_index(sentence.text, first[best] - sentence.start)

    def spaced_plainly(self, start: int, stop: int) -> bool:
        """Whether every run of whitespace in text[start:stop] (a cut between words) is
        one space."""
        i = bisect_left(self.irregular, start)
        return i == len(self.irregular) or self.irregular[i] >= stop

    def marked_html(self, text: str, start: int, stop: int, marked: Marked) -> str:
        """``text[start:stop]`` (``text`` the analysed text, cut between words) HTML-escaped,
        with the ``marked`` words in <mark>: what ``marking.highlight`` makes of that cut,
        for a text not ``segmented`` (whose marked words never overlap)."""
        escape = str if self.plain else html.escape
        out: list[str] = []
        last = start
        first = bisect_left(marked.at, start, key=self.starts.__getitem__)
        for w in marked.at[first:]:
            at = self.starts[w]
            if at >= stop:
                break
            form = self.forms[w]  # word characters and dots: nothing to escape
            out += (escape(text[last:at]), "<mark>", form, "</mark>")
            last = at + len(form)
        out.append(escape(text[last:stop]))
        return "".join(out)


def _word_index(text: str, at: int) -> int:
    """The index of the whitespace-split word of ``text`` that character ``at`` is in."""
    before = len(text[:at].split())
    return before if at == 0 or text[at - 1].isspace() else before - 1


_MARKED_RUN = re.compile(r"<mark>[^<]*</mark>(?:\W{1,3}<mark>[^<]*</mark>)*")


def mentions(text: str, parsed: queries.Parsed) -> int:
    """How many times the query's terms occur in ``text``: each run of adjacent matching
    words counts once, so an exact phrase ("women entrepreneurs") is one mention."""
    return len(_MARKED_RUN.findall(marking.highlight(text, parsed.stems, parsed.exact)))


def sentence_link(
    url: str,
    content_type: str,
    text: str,
    page: int | None,
    parsed: queries.Parsed,
    analysed: Analysed | None = None,
    marked: Marked | None = None,
) -> tuple[str, int]:
    """(the deep link to ``text``'s sentence holding the most query terms, or to its opening
    words when none does; the line of ``text`` that sentence is on, from 0). ``analysed``
    is ``Analysed.of(text)`` and ``marked`` its ``marked(parsed)``, when already at hand."""
    analysed = analysed or Analysed.of(text)
    found = analysed.best_sentence(parsed, marked or analysed.marked(parsed))
    if not found:
        return passage_link(url, content_type, text, page), 0
    sentence, at = found
    line = text.count("\n", 0, sentence.start)
    return passage_link(url, content_type, sentence.text, page, at=at), line


def snippet(
    text: str,
    parsed: queries.Parsed,
    analysed: Analysed | None = None,
    marked: Marked | None = None,
) -> str:
    """The passage (cut to about SNIPPET_WORDS words around the first match), highlighted.
    ``analysed`` is ``Analysed.of(text)`` and ``marked`` its ``marked(parsed)``, when
    already at hand."""
    analysed = analysed or Analysed.of(text)
    marked = marked or analysed.marked(parsed)
    spaced = analysed.spaced
    if len(spaced) <= SNIPPET_WORDS:
        return _marked_cut(text, 0, len(text), parsed, analysed, marked)
    first = analysed.first_match(marked)
    at = bisect_right(spaced, first) - 1 if first is not None else 0
    start = max(0, min(at - 10, len(spaced) - SNIPPET_WORDS))
    end = start + SNIPPET_WORDS
    cut_at = spaced[start]
    cut = text[cut_at : spaced[end] if end < len(spaced) else len(text)].rstrip()
    marked_cut = _marked_cut(text, cut_at, cut_at + len(cut), parsed, analysed, marked)
    if not analysed.spaced_plainly(cut_at, cut_at + len(cut)):
        # A mark holds no whitespace: runs of it are made one space as well after marking.
        marked_cut = " ".join(marked_cut.split())
    return ("… " if start else "") + marked_cut + (" …" if end < len(spaced) else "")


def _marked_cut(
    text: str, start: int, stop: int, parsed: queries.Parsed, analysed: Analysed, marked: Marked
) -> str:
    """``text[start:stop]`` (a cut between words) highlighted."""
    if analysed.segmented:
        return marking.highlight(text[start:stop], parsed.stems, parsed.exact, marked.forms)
    return analysed.marked_html(text, start, stop, marked)
