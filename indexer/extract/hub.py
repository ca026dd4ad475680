"""Hub pages: listings (and their later pages), calendars, site maps, home pages.

They are mostly links, so the crawl follows their links but the index does not hold them
as documents. A page is a hub when, once its chrome is dropped (nav, header, footer ...):

- a run of at least MIN_ITEMS sibling elements of one kind (cards, list items, table rows,
  bare links) mostly led by a link each covers at least half of its text, and under
  MAX_OUTSIDE_CHARS of text stand outside the run (a listing); or
- teasers (small blocks led by a link of their own: cards with a line of text, events with
  a one-line description, a hero banner) hold at least half of its text (a home page with
  "Latest news" cards, an events month with descriptions); or
- it has at least MIN_LINKS links and under MAX_PROSE_CHARS of text outside links (a home
  page of tiles, a calendar grid, a site map).

The first two never make a hub of a page with MIN_PROSE_BLOCKS paragraphs of running text
outside its teasers: a document beside a box of related links.

Where the markup does not show it (links lost, a copy as plain text), the extracted text's
shape does (`is_listing`): a calendar or event listing is its dated entries ("Second Senior
Officials' Meeting May 15th-16th, 2019 Valparaíso"), a listing of stories its headlines,
alone or each with a one-sentence teaser.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree

from indexer.extract.metadata import DAY_MONTH, find_date
from indexer.extract.normalise import normalise
from indexer.extract.readability import HEADING_TAGS
from indexer.model import Paragraph

MIN_ITEMS = 4
LINKED_SHARE = 0.75  # of the run's items that hold a link
COVERAGE = 0.5  # of the page's text that the run holds
MAX_OUTSIDE_CHARS = 500
MIN_LINKS = 5
MAX_PROSE_CHARS = 300
MIN_TEASERS = 5
TEASER_CHARS = 300
TEASER_LINK_SHARE = 0.15
TEASER_COVERAGE = 0.5  # of the page's text in teasers
PROSE_BLOCK_CHARS = 100
MIN_PROSE_BLOCKS = 3  # a document has paragraphs of running text outside any teaser
TEASER_TAGS = {
    "div", "li", "tr", "td", "th", "article", "section", "p", "dd", "dt", "figure", "header",
    "ul", "ol", "table", "tbody", "blockquote", "span",
} | HEADING_TAGS  # fmt: skip


# listings by the shape of their text
ENTRY_WORDS = 25  # an entry (headline, event line) is short
MIN_ENTRY_WORDS = 4  # ... but longer than a form's field name or value ("Project Year")
TEASER_WORDS = 45  # a teaser under a headline is one short sentence
MIN_ENTRIES = 8
ENTRY_SHARE = 0.7  # of the paragraphs that are entries (headlines, event lines, dates)
MIN_EVENTS = 4  # dated entries that make a page named a calendar or events page one
EVENT_PROSE = 2  # paragraphs of description an event of a calendar may have
MIN_PAIRS = 4  # headlines with a teaser each
PAIR_SHARE = 0.6  # of the paragraphs in headline-and-teaser pairs
WRAPPED_SHARE = 0.2  # of the lines that start in lower case in hard-wrapped prose
MAX_LISTING_PROSE = 2  # paragraphs of running text a listing may hold (an introduction)
CALENDAR_TITLE = re.compile(
    r"\b(?:calendars?|events?|meetings\s+and\s+calendar"
    r"|calendario|eventos|[ée]v[ée]nements|kalender|acara|lịch|sự\s+kiện|행사|일정|日程|活动|活動"
    r"|ปฏิทิน|กิจกรรม)\b",
    re.I,
)
SENTENCE_END = re.compile(r"[.!?。:;]\s*[\"'”’)]*$")


_Counts = dict[etree._Element, tuple[int, bool, int]]


def _page_link(a: etree._Element) -> bool:
    href = (a.get("href") or "").strip().lower()
    return bool(href) and not href.startswith(("#", "mailto:", "javascript:", "tel:"))


def _counts(body: etree._Element) -> _Counts:
    """(text characters, holds a page link, characters inside links) for every element,
    bottom-up in one pass."""
    counts: _Counts = {}
    for el in reversed(list(body.iter())):
        chars = len("".join((el.text or "").split()))
        linked = el.tag == "a" and _page_link(el)
        link_chars = 0
        for child in el:
            c_chars, c_linked, c_link_chars = counts[child]
            chars += c_chars + len("".join((child.tail or "").split()))
            linked = linked or c_linked
            link_chars += c_link_chars
        counts[el] = (chars, linked, chars if el.tag == "a" else link_chars)
    return counts


def _standalone_link(block: etree._Element) -> bool:
    """A page link in `block` that is not inside a sentence: alone in its parent (a "Read
    more" link, a linked heading or list item), not one phrase of a paragraph."""
    for a in block.iter("a"):
        if not _page_link(a):
            continue
        parent = a.getparent()
        if parent is None or parent.tag in HEADING_TAGS:
            return True
        beside = (parent.text or "") + "".join(c.tail or "" for c in parent)
        if not beside.strip():
            return True
    return False


def _runs(body: etree._Element, counts: _Counts) -> list[list[etree._Element]]:
    """Runs of at least MIN_ITEMS sibling elements of one tag and class, mostly led by a
    link each (cards, list items, table rows, bare links)."""
    runs = []
    for parent in body.iter():
        groups: dict[tuple[str, str], list[etree._Element]] = defaultdict(list)
        for child in parent:
            if isinstance(child.tag, str):
                groups[(child.tag, child.get("class", ""))].append(child)
        for items in groups.values():
            if len(items) < MIN_ITEMS:
                continue
            if sum(_led(x, counts) for x in items) >= LINKED_SHARE * len(items):
                runs.append(items)
    return runs


def _led(el: etree._Element, counts: _Counts) -> bool:
    """An element led by a link: one of its own, or one making up TEASER_LINK_SHARE of its
    text (not a paragraph with a link inside a sentence)."""
    chars, linked, link_chars = counts[el]
    return linked and (link_chars >= TEASER_LINK_SHARE * chars or _standalone_link(el))


def _teasers(body: etree._Element, counts: _Counts, items: set) -> tuple[int, float, int]:
    """(teasers, share of the page's text they hold, blocks of running text outside them).

    A teaser is the largest block of at most TEASER_CHARS, an item of a run or holding links
    to one page only, whose link stands on its own (not inside a sentence) or makes up at
    least TEASER_LINK_SHARE of its text: a card, an event line with its one-line description, a
    hero banner. A block of running text is a block without blocks inside, of at least
    PROSE_BLOCK_CHARS, outside any teaser: a document's paragraph."""
    total = counts[body][0]
    teasers = teaser_chars = prose_blocks = 0
    stack = [body]
    while stack:
        el = stack.pop()
        chars = counts[el][0]
        small = el is not body and el.tag in TEASER_TAGS and chars <= TEASER_CHARS
        if (
            small
            and _led(el, counts)
            and (el in items or len({a.get("href") for a in el.iter("a") if _page_link(a)}) == 1)
        ):
            teasers += 1
            teaser_chars += chars
            continue
        blocks = [c for c in el if c.tag in TEASER_TAGS]
        if not blocks and chars >= PROSE_BLOCK_CHARS:
            prose_blocks += 1
        stack.extend(c for c in el if isinstance(c.tag, str))
    return teasers, teaser_chars / total if total else 0.0, prose_blocks


def _listing_coverage(runs: list[list[etree._Element]], counts: _Counts, total: int) -> float:
    """The largest share of the page's text held by one run that leaves little text outside
    it."""
    best = 0.0
    for items in runs:
        run = sum(counts[x][0] for x in items)
        if total and total - run < MAX_OUTSIDE_CHARS:
            best = max(best, run / total)
    return best


def is_hub(root: etree._Element) -> bool:
    """True for a page (parsed, chrome already dropped) that is mostly links."""
    body = root.find("body")
    body = body if body is not None else root
    links = sum(_page_link(a) for a in body.iter("a"))
    prose = normalise(" ".join(body.xpath(".//text()[not(ancestor::a)]")))
    if links >= MIN_LINKS and len(prose) < MAX_PROSE_CHARS:
        return True
    counts = _counts(body)
    runs = _runs(body, counts)
    teasers, share, prose_blocks = _teasers(body, counts, {x for run in runs for x in run})
    if prose_blocks >= MIN_PROSE_BLOCKS:
        return False
    return _listing_coverage(runs, counts, counts[body][0]) >= COVERAGE or (
        teasers >= MIN_TEASERS and share >= TEASER_COVERAGE
    )


def _dated(text: str) -> bool:
    return bool(find_date(text) or DAY_MONTH.search(text))


def _entry(text: str) -> bool:
    """A headline or an event line: short, of MIN_ENTRY_WORDS or more (not a form's field
    name or value), not a sentence unless it is dated."""
    words = len(text.split())
    if not MIN_ENTRY_WORDS <= words <= ENTRY_WORDS:
        return False
    return not SENTENCE_END.search(text) or _dated(text)


def _teaser(text: str) -> bool:
    """One sentence under a headline."""
    words = text.split()
    return MIN_ENTRY_WORDS <= len(words) <= TEASER_WORDS and bool(SENTENCE_END.search(text))


def _prose(text: str) -> bool:
    return len(text.split()) > ENTRY_WORDS and bool(SENTENCE_END.search(text))


def is_listing(title: str, paragraphs: list[Paragraph]) -> bool:
    """True for a text shaped as a listing (module docstring), with at most
    MAX_LISTING_PROSE paragraphs of running text besides its entries and teasers:
    MIN_ENTRIES or more entries (headlines, event lines) making ENTRY_SHARE of its
    paragraphs, or MIN_PAIRS headlines each followed by a one-sentence teaser (PAIR_SHARE
    of it). A page titled a calendar or events page is one with MIN_EVENTS dated entries
    and up to EVENT_PROSE paragraphs of description for each."""
    texts = [p.text for p in paragraphs if p.text]
    n = len(texts)
    wrapped = sum(t[:1].islower() for t in texts)  # lines of hard-wrapped prose go on in
    if not n or wrapped >= WRAPPED_SHARE * n:  # lower case: a text, not a listing
        return False
    entries = [i for i, t in enumerate(texts) if _entry(t)]
    pairs = [
        i
        for i in entries
        if i + 1 < n
        and not _dated(texts[i])
        and not SENTENCE_END.search(texts[i])
        and _teaser(texts[i + 1])
    ]
    listed = set(entries) | {i + 1 for i in pairs}
    prose = sum(_prose(t) for i, t in enumerate(texts) if i not in listed)
    events = [i for i in entries if _dated(texts[i])]
    if CALENDAR_TITLE.search(title) and len(events) >= MIN_EVENTS:
        return prose <= EVENT_PROSE * len(events)  # each event with its description
    return prose <= MAX_LISTING_PROSE and (
        (len(entries) >= MIN_ENTRIES and len(entries) >= ENTRY_SHARE * n)
        or (len(pairs) >= MIN_PAIRS and 2 * len(pairs) >= PAIR_SHARE * n)
    )
