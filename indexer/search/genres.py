"""Genre words: "statement", "declaration", "chair's statement", "news", "speech", "report"
and "plan" in a query name the kind of document wanted, not words it must hold.
"Nanjing 2014 ministerial statement" wants the 2014 statement, whose text need not say
"statement": the genre words leave the query and become a type preference (documents of
those types weigh more: engine.TYPE_PREFERENCE), which the user sees and can remove.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from indexer.extract.doctype import STATEMENT_TYPES

_APOSTROPHE = "['\u2019]"
# (pattern, types preferred, label), the longer names first.
GENRES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (rf"chair(?:man|person)?(?:{_APOSTROPHE}s|s{_APOSTROPHE}?)?\s+statements?",
     ("chairs_statement",), "chair's statements"),
    (r"statements?", STATEMENT_TYPES, "statements"),
    (r"declarations?", ("declaration", "ministerial_statement"), "declarations"),
    (r"(?:news|press|media)\s+releases?|news", ("news_release", "news_article"), "news"),
    (r"speech(?:es)?", ("speech",), "speeches"),
    (r"reports?", ("meeting_report",), "reports"),
    (r"plans?", ("strategic_plan", "initiative"), "plans"),
)  # fmt: skip
_GENRE = re.compile(
    r"(?<![\w:\-*])(?:" + "|".join(f"({p})" for p, _, _ in GENRES) + r")(?![\w*:\-'\u2019])",
    re.IGNORECASE,
)
# Syntax in which removing a word would change the query's meaning: leave it as typed.
_SYNTAX = re.compile(r"\b(?:OR|AND|NOT)\b|[()]|\b(?i:type):")  # operators are upper case


@dataclass(frozen=True)
class TypeHint:
    """The genre words a query held, the types they prefer, and the query without them."""

    words: tuple[str, ...]
    types: frozenset[str]
    labels: tuple[str, ...]
    rest: str

    def as_json(self, type_counts: dict[str, int]) -> dict[str, Any]:
        """``{"words": [as typed], "types": [sorted], "label": "statements", "matched": n}``,
        ``matched`` the results of the preferred types (``type_counts``: the results' count
        by type, those holding some of the words included)."""
        return {
            "words": list(self.words),
            "types": sorted(self.types),
            "label": " and ".join(self.labels),
            "matched": sum(type_counts.get(t, 0) for t in self.types),
        }


def type_hint(q: str) -> TypeHint | None:
    """The type preference the genre words of ``q`` make, outside quotes; None when it
    has none, when it is only genre words (then they are what is searched for), or when
    it uses OR, AND, NOT, parentheses or ``type:`` (the user chose the logic)."""
    if _SYNTAX.search(q) or not _GENRE.search(q):  # most queries: no genre word at all
        return None
    pieces = re.split(r'("[^"]*")', q)
    words: list[str] = []
    types: set[str] = set()
    labels: list[str] = []

    def take(m: re.Match) -> str:
        i = next(i for i, g in enumerate(m.groups()) if g)
        _, preferred, label = GENRES[i]
        words.append(m.group(0))
        types.update(preferred)
        if label not in labels:
            labels.append(label)
        return " "

    rest = "".join(p if p.startswith('"') else _GENRE.sub(take, p) for p in pieces)
    rest = " ".join(rest.split())
    if not words or not re.search(r"\w", rest):
        return None
    return TypeHint(tuple(words), frozenset(types), tuple(labels), rest)
