"""Hostile documents, crawled from a local site, extracted and indexed: every stage
completes, its memory stays bounded, and what could not be used is recorded with a reason."""

from __future__ import annotations

import contextlib
import tracemalloc
import zlib

import pytest

from indexer.crawl.crawler import crawl
from indexer.crawl.fetch import retry_after_seconds
from indexer.crawl.links import MAX_PAGE_LINKS
from indexer.errors import ExtractionError
from indexer.extract import extract_bytes
from indexer.extract.html import MAX_TEXT_CHARS
from indexer.index.build import build_index
from indexer.search.engine import Engine
from tests.site import PDF, Route, Site

STATEMENT = (
    "Ministers welcomed the plan to widen access to finance for small enterprises"
    " across the region, and agreed to review progress next year."
)
# Enough running text beside the links that a page is a document, not a hub page of links
STORY = "".join(
    f"<p>{sentence}</p>"
    for sentence in (
        STATEMENT,
        "Officials from the host economy described the new credit guarantee scheme for"
        " first-time borrowers and the training offered to the owners of micro-enterprises.",
        "Delegates asked the working group to compare the cost of registering a business"
        " in each economy and to publish the results in plain language before the next meeting.",
        "The chair thanked the speakers and closed the session after a short discussion of"
        " payment systems, customs procedures and the needs of exporters in remote areas.",
        "Ministers also noted the progress made on the online toolkit for small suppliers"
        " and encouraged economies that have not yet joined it to do so in the coming year.",
    )
)
PAGES = {
    "/one-word": "<html><body><p>" + "cooperation " * 450_000 + "</p></body></html>",
    "/links": "<html><body>{}<div>{}</div></body></html>".format(
        STORY, "".join(f'<a href="/p/{i}">page {i}</a> ' for i in range(100_000))
    ),
    "/nested": "<html><body>" + "<div>" * 50_000 + STATEMENT + "</div>" * 50_000,
    "/scripts": "<html><head><title>Only scripts</title></head><body>"
    + "<script>var ministers = 'welcomed the plan';</script>" * 2_000
    + "</body></html>",
}
# Economía in Latin-1 bytes: under a false UTF-8 label, and with no label at all.
LATIN1_TEXT = f"La economía digital: {STATEMENT}"


