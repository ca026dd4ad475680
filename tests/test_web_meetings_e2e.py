"""/meetings in a real headless Chromium: at 1280 px the whole table, Coverage included, is on
screen even when an outcome's title is a long address; on a phone the table scrolls inside
its own focusable region, not the page. A screenshot is saved under tests/artifacts/."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser import ARTIFACTS, E2E, served
from tests.helpers import make_document, make_index
from tests.meeting_fixtures import meeting_docs

pytestmark = E2E

LONG_URL = (
    "https://www.apec.org/meeting-papers/sectoral-ministerial-meetings/"
    "small-and-medium-enterprises/2033_sme_ministerial_meeting_joint_statement_annex"
)
MEASURE = """() => [...document.querySelectorAll('.meetings-table')].map(table => {
  const region = table.closest('.table-scroll');
  const heads = [...table.querySelectorAll('thead th')];
  return {
    text: table.innerText,
    scrollWidth: region.scrollWidth,
    clientWidth: region.clientWidth,
    coverageRight: heads[heads.length - 1].getBoundingClientRect().right,
    role: region.getAttribute('role'),
    tabIndex: region.tabIndex,
    name: (document.getElementById(region.getAttribute('aria-labelledby')) || {}).textContent,
    caption: table.caption.textContent,
  };
})"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    untitled = make_document(  # titled by its address, as the record titles such a page
        LONG_URL,
        LONG_URL,
        [
            "We, the APEC Ministers responsible for SMEs, met in Sunport, Atlantis on 3 March"
            " 2033 for the 40th APEC SME Ministerial Meeting.",
            "We welcome the work on supply chain resilience for micro enterprises.",
        ],
        year=2033,
        date="2033-03-03",
        doc_type="ministerial_statement",
    )
    index = make_index(tmp_path_factory.mktemp("meetings-e2e"), [*meeting_docs(), untitled])
    with served(index, threads=2) as url:
        yield url


def test_the_table_fits_1280_px(browser, base_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "/meetings")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "meetings-1280.png"), full_page=True)
    tables = page.evaluate(MEASURE)
    assert "www.apec.org/meeting-papers/" in tables[0]["text"]  # the long title is there
    for table in tables:
        assert table["scrollWidth"] <= table["clientWidth"], table
        assert table["coverageRight"] <= 1280, table
        assert (table["role"], table["tabIndex"]) == ("region", 0)
        assert table["name"] == table["caption"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.close()


def test_on_a_phone_the_table_scrolls_in_its_focusable_region(browser, base_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base_url + "/meetings")
    table = page.evaluate(MEASURE)[0]
    assert table["scrollWidth"] > table["clientWidth"]  # it scrolls inside the region
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # not the page
    region = page.locator(".table-scroll").first
    for _ in range(40):  # keyboard users reach it, and see where they are
        page.keyboard.press("Tab")
        if region.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the table's region is not reachable with Tab")
    outline = region.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    page.close()


def test_on_a_phone_the_caption_is_in_view_as_the_table_scrolls(browser, base_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base_url + "/meetings")
    caption = "() => document.querySelector('.meetings-table caption').getBoundingClientRect()"
    assert page.evaluate(caption)["right"] <= 390  # it wraps on the screen, not past it
    page.evaluate("() => { document.querySelector('.table-scroll').scrollLeft = 300; }")
    assert page.evaluate(caption)["left"] >= 0  # and stays as the table scrolls under it
    page.close()
