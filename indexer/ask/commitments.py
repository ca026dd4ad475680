"""What ministers committed to, as a question asks it ("What did ministers commit to on access
to finance?", "Which pledges on digitalisation were made in 2015?"): answered by the record of
commitments (indexer.commitments), each cited by its sentence, rather than by a phrase
picked out of one sentence. A question names a topic of the record's concepts file
(``topics_of``) and may name a year or a range of years."""

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


def asked_commitments(
    source: HasIndexPath, question: str, limit: int = SHOWN
) -> dict[str, Any] | None:
    """The commitments ``question`` asks for, or None when it asks for none, names no
    topic, or the index has no record of commitments: ``{"topic", "label", "years":
    [first, last] or null, "total", "first_year", "last_year", "url", "records": [{"text",
    "lead_in", "year", "strength", "title", "url", "link"}]}``, newest first (``lead_in``: the
    sentence introducing a list item, or null), at most ``limit``
    records; ``url`` the commitments page of that topic (and years), listing them all."""
    if not (_ASKS_WHAT.search(question) and ASKS_COMMITMENTS.search(question)):
        return None
    topics = topics_of(question)
    if not topics:
        return None
    years_named = sorted(int(y) for y in YEAR.findall(question))
    years = (years_named[0], years_named[-1]) if years_named else None
    try:
        found = find_commitments(source, topic=topics[0], years=years)
    except CommitmentsMissing:
        return None
    dated = [r.year for r in found if r.year]
    query = {"topic": topics[0]} | ({"year": f"{years[0]}-{years[1]}"} if years else {})
    return {
        "topic": topics[0],
        "label": topic_label(topics[0]),
        "years": list(years) if years else None,
        "total": len(found),
        "first_year": min(dated, default=None),
        "last_year": max(dated, default=None),
        "url": f"/commitments?{urlencode(query)}",
        "records": [
            {
                "text": r.text,
                "lead_in": r.lead_in,
                "year": r.year,
                "strength": r.strength,
                "title": r.title,
                "url": r.url,
                "link": r.link,
            }
            for r in found[: max(1, limit)]
        ],
    }
