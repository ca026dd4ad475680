"""Hub pages (issue 10): listings and their later pages, calendars and home pages are
found at extraction, stored flagged, left out of the index, and counted by the crawl."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from indexer.cli import cli
from indexer.crawl.corpus import Corpus, ManifestRecord
from indexer.extract import extract_bytes, extract_corpus
from indexer.index.build import build_index
from tests.site import Site

APEC = "https://www.apec.org"


def page(main_html: str) -> str:
    return (
        "<html><head><title>APEC</title></head><body><a href='#main'>Skip to main content</a>"
        "<nav><a href='/about'>About</a> <a href='/groups'>Groups</a></nav>"
        f"<main id='main'>{main_html}</main><footer>© 2025 APEC Secretariat</footer></body></html>"
    )


def listing(first_year: int) -> str:
    cards = "".join(
        f"<div class='card'><a href='/meeting-papers/sme/{y}_sme'><h3>{y} APEC Small and Medium"
        f" Enterprises Ministerial Meeting</h3></a><div class='when'>Lakeside, Atlantis |"
        f" 07 September {y}</div></div>"
        for y in range(first_year, first_year - 8, -1)
    )
    return page(f"<h1>Small and Medium Enterprise</h1>{cards}<div><a href='?page=2'>Next</a></div>")


def calendar() -> str:
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{d}"
            + (f"<a href='/events/{d}'>SMEWG Plenary {d}</a>" if d % 6 == 0 else "")
            + "</td>"
            for d in range(w * 7 + 1, w * 7 + 8)
        )
        + "</tr>"
        for w in range(4)
    )
    return page(f"<h1>Events Calendar</h1><table><tr><th>Mon</th><th>Tue</th></tr>{rows}</table>")


def home() -> str:
    tiles = "".join(
        f"<div class='tile'><a href='/x{i}'><h3>{t}</h3></a></div>"
        for i, t in enumerate(
            ["Meeting Papers", "Publications", "News", "Events", "Groups", "Projects"]
        )
    )
    return page(f"<div class='tiles'>{tiles}</div>")


STATEMENT = page(
    "<h1>2031 APEC Small and Medium Enterprises Ministerial Meeting</h1>"
    + "".join(
        f"<p>{n}. We, the Ministers, agreed on measure {n} to help small firms of the region reach"
        f" new markets, find finance on fair terms and adopt digital tools in their offices.</p>"
        for n in range(1, 6)
    )
    + "<h3>Related</h3><ul>"
    + "".join(f"<li><a href='/docs/{n}.pdf'>Annex {n}</a></li>" for n in range(1, 6))
    + "</ul>"
)


@pytest.mark.parametrize(
    ("html", "url"),
    [
        (listing(2031), f"{APEC}/meeting-papers/sme"),
        (listing(2023), f"{APEC}/meeting-papers/sme?page=2"),
        (calendar(), f"{APEC}/events-calendar?month=2031-09"),
        (home(), f"{APEC}/"),
    ],
    ids=["listing", "listing-page-2", "calendar-month", "home-page"],
)
def test_hub_pages_are_found(html, url):
    assert extract_bytes(html.encode(), url, "text/html").hub


def test_a_statement_with_related_links_is_not_a_hub():
    doc = extract_bytes(STATEMENT.encode(), f"{APEC}/meeting-papers/sme/2031_sme", "text/html")
    assert not doc.hub
    assert doc.paragraphs


def corpus_of(tmp_path, bodies: dict[str, str]) -> Corpus:
    corpus = Corpus(tmp_path / "corpus")
    for url, html in bodies.items():
        sha, size = corpus.write_object([html.encode()])
        corpus.append_record(
            ManifestRecord(
                url=url, final_url=url, status=200, sha256=sha, size=size, content_type="text/html"
            )
        )
    return corpus


def test_hubs_are_stored_flagged_and_left_out_of_the_index(tmp_path):
    corpus = corpus_of(
        tmp_path,
        {
            f"{APEC}/meeting-papers/sme": listing(2031),
            f"{APEC}/meeting-papers/sme/2031_sme": STATEMENT,
        },
    )
    first = extract_corpus(corpus)
    assert first.hubs == [f"{APEC}/meeting-papers/sme"]
    again = extract_corpus(corpus)
    assert (again.unchanged, again.hubs) == (2, first.hubs)  # counted when not redone too
    built = build_index(corpus.root, tmp_path / "index")
    assert (built.documents, built.hubs) == (1, 1)
    assert any("hub pages" in line for line in built.lines())


def test_the_crawl_summary_counts_hub_pages(tmp_path):
    site = Site()
    site.page("/", home().replace("/x0", "/statement"))
    site.page("/statement", STATEMENT)
    site.start()
    try:
        result = CliRunner().invoke(
            cli,
            [
                "crawl",
                "--seed",
                site.url("/"),
                "--delay",
                "0",
                "--corpus",
                str(tmp_path / "corpus"),
                "--json",
            ],
        )
    finally:
        site.stop()
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output[result.output.index("{") :])
    assert summary["hubs"] == 1
    assert summary["fetched"] >= 2
