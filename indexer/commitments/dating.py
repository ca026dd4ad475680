"""The year a commitment belongs to: the sentence's own date when it reports a past outcome
with one ("In October 2010, ministers endorsed the plan" -> 2010), else its document's year.

Group pages are republished every year with a new date and repeat what ministers did years
before; only the date the sentence names is right for it (issue 13, design notes). A year
counts as the sentence's date when a month comes just before it ("in October 2010", "On
September 5, 2014") or it follows "in"/"during"/"on" directly ("in 2010"), and it is no
later than the page's own year; so does "the 2016 SME Ministerial Meeting", and a numbered SME
Ministerial Meeting the sentence names ("at their 19th Meeting", "the 19th APEC SME
Ministerial Meeting") when the record of meetings knows its year. Plan periods
("for 2013-2016"), deadlines ("by 2020"), starting points ("since 2015"), foundings ("the bloc
founded in 1989") and names ("Vision 2040") are not dates of the sentence; "last year" is the
year before the page's. A sentence about the present or the future ("we will", "we endorse")
belongs to its document's year whatever year it names. A report that recalls an earlier meeting
("at the Fourth Ministerial Meeting (Ottawa, 1997)", `named_meeting_year`) files the outcomes
its paragraph quotes under that meeting (indexer.commitments.records).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from indexer.text.ordinals import ORDINAL, ordinal_number

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DATED = re.compile(
    r"(?:\b" + _MONTHS + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+"  # "October 2010", "Sept 5, 2014"
    r"|\b(?:in|during|on)\s+(?:(?:early|mid|late)[- ]?)?"  # "in 2010", "in mid-2010"
    r"|\b(?:the|its|their)\s+(?=(?:19|20)\d{2}\s+(?:[\w-]+\s+){0,4}?(?:meeting|statement|declaration)))"
    r"(?P<year>(?:19|20)\d{2})\b(?!\s*[-–/]\s*\d)",
    re.IGNORECASE,
)
# A numbered SME Ministerial Meeting: "the 19th APEC SME Ministerial Meeting", "the Twelfth
# Ministerial Meeting on SMEs", or the ministers' own "at their 19th Meeting" (never a working
# group's meeting).
_NUMBERED_MEETING = re.compile(
    rf"\b(?:(?P<own>their)\s+)?(?P<ordinal>{ORDINAL})\s+"
    r"(?P<name>(?:APEC\s+)?(?:(?:M?SMEs?|Small\s+and\s+Medium\s+Enterprises?)\s+)?"
    r"(?:Ministerial\s+)?Meeting)",
    re.IGNORECASE,
)
# A year that dates something else than the outcome: "the forum founded in 1989".
_FOUNDED = re.compile(
    r"\b(?:founded|established|created|formed|born|set\s+up|inaugurated|incorporated|since)"
    r"\s+(?:in\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
# A meeting named with its date in brackets: "the Fourth Ministerial Meeting (Ottawa, Sept
# 18-19, 1997)".
_BRACKETED_MEETING = re.compile(
    r"\bMinisterial\s+Meeting\s*\([^()]{0,80}?\b(?P<year>(?:19|20)\d{2})\s*\)", re.IGNORECASE
)
_PAST_VERB = re.compile(r"(?:ed|took|met)\b", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\blast\s+year\b", re.IGNORECASE)
_PRESENT_FILLER = re.compile(r"\b(?:are|is|remain|will|shall|continue|do|does)\b", re.IGNORECASE)


def stated_year(
    sentence: str,
    verb_phrase: str,
    filler: str = "",
    page_year: int | None = None,
    meeting_years: Mapping[int, int] | None = None,
) -> int | None:
    """The year `sentence` names as the date of what it reports, or None.

    `verb_phrase` is the detected verb ("endorsed"), `filler` the words before it ("will");
    only a past outcome is dated by the sentence. A year after `page_year` is never taken.
    `meeting_years` maps the numbers of the SME Ministerial Meetings to their years (the
    record of meetings, indexer.record), for a sentence that names its meeting instead of a
    date. Returns an int (a year) or None.
    """
    if _PRESENT_FILLER.search(filler) or not _PAST_VERB.search(verb_phrase):
        return None
    for match in _DATED.finditer(sentence):
        year = int(match.group("year"))
        founded = _FOUNDED.search(sentence, 0, match.start("year"))
        if (page_year is None or year <= page_year) and not founded:
            return year
    year = named_meeting_year(sentence, page_year, meeting_years)
    if year is not None:
        return year
    if page_year is not None and _LAST_YEAR.search(sentence):
        return page_year - 1
    return None


def named_meeting_year(
    sentence: str, page_year: int | None = None, meeting_years: Mapping[int, int] | None = None
) -> int | None:
    """The year of an SME Ministerial Meeting `sentence` names, no later than `page_year`: a
    numbered one whose year `meeting_years` knows ("the 4th SME Ministerial Meeting", "at
    their 19th Meeting"), or one named with its date in brackets ("Ministerial Meeting
    (Ottawa, Canada, Sept 18-19, 1997)"). Returns an int (a year) or None."""
    years = [int(m.group("year")) for m in _BRACKETED_MEETING.finditer(sentence)]
    for match in _NUMBERED_MEETING.finditer(sentence):
        if match.group("own") or re.search("minist", match.group("name"), re.I):
            years.append((meeting_years or {}).get(ordinal_number(match.group("ordinal")) or 0))
    return next((y for y in years if y is not None and (page_year is None or y <= page_year)), None)
