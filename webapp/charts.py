"""Bar charts of counts per year as inline SVG, drawn on the server.

No JavaScript and no style attributes (the Content-Security-Policy allows neither inline
script nor inline style): colours and sizes are SVG presentation attributes. Every piece of
text is escaped. Each bar may link somewhere (a year's search results); a page should put a
table of the same numbers under the chart for screen readers and for copying.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 30, 34  # margins around the plot area
# Colours with at least 4.5:1 contrast on white, so thin bars stay visible.
PALETTE = ("#0b4a6f", "#b24a06", "#2f6b32", "#6f3a94", "#a3123a", "#4f5b66")
MAX_YEAR_LABELS = 12
LEGEND_CHARS = 28


@dataclass(frozen=True)
class Series:
    """One row of bars: a value per year, and optionally a link per year."""

    label: str
    values: list[int]
    hrefs: list[str] | None = None


def nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is at least `value` (at least 1)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg_open(chart_id: str, title: str, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" role="group" '
        f'aria-labelledby="{escape(chart_id)}-title">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
    ]


def bar_chart(
    years: list[int], series: list[Series], *, title: str, unit: str, chart_id: str = "chart"
) -> Markup:
    """Grouped bars: for each year, one bar per series, on a shared scale starting at 0.

    `unit` names what is counted, in the plural ("documents"), for each bar's label (and
    tooltip). With no years the chart
    says there is nothing to draw.
    """
    for s in series:
        if len(s.values) != len(years) or (s.hrefs is not None and len(s.hrefs) != len(years)):
            raise ValueError(f"series {s.label!r} needs one value (and link) per year")
    if not years or not series:
        parts = _svg_open(chart_id, title, 60)
        parts.append('<text x="12" y="34" font-size="14" fill="#505a64">No years to chart.</text>')
        return Markup("\n".join([*parts, "</svg>"]))

    top = nice_ceiling(max(max(s.values, default=0) for s in series))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = _svg_open(chart_id, title, HEIGHT)
    parts.extend(_axis(top, plot_h))
    parts.extend(_legend(series))

    group_w = plot_w / len(years)
    inner = group_w * (0.8 if len(years) > 1 else 0.4)
    bar_w = inner / len(series)
    step = math.ceil(len(years) / MAX_YEAR_LABELS)
    for i, year in enumerate(years):
        group_x = LEFT + i * group_w + (group_w - inner) / 2
        for k, s in enumerate(series):
            value = s.values[i]
            if value <= 0:
                continue
            h = max(value / top * plot_h, 1.0)
            units = unit if value != 1 else unit.removesuffix("s")
            label = f"{year}: {value} {units}" + (f" mentioning {s.label}" if s.label else "")
            rect = (
                f'<rect class="bar series-{k}" x="{_num(group_x + k * bar_w)}" '
                f'y="{_num(TOP + plot_h - h)}" width="{_num(max(bar_w - 1, 1))}" '
                f'height="{_num(h)}" fill="{PALETTE[k % len(PALETTE)]}">'
                f"<title>{escape(label)}</title></rect>"
            )
            if s.hrefs and s.hrefs[i]:
                rect = f'<a href="{escape(s.hrefs[i])}" aria-label="{escape(label)}">{rect}</a>'
            parts.append(rect)
        if i % step == 0:
            x = LEFT + (i + 0.5) * group_w
            parts.append(
                f'<text x="{_num(x)}" y="{HEIGHT - BOTTOM + 16}" font-size="11" '
                f'text-anchor="middle" fill="#1b1f23">{year}</text>'
            )
    parts.append("</svg>")
    return Markup("\n".join(parts))


def _axis(top: int, plot_h: float) -> list[str]:
    """The baseline, gridlines and value labels of the vertical scale."""
    ticks = [0, top // 2, top] if top % 2 == 0 and top >= 2 else [0, top]
    out = []
    for tick in ticks:
        y = _num(TOP + plot_h - tick / top * plot_h)
        colour = "#8a96a3" if tick == 0 else "#d6dbe0"
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" stroke="{colour}" '
            f'stroke-width="1"/>'
        )
        out.append(
            f'<text x="{LEFT - 6}" y="{y}" dy="4" font-size="11" text-anchor="end" '
            f'fill="#505a64">{tick}</text>'
        )
    return out


def _legend(series: list[Series]) -> list[str]:
    """A swatch and a label per series, across the top (only when there are several)."""
    if len(series) < 2:
        return []
    out, x = [], LEFT
    for k, s in enumerate(series):
        label = s.label if len(s.label) <= LEGEND_CHARS else s.label[: LEGEND_CHARS - 1] + "…"
        out.append(
            f'<rect x="{x}" y="8" width="12" height="12" fill="{PALETTE[k % len(PALETTE)]}"/>'
            f'<text x="{x + 16}" y="18" font-size="12" fill="#1b1f23">{escape(label)}</text>'
        )
        x += 16 + 7 * len(label) + 18
    return out
