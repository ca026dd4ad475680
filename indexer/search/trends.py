"""How attention to a term changes over the years: documents and passages mentioning it per
year, and its mentions per 10,000 words of that year's text, with the text behind each year.

Raw counts follow how much text each year has; dividing the mentions by the year's words
(as Bookworm and the Google Books Ngram Viewer do) shows the share of attention instead,
but only where a year holds enough text for it to mean something: with fewer than
MEANINGFUL_WORDS words one mention alone is worth a whole point or more, so the figure is
not given (null) and documents per year speak instead. A year with fewer than
MIN_YEAR_WORDS words of text is too thin to chart at all: it is a gap, named in a note.
Documents without a year cannot be placed on the chart; how many there are is stated.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from indexer.text import concepts as concept_file

MAX_TERMS = 6
MAX_TERM_LENGTH = 200
PER_WORDS = 10_000
MEANINGFUL_WORDS = 10_000  # a year's words below which one mention is >= 1 per 10,000 words
MIN_YEAR_WORDS = 500  # a year's words below which it is a gap on the chart (about a page)
# measure key -> what the chart's y-axis says
MEASURES = {
    "documents": "Documents mentioning the term",
    "per_10k_words": "Mentions per 10,000 words",
}


class YearCounting(Protocol):
    """The part of `indexer.search.engine.Engine` that trends need."""

    def year_counts(self, q: str) -> dict[int, dict]: ...

    def stats(self) -> dict: ...


def topic_query(slug: str) -> tuple[str, str]:
    """(label, query) of a topic of the record's concepts file (indexer.text.concepts): its
    concepts' terms, any of them ("access to credit" OR financing OR ...). ValueError for
    a slug the file does not name."""
    labels = {t.slug: t.label for t in concept_file.topics()}
    if slug not in labels:
        raise ValueError(f"Unknown topic {slug!r}: one of {', '.join(labels)}.")
    terms = dict.fromkeys(t for c in concept_file.concepts() if c.topic == slug for t in c.terms)
    return labels[slug], " OR ".join(f'"{t}"' if " " in t else t for t in terms)


def clean_terms(terms: list[str], topics: Sequence[str] = ()) -> list[str]:
    """The terms stripped, blanks and repeats dropped; ValueError when none (nor any of
    `topics`) or too many with the topics."""
    cleaned: list[str] = []
    for term in terms:
        term = " ".join(term.split())
        if len(term) > MAX_TERM_LENGTH:
            raise ValueError(f"A term is limited to {MAX_TERM_LENGTH} characters.")
        if term and term not in cleaned:
            cleaned.append(term)
    if not cleaned and not topics:
        raise ValueError("Give at least one word or phrase to follow over the years.")
    if len(cleaned) + len(topics) > MAX_TERMS:
        raise ValueError(f"Compare at most {MAX_TERMS} terms at a time.")
    return cleaned


def per_words(mentions: int, words: int) -> float | None:
    """Mentions per 10,000 words, rounded to 2 decimals; None for a year of fewer than
    MEANINGFUL_WORDS words, where the figure would magnify single mentions."""
    return round(mentions * PER_WORDS / words, 2) if words >= MEANINGFUL_WORDS else None


def trends(engine: YearCounting, terms: list[str], topics: Sequence[str] = ()) -> dict[str, Any]:
    """Per year, how many documents and passages mention each term (and each topic of
    `topics`: any of its concepts' terms, `topic_query`), and how often.

    Returns ``{"terms": [str], "years": [int], "words": [int], "documents_per_year": [int],
    "thin_years": [int], "undated_documents": int, "min_year_words": int,
    "meaningful_words": int, "series": [{"term", "query", "documents", "passages", "mentions",
    "counts": [{"year", "documents", "passages", "mentions", "per_10k_words"}],
    "only_in_thin_years": [int]}]}``:
    ``years`` runs without gaps over the index's years (and any year a term is found in),
    ``words`` and ``documents_per_year`` are the words of text and the documents each year
    holds (0 when the index predates these counts), ``thin_years`` those of fewer than
    ``min_year_words`` words (gaps on a chart), ``undated_documents`` the documents left out
    for want of a year; each series has one count per year (zeros included; ``per_10k_words``
    null below ``meaningful_words`` words), ``documents``/``passages``/``mentions`` are
    the series' totals, and ``only_in_thin_years`` the years it is found in when all are
    thin (a chart would show it flat at zero), else []. Terms use the search query syntax
    ("exact phrase", OR, -word, prefix*), parsed by the engine.
    """
    topics = list(dict.fromkeys(topics))
    terms = clean_terms(terms, topics)
    queries = {term: term for term in terms}
    for slug in topics:
        label, query = topic_query(slug)
        queries[label] = query
    per_term = {
        term: {int(year): counts for year, counts in engine.year_counts(query).items()}
        for term, query in queries.items()
    }
    stats = engine.stats()
    words_per_year = {int(y): int(n) for y, n in (stats.get("words_per_year") or {}).items()}
    seen = {year for counts in per_term.values() for year in counts}
    seen.update(int(y) for y in stats.get("years") or [])
    years = list(range(min(seen), max(seen) + 1)) if seen else []
    series = []
    for term in queries:
        counts = []
        for year in years:
            found = per_term[term].get(year, {})
            mentions = int(found.get("mentions", 0))
            counts.append(
                {
                    "year": year,
                    "documents": int(found.get("documents", 0)),
                    "passages": int(found.get("passages", 0)),
                    "mentions": mentions,
                    "per_10k_words": per_words(mentions, words_per_year.get(year, 0)),
                }
            )
        series.append(
            {
                "term": term,
                "query": queries[term],
                "documents": sum(c["documents"] for c in counts),
                "passages": sum(c["passages"] for c in counts),
                "mentions": sum(c["mentions"] for c in counts),
                "counts": counts,
            }
        )
    words = [words_per_year.get(year, 0) for year in years]
    thin = {y for y, n in zip(years, words, strict=True) if n < MIN_YEAR_WORDS}
    for s in series:  # found, but only where the chart leaves gaps: the page says so
        found_in = {y for y, c in zip(years, s["counts"], strict=True) if c["documents"]}
        s["only_in_thin_years"] = sorted(found_in) if found_in and found_in <= thin else []
    held = {int(y): int(n) for y, n in (stats.get("documents_per_year") or {}).items()}
    return {
        "terms": list(queries),
        "years": years,
        "words": words,
        "documents_per_year": [held.get(year, 0) for year in years],
        "thin_years": sorted(thin),
        "undated_documents": int(stats.get("undated_documents") or 0),
        "min_year_words": MIN_YEAR_WORDS,
        "meaningful_words": MEANINGFUL_WORDS,
        "series": series,
    }
