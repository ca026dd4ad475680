"""Find the part of a sentence that answers a question of a given type.

Each answer type has cues of different strength: "chaired by H.E. Ana Ruiz" is strong
evidence of a person, a bare capitalised name weak evidence. Dates and numbers are taken
as statements write them ("12 - 13 May 2029", "Oct. 8 and 9", "twenty-three", "40 per cent
or less", "nearly two thirds", "a tenth"); money with its currency ("US$2.4 million"); a
place is a city ("Lakeside, Atlantis"), never a venue; a named thing is the capitalised
name after endorse / adopt / launch / welcome, of the kind asked when the question names
one; a theme is the quoted or capitalised words after "theme"; who opened, was elected or
hosted is found by those words, never by who chaired. A candidate made only of the question's own
words (the year the question names, the place it mentions) is not an answer, except a
name ("Which initiative did ministers endorse in Coralton?" -> "the Coralton Initiative").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from indexer.ask.question import NAMED_KINDS, STOP_WORDS, YEAR, keys, kind_spellings
from indexer.extract.metadata import PAST
from indexer.record.economies import economy_name
from indexer.record.mentions import OTHERS_THEME
from indexer.text.months import FULL_MONTH

STRONG, MEDIUM, WEAK = 1.0, 0.6, 0.3

MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_UPPER = "A-ZÀ-ÖØ-Þ"  # Latin capitals, accented ones included ("Élise", "Ñuñoa")
CAP = rf"[{_UPPER}][^\W\d_]*(?:[-'’][^\W\d_]+)*"  # a capitalised word
_PARTICLE = r"(?:bin|binti|de|del|da|dos|van|von|la|le)"
NAME = rf"{CAP}(?:\s+(?:[{_UPPER}]\.|{CAP}|{_PARTICLE}\s+{CAP}))*"
# Honorifics and styles before a name, as the member economies write them: "H.E. Dato Sri
# Dr. Haji ...", "Rt. Hon.", "Engr.", "Atty." and "Lic." (the Philippines, Mexico), "Ir." and
# "Drs." (Indonesia), "Mdm." (Singapore, Malaysia), "Khun" (Thailand).
TITLE = (
    r"(?:H\.\s?E\.|Rt\.?\s+Hon\.?|Hon\.|(?:[Tt]he\s+)?(?:Right\s+)?Honou?rable|Dr\.?|Drs\.?"
    r"|Mr\.?|Mrs\.?|Ms\.?|Mdm\.?|Madame|Madam|Prof\.?|Engr\.?|Atty\.?|Lic\.|Ing\.|Ir\."
    r"|Sr\.|Sra\.|Excm[oa]\.|Dato'?|Datuk|Datin|Tan\s+Sri|Seri|Sri|Haji|Hajah|Tun|Pehin"
    r"|Khun|Deputy\s+Minister|Vice[- ]Minister|Minister|Secretary|Ambassador|Amb\.|Senator"
    r"|Sen\.|Gov\.|Pres\.|(?:Vice[- ])?President|Her\s+Excellency|His\s+Excellency|Excellency)"
)
TITLED = rf"(?:{TITLE}\s+)+{NAME}"
_NOT_A_NAME_TEXT = """
    apec sme smes msme msmes ministers minister the this these economies economy member members
    meeting ministerial statement declaration chair chairs working group plan strategic leaders
    senior officials secretariat we our it in on
