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
from indexer.search.engine import TYPE_GROUPS, UNDATED
from indexer.text.characters import without_controls

SORTS = ("relevance", "newest", "oldest")
YEAR_MIN, YEAR_MAX = 1000, 9999
UNDATED_YEARS = (0, 0)  # the year "range" of documents without a year
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
    year: tuple[int, int] | None = None  # UNDATED_YEARS: documents without a year
    types: tuple[str, ...] = ()  # document types or groups (TYPE_GROUPS), any of them
    meeting: str | None = None
    sort: str = "relevance"
    page: int = 1
    limit: int = 10
    hint: bool = True  # genre words in q are a type preference (off: words to match)
    named: bool = True  # a meeting named in q lists its documents first (off: words to match)
    synonyms: bool = True  # a concept named in q matches its other terms too (off: not)
    spelling: bool = True  # q finding nothing is searched as the suggestion spells it (off: not)

    def query_args(self, **changes: Any) -> dict[str, str | list[str]]:
        """URL arguments for this search with `changes` applied; defaults are left out.
        Several types are a list (``type=`` repeated); a year range open at one end is
        ``from`` or ``to`` alone.

        Any change other than `page` starts again from page 1, as a new filter or order does.
        """
        if "page" not in changes:
            changes["page"] = 1
        state = replace(self, **changes)
        args: dict[str, str | list[str]] = {
            "q": state.q,
            **_year_args(state.year),
            "type": list(state.types),
            "meeting": state.meeting or "",
            "sort": "" if state.sort == "relevance" else state.sort,
            "page": "" if state.page == 1 else str(state.page),
            "hint": "" if state.hint else "off",
            "named": "" if state.named else "off",
            "synonyms": "" if state.synonyms else "off",
            "spelling": "" if state.spelling else "off",
        }
        return {k: v for k, v in args.items() if v}

    def hidden_fields(self, **changes: Any) -> list[tuple[str, str]]:
        """``query_args(**changes)`` as (name, value) pairs for a form's hidden inputs."""
        return [
            (name, v)
            for name, value in self.query_args(**changes).items()
            for v in ([value] if isinstance(value, str) else value)
        ]

    @property
    def is_empty(self) -> bool:
        """No words and no filter: nothing to search for yet (an empty q with a filter lists
        the filtered documents, newest first)."""
        return not (self.q or self.year or self.types or self.meeting)

    def engine_kwargs(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "doc_type": list(self.types) or None,
            "meeting": self.meeting,
            "sort": self.sort,
            "page": self.page,
            "limit": self.limit,
            "type_hint": self.hint,
            "meeting_hint": self.named,
            "thesaurus": self.synonyms,
            "correct": self.spelling,
        }


def parse_search(
    args: Mapping[str, str], limits: Limits, *, limit: int | None = None
) -> SearchParams:
    """Read q, year, type (repeatable), meeting, sort, page, hint, named, synonyms and
    spelling from request arguments, and `limit` too unless the caller fixes it (the HTML
    pages do; the API lets the client choose)."""
    getlist = getattr(args, "getlist", None)
    types = getlist("type") if getlist else [args.get("type", "")]
    # Each name's first value in a plain dict: werkzeug's MultiDict.get raises and catches
    # an exception for every name a request leaves out.
    first = dict(args.items())
    if limit is None:
        limit = parse_int(first.get("limit", ""), "limit", 1, limits.max_limit, default=10)
    return SearchParams(
        q=parse_query(first.get("q", ""), limits),
        year=parse_year_fields(first),
        types=parse_types(types),
        meeting=parse_meeting(first.get("meeting", "")),
        sort=parse_sort(first.get("sort", "")),
        page=parse_int(first.get("page", ""), "page", 1, limits.max_page, default=1),
        limit=limit,
        hint=first.get("hint", "").strip() != "off",
        named=first.get("named", "").strip() != "off",
        synonyms=first.get("synonyms", "").strip() != "off",
        spelling=first.get("spelling", "").strip() != "off",
    )


def require_query(params: SearchParams) -> None:
    if params.is_empty:
        raise BadParameter(
            "q is required: the words to search for (or a year, type or meeting filter)."
        )


def parse_query(value: str, limits: Limits) -> str:
    """The query as every page echoes it: whitespace collapsed, without control characters
    (a feed holding one is ill-formed). Raises BadParameter when too long."""
    q = " ".join(without_controls(value).split())
    if len(q) > limits.max_query_length:
        raise BadParameter(
            f"The query is too long ({len(q)} characters); the most is {limits.max_query_length}."
        )
    return q


def parse_year(value: str) -> tuple[int, int] | None:
    """'2015' -> (2015, 2015); '2010-2015' or '2010..2015' -> (2010, 2015); 'undated' ->
    UNDATED_YEARS; '' -> None."""
    if not value.strip():
        return None
    if value.strip().lower() == UNDATED:
        return UNDATED_YEARS
    match = _YEAR_RE.match(value)
    if not match:
        raise BadParameter(
            f"year must be a year such as 2015, a range such as 2010-2015 or {UNDATED!r},"
            f" not {value!r}."
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
    one leaves that end open; two years in the wrong order are read the right way round),
    else from `year` (see `parse_year`)."""
    low, high = args.get("from", "").strip(), args.get("to", "").strip()
    if not (low or high):
        return parse_year(args.get("year", ""))
    for name, value in (("from", low), ("to", high)):
        if value and not re.fullmatch(r"\d{4}", value, re.ASCII):
            raise BadParameter(f"{name} must be a year such as 2015, not {value[:20]!r}.")
    if low and high and int(low) > int(high):
        low, high = high, low
    return parse_year(f"{low or YEAR_MIN}-{high or YEAR_MAX}")


def _year_args(year: tuple[int, int] | None) -> dict[str, str]:
    """The URL arguments of a year filter: ``year`` (one, a range or "undated"), or ``from``
    or ``to`` alone for a range open at one end."""
    if not year:
        return {}
    if year == UNDATED_YEARS:
        return {"year": UNDATED}
    low, high = year
    if high == YEAR_MAX and low > YEAR_MIN:
        return {"from": str(low)}
    if low == YEAR_MIN and high < YEAR_MAX:
        return {"to": str(high)}
    return {"year": format_year(year)}


def format_year(year: tuple[int, int]) -> str:
    low, high = year
    return str(low) if low == high else f"{low}-{high}"


def year_label(year: tuple[int, int]) -> str:
    """The year filter for people: "2015", "2010-2015", "2015 onwards", "until 2010",
    "undated"."""
    low, high = year
    if year == UNDATED_YEARS:
        return UNDATED
    if high == YEAR_MAX and low > YEAR_MIN:
        return f"{low} onwards"
    if low == YEAR_MIN and high < YEAR_MAX:
        return f"until {high}"
    return format_year(year)


def parse_types(values: list[str]) -> tuple[str, ...]:
    """The document types (or groups of TYPE_GROUPS) asked for, each once, in order."""
    found: list[str] = []
    for value in (v.strip() for v in values):
        if not value:
            continue
        if value not in DOC_TYPES and value not in TYPE_GROUPS:
            choices = ", ".join((*DOC_TYPES, *TYPE_GROUPS))
            raise BadParameter(f"type must be one of {choices}; not {value[:40]!r}.")
        if value not in found:
            found.append(value)
    return tuple(found)


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
