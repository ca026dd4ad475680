"""What a result shows of a passage: its best sentence, a deep link to it, and a snippet
with the query's words marked."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from itertools import chain

from indexer.index import queries
from indexer.search import highlight as marking
from indexer.text.fragments import passage_link
from indexer.text.sentences import Sentence, split_sentences

SNIPPET_WORDS = 50


@dataclass(frozen=True)
class Analysed:
    """A text's sentences and its words (``marking.word_forms``), and its distinct word
    forms by folded form and by stem: what its best sentence and its snippet for any query
    need, kept compactly (interned words, an array of offsets) so that many passages can be
    kept ready, and indexed so that the words a query marks are a lookup per query term."""

    sentences: list[Sentence]
    forms: tuple[str, ...]
    starts: array
    by_folded: dict[str, tuple[str, ...]]  # folded form -> the text's forms of it
    by_stem: dict[str, tuple[str, ...]]  # stem -> the text's forms having it

    @classmethod
    def of(cls, text: str) -> Analysed:
        forms, starts = marking.word_forms(text)
        by_folded: dict[str, tuple[str, ...]] = {}
        by_stem: dict[str, tuple[str, ...]] = {}
        for form in dict.fromkeys(forms):
            folded, stem = marking.word_key(form)
            by_folded[folded] = (*by_folded.get(folded, ()), form)
            if stem is not None:
                by_stem[stem] = (*by_stem.get(stem, ()), form)
        return cls(split_sentences(text), forms, starts, by_folded, by_stem)

    def marked(self, parsed: queries.Parsed) -> frozenset[str]:
        """The word forms of the text that the query matches: those whose folded form the
        query has unstemmed, or whose stem it has (as ``marking.highlight`` marks)."""
        found = [self.by_folded.get(t, ()) for t in parsed.exact]
        found += [self.by_stem.get(t, ()) for t in parsed.stems]
        return frozenset(chain.from_iterable(found))

    def first_match(self, marked: frozenset[str]) -> int | None:
        """The character offset of the first ``marked`` word; None when there is none."""
        found = (at for w, at in zip(self.forms, self.starts, strict=True) if w in marked)
        return next(found, None)

    def best_sentence(
        self, parsed: queries.Parsed, marked: frozenset[str]
    ) -> tuple[Sentence, int] | None:
        """The sentence holding the most distinct query terms (the first of equals) and
        the index of its first whitespace-split word holding one; None when none does."""
        starts = [s.start for s in self.sentences]
        terms: dict[int, set[str | None]] = {}
        first: dict[int, int] = {}  # sentence -> offset of its first marked word
        for form, at in zip(self.forms, self.starts, strict=True):
            if form not in marked:
                continue
            i = bisect_right(starts, at) - 1
            if i < 0 or at >= self.sentences[i].end:
                continue  # between sentences
            terms.setdefault(i, set()).add(marking.term_of(form, parsed.stems, parsed.exact))
            first.setdefault(i, at)
        if not terms:
            return None
        best = max(terms, key=lambda i: (len(terms[i]), -i))
        sentence = self.sentences[best]
        return sentence, _word_index(sentence.text, first[best] - sentence.start)


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
    marked: frozenset[str] | None = None,
) -> tuple[str, int]:
    """(the deep link to ``text``'s sentence holding the most query terms, or to its opening
    words when none does; the line of ``text`` that sentence is on, from 0). ``analysed``
    is ``Analysed.of(text)`` and ``marked`` its ``marked(parsed)``, when already at hand."""
    analysed = analysed or Analysed.of(text)
    found = analysed.best_sentence(parsed, analysed.marked(parsed) if marked is None else marked)
    if not found:
        return passage_link(url, content_type, text, page), 0
    sentence, at = found
    line = text.count("\n", 0, sentence.start)
    return passage_link(url, content_type, sentence.text, page, at=at), line


def snippet(
    text: str,
    parsed: queries.Parsed,
    analysed: Analysed | None = None,
    marked: frozenset[str] | None = None,
) -> str:
    """The passage (cut to about SNIPPET_WORDS words around the first match), highlighted.
    ``analysed`` is ``Analysed.of(text)`` and ``marked`` its ``marked(parsed)``, when
    already at hand."""
    analysed = analysed or Analysed.of(text)
    if marked is None:
        marked = analysed.marked(parsed)
    words = text.split()
    if len(words) > SNIPPET_WORDS:
        first = analysed.first_match(marked)
        at = _word_index(text, first) if first is not None else 0
        start = max(0, min(at - 10, len(words) - SNIPPET_WORDS))
        cut = " ".join(words[start : start + SNIPPET_WORDS])
        text = ("… " if start else "") + cut + (" …" if start + SNIPPET_WORDS < len(words) else "")
    return marking.highlight(text, parsed.stems, parsed.exact, marked)
