"""`apec-search extract URL-or-file`: JSON on success, one clear line and non-zero on error."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from indexer.cli import cli
from tests import pages, pdfs

STATEMENT = pages.modern_cms_page(canonical=pages.STATEMENT_CANONICAL)
ROUTES = {
    "/statement": ("text/html; charset=utf-8", STATEMENT.encode()),
    "/plan.pdf": ("application/pdf", pdfs.plan_pdf(pages=2)),
    "/big": ("text/html", b"<p>" + b"x" * 300_000 + b"</p>"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/statement")
            self.end_headers()
            return
        if self.path not in ROUTES:
            self.send_error(404)
            return
        content_type, body = ROUTES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def run(*args: str):
    return CliRunner().invoke(cli, ["extract", *args])


def assert_clean_error(result, message: str) -> None:
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0]


def test_html_file(tmp_path):
    path = tmp_path / "statement.html"
    path.write_text(STATEMENT, encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["title"] == pages.STATEMENT_TITLE
    assert data["content_type"] == "html"
    assert (data["year"], data["meeting_number"], data["date"]) == (2013, 27, "2013-09-05")
    assert data["location"] == "Wellington, New Zealand"
    assert data["doc_type"] == "ministerial_statement"
    assert data["chair"] == "H.E. Aroha Tane"
    texts = [p["text"] for p in data["paragraphs"]]
    assert pages.STATEMENT_PARAGRAPHS[0] in texts
    assert {"id", "url", "canonical_url", "sha256", "paragraphs"} <= data.keys()


def test_pdf_file(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdfs.plan_pdf(pages=2))
    data = json.loads(run(str(path)).output)
    assert data["content_type"] == "pdf" and data["title"] == pdfs.PLAN_TITLE
    assert {p["page"] for p in data["paragraphs"]} == {1, 2}


def test_url_follows_redirects(site):
    result = run(f"{site}/old")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["url"] == f"{site}/old"
    assert data["final_url"] == f"{site}/statement"
    assert data["canonical_url"] == f"{site}/meeting-papers/2013_sme"


def test_pdf_url(site):
    data = json.loads(run(f"{site}/plan.pdf").output)
    assert data["content_type"] == "pdf"


def test_missing_file():
    assert_clean_error(run("/no/such/file.html"), "no such file: /no/such/file.html")


def test_broken_pdf_file(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\ngarbage\n%%EOF\n")
    assert_clean_error(run(str(path)), "broken PDF")


def test_unsupported_file(tmp_path):
    path = tmp_path / "logo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    assert_clean_error(run(str(path)), "unsupported content type: image/png")


def test_http_error(site):
    assert_clean_error(run(f"{site}/missing"), "HTTP 404")


def test_unreachable_host():
    assert_clean_error(run("http://127.0.0.1:9/x", "--timeout", "2"), "cannot connect")


def test_size_cap(site, tmp_path):
    assert_clean_error(run(f"{site}/big", "--max-bytes", "100000"), "larger than 100000 bytes")
    path = tmp_path / "big.html"
    path.write_bytes(ROUTES["/big"][1])
    assert_clean_error(run(str(path), "--max-bytes", "1000"), "larger than 1000 bytes")
