"""Marking the words a query matches in a passage's text (HTML-escaped, <mark> around them)."""

from __future__ import annotations

import html
import re
import sys
from array import array
from collections.abc import Iterator
from functools import lru_cache

from indexer.index.analysis import STEM, fold_word
from indexer.index.segment import NEEDS_SEGMENTS, TOKEN, segments

# -- highlighting ------------------------------------------------------------


@lru_cache(maxsize=65536)
def _stem(word: str) -> str | None:
    tokens = [t.text for t in STEM(word)]
    return tokens[0] if tokens else None


_WORD = TOKEN  # the analyzer's words: Whoosh's pattern, combining marks included


def _words(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) of each word of ``text`` as the index has it: Chinese and Japanese
    runs as their overlapping bigrams, Thai as its words (indexer.index.segment)."""
    for m in _WORD.finditer(text):
        token = m.group(0)
        if not NEEDS_SEGMENTS.search(token):
            yield token, m.start(), m.end()
            continue
        for a, b in segments(token):
            yield token[a:b], m.start() + a, m.start() + b


WordKey = tuple[str, "str | None"]  # a word's folded form and its stem (None: a stop word)


@lru_cache(maxsize=65536)
def word_key(word: str) -> WordKey:
    """The word form's (folded form, stem); the stem is None for a stop word."""
    return fold_word(word), _stem(word)


def _matches(word: str, stems: set[str], exact: set[str]) -> bool:
    folded, stem = word_key(word)
    return folded in exact or stem in stems


def word_forms(text: str) -> tuple[tuple[str, ...], array]:
    """The words of ``text`` as highlighting reads them, interned (a text's words are
    kept compactly), and the character offset where each starts."""
    if NEEDS_SEGMENTS.search(text) is None:  # every word as the pattern finds it
        found = list(_WORD.finditer(text))
        return tuple(sys.intern(m.group()) for m in found), array("i", [m.start() for m in found])
    forms: list[str] = []
    starts = array("i")
    for word, start, _ in _words(text):
        forms.append(sys.intern(word))
        starts.append(start)
    return tuple(forms), starts


def term_of(form: str, stems: set[str], exact: set[str]) -> str | None:
    """The query term a word form matches: its folded form when the query has it
    unstemmed, else its stem (None when the query has neither)."""
    folded, stem = word_key(form)
    return folded if folded in exact else stem if stem in stems else None


_WORDS_SPLIT = re.compile(f"({_WORD.pattern})")
# The word forms in html.escape's entities: a text escaped first holds them as words too.
_ENTITY_WORDS = frozenset({"amp", "lt", "gt", "quot", "x27"})


def highlight(
    text: str, stems: set[str], exact: set[str], marked: frozenset[str] | None = None
) -> str:
    """``text`` HTML-escaped, with <mark> around words matching the query's terms (a word
    whose folded form the query has unstemmed, or whose stem it has). ``marked`` is the
    set of those word forms (``snippets.Analysed.marked``) of ``text`` or of a text
    holding it, when at hand. Overlapping matches (bigrams of Chinese or Japanese text)
    are marked as one run."""
    if marked is not None and marked.isdisjoint(_ENTITY_WORDS) and not NEEDS_SEGMENTS.search(text):
        # Escaping first splits the text into the same words (word characters and dots need
        # no escaping, and an entity's "&" and ";" end a word), and the words can be marked
        # as they are.
        parts = _WORDS_SPLIT.split(html.escape(text))  # words at the odd indexes
        for i in range(1, len(parts), 2):
            if parts[i] in marked:
                parts[i] = f"<mark>{parts[i]}</mark>"
        return "".join(parts)
    spans: list[list[int]] = []
    for word, start, end in _words(text):
        if _matches(word, stems, exact):
            if spans and start < spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], end)
            else:
                spans.append([start, end])
    out: list[str] = []
    last = 0
    for start, end in spans:
        out.append(html.escape(text[last:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)
