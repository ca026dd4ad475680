"""Meetings named in a query: "28th SME ministerial meeting Phuket", "SMEWG meeting Brunei
2009", "APEC SMEMM Seattle 2023" name one meeting of the record, whose documents are what
the reader wants, whether or not their text repeats the words (a Korean story about the
31st meeting does not say "ministerial meeting 2025" in English; an annex does not say
where it was adopted).

A query names a meeting when, outside quotes, it holds a series' name (SERIES_NAMES, or
as news in Chinese, Japanese, Korean and other languages name it) and at least one of the
meeting's ordinal, year or city (an economy hosted several meetings: it only narrows them),
exactly one meeting of the record agrees with all of those given, and the record lists
documents of that meeting. The words that named it leave the query; the
engine lists the meeting's documents holding the other words first, then the documents
matching the query as typed, then the meeting's other documents (``Engine.search``). The
user sees the meeting named and can search the words as typed instead. A meeting named by
an ordinal or a year the record has no meeting of is ``absent_meeting``: the page says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from indexer.index import thesaurus
from indexer.record.economies import ECONOMIES, economy_name
from indexer.record.meetings import meeting_title
from indexer.record.mentions import LOCAL_NAMES
from indexer.record.places import fold, native_names_in
from indexer.record.store import no_meeting_note
from indexer.text.ordinals import ORDINAL, ordinal_number

_SME = r"(?:sme|small\s+and\s+medium(?:[\s-]+sized)?\s+enterprises?)"
# A series' names as queries write them, each with an optional "APEC" and "meeting" around.
SERIES_NAMES = {
    "sme_ministerial": rf"smemm|{_SME}\s+minist(?:ers?['\u2019]?|erial)|ministerial",
    "smewg": rf"smewg|{_SME}\s+working\s+group",
}
_SERIES = re.compile(
    r"(?<![\w-])(?:apec\s+)?(?:"
    + "|".join(f"(?P<{key}>{names})" for key, names in SERIES_NAMES.items())
    + r")(?:\s+meetings?)?(?![\w-])",
    re.IGNORECASE,
)
_ORDINAL = re.compile(rf"(?<![\w-])(?:{ORDINAL})(?![\w-])", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\w-])(?:19[89]\d|20\d\d)(?![\w-])")
_YEAR_WRITTEN = re.compile(r"(?<!\d)(?:19[89]\d|20\d\d)(?:年|년)?(?!\d)")  # "2025年", "2025년"
# a meeting's number written as a bare number after the series' name: "SMEWG 45", "SMEMM
# no. 25", "SMEWG meeting #45" (two digits at most: four are a year)
_BARE_NUMBER = re.compile(r"\s+(?:no\.?\s*|#\s*)?(\d{1,2})(?![\w-])", re.IGNORECASE)
# "before Concepción", "the year after Big Sky", "following the 2012 meeting": a meeting
# named by its neighbour in the series (the word must stand just before the neighbour's
# ordinal, year or city).
_RELATIVE = re.compile(
    r"(?<![\w-])(?:(?P<before>before|preceding|prior\s+to)|(?P<after>after|following))"
    r"\s+(?:the\s+)?",
    re.IGNORECASE,
)
_VIRTUAL = re.compile(r"(?<![\w-])(?:virtual|online)(?![\w-])", re.IGNORECASE)
# What a meeting adopts under its city's name: "Iloilo Initiative", "Nanjing Declaration",
# "Lakeside Action Plan", "Lakeside Statement" name the ministerial meeting held there.
_OUTCOME = re.compile(
    r"(?<![\w-])(?:initiatives?|declarations?|statements?|agendas?|action\s+plans?"
    r"|plans?\s+of\s+action"
    r"|roadmaps?|principles|frameworks?|strateg(?:y|ies))(?![\w-])",
    re.IGNORECASE,
)
# Syntax in which removing words would change the query's meaning: leave it as typed.
_SYNTAX = re.compile(r"\b(?:OR|AND|NOT)\b|[()]|\b\w+:")  # operators are upper case


@dataclass(frozen=True)
class MeetingHint:
    """The meeting a query names, the words that named it, and the query without them."""

    key: str  # the record's key: "sme_ministerial/28"
    meeting: dict[str, Any]  # {"series", "number", "year", "city", "economy"}
    words: tuple[str, ...]  # as typed
    rest: str
    outcome: bool  # whether the record lists an outcome document (SMEWG: or its summary record)

    def as_json(self) -> dict[str, Any]:
        """``{"key", "meeting": {"series", "number", "year", "city", "economy"}, "words",
        "outcome"}``."""
        return {
            "key": self.key,
            "meeting": self.meeting,
            "words": list(self.words),
            "outcome": self.outcome,
        }


def _cities(meeting: dict[str, Any]) -> list[str]:
    """The folded names a query may call a meeting's city by: "Iloilo City" and "Iloilo",
    but "Mexico City" alone ("Mexico" is an economy); and the city's other names in the
    thesaurus ("Ha Noi" and "Hanoi", ``thesaurus.other_names``)."""
    city = fold(meeting.get("city") or "")
    if not city:
        return []
    bare = re.sub(r"\s+city$", "", city)
    others = [fold(name) for name in thesaurus.other_names(city)]
    return [
        n for n in dict.fromkeys((city, bare, *others)) if n and (n == city or not economy_name(n))
    ]


def _economies(meeting: dict[str, Any]) -> list[str]:
    """The folded names of a meeting's economy ("Viet Nam", "Vietnam")."""
    economy = meeting.get("economy")
    return [fold(n) for n in (economy, *ECONOMIES.get(economy or "", ())) if n]


