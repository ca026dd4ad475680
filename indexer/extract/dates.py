"""Publication dates written in the forms news sites and archives use, beside the long-form
dates of indexer.extract.metadata:

- in the address: `/20131004/`, an article id that starts with its timestamp
  (`nid=2025090118055914010`, `/2005090209370984702`), `/2014-09/04/`, `/2015/11/`, a
  release named by its month and day in its year's folder (`/2012/0504_sme.aspx`);
- numeric dates: `27/05/2019` (day first), `08/29/2001` (month first where the day
  cannot be a month), `2020/12/22`, `25/06/98` (two-digit years read as 19xx/20xx);
- month names of the languages the record holds (Spanish, French, Indonesian, Malay,
  Tagalog): `07 de Septiembre 2019`, `26 September 2015`, `7 mai 2019`, `5 Agustus 2013`,
  `6 Setyembre 2014`;
- Chinese, Japanese and Korean dates and Korean dotted ones: `2016年11月16日`,
  `2025년 9월 1일`, `2025.09.01`, `2025. 9. 1.`;
- a date after its weekday in running text, as Indonesian and Spanish stories date what
  they report (`weekday_date`): `Sabtu, 26 September 2015`, `Sabtu (5/10/2013)`,
  `el sábado 26 de septiembre de 2015`, `on Saturday, September 26, 2015`;
- byline lines: a short line that is a date with what a byline adds around it (a
  weekday, a time, an author, an agency, "Published", "Posted", "Fecha", "Last updated
  at"): `Wednesday 7 September 2022, 05:39PM`, `Por: Felipe Placencia 07 de Septiembre
  2019`, `(Agency 08/29/2001)`, `date 2021-10-09`.

A chronology (a text narrating dated events over several years) is dated by its
publication, never by its first event (`spans_years`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from indexer.text.months import FULL_MONTH

# month names that are not English, by number (Spanish, French, Indonesian/Malay, Tagalog)
FOREIGN_MONTHS = {
    1: ("enero", "janvier", "januari"),
    2: ("febrero", "février", "fevrier", "februari", "pebrero"),
    3: ("marzo", "mars", "maret", "mac", "marso"),
    4: ("abril", "avril"),
    5: ("mayo", "mai", "mei"),
    6: ("junio", "juin", "juni", "hunyo"),
    7: ("julio", "juillet", "juli", "julai", "hulyo"),
    8: ("agosto", "août", "aout", "agustus", "ogos"),
    9: ("septiembre", "setiembre", "septembre", "setyembre"),
    10: ("octubre", "octobre", "oktober", "oktubre"),
    11: ("noviembre", "novembre", "nopember", "nobyembre"),
    12: ("diciembre", "décembre", "decembre", "desember", "disember", "disyembre"),
}
_MONTH_NUMBER = {name: n for n, names in FOREIGN_MONTHS.items() for name in names}
_FOREIGN = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
# "07 de Septiembre 2019", "26 de septiembre de 2015", "5 Agustus 2013"
FOREIGN_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:\s+de)?\s+(?P<month>{_FOREIGN})(?:\s+de)?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
# 27/05/2019, 08/29/2001, 25/06/98, 27.05.2019, 2020/12/22
NUMERIC_DMY = re.compile(
    r"(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d\d|\d\d)(?![\d/.])"
)
NUMERIC_YMD = re.compile(
    r"(?<![\d/.])(?P<year>(?:19|20)\d\d)(?P<sep>/|\.\s?)(?P<month>\d{1,2})(?P=sep)"
    r"(?P<day>\d{1,2})(?![\d/]|\.\d)"
)
# 2016年11月16日 (Chinese, Japanese), 2025년 9월 1일 (Korean)
CJK_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]"
    r"\s*(?P<day>\d{1,2})\s*[日일]"
)
# weekdays of the languages the record holds (English, Spanish, Indonesian, Malay, Tagalog)
WEEKDAY = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lunes|martes|miércoles|jueves|viernes"
    r"|sábado|domingo|senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|isnin|khamis|jumaat"
    r"|ahad|miyerkules|huwebes|biyernes|sabado|linggo)"
)
# "Sabtu, 26 September 2015", "Sabtu (5/10/2013)", "el sábado 26 de septiembre de 2015"
WEEKDAY_DATE = re.compile(rf"\b{WEEKDAY}\b,?\s*\(?(?=\d|[^\W\d_]+\s+\d)", re.I)
WEEKDAY_DATE_CHARS = 40  # the date follows its weekday closely
ISO_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
ISO_MONTH = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)(?![\d-])")

# what a byline line holds besides its date
_BYLINE_WORDS = re.compile(
    r"\b(?:by|por|oleh|par|published|posted|updated|last\s+updated(?:\s+at)?|fecha|date|dated"
    r"|tarikh|publicado|actualizado|diterbitkan|dipublikasikan|am|pm|gmt|utc|jst|kst|ict|wib"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo|senin|selasa|rabu|kamis|jumat"
    r"|sabtu|minggu|thứ\s+\w+|chủ\s+nhật|时间|時間|日期|发布|發布|来源|來源|出典|발행|입력|수정"
    r"|출처)\b",
    re.I,
)
# what marks a dated line as a byline rather than a document's own date line
_BYLINE_SIGNAL = re.compile(
    r"\b(?:by|por|oleh|par|published|posted|updated|publicado|actualizado|diterbitkan"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|lunes|martes"
    r"|miércoles|jueves|viernes|sábado|domingo|senin|selasa|rabu|kamis|jumat|sabtu|minggu"
    r"|thứ\s+\w+|chủ\s+nhật)\b|时间|日期|발행|입력",
    re.I,
)
_TIME = re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?", re.I)
# a bare label glued to what follows: "date 2021-10-09 <headline>"
DATE_LABEL = re.compile(r"^\s*date\s+(?P<date>(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?)(?![\d-])\s*", re.I)
BYLINE_CHARS = 90  # a byline is a short line
BYLINE_OTHER_WORDS = 5  # words besides the date, time and byline words: an author, an agency
CHRONOLOGY_YEARS = 4  # distinct years of dated events that make a text a chronology


def _date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _full_year(year: str) -> int:
    value = int(year)
    if len(year) == 2:
        return value + (1900 if value >= 50 else 2000)
    return value


def numeric_date(text: str) -> str | None:
    """The first numeric or non-English date of `text` as an ISO date (see the module
    docstring); None when there is none."""
    found: list[tuple[int, str]] = []
    for m in ISO_DATE.finditer(text):
        if iso := _date(int(m["year"]), int(m["month"]), int(m["day"])):
            found.append((m.start(), iso))
    for m in NUMERIC_YMD.finditer(text):
        if iso := _date(int(m["year"]), int(m["month"]), int(m["day"])):
            found.append((m.start(), iso))
    for m in NUMERIC_DMY.finditer(text):
        a, b, year = int(m["a"]), int(m["b"]), _full_year(m["year"])
        day, month = (b, a) if b > 12 >= a else (a, b)  # day first unless it cannot be
        if iso := _date(year, month, day):
            found.append((m.start(), iso))
    for m in FOREIGN_DATE.finditer(text):
        month = _MONTH_NUMBER[m["month"].lower()]
        if iso := _date(int(m["year"]), month, int(m["day"])):
            found.append((m.start(), iso))
    for m in CJK_DATE.finditer(text):
        if iso := _date(int(m["year"]), int(m["month"]), int(m["day"])):
            found.append((m.start(), iso))
    return min(found)[1] if found else None


def weekday_date(text: str, long_date: Callable[[str], str | None]) -> str | None:
    """The first date written right after a weekday ("Sabtu, 26 September 2015", "Saturday,
    September 26, 2015", "Sabtu (5/10/2013)") as an ISO date; None when there is none.
    `long_date` reads English long-form dates (indexer.extract.metadata.find_date)."""
    for m in WEEKDAY_DATE.finditer(text):
        after = text[m.end() : m.end() + WEEKDAY_DATE_CHARS]
        if date := long_date(after) or numeric_date(after):
            return date
    return None


def is_byline(line: str, long_date: Callable[[str], str | None]) -> bool:
    """Whether a line is a story's byline or date line: its date (`byline_date`) stands with
    a time, a weekday or a byline word ("Tuesday, January 12, 2016", "2019-09-07 08:43"),
    or a time leads a dateline ("15:45 | Lima, May. 26."). A date alone, or a place and a
    date, is a document's dateline, not a byline."""
    if re.match(r"^\d{1,2}:\d\d\s*\|", line.strip()):
        return True
    if not byline_date(line, long_date):
        return False
    return bool(_TIME.search(line) or _BYLINE_SIGNAL.search(line.replace("•", " by ")))


def byline_date(line: str, long_date: Callable[[str], str | None]) -> str | None:
    """The date of a byline line (module docstring): a short line whose words besides its
    date are a weekday, a time, a byline word and at most an author's or agency's name.
    `long_date` reads English long-form dates (indexer.extract.metadata.find_date)."""
    line = line.strip().strip("()[]")
    if len(line) > BYLINE_CHARS:
        return None
    line = re.sub(r"(?<=[^\W\d_])(?=\d)", " ", line)  # "by VNA15 September 2017"
    date = long_date(line) or numeric_date(line)
    month = None if date else ISO_MONTH.search(line)
    if not date and not month:
        return None
    rest = CJK_DATE.sub(" ", _TIME.sub(" ", line))
    rest = re.sub(rf"\b{FULL_MONTH}\b|\b(?:{_FOREIGN})\b", " ", rest, flags=re.I)
    rest = re.sub(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?", " ", rest)
    rest = _BYLINE_WORDS.sub(" ", rest)
    words = [w for w in re.findall(r"[^\W\d_]+", rest) if w.lower() not in ("de", "at", "on")]
    if len(words) > BYLINE_OTHER_WORDS or re.search(r"[.!?]\s+\w", rest):
        return None
    return date or f"{month['year']}-{month['month']}"


# an id that starts with its timestamp: 20131004, 2025090118055914010 (up to 21 digits)
_URL_COMPACT = re.compile(
    r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\d{0,13})(?!\d)"
)
_URL_PARTS = re.compile(
    r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=/|$|[^\d])"
)


