"""The project's own main-text finder, readability-style, used beside trafilatura.

Obvious chrome (scripts, forms, nav/aside/footer, elements whose class or id says cookie,
breadcrumb, sidebar, related, ad ...) is dropped; every block that holds enough running text
scores itself and its ancestors (text length and commas); the score of a container is damped
by its link density and its class/id hints; the best container and those of its siblings
that look like content are kept. It keeps what trafilatura may drop on APEC's pages: text in
plain <div>s, every row of a table, bold lines that old pages use as headings.

All passes over the tree are iterative and linear (libxml2 stops nesting at depth 256), and
the output size is capped, so hostile pages stay cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from indexer.model import Paragraph

MAX_PARAGRAPH_CHARS = 20_000
MAX_TEXT_CHARS = 1_000_000  # characters of main text kept per page
MIN_BLOCK_CHARS = 25  # a block with less running text than this does not score
# a <form> holding this share of the page's text wraps the page (old apec.org's ASP.NET
# layout: <form name="aspnetForm"> around the whole body), it is not a sign-up box
PAGE_FORM_SHARE = 0.5

DROP_TAGS = {
    "script", "style", "noscript", "template", "button", "select", "input",
    "textarea", "iframe", "object", "embed", "svg", "canvas", "nav", "aside", "footer",
    "menu", "dialog", "video", "audio", "map",
}  # fmt: skip
DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog"}
BLOCK_TAGS = {
    "address", "article", "blockquote", "body", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "center",
}  # fmt: skip
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CHROME_TEXT_TAGS = {"p", "li", "a", "td", "dd", "dt", "div", "span", "h1", "h2", "h3", "h4"}
BOLD_TAGS = {"b", "strong"}
MAX_BOLD_HEADING_CHARS = 150
SIBLING_TEXT_TAGS = HEADING_TAGS | {"p", "blockquote"}
CONTAINER_TAGS = {"div", "section", "article", "main", "td", "blockquote", "body", "center"}

# class/id words that mark page chrome; `ad` and friends only as whole words
NEGATIVE = re.compile(
    r"cookie|consent|gdpr|breadcrumb|sidebar|side-bar|widget|nav|menu|footer|masthead"
    r"|related|share|sharing|social|comment|banner|promo|sponsor|newsletter|subscribe"
    r"|popup|modal|skip|pager|pagination|toolbar|tags|login|search"
    r"|(?:^|[\s_-])(?:ads?|advert\w*|advertisement|header|byline|author|more)(?:$|[\s_-])",
    re.I,
)
POSITIVE = re.compile(
    r"article|content|entry|main|post|story|statement|body|text|page-?content|blog", re.I
)
# single-byte Latin code pages that detection confuses with one another


@dataclass(slots=True)
class _Stats:
    """Per-element counts, computed bottom-up in one pass."""

    own_chars: int = 0  # running text directly in this block (inline children included)
    own_commas: int = 0
    chars: int = 0  # all text below
    link_chars: int = 0  # text inside <a> below
    score: float = 0.0
    scored: bool = False


def _hints(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _class_weight(el: etree._Element) -> int:
    hints = _hints(el)
    weight = 0
    if NEGATIVE.search(hints):
        weight -= 25
    if POSITIVE.search(hints):
        weight += 25
    return weight


def _is_chrome(el: etree._Element, st: _Stats, page_chars: int) -> bool:
    tag = el.tag
    if not isinstance(tag, str):
        return True
    if tag == "form":  # a sign-up or search box; not a wrapper of the whole page (ASP.NET)
        return st.chars < page_chars * PAGE_FORM_SHARE
    if tag in DROP_TAGS or (el.get("role") or "").lower() in DROP_ROLES:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if tag in ("html", "body", "main", "article", "a"):
        return False
    hints = _hints(el)
    if not NEGATIVE.search(hints) or POSITIVE.search(hints):
        return False
    # a wrapper named for its chrome ("layout-with-nav") that holds most of the page's
    # running text is not itself chrome
    return not (st.chars > page_chars * 0.5 and _link_density(st) < 0.3)


def _inside_content(el: etree._Element) -> bool:
    return any(a.tag in ("article", "main") for a in el.iterancestors())


def drop_chrome(root: etree._Element) -> set[str]:
    """Remove chrome elements; a <header> survives only inside article/main (it holds the h1).

    Returns the texts (whitespace-folded) of the removed elements and of the blocks and
    links inside them, so that another extractor's blocks can be checked against them.
    """
    stats = _compute_stats(root)
    page_chars = stats[root].chars
    doomed = [
        el
        for el in root.iter()
        if _is_chrome(el, stats[el], page_chars) or (el.tag == "header" and not _inside_content(el))
    ]
    doomed_set = set(doomed)
    removed: set[str] = set()
    for el in doomed:
        if el.getparent() is None:
            continue
        if not any(a in doomed_set for a in el.iterancestors()):  # the outermost only
            removed.update(
                _ws(x.text_content()) for x in el.iter() if x is el or x.tag in CHROME_TEXT_TAGS
            )
        el.drop_tree()  # keeps the tail text
    removed.discard("")
    return removed


def _ws(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _compute_stats(root: etree._Element) -> dict[etree._Element, _Stats]:
    """Bottom-up text, comma and link counts for every element (reverse document order)."""
    stats: dict[etree._Element, _Stats] = {}
    for el in reversed(list(root.iter())):
        st = _Stats()
        text = el.text or ""
        st.own_chars = len(_ws(text))
        st.own_commas = text.count(",")
        st.chars = st.own_chars
        for child in el:
            cs = stats[child]
            tail = child.tail or ""
            st.chars += cs.chars + len(_ws(tail))
            st.link_chars += cs.link_chars
            st.own_chars += len(_ws(tail))
            st.own_commas += tail.count(",")
            if child.tag not in BLOCK_TAGS:
                st.own_chars += cs.own_chars
                st.own_commas += cs.own_commas
        if el.tag == "a":
            st.link_chars = st.chars
        stats[el] = st
    return stats


def _link_density(st: _Stats) -> float:
    return st.link_chars / st.chars if st.chars else 0.0


def _tag_weight(tag: str) -> int:
    if tag in ("div", "article", "main", "section"):
        return 5
    if tag in ("pre", "td", "blockquote"):
        return 3
    if tag in ("address", "ol", "ul", "dl", "dd", "dt", "li"):
        return -3
    if tag in HEADING_TAGS or tag == "th":
        return -5
    return 0


def _score(root: etree._Element, stats: dict[etree._Element, _Stats]) -> None:
    """Each text block adds its points to up to five ancestors, less the further up."""
    for el in root.iter():
        st = stats[el]
        if el.tag not in BLOCK_TAGS or el.tag in HEADING_TAGS or st.own_chars < MIN_BLOCK_CHARS:
            continue
        if st.link_chars and st.link_chars >= st.own_chars * 0.5 and el.tag == "li":
            continue  # a list item that is just a link
        points = 1 + st.own_commas + min(st.own_chars // 100, 3)
        if el.tag in CONTAINER_TAGS:
            _add(el, points, stats)  # text straight in a <td> or <div> counts for it too
        for level, ancestor in enumerate(el.iterancestors()):
            if level >= 5:
                break
            _add(ancestor, points / (1 if level == 0 else 2 if level == 1 else level * 3), stats)


def _add(el: etree._Element, points: float, stats: dict[etree._Element, _Stats]) -> None:
    st = stats[el]
    if not st.scored:
        st.scored = True
        st.score = _tag_weight(el.tag) + _class_weight(el)
    st.score += points


def _final(el: etree._Element, stats: dict[etree._Element, _Stats]) -> float:
    st = stats[el]
    return st.score * (1 - _link_density(st))


def _main_blocks(root: etree._Element, stats: dict[etree._Element, _Stats]) -> list:
    """The best-scoring container plus content-like siblings, in document order."""
    candidates = [el for el in root.iter() if stats[el].scored and el.tag not in ("html",)]
    if not candidates:
        body = root.find("body")
        return [body if body is not None else root]
    top = max(candidates, key=lambda el: _final(el, stats))
    top_score = _final(top, stats)
    # A parent that holds the top block and scores nearly as well is the real container
    # (e.g. an <article> whose paragraphs sit in two sibling <div>s).
    parent = top.getparent()
    while parent is not None and parent.tag not in ("html", "body"):
        if stats[parent].scored and _final(parent, stats) >= top_score * 0.85:
            top, top_score = parent, _final(parent, stats)
            parent = top.getparent()
        else:
            break
    parent = top.getparent()
    if parent is None:
        return [top]
    threshold = max(10.0, top_score * 0.2)
    kept = []
    for sibling in parent:
        if sibling is top:
            kept.append(sibling)
            continue
        st = stats.get(sibling)
        if st is None:
            continue
        scores_well = st.scored and _final(sibling, stats) >= threshold
        plain_text = sibling.tag in SIBLING_TEXT_TAGS and st.chars and _link_density(st) < 0.25
        if scores_well or plain_text:
            kept.append(sibling)
    return kept


def _clean_container(container: etree._Element, stats: dict[etree._Element, _Stats]) -> None:
    """Drop link lists and link-heavy boxes left inside the chosen content."""
    doomed = [
        el
        for el in container.iter()
        if el is not container
        and el.tag in ("ul", "ol", "div", "section", "table", "dl", "p")
        and stats.get(el) is not None
        and stats[el].chars
        and _link_density(stats[el]) > 0.5
    ]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


# -- paragraphs ---------------------------------------------------------------------------

_BR = "\x00"  # a <br> (the page's own NULs are gone: indexer.text.characters)
# what may stand between two <br>s that end a paragraph: white space, and characters that
# show nothing (zero-width, soft hyphen, byte-order mark, private-use icon glyphs)
_BLANK = "\\s\u00ad\u200b-\u200f\u2060\ufeff\ue000-\uf8ff"
_PARAGRAPH_BREAK = re.compile(f"{_BR}[{_BLANK}]*{_BR}[{_BLANK}{_BR}]*")


def _kind(tag: str) -> str:
    if tag in HEADING_TAGS:
        return "h"
    if tag in ("li", "dt", "dd"):
        return "li"
    return "p"


class _Collector:
    """Turns a stream of text pieces and block boundaries into paragraphs, within limits."""

    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.total = 0

    @property
    def full(self) -> bool:
        return self.total >= MAX_TEXT_CHARS

    def flush(self, pieces: list[str], kind: str) -> None:
        if not pieces:
            return
        raw = "".join(pieces)
        pieces.clear()
        for part in _PARAGRAPH_BREAK.split(raw):
            room = min(MAX_PARAGRAPH_CHARS, MAX_TEXT_CHARS - self.total)
            text = _ws(part.replace(_BR, " "))[:room]
            if not text:
                continue
            self.total += len(text)
            self.paragraphs.append(Paragraph(text=text, kind=kind))


def _at_line_start(pieces: list[str]) -> bool:
    for piece in reversed(pieces):
        if piece.strip():
            return piece.rstrip().endswith(_BR)
    return True


def _at_line_end(el: etree._Element) -> bool:
    """Nothing but a <br>, a block or the end of a block follows el on its line."""
    while True:
        if el.tail and el.tail.strip():
            return False
        following = el.getnext()
        if following is not None:
            return following.tag == "br" or following.tag in BLOCK_TAGS
        el = el.getparent()
        if el is None or el.tag in BLOCK_TAGS:
            return True


def _paragraphs(blocks: list) -> list[Paragraph]:
    """Paragraphs of the kept blocks; a bold line of its own (old pages' headings) is a heading."""
    out = _Collector()
    for block in blocks:
        stack: list[tuple[str, list[str]]] = [(_kind(block.tag), [])]
        bold_starts: dict[etree._Element, tuple[list[str], int]] = {}
        for event, el in etree.iterwalk(block, events=("start", "end")):
            if out.full:
                break
            kind, pieces = stack[-1]
            if event == "start":
                if el.tag in BLOCK_TAGS and el is not block:
                    out.flush(pieces, kind)
                    stack.append((_kind(el.tag), []))
                    pieces = stack[-1][1]
                elif el.tag in BOLD_TAGS and _at_line_start(pieces):
                    bold_starts[el] = (pieces, len(pieces))
                if el.tag == "br":
                    pieces.append(_BR)
                elif el.text:
                    pieces.append(el.text)
                continue
            if el is block:
                continue
            if el.tag in BLOCK_TAGS:
                kind, pieces = stack.pop()
                out.flush(pieces, kind)
            elif el in bold_starts:
                started_in, at = bold_starts.pop(el)
                bold = "".join(pieces[at:])
                short = 0 < len(bold.strip()) <= MAX_BOLD_HEADING_CHARS and _BR not in bold
                if started_in is pieces and short and _at_line_end(el):
                    out.flush(pieces[:at], kind)
                    out.flush(pieces[at:], "h")
                    pieces.clear()
            if el.tail:
                stack[-1][1].append(el.tail)
        for kind, pieces in stack:
            out.flush(pieces, kind)
    return _drop_repeats(out.paragraphs)


def _drop_repeats(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Consecutive duplicates (a heading echoed in a caption, say) carry nothing new."""
    kept: list[Paragraph] = []
    for p in paragraphs:
        if kept and kept[-1].text == p.text:
            continue
        kept.append(p)
    return kept


def main_paragraphs(root: etree._Element) -> list[Paragraph]:
    """Paragraphs of the best-scoring content of a page whose chrome is already dropped."""
    stats = _compute_stats(root)
    _score(root, stats)
    blocks = _main_blocks(root, stats)
    for block in blocks:
        _clean_container(block, stats)
    return _paragraphs(blocks)