@dataclass
class _Named:
    """What a query says of a meeting: its series, ordinal, year and places, where it says
    them, and the meetings of the record that agree."""

    series: str
    number: int | None
    year: int | None
    cities: set[str]
    spans: list[tuple[int, int]]
    candidates: list[dict[str, Any]]


def _read(q: str, meetings: Callable[[], list[dict[str, Any]]]) -> _Named | None:
    """What ``q`` says of a meeting of ``meetings()``, or None: when it names no series (in
    English, SERIES_NAMES, or as news in other languages name it, ``mentions.LOCAL_NAMES``:
    an ordinal written there is the meeting's number), or two ordinals or years, or uses
    OR, AND, NOT, parentheses or a field (the user chose the logic). Words in quotes are
    never taken."""
    if _SYNTAX.search(q):
        return None
    unquoted = re.sub(r'"[^"]*"', lambda m: " " * len(m.group(0)), q)
    series_match = _SERIES.search(unquoted)
    local = _local_series(unquoted)
    if local and (local[2] or not series_match):
        # "第五十五屆 中小企業工作小組會議 香港", "第42回APEC SMEWG会議": the series, its
        # number as written
        series, span, written = local
        spans = [span]
        ordinals = [(span, number)] if (number := ordinal_number(written or "")) else []
        year_pattern = _YEAR_WRITTEN  # "2025年": no word boundary after it
    elif series_match:
        series = str(series_match.lastgroup)
        spans = [series_match.span()]
        ordinals = [(m.span(), ordinal_number(m.group(0))) for m in _ORDINAL.finditer(unquoted)]
        if not ordinals and (bare := _BARE_NUMBER.match(unquoted, series_match.end())):
            ordinals = [(bare.span(), int(bare.group(1)))]
        year_pattern = _YEAR
    else:  # most queries name no series
        return None
    years = [(m.span(), int(m.group(0)[:4])) for m in year_pattern.finditer(unquoted)]
    if len(ordinals) > 1 or len(years) > 1:
        return None
    of_series = [m for m in meetings() if m.get("series") == series and m.get("key")]
    candidates = of_series
    if ordinals:
        candidates = [m for m in candidates if m.get("number") == ordinals[0][1]]
        spans.append(ordinals[0][0])
    # With its number named, a meeting whose year or place the record does not know is not
    # contradicted by the year or place the query gives ("23rd SME ministerial meeting Lima
    # 2016" of a meeting known from one undated story)
    unknown_ok = bool(ordinals)
    if years:
        candidates = [
            m
            for m in candidates
            if m.get("year") == years[0][1] or (unknown_ok and not m.get("year"))
        ]
        spans.append(years[0][0])
    folded = f" {fold(unquoted)} "
    native = {fold(english): span for english, span in native_names_in(unquoted)}
    cities = {p for m in of_series for p in _cities(m) if f" {p} " in folded or p in native}
    economies = {p for m in of_series for p in _economies(m) if f" {p} " in folded}
    # A place the query gives names the meetings held there; with an ordinal or a year (one
    # ministerial meeting a year), a meeting whose place the record does not know is not
    # contradicted by it ("apec sme ministers peru 2008" of a meeting known only from its
    # release), and the place stays a word to match. An economy other than the host of a
    # meeting named by its number or city is a participant's ("Brunei minister Gifu SME
    # ministers meeting"): a word to match too.
    unknown_place_ok = bool(ordinals or years)
    for said, names in ((cities, _cities), (economies, _economies)):
        if said:
            held = [m for m in candidates if said & set(names(m))]
            if not held and names is _economies and (ordinals or cities):
                continue
            unplaced = [m for m in candidates if not names(m)] if unknown_place_ok else []
            candidates = held or unplaced
            spans += [span for place in said if held for span in _spans_of(unquoted, place)]
            spans += [native[place] for place in said if held and place in native]
    if candidates and candidates[0].get("virtual"):
        spans += [m.span() for m in _VIRTUAL.finditer(unquoted)]
    number = ordinals[0][1] if ordinals else None
    year = years[0][1] if years else None
    anchors = {a for a, _ in spans[1:]}
    for m in _RELATIVE.finditer(unquoted):
        if m.end() in anchors and len(candidates) == 1:
            candidates = _neighbour(of_series, candidates[0], after=bool(m.group("after")))
            spans.append((m.start(), m.end()))
            number = candidates[0].get("number") if candidates else None
            year = candidates[0].get("year") if candidates else None
            break
    return _Named(series, number, year, cities, spans, candidates)


