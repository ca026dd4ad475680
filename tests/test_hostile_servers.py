"""Hostile servers and odd input, served from a local site the tests write: each kind of
failure public bug reports describe for crawlers, extractors and search front ends."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from indexer.crawl.crawler import crawl
from indexer.index.build import build_index
from tests.site import Site
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
