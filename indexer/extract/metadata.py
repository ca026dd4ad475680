"""Metadata read from a document's title, text and URL: year, meeting number, date,
location, document type and chair. Hints from sources.toml win where they are given."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from dateutil import parser as date_parser

from indexer.model import DOC_TYPES

HEAD_CHARS = 5000  # statements say where, when and who chaired near the top

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = [
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
]  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40}
_TENS_ORD = {"twentieth": 20, "thirtieth": 30, "fortieth": 40}
ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(_UNITS)} | {
    w: i + 10 for i, w in enumerate(_TEENS)
} | _TENS_ORD
_ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)"
    rf"|(?:{'|'.join(_TENS)})[\s-]?(?:{'|'.join(_UNITS)})"
    rf"|{'|'.join(sorted(ORDINAL_WORDS, key=len, reverse=True))})"
)
MEETING = re.compile(
    rf"(?i:\b({_ORDINAL}))\s+(?:(?:[A-Z][\w&'’.-]*|and|&|of|on|for)\s+){{0,8}}(?i:meeting)\b"
)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_RANGE = rf"(?:\s*(?:-|–|—|to|and|&)\s*{_DAY})?"
_YEAR = r"(?:19|20)\d\d"
DATE_PATTERNS = [
    # 5 September 2013, 5-6 September 2013
    re.compile(rf"\b(?P<day>{_DAY}){_RANGE}\s+(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})\b"),
    # September 5-6, 2013
    re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY}){_RANGE},?\s+(?P<year>{_YEAR})\b"),
    # 2013-09-05
    re.compile(r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"),
]
MONTH_NAME = re.compile(rf"^{_MONTH}$", re.I)

_NAME_WORD = r"[A-Z][\w'’.-]*"
_PLACE_PART = rf"{_NAME_WORD}(?:\s+(?:(?:de|del|la|da|do)\s+)?{_NAME_WORD})*"
PLACE = rf"{_PLACE_PART}(?:,\s*{_PLACE_PART})?"
MET_IN = re.compile(
    rf"\b(?:met|meet|held|convened|gathered|took place|hosted)\s+in\s+(?:the\s+)?({PLACE})"
)
PLACE_LINE = re.compile(rf"^\s*({_PLACE_PART},\s*{_PLACE_PART})\s*[,–—-]\s*(.*)$")

_HONORIFIC = (
    r"(?:H\.\s?E\.|Hon\.|Honourable|Honorable|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?|Minister|"
    r"Secretary|Deputy|Vice)"
)
CHAIR = re.compile(
    r"\b(?:chaired by|under the chair(?:man|woman|person)?ship of|presided over by"
    r"|under the leadership of the chair,?)\s+(?:the\s+)?"
    rf"((?:{_HONORIFIC}\s+)*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})"
)

_S = r"[\s_-]+"
DOC_TYPE_RULES = [
    ("terms_of_reference", re.compile(rf"terms{_S}of{_S}reference|(?<![a-z])tor(?![a-z])", re.I)),
    ("strategic_plan", re.compile(rf"strategic{_S}plan", re.I)),
    (
        "chairs_statement",
        re.compile(
            rf"chair(?:man|person)?(?:['’]?s|-s)?{_S}(?:summary{_S})?statement"
            rf"|statement{_S}(?:by|of){_S}the{_S}chair",
            re.I,
        ),
    ),
    ("declaration", re.compile(r"declaration", re.I)),
    (
        "ministerial_statement",
        re.compile(
            rf"ministerial{_S}statement|joint{_S}statement|ministers['’]?{_S}statement"
            rf"|statement{_S}of{_S}the{_S}ministers",
            re.I,
        ),
    ),
]


@dataclass
class Metadata:
    year: int | None = None
    date: str | None = None  # ISO date
    meeting_number: int | None = None
    location: str | None = None
    doc_type: str = "other"
    chair: str | None = None


def _ordinal_value(token: str) -> int | None:
    token = token.lower()
    digits = re.match(r"(\d+)", token)
    if digits:
        return int(digits.group(1))
    if token in ORDINAL_WORDS:
        return ORDINAL_WORDS[token]
    tens, _, unit = re.sub(r"[\s-]+", " ", token).partition(" ")
    if tens in _TENS and unit in _UNITS:
        return _TENS[tens] + _UNITS.index(unit) + 1
    return None


def find_meeting_number(*texts: str) -> int | None:
    """'27th APEC SME Ministerial Meeting' -> 27; 'Twenty-Seventh ... Meeting' -> 27."""
    for text in texts:
        match = MEETING.search(text)
        if match:
            return _ordinal_value(match.group(1))
    return None


def find_date(*texts: str) -> str | None:
    """The first date written in the texts, as an ISO date (a range gives its first day)."""
    for text in texts:
        found = []
        for pattern in DATE_PATTERNS:
            found.extend(pattern.finditer(text))
        for match in sorted(found, key=lambda m: m.start()):
            parts = match.groupdict()
            if parts.get("iso"):
                raw = parts["iso"]
            else:
                day = re.match(r"\d+", parts["day"]).group(0)
                raw = f"{day} {parts['month'].rstrip('.')} {parts['year']}"
            try:
                return date_parser.parse(raw, dayfirst=False).date().isoformat()
            except (ValueError, OverflowError):
                continue
    return None


def _clean_place(place: str) -> str | None:
    parts = [p.strip() for p in place.split(",")]
    parts = [p for p in parts if p and not MONTH_NAME.match(p.split()[0])]
    return ", ".join(parts) or None


def find_location(text: str) -> str | None:
    """'Wellington, New Zealand' from a 'Place, Country, DATE' line or 'met/held in Place'."""
    for line in text.splitlines()[:40]:
        if len(line) > 120:
            continue
        match = PLACE_LINE.match(line)
        if match and find_date(match.group(2)):
            return _clean_place(match.group(1))
    match = MET_IN.search(text)
    if match:
        return _clean_place(match.group(1))
    return None


def find_chair(text: str) -> str | None:
    """The chair where the text says 'chaired by ...' or 'under the chairmanship of ...'."""
    match = CHAIR.search(text)
    if not match:
        return None
    name = match.group(1).rstrip(".,;")
    if re.fullmatch(rf"(?:{_HONORIFIC}\s*)+", name):
        return None
    return name


def classify(title: str, url: str, text: str) -> str:
    """Document type from the title first, then the URL path, then the opening text."""
    path = unquote(urlsplit(url).path)
    for source in (title, path, text[:1500]):
        for doc_type, pattern in DOC_TYPE_RULES:
            if pattern.search(source):
                return doc_type
    return "other"


def _plausible_year(year: int) -> bool:
    return 1989 <= year <= dt.date.today().year + 1


def find_year(*texts: str) -> int | None:
    for text in texts:
        for match in re.finditer(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text):
            year = int(match.group(1))
            if _plausible_year(year):
                return year
    return None


def extract_metadata(
    title: str, text: str, url: str, hints: dict[str, Any] | None = None
) -> Metadata:
    head = text[:HEAD_CHARS]
    date = find_date(title, head)
    meta = Metadata(
        date=date,
        meeting_number=find_meeting_number(title, head),
        location=find_location(head),
        doc_type=classify(title, url, head),
        chair=find_chair(head),
    )
    meta.year = find_year(title) or (int(date[:4]) if date else None)
    meta.year = meta.year or find_year(unquote(urlsplit(url).path), head)
    hints = hints or {}
    if hints.get("doc_type") in DOC_TYPES:
        meta.doc_type = hints["doc_type"]
    try:
        hinted_year = int(hints["year"]) if hints.get("year") is not None else None
    except (TypeError, ValueError):
        hinted_year = None
    if hinted_year and _plausible_year(hinted_year):
        meta.year = hinted_year
    return meta