"""
_NOT_A_NAME = frozenset(_NOT_A_NAME_TEXT.split())
_VENUE = re.compile(
    r"\b(?:Centre|Center|Hall|Hotel|Convention|Building|Room|Resort|Palace|Auditorium|Venue)\b"
)
_QUALIFIER = (
    r"(?:(?:over|more\s+than|about|around|nearly|almost|approximately|some|at\s+least"
    r"|less\s+than|up\s+to|fewer\s+than|as\s+much\s+as|only|just|roughly|between)\s+)?"
)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT = r"one|two|three|four|five|six|seven|eight|nine"
_NUMBER_WORD = (
    rf"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{_UNIT}))?"
    rf"|{_UNIT}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|hundred|dozen)"
)
_MAGNITUDE = r"(?:\s+(?:million|billion|thousand|trillion))?"
_PERCENT = r"\s*(?:%|per\s*cent\b|percent\b)"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    strength: float

    def text(self, sentence: str) -> str:
        return sentence[self.start : self.end]


def _re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# -- persons ------------------------------------------------------------------------------

_CHAIR_CUE = _re(
    r"\b(?:under\s+the\s+(?i:chair(?:man|woman|person)?ship)\s+of|(?i:(?:chaired|co-chaired"
    r"|presided\s+over)\s+by)|As\s+Chair,\s+I,)\s+"
)
_OTHER_CUE = _re(r"\b(?:hosted|led|opened|convened|addressed|welcomed)\s+by\s+")
# A person, perhaps with an apposition, then perhaps the comma closing one before the name
# ("The Minister of Trade, Dr. Elan Brisk, opened ...").
_PERSON = rf"(?P<span>(?:{TITLE}\s+)*{NAME})(?:,[^.;]{{3,120}}?)?,?"
_NAME_CHAIRED = _re(
    rf"{_PERSON}\s+(?:who\s+)?(?:(?:co-)?chaired|presided\s+over|served\s+as\s+(?:the\s+)?Chair)\b"
)
_FOR_CHAIRING = _re(rf"(?P<span>(?:{TITLE}\s+)*{NAME})(?:,[^.;]{{3,120}}?,)?\s+for\s+chairing\b")
_TITLED = _re(TITLED)
_NAME_THEN_ROLE = _re(
    rf"(?P<span>{NAME}),\s+(?:the\s+)?(?:Minister|Secretary|Chair|Vice[- ]Minister|"
    r"Deputy\s+Minister|Head|Director|Under\s+Secretary)"
)
_NAME = _re(NAME)


# A role before the name it belongs to: "Atlantis's Minister of Small Business, " or "the
# Minister of Trade of Atlantis, " ("chaired by Atlantis's Minister ..., Ana Ruiz").
_ROLE_FIRST = _re(
    rf"(?:the\s+)?(?:{CAP}(?:\s+{CAP})*['’]s?\s+)?(?:Deputy\s+|Vice[- ]|Acting\s+)?"
    r"(?:Minister|Secretary|President|Director|Head|Governor|Premier|Chair\w*|Administrator)\b"
    r"[^,.;]{0,100}?,\s+"
)


def _after_cue(sentence: str, cues: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """The person named after each cue: a titled name right after it ("chaired by President
    Ana Ruiz, ..."), else the name after a role written first ("chaired by the Minister of
    Trade of Atlantis, Ana Ruiz"), else the first name in the next 220 characters."""
    for cue in cues.finditer(sentence):
        window = sentence[cue.end() : cue.end() + 220]
        titled = _TITLED.match(window)
        if titled:
            yield cue.end() + titled.start(), cue.end() + titled.end()
            continue
        role = _ROLE_FIRST.match(window)
        if role:
            found = _TITLED.match(window, role.end()) or _NAME.match(window, role.end())
            if found:
                yield cue.end() + found.start(), cue.end() + found.end()
                continue
        found = _TITLED.search(window) or _NAME.search(window)
        if found:
            yield cue.end() + found.start(), cue.end() + found.end()


_NAME_THE_CHAIR = _re(
    rf"(?P<span>(?:{TITLE}\s+)*{NAME}),\s+(?:the\s+)?(?:[A-Z]\w*\s+){{0,3}}Chair\b"
)
_CHAIR_APPOSITION = _re(rf"\bChair(?:man|woman|person)?,\s+(?P<span>(?:{TITLE}\s+)*{NAME})")
_CHAIR_IS = _re(rf"\bChair\b[^.;]{{0,40}}?\s+(?:is|was)\s+(?P<span>(?:{TITLE}\s+)*{NAME})")


def _chair(sentence: str) -> Iterator[tuple[int, int, float]]:
    """Only who chaired (or is the Chair): never who opened, hosted or welcomed."""
    for a, b in _after_cue(sentence, _CHAIR_CUE):
        yield a, b, STRONG
    for pattern in (_NAME_CHAIRED, _FOR_CHAIRING, _NAME_THE_CHAIR, _CHAIR_APPOSITION, _CHAIR_IS):
        for a, b in _groups(pattern, sentence):
            yield a, b, STRONG


# Another forum's meeting ("the Leaders' Meeting", "the Finance Ministers' Meeting",
# "Ministers Responsible for Trade", the foreign and trade ministers' "APEC Ministerial
# Meeting"): who chaired it did not chair the SME meeting, nor was it held where it was.
_OTHER_MEETING = _re(
    r"\b(?:(?:Economic\s+)?Leaders|Finance|Trade|Foreign|Tourism|Energy|Health|Women|Transport"
    r"(?:ation)?|Education|Oceans?|Forestry|Mining|Agriculture|Food\s+Security|Structural\s+"
    r"Reform|Senior\s+Officials)['’]?\s*(?:Ministers['’]?\s+)?(?:Meetings?|Week|Dialogue)\b"
    r"|\bMinisters\s+Responsible\s+for\s+Trade\b|\b(?:AELM|MRT|AMM|SOM|CSOM)\b"
    r"|\bAPEC\s+Ministerial\s+Meeting\b(?!\s+on\s+(?:Small|SMEs?|MSMEs?)\b)",
    re.I,
)
_SME = _re(r"\b(?:M?SMEs?|SMEWG|SMEMM|small\s+and\s+medium)\b", re.I)
_CHAIRED_NEXT = _re(
    r"\s+(?:who\s+)?(?:co-)?(?:chaired|presided\s+over)\b"
    r"|,?\s+(?:the\s+)?(?:co-)?Chair(?:man|woman|person)?\s+of\b"  # "…, Chair of the …"
)
NEAR_MEETING = 60  # characters either side of a chair's name that say whose meeting it is


def of_another_meeting(sentence: str, start: int, end: int, near: int = NEAR_MEETING) -> bool:
    """Whether the chair, place or date named at start:end is another forum's meeting's:
    one named up to ``near`` characters before it with nothing on SMEs after it ("the
    Leaders' Meeting chaired by ...", "the Ministers Responsible for Trade (MRT) meeting
    held in ..."), or just after a chair's "chaired" or "Chair of" ("... chaired the Trade
    Ministers' Meeting", "..., Chair of the Senior Officials Meetings")."""
    before = sentence[max(0, start - near) : start]
    named = list(_OTHER_MEETING.finditer(before))
    if named and not _SME.search(before, named[-1].end()):
        return True
    chaired = _CHAIRED_NEXT.match(sentence, end)
    if not chaired:
        return False
    after = sentence[chaired.end() : chaired.end() + NEAR_MEETING]
    other = _OTHER_MEETING.search(after)
    return bool(other) and not _SME.search(after, 0, other.start())


_OPENED = (
    _re(
        rf"{_PERSON}\s+(?:officially\s+)?(?:opened|inaugurated|declared\s+open"
        r"|(?:delivered|gave|made)\s+(?:the\s+|an?\s+)?(?:opening|welcoming|keynote))"
    ),
    _re(
        r"\b(?:opened|inaugurated|opening\s+(?:address|remarks|speech)\s+(?:was\s+|were\s+)?"
        rf"(?:delivered|given|made)|declared\s+open)\s+by\s+(?P<span>(?:{TITLE}\s+)*{NAME})"
    ),
)
_ELECTED = (
    _re(
        r"\b(?:elected|appointed|selected|chose|named|nominated|endorsed)\s+"
        rf"(?P<span>(?:{TITLE}\s+)*{NAME})(?:\s+\([^)]{{1,40}}\)|\s+(?:of|from)\s+{NAME}"
        r"|,[^,.;]{1,80},)?\s+as\b"
    ),
    _re(
        rf"{_PERSON}\s+(?:was|has\s+been|is)\s+(?:\w+\s+)?(?:elected|appointed|selected|chosen"
        r"|named|nominated)\b"
    ),
    _re(rf"{_PERSON}\s+(?:will|is\s+to|shall)\s+(?:chair|take\s+over|serve\s+as|assume)\b"),
)


# A host: a person, an economy or a body ("the City of Redwater").
_HOST = rf"(?:{TITLE}\s+)*{NAME}(?:\s+of\s+(?:the\s+)?{NAME})?"
_HOSTED = (
    _re(
        r"\b(?:hosted|organi[sz]ed|convened)\s+(?:\w+\s+)?by\s+(?:the\s+)?"
        rf"(?P<span>{_HOST})"
    ),
    _re(rf"{_PERSON}\s+(?:hosted|was\s+the\s+host\b|as\s+(?:the\s+)?host\b)"),
    _re(
        rf"\b(?:thank(?:ed|s)?|grateful\s+to)\s+(?:the\s+)?(?P<span>{_HOST})"
        r"[^.;]{0,80}?\bfor\s+hosting\b"
    ),
)


def _strong(
    patterns: tuple[re.Pattern[str], ...],
) -> Callable[[str], Iterator[tuple[int, int, float]]]:
    """A finder yielding every match of `patterns` (its "span" group) as strong evidence:
    who opened, who was elected, who hosted, each never who chaired."""

    def find(sentence: str) -> Iterator[tuple[int, int, float]]:
        for pattern in patterns:
            for a, b in _groups(pattern, sentence):
                yield a, b, STRONG

    return find


def with_role(sentence: str, role: str) -> Iterator[tuple[int, int, float]]:
    """Persons named with `role`, before or after it, with or without a comma, the role
    perhaps qualified ("The President of Atlantis, Aleki Tupou", "Program Director Aleki
    Tupou", "Aleki Tupou, Minister of Trade", "Aleki Tupou (Program Director)" for
    "president", "director", "minister"). A name after the role has two words at least."""
    word = rf"(?i:{re.escape(role)})"
    after = rf"\b{word}\b(?:\s+(?:of|for)\s+(?:the\s+)?{NAME})?,?\s+(?P<span>(?:{TITLE}\s+)*{NAME})"
    before = (
        rf"(?P<span>(?:{TITLE}\s+)*{NAME})(?:,\s+|\s+\()(?i:the\s+)?(?:{CAP}\s+){{0,3}}{word}\b"
    )
    for m in re.finditer(after, sentence):
        if len(m.group("span").split()) >= 2:
            yield m.start("span"), m.end("span"), STRONG
    for m in re.finditer(before, sentence):
        yield m.start("span"), m.end("span"), STRONG


def _person(sentence: str) -> Iterator[tuple[int, int, float]]:
    yield from _chair(sentence)
    for a, b in _after_cue(sentence, _OTHER_CUE):
        yield a, b, STRONG
    for a, b in _groups(_TITLED, sentence):
        yield a, b, MEDIUM
    for a, b in _groups(_NAME_THEN_ROLE, sentence):
        yield a, b, MEDIUM


# -- dates --------------------------------------------------------------------------------

_DAYS = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:[-–—]|to|and)\s*\d{1,2}(?:st|nd|rd|th)?)?"
_DATE_FULL = _re(
    rf"\b(?:the\s+)?{_DAYS}\s+(?:of\s+)?{MONTH}(?:\s*[-–]\s*{_DAYS}\s+{MONTH})?,?\s+\d{{4}}\b"
    rf"|\b{MONTH}\s+{_DAYS},?\s+\d{{4}}\b"
)
_DATE_NO_YEAR = _re(rf"\b{_DAYS}\s+{MONTH}\b|\b{MONTH}\s+{_DAYS}\b")
_DATE_MONTH = _re(rf"\b{FULL_MONTH}\s+\d{{4}}\b")
_DATE_YEAR_CUE = _re(r"\b(?i:in|on|during|since|from|by|until)\s+(?P<span>(?:19|20)\d{2})\b")