def _local_series(text: str) -> tuple[str, tuple[int, int], str | None] | None:
    """(series, span, the number as written or None) of a meeting ``text`` names as news
    in Chinese, Japanese, Korean, Malay or Indonesian, Tagalog, Vietnamese, Spanish or
    Thai name it (``mentions.LOCAL_NAMES``), or None."""
    for _, names, series in LOCAL_NAMES:
        if found := names.search(text):
            return series, found.span(), next((n for n in found.groupdict().values() if n), None)
    return None


def _neighbour(
    of_series: list[dict[str, Any]], meeting: dict[str, Any], after: bool
) -> list[dict[str, Any]]:
    """The meeting of ``of_series`` just after (or before) ``meeting``: by number, else by
    year; [] when the record has none or the order is unknown."""
    step = 1 if after else -1
    if meeting.get("number"):
        return [m for m in of_series if m.get("number") == meeting["number"] + step]
    if not meeting.get("year"):
        return []
    dated = sorted((m for m in of_series if m.get("year")), key=lambda m: m["year"])
    side = [m for m in dated if (m["year"] - meeting["year"]) * step > 0]
    return side[:1] if after else side[-1:]


def _outcome_of_city(q: str, meetings: Callable[[], list[dict[str, Any]]]) -> _Named | None:
    """What ``q`` says of a ministerial meeting when it names something adopted under a
    city's name without naming the series ("Iloilo Initiative": the meeting held in
    Iloilo), or None (only called when ``q`` names such an outcome). The outcome's noun
    stays a word to match."""
    unquoted = re.sub(r'"[^"]*"', lambda m: " " * len(m.group(0)), q)
    if _SYNTAX.search(q) or not _OUTCOME.search(unquoted):
        return None
    of_series = [m for m in meetings() if m.get("series") == "sme_ministerial" and m.get("key")]
    folded = f" {fold(unquoted)} "
    cities = {p for m in of_series for p in _cities(m) if f" {p} " in folded}
    candidates = [m for m in of_series if cities & set(_cities(m))]
    spans = [span for place in cities for span in _spans_of(unquoted, place)]
    return _Named("sme_ministerial", None, None, cities, spans, candidates)


def meeting_hint(q: str, meetings: Callable[[], list[dict[str, Any]]]) -> MeetingHint | None:
    """The meeting of ``meetings()`` (the record's, as ``load_meetings`` gives them; only
    called when ``q`` names a series or an outcome) that ``q`` names, or None: when it
    names no series, no ordinal, year or city of it, several meetings or none, a meeting
    the record lists no document of, or uses OR, AND, NOT, parentheses or a field (the user
    chose the logic). Without a series, an outcome named after the city of one ministerial
    meeting names that meeting ("Iloilo Initiative", ``_outcome_of_city``). Words in quotes
    are never taken."""
    named = _read(q, meetings)
    if named is None and _OUTCOME.search(q) and not _SERIES.search(q):  # most name neither
        named = _outcome_of_city(q, meetings)
    if named is None or not (named.number or named.year or named.cities):
        return None
    if len(named.candidates) != 1:
        return None
    meeting = named.candidates[0]
    roles = {d.get("role") for d in meeting.get("documents") or []}
    # a working group's meeting adopts no statement: its summary record is its outcome
    outcome_roles = {"outcome", "report"} if meeting.get("series") == "smewg" else {"outcome"}
    if not roles - {"mention"}:
        return None  # nothing to list first
    words = tuple(q[a:b].strip() for a, b in sorted(set(named.spans)))
    shown = {k: meeting.get(k) for k in ("series", "number", "year", "city", "economy")}
    rest = _without(q, named.spans)
    return MeetingHint(meeting["key"], shown, words, rest, outcome=bool(roles & outcome_roles))


