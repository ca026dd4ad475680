"""The server-rendered SVG bar chart: well-formed, escaped, linked, for 0, 1 and 30 years."""

import xml.etree.ElementTree as ET

import pytest

from webapp.charts import NARROW, Series, bar_chart, line_chart, nice_ticks

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup) -> ET.Element:
    return ET.fromstring(str(markup))


def bars(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{SVG}rect") if "bar" in r.get("class", "")]


def test_zero_years_says_there_is_nothing_to_draw():
    root = parse(bar_chart([], [], title="Nothing", unit="documents"))
    assert root.tag == f"{SVG}svg"
    assert bars(root) == []
    assert "No years to chart." in "".join(root.itertext())


def test_one_year_one_bar_with_link_and_label():
    series = Series("women", [4], ["/search?q=women&year=2020"])
    root = parse(bar_chart([2020], [series], title="Trend", unit="documents"))
    (bar,) = bars(root)
    assert float(bar.get("height")) > 0
    (link,) = root.iter(f"{SVG}a")
    assert link.get("href") == "/search?q=women&year=2020"
    assert link.get("aria-label") == "2020: 4 documents mentioning women"
    assert "2020" in [t.text for t in root.iter(f"{SVG}text")]


def test_thirty_years_scale_and_labels():
    years = list(range(1994, 2024))
    values = [n % 7 for n in range(30)]
    hrefs = [f"/search?q=x&year={y}" for y in years]
    root = parse(bar_chart(years, [Series("x", values, hrefs)], title="T", unit="documents"))
    drawn = bars(root)
    assert len(drawn) == sum(1 for v in values if v)  # zero counts draw no bar
    heights = {
        v: float(b.get("height")) for v, b in zip([v for v in values if v], drawn, strict=True)
    }
    assert heights[6] == max(heights.values()) and heights[3] == pytest.approx(heights[6] / 2)
    xs = [float(b.get("x")) for b in drawn]
    assert xs == sorted(xs) and max(xs) < 720
    year_labels = [t.text for t in root.iter(f"{SVG}text") if t.text and t.text.isdigit()]
    shown_years = [y for y in year_labels if len(y) == 4]
    assert "1994" in shown_years and 2 <= len(shown_years) <= 12


def test_grouped_series_have_a_legend_and_distinct_colours():
    chart = bar_chart(
        [2019, 2020], [Series("a", [1, 2]), Series("b", [3, 0])], title="T", unit="passages"
    )
    root = parse(chart)
    assert {b.get("fill") for b in bars(root)} == {"#0b4a6f", "#b24a06"}
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "a" in texts and "b" in texts
    assert not list(root.iter(f"{SVG}a"))  # no links given, none drawn


def test_text_is_escaped_and_no_inline_style_or_script():
    evil = '<script>alert("x")</script>&'
    chart = str(
        bar_chart([2020], [Series(evil, [1], ['/s?q="><script>'])], title=evil, unit="documents")
    )
    assert "<script>" not in chart
    assert "style=" not in chart
    root = ET.fromstring(chart)
    assert root.find(f"{SVG}title").text == evil
    assert next(root.iter(f"{SVG}a")).get("href") == '/s?q="><script>'


def test_series_must_match_the_years():
    with pytest.raises(ValueError, match="one value"):
        bar_chart([2020, 2021], [Series("a", [1])], title="T", unit="documents")


@pytest.mark.parametrize(
    ("top", "integers", "ticks"),
    [
        (0, True, [0, 1]),
        (1, True, [0, 1]),
        (2, True, [0, 1, 2]),
        (7, True, [0, 2, 4, 6, 8]),
        (12, True, [0, 5, 10, 15]),
        (51, True, [0, 20, 40, 60]),
        (0.8, False, [0, 0.2, 0.4, 0.6, 0.8]),
        (3.7, False, [0, 1, 2, 3, 4]),
    ],
)
def test_ticks_are_round_and_cover_the_top(top, integers, ticks):
    assert nice_ticks(top, integers) == ticks


def test_the_y_axis_has_a_title_and_usable_ticks():
    root = parse(
        bar_chart([2019, 2020, 2021], [Series("", [3, 7, 5])], title="T", unit="documents")
    )
    (axis,) = [t for t in root.iter(f"{SVG}text") if t.get("class") == "axis-title"]
    assert axis.text == "Documents"
    ticks = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "tick"]
    assert ticks == ["0", "2", "4", "6", "8"]


def test_rates_get_decimal_ticks():
    chart = line_chart(
        [2020, 2021],
        [Series("digital*", [0.35, 1.2])],
        title="T",
        unit="mentions per 10,000 words",
        y_label="Mentions per 10,000 words",
    )
    root = parse(chart)
    ticks = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "tick"]
    assert ticks == ["0", "0.25", "0.5", "0.75", "1", "1.25"]
    (point,) = [
        c for c in root.iter(f"{SVG}circle") if c.findtext(f"{SVG}title").startswith("2021")
    ]
    assert (
        point.findtext(f"{SVG}title") == "2021: 1.2 mentions per 10,000 words mentioning digital*"
    )


def test_compared_terms_share_one_chart_with_a_colour_each():
    series = [Series(f"term {k}", [k, k + 1]) for k in range(3)]
    root = parse(line_chart([2020, 2021], series, title="T", unit="documents", y_label="Docs"))
    lines = list(root.iter(f"{SVG}polyline"))
    assert len(lines) == 3 and len({line.get("stroke") for line in lines}) == 3


def test_the_narrow_chart_keeps_its_labels_apart():
    years = list(range(1994, 2031))
    series = [Series(f"a long term number {k}", [1] * len(years)) for k in range(4)]
    root = parse(
        line_chart(years, series, title="T", unit="documents", y_label="Docs", width=NARROW)
    )
    assert root.get("viewBox").startswith(f"0 0 {NARROW} ")
    xs = [
        float(t.get("x"))
        for t in root.iter(f"{SVG}text")
        if (t.text or "").isdigit() and len(t.text) == 4
    ]
    assert all(b - a >= 40 for a, b in zip(xs, xs[1:], strict=False))
    # the legend wraps to the width instead of running off it
    legend = [float(r.get("x")) for r in root.iter(f"{SVG}rect")]
    assert legend and max(legend) < NARROW


def test_a_year_without_a_value_is_a_gap_in_its_line():
    svg = line_chart(
        [2015, 2016, 2017, 2018],
        [Series("women", [2, None, 1, 3])],
        title="t",
        unit="documents",
        y_label="Documents",
    )
    assert svg.count("<polyline") == 2  # 2015 alone, then 2017-2018
    assert svg.count("<circle") == 3
    assert "2016:" not in svg