def date_spans(sentence: str) -> list[str]:
    """The dates a sentence writes out with their year ("5–6 September 2019", "Oct. 8 and
    9, 2031", "June 2027"), in order."""
    found = sorted(set(_groups(_DATE_FULL, sentence)) | set(_groups(_DATE_MONTH, sentence)))
    return [
        sentence[a:b]
        for a, b in found
        if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in found)
    ]


def _date(sentence: str) -> Iterator[tuple[int, int, float]]:
    for a, b in _groups(_DATE_FULL, sentence):
        yield a, b, STRONG
    for a, b in _groups(_DATE_MONTH, sentence):
        yield a, b, STRONG
    for a, b in _groups(_DATE_NO_YEAR, sentence):
        yield a, b, MEDIUM
    for a, b in _groups(_DATE_YEAR_CUE, sentence):
        yield a, b, STRONG
    for a, b in _groups(YEAR, sentence):
        yield a, b, WEAK


# -- places -------------------------------------------------------------------------------

_MEETING_CUE = _re(
    r"\b(?:met|meet|meets|meeting|held|convened|gathered|took\s+place|takes\s+place|hosted"
    r"|venue|came\s+together|talks)\b",
    re.I,
)
_NEXT_MEETING = _re(r"\b(?:next|will|to\s+meet|to\s+host|offer\s+to|invitation\s+to)\b", re.I)
_IN_PLACE = _re(rf"\b(?:in|at)\s+(?:the\s+)?(?P<span>{NAME}(?:,\s*{NAME})?)")
_PLACE_PAIR = _re(rf"\b(?:in|at)\s+(?P<span>{CAP}(?:\s+{CAP})*,\s*{CAP}(?:\s+{CAP})*)")


