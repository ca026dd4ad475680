"""Download names that say what was asked: apec-search-access-to-finance-2010-2015.csv."""

from __future__ import annotations

import re
from collections.abc import Iterable

QUERY_LETTERS = 40  # at most this much of the query's words in a name


def download_name(stem: str, filters: Iterable[str | None], q: str | None, ext: str) -> str:
    """``stem``, then each filter given, then the query's letters and digits (lowercased,
    words joined by hyphens, at most QUERY_LETTERS), joined by hyphens, then ``.ext``."""
    parts = [stem, *(f for f in filters if f)]
    words = re.findall(r"[a-z0-9]+", (q or "").lower())
    if words:
        parts.append("-".join(words)[:QUERY_LETTERS].strip("-"))
    return "-".join(parts) + f".{ext}"


def years_name(years: tuple[int, int] | None) -> str | None:
    """A year range as a name part: "2015", "2010-2015", "2015-onwards" and "up-to-2010"
    for an open end (a year of 9999 or 1000 and below), "undated" for (0, 0); None for no
    range."""
    if not years:
        return None
    low, high = years
    if (low, high) == (0, 0):
        return "undated"
    if low == high:
        return str(low)
    if high >= 9999:
        return f"{low}-onwards"
    return f"up-to-{high}" if low <= 1000 else f"{low}-{high}"
