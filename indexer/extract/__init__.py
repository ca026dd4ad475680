"""Extraction: stored bodies become Documents. This module dispatches to the HTML or PDF
extractor, adds metadata, and writes extracted/<sha256>.json for every current manifest
record; the package's modules are:

- html: an HTML page's title, canonical URL, signals, hub flag and main text;
- maintext: trafilatura's main text completed by readability's (the project's own);
- pdf: a PDF's paragraphs by page, running headers and footers dropped;
- worker: a time budget for one document, in a worker process killed when it overruns;
- normalise: NFKC, invisible characters, whitespace, line-end hyphenation;
- chrome: chrome lines that extractors let through, by kind, and bylines;
- paragraphs: the page's header lines, the paragraphs' numbers as the source gives them;
- dates: dates in addresses, bylines and numeric or non-English forms;
- hub: listings, calendars and home pages, crawled but not indexed;
- metadata, doctype: date, year, place, chair, meeting number, publisher and type.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests

from indexer.crawl import deadline
from indexer.crawl.binary import binary_reason
from indexer.crawl.corpus import Corpus, ManifestRecord
from indexer.crawl.fetch import USER_AGENT, is_html
from indexer.errors import ExtractionError, OverBudget, UnsupportedContent
from indexer.extract.chrome import drop_bylines
from indexer.extract.doctype import PageSignals
from indexer.extract.html import extract_html
from indexer.extract.metadata import NEWS_TYPES, extract_metadata
from indexer.extract.normalise import normalise
from indexer.extract.paragraphs import lede_title, mark_header, number_paragraphs, truncated
from indexer.extract.pdf import extract_pdf
from indexer.extract.slug import slug_title
from indexer.extract.worker import within_budget
from indexer.model import Document, Paragraph

# Bump when extraction changes what it produces: extract_corpus redoes older documents.
# 2: trafilatura main text, normalised text, hub pages, publisher, the real record's types.
# 3: page-wrapping forms kept, teaser hubs, group pages, the ministerial meeting's number only.
# 4: the canonical URL's host and path, headlines are news, meeting-name titles, speeches first.
# 5: a headline over a statement's full text is news.
# 6: honorifics ("His Excellency", "Dato", "Haji") do not cut a chair's name.
# 7: an event's or a project's title naming a statement is not the statement.
# 8: chrome by kind in the record's languages, bylines, dates in addresses and bylines,
#    chronologies dated by publication, listings and calendars as plain text are hubs.
# 9: header lines, paragraphs numbered as the source numbers them, truncated texts.
# 10: control characters dropped, <br><br> paragraphs once each, placeholder PDF titles ignored.
# 11: a block the page repeats (a label atop two tables) comes out where it is each time;
#     "under the Chairmanship of" names the chair, whatever its case; a place ends at its
#     line's end and at a sentence's.
# 12: stories in the record's languages by their reported speech, news address or credit
#     line; a host year's news section; blog posts and files are not stories by address;
#     Chinese, Japanese, Korean and Tagalog dates; news dated after a weekday in its text;
#     an untitled story named by its headline or lede.
# 13: a page opening as a meeting's summary record ("The 9th Meeting of the ... was held
#     in ..."; "The meeting was attended by ...") is a meeting report.
# 14: a page opening as a speech ("Speech by ...", "Distinguished Delegates,") is a speech;
#     an item of a database's list (".../Lists/Proposals/DispForm.aspx") is a web page.
# 15: an untitled story's lede follows its dateline; a mailing list's tag is not the title's.
# 16: a story's dateline without a date ("LAKESIDE, Atlantis—", "LAKESIDE (Agency): ",
#     "LAKESIDE – ") in its first lines gives its place.
# 17: a release named by its month and day in its year's folder ("/2012/0504_sme.aspx") is
#     dated by it.
# 18: a title ending in a copied file's path ("... MEETING/media/Files/Minis...") is cut
#     before it.
# 19: a place that past meetings were held in ("past meetings held in X") is not the
#     document's.
# 20: an untitled document is titled by its address's words (indexer.extract.slug).
# 21: and typed by them; a title naming one of the group's meetings is not its own page.
# 22: an "address to" a forum is a speech; APEC's features are its releases; "advances",
#     "pushes" read as a headline's verbs.
# 23: an item of a database's list is a web page whatever its title says; more of a
#     headline's verbs ("accelerates", "tackles", "concludes", ...).
EXTRACTOR_VERSION = 23

FETCH_TIMEOUT = 30.0  # seconds, for `apec-search extract URL`
FETCH_MAX_BYTES = 25 * 1024 * 1024

HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|title|meta|div|p|table)\b",
    re.I | re.S,
)


@dataclass
class _Content:
    kind: str  # "html" or "pdf"
    title: str
    canonical_url: str | None  # as declared by the page
    paragraphs: list[Paragraph]
    hub: bool = False
    signals: PageSignals = field(default_factory=PageSignals)


@dataclass
class ExtractSummary:
    extracted: list[str] = field(default_factory=list)  # URLs newly extracted
    unchanged: int = 0  # already extracted by this extractor version
    skipped: dict[str, str] = field(default_factory=dict)  # URL -> reason (no usable text ...)
    failed: dict[str, str] = field(default_factory=dict)  # URL -> error
    hubs: list[str] = field(default_factory=list)  # URLs of hub pages (extracted or not)


def sniff_kind(body: bytes, content_type: str | None) -> str:
    """'pdf' or 'html' from magic bytes first, then the Content-Type. Raises
    UnsupportedContent for anything else, binary data labelled as HTML included."""
    head = body[:1024].removeprefix(b"\xef\xbb\xbf")
    mime = (content_type or "").split(";")[0].strip().lower()
    if b"%PDF-" in head or mime == "application/pdf":
        return "pdf"
    if is_html(content_type) or HTML_START.match(head):
        reason = binary_reason(body)
        if reason:
            raise UnsupportedContent(f"not HTML: {reason}, though labelled {mime or 'HTML'}")
        return "html"
    raise UnsupportedContent(f"unsupported content type: {mime or 'unknown'}")


def _content(body: bytes, url: str, content_type: str | None) -> _Content:
    kind = sniff_kind(body, content_type)
    if kind == "pdf":
        pdf = within_budget(extract_pdf, body, what="PDF extraction")
        return _Content("pdf", pdf.title, None, pdf.paragraphs)
    page = extract_html(body, url, content_type)
    signals = PageSignals(page.site_name, page.published, page.og_type)
    return _Content("html", page.title, page.canonical_url, page.paragraphs, page.hub, signals)


def _address(final_url: str, canonical_url: str) -> str:
    """The URL whose host and path tell the publisher, type and date: the canonical one the
    page declares (a mirror's or an archive's copy names the original), unless it names a
    site's home page rather than a document."""
    return canonical_url if urlsplit(canonical_url).path.strip("/") else final_url


