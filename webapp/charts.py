"""Charts of values per year as inline SVG, drawn on the server: bars, or lines to compare.

No JavaScript and no style attributes (the Content-Security-Policy allows neither inline
script nor inline style): colours and sizes are SVG presentation attributes. Every piece of
text is escaped. The y-axis has a title and 3 to 6 round ticks; each bar or point may link
somewhere (a year's search results); several series share one chart, one colour each, with a
legend. `width` sets the drawing's own width: a page draws a wide chart and a narrow one
(`NARROW`) and shows one per screen width, so labels stay readable on a phone. A page should
put a table of the same numbers under the chart for screen readers and for copying.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, NARROW, HEIGHT = 720, 360, 280
SIZES = {"wide": WIDTH, "narrow": NARROW}  # the two drawings a page shows, by screen width
LEFT, RIGHT, BOTTOM = 62, 14, 34  # margins around the plot area (the top one holds the legend)
FONT = 13
# Colours with at least 4.5:1 contrast on white, so thin bars and lines stay visible.
PALETTE = ("#0b4a6f", "#b24a06", "#2f6b32", "#6f3a94", "#a3123a", "#4f5b66")
YEAR_LABEL_SPACE = 44  # drawing units a year label needs
LEGEND_CHARS = 28


@dataclass(frozen=True)
class Series:
    """One row of values: a value per year (None: no value, a gap), and optionally a link
    per year."""

    label: str
    values: list[float | None]
    hrefs: list[str] | None = None


def nice_ticks(top: float, integers: bool = True) -> list[float]:
    """Round tick values from 0 to at least `top`: 3 to 6 of them, a step of 1, 2, 2.5 or 5
    times a power of ten (whole numbers only when `integers`)."""
    if top <= 0:
        return [0, 1]
    raw = top / 4
    power = 10 ** math.floor(math.log10(raw))
    steps = [m * power for m in (1, 2, 2.5, 5, 10)]
    if integers:
        steps = [s for s in steps if s >= 1 and s == int(s)] or [1]
    step = next((s for s in steps if top / s <= 5), steps[-1])
    count = math.ceil(top / step - 1e-9)
    return [round(i * step, 6) for i in range(count + 1)]


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _tick_label(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")


def _check(years: list[int], series: list[Series]) -> None:
    for s in series:
        if len(s.values) != len(years) or (s.hrefs is not None and len(s.hrefs) != len(years)):
            raise ValueError(f"series {s.label!r} needs one value (and link) per year")


@dataclass
class _Frame:
    """The plot area of one chart and the SVG drawn so far."""

    years: list[int]
    series: list[Series]
    title: str
    y_label: str
    chart_id: str
    width: int
    integers: bool

    def __post_init__(self) -> None:
        self.legend, self.top = self._legend()
        highest = max((v for s in self.series for v in s.values if v is not None), default=0)
        self.ticks = nice_ticks(highest, self.integers)
        self.plot_w = self.width - LEFT - RIGHT
        self.plot_h = HEIGHT - self.top - BOTTOM
        self.slot = self.plot_w / len(self.years)

    def y(self, value: float) -> float:
        return self.top + self.plot_h - value / self.ticks[-1] * self.plot_h

    def x(self, i: int) -> float:
        """The middle of year `i`'s slot."""
        return LEFT + (i + 0.5) * self.slot

    def _legend(self) -> tuple[list[str], int]:
        """A swatch and a label per series (only when there are several), wrapped to the width;
        and the top margin it leaves."""
        if len(self.series) < 2:
            return [], 24
        out, x, row = [], LEFT, 0
        for k, s in enumerate(self.series):
            label = s.label if len(s.label) <= LEGEND_CHARS else s.label[: LEGEND_CHARS - 1] + "…"
            size = 18 + 7.5 * len(label) + 16
            if x > LEFT and x + size > self.width - RIGHT:
                x, row = LEFT, row + 1
            y = 8 + 20 * row
            out.append(
                f'<rect x="{_num(x)}" y="{y}" width="12" height="12" '
                f'fill="{PALETTE[k % len(PALETTE)]}"/>'
                f'<text x="{_num(x + 17)}" y="{y + 11}" font-size="{FONT}" '
                f'fill="#1b1f23">{escape(label)}</text>'
            )
            x += size
        return out, 8 + 20 * (row + 1) + 14

    def open(self) -> list[str]:
        cid = escape(self.chart_id)
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{cid}" '
            f'viewBox="0 0 {self.width} {HEIGHT}" width="100%" role="group" '
            f'aria-labelledby="{cid}-title">',
            f'<title id="{cid}-title">{escape(self.title)}</title>',
            *self.legend,
        ]
        for tick in self.ticks:
            y = _num(self.y(tick))
            colour = "#8a96a3" if tick == 0 else "#d6dbe0"
            parts.append(
                f'<line x1="{LEFT}" x2="{self.width - RIGHT}" y1="{y}" y2="{y}" '
                f'stroke="{colour}" stroke-width="1"/>'
                f'<text class="tick" x="{LEFT - 6}" y="{y}" dy="4" font-size="{FONT - 1}" '
                f'text-anchor="end" fill="#505a64">{_tick_label(tick)}</text>'
            )
        middle = _num(self.top + self.plot_h / 2)
        parts.append(
            f'<text class="axis-title" x="14" y="{middle}" font-size="{FONT}" '
            f'text-anchor="middle" fill="#1b1f23" transform="rotate(-90 14 {middle})">'
            f"{escape(self.y_label)}</text>"
        )
        step = max(1, math.ceil(len(self.years) / max(1, self.plot_w // YEAR_LABEL_SPACE)))
        for i, year in enumerate(self.years):
            if i % step == 0:
                parts.append(
                    f'<text x="{_num(self.x(i))}" y="{HEIGHT - BOTTOM + 18}" '
                    f'font-size="{FONT - 1}" text-anchor="middle" fill="#1b1f23">{year}</text>'
                )
        return parts


def _linked(shape: str, href: str | None, label: str) -> str:
    if not href:
        return shape
    return f'<a href="{escape(href)}" aria-label="{escape(label)}">{shape}</a>'


def _value_label(year: int, value: float, unit: str, term: str) -> str:
    units = unit if value != 1 else unit.removesuffix("s")
    return f"{year}: {_tick_label(value)} {units}" + (f" mentioning {term}" if term else "")


def _empty(chart_id: str, title: str, width: int) -> Markup:
    cid = escape(chart_id)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{cid}" '
        f'viewBox="0 0 {width} 60" width="100%" role="group" aria-labelledby="{cid}-title">'
        f'<title id="{cid}-title">{escape(title)}</title>'
        f'<text x="12" y="34" font-size="14" fill="#505a64">No years to chart.</text></svg>'
    )


def bar_chart(
    years: list[int],
    series: list[Series],
    *,
    title: str,
    unit: str,
    y_label: str | None = None,
    chart_id: str = "chart",
    width: int = WIDTH,
) -> Markup:
    """Grouped bars: for each year, one bar per series, on a shared scale starting at 0.

    `unit` names what is counted, in the plural ("documents"), for each bar's label (and
    tooltip); `y_label` titles the y-axis (default: `unit` capitalised). With no years the
    chart says there is nothing to draw. Raises ValueError when a series does not have one
    value (and link) per year.
    """
    _check(years, series)
    if not years or not series:
        return _empty(chart_id, title, width)
    integers = all(float(v).is_integer() for s in series for v in s.values if v is not None)
    frame = _Frame(years, series, title, y_label or unit.capitalize(), chart_id, width, integers)
    parts = frame.open()
    inner = frame.slot * (0.8 if len(years) > 1 else 0.4)
    bar_w = inner / len(series)
    for i, year in enumerate(years):
        group_x = frame.x(i) - inner / 2
        for k, s in enumerate(series):
            value = s.values[i]
            if value is None or value <= 0:
                continue
            h = max(frame.plot_h - (frame.y(value) - frame.top), 1.0)
            label = _value_label(year, value, unit, s.label)
            rect = (
                f'<rect class="bar series-{k}" x="{_num(group_x + k * bar_w)}" '
                f'y="{_num(frame.top + frame.plot_h - h)}" width="{_num(max(bar_w - 1, 1))}" '
                f'height="{_num(h)}" fill="{PALETTE[k % len(PALETTE)]}">'
                f"<title>{escape(label)}</title></rect>"
            )
            parts.append(_linked(rect, s.hrefs[i] if s.hrefs else None, label))
    parts.append("</svg>")
    return Markup("\n".join(parts))


def _runs(values: list[float | None]) -> list[list[int]]:
    """The positions of each run of values without a gap (None) between them."""
    runs: list[list[int]] = []
    for i, value in enumerate(values):
        if value is None:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def line_chart(
    years: list[int],
    series: list[Series],
    *,
    title: str,
    unit: str,
    y_label: str,
    chart_id: str = "chart",
    width: int = WIDTH,
) -> Markup:
    """One line per series, a point per year (linked when the series has links); a year
    without a value (None) is a gap in its line.

    `unit` names the value for each point's label ("documents", "mentions per 10,000
    words"), `y_label` titles the y-axis. Raises ValueError like `bar_chart`.
    """
    _check(years, series)
    if not years or not series:
        return _empty(chart_id, title, width)
    integers = all(float(v).is_integer() for s in series for v in s.values if v is not None)
    frame = _Frame(years, series, title, y_label, chart_id, width, integers)
    parts = frame.open()
    radius = 3.5 if frame.slot >= 8 else 2.5
    for k, s in enumerate(series):
        colour = PALETTE[k % len(PALETTE)]
        for run in _runs(s.values):  # a line through each run of years with a value
            points = " ".join(f"{_num(frame.x(i))},{_num(frame.y(s.values[i]))}" for i in run)
            parts.append(
                f'<polyline class="line series-{k}" points="{points}" fill="none" '
                f'stroke="{colour}" stroke-width="2"/>'
            )
        for i, (year, value) in enumerate(zip(years, s.values, strict=True)):
            if value is None:
                continue
            label = _value_label(year, value, unit, s.label)
            dot = (
                f'<circle class="point series-{k}" cx="{_num(frame.x(i))}" '
                f'cy="{_num(frame.y(value))}" r="{radius}" fill="{colour}">'
                f"<title>{escape(label)}</title></circle>"
            )
            parts.append(_linked(dot, s.hrefs[i] if s.hrefs and value else None, label))
    parts.append("</svg>")
    return Markup("\n".join(parts))