_PLACE_LINE = _re(
    rf"(?P<span>{CAP}(?:\s+{CAP})*,\s*{CAP}(?:\s+{CAP})*)"
    rf"(?:\s*[|,]\s*(?:\d|{MONTH})[\w\s,.–-]*)?$"
)


def _place(sentence: str) -> Iterator[tuple[int, int, float]]:
    for a, b in _groups(_PLACE_LINE, sentence):  # a title line: "Lakeside, Atlantis | 7 May 2031"
        if a == 0:
            yield a, b, MEDIUM
    cue = _MEETING_CUE.search(sentence)
    for m in _IN_PLACE.finditer(sentence):
        a, b = m.span("span")
        if _VENUE.search(sentence[a:b]):
            continue
        strength = STRONG if cue and cue.start() < m.start() else WEAK
        before = sentence[max(0, a - 60) : a]
        if PAST.search(before):
            continue  # where past meetings were: never where the one asked about was
        if _NEXT_MEETING.search(before):
            strength = WEAK  # where the next meeting will be, not where this one was
        yield a, b, strength
    for a, b in _groups(_PLACE_PAIR, sentence):
        if not _VENUE.search(sentence[a:b]):
            yield a, b, MEDIUM


_RANGE = _re(r"\d\s*(?:[-–—]|to|and)\s*\d|\b(?:from|between)\b", re.I)


def meeting_date_strength(sentence: str, span: Span, *, dates: bool) -> float:
    """The strength of a date answering when a meeting was held: full only in a sentence
    saying that it met or was held (not a publication line, "Lakeside | 7 May 2031"), and,
    when the question asks for `dates`, only for a range of days ("March 3-4, 2031")."""
    strength = span.strength
    if not _MEETING_CUE.search(sentence):
        strength = min(strength, MEDIUM)
    if dates and not _RANGE.search(span.text(sentence)):
        strength = min(strength, MEDIUM)
    return strength


# -- shares and numbers -------------------------------------------------------------------

