"""The record of meetings: the chronology `/meetings` and one meeting's page
`/meetings/<series>/<number>`, with their JSON twins under `/api/meetings`. The chronology
also shows its gaps (numbers no document names, years the numbers show had no meeting),
listed in its twin as `gaps`.

Both read the record written with the served index generation (`load_meetings`,
`webapp.meetings.find`); a missing record is a 503 like a missing index.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from indexer.record.mentions import SERIES
from indexer.record.store import contract, load_meetings
from webapp import meetings
from webapp.engine import get_engine
from webapp.errors import error_response
from webapp.params import BadParameter

bp = Blueprint("meetings", __name__)


def _series() -> str | None:
    """The `series` parameter: one of SERIES, or None for both."""
    value = request.args.get("series", "").strip()
    if not value:
        return None
    if value not in SERIES:
        raise BadParameter(f"series must be one of {', '.join(SERIES)}; not {value[:40]!r}.")
    return value


def meeting_url(meeting: dict[str, Any], **kwargs: Any) -> str:
    """The page of a record meeting, or of a document's `meeting`."""
    return url_for(
        "meetings.meeting", series=meeting["series"], ref=meetings.ref(meeting), **kwargs
    )


def _listed(meeting: dict[str, Any]) -> dict[str, Any]:
    """A meeting as the JSON twins give it: the contract's keys, its name and its page."""
    return contract(meeting) | {
        "name": meetings.name(meeting),
        "page_url": meeting_url(meeting, _external=True),
    }


def _not_found(series: str, ref: str):
    return error_response(404, f"There is no meeting {series[:40]}/{ref[:20]} in the record.")


@bp.app_template_global()
def meeting_page_url(meeting: dict[str, Any]) -> str:
    return meeting_url(meeting)


@bp.get("/meetings")
def chronology() -> str:
    series = _series()
    found = load_meetings(get_engine(), series)
    sections = []
    for s in SERIES:
        if series in (None, s):
            listed = [m for m in found if m["series"] == s]
            sections.append(
                {
                    "series": s,
                    "title": meetings.SERIES_TITLES[s],
                    "meetings": listed,
                    "rows": meetings.rows(listed),
                    "caption": meetings.caption(listed),
                }
            )
    return render_template(
        "meetings.html",
        sections=sections,
        series=series,
        m=meetings,
        json_url=url_for("meetings.api_chronology", series=series),
    )


@bp.get("/api/meetings")
def api_chronology() -> Response:
    series = _series()
    found = load_meetings(get_engine(), series)
    gaps = [
        gap
        for s in SERIES
        if series in (None, s)
        for _, gap in meetings.gaps([m for m in found if m["series"] == s])
    ]
    return jsonify({"meetings": [_listed(m) for m in found], "gaps": gaps})


def _meeting_page(series: str, ref: str) -> dict | None:
    """What a meeting's page and its JSON twin show: the meeting, its facts with their
    evidence, and its documents by role; None for an unknown meeting."""
    engine = get_engine()
    found = meetings.find(engine, series, ref)
    if found is None:
        return None
    facts = meetings.facts(found, meetings.titles(load_meetings(engine)))
    return {"meeting": found, "facts": facts, "groups": meetings.by_role(found)}


@bp.get("/meetings/<series>/<ref>")
def meeting(series: str, ref: str):
    page = _meeting_page(series, ref)
    if page is None:
        return _not_found(series, ref)
    return render_template(
        "meeting.html",
        m=meetings,
        json_url=url_for("meetings.api_meeting", series=series, ref=ref),
        **page,
    )


@bp.get("/api/meetings/<series>/<ref>")
def api_meeting(series: str, ref: str):
    page = _meeting_page(series, ref)
    if page is None:
        return _not_found(series, ref)
    return jsonify(
        _listed(page["meeting"]) | {"facts": page["facts"], "documents_by_role": page["groups"]}
    )
