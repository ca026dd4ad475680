"""`apec-search crawl` against local fixture sites: one test per behaviour of the issue."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.cli import cli
from indexer.crawl.corpus import Corpus
from indexer.crawl.crawler import STATE_FILE, TRAP_BUDGET, CrawlError, crawl
from indexer.crawl.fetch import USER_AGENT
from indexer.crawl.sources import SourceDocument, Sources
from indexer.crawl.urls import ScopeRule
from tests.pages import modern_cms_page
from tests.site import Route, Site
from tests.sme_site import (
    BIG_SIZE,
    BUSY,
    CALENDAR,
    LISTING,
    MODERN,
    PLAN_PDF,
    PRIVATE,
    REDIRECT_FROM,
    REDIRECT_TO,
    SERVER_ERROR,
    TABLE,
)

ROOT = Path(__file__).resolve().parent.parent


def run(site: Site, corpus_dir: Path, **options):
    """A fast crawl of ``site`` from its home page."""
    options = {"delay": 0, "backoff": 0.01} | options
    return crawl(corpus_dir, seeds=[site.url("/")], **options)


def records(corpus_dir: Path) -> dict:
    return Corpus(corpus_dir).records()


def test_the_whole_fixture_site_is_crawled(sme_site, tmp_path):
    summary = run(sme_site, tmp_path)
    stored = {url for url, r in records(tmp_path).items() if r.sha256}
    for path in (LISTING, f"{LISTING}?page=2", MODERN, TABLE, REDIRECT_FROM, BUSY, PLAN_PDF):
        assert sme_site.url(path) in stored
    assert summary.new == len(stored) and summary.fetched == len(stored)
    assert all(r.headers["User-Agent"] == USER_AGENT for r in sme_site.log)
    assert "apec-search" in USER_AGENT and "https://" in USER_AGENT


def test_robots_disallowed_pages_are_never_requested(sme_site, tmp_path):
    summary = run(sme_site, tmp_path)
    assert sme_site.paths()[0] == "/robots.txt"
    assert not [p for p in sme_site.paths() if p.startswith("/private/")]
    assert sme_site.url(PRIVATE) not in records(tmp_path)
    assert summary.skipped_robots == 1


def test_no_request_leaves_the_seed_host(sme_site, other_site, tmp_path):
    summary = run(sme_site, tmp_path)
    assert other_site.log == []
    assert all(url.startswith(sme_site.url("/")) for url in records(tmp_path))
    # www.example.org, the other loopback port and 10.20.30.40
    assert summary.out_of_scope == 3


def test_private_address_in_scope_but_not_a_seed_is_refused(site, other_site, tmp_path):
    site.page("/", f'<a href="{other_site.url("/admin")}">admin</a> <a href="/ok">ok</a>')
    site.page("/ok", "<p>fine</p>")
    sources = Sources(
        seeds=[site.url("/")], scope=[ScopeRule(site.host), ScopeRule(other_site.host)]
    )
    summary = crawl(tmp_path, sources=sources, delay=0)
    assert other_site.log == []
    assert summary.out_of_scope == 1
    assert site.url("/ok") in records(tmp_path)


def test_redirect_is_followed_and_final_url_recorded(sme_site, tmp_path):
    run(sme_site, tmp_path)
    record = records(tmp_path)[sme_site.url(REDIRECT_FROM)]
    assert record.status == 200 and record.sha256
    assert record.final_url == sme_site.url(REDIRECT_TO)
    assert len(sme_site.requests_for(REDIRECT_TO)) == 1  # not fetched again on its own


def test_redirect_out_of_scope_is_not_followed(site, other_site, tmp_path):
    site.redirect("/", other_site.url("/admin"))
    summary = run(site, tmp_path)
    assert other_site.log == []
    assert summary.out_of_scope == 1
    assert "out of scope" in records(tmp_path)[site.url("/")].error


def test_only_html_and_pdf_bodies_are_read(site, tmp_path):
    site.page("/", '<a href="/photo">p</a><a href="/blob">b</a><a href="/plan.pdf">pdf</a>')
    site.route("/photo", Route(body=b"\xff\xd8" * 1000, content_type="image/jpeg"))
    binary = "application/octet-stream"  # a PDF only when its name says so
    site.route("/blob", Route(body=b"\x00\x01" * 100, content_type=binary))
    site.route("/plan.pdf", Route(body=b"%PDF-1.4 ...", content_type=binary))
    summary = run(site, tmp_path)
    assert summary.skipped_type == 2
    assert records(tmp_path)[site.url("/photo")].sha256 is None
    assert records(tmp_path)[site.url("/blob")].sha256 is None
    assert records(tmp_path)[site.url("/plan.pdf")].sha256


def test_nofollow_pages_and_links_are_not_followed(site, tmp_path):
    site.page("/", '<a href="/a" rel="nofollow">a</a><a href="/b">b</a>')
    site.page("/b", '<meta name="robots" content="noindex, nofollow"><a href="/c">c</a>')
    run(site, tmp_path)
    assert sorted(site.paths()) == ["/", "/b", "/robots.txt"]


def test_canonical_url_is_recorded(sme_site, tmp_path):
    run(sme_site, tmp_path)
    assert records(tmp_path)[sme_site.url(MODERN)].canonical_url == sme_site.url(MODERN)
    assert records(tmp_path)[sme_site.url(TABLE)].canonical_url is None


def test_429_is_retried_after_retry_after(site, tmp_path):
    site.page("/", "<p>busy</p>", failures=[(429, {"Retry-After": "1"})])
    summary = run(site, tmp_path)
    first, second = site.requests_for("/")
    assert (first.status, second.status) == (429, 200)
    assert second.at - first.at >= 0.95
    assert summary.fetched == 1 and summary.failed == 0


def test_retry_after_beyond_the_cap_gives_up(site, tmp_path):
    site.page("/", "<p>busy</p>", failures=[(429, {"Retry-After": "3600"})])
    summary = run(site, tmp_path, max_retry_wait=5)
    assert len(site.requests_for("/")) == 1
    assert summary.failed == 1 and "exceeds the 5 s cap" in summary.failures[0].reason


def test_server_errors_are_retried_a_bounded_number_of_times(sme_site, tmp_path):
    sme_site.page("/flaky", "<p>up again</p>", failures=[(503, {}), (500, {})])
    sme_site.page("/", '<a href="/meeting-papers/sme/2001_sme">x</a><a href="/flaky">y</a>')
    summary = run(sme_site, tmp_path, retries=3)
    assert len(sme_site.requests_for(SERVER_ERROR)) == 4
    assert [f.url for f in summary.failures] == [sme_site.url(SERVER_ERROR)]
    assert "HTTP 500" in summary.failures[0].reason
    assert [r.status for r in sme_site.requests_for("/flaky")] == [503, 500, 200]
    assert records(tmp_path)[sme_site.url("/flaky")].sha256


def test_endless_calendar_costs_at_most_20_requests(sme_site, tmp_path):
    summary = run(sme_site, tmp_path, max_pages=500, max_depth=1000)
    calendar = [p for p in sme_site.paths() if p.startswith(CALENDAR)]
    assert TRAP_BUDGET - 2 <= len(calendar) <= TRAP_BUDGET
    assert summary.trap == 1
    assert sme_site.url(MODERN) in records(tmp_path)


def test_statements_enumerated_by_year_are_not_a_trap(site, tmp_path):
    links = "".join(f'<a href="/sme/{year}_sme">{year}</a>' for year in range(1994, 2027))
    site.page("/", links)
    for year in range(1994, 2027):  # each also links to the next year's, already queued
        site.page(f"/sme/{year}_sme", f'<p>{year}</p><a href="/sme/{min(year + 1, 2026)}_sme">')
    summary = run(site, tmp_path)
    assert summary.trap == 0 and summary.fetched == 1 + 2027 - 1994


@pytest.mark.parametrize("send_length", [True, False], ids=["content-length", "streamed"])
def test_body_over_max_bytes_is_cut_off_and_skipped(site, tmp_path, send_length):
    site.page("/", '<a href="/big.pdf">big</a>')
    site.route(
        "/big.pdf", Route(size=BIG_SIZE, content_type="application/pdf", send_length=send_length)
    )
    summary = run(site, tmp_path, max_bytes=1024 * 1024)
    record = records(tmp_path)[site.url("/big.pdf")]
    assert record.sha256 is None and "max-bytes" in record.error
    assert summary.too_large == 1
    stored = [p for p in (tmp_path / "objects").rglob("*") if p.is_file()]
    assert len(stored) == 1  # the home page only: no partial or temporary file
    assert all(p.stat().st_size <= 1024 * 1024 for p in stored)


def test_second_crawl_downloads_no_unchanged_body(sme_site, tmp_path):
    first = run(sme_site, tmp_path)
    sme_site.clear_log()
    second = run(sme_site, tmp_path)
    modern, table = sme_site.requests_for(MODERN)[0], sme_site.requests_for(TABLE)[0]
    assert modern.headers["If-None-Match"] == records(tmp_path)[sme_site.url(MODERN)].etag
    assert "If-Modified-Since" in table.headers
    assert modern.status == table.status == 304
    validated = [
        r for r in sme_site.log if "If-None-Match" in r.headers or "If-Modified-Since" in r.headers
    ]
    assert validated and all(r.status in (301, 304) for r in validated)  # 301: redirect hop
    record = records(tmp_path)[sme_site.url(MODERN)]
    assert record.status == 304 and record.sha256
    assert sme_site.url(MODERN) in {r.url for r in Corpus(tmp_path).current_records()}
    assert second.new == second.changed == 0
    assert second.unchanged == first.fetched


def test_changed_page_is_downloaded_again(sme_site, tmp_path):
    run(sme_site, tmp_path)
    old = records(tmp_path)[sme_site.url(MODERN)].sha256
    sme_site.page(MODERN, modern_cms_page("2019 statement, corrected"), etag='"v2"')
    summary = run(sme_site, tmp_path)
    assert summary.changed == 1
    assert records(tmp_path)[sme_site.url(MODERN)].sha256 != old


def test_a_passing_server_error_keeps_the_stored_copy(sme_site, tmp_path):
    run(sme_site, tmp_path)
    stored = records(tmp_path)[sme_site.url(MODERN)].sha256
    sme_site.route(MODERN, Route(status=503))
    run(sme_site, tmp_path, retries=0)
    current = {r.url: r.sha256 for r in Corpus(tmp_path).current_records()}
    assert current[sme_site.url(MODERN)] == stored


def test_source_documents_are_fetched_with_hints_and_spelling_fallback(site, tmp_path):
    site.page("/", "<p>no links here</p>")
    site.page("/sme/2010_sme.aspx", "<p>2010 statement</p>")
    hints = {"year": 2010, "doc_type": "ministerial_statement"}
    sources = Sources(
        seeds=[site.url("/")],
        scope=[ScopeRule(site.host, "/sme")],
        documents=[
            SourceDocument((site.url("/sme/2010_sme"), site.url("/sme/2010_sme.aspx")), hints),
            SourceDocument((site.url("/sme/2011_sme"), site.url("/sme/2011_sme.aspx")), hints),
        ],
    )
    summary = crawl(tmp_path, sources=sources, delay=0)
    record = records(tmp_path)[site.url("/sme/2010_sme.aspx")]
    assert record.sha256 and record.hints == hints
    assert summary.failed == 0 and summary.not_found == 3  # 2010_sme, both 2011 spellings


def test_alias_hosts_aspx_and_case_are_one_document(site, tmp_path):
    alias = f"localhost:{site.port}"
    site.page(
        "/",
        "".join(
            f'<a href="{href}">x</a>'
            for href in (
                "/reports/annual",
                "/Reports/Annual.aspx",
                "/REPORTS/annual/#part-2",
                f"http://{alias}/reports/ANNUAL",
            )
        )
        + f'<a href="http://{alias}/reports/other">y</a>',
    )
    site.page("/reports/annual", "<p>annual report</p>")
    site.page("/reports/other", "<p>other report</p>")
    sources = Sources(
        seeds=[site.url("/")],
        scope=[ScopeRule(site.host)],
        aliases={alias: f"http://{site.host}"},
    )
    crawl(tmp_path, sources=sources, delay=0)
    assert sorted(site.paths()) == ["/", "/reports/annual", "/reports/other", "/robots.txt"]


@pytest.mark.parametrize(
    ("delay", "robots", "gap"),
    [
        (0.2, "User-agent: *\nDisallow:\n", 0.2),
        (0, "User-agent: apec-search\nCrawl-delay: 0.3\n", 0.3),
    ],
    ids=["--delay", "crawl-delay"],
)
def test_delay_between_requests_is_honoured(site, tmp_path, delay, robots, gap):
    site.page("/robots.txt", robots, content_type="text/plain")
    site.page("/", '<a href="/a">a</a><a href="/b">b</a>')
    site.page("/a", "<p>a</p>")
    site.page("/b", "<p>b</p>")
    crawl(tmp_path, seeds=[site.url("/")], delay=delay)
    times = [r.at for r in site.log]
    assert len(times) == 4
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= gap - 0.05


def test_max_pages_and_depth_bound_the_crawl(sme_site, tmp_path):
    summary = run(sme_site, tmp_path, max_pages=3)
    assert summary.max_pages_reached
    assert len([p for p in sme_site.paths() if p != "/robots.txt"]) == 3
    sme_site.clear_log()
    run(sme_site, tmp_path / "shallow", max_depth=0)
    assert [p for p in sme_site.paths() if p != "/robots.txt"] == ["/"]


def test_timeout_is_a_failure_and_the_crawl_goes_on(site, tmp_path):
    site.page("/", '<a href="/slow">slow</a><a href="/fast">fast</a>')
    site.page("/slow", "<p>slow</p>", delay=1.5)
    site.page("/fast", "<p>fast</p>")
    summary = run(site, tmp_path, timeout=0.3)
    # the socket's timeout or the request's deadline, whichever fires first
    assert [f.reason[:9] for f in summary.failures] == ["timed out"]
    assert records(tmp_path)[site.url("/fast")].sha256


def test_unreachable_host_says_so_exits_non_zero_and_leaves_corpus_untouched(tmp_path):
    corpus = Corpus(tmp_path / "corpus")
    sha, size = corpus.write_object([b"<p>kept</p>"])
    corpus.append_record(corpus_record := _record(sha, size))
    before = _snapshot(corpus.root)
    dead = f"http://127.0.0.1:{_free_port()}/"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "indexer.cli",
            "crawl",
            "--seed",
            dead,
            "--corpus",
            str(corpus.root),
            "--delay",
            "0",
        ],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach" in lines[0] and "Traceback" not in result.stderr
    assert _snapshot(corpus.root) == before
    assert corpus.records() == {corpus_record.url: corpus_record}
    with pytest.raises(CrawlError):
        crawl(tmp_path / "fresh", seeds=[dead], delay=0, backoff=0.01)
    assert not (tmp_path / "fresh").exists()


def test_killed_crawl_resumes_without_fetching_again(site, tmp_path):
    pages = [f"/papers/{n}" for n in range(30)]
    site.page("/", "".join(f'<a href="{p}">{p}</a>' for p in pages))
    for n, path in enumerate(pages):
        # the last twenty answer only after the kill: the crawl cannot finish first, however
        # slowly this machine runs the watcher below
        site.page(path, f"<p>paper {path}</p>", delay=0.1 if n < 10 else 30)
    corpus_dir = tmp_path / "corpus"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "indexer.cli",
            "crawl",
            "--seed",
            site.url("/"),
            "--corpus",
            str(corpus_dir),
            "--delay",
            "0",
        ],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_records(corpus_dir, 8, process)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert (corpus_dir / STATE_FILE).exists()
    stored = {url for url, r in records(corpus_dir).items() if r.sha256}
    assert 8 <= len(stored) <= 11  # the root and the ten that answer before the kill
    for path in pages:
        site.routes[path].delay = 0
    site.clear_log()
    summary = crawl(corpus_dir, seeds=[site.url("/")], delay=0)
    requested = {site.url(p) for p in site.paths()}
    assert not stored & requested
    assert summary.resumed >= len(stored)
    final = records(corpus_dir)
    assert {site.url(p) for p in pages} <= {u for u, r in final.items() if r.sha256}
    manifest_lines = (corpus_dir / "manifest.jsonl").read_text().splitlines()
    assert len(manifest_lines) == len(final)  # compacted
    assert not (corpus_dir / STATE_FILE).exists()


def test_cli_prints_a_summary_and_json(sme_site, tmp_path):
    args = [
        "crawl",
        "--seed",
        sme_site.url("/"),
        "--corpus",
        str(tmp_path),
        "--delay",
        "0",
        "--max-pages",
        "5",
    ]
    text = CliRunner().invoke(cli, args)
    assert text.exit_code == 0, text.output
    assert "fetched" in text.output and "skipped by robots.txt" in text.output
    result = CliRunner().invoke(cli, [*args, "--json"])
    data = json.loads(result.output)
    for key in (
        "fetched",
        "unchanged",
        "new",
        "skipped_robots",
        "out_of_scope",
        "too_large",
        "failed",
        "failures",
    ):
        assert key in data
    assert data["unchanged"] >= 1


# -- helpers ---------------------------------------------------------------------------
def _env() -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(ROOT)}


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _record(sha: str, size: int):
    from indexer.crawl.corpus import ManifestRecord

    return ManifestRecord(
        url="http://example.org/kept",
        status=200,
        sha256=sha,
        size=size,
        fetched_at="2026-01-01T00:00:00+00:00",
    )


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _wait_for_records(corpus_dir: Path, count: int, process: subprocess.Popen) -> None:
    manifest = corpus_dir / "manifest.jsonl"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        if manifest.exists() and len(manifest.read_text().splitlines()) >= count:
            return
        time.sleep(0.02)
    raise AssertionError("the crawl did not store pages in time")


def test_a_manifest_line_torn_by_a_kill_does_not_swallow_the_next_record(tmp_path):
    corpus = Corpus(tmp_path)
    corpus.append_record(_record("a" * 64, 1))
    with open(corpus.manifest_path, "a", encoding="utf-8") as fh:
        fh.write('{"url": "http://example.org/torn", "sta')
    later = _record("b" * 64, 2)
    later.url = "http://example.org/later"
    corpus.append_record(later)
    assert set(corpus.records()) == {"http://example.org/kept", "http://example.org/later"}


def test_robots_txt_server_error_refuses_the_host_with_a_reason(site, tmp_path):
    site.route("/robots.txt", Route(status=503))
    site.page("/", "<p>home</p>")
    summary = run(site, tmp_path, retries=1)
    assert "/" not in site.paths()
    assert [f.reason for f in summary.failures] == ["robots.txt answered HTTP 503"]


def test_default_sources_come_from_the_corpus_sources_toml(site, tmp_path):
    site.page("/sme", '<a href="/sme/2019_sme">2019</a>')
    site.page("/sme/2018_sme.aspx", "<p>2018, old spelling only</p>")
    site.page("/sme/2019_sme", "<p>2019</p>")
    (tmp_path / "sources.toml").write_text(f"""
seeds = ["{site.url("/sme")}"]
[[scope]]
host = "{site.host}"
prefixes = ["/sme"]
[[yearly]]
first = 2017
last = 2019
urls = ["{site.url("/sme/{year}_sme")}", "{site.url("/sme/{year}_sme.aspx")}"]
doc_type = "ministerial_statement"
""")
    result = CliRunner().invoke(cli, ["crawl", "--corpus", str(tmp_path), "--delay", "0", "--json"])
    summary = json.loads(result.output)
    assert summary["failed"] == 0 and summary["not_found"] == 3  # 2017 twice, 2018_sme
    stored = {u: r for u, r in records(tmp_path).items() if r.sha256}
    assert stored[site.url("/sme/2018_sme.aspx")].hints == {
        "doc_type": "ministerial_statement",
        "year": 2018,
    }
    assert stored[site.url("/sme/2019_sme")].hints["year"] == 2019
    assert len(site.requests_for("/sme/2019_sme")) == 1