_SHARE = _re(
    rf"(?i:{_QUALIFIER})(?:{_NUMBER})(?:{_PERCENT})?(?:\s+(?:and|to)\s+(?:{_NUMBER}))?{_PERCENT}"
    r"(?:\s+or\s+(?:less|more|fewer))?"
)
_SHARE_WORDS = _re(
    r"\b(?:(?:about|nearly|almost|over|more\s+than|some|around|roughly|only|just|less\s+than"
    r"|close\s+to|under|barely)"
    r"\s+)?(?:half|one[- ]third|a\s+third|two[- ]thirds|a\s+quarter|one[- ]quarter"
    r"|three[- ]quarters|(?:a|one|two|three|four|five|six|seven|eight|nine)[-\s](?:fifth|sixth"
    r"|seventh|eighth|ninth|tenth|twentieth|hundredth)s?"
    rf"|(?:\d+|{_NUMBER_WORD})\s+(?:out\s+of|in)\s+(?:\d+|{_NUMBER_WORD})"
    r"|the\s+(?:vast\s+)?majority)\b",
    re.I,
)
_COUNT = _re(
    rf"(?i:{_QUALIFIER})\b(?:{_NUMBER}|{_NUMBER_WORD}){_MAGNITUDE}\b"
    r"(?!\s*(?:%|per\s*cent|percent|st\b|nd\b|rd\b|th\b))"
)


def _share(sentence: str) -> Iterator[tuple[int, int, float]]:
    for a, b in _groups(_SHARE, sentence):
        yield a, b, MEDIUM
    for a, b in _groups(_SHARE_WORDS, sentence):
        yield a, b, MEDIUM


# A number that names a part rather than counting things: "work stream 5", "Annex 3",
# "paragraph 12", "Priority 2", "No. 4".
_LABEL_BEFORE = re.compile(
    r"\b(?:work\s*streams?|annex(?:es)?|appendix|attachment|paragraphs?|paras?\.?|items?"
    r"|goals?|priority|priorities|pillars?|sections?|chapters?|articles?|clauses?|no\.|nos\."
    r"|phases?|stages?|tracks?|objectives?|targets?|principles?|tables?|figures?|fig\.|pages?"
    r"|pp?\.|parts?|steps?|rounds?|versions?|volumes?|vol\.|sessions?|sdgs?|levels?)\s*$",
    re.I,
)


def _number(sentence: str) -> Iterator[tuple[int, int, float]]:
    for a, b in _groups(_COUNT, sentence):
        number = sentence[a:b]
        if YEAR.fullmatch(number.strip()) or re.match(r"\d+\.(?:\s|$)", sentence[a:]):
            continue  # a year, or the number of a numbered paragraph
        if _LABEL_BEFORE.search(sentence[max(0, a - 20) : a]):
            continue  # the number of a labelled part ("work stream 5"), not a count
        if re.match(r"[-–]\d", sentence[b : b + 2]) or re.search(r"\d[-–]$", sentence[:a]):
            continue  # part of a range of years or days
        if re.match(rf"\s+(?:and|to)\s+(?:{_NUMBER}){_PERCENT}", sentence[b:]):
            continue  # the first bound of a range of shares
        if any(m.start() <= a and b <= m.end() for m in _DATE_FULL.finditer(sentence)):
            continue  # the day of a date
        if any(m.start() <= a < m.end() for m in _SHARE_WORDS.finditer(sentence)):
            continue  # part of a share ("nearly two thirds"), found below
        if not sentence[:a].strip() and re.match(r"\s+[A-Z]{6,}\b", sentence[b:]):
            continue  # a page number before a running header ("68 BUSINESS"), not a count
        yield a, b, MEDIUM
    for a, b in _groups(_SHARE, sentence):
        yield a, b, WEAK
    for a, b in _groups(_SHARE_WORDS, sentence):
        yield a, b, WEAK


_CURRENCY = (
    r"(?:US\$|USD|US\s+dollars?|[A-Z]{1,2}\$|\$|€|£|¥|EUR|JPY|CNY|RMB|RM|dollars?|euros?|yen"
    r"|pesos?|ringgit|baht|rupiah|won|dong|yuan)"
)
_MONEY = _re(
    rf"(?i:{_QUALIFIER})(?:{_CURRENCY}\s?(?:{_NUMBER}){_MAGNITUDE}(?:\s+{_CURRENCY})?"
    rf"|(?:{_NUMBER}|{_NUMBER_WORD}){_MAGNITUDE}\s+{_CURRENCY})"
)


def _money(sentence: str) -> Iterator[tuple[int, int, float]]:
    """An amount of money ("US$1.2 million", "RM 500,000", "two million dollars")."""
    for a, b in _groups(_MONEY, sentence):
        yield a, b, STRONG


_FREQUENCY = _re(
    r"\b(?:(?:once|twice|thrice|(?:two|three|four|\d+)\s+times)\s+(?:a|per|each|every)\s+"
    r"(?:year|month|week)|every\s+(?:\w+\s+)?(?:years?|months?)|annually|biennially|each\s+year"
    r"|every\s+year)\b",
    re.I,
)


def _frequency(sentence: str) -> Iterator[tuple[int, int, float]]:
    for a, b in _groups(_FREQUENCY, sentence):
        yield a, b, STRONG


# -- named things and themes --------------------------------------------------------------

