"""Hostile servers and odd input, served from a local site the tests write: each kind of
failure public bug reports describe for crawlers, extractors and search front ends."""

from __future__ import annotations

import io
import random
import re
import time
import xml.etree.ElementTree as ET
import zipfile

import pytest

from indexer import extract
from indexer.crawl.corpus import Corpus
from indexer.crawl.crawler import crawl
from indexer.errors import ExtractionError, UnsupportedContent
from indexer.extract import extract_bytes, extract_url, worker
from indexer.extract import pdf as pdf_extractor
from indexer.index.build import build_index
from indexer.search.engine import Engine
from tests import pdfs
from tests.site import PDF, Route, Site
from webapp import create_app

PARAGRAPHS = [
    "Ministers welcomed the plan to widen access to finance for small enterprises across"
    " the region, and agreed to review progress at their next meeting.",
    "Officials described the credit guarantee scheme for first-time borrowers and the"
    " training offered to the owners of micro-enterprises in rural areas.",
    "Delegates asked the working group to compare the cost of registering a business in"
    " each economy and to publish the results in plain language.",
]


def article(title: str, *paragraphs: str, links: tuple[str, ...] = ()) -> str:
    """A news page: a title, its paragraphs (PARAGRAPHS by default) and links below them."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs or PARAGRAPHS)
    body += "".join(f'<p><a href="{path}">Read more</a></p>' for path in links)
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"


def crawl_and_index(site: Site, tmp_path, **options):
    crawled = crawl(tmp_path / "corpus", seeds=[site.url("/")], delay=0, **options)
    built = build_index(tmp_path / "corpus", tmp_path / "index")
    return crawled, built


def dripping(path: str, *, head: bool = False) -> tuple[str, Route]:
    """A page sent one byte every 0.2 s (8 s for its 40 bytes; with ``head``, its status
    line and headers too): no socket read ever waits long enough to time out."""
    return path, Route(body=b"<html><body><p>slow</p></body></html>\n\n", drip=0.2, drip_head=head)


def test_a_slow_server_is_cut_at_the_deadline_and_the_crawl_goes_on(tmp_path):
    site = Site()
    site.page("/", article("News", links=("/drip-body", "/drip-head", "/fast")))
    site.route(*dripping("/drip-body"))
    site.route(*dripping("/drip-head", head=True))
    site.page("/fast", article("Fast page", *PARAGRAPHS[1:]))
    site.start()
    started = time.monotonic()
    try:
        summary = crawl(tmp_path / "corpus", seeds=[site.url("/")], delay=0, timeout=1)
    finally:
        site.stop()
    assert time.monotonic() - started < 60  # a hang guard only; each slow page costs 1 s
    reasons = {f.url.removeprefix(site.url("")): f.reason for f in summary.failures}
    assert reasons == {
        "/drip-body": "timed out: no complete answer within 1 s",
        "/drip-head": "timed out: no complete answer within 1 s",
    }
    assert summary.fetched == 2  # the home page and the fast one


@pytest.mark.parametrize("head", [False, True], ids=["body", "headers"])
def test_extract_url_timeout_bounds_the_whole_download(head):
    site = Site()
    site.route(*dripping("/slow", head=head))
    site.start()
    try:
        with pytest.raises(ExtractionError, match="no complete answer within 1 s"):
            extract_url(site.url("/slow"), timeout=1)
    finally:
        site.stop()


def zip_archive() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("minutes.txt", " ".join(PARAGRAPHS))
    return out.getvalue()


def noise(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


BINARY_BODIES = {
    "/logo": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise(3000, 1), "a PNG image"),
    "/minutes": (zip_archive(), "a ZIP archive (or an Office file)"),
    "/photo": (b"\xff\xd8\xff\xe0\x00\x10JFIF" + noise(3000, 2), "a JPEG image"),
    "/blob": (noise(5000, 3), "NUL bytes"),  # no magic number, but binary throughout
    "/controls": (bytes(range(1, 32)) * 20 + b"<p>" * 50, "control bytes"),
}
TEXT_BODIES = {  # not binary: text in legacy encodings, full of bytes above 127
    "/latin1": ("<p>Economía y pequeñas empresas: " + PARAGRAPHS[0] + "</p>", "latin-1"),
    "/sjis": ("<p>中小企業の金融支援について、大臣は合意した。</p>" * 20, "shift_jis"),
}


def test_binary_bodies_labelled_html_are_skipped_with_their_reason(tmp_path):
    site = Site()
    site.page("/", article("Files", links=(*BINARY_BODIES, *TEXT_BODIES)))
    for path, (body, _) in BINARY_BODIES.items():
        site.route(path, Route(body=body, content_type="text/html"))
    for path, (text, encoding) in TEXT_BODIES.items():
        html = f"<html><head><title>{path}</title></head><body>{text}</body></html>"
        site.route(path, Route(body=html.encode(encoding), content_type="text/html"))
    site.start()
    try:
        crawled, built = crawl_and_index(site, tmp_path)
    finally:
        site.stop()
    manifest = {
        url.removeprefix(site.url("")): r
        for url, r in Corpus(tmp_path / "corpus").records().items()
    }
    for path, (_, reason) in BINARY_BODIES.items():
        assert manifest[path].sha256 is None, path  # never stored
        assert reason in manifest[path].error and "text/html" in manifest[path].error, path
    assert crawled.skipped_type == len(BINARY_BODIES)
    assert all(manifest[path].sha256 for path in TEXT_BODIES)
    assert built.documents == 1 + len(TEXT_BODIES) and not built.skipped
    # A binary body already in a corpus (or a file given to `extract`) is refused too.
    for path, (body, reason) in BINARY_BODIES.items():
        with pytest.raises(UnsupportedContent, match=re.escape(reason)):
            extract_bytes(body, site.url(path), "text/html; charset=utf-8")


def test_control_characters_leave_the_atom_feed_well_formed(tmp_path):
    site = Site()
    site.page("/", article("Finance news", links=("/control",)))
    site.page(
        "/control",
        article(
            "Finance \x10for small firms",
            "Banks lent more \x01to small firms in the region\x1f this year, officials said.",
            "The central bank will publish its survey of lending to exporters in the spring.",
        ),
    )
    site.start()
    try:
        crawl_and_index(site, tmp_path)
    finally:
        site.stop()
    client = create_app({"INDEX_DIR": tmp_path / "index", "TESTING": True}).test_client()
    for q in ("finance", "finance\x01", "banks lent\x10"):
        response = client.get("/search.atom", query_string={"q": q})
        assert response.status_code == 200
        feed = ET.fromstring(response.data)  # raises on a character XML does not allow
        titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
        assert any(t and "Finance for small firms" in t for t in titles), titles
        assert not any(ch in response.get_data(as_text=True) for ch in "\x01\x10\x1f")
    page = client.get("/search", query_string={"q": "lent\x01"}).get_data(as_text=True)
    assert "\x01" not in page and "to small firms in the region this year" in page


def test_a_hostile_site_is_crawled_and_indexed_within_its_bound(tmp_path):
    """The crawl and index of a site holding a CPU-bomb PDF (one form drawn 5,000 times:
    about 700 s of pypdf parsing unbounded), slow pages (a silent one, one dripping its body
    and one dripping its headers) and binary bodies labelled HTML, beside ordinary pages.

    The bound: each slow page costs at most ``--timeout`` (here 2 s; not retried), each
    binary body its first 64 kB, and each PDF at most the extraction budget
    (indexer.extract.worker.MAX_SECONDS, 120 s; the drawing-code cap makes this bomb cost
    well under a second): 3 x 2 s + 120 s in the worst case, a few seconds in practice.
    Every ordinary page is indexed and searchable."""
    ordinary = {
        "/news": article("Finance news", PARAGRAPHS[0]),
        "/training": article("Training news", PARAGRAPHS[1]),
        "/registry": article("Registry news", PARAGRAPHS[2]),
    }
    site = Site()
    links = (*ordinary, "/plan.pdf", "/bomb.pdf", "/silent", "/drip-body", "/drip-head")
    home = "The latest stories and papers from the working group on small business."
    site.page("/", article("Small business news", home, links=(*links, *BINARY_BODIES)))
    for path, html in ordinary.items():
        site.page(path, html)
    site.route("/plan.pdf", Route(body=pdfs.plan_pdf(3), content_type=PDF))
    bomb = pdfs.form_bomb_pdf(5000, "Ordinary text after the costly page.")
    site.route("/bomb.pdf", Route(body=bomb, content_type=PDF))
    site.page("/silent", "<p>late</p>", delay=30)
    site.route(*dripping("/drip-body"))
    site.route(*dripping("/drip-head", head=True))
    for path, (body, _) in BINARY_BODIES.items():
        site.route(path, Route(body=body, content_type="text/html"))
    site.start()
    started = time.monotonic()
    try:
        crawled, built = crawl_and_index(site, tmp_path, timeout=2)
    finally:
        site.stop()
    assert time.monotonic() - started < 240  # a hang guard only, far above the bound
    failed = {f.url.removeprefix(site.url("")): f.reason for f in crawled.failures}
    assert set(failed) == {"/silent", "/drip-body", "/drip-head"}
    assert all(reason.startswith("timed out") for reason in failed.values())
    assert crawled.skipped_type == len(BINARY_BODIES)
    assert not built.skipped and built.documents + built.hubs == 1 + len(ordinary) + 2
    engine = Engine(tmp_path / "index")
    try:
        for path, words in [
            ("/news", '"widen access"'),
            ("/training", '"first-time borrowers"'),
            ("/registry", '"plain language"'),
            ("/plan.pdf", '"midpoint"'),
            ("/bomb.pdf", '"costly page"'),
        ]:
            found = {r["url"].removeprefix(site.url("")) for r in engine.search(words)["results"]}
            assert path in found, (path, found)
    finally:
        engine.close()


STORY_A = [
    "Ministers asked for a single window for traders in every economy by the next meeting,"
    " and for a report on how far each economy had gone by then.",
]
STORY_B = [
    "The working group published its survey of export costs for the smallest firms, with"
    " figures for each economy and the steps that cost them most.",
    "It found that the time spent on customs forms fell by a third where forms went online.",
]


def with_canonical(html: str, canonical: str) -> str:
    return html.replace("</head>", f'<link rel="canonical" href="{canonical}"></head>')


def test_a_canonical_link_is_trusted_only_when_the_text_agrees(tmp_path):
    """/about names the home page as its canonical, /story-a names /story-b: their texts
    differ, so each stays a document at its own address; /copy names /story-b and holds its
    text, so it is the same document as /story-b, and /mirror serves /story-b's very bytes."""
    site = Site()
    links = ("/about", "/story-a", "/mirror", "/copy")
    site.page("/", article("Home", PARAGRAPHS[0], links=links))
    site.page("/about", with_canonical(article("About the group", *PARAGRAPHS[1:]), "/"))
    story_a = article("Ministers on trade", *STORY_A, links=("/story-b",))
    site.page("/story-a", with_canonical(story_a, "/story-b"))
    story_b = with_canonical(article("Survey of export costs", *STORY_B), "/story-b")
    site.page("/story-b", story_b)
    site.page("/mirror", story_b)
    site.page("/copy", story_b.replace("<body>", "<body><!-- copied -->"))
    site.start()
    try:
        _, built = crawl_and_index(site, tmp_path)
    finally:
        site.stop()
    assert "/story-b" in site.paths()  # a page named as a canonical is still fetched
    engine = Engine(tmp_path / "index")
    try:

        def cited(words: str) -> list[str]:
            results = engine.search(words)["results"]
            return [r["url"].removeprefix(site.url("")) for r in results]

        assert cited('"first-time borrowers"') == ["/about"]  # was dropped as "same as /"
        assert cited('"single window"') == ["/story-a"]  # was cited under /story-b
        assert cited('"customs forms"') == ["/story-b"]  # one document; /copy is the same
    finally:
        engine.close()
    assert list(built.skipped.values()) == [f"same document as {site.url('/story-b')}"]


