"""The series of meetings, resolved from the mentions in every document.

Mentions that state a number are grouped by (series, number); a statement's opening,
which names its meeting by place and date only, joins the meeting of its series held that
year. Each fact (year, date, city, economy, virtual, chair, theme) is the value the most
documents state, with every document's evidence kept, disagreeing values included. A
number is never computed from a year (the series skipped 2018): a meeting known only by
its year gets a number only inside a run of stated ones (the meetings before and after it
stated, one a year, with no gap), and that number is marked inferred; a meeting known only
by its number gets a year so too, marked inferred. This follows the
authority records of library catalogues (design notes: a meeting's facts live once, on the
meeting, each with its evidence).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from indexer.extract.metadata import without_honorifics
from indexer.record.mentions import SERIES, Mention
from indexer.record.places import economy_of_city, place_key
from indexer.text.ordinals import ordinal

# The series' names, as APEC titles their papers ("2003 APEC Small and Medium Enterprises
# Ministerial Meeting")
SERIES_TITLES = {
    "sme_ministerial": "APEC Small and Medium Enterprises Ministerial Meeting",
    "smewg": "APEC Small and Medium Enterprises Working Group Meeting",
}


def meeting_title(meeting: dict[str, Any] | None) -> str | None:
    """The title of a meeting of the record ({"series", "number", "year"}): by its number
    ("27th APEC Small and Medium Enterprises Ministerial Meeting"), else by its year when
    the record gives it none; None for no meeting or another series."""
    if not meeting or meeting.get("series") not in SERIES_TITLES:
        return None
    name = SERIES_TITLES[meeting["series"]]
    if meeting.get("number"):
        return f"{ordinal(int(meeting['number']))} {name}"
    return f"{meeting['year']} {name}" if meeting.get("year") else name


FACTS = ("year", "date", "city", "economy", "virtual", "chair", "theme")
# the facts whose sentences are kept as evidence: the number too (a meeting only named
# in passing, "the 45th SMEWG Meeting will also be held", is known from those sentences)
CITED = ("number", *FACTS)
_SENTENCE_ENDS = " \t|.。!！?？;；:："  # what a sentence's copies differ by at their ends
# the order facts are voted in: a city is compared as a place within the meeting's economy
VOTE_ORDER = ("year", "date", "economy", "city", "virtual", "chair", "theme")


@dataclass
class Evidence:
    """One document's sentence stating one fact of a meeting."""

    field: str
    value: str
    doc_id: str
    url: str
    link: str  # a deep link to the sentence
    text: str  # the sentence
    written: str = ""  # the value as the sentence writes it ("HCM City" for Ho Chi Minh City)


