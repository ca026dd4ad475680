"""A passage's analysis for showing it (its sentences and its words, indexed by folded form
and by stem): made once, when the index is built, stored with the passage (``encode``) and
loaded when a result shows it (``decode``), rather than made again for every passage shown
(0.4 to 1.7 ms each at 10,000 documents, a third of a search's time).

A change to what ``Analysed.of`` computes (the words, their keys, the sentence splitter)
changes what the index stores: it bumps ``analysis.SCHEMA_VERSION``, so that the next build
analyses every passage again.
"""

from __future__ import annotations

import html
import marshal
import re
import sys
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from indexer.index import queries
from indexer.index.analysis import DELIMIT, STEM, fold_word
from indexer.index.segment import NEEDS_SEGMENTS, TOKEN, segments
from indexer.text.sentences import Sentence, split_sentences

_WORD_STARTS = re.compile(r"\S+")
_TO_ESCAPE = re.compile(r"[&<>\"']")  # what html.escape changes
_IRREGULAR = re.compile(r"\s{2,}|[^\S ]")  # whitespace other than one space


class AnalysisDamaged(Exception):
    """A stored analysis that cannot be read, or that is not the analysis of its passage's
    text; ``str(e)`` says which."""


# -- words ------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _stem(word: str) -> str | None:
    tokens = [t.text for t in STEM(word, mode="query")]
    return tokens[0] if tokens else None


def words(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) of each word of ``text`` as the index has it: Chinese and Japanese
    runs as their overlapping bigrams, Thai as its words (indexer.index.segment), words joined
    without a space apart (``analysis.DELIMIT``)."""
    for m in TOKEN.finditer(text):
        token, at = m.group(0), m.start()
        if NEEDS_SEGMENTS.search(token):
            for a, b in segments(token):
                yield token[a:b], at + a, at + b
            continue
        cuts = [c.start() - at for c in DELIMIT.finditer(text, at, m.end()) if c.start() > at]
        for a, b in zip([0, *cuts], [*cuts, len(token)], strict=True):
            yield token[a:b], at + a, at + b


WordKey = tuple[str, "str | None"]  # a word's folded form and its stem (None: a stop word)


@lru_cache(maxsize=65536)
def word_key(word: str) -> WordKey:
    """The word form's (folded form, stem); the stem is None for a stop word."""
    return fold_word(word), _stem(word)


def word_forms(text: str) -> tuple[tuple[str, ...], array]:
    """The words of ``text`` as highlighting reads them, interned (a text's words are
    kept compactly), and the character offset where each starts."""
    if NEEDS_SEGMENTS.search(text) is None and DELIMIT.search(text) is None:
        # every word as the pattern finds it
        found = list(TOKEN.finditer(text))
        return tuple(sys.intern(m.group()) for m in found), array("i", [m.start() for m in found])
    forms: list[str] = []
    starts = array("i")
    for word, start, _ in words(text):
        forms.append(sys.intern(word))
        starts.append(start)
    return tuple(forms), starts


def phrase_runs(
    key_of: Callable[[int], WordKey], n: int, phrase: tuple[str, ...], firsts: Iterable[int]
) -> Iterator[list[int]]:
    """The indexes of the words of each place where a text of ``n`` words (``key_of(i)``:
    the ``word_key`` of its word ``i``) writes ``phrase`` (folded words, stop words out:
    ``queries.phrase_words``) from one of ``firsts`` (the words that may begin it), only
    stop words between its words."""
    for first in firsts:
        run = [first]
        for word in phrase[1:]:
            at = run[-1] + 1
            while at < n and key_of(at)[1] is None:
                at += 1  # a stop word
            if at == n or key_of(at)[0] != word:
                break
            run.append(at)
        else:
            yield run


# -- a passage's analysis -----------------------------------------------------


class Marked(NamedTuple):
    """The word forms of a text that a query matches, and where they are: the indexes
    (in ``Analysed.forms``) of the words having those forms, in order, and the query term
    each matches; and the sentence holding the most distinct query terms (the first of
    equals) as (its index, the offset of its first marked word), None when none holds
    one: where the deep link goes and the snippet is cut, found once for both."""

    forms: frozenset[str]
    at: list[int]
    terms: dict[int, str]  # word index -> its folded form or stem, as the query has it
    best: tuple[int, int] | None


