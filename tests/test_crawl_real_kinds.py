"""Crawl behaviours that real sites broke: a BOM before robots.txt, meta-refresh stubs,
tracking parameters, an hour-long Crawl-delay, and AES-encrypted PDFs."""

from __future__ import annotations

import io
import time

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from indexer.crawl import robots
from indexer.crawl.corpus import Corpus
from indexer.crawl.crawler import crawl
from indexer.extract import extract_bytes, extract_corpus
from tests.site import Route, Site


def fast(site: Site, corpus_dir, **options):
    return crawl(corpus_dir, seeds=[site.url("/")], delay=0, backoff=0.01, **options)


def test_robots_txt_with_a_byte_order_mark_is_obeyed(site, tmp_path):
    body = b"\xef\xbb\xbfUser-agent: *\nDisallow: /private/\n"
    site.route("/robots.txt", Route(body=body, content_type="text/plain"))  # no charset
    site.page("/", '<a href="/private/minutes">m</a><a href="/open">o</a>')
    site.page("/private/minutes", "<p>internal</p>")
    site.page("/open", "<p>open</p>")
    summary = fast(site, tmp_path)
    assert "/private/minutes" not in site.paths()
    assert "/open" in site.paths()
    assert summary.skipped_robots == 1


def test_meta_refresh_stub_is_followed_and_not_stored_as_a_page(site, tmp_path):
    site.page("/", '<a href="/old-statement">2031 statement</a>')
    site.page(
        "/old-statement",
        '<html><head><meta http-equiv="refresh" content="0; URL=\'/sme/2031-statement\'">'
        "</head><body><p>This page has moved.</p></body></html>",
    )
    site.page("/sme/2031-statement", "<h1>2031 Statement</h1><p>1. We, the Ministers, met.</p>")
    summary = fast(site, tmp_path)
    assert "/sme/2031-statement" in site.paths()
    stored = Corpus(tmp_path).records()
    stub = stored[site.url("/old-statement")]
    assert stub.sha256 is None and stub.refresh == site.url("/sme/2031-statement")
    assert stored[site.url("/sme/2031-statement")].sha256
    assert summary.refreshed == 1
    extracted = extract_corpus(Corpus(tmp_path)).extracted
    assert site.url("/sme/2031-statement") in extracted
    assert site.url("/old-statement") not in extracted


def test_meta_refresh_out_of_scope_is_not_followed(site, other_site, tmp_path):
    site.page(
        "/",
        f'<meta http-equiv="refresh" content="0;url={other_site.url("/x")}">'
        "<p>Welcome to the SME portal.</p>",
    )
    fast(site, tmp_path)
    assert other_site.log == []
    assert Corpus(tmp_path).records()[site.url("/")].sha256


def test_tracking_parameters_are_dropped_and_the_page_fetched_once(site, tmp_path):
    site.page(
        "/",
        '<a href="/news/ministers-meet?utm_source=newsletter&amp;utm_medium=email">a</a>'
        '<a href="/news/ministers-meet?fbclid=XYZ">b</a>'
        '<a href="/news/ministers-meet">c</a>'
        '<a href="/news/list?page=2&amp;gclid=1">d</a>',
    )
    site.page("/news/ministers-meet", "<p>Ministers met.</p>")
    site.page("/news/list", "<p>News</p>")
    fast(site, tmp_path)
    assert site.paths().count("/news/ministers-meet") == 1
    assert "/news/list?page=2" in site.paths()
    urls = set(Corpus(tmp_path).records())
    assert site.url("/news/ministers-meet") in urls
    assert not [u for u in urls if "utm_" in u or "clid" in u]


def test_an_hour_long_crawl_delay_is_capped_said_and_other_hosts_go_on(
    site, other_site, tmp_path, monkeypatch
):
    # the cap, shortened for the test (long enough for the other host's three fetches)
    monkeypatch.setattr(robots, "MAX_CRAWL_DELAY", 2.0)
    site.page("/robots.txt", "User-agent: *\nCrawl-delay: 3600\n", content_type="text/plain")
    site.page("/", '<a href="/a1">a1</a>')
    site.page("/a1", "<p>a1</p>")
    other_site.page("/", '<a href="/b1">b1</a><a href="/b2">b2</a>')
    other_site.page("/b1", "<p>b1</p>")
    other_site.page("/b2", "<p>b2</p>")
    started = time.monotonic()
    summary = crawl(tmp_path, seeds=[site.url("/"), other_site.url("/")], delay=0)
    assert time.monotonic() - started < 30  # not an hour: the cap held
    assert [p for p in site.paths() if p != "/robots.txt"] == ["/", "/a1"]
    slow_second = next(r.at for r in site.log if r.path == "/a1")
    assert all(r.at < slow_second for r in other_site.log)  # the other host did not wait
    assert any("Crawl-delay of 3600 s" in note and "capped" in note for note in summary.notes)
    assert "note: " in summary.text()


def _aes_pdf(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, text)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(bytes(pdf.output()))))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_aes_encrypted_pdf_with_an_empty_password_is_read():
    text = "Members will report each year on the actions they have taken for small firms."
    body = _aes_pdf(text)
    assert PdfReader(io.BytesIO(body)).is_encrypted
    doc = extract_bytes(body, "https://www.apec.org/docs/plan.pdf", "application/pdf")
    assert text in " ".join(p.text for p in doc.paragraphs)
