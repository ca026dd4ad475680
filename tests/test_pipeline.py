"""The whole pipeline over the fixture site: crawl, extract, index, then search and ask."""

from __future__ import annotations

import pytest

from indexer.ask import answer
from indexer.crawl.crawler import crawl
from indexer.index.build import build_index
from indexer.search.engine import Engine
from tests.pages import COOKIE_TEXT, FOOTER_TEXT
from tests.pdfs import page_paragraph
from tests.sme_site import BROKEN_PDF, MODERN, PLAN_PDF, TABLE


@pytest.fixture
def built(sme_site, tmp_path):
    crawl(tmp_path / "corpus", seeds=[sme_site.url("/")], delay=0, backoff=0.01)
    return build_index(tmp_path / "corpus", tmp_path / "index")


@pytest.fixture
def engine(built, tmp_path):
    engine = Engine(tmp_path / "index")
    yield engine
    engine.close()


def test_each_layout_is_searchable_by_its_statement_text(engine, sme_site):
    found = engine.search('"customs procedures"', limit=50)
    # the fixture site serves one statement's text in every layout: one work, its copies
    shown = found["results"] + [c for r in found["results"] for c in r["copies"]]
    assert {sme_site.url(MODERN), sme_site.url(TABLE)} <= {r["url"] for r in shown}
    titles = " ".join(r["title"] for r in shown)
    assert "2019" in titles and "2008" in titles and "2019 statement in full" in titles


def test_page_chrome_is_not_indexed(engine):
    for chrome in (COOKIE_TEXT, FOOTER_TEXT):
        assert engine.search(f'"{chrome.rstrip(".")}"')["total"] == 0


def test_html_results_link_to_a_text_fragment_and_pdf_results_to_a_page(engine, sme_site):
    html = engine.search('"customs procedures"')["results"][0]
    assert "#:~:text=" in html["link"]
    third_page = page_paragraph(3).split(":")[1].split(",")[0].strip()  # "before the next ..."
    found = engine.search(f'"{third_page}" "numbered 21"')
    pdf = next(r for r in found["results"] if r["url"] == sme_site.url(PLAN_PDF))
    assert pdf["link"] == sme_site.url(PLAN_PDF) + "#page=3"


def test_broken_pdf_is_reported_and_everything_else_indexed(built, engine, sme_site):
    assert sme_site.url(BROKEN_PDF) in built.skipped
    assert engine.stats()["documents"] == built.documents >= 6


def test_a_question_is_answered_from_the_crawled_statement(engine):
    found = answer(engine, "Who chaired the meeting in Wellington?")
    assert found["confident"]
    assert "Aroha Tane" in found["answers"][0]["span"]
    assert found["answers"][0]["url"].startswith("http://127.0.0.1:")