_NAMED_VERB = _re(
    r"\b(?:endors|adopt|launch|welcom|approv|commend|propos|establish|unveil|agree|discuss"
    r"|introduc|set\s+up)\w*\b",
    re.I,
)
_CONNECTOR = r"(?:of|on|for|to|and|the|in|a|&)"
_NAME_TOKEN = r"(?:[A-Z][\w'’.-]*|\d{4}(?:[-–]\d{2,4})?|MSMEs?|SMEs?|E-\w+)"
_NAMED = _re(rf"\b{_NAME_TOKEN}(?:(?:\s+{_CONNECTOR})*\s+{_NAME_TOKEN})+")
_RIGHT_AFTER = _re(r"\s+(?:(?:the|a|an)\s+)?")
_LEAD_WORDS = frozenset(["the", "a", "an", "we", "ministers", "it", "this", "our", "in", "on"])


def _named(sentence: str) -> Iterator[tuple[int, int, float]]:
    cue = _NAMED_VERB.search(sentence)
    for m in _NAMED.finditer(sentence):
        text = m.group()
        words = text.split()
        # Drop a sentence-opening word ("The", "Ministers") and a possessive lead-in
        # ("Jadeland's proposal for a ..." is caught by the next match).
        while words and (words[0].lower() in _LEAD_WORDS or words[0].endswith(("'s", "’s"))):
            words = words[1:]
        if len(words) < 2:
            continue
        start = m.start() + text.index(" ".join(words))
        end = start + len(" ".join(words))
        kinds = {w.lower().rstrip("s") for w in words} & {k.rstrip("s") for k in NAMED_KINDS}
        if not _looks_like_name(" ".join(words)):
            continue
        if kinds:
            yield start, end, MEDIUM if cue else WEAK
        elif cue and _RIGHT_AFTER.fullmatch(sentence, cue.end(), start):
            yield start, end, WEAK  # a name without a kind word, right after the verb


THEME_WINDOW = 80  # characters before a theme searched for whose theme it is
# The quoted words after "theme": in double quotes, to the closing one (an apostrophe
# inside, "MSMEs’ Competitiveness", is part of it); in single quotes, to a closing quote
# that no letter follows.
_THEME_DOUBLE = _re(r"\btheme\b[^\"“‘]{0,40}?[\"“](?P<span>[^\"”]{3,160}?)[\"”]", re.I)
_THEME_SINGLE = _re(r"\btheme\b[^\"“‘]{0,40}?(?<=\s)['‘](?P<span>[^\"”]{3,160}?)['’](?!\w)", re.I)
_THEME_CAPS = _re(rf"\btheme\s*(?:of|was|is|:)?\s+(?P<span>{CAP}(?:\s+(?:{_CONNECTOR}\s+)*{CAP})+)")


_QUOTED_LINE = _re(r"^[\"“](?P<span>[^\"”]{6,160})[\"”]$")


def _theme(sentence: str) -> Iterator[tuple[int, int, float]]:
    for pattern in (_THEME_DOUBLE, _THEME_SINGLE):
        for a, b in _groups(pattern, sentence):
            yield a, b, WEAK if _others_theme(sentence, a) else STRONG
    for a, b in _groups(_QUOTED_LINE, sentence):  # a quoted title line under the title
        yield a, b, MEDIUM
    for a, b in _groups(_THEME_CAPS, sentence):
        yield a, b, WEAK if _others_theme(sentence, a) else MEDIUM


def _others_theme(sentence: str, at: int) -> bool:
    """Whether the words before the theme at ``at`` make it APEC's year's or its leaders'
    ("derived from the umbrella or main APEC 2009 theme of ..."), not a meeting's
    (``OTHERS_THEME``, as the record reads them)."""
    return bool(OTHERS_THEME.search(sentence[max(0, at - THEME_WINDOW) : at]))


# -- lists ---------------------------------------------------------------------------------

_ITEM = r"[^,;:.()\[\]]{2,90}?"
# A list after a colon or a word that introduces one: "three issues: A, B and C", "focused
# on A, B, and C", "include A, B and C"; the last item runs to the end of the clause.
_LIST = _re(
    r"(?:[:—–]\s*|\b(?i:on|include[sd]?|including|namely|are|were|as|into|covering)\s+)"
    rf"(?P<span>{_ITEM}(?:,\s*{_ITEM})*,?\s+(?:and|&)\s+{_ITEM})(?=\s*(?:[.;:]|$))"
)


def list_items(text: str) -> int:
    """How many items a list span holds ("A, B, and C" -> 3)."""
    return len([p for p in re.split(r",\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", text) if p.strip()])


def _list(sentence: str) -> Iterator[tuple[int, int, float]]:
    for a, b in _groups(_LIST, sentence):
        if list_items(sentence[a:b]) >= 3:
            yield a, b, MEDIUM
        else:
            yield a, b, WEAK  # "A and B": a list only when two are asked for


# -- phrases -------------------------------------------------------------------------------

_PREPOSITIONS_TEXT = "by on to for with as in of from about into at during under"
_PREPOSITIONS = frozenset(_PREPOSITIONS_TEXT.split())
STOP_KEYS = frozenset(STOP_WORDS)
_PHRASE_END = _re(r"[,.;:!?()]|\s(?:which|that|who|while|whereas|because|but)\s")
MAX_PHRASE_WORDS = 10
_SENTENCE_WORD = _re(r"[^\W_]+(?:[-'’][^\W_]+)*")