def pdf(objects: list[bytes]) -> bytes:
    """A minimal PDF whose objects are numbered from 1 (1 is the catalogue)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def one_page_pdf(content: bytes, *, count: int = 1, flate: bool = False) -> bytes:
    stream = b"<< /Length %d%s >>\nstream\n%s\nendstream" % (
        len(content),
        b" /Filter /FlateDecode" if flate else b"",
        content,
    )
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def flate_bomb(megabytes: int) -> bytes:
    """A Flate stream of drawing instructions that inflates to ``megabytes`` MB."""
    block = b"BT /F1 12 Tf (A) Tj ET\n" * (1024 * 1024 // 23)
    packer = zlib.compressobj(9)
    return b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()


def hostile_site(site: Site) -> Site:
    links = [*PAGES, "/latin1-as-utf8", "/latin1-unlabelled", "/bomb.pdf", "/billion.pdf"]
    home = "".join(f'<p><a href="{path}">{path}</a></p>' for path in links)
    site.page("/", f"<html><body>{STORY}{home}</body></html>")
    for path, html in PAGES.items():
        site.page(path, html)
    for path, content_type in [
        ("/latin1-as-utf8", "text/html; charset=utf-8"),
        ("/latin1-unlabelled", "text/html"),
    ]:
        latin1 = f"<html><body><p>{LATIN1_TEXT}</p><p>{path}</p></body></html>".encode("latin-1")
        site.route(path, Route(body=latin1, content_type=content_type))
    site.route("/bomb.pdf", Route(body=one_page_pdf(flate_bomb(300), flate=True), content_type=PDF))
    text = b"BT /F1 12 Tf 72 700 Td (Ministers met in a tiny file claiming a billion pages.) Tj ET"
    site.route("/billion.pdf", Route(body=one_page_pdf(text, count=10**9), content_type=PDF))
    return site


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    """Crawl the hostile site, then extract and index it."""
    tmp = tmp_path_factory.mktemp("hostile")
    site = hostile_site(Site()).start()
    try:
        crawled = crawl(tmp / "corpus", seeds=[site.url("/")], delay=0, max_pages=40)
        built = build_index(tmp / "corpus", tmp / "index")
    finally:
        site.stop()
    engine = Engine(tmp / "index")
    yield site, crawled, built, engine
    engine.close()


def by_path(site: Site, mapping: dict) -> dict:
    return {url.removeprefix(site.url("")): v for url, v in mapping.items()}


def test_crawl_completes_within_its_page_budget(pipeline):
    site, crawled, _, _ = pipeline
    assert crawled.max_pages_reached  # 100,000 links, but only --max-pages requests
    assert len(site.paths()) <= 40 + 1  # robots.txt, then the pages
    assert crawled.failed == 0
    assert crawled.fetched >= 1 + len(PAGES) + 4


@pytest.mark.parametrize(
    "body",
    [one_page_pdf(flate_bomb(300), flate=True), PAGES["/one-word"].encode()],
    ids=["pdf-bomb", "5MB-of-one-word"],
)
def test_extraction_memory_stays_bounded(body):
    tracemalloc.start()
    try:
        with contextlib.suppress(ExtractionError):  # the bomb is refused: at what cost?
            extract_bytes(body, "http://127.0.0.1/hostile")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Generous: the page is 5 MB, and the bomb would inflate to 300 MB.
    assert peak < 150 * 1024 * 1024


def test_unusable_documents_are_recorded_with_a_reason(pipeline):
    site, _, built, _ = pipeline
    skipped = by_path(site, built.skipped)
    assert "PDF" in skipped["/bomb.pdf"]  # e.g. "broken PDF: no page could be read"
    assert "no usable text" in skipped["/scripts"]
    # The rest is indexed, except the deep nesting if the parser gave up on it (and said so).
    assert set(skipped) - {"/bomb.pdf", "/scripts"} <= {"/nested"}
    # home, pages, PDFs, Latin-1: works and their copies (the same text at two addresses)
    assert built.documents + built.copies == 1 + len(PAGES) + 2 + 2 - len(skipped)


def test_the_crawl_records_the_links_it_did_not_follow(pipeline):
    _, crawled, _, _ = pipeline
    assert crawled.links_capped == 100_000 - MAX_PAGE_LINKS


def test_huge_pages_are_indexed_but_capped(pipeline):
    _, _, _, engine = pipeline
    found = engine.search("cooperation", limit=5)
    assert found["total"] == 1
    doc = engine.document(found["results"][0]["id"])
    assert sum(len(p["text"]) for p in doc["paragraphs"]) <= MAX_TEXT_CHARS


def test_links_and_nesting_leave_the_text(pipeline):
    site, _, _, engine = pipeline
    found = engine.search('"access to finance"', limit=10)
    # the two pages hold the same text: one work, the other listed as its copy
    shown = [r["url"] for r in found["results"]]
    shown += [c["url"] for r in found["results"] for c in r["copies"]]
    assert {"/", "/links"} <= {url.removeprefix(site.url("")) for url in shown}
    assert engine.search('"page 99999"')["total"] == 0  # link text is not main text


def test_wrong_and_missing_charsets_still_give_the_text(pipeline):
    site, _, _, engine = pipeline
    found = engine.search('"economia digital"', limit=10)  # accents folded either way
    # both decode to one text: one work, the other page its copy
    shown = found["results"] + [c for r in found["results"] for c in r["copies"]]
    assert {r["url"].removeprefix(site.url("")) for r in shown} == {
        "/latin1-as-utf8",
        "/latin1-unlabelled",
    }


def test_a_pdf_claiming_a_billion_pages_gives_its_one_page(pipeline):
    site, _, _, engine = pipeline
    found = engine.search("billion pages")
    assert [r["url"].removeprefix(site.url("")) for r in found["results"]] == ["/billion.pdf"]
    assert found["results"][0]["page"] == 1


@pytest.mark.parametrize("value", ["¹", "²⁰", "٣", "1e3", "-5", "Fri, 31 Dec 99999 23:59:59 GMT"])
def test_a_hostile_retry_after_header_is_ignored_or_read(value):
    seconds = retry_after_seconds(value)  # never raises
    assert seconds is None or seconds >= 0