def _document(
    content: _Content,
    body: bytes,
    *,
    url: str,
    final_url: str,
    canonical_url: str,
    fetched_at: str | None = None,
    hints: dict | None = None,
) -> Document:
    hints = hints or {}
    title = str(hints.get("title") or content.title)
    text = "\n".join(normalise(p.text) for p in content.paragraphs)  # compatibility forms folded
    # an untitled page is typed by its address's words ("...-Ministers-Issue-Joint-Statement
    # --36645747": a headline), as it is titled by them unless it is a story with a lede
    from_address = slug_title(canonical_url or final_url)
    address = _address(final_url, canonical_url)
    meta = extract_metadata(title or from_address, text, address, hints, content.signals)
    paragraphs = drop_bylines(content.paragraphs)  # their dates read, they are chrome
    paragraphs = number_paragraphs(mark_header(title, paragraphs, meta.doc_type))
    if not title and content.kind == "html" and meta.doc_type in NEWS_TYPES:
        title = lede_title(paragraphs)  # its address would name it otherwise
    if not title:
        title = from_address
    return Document(
        url=url,
        final_url=final_url,
        canonical_url=canonical_url,
        title=title,
        content_type=content.kind,
        sha256=hashlib.sha256(body).hexdigest(),
        fetched_at=fetched_at,
        paragraphs=paragraphs,
        extractor_version=EXTRACTOR_VERSION,
        hub=content.hub,
        truncated=truncated(paragraphs),
        **asdict(meta),
    )


def extract_bytes(
    body: bytes, url: str, content_type: str | None = None, *, hints: dict | None = None
) -> Document:
    """One body, fetched from `url`, as a Document. Raises ExtractionError."""
    content = _content(body, url, content_type)
    return _document(
        content,
        body,
        url=url,
        final_url=url,
        canonical_url=content.canonical_url or url,
        hints=hints,
    )


def extract_record(corpus: Corpus, record: ManifestRecord) -> Document:
    """The Document for one manifest record; canonical URL: page-declared, manifest, final."""
    if not record.sha256 or not corpus.has_object(record.sha256):
        raise ExtractionError("body missing from the corpus")
    body = corpus.read_object(record.sha256)
    final_url = record.final_url or record.url
    content = _content(body, final_url, record.content_type)
    return _document(
        content,
        body,
        url=record.url,
        final_url=final_url,
        canonical_url=content.canonical_url or record.canonical_url or final_url,
        fetched_at=record.fetched_at,
        hints=record.hints,
    )