# "/News-Releases/2012/0504_sme.aspx": a year's folder, then the month and day naming a file
_URL_YEAR_MMDD = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])_")


# a web archive's capture time ("/web/20070220212401/"): when it was copied, not written
ARCHIVE_STAMP = re.compile(r"/web/\d{8,14}[a-z_]*/")


def url_date(url: str, latest: int) -> str | None:
    """The date an address holds (module docstring): an ISO date, or "YYYY-MM" when it
    names only a month; None when it holds none up to the year `latest`."""
    parts = urlsplit(url)
    path = ARCHIVE_STAMP.sub("/", unquote(parts.path))
    for m in _URL_PARTS.finditer(path):
        year = int(m.group(1))
        if year <= latest:
            if m.group(3):
                return _date(year, int(m.group(2)), int(m.group(3)))
            return f"{year}-{m.group(2)}"
    for m in _URL_YEAR_MMDD.finditer(path):
        year = int(m.group(1))
        iso = _date(year, int(m.group(2)), int(m.group(3))) if year <= latest else None
        if iso:
            return iso
    for where in (path, unquote(parts.query)):
        for m in _URL_COMPACT.finditer(where):
            year = int(m.group(1))
            iso = _date(year, int(m.group(2)), int(m.group(3))) if year <= latest else None
            if iso:
                return iso
    return None


def spans_years(years: list[int]) -> tuple[int, int] | None:
    """(first, last) year of the events a text dates when they make it a chronology:
    CHRONOLOGY_YEARS or more distinct years; None otherwise."""
    distinct = sorted(set(years))
    if len(distinct) >= CHRONOLOGY_YEARS:
        return distinct[0], distinct[-1]
    return None
