"""Validation of request parameters: every page and API reads its parameters through here.

A value that cannot be used raises `BadParameter`, whose message is shown to the user with a
400 (HTML on pages, JSON on the API), never a 500.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from indexer.model import DOC_TYPES
from indexer.record.mentions import SERIES

SORTS = ("relevance", "newest", "oldest")
YEAR_MIN, YEAR_MAX = 1000, 9999
_YEAR_RE = re.compile(r"^\s*(\d{4})\s*(?:(?:-|\.\.|–)\s*(\d{4})\s*)?$", re.ASCII)
_DIGITS_RE = re.compile(r"\d+", re.ASCII)
# a meeting key (indexer.record.store.meeting_key): "sme_ministerial/25", "smewg/y2012"
MEETING_RE = re.compile(
    r"(?P<series>[a-z_]+)/(?:(?P<number>[1-9][0-9]{0,3})|y(?P<year>[0-9]{4}))", re.ASCII
)


class BadParameter(ValueError):
    """A parameter that cannot be used; str(e) is the message for the user."""


@dataclass(frozen=True)
class Limits:
    max_query_length: int
    max_page: int
    max_limit: int

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Limits:
        return cls(config["MAX_QUERY_LENGTH"], config["MAX_PAGE"], config["API_MAX_LIMIT"])


@dataclass(frozen=True)
class SearchParams:
    """The state of a search, as carried in the URL."""

    q: str = ""
    year: tuple[int, int] | None = None
    doc_type: str | None = None
    meeting: str | None = None
    sort: str = "relevance"
    page: int = 1
    limit: int = 10

    def query_args(self, **changes: Any) -> dict[str, str]:
        """URL arguments for this search with `changes` applied; defaults are left out.

        Any change other than `page` starts again from page 1, as a new filter or order does.
        """
        if "page" not in changes:
            changes["page"] = 1
        state = replace(self, **changes)
        args = {
            "q": state.q,
            "year": format_year(state.year) if state.year else "",
            "type": state.doc_type or "",
            "meeting": state.meeting or "",
            "sort": "" if state.sort == "relevance" else state.sort,
            "page": "" if state.page == 1 else str(state.page),
        }
        return {k: v for k, v in args.items() if v}

    @property
    def is_empty(self) -> bool:
        """No words and no filter: nothing to search for yet (an empty q with a filter lists
        the filtered documents, newest first)."""
        return not (self.q or self.year or self.doc_type or self.meeting)

    def engine_kwargs(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "doc_type": self.doc_type,
            "meeting": self.meeting,
            "sort": self.sort,
            "page": self.page,
            "limit": self.limit,
        }


def parse_search(
    args: Mapping[str, str], limits: Limits, *, limit: int | None = None
) -> SearchParams:
    """Read q, year, type, meeting, sort and page from request arguments, and `limit` too unless the
    caller fixes it (the HTML pages do; the API lets the client choose)."""
    if limit is None:
        limit = parse_int(args.get("limit", ""), "limit", 1, limits.max_limit, default=10)
    return SearchParams(
        q=parse_query(args.get("q", ""), limits),
        year=parse_year_fields(args),
        doc_type=parse_doc_type(args.get("type", "")),
        meeting=parse_meeting(args.get("meeting", "")),
        sort=parse_sort(args.get("sort", "")),
        page=parse_int(args.get("page", ""), "page", 1, limits.max_page, default=1),
        limit=limit,
    )


def require_query(params: SearchParams) -> None:
    if params.is_empty:
        raise BadParameter(
            "q is required: the words to search for (or a year, type or meeting filter)."
        )


def parse_query(value: str, limits: Limits) -> str:
    q = " ".join(value.split())
    if len(q) > limits.max_query_length:
        raise BadParameter(
            f"The query is too long ({len(q)} characters); the most is {limits.max_query_length}."
        )
    return q


def parse_year(value: str) -> tuple[int, int] | None:
    """'2015' -> (2015, 2015); '2010-2015' or '2010..2015' -> (2010, 2015); '' -> None."""
    if not value.strip():
        return None
    match = _YEAR_RE.match(value)
    if not match:
        raise BadParameter(
            f"year must be a year such as 2015 or a range such as 2010-2015, not {value!r}."
        )
    low = int(match.group(1))
    high = int(match.group(2) or low)
    if not (YEAR_MIN <= low <= YEAR_MAX and YEAR_MIN <= high <= YEAR_MAX):
        raise BadParameter(f"year must be between {YEAR_MIN} and {YEAR_MAX}.")
    if low > high:
        raise BadParameter(f"The year range {value!r} ends before it starts.")
    return (low, high)


def parse_year_fields(args: Mapping[str, str]) -> tuple[int, int] | None:
    """The year range from the page's `from` and `to` boxes when either is filled (an empty
    one leaves that end open), else from `year` (see `parse_year`)."""
    low, high = args.get("from", "").strip(), args.get("to", "").strip()
    if not (low or high):
        return parse_year(args.get("year", ""))
    for name, value in (("from", low), ("to", high)):
        if value and not re.fullmatch(r"\d{4}", value, re.ASCII):
            raise BadParameter(f"{name} must be a year such as 2015, not {value[:20]!r}.")
    return parse_year(f"{low or YEAR_MIN}-{high or YEAR_MAX}")


def format_year(year: tuple[int, int]) -> str:
    low, high = year
    return str(low) if low == high else f"{low}-{high}"


def parse_doc_type(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if value not in DOC_TYPES:
        raise BadParameter(f"type must be one of {', '.join(DOC_TYPES)}; not {value!r}.")
    return value


def parse_meeting(value: str) -> str | None:
    """A meeting key: the series and the number ("sme_ministerial/25"), or "y" and the year
    for a meeting with no number ("smewg/y2012"); '' -> None."""
    value = value.strip()
    if not value:
        return None
    found = MEETING_RE.fullmatch(value)
    if not found or found["series"] not in SERIES:
        raise BadParameter(
            f"meeting must be a series ({', '.join(SERIES)}), a slash and the meeting's number"
            f" (or y and its year), such as sme_ministerial/25 or smewg/y2012; not {value[:40]!r}."
        )
    return value


def parse_sort(value: str) -> str:
    value = value.strip() or "relevance"
    if value not in SORTS:
        raise BadParameter(f"sort must be one of {', '.join(SORTS)}; not {value!r}.")
    return value


def parse_int(value: str, name: str, low: int, high: int, *, default: int) -> int:
    value = value.strip()
    if not value:
        return default
    if not _DIGITS_RE.fullmatch(value):
        raise BadParameter(f"{name} must be a whole number from {low} to {high}, not {value!r}.")
    number = int(value[:12])  # a longer number is out of range anyway
    if len(value) > 12 or not low <= number <= high:
        raise BadParameter(f"{name} must be from {low} to {high}; {value[:20]!r} is out of range.")
    return number
