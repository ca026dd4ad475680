"""Facet lists for the results page: each value with its count and the URL that applies it,
and each active filter with the URL that removes it. The counts come from the Engine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from indexer.search.engine import TYPE_GROUPS, UNDATED
from webapp.meetings import key_name
from webapp.params import MEETING_RE, UNDATED_YEARS, SearchParams, year_label

DOC_TYPE_LABELS = {
    "ministerial_statement": "Ministerial statement",
    "chairs_statement": "Chair's statement",
    "declaration": "Declaration",
    "strategic_plan": "Strategic plan",
    "terms_of_reference": "Terms of reference",
    "meeting_report": "Meeting report",
    "news_release": "News release (APEC, host year)",  # apec.org's or a host year's site's
    "news_article": "News article",
    "speech": "Speech",
    "initiative": "Initiative or action plan",
    "web_page": "Web page",
    "other": "Other",
    "outcomes": "Official outcomes (statements, declarations)",
}

UrlFor = Callable[[dict[str, str | list[str]]], str]


@dataclass(frozen=True)
class FacetValue:
    label: str
    count: int
    url: str
    active: bool


@dataclass(frozen=True)
class ActiveFilter:
    name: str
    label: str
    remove_url: str


def doc_type_label(doc_type: str | None) -> str:
    return DOC_TYPE_LABELS.get(doc_type or "other", (doc_type or "other").replace("_", " "))


def year_facet(counts: dict[str, int], params: SearchParams, url: UrlFor) -> list[FacetValue]:
    """Years, newest first, then the documents without a year ("undated")."""
    values = []
    for key in sorted(counts, key=_year_sort_key, reverse=True):
        if key.isdigit():
            year = (int(key), int(key))
        elif key == UNDATED:
            year = UNDATED_YEARS
        else:
            continue
        active = params.year == year
        target = params.query_args(year=None if active else year)
        values.append(FacetValue(key, counts[key], url(target), active))
    return values


def doc_type_facet(counts: dict[str, int], params: SearchParams, url: UrlFor) -> list[FacetValue]:
    """Document types, commonest first, after their groups ("Official outcomes") where a
    group gathers two types or more of the results (one would only repeat its type's line)
    or is chosen; several may be chosen at once, each value adding its type to those chosen
    or taking it away."""
    values = []
    groups = [
        (group, sum(counts.get(t, 0) for t in types))
        for group, types in TYPE_GROUPS.items()
        if sum(1 for t in types if counts.get(t)) > 1 or group in params.types
    ]
    singles = [(key, counts[key]) for key in sorted(counts, key=lambda k: (-counts[k], k))]
    for key, count in [g for g in groups if g[1]] + singles:
        active = key in params.types
        chosen = tuple(t for t in params.types if t != key) if active else (*params.types, key)
        values.append(
            FacetValue(doc_type_label(key), count, url(params.query_args(types=chosen)), active)
        )
    return values


def meeting_facet(counts: dict[str, int], params: SearchParams, url: UrlFor) -> list[FacetValue]:
    """Meetings (the index's keys, "sme_ministerial/25"), commonest first, then by series and
    newest; each labelled by its name ("25th SME Ministerial Meeting")."""
    values = []
    for key in sorted(counts, key=lambda k: (-counts[k], *_meeting_sort_key(k))):
        active = params.meeting == key
        target = params.query_args(meeting=None if active else key)
        values.append(FacetValue(key_name(key), counts[key], url(target), active))
    return values


def active_filters(params: SearchParams, url: UrlFor) -> list[ActiveFilter]:
    """One removable filter each: the years, each type chosen, the meeting."""
    filters = []
    if params.year:
        filters.append(
            ActiveFilter("Year", year_label(params.year), url(params.query_args(year=None)))
        )
    for key in params.types:
        rest = tuple(t for t in params.types if t != key)
        filters.append(
            ActiveFilter("Type", doc_type_label(key), url(params.query_args(types=rest)))
        )
    if params.meeting:
        filters.append(
            ActiveFilter("Meeting", key_name(params.meeting), url(params.query_args(meeting=None)))
        )
    return filters


def build(result: dict[str, Any], params: SearchParams, url: UrlFor) -> dict[str, Any]:
    facets = result.get("facets") or {}
    return {
        "year": year_facet(facets.get("year") or {}, params, url),
        "doc_type": doc_type_facet(facets.get("doc_type") or {}, params, url),
        "meeting": meeting_facet(facets.get("meeting") or {}, params, url),
        "active": active_filters(params, url),
    }


def _year_sort_key(key: str) -> int:
    return int(key) if key.isdigit() else -1  # "undated" last


def _meeting_sort_key(key: str) -> tuple[str, int, int]:
    """By series, then newest first (a number or a year; numbered before unnumbered)."""
    found = MEETING_RE.fullmatch(key)
    if not found:
        return (key, 0, 0)
    return (found["series"], -int(found["number"] or 0), -int(found["year"] or 0))
