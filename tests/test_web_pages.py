"""Home, help, OpenSearch, error pages and security headers of the web app."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from indexer.index.build import build_index
from indexer.search.engine import PARTIAL_BELOW, TYPE_PREFERENCE
from tests.helpers import make_corpus
from tests.web_fixtures import app, client, web_docs, web_index  # noqa: F401
from webapp import create_app

OPENSEARCH_NS = "{http://a9.com/-/spec/opensearch/1.1/}"
PAGES = ["/", "/help", "/search", "/search?q=digitalisation", "/nowhere"]


def test_home_shows_what_is_in_the_index(client):  # noqa: F811
    html = client.get("/").get_data(as_text=True)
    assert "<dt>Documents</dt><dd>7</dd>" in html
    assert "2015–2021" in html
    assert "2 March 2026" in html  # the last crawl
    assert 'href="/search?q=access+to+finance"' in html  # an example search
    assert 'href="/search?type=strategic_plan"' in html


def test_home_offers_search_and_ask(client):  # noqa: F811
    html = client.get("/").get_data(as_text=True)
    assert '<form class="search-form" role="search" action="/search"' in html
    assert re.search(r'<button type="submit"[^>]*formaction="/ask"[^>]*>Ask</button>', html)
    assert '<button type="submit">Search</button>' in html


def test_without_an_index_the_home_page_says_how_to_build_one(tmp_path):
    fresh = create_app({"INDEX_DIR": tmp_path / "index", "TESTING": True}).test_client()
    response = fresh.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "There is no index yet" in html
    assert "apec-search crawl" in html and "apec-search index" in html


def test_without_an_index_search_is_a_503_that_says_how_to_build_one(tmp_path):
    fresh = create_app({"INDEX_DIR": tmp_path / "index", "TESTING": True}).test_client()
    page = fresh.get("/search?q=finance")
    assert page.status_code == 503
    assert "apec-search index" in page.get_data(as_text=True)
    api = fresh.get("/api/search?q=finance")
    assert api.status_code == 503
    assert "apec-search index" in api.get_json()["error"]


def test_an_index_built_after_start_is_picked_up_without_restart(tmp_path):
    fresh = create_app({"INDEX_DIR": tmp_path / "index", "TESTING": True}).test_client()
    assert "There is no index yet" in fresh.get("/").get_data(as_text=True)
    build_index(make_corpus(tmp_path, web_docs()[:2]), tmp_path / "index")
    assert "<dt>Documents</dt><dd>2</dd>" in fresh.get("/").get_data(as_text=True)
    build_index(make_corpus(tmp_path, web_docs()), tmp_path / "index")  # swapped in
    assert "<dt>Documents</dt><dd>7</dd>" in fresh.get("/").get_data(as_text=True)
    assert "Disaster Resilience" in fresh.get("/search?q=disasters").get_data(as_text=True)


def test_help_page_explains_the_query_syntax(client):  # noqa: F811
    html = client.get("/help").get_data(as_text=True)
    for example in ['"access to finance"', "OR", "NOT", "year:2010..2015", "title:", "type:"]:
        assert example.replace('"', "&#34;") in html or example in html
    assert "/api/search" in html and "/search.csv" in html and "/search.atom" in html
    # when "some of your words" are listed: the engine's own threshold
    assert f"When fewer than {PARTIAL_BELOW} documents (a first page)" in " ".join(html.split())
    # a genre word is a weight, not a tier: the engine's own weight
    assert f"their scores weigh {TYPE_PREFERENCE} times more" in " ".join(html.split())


def test_opensearch_description(client):  # noqa: F811
    response = client.get("/opensearch.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/opensearchdescription+xml"
    root = ET.fromstring(response.data)
    assert root.tag == f"{OPENSEARCH_NS}OpenSearchDescription"
    short_name = root.findtext(f"{OPENSEARCH_NS}ShortName")
    assert short_name and len(short_name) <= 16
    templates = {u.get("type"): u.get("template") for u in root.iter(f"{OPENSEARCH_NS}Url")}
    assert templates["text/html"] == "http://localhost/search?q={searchTerms}"
    assert templates["application/atom+xml"] == "http://localhost/search.atom?q={searchTerms}"


@pytest.mark.parametrize("path", PAGES)
def test_every_page_links_the_opensearch_description_and_the_stylesheet(client, path):  # noqa: F811
    html = client.get(path).get_data(as_text=True)
    assert re.search(
        r'<link rel="search" type="application/opensearchdescription\+xml" href="/opensearch.xml"',
        html,
    )
    assert '<link rel="stylesheet" href="/static/style.css">' in html


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_landmarks_and_a_skip_link(client, path):  # noqa: F811
    html = client.get(path).get_data(as_text=True)
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html and '<nav class="site-nav"' in html
    assert html.count("<h1") == 1
    assert '<html lang="en">' in html


@pytest.mark.parametrize("path", PAGES + ["/api/search?q=x", "/opensearch.xml", "/api/nowhere"])
def test_security_headers_everywhere(client, path):  # noqa: F811
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_script(client, path):  # noqa: F811
    html = client.get(path).get_data(as_text=True)
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts, "the progressive-enhancement script is linked"
    assert all(" src=" in s for s in scripts)
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers


def test_static_files_are_served(client):  # noqa: F811
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.mimetype == "text/css"
    assert client.get("/static/app.js").status_code == 200


def test_404_page(client):  # noqa: F811
    response = client.get("/no/such/page")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "Page not found" in html and "There is no page at this address." in html


def test_api_404_is_json(client):  # noqa: F811
    response = client.get("/api/no-such-thing")
    assert response.status_code == 404
    assert response.get_json()["status"] == 404


def test_500_page_shows_no_traceback(web_index):  # noqa: F811
    failing = create_app({"INDEX_DIR": web_index})  # not TESTING: errors are handled, not raised

    @failing.get("/boom")
    @failing.get("/api/boom")
    def boom():
        raise RuntimeError("secret internal detail")

    browser = failing.test_client()
    response = browser.get("/boom")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Something went wrong" in html
    assert "secret internal detail" not in html and "Traceback" not in html
    assert response.headers["Content-Security-Policy"]
    api = browser.get("/api/boom")
    assert api.status_code == 500 and api.get_json()["status"] == 500
    assert "secret" not in api.get_data(as_text=True)


def test_method_not_allowed(client):  # noqa: F811
    assert client.post("/search?q=x").status_code == 405


def test_every_405_says_which_methods_are_allowed(app, client):  # noqa: F811
    """RFC 9110 section 15.5.6: a 405 response must carry an Allow header."""
    rules = list(app.url_map.iter_rules())
    assert len(rules) > 10
    for rule in rules:
        # a value each argument's converter accepts: a number for int and float, else "x"
        path = re.sub(
            r"<(?:(\w+):)?\w+>", lambda m: "1" if m.group(1) in ("int", "float") else "x", rule.rule
        )
        for method in ("DELETE", "PUT"):
            if method in rule.methods:
                continue
            response = client.open(path, method=method)
            assert response.status_code == 405, path
            allowed = {m.strip() for m in response.headers.get("Allow", "").split(",")}
            assert rule.methods <= allowed, (path, response.headers.get("Allow"))
    api = client.delete("/api/search?q=x")
    assert api.get_json()["status"] == 405 and "GET" in api.headers["Allow"]
