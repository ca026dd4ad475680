"""An HTML page as the index wants it: title, canonical URL, the page's own signals
(site name, publication date, type), whether it is a hub page, and its main text.

The main text is trafilatura's completed with the project's readability extractor
(indexer.extract.maintext), normalised (indexer.extract.normalise) and cleared of the
chrome lines extractors let through (indexer.extract.chrome). Input and output sizes are
capped, so hostile pages stay cheap.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.html
from bs4.dammit import EncodingDetector, UnicodeDammit
from dateutil import parser as date_parser
from htmldate import find_date
from lxml import etree

from indexer.extract.chrome import drop_chrome as drop_chrome_lines
from indexer.extract.hub import is_hub, is_listing
from indexer.extract.maintext import trafilatura_paragraphs, union
from indexer.extract.metadata import latest_year
from indexer.extract.normalise import clean, normalise
from indexer.extract.readability import (
    MAX_PARAGRAPH_CHARS,
    MAX_TEXT_CHARS,
    drop_chrome,
    main_paragraphs,
)
from indexer.model import Paragraph
from indexer.text.characters import without_controls

MAX_HTML_CHARS = 3_000_000  # decoded characters parsed; the rest of a page is ignored
LATIN_GUESSES = {
    "ascii", "windows-1250", "windows-1252", "windows-1254", "windows-1257", "iso-8859-1",
    "iso-8859-2", "iso-8859-9", "iso-8859-13", "iso-8859-15", "cp1250", "cp1252", "latin-1",
    "mac_roman", "mac-roman", "mac_latin2",
}  # fmt: skip
SITE_SUFFIX = re.compile(r"\s+[|\-–—:·•»]{1,2}\s+")
# A mailing list archive's subject tag, "[list-name 1479] Subject" (Mailman's
# subject_prefix), or a search engine's "[PDF] "
LIST_TAG = re.compile(r"^\[[\w .-]{1,30}\]\s+(?=\S)")
# A document-sharing site's title ending in the copied file's path, cut or not:
# "SME MINISTERIAL MEETING/media/Files/Ministerial..."
PATH_TAIL = re.compile(r"(?<=\w)(?:/[\w%.-]+){2,}(?:\.{3}|…)?\s*$")


# meta tags that carry the page's own publication date (Open Graph, Dublin Core, Highwire)
DATE_META = {
    "article:published_time", "og:published_time", "date", "dc.date", "dcterms.date",
    "dc.date.issued", "dcterms.issued", "dcterms.created", "citation_date",
    "citation_publication_date", "publish-date", "publish_date", "pubdate", "publication_date",
    "datepublished", "sailthru.date", "parsely-pub-date",
}  # fmt: skip
# trafilatura's passes are not all linear: on a page of more elements than this (a hundred
# thousand links or table cells; real pages have a few thousand) our own extractor alone runs
MAX_TRAFILATURA_ELEMENTS = 30_000

log = logging.getLogger(__name__)


@dataclass
class HtmlExtract:
    """What the HTML extractor found."""

    title: str
    canonical_url: str | None  # as declared by the page, resolved
    paragraphs: list[Paragraph]  # main text in the page's characters (`clean`), chrome dropped
    hub: bool = False  # a listing, calendar, site map or home page (indexer.extract.hub)
    site_name: str | None = None  # og:site_name / application-name
    published: str | None = None  # ISO date from the page's meta tags, else htmldate's
    og_type: str | None = None  # "article" for news stories


# -- decoding -----------------------------------------------------------------------------


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
    return match.group(1).lower() if match else None


def _label(encoding: str) -> str:
    """Browsers read Latin-1 and ASCII labels as windows-1252 (its superset)."""
    encoding = encoding.lower()
    latin1 = ("iso-8859-1", "latin-1", "latin1", "us-ascii")
    return "windows-1252" if encoding in latin1 else encoding


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Bytes to text: valid UTF-8 first, then the HTTP charset, the meta charset, detection.

    Non-ASCII bytes that decode as UTF-8 are almost never another encoding, so a page that
    is UTF-8 while its header or meta tag claims Latin-1 still decodes correctly. Detection
    cannot tell the Latin-script code pages apart on a page of text (it reads "Viña" as
    windows-1250 "Vińa"); a guess among them becomes windows-1252, the legacy default.
    """
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    known = []
    header = charset_from_content_type(content_type)
    if header and header not in ("utf-8", "utf8"):
        known.append(_label(header))
    declared = EncodingDetector.find_declared_encoding(
        body[:4096], is_html=True, search_entire_document=True
    )
    if declared and declared.lower() not in ("utf-8", "utf8"):
        known.append(_label(declared))
    dammit = UnicodeDammit(body, known_definite_encodings=known, is_html=True)
    guessed = (dammit.original_encoding or "").lower()
    if dammit.unicode_markup is None or (guessed not in known and guessed in LATIN_GUESSES):
        return body.decode("windows-1252", errors="replace")
    return dammit.unicode_markup


# -- parsing ------------------------------------------------------------------------------


def _parse(text: str) -> etree._Element:
    text = text[:MAX_HTML_CHARS]
    # lxml refuses str input that carries an XML encoding declaration
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    if not text.strip():
        text = "<html></html>"
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(text, parser=parser)
    except etree.ParserError:  # nothing but comments or whitespace
        return lxml.html.document_fromstring("<html></html>")


# -- title and canonical ------------------------------------------------------------------


