"""How attention to a term changes over the years: documents and passages mentioning it per
year, and its mentions per 10,000 words of that year's text.

Raw counts follow how much text each year has; dividing the mentions by the year's words
(as Bookworm and the Google Books Ngram Viewer do) shows the share of attention instead.
"""

from __future__ import annotations

from typing import Any, Protocol

MAX_TERMS = 6
MAX_TERM_LENGTH = 200
PER_WORDS = 10_000
# measure key -> what the chart's y-axis says
MEASURES = {
    "documents": "Documents mentioning the term",
    "per_10k_words": "Mentions per 10,000 words",
}


class YearCounting(Protocol):
    """The part of `indexer.search.engine.Engine` that trends need."""

    def year_counts(self, q: str) -> dict[int, dict]: ...

    def stats(self) -> dict: ...


def clean_terms(terms: list[str]) -> list[str]:
    """The terms stripped, blanks and repeats dropped; ValueError when none or too many."""
    cleaned: list[str] = []
    for term in terms:
        term = " ".join(term.split())
        if len(term) > MAX_TERM_LENGTH:
            raise ValueError(f"A term is limited to {MAX_TERM_LENGTH} characters.")
        if term and term not in cleaned:
            cleaned.append(term)
    if not cleaned:
        raise ValueError("Give at least one word or phrase to follow over the years.")
    if len(cleaned) > MAX_TERMS:
        raise ValueError(f"Compare at most {MAX_TERMS} terms at a time.")
    return cleaned


def per_words(mentions: int, words: int) -> float:
    """Mentions per 10,000 words, rounded to 2 decimals (0.0 for a year without text)."""
    return round(mentions * PER_WORDS / words, 2) if words else 0.0


def trends(engine: YearCounting, terms: list[str]) -> dict[str, Any]:
    """Per year, how many documents and passages mention each term, and how often.

    Returns ``{"terms": [str], "years": [int], "words": [int], "series": [{"term",
    "documents", "passages", "mentions", "counts": [{"year", "documents", "passages",
    "mentions", "per_10k_words"}]}]}``: ``years`` runs without gaps over the index's years
    (and any year a term is found in), ``words`` is each year's number of words of text
    (0 when the index predates this count), each series has one count per year (zeros
    included) and ``documents``/``passages``/``mentions`` are the series' totals. Terms use
    the search query syntax ("exact phrase", OR, -word, prefix*), parsed by the engine.
    """
    terms = clean_terms(terms)
    per_term = {
        term: {int(year): counts for year, counts in engine.year_counts(term).items()}
        for term in terms
    }
    stats = engine.stats()
    words_per_year = {int(y): int(n) for y, n in (stats.get("words_per_year") or {}).items()}
    seen = {year for counts in per_term.values() for year in counts}
    seen.update(int(y) for y in stats.get("years") or [])
    years = list(range(min(seen), max(seen) + 1)) if seen else []
    series = []
    for term in terms:
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
                "documents": sum(c["documents"] for c in counts),
                "passages": sum(c["passages"] for c in counts),
                "mentions": sum(c["mentions"] for c in counts),
                "counts": counts,
            }
        )
    words = [words_per_year.get(year, 0) for year in years]
    return {"terms": terms, "years": years, "words": words, "series": series}
