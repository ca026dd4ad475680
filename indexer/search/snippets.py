"""What a result shows of a passage: its best sentence, a deep link to it, and a snippet
with the query's words marked."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from indexer.index import queries
from indexer.index.passage_analysis import Analysed, Marked
from indexer.search import highlight as marking
from indexer.text.fragments import passage_link

SNIPPET_WORDS = 50
# A text of Chinese, Japanese, Korean or Thai with few spaces is cut at this many characters: the
# width of about SNIPPET_WORDS English words, each of its characters twice a Latin one's.
SNIPPET_CHARACTERS = 150
CHARACTERS_PER_SPACE = 12  # at least, in a text with few spaces (English: about six)


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
    title: str = "",
    links: dict[tuple[int, int] | None, tuple[str, int]] | None = None,
) -> tuple[str, int]:
    """(the deep link to ``text``'s sentence holding the most query terms, or to its opening
    words when none does, quoting past where the document's ``title`` or the passage's
    text before it repeats its opening (``passage_link``); the line of ``text`` that
    sentence is on, from 0). ``analysed`` is ``Analysed.of(text)`` and ``marked`` its
    ``marked(parsed)``, when already at hand. ``links`` keeps the passage's links by where
    they go (the sentence, the word quoted from): queries marking other words often link
    to the same place."""
    analysed = analysed or Analysed.of(text)
    found = analysed.best_sentence(marked or analysed.marked(parsed))
    key = (found[0].start, found[1]) if found else None
    if links is not None and (known := links.get(key)) is not None:
        return known
    if not found:
        out = passage_link(url, content_type, text, page, before=title), 0
    else:
        sentence, at = found
        line = text.count("\n", 0, sentence.start)
        before = f"{title}\n{text[: sentence.start]}"
        out = passage_link(url, content_type, sentence.text, page, at=at, before=before), line
    if links is not None:
        links[key] = out
    return out


def snippet(
    text: str,
    parsed: queries.Parsed,
    analysed: Analysed | None = None,
    marked: Marked | None = None,
) -> str:
    """The passage (cut to about SNIPPET_WORDS words around its best sentence's first match,
    the words ``sentence_link`` links to), highlighted. ``analysed`` is
    ``Analysed.of(text)`` and ``marked`` its ``marked(parsed)``, when already at hand."""
    analysed = analysed or Analysed.of(text)
    marked = marked or analysed.marked(parsed)
    spaced = analysed.spaced
    few_spaces = len(text) > CHARACTERS_PER_SPACE * len(spaced)
    if analysed.segmented and few_spaces and len(text) > SNIPPET_CHARACTERS:
        return _characters_cut(text, parsed, analysed, marked)
    if len(spaced) <= SNIPPET_WORDS:
        return _marked_cut(text, 0, len(text), parsed, analysed, marked)
    first = analysed.best_match(marked)
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


def _characters_cut(text: str, parsed: queries.Parsed, analysed: Analysed, marked: Marked):
    """``text`` (long, with few spaces: Chinese, Japanese, Korean, Thai) cut to SNIPPET_CHARACTERS
    from a little before its best sentence's first match, at characters, highlighted."""
    first = analysed.best_match(marked) or 0
    start = max(0, min(first - SNIPPET_CHARACTERS // 5, len(text) - SNIPPET_CHARACTERS))
    end = min(len(text), start + SNIPPET_CHARACTERS)
    # not between a letter and its marks (a Thai vowel or tone mark)
    while start > 0 and unicodedata.category(text[start])[0] == "M":
        start -= 1
    while end < len(text) and unicodedata.category(text[end])[0] == "M":
        end += 1
    cut = " ".join(_marked_cut(text, start, end, parsed, analysed, marked).split())
    return ("… " if start else "") + cut + (" …" if end < len(text) else "")


def _marked_cut(
    text: str, start: int, stop: int, parsed: queries.Parsed, analysed: Analysed, marked: Marked
) -> str:
    """``text[start:stop]`` (a cut between words) highlighted."""
    if analysed.segmented:
        cut = text[start:stop]
        return marking.highlight(cut, parsed.stems, parsed.exact, marked.forms, parsed.phrases)
    return analysed.marked_html(text, start, stop, marked)