def strip_site_suffix(title: str) -> str:
    """'2013 SME Ministerial Meeting | APEC' -> '2013 SME Ministerial Meeting' (one suffix)."""
    title = normalise(title)
    seps = list(SITE_SUFFIX.finditer(title))
    if seps:
        head, tail = title[: seps[-1].start()], title[seps[-1].end() :]
        if len(tail.split()) <= 4 and len(head.split()) >= 2:
            return head
    return title


def _title(root: etree._Element) -> str:
    """The page's og:title, else its first <h1>, else its <title>, without a site's name
    after it, a mailing list's tag before it or a file's path after it."""
    title = LIST_TAG.sub("", _named_title(root), count=1)
    head = PATH_TAIL.sub("", title, count=1)
    return head if len(head.split()) >= 3 else title


def _named_title(root: etree._Element) -> str:
    og = root.xpath("//meta[@property='og:title' or @name='og:title']/@content")
    if og and normalise(og[0]):
        return strip_site_suffix(og[0])
    for h1 in root.iter("h1"):
        text = normalise(h1.text_content())
        if text:
            return text[:500]
    titles = root.xpath("//title")
    if titles:
        return strip_site_suffix(titles[0].text_content())[:500]
    return ""


def _canonical(root: etree._Element, page_url: str) -> str | None:
    base = page_url
    bases = root.xpath("//base/@href")
    if bases:
        base = urljoin(page_url, bases[0].strip())
    for link in root.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rels and href:
            url = urljoin(base, href)
            if urlsplit(url).scheme in ("http", "https"):
                return url
    return None


# -- page signals -------------------------------------------------------------------------


def _meta(root: etree._Element, names: set[str]) -> list[str]:
    found = []
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = normalise(meta.get("content") or "")
        if key in names and content:
            found.append(content)
    return found


def _iso_date(raw: str) -> str | None:
    try:
        parsed = date_parser.parse(raw, default=dt.datetime(1, 1, 1)).date()
    except (ValueError, OverflowError):
        return None
    return parsed.isoformat() if 1980 <= parsed.year <= latest_year() else None


def _published(root: etree._Element, html: str, url: str) -> str | None:
    """The page's date: its meta tags first, else htmldate's reading of its markup and URL
    (without htmldate's extensive search, which takes copyright years; not on an empty
    `html`, given for pages too large for it)."""
    for raw in _meta(root, DATE_META):
        iso = _iso_date(raw)
        if iso:
            return iso
    if not html:
        return None
    try:
        return find_date(
            html,
            url=url,
            extensive_search=False,
            original_date=True,
            max_date=dt.date(latest_year(), 12, 31).isoformat(),
        )
    except Exception as exc:  # htmldate on a hostile page: no date, not a failure
        log.debug("htmldate failed on %s: %s", url, exc)
        return None


def _vetoed(paragraphs: list[Paragraph], chrome: set[str], own: list[Paragraph]) -> list[Paragraph]:
    """trafilatura's blocks without those that are chrome by the page's own markup: the text
    of a link (a menu entry of an old table layout) or of an element the readability
    extractor dropped as chrome (a sidebar), unless a heading or its own text holds them."""
    kept_by_own = {normalise(p.text) for p in own}
    return [
        p
        for p in paragraphs
        if p.kind == "h" or (text := normalise(p.text)) not in chrome or text in kept_by_own
    ]


def _capped(paragraphs: list[Paragraph]) -> list[Paragraph]:
    out, total = [], 0
    for p in paragraphs:
        room = min(MAX_PARAGRAPH_CHARS, MAX_TEXT_CHARS - total)
        if room <= 0:
            break
        text = p.text[:room]
        total += len(text)
        out.append(Paragraph(text=text, kind=p.kind, page=p.page))
    return out


# -- entry point --------------------------------------------------------------------------


def extract_html(body: bytes, url: str, content_type: str | None = None) -> HtmlExtract:
    """Title, canonical URL (resolved against `url`), signals, hub flag and main text."""
    # without control characters, so that both extractors see one text
    html = without_controls(decode_html(body, content_type)[:MAX_HTML_CHARS])
    root = _parse(html)
    canonical = _canonical(root, url)
    site_names = _meta(root, {"og:site_name", "application-name"})
    og_types = _meta(root, {"og:type"})
    small = sum(1 for _ in root.iter()) <= MAX_TRAFILATURA_ELEMENTS
    published = _published(root, html if small else "", url)
    links = {normalise(a.text_content()) for a in root.iter("a")}
    chrome = drop_chrome(root)
    hub = is_hub(root)
    own = main_paragraphs(root)  # (drops link boxes from the tree)
    theirs = []
    try:
        theirs = trafilatura_paragraphs(html, url) if small else []
    except Exception as exc:  # trafilatura on a hostile page: our own text alone
        log.debug("trafilatura failed on %s: %s", url, exc)
    merged = union(_vetoed(theirs, links | {normalise(t) for t in chrome}, own), own)
    normalised = [Paragraph(text=clean(p.text), kind=p.kind) for p in merged]
    title = normalise(_title(root))
    paragraphs = _capped(drop_chrome_lines(normalised))
    return HtmlExtract(
        title=title,
        canonical_url=canonical,
        paragraphs=paragraphs,
        hub=hub or is_listing(title, drop_chrome_lines(normalised, boxes=False)),
        site_name=site_names[0] if site_names else None,
        published=published,
        og_type=og_types[0].lower() if og_types else None,
    )
