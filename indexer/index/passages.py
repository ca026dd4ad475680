"""Cutting a document's paragraphs into passages: the units that are searched and cited."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.index.segment import NEEDS_SEGMENTS
from indexer.model import Document, Paragraph

MIN_WORDS = 40
MAX_WORDS = 150

_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")


@dataclass
class Passage:
    text: str  # its paragraphs joined by newlines
    position: int  # index of its first paragraph in the document
    page: int | None
    positions: list[int] = field(default_factory=list)  # each line's paragraph index


def _split_long(text: str) -> list[str]:
    """Cut a paragraph longer than MAX_WORDS at sentence ends (or, failing that, words)."""
    chunks: list[str] = []
    current: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        words = sentence.split()
        while len(words) > MAX_WORDS:
            if current:
                chunks.append(" ".join(current))
                current = []
            chunks.append(" ".join(words[:MAX_WORDS]))
            words = words[MAX_WORDS:]
        if current and len(current) + len(words) > MAX_WORDS:
            chunks.append(" ".join(current))
            current = []
        current.extend(words)
    if current:
        chunks.append(" ".join(current))
    return chunks


def make_passages(paragraphs: list[Paragraph]) -> list[Passage]:
    """Join short paragraphs (and headings with what follows) into ~40–150 word passages.

    A passage never spans two PDF pages, so its page number is exact. The page's header
    lines (kind "header", at its top: the title again, its place and date, its theme) are
    the document's metadata, not passages: a snippet does not repeat the title.
    """
    passages: list[Passage] = []
    buf: list[str] = []
    lines: list[int] = []  # the paragraph of each line in buf
    buf_words = 0
    start = 0
    page: int | None = None
    heading_only = False

    def flush() -> None:
        nonlocal buf, buf_words, lines
        if buf:
            passages.append(Passage("\n".join(buf), start, page, lines))
        buf, buf_words, lines = [], 0, []

    for position, para in enumerate(paragraphs):
        text = " ".join(para.text.split())
        if not text or para.kind == "header":  # the page's header: title, place, date, theme
            continue
        words = len(text.split())
        if buf and (
            para.page != page
            or (para.kind == "h" and not heading_only)
            or (not heading_only and (buf_words >= MIN_WORDS or buf_words + words > MAX_WORDS))
        ):
            flush()
        if not buf:
            start, page = position, para.page
        if words > MAX_WORDS:
            chunks = _split_long(text)
            buf.append(chunks[0])
            lines.append(position)
            flush()
            heading_only = False
            for chunk in chunks[1:]:
                start = position
                buf.append(chunk)
                lines.append(position)
                flush()
            continue
        buf.append(text)
        lines.append(position)
        buf_words += words
        heading_only = para.kind == "h" and (heading_only or len(buf) == 1)
    flush()
    return passages


MIN_USABLE_WORDS = 3


def usable_text(doc: Document) -> bool:
    """Whether a document has some words (a scanned PDF without a text layer has none): at
    least MIN_USABLE_WORDS runs of letters, a run of Chinese, Japanese or Thai (written
    without spaces: "台湾のアクセラレータが協力する") counting one word per pair of its
    characters, as the index splits it."""
    runs = re.findall(r"[^\W\d_]{2,}", doc.text)
    words = sum(len(run) - 1 if NEEDS_SEGMENTS.search(run) else 1 for run in runs)
    return words >= MIN_USABLE_WORDS
