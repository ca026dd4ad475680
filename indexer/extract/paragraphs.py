"""Paragraphs as the source numbers them, under the document's header.

- Header: the lines a page repeats above its text — its title (again), a place-and-date
  or date line, and for a statement its meeting's name, its theme and its kind ("Joint
  Ministerial Statement") — become kind "header": shown once above the text, not
  numbered, not searched as passages (their facts are the document's metadata). The
  header ends at the first line that is none of those: a numbered paragraph, a sentence,
  a section heading ("Introduction").
- Numbers: a document whose paragraphs carry their own numbers ("1. We, the Ministers
  …", "2. …"), from 1 and rising, for at least NUMBERED_SHARE of its body's paragraphs,
  keeps them (`_source_numbers`): each numbered paragraph's `number` is its own, the
  others (headings, list items, an unnumbered preamble) have none. Any other document's
  body paragraphs are numbered 1, 2, 3 … in reading order.

`indexer.model.paragraph_anchors` gives each paragraph its fragment id from these numbers.

A text whose last paragraph stops mid-sentence (`truncated`: "6. We were upd") is flagged,
so its page can say that the stored text appears to stop there.
"""

from __future__ import annotations

import re
import unicodedata

from indexer.extract.dates import numeric_date
from indexer.extract.metadata import (
    DATELINE,
    DAY_MONTH,
    MEETING,
    find_date,
    undated_dateline,
)
from indexer.model import Paragraph

HEADER_KIND = "header"
MAX_HEADER_LINES = 8  # a page's header is a few lines
HEADER_WORDS = 20  # a header line is short
NUMBERED_SHARE = 0.25  # of the body's paragraphs (not headings, list items) it numbers
MIN_NUMBERED = 2
LONG_PARAGRAPH_WORDS = 12  # a statement's numbered paragraph, not a list's short item
LIST_ITEM_WORDS = 25  # items listed after a colon are shorter than this
MAX_NUMBERED_SCAN = 2000  # paragraphs searched for the source's numbers
SOURCE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[.)]\s*(?=\S)")  # "7. We agree", "7) We agree"
STATEMENT_TYPES = {"ministerial_statement", "chairs_statement", "declaration"}
# a statement's kind, as its header names it
KIND_LINE = re.compile(
    r"^(?:(?:joint|annex|draft)\s+)*(?:ministerial|ministers['’]?|chair['’]?s|leaders['’]?)?\s*"
    r"(?:joint\s+)?(?:statement|declaration|communiqu[ée])$",
    re.I,
)
# section headings that open a statement's body
BODY_HEADING = re.compile(
    r"^(?:[ivx]+\.\s*)?(?:introduction|preamble|background|overview|opening|foreword|summary)$",
    re.I,
)
QUOTED = re.compile(r"^[\"“‘'«].+[\"”’'»]$")
SENTENCE_END = re.compile(r"[.!?;:]$")
# how a complete text ends: a full stop, a closing quote or bracket, an ellipsis
TEXT_END = re.compile(r"[.!?;:)\]\"'”’»…。！？」]\s*$")
TRUNCATED_WORDS = 8  # a last line this long without a full stop is a cut sentence
LEDE_CHARS = 90  # an untitled story's name, cut at a word; half that in a script without spaces
FIRST_SENTENCE = re.compile(r"^.+?(?:[。！？]|[.!?](?=\s|$))")
SPACED_WORDS = 4  # spaces in a lede's first LEDE_CHARS characters: a script with spaces


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", text))


def _repeats_title(text: str, title: str) -> bool:
    """The title again, or most of it (a page's heading above its own title line)."""
    a, b = _fold(text), _fold(title)
    if not a or not b:
        return False
    if a == b or (len(a) >= 12 and (a in b or b in a)):
        return True
    words_a, words_b = set(a.split()), set(b.split())
    return len(words_a & words_b) >= 0.8 * max(len(words_a), len(words_b))


def _date_line(text: str) -> bool:
    """A date line or a place-and-date line ("Wellington, New Zealand | 09 October 2021",
    "8-9 OCTOBER, 2009", "Ho Chi Minh City, 15 September 2017")."""
    if len(text.split()) > HEADER_WORDS or not (find_date(text) or numeric_date(text)):
        return False
    rest = DAY_MONTH.sub(" ", text)
    return not re.search(r"\b(?:we|ministers?|met|held|agreed|will)\b", rest, re.I)


def _header_line(text: str, title: str, statement: bool) -> bool:
    if len(text.split()) > HEADER_WORDS or SOURCE_NUMBER.match(text):
        return False
    if _repeats_title(text, title) or _date_line(text):
        return True
    if not statement or BODY_HEADING.match(text):
        return False
    # a statement's meeting name, its kind, its theme (quoted, or a short line, no sentence)
    return bool(
        KIND_LINE.match(text)
        or MEETING.search(text)
        or QUOTED.match(text)
        or not SENTENCE_END.search(text)
    )


