"""`/commitments` and `/trends`, with their CSV and JSON twins.

`/commitments?topic=&year=&strength=&q=&page=`: commitment records grouped by year, newest
first, the verb highlighted, their sources (primary first) and the news reporting them, a
per-year chart, "first mentioned in" for a topic, and a CSV of the current view named for its
filter. `/trends?q=…&q=…&measure=documents|per_10k_words`: each term per year as one chart
(a line per term) and a table whose cells link to that year's search results.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for
from markupsafe import Markup, escape

from indexer.commitments import STRENGTHS
from indexer.commitments.store import (
    CSV_COLUMNS,
    Commitment,
    CommitmentsMissing,
    counts_by_year,
    csv_filename,
    csv_rows,
    find_commitments,
    first_year,
    group_by_year,
)
from indexer.commitments.topics import TOPICS, TOPICS_BY_SLUG, topic_label
from indexer.search.trends import MAX_TERMS, MEASURES, clean_terms, trends
from indexer.text import concepts as concept_file
from webapp.charts import SIZES, Series, bar_chart, line_chart
from webapp.csv_export import csv_response
from webapp.engine import get_engine
from webapp.errors import error_response
from webapp.params import BadParameter, Limits, format_year, parse_int, parse_query, parse_year

bp = Blueprint("commitments", __name__)

PAGE_SIZE = 100  # records per /commitments page (app config COMMITMENTS_PAGE_SIZE)
MAX_PAGE = 1000


@dataclass(frozen=True)
class Filters:
    """The state of a /commitments view, as carried in the URL."""

    topic: str | None = None
    year: tuple[int, int] | None = None
    strength: str | None = None
    q: str = ""
    page: int = 1

    def query_args(self, **changes: Any) -> dict[str, str]:
        """URL arguments with `changes` applied (back to page 1 unless `page` is changed)."""
        changes.setdefault("page", 1)
        state = replace(self, **changes)
        args = {
            "topic": state.topic or "",
            "year": format_year(state.year) if state.year else "",
            "strength": state.strength or "",
            "q": state.q,
            "page": "" if state.page == 1 else str(state.page),
        }
        return {k: v for k, v in args.items() if v}

    @property
    def year_text(self) -> str:
        return format_year(self.year) if self.year else ""

    def find(self) -> list[Commitment]:
        return find_commitments(
            get_engine(), topic=self.topic, years=self.year, strength=self.strength, q=self.q
        )


def parse_filters() -> Filters:
    args = request.args
    topic = args.get("topic", "").strip() or None
    if topic is not None and topic not in TOPICS_BY_SLUG:
        raise BadParameter(f"topic must be one of {', '.join(TOPICS_BY_SLUG)}; not {topic!r}.")
    strength = args.get("strength", "").strip() or None
    if strength is not None and strength not in STRENGTHS:
        raise BadParameter(f"strength must be one of {', '.join(STRENGTHS)}; not {strength!r}.")
    return Filters(
        topic=topic,
        year=parse_year(args.get("year", "")),
        strength=strength,
        q=parse_query(args.get("q", ""), Limits.from_config(current_app.config)),
        page=parse_int(args.get("page", ""), "page", 1, MAX_PAGE, default=1),
    )


@bp.app_errorhandler(CommitmentsMissing)
def commitments_missing(error: CommitmentsMissing):
    return error_response(503, str(error), index_missing=True)


@bp.app_template_filter("verb_marked")
def verb_marked(record: Commitment) -> Markup:
    """The sentence, escaped, with its verb phrase in <mark class="verb">."""
    if not record.verb_span:
        return escape(record.text)
    start, end = record.verb_span
    text = record.text
    return Markup('{}<mark class="verb">{}</mark>{}').format(
        text[:start], text[start:end], text[end:]
    )


def year_chart(records: list[Commitment], filters: Filters) -> tuple[list[dict], dict[str, Markup]]:
    """Rows (year, count, link) without gaps, and their bar chart drawn wide and narrow
    (`charts`); none without dated records."""
    counts = counts_by_year(records)
    if not counts:
        return [], {}
    years = list(range(min(counts), max(counts) + 1))
    rows = [
        {
            "year": y,
            "count": counts.get(y, 0),
            "url": url_for(".commitments_page", **filters.query_args(year=(y, y))),
        }
        for y in years
    ]
    label = topic_label(filters.topic) if filters.topic else ""
    series = Series(label, [r["count"] for r in rows], [r["url"] for r in rows])
    title = "Commitments per year" + (f" on {label}" if label else "")
    charts = {
        size: bar_chart(
            years,
            [series],
            title=title,
            unit="commitments",
            y_label="Commitments",
            chart_id=f"per-year-{size}",
            width=width,
        )
        for size, width in SIZES.items()
    }
    return rows, charts


@bp.get("/commitments")
def commitments_page() -> str:
    filters = parse_filters()
    records = filters.find()
    size = current_app.config.get("COMMITMENTS_PAGE_SIZE", PAGE_SIZE)
    pages = max(1, -(-len(records) // size))
    shown = records[(filters.page - 1) * size : filters.page * size]
    rows, charts = year_chart(records, filters)
    first = (
        first_year(find_commitments(get_engine(), topic=filters.topic)) if filters.topic else None
    )
    return render_template(
        "commitments.html",
        filters=filters,
        total=len(records),
        groups=group_by_year(shown),
        pages=pages,
        page_url=lambda n: url_for(".commitments_page", **filters.query_args(page=n)),
        year_rows=rows,
        charts=charts,
        first_year=first,
        topics=TOPICS,
        strengths=STRENGTHS,
        topic_label=topic_label,
        csv_url=url_for(".commitments_csv", **filters.query_args()),
        json_url=url_for(".commitments_api", **filters.query_args()),
    )


@bp.get("/commitments.csv")
def commitments_csv() -> Response:
    filters = parse_filters()
    name = csv_filename(filters.topic, filters.year, filters.strength, filters.q)
    return csv_response(csv_rows(filters.find()), CSV_COLUMNS, name)


@bp.get("/api/commitments")
def commitments_api() -> Response:
    """Exactly `apec-search commitments --json` (all pages)."""
    records = parse_filters().find()
    return jsonify({"total": len(records), "commitments": [r.to_dict() for r in records]})


def parse_terms() -> list[str]:
    """The non-blank `q` parameters; none is fine (the page then shows only its form)."""
    limits = Limits.from_config(current_app.config)
    terms = [parse_query(t, limits) for t in request.args.getlist("q")]
    terms = [t for t in terms if t]
    if not terms:
        return []
    try:
        return clean_terms(terms)
    except ValueError as error:
        raise BadParameter(str(error)) from error


def year_search_url(term: str, year: int) -> str:
    """The results page for `term` in one year (a trend bar or table cell links there): its
    words only, as the trend counts them (no synonyms, genre or meeting reading)."""
    return url_for("search.results", q=term, year=year, hint="off", named="off", synonyms="off")


def parse_measure() -> str:
    """The `measure` parameter: a key of MEASURES (default documents)."""
    measure = request.args.get("measure", "").strip() or "documents"
    if measure not in MEASURES:
        raise BadParameter(f"measure must be one of {', '.join(MEASURES)}; not {measure!r}.")
    return measure


def shown_measure(found: dict[str, Any], measure: str) -> str:
    """The measure the chart draws: the one asked for, unless it is per 10,000 words and no
    year holds text enough for that figure to mean something (then documents per year)."""
    if measure == "per_10k_words" and not any(
        c["per_10k_words"] is not None for s in found["series"] for c in s["counts"]
    ):
        return "documents"
    return measure


def trend_charts(found: dict[str, Any], measure: str) -> dict[str, Markup]:
    """One chart of `measure` per year, a line per term, drawn wide and narrow; each point
    links to that year's search. A year too thin to chart (`thin_years`) is a gap."""
    thin = set(found.get("thin_years") or [])
    series = [
        Series(
            s["term"],
            [None if c["year"] in thin else c[measure] for c in s["counts"]],
            [year_search_url(s.get("query", s["term"]), c["year"]) for c in s["counts"]],
        )
        for s in found["series"]
    ]
    terms = ", ".join(found["terms"])
    unit = "documents" if measure == "documents" else "mentions per 10,000 words"
    return {
        size: line_chart(
            found["years"],
            series,
            title=f"{MEASURES[measure]}, per year: {terms}",
            unit=unit,
            y_label=MEASURES[measure] if size == "wide" else unit.capitalize(),
            chart_id=f"trend-{size}",
            width=width,
        )
        for size, width in SIZES.items()
    }