def _without(q: str, spans: list[tuple[int, int]]) -> str:
    """``q`` without the characters of ``spans``, its whitespace collapsed."""
    rest = "".join(" " if any(a <= i < b for a, b in spans) else c for i, c in enumerate(q))
    return " ".join(rest.split())


@dataclass(frozen=True)
class UnlistedMeeting:
    """A meeting a query names by its number or year that the record knows the city of
    but lists no document of (``unlisted_meeting``)."""

    title: str  # "1st APEC Small and Medium Enterprises Ministerial Meeting"
    city: str
    rest: str  # the query without the words naming the meeting, with its city


def unlisted_meeting(
    q: str, meetings: Callable[[], list[dict[str, Any]]]
) -> UnlistedMeeting | None:
    """The one meeting of ``meetings()`` that ``q`` names by its number or year (read as
    ``meeting_hint`` reads it) when the record lists no document of it but passing mentions
    and knows its city, or None. The record knows such a meeting from other documents
    ("the first meeting was held in 1994 in Osaka"); a story about it that names neither
    its number nor its year ("APEC Osaka meet aimed at fostering small firms") names its
    city, so the city is the word to search for in place of those naming the meeting."""
    named = _read(q, meetings)
    if named is None or not (named.number or named.year) or len(named.candidates) != 1:
        return None
    meeting = named.candidates[0]
    roles = {d.get("role") for d in meeting.get("documents") or []}
    city = meeting.get("city")
    if roles - {"mention"} or not city:
        return None
    rest = f"{_without(q, named.spans)} {city}".strip()
    return UnlistedMeeting(meeting_title(meeting) or city, city, rest)


def year_without_meeting(q: str, meetings: Callable[[], list[dict[str, Any]]]) -> str | None:
    """The record's note (``no_meeting_note``) when ``q`` names a series by a year, and no
    number, in which the record shows no meeting of it was held ("SME ministerial meeting
    2018": the 24th was in 2017 and the 25th in 2019), else None."""
    named = _read(q, meetings)
    if named is None or named.number or not named.year:
        return None
    return no_meeting_note([m for m in meetings() if m.get("series") == named.series], named.year)


def absent_meeting(q: str, meetings: Callable[[], list[dict[str, Any]]]) -> str | None:
    """The title of the meeting ``q`` names by its series and ordinal or year when the
    record knows no meeting of that series so numbered or of that year ("20th APEC Small
    and Medium Enterprises Ministerial Meeting"), else None."""
    named = _read(q, meetings)
    if named is None or not (named.number or named.year):
        return None
    of_series = [m for m in meetings() if m.get("series") == named.series]
    if named.number and any(m.get("number") == named.number for m in of_series):
        return None
    if named.year and any(m.get("year") == named.year for m in of_series):
        return None
    wanted = {"series": named.series, "number": named.number, "year": named.year}
    return meeting_title(wanted)


def _spans_of(text: str, folded_name: str) -> list[tuple[int, int]]:
    """Where ``text`` writes a place whose folded name is ``folded_name``: its words in
    order, any case, accents, punctuation or spaces between them."""
    words = [re.escape(w) for w in folded_name.split()]
    pattern = r"(?<!\w)" + r"[\W_]+".join(words) + r"(?!\w)"
    return [m.span() for m in re.finditer(pattern, _ascii(text), re.IGNORECASE)]


def _ascii(text: str) -> str:
    """``text`` with accents set aside character by character, so positions are kept
    ("Concepción" -> "Concepcion")."""
    return "".join(_one_letter(c) for c in text)


def _one_letter(c: str) -> str:
    """``c`` folded when that gives one character ("ó" -> "o"), else ``c``."""
    if c.isascii():
        return c
    folded = fold(c)
    return folded if len(folded) == 1 else c