# What ``encode`` writes, after a CRC-32 of the rest: its layout's number, the text's length
# and CRC-32 (of its UTF-8), whether the arrays are little-endian and their type code, then
# the fields.
_LAYOUT = 2  # 2: arrays of two-byte offsets where they fit
_ARRAYS = ("bounds", "ends", "starts", "spaced", "irregular")


@dataclass(frozen=True)
class Analysed:
    """A text's sentences and its words (``word_forms``), indexed by folded form and by
    stem: what its best sentence and its snippet for any query need, kept compactly
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
        forms, starts = word_forms(text)
        by_folded: dict[str, list[int]] = {}
        by_stem: dict[str, list[int]] = {}
        for i, form in enumerate(forms):
            folded, stem = word_key(form)
            by_folded.setdefault(folded, []).append(i)
            if stem is not None:
                by_stem.setdefault(stem, []).append(i)
        sentences = split_sentences(text)
        code = "H" if len(text) <= 0xFFFF else "i"  # offsets in two bytes where they fit
        # A word's folded form and stem most often index the same words: one tuple for
        # both, kept once (and stored once: ``encode`` loads as fast again).
        shared: dict[tuple[int, ...], tuple[int, ...]] = {}

        def indexes(keyed: dict[str, list[int]]) -> dict[str, tuple[int, ...]]:
            return {sys.intern(k): shared.setdefault(t := tuple(v), t) for k, v in keyed.items()}

        return cls(
            text,
            array(code, [s.start for s in sentences]),
            array(code, [s.end for s in sentences]),
            forms,
            array(code, starts),
            indexes(by_folded),
            indexes(by_stem),
            array(code, (m.start() for m in _WORD_STARTS.finditer(text))),
            array(code, (m.start() for m in _IRREGULAR.finditer(text))),
            bool(NEEDS_SEGMENTS.search(text)),
            not _TO_ESCAPE.search(text),
        )

    def encode(self) -> bytes:
        """The analysis as stored with its passage (``marshal``, the arrays as their bytes,
        behind a CRC-32), without its text: ``decode`` with the text gives it back."""
        data = self.text.encode("utf-8", "surrogatepass")
        body = marshal.dumps(
            (
                _LAYOUT,
                len(self.text),
                zlib.crc32(data),
                sys.byteorder == "little",
                self.starts.typecode,
                *(getattr(self, name).tobytes() for name in _ARRAYS),
                self.forms,  # interned, as the keys: loaded interned, shared by all passages
                self.by_folded,
                self.by_stem,
                self.segmented,
                self.plain,
            )
        )
        return zlib.crc32(body).to_bytes(4, "little") + body

    @classmethod
    def decode(cls, text: str, stored: bytes) -> Analysed:
        """The analysis of ``text`` that ``encode`` stored as ``stored``. Raises
        AnalysisDamaged when ``stored`` is damaged, cut short, of another layout or of
        another text (checked by its length and CRC-32)."""
        if not stored:
            raise AnalysisDamaged("no analysis is stored for it")
        body = memoryview(stored)[4:]
        if len(stored) < 4 or zlib.crc32(body) != int.from_bytes(stored[:4], "little"):
            raise AnalysisDamaged(f"its stored analysis ({len(stored)} bytes) fails its checksum")
        try:
            layout, length, crc, little, code, *fields = marshal.loads(body)
            if layout != _LAYOUT or len(fields) != len(_ARRAYS) + 5:
                raise AnalysisDamaged(f"its stored analysis is of another layout ({layout!r})")
            arrays = [array(code, raw) for raw in fields[: len(_ARRAYS)]]
        except (EOFError, ValueError, TypeError) as exc:  # a checksum collision, at worst
            raise AnalysisDamaged(f"its stored analysis cannot be read ({exc})") from None
        if length != len(text) or crc != zlib.crc32(text.encode("utf-8", "surrogatepass")):
            raise AnalysisDamaged("its stored analysis is not that of its text")
        if little != (sys.byteorder == "little"):  # an index built on another machine
            for values in arrays:
                values.byteswap()
        bounds, ends, starts, spaced, irregular = arrays
        forms, by_folded, by_stem, segmented, plain = fields[len(_ARRAYS) :]
        return cls(
            text, bounds, ends, forms, starts, by_folded, by_stem, spaced, irregular,
            segmented, plain,
        )  # fmt: skip

    def marked(self, parsed: queries.Parsed) -> Marked:
        """The words of the text that the query matches: those whose folded form the query
        has unstemmed, or whose stem it has (as ``highlight.highlight`` marks), each with
        the term it matches: its folded form when the query has that, else its stem; and
        the words of each of its ``phrases`` where they stand together, the phrase (words
        joined by spaces) their term. ``forms`` leaves the phrases' words out: a form is
        marked wherever it is."""
        terms = {w: t for t in parsed.stems for w in self.by_stem.get(t, ())}
        terms.update((w, t) for t in parsed.exact for w in self.by_folded.get(t, ()))
        forms = frozenset(self.forms[w] for w in terms)
        for phrase in parsed.phrases:
            for run in self._runs(phrase):
                for w in run:
                    terms.setdefault(w, " ".join(phrase))
        at = sorted(terms)
        return Marked(forms, at, terms, self._best(at, terms))

    def _runs(self, phrase: tuple[str, ...]) -> Iterator[list[int]]:
        """``phrase_runs`` of the text's words."""
        forms = self.forms
        firsts = self.by_folded.get(phrase[0], ())
        return phrase_runs(lambda i: word_key(forms[i]), len(forms), phrase, firsts)

    def holds_in_order(self, stems: tuple[str, ...], gap: int) -> bool:
        """Whether words of the text have ``stems`` in that order, each at most ``gap``
        words after the one before ("access to finance" holds access, financ at gap 2)."""
        at: tuple[int, ...] | list[int] = self.by_stem.get(stems[0], ())
        for stem in stems[1:]:
            if not at:
                return False
            at = [j for j in self.by_stem.get(stem, ()) for i in at if 0 < j - i <= gap]
        return bool(at)

    def terms_held(
        self, parsed: queries.Parsed
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(the query's unstemmed terms, its stems) that words of the text have, and its
        phrases whose every word is a word of the text (their words joined by spaces), each
        sorted: all that ``marked``, ``best_sentence`` and a snippet take from the query.
        Tuples of strings, which the garbage collector stops tracking (a cache key)."""
        folded = self.by_folded
        exact = tuple(sorted(t for t in parsed.exact if t in folded))
        stems = tuple(sorted(t for t in parsed.stems if t in self.by_stem))
        phrases = (" ".join(p) for p in parsed.phrases if all(w in folded for w in p))
        return exact, stems, tuple(sorted(phrases))

    def _best(self, marked_at: list[int], marked_terms: dict[int, str]) -> tuple[int, int] | None:
        """``Marked.best`` of the words ``marked_at`` matching ``marked_terms``."""
        terms: dict[int, set[str]] = {}
        first: dict[int, int] = {}  # sentence -> offset of its first marked word
        for w in marked_at:
            at = self.starts[w]
            i = bisect_right(self.bounds, at) - 1
            if i < 0 or at >= self.ends[i]:
                continue  # between sentences
            terms.setdefault(i, set()).add(marked_terms[w])
            first.setdefault(i, at)
        if not terms:
            return None
        best = max(terms, key=lambda i: (len(terms[i]), -i))
        return best, first[best]

    def best_sentence(self, marked: Marked) -> tuple[Sentence, int] | None:
        """The sentence holding the most distinct query terms (the first of equals) and
        the index of its first whitespace-split word holding one; None when none does."""
        if marked.best is None:
            return None
        best, first = marked.best
        start, end = self.bounds[best], self.ends[best]
        sentence = Sentence(self.text[start:end], start, end)  # as split_sentences gave it
        return sentence, _word_index(sentence.text, first - sentence.start)

    def best_match(self, marked: Marked) -> int | None:
        """The character offset of the best sentence's first marked word (``best_sentence``:
        where the deep link goes), else of the first marked word; None when there is none."""
        if marked.best:
            return marked.best[1]
        return self.starts[marked.at[0]] if marked.at else None

    def spaced_plainly(self, start: int, stop: int) -> bool:
        """Whether every run of whitespace in text[start:stop] (a cut between words) is
        one space."""
        i = bisect_left(self.irregular, start)
        return i == len(self.irregular) or self.irregular[i] >= stop

    def marked_html(self, text: str, start: int, stop: int, marked: Marked) -> str:
        """``text[start:stop]`` (``text`` the analysed text, cut between words) HTML-escaped,
        with the ``marked`` words in <mark>: what ``highlight.highlight`` makes of that cut,
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
