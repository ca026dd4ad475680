"""What the record tells a question: the years of the meetings it names by number ("the
26th SME ministerial meeting") or by place ("the meeting in Iloilo"), from the served
generation's record of meetings (indexer.record), never from a formula; and the answer to
where, when and under whom one meeting was held, or its theme, read off the record's facts
and cited by a sentence stating it (the record keeps every document's evidence)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from indexer.ask.question import Question
from indexer.ask.spans import CAP, date_spans, is_person_name
from indexer.record.meetings import same_value
from indexer.record.mentions import SERIES_NAMES
from indexer.record.store import HasIndexPath, RecordMissing, load_meetings, no_meeting_note
from indexer.text.months import FULL_MONTH, FULL_MONTH_NAMES
from indexer.text.ordinals import ordinal

ABOUT_A_MEETING = re.compile(r"\b(?:meeting|meet|met|held|host\w*|smemm|ministers?)\b", re.I)


def fold(text: str) -> str:
    """Accents dropped and case folded, for comparing names ("Concepción", "concepcion")."""
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
        text = fold(question.text)
        for m in meetings:
            city = m["city"] and fold(m["city"])
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
    the record shows none was held (``no_meeting_note``). None otherwise, or without
    a record."""
    if question.body != "ministerial" or len(question.years) != 1:
        return None
    try:
        meetings = load_meetings(source, "sme_ministerial")
    except RecordMissing:
        return None
    return no_meeting_note(meetings, question.years[0])


# What a question asks of a meeting: the record's fact (and the evidence field stating it).
_ASKS_ECONOMY = re.compile(r"\b(?:which|what)\s+(?:economy|country|member)\b", re.I)
_HELD = re.compile(r"\b(?:held|met|meet|convened|took\s+place|hosted|chaired|opened)\b", re.I)
_AFTER_CITY = re.compile(rf",\s*({CAP}(?:\s+{CAP})*)")
_MEETING_WORD = re.compile(r"\b(?:meeting|smemm|meet|met)\b", re.I)
# An outcome named after where it was adopted ("the Daegu Initiative", "the Boracay Action
# Agenda"): capitalised words before an outcome's noun.
_NAMED_OUTCOME = re.compile(
    r"\b((?:[A-Z][\w'’.-]*\s+)+?(?:Initiatives?|Declarations?|Statements?|Agendas?|Action\s+Plans?"
    r"|Roadmaps?|Frameworks?|Strateg(?:y|ies)))\b"
)
_ADOPTED = re.compile(r"\b(?:adopted|endorsed|launched|issued|agreed|approved|signed)\b", re.I)
# "How many SME ministerial meetings have been held?": a count of the series' meetings
_COUNTS_MEETINGS = re.compile(r"\b(?:how\s+many|number\s+of)\b[^?]*?\b(?:meetings|smemms)\b", re.I)


def adopted_outcome(question: Question) -> str | None:
    """The outcome a "when was it adopted" question names ("When was the Daegu Initiative
    adopted?" -> "Daegu Initiative"), as written; None for any other question."""
    if question.answer_type != "date" or not _ADOPTED.search(question.text):
        return None
    found = _NAMED_OUTCOME.search(question.text)
    return found.group(1) if found else None


def asked_fact(question: Question) -> str | None:
    """The fact of a meeting a question asks for: "city" (where; "economy" for which
    economy), "date" (when it was held, or when an outcome named after its city was adopted:
    ``adopted_outcome``), "chair" (who chaired) or "theme"; "count" for how many meetings of
    a series it names have been held (no year or meeting named); None for any other question, or
    one not about a meeting."""
    if adopted_outcome(question):
        return "date"  # adopted when the meeting it is named after was held
    if question.answer_type == "number" and _COUNTS_MEETINGS.search(question.text):
        # of one series, not of a year or up to a meeting named
        named = question.years or question.meeting is not None or question.body is None
        return None if named else "count"
    if not _MEETING_WORD.search(question.text):
        return None
    kind = question.answer_type
    if kind == "place":
        return "economy" if _ASKS_ECONOMY.search(question.text) else "city"
    if kind == "date" and question.asks_meeting_date:
        return "date"
    if kind == "person" and question.asks_chair:
        return "chair"
    return "theme" if kind == "theme" else None


