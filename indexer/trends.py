"""How attention to a term changes over the years: documents and passages mentioning it per year."""

from __future__ import annotations

from typing import Any, Protocol

MAX_TERMS = 6
MAX_TERM_LENGTH = 200


class YearCounting(Protocol):
    """The part of `indexer.search.Engine` that trends need."""

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


def trends(engine: YearCounting, terms: list[str]) -> dict[str, Any]:
    """Per year, how many documents and passages mention each term.

    Returns ``{"terms": [str], "years": [int], "series": [{"term", "documents", "passages",
    "counts": [{"year", "documents", "passages"}]}]}``: ``years`` runs without gaps over the
    index's years (and any year a term is found in), each series has one count per year
    (zeros included), and ``documents``/``passages`` are the series' totals.
    Terms use the search query syntax ("exact phrase", OR, -word).
    """
    terms = clean_terms(terms)
    per_term = {
        term: {int(year): counts for year, counts in engine.year_counts(term).items()}
        for term in terms
    }
    seen = {year for counts in per_term.values() for year in counts}
    seen.update(int(y) for y in engine.stats().get("years") or [])
    years = list(range(min(seen), max(seen) + 1)) if seen else []
    series = []
    for term in terms:
        counts = [
            {
                "year": year,
                "documents": int(per_term[term].get(year, {}).get("documents", 0)),
                "passages": int(per_term[term].get(year, {}).get("passages", 0)),
            }
            for year in years
        ]
        series.append(
            {
                "term": term,
                "documents": sum(c["documents"] for c in counts),
                "passages": sum(c["passages"] for c in counts),
                "counts": counts,
            }
        )
    return {"terms": terms, "years": years, "series": series}