def mark_header(title: str, paragraphs: list[Paragraph], doc_type: str) -> list[Paragraph]:
    """The paragraphs with the page's leading header lines (module docstring) as kind
    "header"; a document whose text would be header only keeps its lines as text."""
    statement = doc_type in STATEMENT_TYPES
    count = 0
    for p in paragraphs[:MAX_HEADER_LINES]:
        if not _header_line(p.text, title, statement):
            break
        count += 1
    if count == len(paragraphs):
        return paragraphs
    marked = [Paragraph(p.text, HEADER_KIND, p.page) for p in paragraphs[:count]]
    return marked + paragraphs[count:]


def _source_numbers(body: list[Paragraph]) -> list[int | None] | None:
    """Each body paragraph's own number where the source numbers them (module docstring),
    None for the others; None when the source does not number its paragraphs.

    The numbers kept are the longest rising run from 1 (a numbered list inside a paragraph,
    "1. entrepreneurship development" after "... to discuss:", or an annex's fresh count
    is not the statement's numbering); between runs of equal length, the one of paragraphs
    not listed after a colon, then of longer paragraphs, wins."""
    found = []
    in_list = False  # the short items after a paragraph ending with a colon
    for i, p in enumerate(body[:MAX_NUMBERED_SCAN]):
        words = len(p.text.split())
        in_list = in_list and words < LIST_ITEM_WORDS
        m = SOURCE_NUMBER.match(p.text) if p.kind != "h" else None
        if m:  # weighed: a paragraph of its own, then a long one, beats a listed item
            weight = 2 * (not in_list) + (words >= LONG_PARAGRAPH_WORDS)
            found.append((i, int(m.group(1)), weight))
        in_list = in_list or p.text.rstrip().endswith(":")
    # best[k]: (count, weight, previous k) of the best run from 1 ending at found[k]
    best: list[tuple[int, int, int] | None] = []
    for _, value, weight in found:
        options = [
            (b[0] + 1, b[1] + weight, j)
            for j, b in enumerate(best)
            if b is not None and found[j][1] < value
        ]
        start = (1, weight, -1) if value == 1 else None
        best.append(max([*options, *([start] if start else [])], default=None))
    ends = [(b[0], b[1], k) for k, b in enumerate(best) if b is not None]
    prose = sum(p.kind == "p" for p in body)
    if not ends or max(ends)[0] < max(MIN_NUMBERED, NUMBERED_SHARE * prose):
        return None
    numbers: list[int | None] = [None] * len(body)
    k = max(ends)[2]
    while k >= 0:
        numbers[found[k][0]] = found[k][1]
        entry = best[k]
        k = entry[2] if entry else -1
    return numbers


def number_paragraphs(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs with their `number` (module docstring); header lines have none."""
    body = [p for p in paragraphs if p.kind != HEADER_KIND]
    own = _source_numbers(body)
    numbers = iter(own if own is not None else range(1, len(body) + 1))
    out = []
    for p in paragraphs:
        number = None if p.kind == HEADER_KIND else next(numbers)
        out.append(Paragraph(p.text, p.kind, p.page, number))
    return out


def truncated(paragraphs: list[Paragraph]) -> bool:
    """Whether the text stops mid-sentence: its last body paragraph (not a heading) is a
    numbered paragraph or a sentence of TRUNCATED_WORDS words or more, without the
    punctuation a sentence ends with."""
    body = [p for p in paragraphs if p.kind != HEADER_KIND]
    if not body or body[-1].kind == "h":
        return False
    last = body[-1].text
    long_enough = len(last.split()) >= TRUNCATED_WORDS or bool(SOURCE_NUMBER.match(last))
    return long_enough and not TEXT_END.search(last)


def lede_title(paragraphs: list[Paragraph]) -> str:
    """An untitled story's name: its first line when that is a headline, else its first
    sentence (after its dateline, "LAKESIDE, Oct. 4 (Agency) -- "), cut at a word to about
    LEDE_CHARS characters (half as many, cut at a clause's comma, in Chinese, Japanese or
    Thai, written without spaces, even with a Latin name in it) and marked "…"; "" for a
    text without lines.
    News sites and readers name a story by its headline or, lacking one, its lede."""
    first = next(
        (p.text.strip() for p in paragraphs if p.kind != HEADER_KIND and p.text.strip()), ""
    )
    dateline = DATELINE.match(first) or undated_dateline(first)
    first = first[dateline.end() :] if dateline else first
    match = FIRST_SENTENCE.match(first)
    sentence = (match.group(0) if match else first).rstrip(".。")
    spaced = sentence[:LEDE_CHARS].count(" ") >= SPACED_WORDS
    limit = LEDE_CHARS if spaced else LEDE_CHARS // 2
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit + 1]
    if spaced:
        cut = cut.rsplit(" ", 1)[0]
    else:  # at a clause's comma where there is one in the second half
        cut = cut[:limit]
        comma = max(cut.rfind(mark) for mark in "、，,")
        cut = cut[:comma] if comma > limit // 2 else cut
    return cut.rstrip(" ,;:、，") + "…"
