"""What the record tells a question: the years of the meetings it names by number ("the
26th SME ministerial meeting") or by place ("the meeting in Iloilo"), from the served
generation's record of meetings (indexer.record), never from a formula."""

from __future__ import annotations

import re
import unicodedata

from indexer.ask.question import Question
from indexer.record.store import HasIndexPath, RecordMissing, load_meetings
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
    the record shows none was held: the meetings before and after it are numbered one
    apart ("the 24th was in 2017 and the 25th in 2019"). None otherwise, or without a
    record."""
    if question.body != "ministerial" or len(question.years) != 1:
        return None
    try:
        meetings = load_meetings(source, "sme_ministerial")
    except RecordMissing:
        return None
    (year,) = question.years
    dated = sorted((m["year"], m["number"]) for m in meetings if m["year"] and m["number"])
    if any(y == year for y, _ in dated):
        return None
    before = [(y, n) for y, n in dated if y < year]
    after = [(y, n) for y, n in dated if y > year]
    if not before or not after or after[0][1] - before[-1][1] != 1:
        return None
    (y1, n1), (y2, n2) = before[-1], after[0]
    return (
        f"No SME Ministerial Meeting was held in {year}: the {ordinal(n1)} was in {y1} and"
        f" the {ordinal(n2)} in {y2}."
    )
