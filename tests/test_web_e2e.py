"""End to end in a real headless Chromium: search, narrow by year, read the document.

The app is served by waitress on 127.0.0.1 over the small test index. Screenshots of the
results page (wide and phone) are saved under tests/artifacts/ (not committed).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.search import trends as trends_module
from tests.browser import ARTIFACTS, E2E, served
from tests.web_fixtures import doc_id_of, web_index  # noqa: F401

pytestmark = E2E


@pytest.fixture(scope="module")
def base_url(web_index: Path) -> Iterator[str]:  # noqa: F811
    with served(web_index) as url:
        yield url


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == [], f"browser console errors (CSP violations?): {errors}"


def test_search_narrow_by_year_and_read_the_document(page, base_url):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(base_url + "/")
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)
    box = page.get_by_label("Search the documents, or ask a question")
    box.fill("digitalisation")
    box.press("Enter")

    page.wait_for_url("**/search?q=digitalisation")
    results = page.locator(".result")
    assert results.count() == 6
    assert "6 documents" in page.locator(".summary").inner_text()
    page.screenshot(path=str(ARTIFACTS / "results.png"), full_page=True)

    page.locator(".facet").filter(has_text="Year").get_by_role("link", name="2018").click()
    page.wait_for_url("**/search?q=digitalisation&year=2018")
    assert results.count() == 2
    assert "Year: 2018" in page.locator(".active-filters").inner_text()

    page.get_by_role("link", name="=HYPERLINK(1) annex on cooperation", exact=True).click()
    page.wait_for_url(f"**/doc/{doc_id_of('2018-annex')}?q=digitalisation#p1")
    hit = page.locator(".para--hit")
    assert hit.count() == 1
    assert hit.get_attribute("id") == "p1"
    assert hit.locator("mark").inner_text() == "digitalisation"
    assert hit.is_visible()
    page.screenshot(path=str(ARTIFACTS / "document.png"), full_page=True)


def test_facet_removal_and_sorting(page, base_url):
    page.goto(base_url + "/search?q=digitalisation&year=2021")
    assert page.locator(".result").count() == 2
    page.get_by_role("link", name="Remove filter Year: 2021").click()
    assert page.locator(".result").count() == 6
    page.locator(".sort").get_by_role("link", name="Oldest").click()
    page.wait_for_url("**/search?q=digitalisation&sort=oldest")
    first_meta = page.locator(".result .meta").first.inner_text()
    assert "2015" in first_meta


def test_phone_layout_and_script_query(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base_url + "/search?q=pwned+%3Cscript%3Ealert(1)%3C/script%3E")
    page.goto(base_url + "/search?q=pwned")
    assert page.locator(".result").count() == 1
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "no sideways scrolling on a phone"
    page.screenshot(path=str(ARTIFACTS / "results-phone.png"), full_page=True)
    page.locator(".result-title a").click()
    page.wait_for_selector(".cite-box")
    assert dialogs == []  # neither the query nor the document ran a script
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/search?q=" + "x" * 90,  # an unbroken word, as a URL used as a title is
        "/ask?q=" + "y" * 90,
        "/commitments?q=" + "z" * 90,
    ],
)
def test_an_unbroken_long_word_does_not_widen_a_phone_page(browser, base_url, path):
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_skip_link_is_the_first_stop(page, base_url):
    page.goto(base_url + "/search?q=finance")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_a_keyboard_reaches_the_filters_before_the_results_on_a_wide_screen(page, base_url):
    page.goto(base_url + "/search?q=finance")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.className") == "skip-to-filters":
            break
    else:
        raise AssertionError("no 'Filters' link among the first stops")
    assert page.locator(".skip-to-filters").bounding_box()["width"] > 20  # shown when focused
    assert page.evaluate("document.querySelector('.result a') !== null")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#filters"


def test_a_facet_count_stays_on_one_line_beside_a_long_label(page, base_url):
    page.goto(base_url + "/search?q=digitalisation&type=outcomes&type=news_release")
    # the test index's counts are one digit: make them as wide as a large index's
    page.evaluate("document.querySelectorAll('.facet .count').forEach(e => e.textContent = '1234')")
    lines = page.evaluate(
        """[...document.querySelectorAll('.facet .count')].map(e => {
            const range = document.createRange();
            range.selectNodeContents(e);
            return range.getClientRects().length;
        })"""
    )
    assert lines and set(lines) == {1}, lines  # each count's digits on one line


# The smallest rendered text we accept on a chart, in CSS pixels (labels were 5 px high).
MIN_CHART_TEXT_PX = 10


def chart_text_heights(page, selector: str) -> list[float]:
    """Rendered font sizes (CSS px) of the visible chart's labels: the SVG font size times
    the drawing's scale on screen (rotation included)."""
    return page.evaluate(
        """sel => [...document.querySelectorAll(sel + ' text')]
            .filter(t => t.getBoundingClientRect().width > 0)
            .map(t => { const m = t.getScreenCTM(), size = t.getAttribute('font-size');
                        return parseFloat(size) * Math.hypot(m.a, m.b); })""",
        selector,
    )


@pytest.mark.parametrize(
    ("path", "shot"),
    [
        ("/trends?q=digital*&q=finance&measure=per_10k_words", "trends-phone.png"),
        ("/commitments", "commitments-phone.png"),
        ("/commitments?topic=access-to-finance", "commitments-topic-phone.png"),
    ],
)
def test_trends_and_commitments_fit_a_phone(browser, base_url, path, shot):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    chart = page.locator(".chart-narrow svg")
    if chart.count():
        assert chart.is_visible() and not page.locator(".chart-wide svg").is_visible()
        box = chart.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        heights = chart_text_heights(page, ".chart-narrow")
        assert heights and min(heights) >= MIN_CHART_TEXT_PX
    page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    context.close()


def test_trends_chart_on_a_wide_screen(page, base_url, monkeypatch):
    monkeypatch.setattr(trends_module, "MIN_YEAR_WORDS", 0)  # chart this small corpus's years
    page.goto(base_url + "/trends?q=digitalisation&q=finance")
    chart = page.locator(".chart-wide svg")
    assert chart.is_visible() and not page.locator(".chart-narrow svg").is_visible()
    axis = chart.locator("text.axis-title")
    assert axis.text_content() == "Documents mentioning the term"
    ticks = chart.locator("text.tick").all_text_contents()
    assert ticks[0] == "0" and 3 <= len(ticks) <= 6
    assert min(chart_text_heights(page, ".chart-wide")) >= MIN_CHART_TEXT_PX
    assert chart.locator("polyline").count() == 2
    page.screenshot(path=str(ARTIFACTS / "trends-wide.png"), full_page=True)