def phrase_span(
    sentence: str,
    anchors: list[str],
    preposition: str | None = None,
    context: set[str] | frozenset[str] = frozenset(),
) -> Span | None:
    """The noun phrase a "what" question asks for, after the last of its words the sentence
    holds ("What were SMEs affected by?" -> "a credit crunch" in "SMEs were affected by a
    credit crunch"): after that word (and ``preposition``, the question's last word, when
    it ends with one), up to the end of the clause and without a tail of the question's own
    words, at most MAX_PHRASE_WORDS words; WEAK. ``anchors`` are the keys of the question's
    words the phrase follows; ``context`` the keys of the rest of the question, which the
    phrase must not merely repeat. None when no phrase follows."""
    tokens = list(_SENTENCE_WORD.finditer(sentence))
    found = [i for i, t in enumerate(tokens) if set(keys(t.group())) & set(anchors)]
    for i in reversed(found):
        start = i + 1
        if preposition:
            ahead = [
                j
                for j in range(start, min(start + 3, len(tokens)))
                if tokens[j].group().lower() == preposition
            ]
            if not ahead:
                continue
            start = ahead[0] + 1
        elif start < len(tokens) and tokens[start].group().lower() in _PREPOSITIONS:
            start += 1
        if start >= len(tokens):
            continue
        if _PHRASE_END.search(sentence[tokens[i].end() : tokens[start].start()]):
            continue
        a = tokens[start].start()
        end = _PHRASE_END.search(sentence, a)
        b = end.start() if end else len(sentence.rstrip())
        b = a + len(_without_tail(sentence[a:b], set(anchors) | set(context)))
        words = sentence[a:b].split()
        if not words or len(words) > MAX_PHRASE_WORDS:
            continue
        if words[-1].lower() in _PREPOSITIONS:  # cut short: a cover's "Prepared by: ..."
            continue
        if not set(keys(sentence[a:b])) - set(anchors) - set(context) - STOP_KEYS:
            continue
        return Span(a, b, WEAK)
    return None


def _without_tail(phrase: str, question: set[str]) -> str:
    """The phrase without a trailing prepositional phrase made of the question's own words
    ("a credit crunch during the regional crisis" -> "a credit crunch")."""
    for t in list(_SENTENCE_WORD.finditer(phrase))[1:]:
        if t.group().lower() in _PREPOSITIONS:
            rest = {k for k in keys(phrase[t.end() :]) if k not in STOP_KEYS}
            if rest and rest <= question:
                return phrase[: t.start()].rstrip()
    return phrase.rstrip()


_APPOSITION = _re(r",\s+(?:an?|the|its)\s+(?P<words>(?:[\w-]+\s+){0,3}[\w-]+)")


def _is_of_kind(sentence: str, start: int, end: int, kind: str) -> bool:
    """Whether the name at start:end names a thing of `kind`, in its own words ("the Export
    Gateway" for a portal) or in an apposition ("the Export Gateway, an online portal")."""
    spellings = kind_spellings(kind)
    name = sentence[start:end].lower()
    if any(re.search(rf"\b{re.escape(w)}s?\b", name) for w in spellings):
        return True
    after = _APPOSITION.match(sentence, end)
    said = {w.lower().rstrip("s") for w in after.group("words").split()} if after else set()
    return bool(said & {w.rstrip("s") for w in spellings})


