"""What the record tells a question: the years of the meetings it names by number ("the
26th SME ministerial meeting") or by place ("the meeting in Iloilo"), from the served
generation's record of meetings (indexer.record), never from a formula."""

from __future__ import annotations

import re
import unicodedata

from indexer.ask.question import Question
from indexer.record.store import (
    HasIndexPath,
    RecordMissing,
    load_meetings,
    years_without_meeting,
)
from indexer.text.ordinals import ordinal

ABOUT_A_MEETING = re.compile(r"\b(?:meeting|meet|met|held|host\w*|smemm|ministers?)\b", re.I)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def meeting_years(source: HasIndexPath, question: Question) -> set[int]:
    """Years of the meetings ``question`` names: by its ordinal, in the series it speaks of
    (the SMEWG's when it says so, else the ministerial one); by a meeting city it names,
    when it asks about a meeting. Empty without a record."""
    try:
        meetings = load_meetings(source)
    except RecordMissing:
        return set()
    series = "smewg" if question.body == "working_group" else "sme_ministerial"
    years = set()
    if question.meeting is not None:
        years |= {
            m["year"]
            for m in meetings
            if m["series"] == series and m["number"] == question.meeting and m["year"]
        }
    if ABOUT_A_MEETING.search(question.text):
        text = _fold(question.text)
        for m in meetings:
            city = m["city"] and _fold(m["city"])
            if (
                m["series"] == series
                and m["year"]
                and city
                and re.search(rf"\b{re.escape(city)}\b", text)
            ):
                years.add(m["year"])
    return years


def missing_meeting(source: HasIndexPath, question: Question) -> str | None:
    """A note when ``question`` asks about the SME Ministerial Meeting of a year in which
    the record shows none was held (``years_without_meeting``). None otherwise, or without
    a record."""
    if question.body != "ministerial" or len(question.years) != 1:
        return None
    try:
        meetings = load_meetings(source, "sme_ministerial")
    except RecordMissing:
        return None
    (year,) = question.years
    around = years_without_meeting(meetings).get(year)
    if around is None:
        return None
    before, after = around
    return (
        f"No SME Ministerial Meeting was held in {year}: the {ordinal(before['number'])} was"
        f" in {before['year']} and the {ordinal(after['number'])} in {after['year']}."
    )