def other_meetings_values(source: HasIndexPath, question: Question) -> set[str]:
    """The values (folded, ``fold``) the record gives the asked city or chair of the other
    meetings of the question's series, held in years it does not point at, less those of
    the meetings it does: a sentence answering "Where was the 2010 meeting held?" with one
    speaks of another meeting ("the SMEMM held in Ho Chi Minh City", in 2017). Empty for
    other questions, one pointing at no year, or without a record."""
    fact = asked_fact(question)
    years = question.target_years
    if fact not in ("city", "chair") or not years:
        return set()
    try:
        meetings = [m for m in load_meetings(source) if m["series"] == _series(question)]
    except RecordMissing:
        return set()
    asked = {fold(m[fact]) for m in meetings if m[fact] and m["year"] in years}
    return {fold(m[fact]) for m in meetings if m[fact] and m["year"] not in years} - asked


def _series(question: Question) -> str:
    return "smewg" if question.body == "working_group" else "sme_ministerial"


def _names_city(question: Question, meeting: dict[str, Any]) -> bool:
    city = meeting.get("city")
    return bool(city) and bool(re.search(rf"\b{re.escape(fold(city))}\b", fold(question.text)))


def identified_meeting(meetings: list[dict[str, Any]], question: Question) -> dict | None:
    """The one meeting of the question's series it names: by its number ("the 25th SME
    Ministerial Meeting"), else by the one year it names when the record holds one meeting
    of the series that year (and no other number), else by its city. None when it names
    none, or several."""
    of_series = [m for m in meetings if m["series"] == _series(question)]
    if question.meeting is not None:
        numbered = [m for m in of_series if m["number"] == question.meeting]
        if numbered:
            return numbered[0]
    found: list[dict[str, Any]] = []
    if len(question.years) == 1:
        found = [m for m in of_series if m["year"] == question.years[0]]
        if question.meeting is not None:  # a numbered question: an unnumbered meeting only
            found = [m for m in found if m["number"] is None]
    if not found and question.meeting is None and not question.years:
        found = [m for m in of_series if _names_city(question, m)]
    return found[0] if len(found) == 1 else None


def latest_meeting(meetings: list[dict[str, Any]], question: Question) -> dict | None:
    """The meeting of the question's series with the highest number among those held by
    this year (a meeting announced for a later year has not been held); None when the
    record numbers none."""
    held = [
        m
        for m in meetings
        if m["series"] == _series(question)
        and m["number"]
        and m["year"]
        and m["year"] <= date.today().year
    ]
    return max(held, key=lambda m: m["number"], default=None)


def _human_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {FULL_MONTH_NAMES[day.month - 1]} {day.year}"


def _evidence(meeting: dict[str, Any], field: str, value: str) -> list[dict[str, Any]]:
    """The sentences stating ``value`` for ``field``, best first: those holding the value
    as written, in the meeting's own outcome (its statement), saying the meeting was held,
    naming it, ending as a sentence."""
    wanted = same_value(value)
    named = {str(meeting["year"] or ""), ordinal(meeting["number"]) if meeting["number"] else ""}
    outcomes = {d["id"] for d in meeting.get("documents", []) if d.get("role") == "outcome"}

    def rank(e: dict[str, Any]) -> tuple[int, int]:
        text = e["text"]
        points = 4 * (fold(value) in fold(text)) + 2 * bool(_HELD.search(text))
        points += 2 * (e.get("doc_id") in outcomes)
        points += any(n and n in text for n in named) + text.rstrip().endswith(".")
        return (-points, len(text))

    agreeing = [
        e for e in meeting["evidence"] if e["field"] == field and same_value(e["value"]) == wanted
    ]
    return sorted(agreeing, key=rank)


def _as_written(text: str, value: str) -> str | None:
    """``value`` as ``text`` writes it (accents and case as there), or None."""
    folded = fold(text)
    at = folded.find(fold(value))
    # NFKD folding keeps lengths for the Latin letters names use; check before trusting it
    if at >= 0 and len(fold(text[at : at + len(value)])) == len(value):
        return text[at : at + len(value)]
    return None