def _groups(pattern: re.Pattern[str], text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    for m in pattern.finditer(text, start):
        group = "span" if "span" in pattern.groupindex else 0
        yield m.start(group), m.end(group)


def _adds_information(sentence: str, start: int, end: int, exclude: set[str]) -> bool:
    span_keys = set(keys(sentence[start:end]))
    return bool(span_keys - exclude)


# Words that make a capitalised run a body, a programme, an event or a place, not a
# person ("National Export Initiative", "Ministry of Trade", "Economic Forum").
_NOT_PERSON_TEXT = """ministry department association bank council corporation committee forum
    university agency office commission chamber institute organisation organization group
    federation foundation secretariat unit government economy economies region summit
    meeting conference week dialogue workshop network alliance company enterprises business
    businesses trade industry commerce fund centre center act law city province state
    leaders ministers officials delegates apec"""
_NOT_PERSON = frozenset(_NOT_PERSON_TEXT.split()) | NAMED_KINDS
_TITLE_RUN = _re(rf"^(?:{TITLE}\s+)+")


def is_person_name(text: str) -> bool:
    """Whether a span names a person: a name (after any honorifics) of capitalised words
    none of which names a body, programme, event or place (_NOT_PERSON, NAMED_KINDS), with
    no possessive ("Obama's National Export Initiative" is a programme), nor an economy
    ("Korea" chairs as host, not as a person)."""
    name = _TITLE_RUN.sub("", text)
    tokens = name.split()
    if not tokens or any(t.endswith(("'s", "’s", "s'")) for t in tokens) or economy_name(name):
        return False
    return not any(w.lower() in _NOT_PERSON for w in re.findall(r"[^\W\d_]+", name))


PERSON_TYPES = frozenset(["person", "chair", "opened", "elected"])
# Words that make a capitalised run an event, a body, a region or a document, not a city
# or an economy ("the Digital Economy Forum", "the Biobío Region").
_NOT_PLACE_TEXT = """forum meeting meetings summit conference week dialogue workshop symposium
    region regions province district apec sme smes msme msmes ministerial ministers minister
    group council university hotel statement declaration committee secretariat economy
    economies government ministry department"""
_NOT_PLACE = frozenset(_NOT_PLACE_TEXT.split()) | NAMED_KINDS


# A name followed by the kind of area it is ("the Norrvik region", "Norrvik Province"): a
# region, not the city or economy a place question asks for.
_REGION_AFTER = _re(
    r"\s+(?i:region|province|prefecture|district|county|state|department|oblast|krai)\b"
)


def is_place_name(text: str) -> bool:
    """Whether a span names a city or an economy ("Lakeside, Atlantis"): none of its words
    names an event, body, region or document (_NOT_PLACE), nor is it a venue."""
    if _VENUE.search(text):
        return False
    return not any(w.lower() in _NOT_PLACE for w in re.findall(r"[^\W\d_]+", text))


def _looks_like_name(text: str) -> bool:
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    return (
        bool(words) and not all(w in _NOT_A_NAME for w in words) and not re.match(FULL_MONTH, text)
    )


_FINDERS: dict[str, Callable[[str], Iterator[tuple[int, int, float]]]] = {
    "person": _person,
    "chair": _chair,
    "date": _date,
    "place": _place,
    "share": _share,
    "number": _number,
    "frequency": _frequency,
    "money": _money,
    "opened": _strong(_OPENED),
    "elected": _strong(_ELECTED),
    "hosted": _strong(_HOSTED),
    "named": _named,
    "theme": _theme,
    "list": _list,
}


_FILLER = frozenset(["all", "the", "their", "total", "its", "new", "of"])


def _qualifies(answer_type: str, following: list[str], near: set[str]) -> bool:
    """A count directly followed by a question term ("21 economies"), or a share of one
    ("97 per cent of all businesses")."""
    rest = [k for k in following if k not in _FILLER and not k.isdecimal()]
    if answer_type == "number":
        return any(k in near for k in rest[:2])
    if answer_type == "share":
        return bool(rest) and rest[0] in near
    return False


def find_span(
    sentence: str,
    answer_type: str,
    exclude: set[str],
    near: set[str] | None = None,
    *,
    named_kind: str | None = None,
    role: str | None = None,
    count: int | None = None,
) -> Span | None:
    """The strongest span of the wanted type that says something the question does not.

    `answer_type` is one of ANSWER_TYPES of indexer.ask.question, "chair" (a person who
    chaired: the role a chair question asks for), or a RELATIONS name of indexer.ask.question
    ("opened", "elected", "hosted": who did that). `exclude` holds the question's term keys.
    `near` (question term keys too) promotes a count or share of one of them to strong
    evidence. `named_kind` ("guide" for "Which guide ...") promotes a name of that kind (its
    word, a close spelling of it, or an apposition naming it) and demotes any other to WEAK.
    `role` ("president") keeps only persons named with that role. `count` (a list
    question's number of items, 0 when it states none) makes a list of that many strong.
    Returns None when the sentence holds no such span.
    """
    finder = _FINDERS.get(answer_type)
    if role:
        finder = lambda text: with_role(text, role)  # noqa: E731
    if finder is None:
        return None
    best: Span | None = None
    for start, end, strength in finder(sentence):
        text = sentence[start:end].strip(" ,;:.")
        start = sentence.index(text, start) if text else start
        end = start + len(text)
        if not text:
            continue
        if answer_type == "named" and named_kind:
            if _is_of_kind(sentence, start, end, named_kind):
                strength = STRONG if strength >= MEDIUM else MEDIUM
            else:
                strength = min(strength, WEAK)  # a name of another kind is hardly an answer
        elif not _adds_information(sentence, start, end, exclude):
            continue
        if answer_type in ("person", "chair", "place") and not _looks_like_name(text):
            continue
        if (role or answer_type in PERSON_TYPES) and not is_person_name(text):
            continue  # a programme, a body or an event is not who did it
        if answer_type == "place" and (
            not is_place_name(text) or _REGION_AFTER.match(sentence, end)
        ):
            continue  # a region, a venue or an event is not where a meeting was
        if answer_type in ("chair", "place") and of_another_meeting(sentence, start, end):
            continue  # who chaired the Leaders' Meeting did not chair the SME meeting
        # a date belongs to the last meeting named before it, however far ("the Finance
        # Ministers' Meeting, chaired by Treasury Secretary Lee, 12-13 November")
        if answer_type == "date" and of_another_meeting(sentence, start, end, near=start):
            continue  # nor was it held when the SME meeting was
        if near and _qualifies(answer_type, keys(sentence[end : end + 40]), near):
            strength = STRONG
        if answer_type == "list" and count and list_items(text) == count:
            strength = STRONG
        if best is None or strength > best.strength:
            best = Span(start, end, strength)
    return best