def _current(corpus: Corpus, sha256: str) -> Document | None:
    """The stored Document when this extractor version made it, else None."""
    try:
        doc = corpus.load_document(sha256)
    except (OSError, ValueError, TypeError):  # a damaged JSON file is redone
        return None
    return doc if doc is not None and doc.extractor_version >= EXTRACTOR_VERSION else None


def extract_corpus(corpus: Corpus, *, force: bool = False) -> ExtractSummary:
    """Extract every current record not yet extracted by this version (all with force).

    Hub pages are stored as Documents with `hub` set (the index skips them) and listed in
    `hubs`, extracted now or before. Failures are recorded per URL, never raised: one bad
    body must not stop the rest. A body whose extraction overran its time budget is noted
    in the corpus and, unless forced, not tried again by this extractor version.
    """
    summary = ExtractSummary()
    for record in corpus.current_records():
        done = None if force else _current(corpus, record.sha256)
        if done is not None:
            summary.unchanged += 1
            if done.hub:
                summary.hubs.append(record.url)
            continue
        given_up = None if force else corpus.over_budget(record.sha256)
        if given_up is not None and given_up[0] >= EXTRACTOR_VERSION:
            summary.failed[record.url] = given_up[1]
            continue
        try:
            doc = extract_record(corpus, record)
        except OverBudget as exc:
            corpus.save_over_budget(record.sha256, EXTRACTOR_VERSION, str(exc))
            summary.failed[record.url] = str(exc)
            continue
        except UnsupportedContent as exc:
            summary.skipped[record.url] = str(exc)
            continue
        except ExtractionError as exc:
            summary.failed[record.url] = str(exc)
            continue
        except Exception as exc:  # a parser bug on one hostile body is recorded, not fatal
            summary.failed[record.url] = f"unexpected {type(exc).__name__}: {exc}"
            continue
        if doc.hub:
            summary.hubs.append(record.url)
        elif not doc.paragraphs:
            summary.skipped[record.url] = "no usable text"
            continue
        corpus.save_document(doc)
        summary.extracted.append(record.url)
    return summary


# -- one page, for `apec-search extract` ---------------------------------------------------


def extract_url(
    url: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = FETCH_MAX_BYTES
) -> Document:
    """Fetch one URL (size-capped, and within ``timeout`` seconds in all: headers and body)
    and extract it. Raises ExtractionError."""
    try:
        with (
            deadline.session() as http,
            deadline.deadline(timeout) as limit,
            http.get(
                url, timeout=timeout, stream=True, headers={"User-Agent": USER_AGENT}
            ) as response,
        ):
            response.raise_for_status()
            chunks, size = [], 0
            for chunk in limit.checked(response.iter_content(64 * 1024)):
                size += len(chunk)
                if size > max_bytes:
                    raise ExtractionError(f"{url}: response larger than {max_bytes} bytes")
                chunks.append(chunk)
            final_url, content_type = response.url, response.headers.get("Content-Type")
    except requests.RequestException as exc:
        raise ExtractionError(f"cannot fetch {url}: {_fetch_reason(exc, timeout)}") from exc
    body = b"".join(chunks)
    doc = extract_bytes(body, final_url, content_type)
    doc.url = url
    return doc


def _fetch_reason(exc: requests.RequestException, timeout: float) -> str:
    if isinstance(exc, deadline.DeadlineExceeded):
        return f"no complete answer within {timeout:g} s"
    if isinstance(exc, requests.Timeout):
        return f"no answer within {timeout:g} s"
    if isinstance(exc, requests.ConnectionError):
        return "cannot connect to the host (network down or host unreachable)"
    if isinstance(exc, requests.HTTPError) and exc.response is not None:
        return f"HTTP {exc.response.status_code} {exc.response.reason}"
    return str(exc)


def extract_file(path: Path | str, *, max_bytes: int = FETCH_MAX_BYTES) -> Document:
    """Extract a local HTML or PDF file; its URL is its file:// URI."""
    path = Path(path)
    if not path.is_file():
        raise ExtractionError(f"no such file: {path}")
    if path.stat().st_size > max_bytes:
        raise ExtractionError(f"{path}: file larger than {max_bytes} bytes")
    content_type, _ = mimetypes.guess_type(path.name)
    return extract_bytes(path.read_bytes(), path.resolve().as_uri(), content_type)


def extract_target(
    target: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = FETCH_MAX_BYTES
) -> Document:
    """A URL (http/https) or a local file path."""
    if re.match(r"https?://", target, re.I):
        return extract_url(target, timeout=timeout, max_bytes=max_bytes)
    return extract_file(target, max_bytes=max_bytes)


def document_json(doc: Document) -> str:
    """The Document as indented JSON, with its id first (for `apec-search extract`)."""
    return json.dumps({"id": doc.id, **doc.to_dict()}, ensure_ascii=False, indent=2)
