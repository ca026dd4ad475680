"""Marking the words a query matches in a passage's text (HTML-escaped, <mark> around them)."""

from __future__ import annotations

import html
import re
from collections.abc import Collection

from indexer.index.analysis import DELIMIT
from indexer.index.passage_analysis import phrase_runs, word_key, words
from indexer.index.segment import NEEDS_SEGMENTS, TOKEN


def _matches(word: str, stems: set[str], exact: set[str]) -> bool:
    folded, stem = word_key(word)
    return folded in exact or stem in stems


_WORDS_SPLIT = re.compile(f"({TOKEN.pattern})")
# The word forms in html.escape's entities: a text escaped first holds them as words too.
_ENTITY_WORDS = frozenset({"amp", "lt", "gt", "quot", "x27"})


def highlight(
    text: str,
    stems: set[str],
    exact: set[str],
    marked: frozenset[str] | None = None,
    phrases: Collection[tuple[str, ...]] = (),
) -> str:
    """``text`` HTML-escaped, with <mark> around words matching the query's terms (a word
    whose folded form the query has unstemmed, or whose stem it has) and around the words
    of its ``phrases`` (``queries.Parsed.phrases``) where they stand together. ``marked``
    is the set of the words' forms (``passage_analysis.Analysed.marked``) of ``text`` or of
    a text holding it, when at hand and there are no phrases. Overlapping matches (bigrams
    of Chinese or Japanese text) are marked as one run."""
    if (
        marked is not None
        and not phrases
        and marked.isdisjoint(_ENTITY_WORDS)
        and not NEEDS_SEGMENTS.search(text)
        and not DELIMIT.search(text)
    ):
        # Escaping first splits the text into the same words (word characters and dots need
        # no escaping, and an entity's "&" and ";" end a word; no word joins two), and the
        # words can be marked as they are.
        parts = _WORDS_SPLIT.split(html.escape(text))  # words at the odd indexes
        for i in range(1, len(parts), 2):
            if parts[i] in marked:
                parts[i] = f"<mark>{parts[i]}</mark>"
        return "".join(parts)
    spans: list[list[int]] = []
    found = list(words(text))
    in_phrases = _in_phrases([w for w, _, _ in found], phrases) if phrases else set()
    for i, (word, start, end) in enumerate(found):
        if i in in_phrases or _matches(word, stems, exact):
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


def _in_phrases(forms: list[str], phrases: Collection[tuple[str, ...]]) -> set[int]:
    """The indexes of the words of ``forms`` standing in one of ``phrases``, as
    ``Analysed.marked`` finds them (``phrase_runs``)."""
    keys = [word_key(f) for f in forms]
    found: set[int] = set()
    for phrase in phrases:
        firsts = [i for i, (folded, _) in enumerate(keys) if folded == phrase[0]]
        for run in phrase_runs(keys.__getitem__, len(keys), phrase, firsts):
            found.update(run)
    return found
