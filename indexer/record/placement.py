"""Each document's place in the series: the meeting it belongs to and its role there, and
the facts it takes from that meeting where its own text does not say better.

Roles: ``outcome`` (a statement, declaration or chair's statement adopted there, also when
its type is unknown but its heading names it), ``annex``
(an annex, action plan or initiative adopted with it), ``report`` (a meeting's summary
record), ``speech``, ``news`` (a story or release about the meeting) and ``mention`` (any
other document whose title or heading names the meeting; one that names it in passing, such
as a group page recalling the last meeting, belongs to none). A story about a statement
stays news: the role follows the document's type, never a title that merely contains
"statement".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from indexer.extract.doctype import STATEMENT_TYPES
from indexer.model import Document
from indexer.record.economies import split_place
from indexer.record.meetings import Meeting
from indexer.record.mentions import FILED_UNDER_MEETING, HEAD, SME, Mention

ROLES = ("outcome", "annex", "report", "speech", "news", "mention")
ROLE_OF_TYPE = {
    **dict.fromkeys(STATEMENT_TYPES, "outcome"),
    "initiative": "annex",
    "meeting_report": "report",
    "speech": "speech",
    "news_release": "news",
    "news_article": "news",
}
ADOPTED_HERE = {"outcome", "annex"}  # documents whose meeting number is their own
NEWS_DAYS = 7  # a story this close to a meeting's first day that names its series is of it
# an annex by its title or address: "Annex A", ".../annex-a", ".../annex_2"
ANNEX = re.compile(r"(?<![a-z])annex(?![a-z])|\baction\s+(?:plan|agenda)\b|\binitiative\b", re.I)


# a headline about a meeting (with SME in it): "APEC SME meeting in Phuket hailed ..."
SME_MEETING_HEADLINE = re.compile(r"\b(?:meeting|ministerial|ministers|smemm|smewg)\b", re.I)


@dataclass(frozen=True)
class Placement:
    meeting: str  # the meeting's key (Meeting.key)
    role: str  # one of ROLES


# A statement's own heading: "JOINT MINISTERIAL STATEMENT", "Chair's Statement", "Declaration"
STATEMENT_HEADING = re.compile(
    r"\b(?:joint\s+(?:ministerial\s+)?statement|ministerial\s+statement|"
    r"chair(?:'s|’s|s)?\s+statement|declaration)\b",
    re.I,
)
OPENING = 8  # paragraphs at the top of a document where its own heading stands
HEADING_WORDS = 30  # a heading line, not a sentence of a story about the statement


def _headed_as_statement(doc: Document) -> bool:
    """Whether a document of no known type opens with a statement's heading (an old statement
    reposted on a document-sharing site, its page title a file name)."""
    return any(
        len(p.text.split()) <= HEADING_WORDS and STATEMENT_HEADING.search(p.text)
        for p in doc.paragraphs[:OPENING]
    )


def role_of(doc: Document) -> str:
    """The role a document of this type plays at its meeting; a document of no known type
    (`other`) headed as a statement is its outcome whatever its type label."""
    role = ROLE_OF_TYPE.get(doc.doc_type, "mention")
    if role == "annex" and not ANNEX.search(f"{doc.title} {doc.url}"):
        return "mention"
    if doc.doc_type == "other" and _headed_as_statement(doc):
        return "outcome"
    return role


# SMEs by any of their names: "SMEs", "MSMEs", "small and medium", "micro-enterprises",
# "small businesses", "small firms"
SMALL_FIRMS = re.compile(
    rf"{SME.pattern}|micro[\s-]?enterprises?|small\s+(?:business(?:es)?|firms?)", re.I
)


def _about_smes(doc: Document) -> bool:
    """Whether a statement is SME ministers' (its title or opening names SMEs), not
    another ministerial meeting's (trade, leaders') of the same year."""
    opening = " ".join(p.text for p in doc.paragraphs[:3])
    return bool(SMALL_FIRMS.search(f"{doc.title} {opening}"))


class Placer:
    """Places documents among ``meetings``, looked up by series and number or year."""

    def __init__(self, meetings: list[Meeting]):
        self.meetings = meetings
        self.by_number = {(m.series, m.number): m for m in meetings if m.number}
        self.by_year: dict[tuple[str, int], list[Meeting]] = {}
        for m in meetings:
            if m.year:
                self.by_year.setdefault((m.series, m.year), []).append(m)

    def _of_year(self, series: str, year: int) -> Meeting | None:
        found = self.by_year.get((series, year), [])
        return found[0] if len(found) == 1 else None

    def _of_city(self, series: str, city: str) -> Meeting | None:
        """The one meeting of ``series`` held in ``city`` (compared as ``Meeting.key_of``
        compares places), None when the record knows none or several there."""
        found = [
            m
            for m in self.meetings
            if m.series == series and m.city and m.key_of("city", m.city) == m.key_of("city", city)
        ]
        return found[0] if len(found) == 1 else None

    def place(self, doc: Document, mentions: list[Mention]) -> Placement | None:
        """Where ``doc`` belongs: the meeting of its own mention (by number, else by its
        series and year, else by its series and city), else for a story naming no meeting
        of its own the one it previews (``_upcoming``), else the ministerial meeting whose
        papers it is filed under (FILED_UNDER_MEETING), or for an SME statement that names
        no meeting, the ministerial meeting of its year, or for a story naming a series only
        by its name, its meeting of those days (``_around``); None when it belongs to none."""
        own = next((m for m in mentions if m.own), None)
        role = role_of(doc)
        if role in ("outcome", "mention") and own and not own.voice:
            return None  # a page that names the meeting in passing does not belong to it
        filed = FILED_UNDER_MEETING.search(doc.url)
        if own and own.number:
            found = self.by_number.get((own.series, own.number))
        elif own and own.year:
            found = self._of_year(own.series, own.year)
        elif own and own.city:  # an undated story: "the SME Ministerial Meeting in Iloilo"
            found = self._of_city(own.series, own.city)
        elif own is None and role == "news" and (ahead := self._upcoming(doc, mentions)):
            found = ahead
        elif filed:
            found = self._of_year("sme_ministerial", int(filed.group(1)))
        elif doc.doc_type in STATEMENT_TYPES and doc.year and _about_smes(doc):
            found = self._of_year("sme_ministerial", doc.year)
        elif role == "news" and doc.date:
            found = self._around(doc.date, mentions)
        else:
            found = None
        return Placement(found.key, role) if found else None

    def _upcoming(self, doc: Document, mentions: list[Mention]) -> Meeting | None:
        """The numbered meeting a story that names no meeting of its own previews at its
        top ("to promote the upcoming 28th Apec SME Ministerial Meeting to be held at ...")
        under a headline about an SME meeting ("APEC SME meeting in Phuket hailed ..."),
        when it opens in the story's year; None when it names none or several, or
        the headline is about something else (a week's events naming meetings to come)."""
        if not (SME.search(doc.title) and SME_MEETING_HEADLINE.search(doc.title)):
            return None
        ahead = {
            (m.series, m.number) for m in mentions if m.future and m.number and m.position < HEAD
        }
        found = [
            m
            for key in ahead
            if (m := self.by_number.get(key)) and (not doc.year or not m.year or m.year == doc.year)
        ]
        return found[0] if len(found) == 1 else None

    def _around(self, day: str, mentions: list[Mention]) -> Meeting | None:
        """The one meeting of a series ``mentions`` name only by its name ("the SME
        Ministerial Meeting will focus on ...") that opened within NEWS_DAYS of ``day``
        (ISO): a story of those days naming it is about it, though it says neither where
        nor which."""
        try:
            when = date.fromisoformat(day)
        except ValueError:
            return None
        bare = {m.series for m in mentions if not (m.number or m.year or m.city)}
        found = [
            m
            for m in self.meetings
            if m.series in bare and m.date and abs(_days(m.date, when)) <= NEWS_DAYS
        ]
        return found[0] if len(found) == 1 else None


def _days(day: str, since: date) -> int:
    """Days from ``since`` to ``day`` (ISO; 10**6 for a date that cannot be read)."""
    try:
        return (date.fromisoformat(day) - since).days
    except ValueError:
        return 10**6


def apply(doc: Document, placement: Placement | None, meeting: Meeting | None) -> Document:
    """``doc`` with its meeting and role, and the meeting's facts where its own are missing
    (year, date, place) or cut ("Nanjing, People's Republic" -> the meeting's "Nanjing,
    People's Republic of China"). Only an outcome or annex takes the meeting's number and
    date as its own, the date a sentence states over its page's header ("14 September 2017"
    over a statement whose text says its ministers met on the 15th); a story keeps its own
    dateline, and a mere mention takes only a year."""
    if placement is None or meeting is None:
        return replace(doc, meeting=None, role=None, meeting_number=None)
    adopted = placement.role in ADOPTED_HERE
    stated = meeting.date if any(e.field == "date" for e in meeting.evidence) else None
    location = doc.location
    if placement.role != "mention" and meeting.place:
        city, _ = split_place(doc.location)
        same_city = bool(city and meeting.city) and city.casefold() == meeting.city.casefold()
        # a story's own dateline stands; one without takes the meeting's place
        if location is None or (same_city and placement.role != "news"):
            location = meeting.place
    return replace(
        doc,
        meeting={
            "series": meeting.series,
            "number": meeting.number,
            "year": meeting.year,
            "city": meeting.city,
        },
        role=placement.role,
        meeting_number=meeting.number if adopted and meeting.series == "sme_ministerial" else None,
        year=doc.year or meeting.year,
        date=(stated if adopted else None) or doc.date or (meeting.date if adopted else None),
        location=location,
    )