def record_answer(source: HasIndexPath, question: Question) -> dict[str, Any] | None:
    """The record's answer to a question asking where, when or under whom one meeting was
    held, or its theme (``asked_fact``), for the meeting it names (``identified_meeting``),
    or how many meetings of its series have been held (the number of the latest,
    ``latest_meeting``: the series is numbered from 1):
    {"fact", "value", "span", "sentence", "evidence": {doc_id, url, link, text},
    "summary", "meeting": {series, number, year}}. ``span`` is the value as the sentence
    writes it ("5–6 September 2019"). None when the record does not hold that fact of that
    meeting (the sentences answer then), or without a record."""
    fact = asked_fact(question)
    if fact is None:
        return None
    try:
        meetings = load_meetings(source)
    except RecordMissing:
        return None
    if fact == "count":
        meeting = latest_meeting(meetings, question)
    else:
        meeting = identified_meeting(meetings, question)
    if meeting is None:
        return None
    value, field = _fact_value(meeting, fact)
    if not value:
        return None
    evidence = _evidence(meeting, field, value)
    if not evidence:
        return None
    chosen = evidence[0]
    span = _span_in(chosen["text"], fact, value, meeting)
    if span is None:
        return None
    return {
        "fact": fact,
        "value": value,
        "span": span,
        "evidence": {k: chosen[k] for k in ("doc_id", "url", "link", "text")},
        "summary": _summary(meeting, fact, span, chosen["text"]),
        "meeting": {k: meeting[k] for k in ("series", "number", "year")},
    }


def _fact_value(meeting: dict[str, Any], fact: str) -> tuple[str | None, str]:
    """The record's value of ``fact`` and the evidence field stating it."""
    if fact == "city":
        if meeting["city"]:
            return meeting["city"], "city"
        return ("virtual", "virtual") if meeting["virtual"] else (None, "city")
    if fact == "date":
        return meeting["start_date"], "date"
    if fact == "chair":
        chair = meeting["chair"]
        return (chair if chair and is_person_name(chair) else None), "chair"
    if fact == "count":  # the evidence states a number as its digits
        return str(meeting["number"]), "number"
    return meeting[fact], fact


def _span_in(text: str, fact: str, value: str, meeting: dict[str, Any]) -> str | None:
    """The answer as the evidence sentence writes it: the date (a range of days kept) in
    the meeting's year, the city (with the economy after it, when the sentence has it), the
    chair's name, the theme; for a virtual meeting, "virtual"."""
    if fact == "date":
        year = str(meeting["year"] or value[:4])
        written = [d for d in date_spans(text) if year in d]
        return written[0] if written else _human_date(value)
    if value == "virtual":
        return "virtually"
    if fact == "count":  # the meeting's ordinal as written: "31st", "31ST"
        written = re.search(rf"\b{re.escape(ordinal(meeting['number']))}\b", text, re.I)
        return written.group(0) if written else ordinal(meeting["number"])
    written = _as_written(text, value)
    if written is None:
        return value
    if fact == "city":  # the economy after the city: "Concepción, Chile"
        start = text.find(written)
        after = _AFTER_CITY.match(text, start + len(written))
        if after and not re.match(FULL_MONTH, after.group(1)):
            return text[start : after.end()]
    return written


def _days(start: str, text: str) -> str:
    """The meeting's days as ``text`` writes them from its first day ``start`` (ISO):
    "5–6 May 2031", else that first day ("5 May 2031")."""
    first = _human_date(start)
    day, rest = first.split(" ", 1)
    days = re.compile(rf"{day}\s*[-–]\s*\d{{1,2}}\s+{re.escape(rest)}")
    return next((d for d in date_spans(text) if days.fullmatch(d)), first)


def _summary(meeting: dict[str, Any], fact: str, span: str, text: str) -> str:
    """One line: the answer, then the meeting's other facts ("Lakeside, Atlantis — 5–6
    May 2031, the 25th SME Ministerial Meeting"), its days as the evidence sentence
    ``text`` writes them (the record keeps the first day only)."""
    place = ", ".join(p for p in (meeting["city"], meeting["economy"]) if p)
    if meeting["virtual"] and not meeting["city"]:
        place = "virtual" + (f", hosted by {meeting['economy']}" if meeting["economy"] else "")
    when = _days(meeting["start_date"], text) if meeting["start_date"] else ""
    if fact == "date" and when and meeting["start_date"][:4] in span:
        when = span
    name = SERIES_NAMES.get(meeting["series"], "meeting")
    which = f"the {ordinal(meeting['number'])} {name}" if meeting["number"] else f"the {name}"
    if not meeting["number"] and meeting["year"]:
        which += f" of {meeting['year']}"
    if fact == "count":
        where = ", ".join(str(v) for v in (place, meeting["year"]) if v)
        return f"{meeting['number']} — the latest the documents name is {which}, {where}"
    head = {"city": place or span, "date": when or span}.get(fact, span)
    rest = [v for f, v in (("city", place), ("date", when)) if v and f != fact]
    return " — ".join([head, ", ".join(rest + [which])])
