"""Hub pages: listings (and their later pages), calendars, site maps, home pages.

They are mostly links, so the crawl follows their links but the index does not hold them
as documents. A page is a hub when, once its chrome is dropped (nav, header, footer ...):

- a run of at least MIN_ITEMS sibling elements of one kind (cards, list items, table rows,
  bare links) mostly holding a link each covers at least half of its text, and under
  MAX_OUTSIDE_CHARS of text stand outside the run (a listing; a document with a long block
  of links beside it is not one); or
- it has at least MIN_LINKS links and under MAX_PROSE_CHARS of text outside links (a home
  page of tiles, a calendar grid, a site map).
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from indexer.extract.normalise import normalise

MIN_ITEMS = 4
LINKED_SHARE = 0.75  # of the run's items that hold a link
COVERAGE = 0.5  # of the page's text that the run holds
MAX_OUTSIDE_CHARS = 500
MIN_LINKS = 5
MAX_PROSE_CHARS = 300


def _page_link(a: etree._Element) -> bool:
    href = (a.get("href") or "").strip().lower()
    return bool(href) and not href.startswith(("#", "mailto:", "javascript:", "tel:"))


def _counts(body: etree._Element) -> dict[etree._Element, tuple[int, bool]]:
    """(text characters, holds a page link) for every element, bottom-up in one pass."""
    counts: dict[etree._Element, tuple[int, bool]] = {}
    for el in reversed(list(body.iter())):
        chars = len("".join((el.text or "").split()))
        linked = el.tag == "a" and _page_link(el)
        for child in el:
            c_chars, c_linked = counts[child]
            chars += c_chars + len("".join((child.tail or "").split()))
            linked = linked or c_linked
        counts[el] = (chars, linked)
    return counts


def _listing_coverage(body: etree._Element) -> float:
    """The largest share of the page's text held by one run of link-holding siblings that
    leaves little text outside it."""
    counts = _counts(body)
    total = counts[body][0]
    if not total:
        return 0.0
    best = 0.0
    for parent in body.iter():
        groups: dict[tuple[str, str], list[etree._Element]] = defaultdict(list)
        for child in parent:
            if isinstance(child.tag, str):
                groups[(child.tag, child.get("class", ""))].append(child)
        for items in groups.values():
            if len(items) < MIN_ITEMS:
                continue
            if sum(counts[x][1] for x in items) < LINKED_SHARE * len(items):
                continue
            run = sum(counts[x][0] for x in items)
            if total - run < MAX_OUTSIDE_CHARS:
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
    return _listing_coverage(body) >= COVERAGE
