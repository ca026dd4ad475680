"""What ministers committed to, as a question asks it ("What did ministers commit to on access
to finance?", "Which pledges on digitalisation were made in 2015?", "What did ministers
commit to?"): answered by the record of commitments (indexer.commitments), each cited by
its sentence, rather than by a phrase picked out of one sentence. The question may name a
topic of the record's concepts file (``topics_of``), else words to find in the commitments
("on tourism"), and a year or a range of years."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from indexer.ask.question import YEAR
from indexer.commitments.store import CommitmentsMissing, HasIndexPath, find_commitments
from indexer.commitments.topics import topic_label, topics_of

SHOWN = 5  # commitments an answer lists; the rest are a link away
# "commit", "commitments", "pledged", "promise", "undertook", "what did ministers agree to"
ASKS_COMMITMENTS = re.compile(
    r"\b(?:commit(?:s|ted|ting|ments?)?|pledg\w*|promis\w*|undert(?:ook|ake\w*)"
    r"|agree[sd]?\s+to)\b",
    re.I,
)
_ASKS_WHAT = re.compile(r"^\s*(?:what|which|list|show|give)\b", re.I)
# what the commitments asked for are about: "... on tourism in 2015?" -> "tourism"
_ABOUT = re.compile(r"\b(?:on|about|regarding|concerning)\s+(?P<about>[^?]+)", re.I)
_ABOUT_END = re.compile(
    r"\s+(?:in|at|during|since|between|from|were|was|made|by)\b|[,;]|\s+(?:19|20)\d\d\b", re.I
)


def _about(question: str) -> str | None:
    """The words a question says the commitments are about, or None."""
    found = _ABOUT.search(question)
    if not found:
        return None
    words = _ABOUT_END.split(found.group("about"), maxsplit=1)[0].strip(" .")
    return words or None


def _given(query: dict[str, str | None]) -> dict[str, str]:
    return {name: value for name, value in query.items() if value}


def _years_text(years: tuple[int, int]) -> str:
    return str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"


def asked_commitments(
    source: HasIndexPath, question: str, limit: int = SHOWN
) -> dict[str, Any] | None:
    """The commitments ``question`` asks for, or None when it asks for none or the index has
    no record of commitments: ``{"topic", "words", "label", "years": [first, last] or null,
    "total", "first_year", "last_year", "url", "records": [{"text", "lead_in", "year",
    "strength", "title", "url", "link", "doc_id"}]}``, newest first, at most ``limit``
    records (``lead_in``: the sentence introducing a list item, or null). ``topic`` is the
    topic the question names (else null), ``words`` what else it says they are about (else
    null; none of the two: every commitment), ``label`` says which in words ("Access to
    finance", "“tourism”", "every topic", with the years), ``url`` the /commitments view
    listing them all."""
    if not (_ASKS_WHAT.search(question) and ASKS_COMMITMENTS.search(question)):
        return None
    topics = topics_of(question)
    topic = topics[0] if topics else None
    about = None if topic else _about(question)
    years_named = sorted(int(y) for y in YEAR.findall(question))
    years = (years_named[0], years_named[-1]) if years_named else None
    try:
        found = find_commitments(source, topic=topic, years=years, q=about)
    except CommitmentsMissing:
        return None
    label = topic_label(topic) if topic else f"“{about}”" if about else "every topic"
    query = {"topic": topic, "q": about, "year": years and f"{years[0]}-{years[1]}"}
    dated = [r.year for r in found if r.year]
    return {
        "topic": topic,
        "words": about,
        "label": label + (f", {_years_text(years)}" if years else ""),
        "years": list(years) if years else None,
        "total": len(found),
        "first_year": min(dated, default=None),
        "last_year": max(dated, default=None),
        "url": "/commitments" + (f"?{urlencode(chosen)}" if (chosen := _given(query)) else ""),
        "records": [
            {
                "text": r.text,
                "lead_in": r.lead_in,
                "year": r.year,
                "strength": r.strength,
                "title": r.title,
                "url": r.url,
                "link": r.link,
                "doc_id": r.doc_id,
            }
            for r in found[: max(1, limit)]
        ],
    }
