"""Calendars and event listings of any shape are hub pages: an events calendar's six
monthly pages (each event a title, a date and place, a description, and the other months
linked as related), the same listing as plain text, a listing of stories each with a
teaser. A story or a statement stays a document. All text is invented here."""

from __future__ import annotations

import re

import pytest

from indexer.extract import extract_bytes
from indexer.extract.hub import is_listing
from indexer.model import Paragraph

SITE = "https://events.example.org"
MONTHS = ["July", "August", "September", "October", "November", "December"]
PLACES = ["Lakeside", "Rivermouth", "Hillcrest", "Seaview"]


def events_page(n: int, linked: bool) -> str:
    """The n-th month of an events calendar; as plain text (a copy without its links) when
    not `linked`."""
    month = MONTHS[n - 1]
    events = "".join(
        f"<div class='event'><h3><a href='/events/{n}-{k}'>Workshop {k} on small business"
        f" exports</a></h3><p class='when'>{k + 3}-{k + 4} {month} 2031 | {PLACES[k % 4]},"
        f" Atlantis</p><p>Officials and experts of member economies share practice on helping"
        f" small firms reach markets abroad, with sessions on finance and digital tools,"
        f" case studies from the region and a visit to exporters of {PLACES[k % 4]}.</p>"
        f"<p>Registration opens a month before; the programme, the list of speakers and"
        f" the venue's address are sent to delegates who register with their economy.</p></div>"
        for k in range(1, 6)
    )
    related = "".join(f"<li><a href='/events?page={m}'>Events {m}</a></li>" for m in range(1, 7))
    if not linked:
        events, related = re.sub(r"</?a\b[^>]*>", "", events), re.sub(r"</?a\b[^>]*>", "", related)
    return (
        f"<html><head><title>Events {n}</title></head><body><main><h1>Events {n}</h1>{events}"
        f"<h3>Related</h3><ul>{related}</ul></main></body></html>"
    )


@pytest.mark.parametrize("linked", [True, False], ids=["linked", "plain-text"])
@pytest.mark.parametrize("n", range(1, 7))
def test_each_month_of_an_events_calendar_is_a_hub(n, linked):
    page = events_page(n, linked).encode()
    assert extract_bytes(page, f"{SITE}/events?page={n}", "text/html").hub


def test_a_calendar_as_plain_text_is_a_hub():
    lines = ["Meetings and Calendar 2031"] + [
        f"{name} Meeting {month} {day}th-{day + 1}th, 2031 {place}"
        for name, month, day, place in [
            ("First Senior Officials'", "February", 23, "Lakeside"),
            ("Second Senior Officials'", "May", 15, "Rivermouth"),
            ("Trade Ministers'", "May", 17, "Rivermouth"),
            ("Finance Deputies'", "March", 7, "Lakeside"),
            ("Small Business Ministers'", "September", 5, "Hillcrest"),
        ]
    ]
    paragraphs = [Paragraph(t) for t in lines]
    assert is_listing("Meetings and Calendar 2031", paragraphs)


def test_a_listing_of_stories_with_teasers_is_a_hub():
    paragraphs = []
    for k, place in enumerate(PLACES * 2):
        paragraphs += [
            Paragraph(f"Ministers meet in {place} on trade and small firms ({k})"),
            Paragraph(f"Delegates from member economies gathered in {place} this week to talk."),
        ]
    assert is_listing("News Releases", paragraphs)


def test_a_story_and_a_statement_are_not_listings():
    story = [Paragraph("Ministers agree on plan for small firms")] + [
        Paragraph(
            f"Point {k}: ministers of the region agreed in Lakeside on Friday to widen credit"
            " guarantees for small firms, to cut the cost of customs paperwork and to share"
            " data on what works, the host's trade minister told reporters after the talks."
        )
        for k in range(6)
    ]
    assert not is_listing("Ministers agree", story)
    wrapped = [
        Paragraph("Trade ministers from the economies of the region will"),
        Paragraph("meet in Lakeside on Oct. 22-23 to discuss ways to help"),
        Paragraph("small firms grow, officials said yesterday in Rivermouth."),
    ] * 4
    assert not is_listing("Meeting aimed at small firms", wrapped)