@dataclass
class Meeting:
    series: str  # one of SERIES
    number: int | None
    year: int | None
    date: str | None = None  # ISO: the first day
    city: str | None = None
    economy: str | None = None
    virtual: bool = False
    chair: str | None = None
    theme: str | None = None
    number_inferred: bool = False  # the number is inferred inside a run of stated ones
    year_inferred: bool = False  # the year is inferred inside a run of stated ones
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def key(self) -> str:
        """ "sme_ministerial/25", or "sme_ministerial/2012" (a year) when unnumbered."""
        return f"{self.series}/{self.number}" if self.number else f"{self.series}/y{self.year}"

    @property
    def place(self) -> str | None:
        """ "City, Economy", either alone, or None."""
        return ", ".join(p for p in (self.city, self.economy) if p) or None

    def disputed(self, name: str) -> list[str]:
        """The values of fact ``name`` that documents state other than the chosen one."""
        chosen = self.key_of(name, str(getattr(self, name)))
        stated = {e.value for e in self.evidence if e.field == name}
        return sorted(v for v in stated if self.key_of(name, v) != chosen)

    def key_of(self, name: str, value: Any) -> Any:
        """A value of fact ``name`` as votes compare it: a city as a place within the
        meeting's economy (indexer.record.places), a chair without honorifics ("H.E. Mr.
        Lin Wei" is Lin Wei), any other as ``same_value``."""
        if name == "city" and isinstance(value, str):
            return place_key(value, self.economy)
        if name == "chair" and isinstance(value, str):
            return same_value(without_honorifics(value))
        return same_value(value)

    def to_dict(self) -> dict[str, Any]:
        return {
            "series": self.series,
            "number": self.number,
            "number_inferred": self.number_inferred,
            "year": self.year,
            "year_inferred": self.year_inferred,
            "start_date": self.date,
            "city": self.city,
            "economy": self.economy,
            "virtual": self.virtual,
            "chair": self.chair,
            "theme": self.theme,
            "evidence": [vars(e) for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Meeting:
        return cls(
            series=data["series"],
            number=data["number"],
            year=data["year"],
            date=data.get("start_date"),
            city=data.get("city"),
            economy=data.get("economy"),
            virtual=bool(data.get("virtual")),
            chair=data.get("chair"),
            theme=data.get("theme"),
            number_inferred=bool(data.get("number_inferred")),
            year_inferred=bool(data.get("year_inferred")),
            evidence=[Evidence(**e) for e in data.get("evidence", [])],
        )


@dataclass(frozen=True)
class Source:
    """Where a mention was read: its document's id and URL, and the deep link maker."""

    doc_id: str
    url: str
    link: str
    chair_link: str | None = None  # to the mention's chair_sentence, where it has one


def same_value(value: Any) -> Any:
    """A fact's value as votes compare it: a text with case, accents, spacing, punctuation
    and a trailing " City" set aside ("Concepción" and "Concepcion", "Iloilo City" and
    "Iloilo", "Bio-Circular-Green" and "Bio – Circular – Green", a line's "SMEGrowth" and
    its sentence's "SME Growth" agree)."""
    if not isinstance(value, str):
        return value
    decomposed = unicodedata.normalize("NFKD", value)
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return "".join(re.findall(r"\w+", re.sub(r"\s+city$", "", text.strip())))


def _vote(stated: Iterable[tuple[str, Any, bool, bool]], key=same_value) -> Any:
    """The value the most documents state, in its most stated spelling; None when none is.
    ``stated`` pairs document ids with values, each marked as written in its sentence (else
    the document's own: its year, a statement's date) and as its opening's. Each document
    votes once: for the value its sentences state most, its opening's first on a tie (a
    statement's own account of its meeting over its page's header), else the first
    stated, or where no sentence states one, the one it gives as its own. Values that
    ``key`` makes one are one; a tie between documents goes to the first stated."""
    stated = [s for s in stated if s[1] not in (None, "", False)]
    by_doc: dict[str, list[tuple[str, Any, bool, bool]]] = {}
    for one in stated:
        by_doc.setdefault(one[0], []).append(one)
    ballots = []  # each document's value, in the order the documents were read
    for found in by_doc.values():
        pool = sorted([s for s in found if s[2]] or found, key=lambda s: not s[3])
        keys = [key(s[1]) for s in pool]
        ballots.append(max(keys, key=lambda k: (keys.count(k), -keys.index(k))))
    if not ballots:
        return None
    best = max(ballots, key=lambda k: (ballots.count(k), -ballots.index(k)))
    spellings = Counter(s[1] for s in stated if key(s[1]) == best and s[2])
    spellings = spellings or Counter(s[1] for s in stated if key(s[1]) == best)
    return spellings.most_common(1)[0][0]


def _meeting(series: str, number: int | None, found: list[tuple[Mention, Source]]) -> Meeting:
    """The meeting these mentions name, each fact voted, every sentence stating one kept as
    evidence (once). A fact is voted among the mentions of the meeting as held that state
    it, else among those of the meeting as announced ("will host ... the week of 23 May").
    The year is voted among the mentions that date the meeting (a sentence's date), else
    among the documents whose own meeting it is (their year), else among all."""
    held = [(m, s) for m, s in found if not m.future]
    announced = [(m, s) for m, s in found if m.future]
    groups = (held, announced)
    year_pools = [
        *([(m, s) for m, s in group if m.date] for group in groups),
        *([(m, s) for m, s in group if m.own] for group in groups),
        *groups,
    ]
    meeting = Meeting(series, number, year=None)
    for name in VOTE_ORDER:
        votes = (
            _vote(
                [(s.doc_id, getattr(m, name), name in m.stated, m.opening) for m, s in pool],
                key=lambda v, name=name: meeting.key_of(name, v),
            )
            for pool in (year_pools if name == "year" else groups)
        )
        value = next((v for v in votes if v is not None), None)
        setattr(meeting, name, value or (False if name == "virtual" else None))
    seen = set()
    for m, s in found:
        for name in CITED:
            value = getattr(m, name)
            # the chair is cited at the sentence naming it, where that is a later one
            text, link = (m.sentence, s.link)
            if name == "chair" and m.chair_sentence and s.chair_link:
                text, link = m.chair_sentence, s.chair_link
            # a page's title repeated as its first line ("... Meeting |", "... Meeting。") is
            # one sentence
            cited = (name, str(value), s.doc_id, text.strip(_SENTENCE_ENDS))
            if name in m.stated and value not in (None, "", False) and cited not in seen:
                seen.add(cited)
                written = (m.city_written if name == "city" else None) or ""
                meeting.evidence.append(Evidence(*cited[:3], s.url, link, text, written=written))
    _spell(meeting)
    return meeting


def _spell(meeting: Meeting) -> None:
    """Each evidence's value in the spelling the record gives that value (the meeting's
    own for the value chosen, else the one most stated), as written kept in ``written``:
    "HCM City" is stated as Ho Chi Minh City."""
    for name in CITED:
        cited = [e for e in meeting.evidence if e.field == name]
        for e in cited:
            e.written = e.written or e.value
        groups: dict[Any, list[Evidence]] = {}
        for e in cited:
            groups.setdefault(meeting.key_of(name, e.written), []).append(e)
        chosen = getattr(meeting, name)
        chosen_key = meeting.key_of(name, str(chosen)) if chosen not in (None, False) else None
        for key, group in groups.items():
            spelling = (
                str(chosen)
                if key == chosen_key
                else Counter(e.written for e in group).most_common(1)[0][0]
            )
            for e in group:
                e.value = spelling


def resolve(mentions: Iterable[tuple[Mention, Source]]) -> list[Meeting]:
    """The meetings of both series named by ``mentions``, by series, then year and number."""
    numbered: dict[tuple[str, int], list[tuple[Mention, Source]]] = {}
    by_year: dict[tuple[str, int], list[tuple[Mention, Source]]] = {}
    for mention, source in mentions:
        if mention.number:
            numbered.setdefault((mention.series, mention.number), []).append((mention, source))
        elif mention.own and mention.year:
            by_year.setdefault((mention.series, mention.year), []).append((mention, source))
    meetings = {key: _meeting(*key, found) for key, found in numbered.items()}
    years: dict[tuple[str, int], list[Meeting]] = {}
    for meeting in meetings.values():
        if meeting.year:
            years.setdefault((meeting.series, meeting.year), []).append(meeting)
    out = list(meetings.values())
    for (series, year), found in sorted(by_year.items()):
        same_year = years.get((series, year), [])
        if len(same_year) == 1:  # the statement of a numbered meeting
            target = same_year[0]
            joined = _meeting(series, target.number, numbered[(series, target.number)] + found)
            out[out.index(target)] = joined
            continue
        if not same_year:
            unnumbered = _meeting(series, None, found)
            unnumbered.year = year
            out.append(unnumbered)
    for merged in _numbers_by_place(out):
        out.remove(merged)
    for series in SERIES:
        for merged in _infer_numbers([m for m in out if m.series == series]):
            out.remove(merged)
        _infer_years([m for m in out if m.series == series])
    for meeting in out:  # "held in Jeju City": the economy is that of the city GeoNames knows
        if meeting.city and not meeting.economy:
            meeting.economy = economy_of_city(meeting.city)
    return sorted(out, key=_chronological(out))


def _numbers_by_place(meetings: list[Meeting]) -> list[Meeting]:
    """A meeting known by its number and place but no year ("they met for the first time
    in Big Sky at the 18th SME Ministerial Meeting") is the one meeting of its series known
    by its year only that was held in that place: the two are one, with the stated number.
    Returns the numbered meetings merged so, to be dropped."""
    merged = []
    for numbered in [m for m in meetings if m.number and not m.year and m.city]:
        held = [
            m
            for m in meetings
            if m.series == numbered.series
            and not m.number
            and m.year
            and m.key_of("city", m.city) == m.key_of("city", numbered.city)
        ]
        if len(held) == 1:
            held[0].number = numbered.number
            _complete(held[0], numbered)
            merged.append(numbered)
    return merged


def _complete(meeting: Meeting, other: Meeting) -> None:
    """``meeting`` with the facts it lacks taken from ``other``, and all of its evidence."""
    for name in FACTS:
        if getattr(meeting, name) in (None, False):
            setattr(meeting, name, getattr(other, name))
    meeting.evidence += other.evidence
    _spell(meeting)


def _chronological(meetings: list[Meeting]):
    """A sort key: by series, then in the order of the series: by number where stated, a
    meeting known by its year only after the last numbered one held by then."""

    def key(m: Meeting) -> tuple[int, int, int]:
        if m.number:
            return SERIES.index(m.series), m.number, 0
        before = [
            n.number
            for n in meetings
            if n.series == m.series and n.number and n.year and m.year and n.year <= m.year
        ]
        return SERIES.index(m.series), max(before, default=0), 1

    return key


def _infer_numbers(meetings: list[Meeting]) -> list[Meeting]:
    """Number the meetings known by year only that sit inside a run of stated numbers: the
    stated meeting before (year y1, number n1) and after (y2, n2) with n2 - n1 == y2 - y1,
    one meeting a year between them, give year y the number n1 + (y - y1). Where a meeting
    of that number is known without a year, the two are one: its facts are completed and
    the year's meeting is returned, to be dropped. Past either end of the stated numbers
    no number is inferred, but a meeting known by its number alone that is as many numbers
    from the nearest stated one as the year's meeting is years ("the 31st", and a 2025
    meeting, with the 28th in 2022) is that meeting too."""
    stated = sorted((m.year, m.number) for m in meetings if m.number and m.year)
    numbered = {m.number: m for m in meetings if m.number}
    merged = []
    for meeting in meetings:
        if meeting.number or not meeting.year:
            continue
        before = [(y, n) for y, n in stated if y < meeting.year]
        after = [(y, n) for y, n in stated if y > meeting.year]
        if not stated:
            break
        if not before or not after:
            year, number = before[-1] if before else after[0]
            same = numbered.get(number + meeting.year - year)
            if same is not None and same.year is None:
                _complete(same, meeting)
                merged.append(meeting)
            continue
        (y1, n1), (y2, n2) = before[-1], after[0]
        number = n1 + meeting.year - y1
        if n2 - n1 != y2 - y1:
            continue
        same = numbered.get(number)
        if same is None:
            meeting.number, meeting.number_inferred = number, True
        elif same.year is None:
            _complete(same, meeting)
            merged.append(meeting)
    return merged


def _infer_years(meetings: list[Meeting]) -> None:
    """Date the meetings known by number only that sit inside a run of stated years: the
    meeting before (number n1, year y1) and after (n2, y2) with both stated and n2 - n1 ==
    y2 - y1, one meeting a year between them, give number n the year y1 + (n - n1), marked
    inferred ("the 23rd", between the 22nd in 2015 and the 24th in 2017, was held in
    2016). The rule of ``_infer_numbers`` the other way round: past either end of the run,
    or across a year the series skipped, no year is inferred."""
    stated = sorted(
        (m.number, m.year) for m in meetings if m.number and m.year and not m.number_inferred
    )
    held = {m.year for m in meetings if m.year}
    for meeting in meetings:
        if not meeting.number or meeting.year:
            continue
        before = [(n, y) for n, y in stated if n < meeting.number]
        after = [(n, y) for n, y in stated if n > meeting.number]
        if not before or not after:
            continue
        (n1, y1), (n2, y2) = before[-1], after[0]
        year = y1 + meeting.number - n1
        if n2 - n1 == y2 - y1 and year not in held:
            meeting.year, meeting.year_inferred = year, True
            held.add(year)