def parse_topics() -> list[str]:
    """The `topic` parameters: slugs of the record's concepts file (a 400 for another)."""
    known = {t.slug for t in concept_file.topics()}
    chosen = [t.strip() for t in request.args.getlist("topic") if t.strip()]
    unknown = [t for t in chosen if t not in known]
    if unknown:
        raise BadParameter(f"topic must be one of {', '.join(sorted(known))}; not {unknown[0]!r}.")
    return list(dict.fromkeys(chosen))


def _trends(terms: list[str], topics: list[str]) -> dict[str, Any]:
    try:
        return trends(get_engine(), terms, topics)
    except ValueError as error:  # too many terms and topics together
        raise BadParameter(str(error)) from error


@bp.get("/trends")
def trends_page() -> str:
    terms = parse_terms()
    topics = parse_topics()
    measure = parse_measure()
    found = _trends(terms, topics) if terms or topics else None
    shown = shown_measure(found, measure) if found else measure
    return render_template(
        "trends.html",
        terms=found["terms"] if found else terms,
        found=found,
        measure=measure,
        shown=shown,
        measures=MEASURES,
        charts=trend_charts(found, shown) if found else {},
        inputs=(terms + [""] * MAX_TERMS)[: max(3, min(len(terms) + 1, MAX_TERMS))],
        topics=concept_file.topics(),
        chosen_topics=topics,
        max_terms=MAX_TERMS,
        search_url=year_search_url,
        counted_words=bool(found and any(found["words"])),
    )


@bp.get("/api/trends")
def trends_api() -> Response:
    """Exactly `apec-search trends --json`, which holds every measure; `measure` is checked
    as the page checks it, so that a link that works here works there."""
    terms, topics = parse_terms(), parse_topics()
    parse_measure()
    if not terms and not topics:
        raise BadParameter("q is required: one or more words or phrases to follow (or a topic).")
    return jsonify(_trends(terms, topics))
