"""The record of meetings as the pages show it: names, places, each fact with the documents
that state it (disagreeing values included) and the documents by role.

Everything here reads the record (`indexer.record.store`): it builds no meeting, votes on no
fact and never computes a number from a year. A meeting is addressed by its series and its
number, or "y" and its year when no document gives it a number (`ref`).
"""

from __future__ import annotations

import re
from typing import Any

from indexer.record.mentions import SERIES, SERIES_NAMES
from indexer.record.placement import ROLES
from indexer.record.store import HasIndexPath, find_meeting, load_meetings, years_without_meeting
from indexer.text.ordinals import ordinal
from webapp.params import MEETING_RE

SERIES_TITLES = {"sme_ministerial": "SME Ministerial Meetings", "smewg": "SMEWG meetings"}
ROLE_TITLES = {
    "outcome": "Outcome documents",
    "annex": "Annexes and initiatives adopted with it",
    "report": "Reports",
    "speech": "Speeches",
    "news": "News",
    "mention": "Other documents about it",
}
# how a document page names its meeting: "Outcome of the 25th SME Ministerial Meeting, …"
ROLE_PHRASES = {
    "outcome": "Outcome of the",
    "annex": "Adopted with the",
    "report": "Report of the",
    "speech": "Speech at the",
    "news": "News about the",
    "mention": "About the",
}
FACTS = (
    ("number", "Number"),
    ("year", "Year"),
    ("date", "Date"),
    ("city", "City"),
    ("economy", "Economy"),
    ("virtual", "Held virtually"),
    ("chair", "Chair"),
    ("theme", "Theme"),
)
_RECORD_FIELD = {"date": "start_date"}  # a fact's name in the record, where it differs
_REF = re.compile(r"(?P<number>[0-9]{1,4})|y(?P<year>[0-9]{4})", re.ASCII)


def ref(meeting: dict[str, Any]) -> str:
    """How a meeting is addressed in its URL: "25", or "y2012" when it has no number. Takes a
    record meeting or a document's `meeting` ({"series", "number", "year"})."""
    return str(meeting["number"]) if meeting.get("number") else f"y{meeting.get('year')}"


def find(source: HasIndexPath, series: str, meeting_ref: str) -> dict[str, Any] | None:
    """The record's meeting of ``series`` at ``meeting_ref`` (see `ref`), or None."""
    found = _REF.fullmatch(meeting_ref)
    if series not in SERIES or not found:
        return None
    if found["number"]:
        return find_meeting(source, series, int(found["number"]))
    year = int(found["year"])
    return next(
        (m for m in load_meetings(source, series) if not m["number"] and m["year"] == year), None
    )


def name(meeting: dict[str, Any]) -> str:
    """ "25th SME Ministerial Meeting"; "2012 SME Ministerial Meeting" when it has no number."""
    series = SERIES_NAMES.get(meeting["series"], "meeting")
    if meeting.get("number"):
        return f"{ordinal(int(meeting['number']))} {series}"
    return f"{meeting['year']} {series}" if meeting.get("year") else series


def key_name(key: str) -> str:
    """The name of a meeting key of the index ("sme_ministerial/25" -> "25th SME Ministerial
    Meeting", "smewg/y2012" -> "2012 SMEWG meeting"); the key itself if it is not one."""
    found = MEETING_RE.fullmatch(key)
    if not found or found["series"] not in SERIES_NAMES:
        return key
    number, year = found["number"], found["year"]
    return name(
        {
            "series": found["series"],
            "number": int(number) if number else None,
            "year": int(year) if year else None,
        }
    )


def place(meeting: dict[str, Any]) -> str | None:
    """ "Concepción, Chile"; "virtual" (with its host, when known) when it was held so."""
    where = ", ".join(p for p in (meeting.get("city"), meeting.get("economy")) if p) or None
    if meeting.get("virtual"):
        return f"virtual (hosted by {where})" if where else "virtual"
    return where


def described(meeting: dict[str, Any]) -> str:
    """ "25th SME Ministerial Meeting, Concepción, Chile, 2019": its name, place and year."""
    year = str(meeting["year"]) if meeting.get("year") and meeting.get("number") else None
    return ", ".join(p for p in (name(meeting), place(meeting), year) if p)


def role_phrase(role: str | None) -> str:
    return ROLE_PHRASES.get(role or "mention", ROLE_PHRASES["mention"])


