"""Find the part of a sentence that answers a question of a given type.

Each answer type has cues of different strength: "chaired by H.E. Ana Ruiz" is strong
evidence of a person, a bare capitalised name weak evidence. A candidate made only of the
question's own words (the year the question names, the place it mentions) is not an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from indexer.question import keys

STRONG, MEDIUM, WEAK = 1.0, 0.6, 0.3

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_CAP = r"[A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*"
_PARTICLE = r"(?:bin|binti|de|del|da|dos|van|von|la|le)"
NAME = rf"{_CAP}(?:\s+(?:[A-Z]\.|{_CAP}|{_PARTICLE}\s+{_CAP}))*"
TITLE = (
    r"(?:H\.\s?E\.|Hon\.|Honourable|Honorable|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Madam|"
    r"Deputy\s+Minister|Vice[- ]Minister|Minister|Secretary|Ambassador|Senator)"
)
TITLED = rf"(?:{TITLE}\s+)+{NAME}"
_NOT_A_NAME_TEXT = """
    apec sme smes msme msmes ministers minister the this these economies economy member members
    meeting ministerial statement declaration chair chairs working group plan strategic leaders
    senior officials secretariat
"""
_NOT_A_NAME = frozenset(_NOT_A_NAME_TEXT.split())
_QUALIFIER = (
    r"(?:(?:over|more\s+than|about|around|nearly|almost|approximately|some|at\s+least"
    r"|less\s+than|up\s+to|fewer\s+than)\s+)?"
)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ](?:one|two|three|four|five"
    r"|six|seven|eight|nine))?|thirty|forty|fifty|hundred|dozen)"
)
_MAGNITUDE = r"(?:\s+(?:million|billion|thousand|trillion))?"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    strength: float

    def text(self, sentence: str) -> str:
        return sentence[self.start : self.end]


def _re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_PERSON_CUE = _re(
    r"\b(?:under\s+the\s+chair(?:man|woman|person)?ship\s+of|(?:chaired|co-chaired|presided"
    r"\s+over|hosted|led|opened|convened|addressed)\s+by)\s+"
)
_PERSON_ACTS = _re(
    rf"(?P<span>(?:{TITLE}\s+)*{NAME})(?:,[^,.;]{{3,90}},)?\s+(?:chaired|co-chaired|presided)\b"
)
_TITLED = _re(TITLED)
_NAME_THEN_ROLE = _re(
    rf"(?P<span>{NAME}),\s+(?:the\s+)?(?:Minister|Secretary|Chair|Vice[- ]Minister|"
    r"Deputy\s+Minister|Head|Director)"
)
_NAME = _re(NAME)

_DATE_FULL = _re(
    rf"\b\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+{MONTH}\s+\d{{4}}\b"
    rf"|\b{MONTH}\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?,?\s+\d{{4}}\b"
)
_DATE_MONTH = _re(rf"\b{MONTH}\s+\d{{4}}\b")
_DATE_YEAR_CUE = _re(r"\b(?i:in|on|during|since|from|by)\s+(?P<span>(?:19|20)\d{2})\b")
_YEAR = _re(r"\b(?:19|20)\d{2}\b")

_PLACE_CUE = _re(
    r"\b(?:met|meet|meets|meeting|held|convened|gathered|took\s+place|takes\s+place|hosted"
    r"|venue\s+was|came\s+together)\s+"
    rf"(?:(?:in|on)\s+(?:\d{{1,2}}\s+)?{MONTH}(?:\s+\d{{1,2}})?,?\s+\d{{4}},?\s+)?"
    r"(?:in|at)\s+(?:the\s+)?"
)
_PLACE = _re(rf"{NAME}(?:,\s*{NAME})*")
_PLACE_PAIR = _re(rf"\b(?:in|at)\s+(?P<span>{_CAP}(?:\s+{_CAP})*,\s*{_CAP}(?:\s+{_CAP})*)")
_IN_NAME = _re(rf"\b(?:in|at)\s+(?:the\s+)?(?P<span>{NAME})")

_SHARE = _re(rf"{_QUALIFIER}(?:{_NUMBER})\s*(?:%|per\s*cent\b|percent\b)")
_SHARE_WORDS = _re(
    r"\b(?:(?:about|nearly|almost|over|more\s+than)\s+)?(?:half|one[- ]third|a\s+third"
    r"|two[- ]thirds|a\s+quarter|one[- ]quarter|three[- ]quarters"
    rf"|(?:\d+|{_NUMBER_WORD})\s+(?:out\s+of|in)\s+(?:\d+|{_NUMBER_WORD})"
    r"|the\s+(?:vast\s+)?majority)\b",
    re.I,
)
_COUNT = _re(rf"{_QUALIFIER}\b(?:{_NUMBER}|{_NUMBER_WORD}){_MAGNITUDE}\b(?!\s*(?:%|per\s*cent))")


def _groups(pattern: re.Pattern[str], text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    for m in pattern.finditer(text, start):
        group = "span" if "span" in pattern.groupindex else 0
        yield m.start(group), m.end(group)


def _adds_information(sentence: str, start: int, end: int, exclude: set[str]) -> bool:
    span_keys = set(keys(sentence[start:end]))
    return bool(span_keys - exclude)


def _looks_like_name(text: str) -> bool:
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    return bool(words) and not all(w in _NOT_A_NAME for w in words) and not re.match(MONTH, text)


def _person(sentence: str) -> Iterator[tuple[int, int, float]]:
    for cue in _PERSON_CUE.finditer(sentence):
        window = sentence[cue.end() : cue.end() + 160]
        found = _TITLED.search(window) or _NAME.search(window)
        if found:
            yield cue.end() + found.start(), cue.end() + found.end(), STRONG
    for a, b in _groups(_PERSON_ACTS, sentence):
        yield a, b, STRONG
    for a, b in _groups(_TITLED, sentence):
        yield a, b, MEDIUM
    for a, b in _groups(_NAME_THEN_ROLE, sentence):
        yield a, b, MEDIUM


def _date(sentence: str) -> Iterator[tuple[int, int, float]]:
    for a, b in _groups(_DATE_FULL, sentence):
        yield a, b, STRONG
    for a, b in _groups(_DATE_MONTH, sentence):
        yield a, b, STRONG
    for a, b in _groups(_DATE_YEAR_CUE, sentence):
        yield a, b, STRONG
    for a, b in _groups(_YEAR, sentence):
        yield a, b, WEAK


def _place(sentence: str) -> Iterator[tuple[int, int, float]]:
    for cue in _PLACE_CUE.finditer(sentence):
        found = _PLACE.match(sentence, cue.end())
        if found:
            yield found.start(), found.end(), STRONG
    for a, b in _groups(_PLACE_PAIR, sentence):
        yield a, b, MEDIUM
    for a, b in _groups(_IN_NAME, sentence):
        yield a, b, WEAK


def _share(sentence: str) -> Iterator[tuple[int, int, float]]:
    for a, b in _groups(_SHARE, sentence):
        yield a, b, MEDIUM
    for a, b in _groups(_SHARE_WORDS, sentence):
        yield a, b, WEAK


def _number(sentence: str) -> Iterator[tuple[int, int, float]]:
    for a, b in _groups(_COUNT, sentence):
        number = sentence[a:b]
        if _YEAR.fullmatch(number.strip()) or re.match(r"\d+\.(?:\s|$)", sentence[a:]):
            continue  # a year, or the number of a numbered paragraph
        yield a, b, MEDIUM
    for a, b in _groups(_SHARE, sentence):
        yield a, b, WEAK


_FINDERS: dict[str, Callable[[str], Iterator[tuple[int, int, float]]]] = {
    "person": _person,
    "date": _date,
    "place": _place,
    "share": _share,
    "number": _number,
}


_FILLER = frozenset(["all", "the", "their", "total", "its"])


def _qualifies(answer_type: str, following: list[str], near: set[str]) -> bool:
    """A count directly followed by a question term ("21 economies"), or a share of one
    ("97 per cent of all businesses")."""
    if answer_type == "number":
        return any(k in near for k in following[:2])
    if answer_type == "share":
        rest = [k for k in following[1 if following[:1] == ["of"] else 0 :] if k not in _FILLER]
        return bool(rest) and rest[0] in near
    return False


def find_span(
    sentence: str, answer_type: str, exclude: set[str], near: set[str] | None = None
) -> Span | None:
    """The strongest span of the wanted type that says something the question does not.

    `exclude` holds the question's term keys. `near` (question term keys too) promotes a
    count or share of one of them to strong evidence.
    """
    finder = _FINDERS.get(answer_type)
    if finder is None:
        return None
    best: Span | None = None
    for start, end, strength in finder(sentence):
        text = sentence[start:end].strip(" ,;:")
        start = sentence.index(text, start) if text else start
        end = start + len(text)
        if not text or not _adds_information(sentence, start, end, exclude):
            continue
        if answer_type in ("person", "place") and not _looks_like_name(text):
            continue
        if near and _qualifies(answer_type, keys(sentence[end : end + 40]), near):
            strength = STRONG
        if best is None or strength > best.strength:
            best = Span(start, end, strength)
    return best