def test_a_document_over_its_time_budget_is_not_tried_again(tmp_path, monkeypatch):
    """A PDF whose extraction overran the budget (caps lifted, so the worker's budget is
    what stops it) is skipped with its reason, the rest indexed; the next build does not
    spend the budget on it again, and the same reason is reported."""
    monkeypatch.setattr(pdf_extractor, "MAX_PAGE_CONTENT_BYTES", 10**12)
    monkeypatch.setattr(pdf_extractor, "MAX_PDF_CONTENT_BYTES", 10**12)
    monkeypatch.setattr(worker, "MAX_SECONDS", 1.0)
    site = Site()
    site.page("/", article("Papers", PARAGRAPHS[0], links=("/news", "/bomb.pdf")))
    site.page("/news", article("Training news", PARAGRAPHS[1]))
    bomb = pdfs.form_bomb_pdf(5000, "Ordinary text after the costly page.")
    site.route("/bomb.pdf", Route(body=bomb, content_type=PDF))
    site.start()
    try:
        crawled, built = crawl_and_index(site, tmp_path)
    finally:
        site.stop()
    reason = "PDF extraction took longer than 1 s; skipped"
    assert built.skipped == {site.url("/bomb.pdf"): reason}
    assert crawled.fetched == 3

    def never(body: bytes):
        raise AssertionError("the over-budget PDF was extracted again")

    monkeypatch.setattr(extract, "extract_pdf", never)
    again = build_index(tmp_path / "corpus", tmp_path / "index", recreate=True)
    assert again.skipped == {site.url("/bomb.pdf"): reason}
    assert again.documents + again.hubs == 2
