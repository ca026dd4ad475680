"""Main text of a page: trafilatura's, completed block by block with the project's own.

trafilatura (the field's standard extractor) finds the main text and drops boilerplate; its
XML output keeps the structure we need: headings (`head` -> kind "h"), paragraphs ("7. We
agree ..." keeps its number), list items ("li"), table cells. On the tuning gold set it
loses blocks that APEC's pages hold (a body of plain <div>s, rows of a table, the content
cell of the old table layout), so every block the readability extractor
(indexer.extract.readability) finds and trafilatura does not is put back in reading order,
after the block that precedes it there (`union`). bench/extract_eval.py has the figures.
"""

from __future__ import annotations

import logging

import trafilatura
from lxml import etree

from indexer.extract.normalise import clean, normalise
from indexer.model import Paragraph

# trafilatura's favor_recall keeps short blocks (a dateline, a one-line paragraph) that its
# default drops; the tuning set's recall is higher with it and its chrome count no worse.
FAVOR_RECALL = True

HOLDER_WINDOW = 50  # primary blocks searched for one secondary block
SPLIT_SHARE = 0.8  # of a primary block's text its secondary parts must cover to replace it

_KINDS = {"head": "h", "p": "p", "item": "li", "cell": "p", "quote": "p", "code": "p"}
_CONTAINERS = {"doc", "main", "list", "table", "row", "div", "quote"}

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # it logs every empty page


def trafilatura_paragraphs(html: str, url: str | None = None) -> list[Paragraph]:
    """trafilatura's main text as paragraphs (no metadata, comments, links or images)."""
    xml = trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        favor_recall=FAVOR_RECALL,
        include_tables=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
        with_metadata=False,
    )
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True, huge_tree=False))
    out: list[Paragraph] = []
    if root is not None:
        _walk(root, out)
    return out


def _walk(el: etree._Element, out: list[Paragraph]) -> None:
    """Blocks in document order; a block's own text excludes the blocks nested in it."""
    stack = [el]
    while stack:
        node = stack.pop()
        kind = _KINDS.get(node.tag)
        if kind:
            pieces = [node.text or ""]
            for child in node:
                if child.tag in _KINDS or child.tag in _CONTAINERS:
                    pieces.append(" ")
                else:  # inline: hi, ref, lb ...
                    pieces.append(" " if child.tag == "lb" else "".join(child.itertext()))
                pieces.append(child.tail or "")
            text = clean("".join(pieces))
            if text:
                out.append(Paragraph(text=text, kind=kind))
        nested = [c for c in node if c.tag in _KINDS or c.tag in _CONTAINERS]
        stack.extend(reversed(nested))


def union(primary: list[Paragraph], secondary: list[Paragraph]) -> list[Paragraph]:
    """`primary` plus the blocks of `secondary` it lacks, each after the primary block that
    holds the secondary block before it (so reading order is kept). A primary block that
    holds several secondary blocks making up most of it (trafilatura's fallback runs a whole
    short page into one paragraph) gives way to them, so headings and cells stay apart; a
    secondary block made of several consecutive primary blocks (paragraphs one extractor
    split at `<br><br>` and the other did not) is not added again; a primary paragraph equal
    to a secondary heading or list item takes that kind (a bold line that old pages use as
    a heading). Texts are compared without the characters trafilatura drops."""
    primary = list(primary)
    texts = [_comparable(p.text) for p in primary]
    exact: dict[str, list[int]] = {}  # a text -> the primary blocks that are it, in order
    for i, t in enumerate(texts):
        exact.setdefault(t, []).append(i)
    matched: set[int] = set()  # primary blocks a secondary block equal to them has met
    inserts: dict[int, list[Paragraph]] = {}
    parts: dict[int, list[Paragraph]] = {}
    anchor = -1
    for block in secondary:
        text = _comparable(block.text)
        found = _holder(texts, text, anchor, exact, matched)
        if found is None:
            run_end = _split_run(texts, text, anchor)
            if run_end is not None:
                anchor = run_end
            else:
                inserts.setdefault(anchor, []).append(block)
            continue
        anchor = found
        if text == texts[found]:
            matched.add(found)
        if text in texts[found]:
            parts.setdefault(found, []).append(block)
        if text == texts[found] and primary[found].kind == "p":
            primary[found] = Paragraph(text=primary[found].text, kind=block.kind)
    merged = list(inserts.get(-1, []))
    for i, p in enumerate(primary):
        pieces = parts.get(i, [])
        whole = len(pieces) >= 2 and sum(len(x.text) for x in pieces) >= SPLIT_SHARE * len(texts[i])
        merged.extend(pieces if whole else [p])
        merged.extend(inserts.get(i, []))
    return merged


def _comparable(text: str) -> str:
    """The text as both extractors give it: normalised, without the characters trafilatura
    removes (those neither printable nor white space: format and private-use characters)."""
    text = normalise(text)
    if text.isprintable():
        return text
    return " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())


def _split_run(texts: list[str], text: str, after: int) -> int | None:
    """Index of the last of two or more consecutive primary blocks, within the HOLDER_WINDOW
    after `after`, that `text` holds one after the other and that make up most of it (the
    same paragraphs, split); None when there are none."""
    start = max(after, 0)
    for first in range(start, min(start + HOLDER_WINDOW, len(texts))):
        at = text.find(texts[first]) if texts[first] else -1
        if at < 0:
            continue
        covered, last, end = len(texts[first]), first, at + len(texts[first])
        while last + 1 < len(texts) and texts[last + 1]:
            nxt = text.find(texts[last + 1], end)
            if nxt < 0:
                break
            last, end, covered = (
                last + 1,
                nxt + len(texts[last + 1]),
                covered + len(texts[last + 1]),
            )
        if last > first and covered >= SPLIT_SHARE * len(text):
            return last
    return None


def _holder(
    texts: list[str], text: str, after: int, exact: dict[str, list[int]], matched: set[int]
) -> int | None:
    """Index of the primary block holding `text` (or most of it): a block that is the same
    text and that no equal secondary block has met yet (the first after `after`, else the
    first), else a block among the HOLDER_WINDOW after `after` (keeps long pages linear).
    None when every block that is the text has been met: a text the page repeats ("Project
    Title" atop two tables) is then a block the primary lacks, not the first one again."""
    if text in exact:
        free = [i for i in exact[text] if i not in matched]
        return next((i for i in free if i >= after), free[0]) if free else None
    start = max(after, 0)
    for i in range(start, min(start + HOLDER_WINDOW, len(texts))):
        if text in texts[i] or (len(texts[i]) >= 0.5 * len(text) and texts[i] in text):
            return i
    return None
