"""Metadata read from a document's own signals: date, year, place, chair, meeting number,
publisher and type (indexer.extract.doctype). Hints from sources.toml win where given.

Where each comes from, best signal first:
- date: for group pages, plans and terms of reference their status line ("Last updated:
  18 June 2032", "Endorsed at the 68th SMEWG Meeting, 12 March 2029") wherever it stands;
  else a place-and-date line or dateline ("Lakeside, Atlantis | 07 September 2031",
  "LAKESIDE, Oct 4 —"), the meeting sentence ("met in X on 7-8 September 1998"), a labelled
  line ("Date: 14 March 2030"), a status line ("Adopted ... 2 March 2027"), the page's meta
  tags or htmldate, a line that is only a date; for news, last, a date after its weekday
  in the opening ("..., Sabtu, 26 September 2015"). Never a year merely named in the text,
  nor a copyright line (chrome, gone before this runs).
- year: the date's; else a status line's ("Last page update: September 2023"), the
  title's, the URL's; else the meeting number's (SME Ministerial Meetings are yearly since
  1994, the 1st).
- place: a place-and-date line or dateline, a "Venue:" line, then "met in City, Economy"
  (or gathered, convened, held, talks in ...) anywhere in the opening paragraphs.
- publisher: "APEC" for apec.org's pages, else the site's name (og:site_name) or host.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from dateutil import parser as date_parser

from indexer.extract.dates import (
    DATE_LABEL,
    byline_date,
    numeric_date,
    spans_years,
    url_date,
    weekday_date,
)
from indexer.extract.doctype import STATEMENT_TYPES, PageSignals, classify
from indexer.model import DOC_TYPES
from indexer.text import ordinals
from indexer.text.ordinals import ORDINAL

HEAD_PARAGRAPHS = 15  # statements and stories say where, when and who near the top
HEAD_CHARS = 5000
LINE_CHARS = 120  # a place-and-date line is short
FUTURE_YEARS = 10  # a date up to this many years ahead is believed (plans, drafts)

MEETING = re.compile(
    rf"(?i:\b({ORDINAL}))\s+(?:(?:[A-Z][\w&'’.-]*|and|&|of|on|for)\s+){{0,8}}(?i:meeting)\b"
    r"(?:\s+(?:of|on)\s+(?:the\s+)?(?:[A-Z][\w&'’.-]*|and|&)(?:\s+(?:[A-Z][\w&'’.-]*|and|&)){0,5})?"
)
# "adopted at the 20th SME Ministerial Meeting": a document that is a meeting's outcome
OUTCOME = re.compile(
    rf"\b(?:adopted|endorsed|agreed|issued|approved)\s+(?:at|by)\s+the\s+{ORDINAL}\s+"
    r"(?:[\w&'’.-]+\s+){0,6}?ministerial\s+meeting\b",
    re.I,
)
# documents whose date is their status line's (updated, endorsed, adopted), not a meeting's
DATED_BY_STATUS = {"web_page", "strategic_plan", "terms_of_reference"}
NEWS_TYPES = {"news_release", "news_article"}
MENTIONS_ONLY = {"news_release", "news_article", "meeting_report", "web_page", "strategic_plan"}
SME = re.compile(r"(?<![a-z])m?smes?(?![a-z])|small[\s_-]+and[\s_-]+medium", re.I)
MINISTERIAL = re.compile(r"minist", re.I)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_RANGE = rf"(?:\s*(?:-|–|—|to|and|&)\s*{_DAY})?"
_YEAR = r"(?:19|20)\d\d"
DATE_PATTERNS = [
    # 30 September - 1 October 1997: a range across months gives its first day
    re.compile(
        rf"\b(?P<day>{_DAY})\s+(?P<month>{_MONTH})\s*(?:-|–|—|to)\s*{_DAY}\s+{_MONTH},?\s+"
        rf"(?P<year>{_YEAR})\b",
        re.I,
    ),
    # 5 September 2013, 5-6 September 2013, 19-20 OCTOBER, 2011, 25-26April 2012
    re.compile(rf"\b(?P<day>{_DAY}){_RANGE}\s*(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})\b", re.I),
    # September 5-6, 2013
    re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY}){_RANGE},?\s+(?P<year>{_YEAR})\b", re.I),
    # 2013-09-05
    re.compile(r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"),
]
DAY_MONTH = re.compile(
    rf"(?:(?P<d1>{_DAY})\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}))", re.I
)
MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<year>{_YEAR})\b", re.I)
MONTH_NAME = re.compile(rf"^{_MONTH}$", re.I)
WEEKDAY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.I)

_NAME_WORD = r"[A-Z][\w'’.-]*"
# A place's words are on one line, a word ending a sentence ("Nanjing. Ma Wei said") ends
# it: only a short abbreviation ("St.", "Mt.") runs on; "of" joins ("Republic of Korea").
_PLACE_GAP = r"(?:(?<=\b[A-Z][a-z]\.)|(?<![.]))[ \t]+"
_PLACE_PART = (
    rf"{_NAME_WORD}(?:{_PLACE_GAP}(?:(?:de|del|la|las|los|da|do|di|upon|of)[ \t]+)?{_NAME_WORD})*"
)
PLACE = rf"{_PLACE_PART}(?:,[ \t]*(?:the[ \t]+)?{_PLACE_PART})?"
# verbs and nouns that put a meeting in a place, strongest first
_MEETING_IN = [
    r"(?:met|meet|gathered|convened|assembled)(?:\s+\w+){0,2}",
    r"(?:meeting|talks|summit|conference|forum|plenary|gathering|retreat)",
    r"(?:held|hosted|took\s+place|chaired\s+from|opened)",
]
MET_IN = [
    # "met in X", also "held on 5-6 September 1996 in X", "gathered during ... in X"
    re.compile(
        rf"\b{verb}\s+(?:(?:on|from|during)\s+[^.;]{{1,40}}?\s+)?in\s+(?:the\s+)?(?P<place>{PLACE})"
    )
    for verb in _MEETING_IN
]
# "will meet in", "next meeting to be held in": a later meeting's place, not this one's
FUTURE = re.compile(r"\b(?:will|shall|would|next|to\s+be|to\s+meet|upcoming|host\s+the)\b", re.I)
FUTURE_WINDOW = 40  # characters before a meeting verb searched for FUTURE
# "past meetings held in X", "the previous ministerial in X": an earlier meeting's place,
# never this document's (searched in the same window)
PAST = re.compile(
    r"\b(?:past|previous|earlier|prior|former)\s+(?:\w+\s+){0,3}?"
    r"(?:meetings?|ministerials?|gatherings?|sessions?)\b",
    re.I,
)
PLACE_LINE = re.compile(
    rf"^\s*(?P<place>{_PLACE_PART},\s*{_PLACE_PART})\s*(?:[,|–—-]|\s)\s*(?P<rest>.*)$"
)
# "LAKESIDE, Oct 4 —", "Lakeside, Atlantis, 4 October 2030 –": a story's opening
DATELINE = re.compile(
    rf"^(?:(?P<economy>{_PLACE_PART})/)?(?P<place>{_PLACE_PART}(?:,\s*{_PLACE_PART})?),\s*"
    r"(?:[A-Z][a-z]+day,?\s+)?"
    rf"(?P<date>(?:{_DAY}\s+(?i:{_MONTH})|(?i:{_MONTH})\s+{_DAY})(?:,?\s+{_YEAR})?)"
    r"(?:\s*\([^)]{1,40}\))?\s*(?:[–—-]+|:|(?<=\d)\.)\s"  # "Santiago, December 13, 2018. "
)
# "Lakeside (Agency) – ", "Site.com, LAKESIDE, Atlantis – ", "LAKESIDE, Atlantis—",
# "LAKESIDE, Shire: ", "LAKESIDE (Agency): ", "LAKESIDE – ": a story's opening without a
# date (a place alone only in capitals: "Ministers – " opens no dateline)
UNDATED_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE_PART}(?P<parts>(?:,\s*{_PLACE_PART}){{1,2}})?)"
    r"(?P<agency>\s*\([^)]{1,40}\))?\s*(?:[–—]+\s*|-+\s+|(?P<colon>(?<=[^\s:]):)\s+)(?=\S)"
)


def undated_dateline(line: str) -> re.Match[str] | None:
    """The dateline without a date that opens ``line`` (UNDATED_DATELINE), or None: a
    place alone (no economy, no agency) must be written in capitals and end at a dash
    ("HELENA – "; "APEC: …" is a headline's subject)."""
    match = UNDATED_DATELINE.match(line)
    if not match or match["parts"] or match["agency"]:
        return match
    return match if match["place"].isupper() and not match["colon"] else None


LABELLED_DATE = re.compile(r"^\s*(?:date|dated|fecha)\s*:\s*(?P<rest>.+)$", re.I)
VENUE = re.compile(r"^\s*(?:venue|place|location|lugar)\s*:\s*(?P<rest>.+)$", re.I)
STATUS_LINE = re.compile(
    r"^\s*(?:last\s+(?:page\s+)?updated?|updated|published|issued|released|endorsed|adopted"
    r"|approved|revised|posted)\b",
    re.I,
)
NOT_PLACES = {
    "the", "apec", "we", "ministers", "minister", "our", "this", "that", "a", "an", "in",
    "small", "medium", "enterprises", "sme", "smes", "asia", "pacific", "asia-pacific",
    "issued", "date", "venue", "introduction", "press", "news", "home",
}  # fmt: skip

NOT_PLACE_PART = re.compile(
    r"\b(?:statement|declaration|meeting|ministerial|ministers?|conference|summit|report"
    r"|plan|working\s+group|apec|smewg)\b",
    re.I,
)

_HONORIFIC = (
    r"(?:H\.\s?E\.|Hon\.|Honourable|Honorable|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?|Minister|"
    r"Secretary|Deputy|Vice|(?:His|Her)\s+Excellency|Dato['’]?|Datuk|Tan\s+Sri|Sri|Hajah|Haji)"
)
_CHAIR_NAME_WORD = r"[A-Z][\w'’.-]*"
# lower-case words inside a name: "Albert F. del Rosario", "Wan Junaidi bin Tuanku Jaafar"
_NAME_PARTICLE = r"(?:del|de|la|da|dos|di|van|von|bin|binti)"
CHAIR = re.compile(
    # the cue in any case ("under the Chairmanship of"), the name capitalised
    r"\b(?i:chaired by|under the chair(?:man|woman|person)?ship of|presided over by"
    r"|under the leadership of the chair,?)\s+(?:the\s+)?"
    rf"((?:{_HONORIFIC}\s+)*{_CHAIR_NAME_WORD}(?:\s+(?:{_NAME_PARTICLE}\s+)?{_CHAIR_NAME_WORD}){{0,4}})"
)
# apec.org, its subdomains and its CMS and staging hosts ("apec.sitefinity.cloud")
APEC_HOSTS = re.compile(r"(?:^|\.)apec\.org$|^apec(?:-stg)?\.sitefinity\.cloud$", re.I)


@dataclass
class Metadata:
    year: int | None = None
    date: str | None = None  # ISO date
    meeting_number: int | None = None
    location: str | None = None
    doc_type: str = "other"
    chair: str | None = None
    publisher: str | None = None
    period: str | None = None  # "1994–2000": the years a chronology narrates (not its date)


@dataclass
class _Found:
    """Candidates gathered from the opening lines, best first within each list."""

    dates: list[str] = field(default_factory=list)  # written as the document's date
    event_dates: list[str] = field(default_factory=list)  # of the meetings it narrates
    bylines: list[str] = field(default_factory=list)  # dates of byline lines (YYYY-MM too)
    bare_dates: list[str] = field(default_factory=list)  # lines that are only a date
    places: list[str] = field(default_factory=list)


# -- building blocks ----------------------------------------------------------------------


def _meeting(*texts: str) -> tuple[int | None, bool]:
    """(number, is an SME Ministerial Meeting) of the first numbered meeting named, one
    about SMEs preferred to another ("the 21st APEC Ministerial Meeting" named in passing)."""
    found = [m for text in texts for m in MEETING.finditer(text)]
    sme = [m for m in found if SME.search(m.group(0))]
    for match in sme or found:
        number = ordinals.ordinal_number(match.group(1))
        if number:
            return number, bool(sme) and bool(MINISTERIAL.search(match.group(0)))
    return None, False


def _outcome(doc_type: str, title: str, head: str) -> bool:
    """Whether a document is an SME Ministerial Meeting's own outcome, so that the meeting's
    number is its own: a statement or declaration always; a document of no news, report,
    page or plan type when its title names the meeting or its opening says it was adopted
    there. News, SMEWG meeting reports, group pages and plans only mention meetings."""
    if doc_type in STATEMENT_TYPES:
        return True
    if doc_type in MENTIONS_ONLY:
        return False
    return bool(MEETING.search(title) or OUTCOME.search(head))


def find_meeting_number(*texts: str) -> int | None:
    """'27th APEC SME Ministerial Meeting' -> 27; 'Twenty-Seventh ... Meeting' -> 27."""
    return _meeting(*texts)[0]


def latest_year() -> int:
    """The last year a document's date may name."""
    return dt.date.today().year + FUTURE_YEARS


def _plausible_year(year: int) -> bool:
    return 1989 <= year <= latest_year()


def _iso(day: str, month: str, year: str | int) -> str | None:
    digits = re.match(r"\d+", day)
    raw = f"{digits.group(0) if digits else day} {month.rstrip('.')} {year}"
    try:
        parsed = date_parser.parse(raw, dayfirst=False).date()
    except (ValueError, OverflowError):
        return None
    return parsed.isoformat() if _plausible_year(parsed.year) else None


def find_date(*texts: str) -> str | None:
    """The first date written in the texts, as an ISO date (a range gives its first day)."""
    for text in texts:
        found = []
        for pattern in DATE_PATTERNS:
            found.extend(pattern.finditer(text))
        for match in sorted(found, key=lambda m: m.start()):
            parts = match.groupdict()
            if parts.get("iso"):
                try:
                    parsed = dt.date.fromisoformat(parts["iso"])
                except ValueError:
                    continue
                if _plausible_year(parsed.year):
                    return parsed.isoformat()
                continue
            iso = _iso(parts["day"], parts["month"], parts["year"])
            if iso:
                return iso
    return None


OPENING_LINES = 5  # where a story's dateline without a date may stand
DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")


def _clean_place(place: str) -> str | None:
    """'LAKESIDE' -> 'Lakeside'; a part naming a document or meeting ('Joint Ministerial
    Statement, Lakeside') is skipped; the place ends at a month, weekday or common word."""
    parts: list[str] = []
    for part in (p.strip(" .") for p in place.split(",")):
        part = re.sub(r"^the\s+", "", part, flags=re.I)
        first = part.split()[0] if part.split() else ""
        if not parts and (NOT_PLACE_PART.search(part) or DOMAIN.fullmatch(part)):
            continue  # "Site.com, LAKESIDE, Atlantis –": the site, then the place
        if not first or MONTH_NAME.match(first) or WEEKDAY.match(first):
            break
        if part.lower() in NOT_PLACES or len(part) < 3:
            break
        parts.append(part.title() if part.isupper() else part)
    return ", ".join(parts) or None


# "met in X", "held on 5-6 September in X", "Meeting in X", "will take place in X", "first
# launched in 1994 in X"; and as news in Indonesian or Malay, Spanish and Tagalog put it:
# "Meeting yang digelar kemarin di X", "Reunión ... celebrada en X", "ginanap sa X"
_MEETING_PLACE = re.compile(
    r"(?i:\b(?:met|meet|gathered|convened|assembled|held|hosted|took\s+place|take\s+place"
    r"|opened|launched|meeting|smemm|digelar|diadakan|berlangsung|diselenggarakan"
    r"|celebrad[ao]|realizad[ao]|reuni[oó]n|ginanap)\b)(?:\s+\w+){0,5}?\s+"
    rf"(?:(?i:on|from|during)\s+[^.;]{{1,40}}?\s+)?(?i:in|di|en|sa)\s+(?:the\s+)?(?P<place>{PLACE})"
)


def place_in(sentence: str) -> str | None:
    """The place a sentence puts a meeting in ("met in Big Sky, Montana on 21 May" ->
    "Big Sky, Montana"; "met jointly for the first time in ..."), later meetings' included;
    None when it names none."""
    for match in _MEETING_PLACE.finditer(sentence):
        place = _clean_place(match.group("place"))
        if place:
            return place
    return None


def place_and_date_line(line: str) -> tuple[str, str] | None:
    """(place, ISO date) of a line that states a place and a date and nothing else, as a
    statement's header and dateline write them: "Lakeside, Atlantis | 4 May 2031",
    "Lakeside, 5 May 2031", "LAKESIDE, ATLANTIS, 4-5 MAY 2031"; None for any other line
    (a status line "Updated 5 May 2031", a sentence, a date alone)."""
    if len(line) > LINE_CHARS or STATUS_LINE.match(line):
        return None
    date = find_date(line)
    if not date:
        return None
    rest = line
    for pattern in DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    rest = rest.strip(" ,.;:|–—-")
    if not re.fullmatch(rf"{_PLACE_PART}(?:\s*,\s*(?:the\s+)?{_PLACE_PART})*", rest):
        return None
    if NOT_PLACE_PART.search(rest) or not rest[:1].isupper():
        return None
    place = _clean_place(rest)
    return (place, date) if place else None


def find_location(text: str) -> str | None:
    """'Wellington, New Zealand' from a 'Place, Country, DATE' line or 'met/held in Place'."""
    return next(iter(_scan(text.splitlines()).places), None)


def _with_economy(place: str, text: str) -> str:
    """A city alone ("Rivermouth", from a story's dateline) completed with its economy where
    the text writes "Rivermouth, Pelagia"; else the city alone."""
    if "," in place:
        return place
    pattern = rf"\b{re.escape(place)},\s*(?:the\s+)?(?P<economy>{_PLACE_PART})"
    for match in re.finditer(pattern, text):
        economy = _clean_place(match.group("economy"))
        if economy and economy != place:
            return f"{place}, {economy}"
    return place


HONORIFICS = re.compile(rf"^(?:{_HONORIFIC}\s*)+")


def without_honorifics(name: str) -> str:
    """A person's name without the honorifics and titles before it ("H.E. Mr. Lin Wei" ->
    "Lin Wei", "Minister Lin Wei" -> "Lin Wei")."""
    return HONORIFICS.sub("", name.strip()) or name


def find_chair(text: str) -> str | None:
    """The chair where the text says 'chaired by ...' or 'under the chairmanship of ...'."""
    match = CHAIR.search(text)
    if not match:
        return None
    name = match.group(1).rstrip(".,;")
    if re.fullmatch(rf"(?:{_HONORIFIC}\s*)+", name):
        return None
    return name


def find_year(*texts: str) -> int | None:
    """The first plausible year (1989 to ten years ahead) written in the texts."""
    for text in texts:
        for match in re.finditer(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text):
            year = int(match.group(1))
            if _plausible_year(year):
                return year
    return None


def publisher_of(url: str, site_name: str | None = None) -> str | None:
    """'APEC' for apec.org and its subdomains, else the site's own name, else its host."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if not host:
        return site_name
    if APEC_HOSTS.search(host):
        return "APEC"
    return site_name or host.removeprefix("www.")


# -- the opening lines --------------------------------------------------------------------


def _dateline(line: str, year_hint: int | None) -> tuple[str | None, str | None]:
    """(place, ISO date) of a story's dateline; a date without its year takes year_hint."""
    match = DATELINE.match(line)
    if not match:
        return None, None
    place = _clean_place(match.group("place"))
    if place and match.group("economy"):  # "ECONOMY/CITY, Aug 20 (Agency) —"
        place = _clean_place(f"{match.group('place')}, {match.group('economy')}")
    date = find_date(match.group("date"))
    if not date and year_hint:
        parts = DAY_MONTH.match(match.group("date"))
        if parts:
            date = _iso(parts["d1"] or parts["d2"], parts["m1"] or parts["m2"], year_hint)
    return place, date


def _bare_date(line: str) -> str | None:
    """The date of a short line that holds nothing else ("10-11 September 2029")."""
    if len(line) > 40:
        return None
    rest = line
    for pattern in DATE_PATTERNS:
        rest = pattern.sub("", rest)
    return find_date(line) if len(rest.strip(" ,.|-–—")) < 4 else None


def _scan(lines: list[str], year_hint: int | None = None) -> _Found:
    """Dates and places of the opening lines, in the order of the module docstring."""
    lines = [line.strip() for line in lines if line.strip()][:HEAD_PARAGRAPHS]
    head = "\n".join(lines)[:HEAD_CHARS]
    line_dates, sentence_dates, labelled, status, bare, bylines = [], [], [], [], [], []
    line_places, venue_places = [], []
    opened = False
    for n, line in enumerate(lines):
        place, date = _dateline(line, year_hint)
        if place or date:
            line_places += [place] if place else []
            line_dates += [date] if date else []
            continue
        if n < OPENING_LINES and not opened and (undated := undated_dateline(line)):
            opened = True  # a story's opening, after its headline or a photo's caption
            line_places += [p for p in [_clean_place(undated["place"])] if p]
        short = len(line) <= LINE_CHARS
        match = PLACE_LINE.match(line) if short else None
        if match and (date := find_date(match.group("rest"))):
            line_places.append(_clean_place(match.group("place")))
            line_dates.append(date)
        if m := DATE_LABEL.match(line):
            bylines.append(m.group("date"))
        if short and (m := LABELLED_DATE.match(line)):
            rest = m.group("rest")
            labelled += [d for d in [find_date(rest) or numeric_date(rest)] if d]
        elif byline := byline_date(line, find_date):
            bylines.append(byline)
        if short and (m := VENUE.match(line)):
            parts = [p.strip() for p in m.group("rest").split(",")]
            venue_places.append(_clean_place(", ".join(parts[-2:])))
        if STATUS_LINE.match(line):
            status += [d for d in [find_date(line)] if d]
            inline = re.search(rf",\s*({_PLACE_PART},\s*{_PLACE_PART}),\s*{_DAY}", line)
            if inline:
                venue_places.append(_clean_place(inline.group(1)))
        if bare_date := _bare_date(line):
            bare.append(bare_date)
        for sentence in re.split(r"(?<=[.;])\s+", line):
            if any(p.search(sentence) for p in MET_IN) or re.search(
                r"\b(?:met|held|gathered|convened)\b", sentence, re.I
            ):
                sentence_dates += [d for d in [find_date(sentence)] if d]
    met_places, later_places = [], []  # a later meeting's place only when nothing else
    for pattern in MET_IN:
        for m in pattern.finditer(head):
            before = head[max(0, m.start() - FUTURE_WINDOW) : m.start() + 12]
            if PAST.search(before):
                continue
            later = FUTURE.search(before)
            (later_places if later else met_places).append(_clean_place(m.group("place")))
    # a "City, Economy" line right before a line that is only a date (PDF cover pages)
    for first, second in zip(lines, lines[1:], strict=False):
        if re.fullmatch(rf"{_PLACE_PART},\s*{_PLACE_PART}", first) and _bare_date(second):
            line_places.append(_clean_place(first))
    full = [d for d in bylines if len(d) == 10]
    return _Found(
        dates=[d for d in line_dates + sentence_dates + labelled + status + full if d],
        event_dates=sentence_dates,
        bylines=bylines,
        bare_dates=bare,
        places=[p for p in line_places + venue_places + met_places + later_places if p],
    )


def _url_year(url: str) -> int | None:
    path = unquote(urlsplit(url).path)
    for match in re.finditer(r"(?<![\d])((?:19|20)\d\d)(?![\d])", path):
        if _plausible_year(int(match.group(1))):
            return int(match.group(1))
    return None


def _status_dates(lines: list[str]) -> list[str]:
    """Dates of the status lines anywhere in the text ("Last updated: 18 June 2032" stands
    at the foot of a group page), first first."""
    return [d for line in lines if STATUS_LINE.match(line) for d in [find_date(line)] if d]


def _chronology(lines: list[str]) -> tuple[int, int] | None:
    """(first, last) year of the meetings a chronology narrates (indexer.extract.dates),
    from its sentences saying a meeting was held or met on a date; None for other texts."""
    years = []
    for line in lines:
        for sentence in re.split(r"(?<=[.;])\s*", line):
            if re.search(r"\b(?:met|held|gathered|convened|occurred|took\s+place)\b", sentence):
                years += [int(d[:4]) for d in [find_date(sentence)] if d]
    return spans_years(years)


def _status_year(lines: list[str]) -> int | None:
    for line in lines:
        if STATUS_LINE.match(line) and (m := MONTH_YEAR.search(line)):
            return int(m.group("year"))
    return None


def extract_metadata(
    title: str,
    text: str,
    url: str,
    hints: dict[str, Any] | None = None,
    signals: PageSignals | None = None,
) -> Metadata:
    """Metadata of a document from its title, text (paragraphs one per line) and URL, with
    the page's own signals (site name, meta-tag date, og:type) when it is a web page."""
    signals = signals or PageSignals()
    lines = text.splitlines()
    published_year = int(signals.published[:4]) if signals.published else None
    found = _scan(lines, published_year or _url_year(url))
    in_url = url_date(url, latest_year())
    dates = found.dates + [d for d in [signals.published, in_url] if d and len(d) == 10]
    dates += found.bare_dates
    period = _chronology(lines)
    if period:  # dated by its publication: a byline, a source line, the page, the address
        dates = [d for d in _scan(lines[-HEAD_PARAGRAPHS:]).bylines + found.bylines if d]
        dates += [d for d in [signals.published, in_url] if d]
    head = "\n".join(lines[:HEAD_PARAGRAPHS])[:HEAD_CHARS]
    publisher = publisher_of(url, signals.site_name)
    doc_type = classify(title, url, head, publisher=publisher, signals=signals)
    number, ministerial = _meeting(title, head)
    page = doc_type == "web_page"  # a group page: its own update date, no meeting of its own
    if doc_type in DATED_BY_STATUS:  # "Last updated: ..." at a page's foot, "Endorsed at ..."
        dates = _status_dates(lines) + dates
    if doc_type in NEWS_TYPES and not period:  # "..., the ministers said, Sabtu, 26 September"
        dates += [d for d in [weekday_date(head, find_date)] if d]
    meta = Metadata(
        date=dates[0] if dates else None,
        meeting_number=number if ministerial and _outcome(doc_type, title, head) else None,
        location=_with_economy(found.places[0], head) if found.places and not page else None,
        doc_type=doc_type,
        chair=find_chair(head),
        publisher=publisher,
    )
    if meta.date and len(meta.date) < 10:  # a month ("2023-09"): the year alone is known
        meta.year, meta.date = int(meta.date[:4]), None
    elif meta.date:
        meta.year = int(meta.date[:4])
    else:
        partial = [d for d in found.bylines + [in_url or ""] if len(d) == 7]
        meta.year = _status_year(lines) or (int(partial[0][:4]) if partial else None)
        if not period:
            meta.year = meta.year or find_year(title) or _url_year(url)
    if period:
        meta.period = f"{period[0]}–{period[1]}"
    _apply_hints(meta, hints or {})
    # No number from a year nor a year from a number: the series has gaps. The record
    # (indexer.record) relates them through what the documents state.
    return meta


def _apply_hints(meta: Metadata, hints: dict[str, Any]) -> None:
    if hints.get("doc_type") in DOC_TYPES:
        meta.doc_type = hints["doc_type"]
    try:
        hinted_year = int(hints["year"]) if hints.get("year") is not None else None
    except (TypeError, ValueError):
        hinted_year = None
    if hinted_year and _plausible_year(hinted_year):
        meta.year = hinted_year