def gaps(series_meetings: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    """What the chronology of one series leaves silent, each as (the position in
    `series_meetings` of the meeting it follows, {"series", "number", "year", "note"}):

    - every number between the series' lowest and highest that no meeting has ("No document
      in the index names the 20th meeting"), after the meeting numbered just below it;
    - every year between two meetings numbered one apart that no meeting of the series was
      held in ("No meeting in 2018, as the numbers either side show: …"), after the first.

    Nothing is inferred: these are read off the record's numbers and years."""
    at = {m["number"]: i for i, m in enumerate(series_meetings) if m.get("number")}
    if not at:
        return []
    series = series_meetings[0]["series"]
    out = []
    for number in range(min(at) + 1, max(at)):
        if number not in at:
            below = max(n for n in at if n < number)
            note = f"No document in the index names the {ordinal(number)} meeting"
            out.append(
                (at[below], {"series": series, "number": number, "year": None, "note": note})
            )
    for year, (before, after) in years_without_meeting(series_meetings).items():
        note = (
            f"No meeting in {year}, as the numbers either side show: the"
            f" {ordinal(before['number'])} was in {before['year']} and the"
            f" {ordinal(after['number'])} in {after['year']}"
        )
        item = {"series": series, "number": None, "year": year, "note": note}
        out.append((at[before["number"]], item))
    return sorted(out, key=lambda g: g[0])


def rows(series_meetings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The chronology's rows of one series: {"meeting": …} for each meeting in order, with a
    {"gap": …} (see `gaps`) after the meeting each gap follows."""
    after: dict[int, list[dict[str, Any]]] = {}
    for position, gap in gaps(series_meetings):
        after.setdefault(position, []).append(gap)
    out: list[dict[str, Any]] = []
    for position, meeting in enumerate(series_meetings):
        out.append({"meeting": meeting})
        out.extend({"gap": gap} for gap in after.get(position, []))
    return out


def caption(series_meetings: list[dict[str, Any]]) -> str:
    """How many meetings the documents name and which numbers they span: "25 meetings named
    by the documents, numbers 1 to 31 (6 numbers named by none)", so that the count is not
    read as the series' length."""
    count = len(series_meetings)
    text = f"{count} meeting{'' if count == 1 else 's'} named by the documents"
    numbers = [m["number"] for m in series_meetings if m.get("number")]
    if not numbers:
        return f"{text}, none by its number"
    low, high = min(numbers), max(numbers)
    text += f", number {low}" if low == high else f", numbers {low} to {high}"
    unnamed = (high - low + 1) - len(set(numbers))
    if unnamed:
        text += f" ({unnamed} number{'' if unnamed == 1 else 's'} named by none)"
    unnumbered = count - len(numbers)
    if unnumbered:
        text += f", {unnumbered} without a number"
    return text


def outcomes(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    return [d for d in meeting["documents"] if d["role"] == "outcome"]


def stating_documents(meeting: dict[str, Any]) -> int:
    """How many documents state any fact of the meeting (its evidence's documents)."""
    return len({e["doc_id"] for e in meeting["evidence"]})


def by_role(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    """The meeting's documents grouped by role, in the order of ROLES; empty roles left out."""
    groups = [
        {"role": role, "title": ROLE_TITLES.get(role, role), "documents": docs}
        for role in ROLES
        if (docs := [d for d in meeting["documents"] if d["role"] == role])
    ]
    return groups


def titles(meetings: list[dict[str, Any]]) -> dict[str, str]:
    """Document id -> title, of every document the record lists under a meeting (a document
    stating a fact of one meeting may belong to another)."""
    return {d["id"]: d["title"] for m in meetings for d in m["documents"]}


def facts(meeting: dict[str, Any], doc_titles: dict[str, str]) -> list[dict[str, Any]]:
    """Each fact: the record's value and every value the documents state, each with how many
    documents state it and their sentences (the record's value first, then by documents).
    `disputed` is true when the documents state more than one value. "Held virtually" is
    left out when no document says so, the number when the meeting is known by its year
    (or its number is inferred); `inferred` is true for a year inferred from the meetings
    before and after it."""
    out = []
    for field, label in FACTS:
        value = meeting.get(_RECORD_FIELD.get(field, field))
        stated: dict[str, list[dict[str, Any]]] = {}
        seen = set()
        for e in meeting["evidence"]:
            if e["field"] != field or (e["value"], e["doc_id"], e["text"]) in seen:
                continue
            seen.add((e["value"], e["doc_id"], e["text"]))
            title = doc_titles.get(e["doc_id"])
            stated.setdefault(e["value"], []).append(e | {"title": title})
        if field == "virtual" and not stated:
            continue
        if field == "number" and (not value or meeting.get("number_inferred")):
            continue  # known by its year; an inferred number has a notice of its own
        chosen = "" if value in (None, False) else str(value)
        values = [
            {
                "value": text,
                "documents": len({e["doc_id"] for e in evidence}),
                "chosen": text == chosen,
                "evidence": evidence,
            }
            for text, evidence in stated.items()
        ]
        values.sort(key=lambda v: (not v["chosen"], -v["documents"]))
        out.append(
            {
                "field": field,
                "label": label,
                "value": value,
                "disputed": len(values) > 1,
                "stated": values,
                "inferred": bool(meeting.get(f"{field}_inferred")),
            }
        )
    return out
