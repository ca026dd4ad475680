"""Citations of a document: plain text, BibTeX, and Highwire `citation_*` meta tags.

Each takes the document dict of `Engine.document` (title, url, fetched_url, content_type,
doc_type, year, date, meeting, role, location, publisher, id) and returns plain strings;
escaping for HTML is left to the template. A document published by a third party (a
newspaper's story, a republishing site) is cited as its publisher's, not APEC's, unless it
is what an APEC meeting adopted (a statement, wherever it was uploaded).

The meeting cited is the one the record of meetings placed the document in (its `meeting`:
series, number, year) when the document was one of that meeting's papers (an outcome, annex,
report or speech; a story about it was not published there). Documents of an index built
before the record carry no `meeting` and are cited by their `meeting_number`.

A copy of a work (the same text elsewhere, `webapp.works`) is cited as its primary, with
the copy read named beside it ("Copy at wire.example"): pass the primary and `copy_url`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from indexer.record.meetings import meeting_title as record_meeting_title
from webapp.works import doc_title, host

AUTHOR = "Asia-Pacific Economic Cooperation"
AUTHOR_SHORT = "APEC"
MEETING_TYPES = ("ministerial_statement", "chairs_statement", "declaration")
MEETING_PAPERS = ("outcome", "annex", "report", "speech")  # roles published at the meeting
# what APEC's meetings and working group adopt or record: APEC's wherever it is read
APEC_TYPES = (*MEETING_TYPES, "meeting_report", "strategic_plan", "terms_of_reference")
APEC_ROLES = ("outcome", "annex", "report")

_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_RE = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIALS))


def meeting_title(doc: dict[str, Any]) -> str | None:
    """'27th APEC Small and Medium Enterprises Ministerial Meeting', when the document is one
    of a meeting's papers; None for plans, terms of reference, news and other papers."""
    if "meeting" in doc:  # placed by the record: its meeting or none, never a guess
        return record_meeting_title(doc["meeting"]) if doc.get("role") in MEETING_PAPERS else None
    if doc.get("doc_type") not in MEETING_TYPES:
        return None
    number, year = doc.get("meeting_number"), doc.get("year")
    return record_meeting_title({"series": "sme_ministerial", "number": number, "year": year})


def long_date(iso: str) -> str:
    """'2021-09-08' -> '8 September 2021'; a bare year or unparsable text is returned as is."""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def author(doc: dict[str, Any]) -> tuple[str, str | None]:
    """(author, short form or None): APEC for its own documents and for what its meetings
    and working group adopted or recorded wherever it is read (a statement or the group's
    strategic plan uploaded to a document-sharing site is still APEC's), else the
    publisher."""
    publisher = (doc.get("publisher") or "").strip()
    adopted = doc.get("role") in APEC_ROLES or doc.get("doc_type") in APEC_TYPES
    if (
        adopted
        or not publisher
        or publisher.casefold() in (AUTHOR.casefold(), AUTHOR_SHORT.casefold())
    ):
        return AUTHOR, AUTHOR_SHORT
    return publisher, None


def _issued(doc: dict[str, Any]) -> str | None:
    if doc.get("date"):
        return long_date(doc["date"])
    return str(doc["year"]) if doc.get("year") else None


def plain_citation(doc: dict[str, Any], accessed: date, copy_url: str | None = None) -> str:
    """Title, meeting, place, date, URL and access date, in one line; then the copy read,
    when `doc` is the primary of a copy at `copy_url`."""
    name, short = author(doc)
    by = f"{name} ({short})" if short else name
    parts = [f"{by}. “{doc_title(doc)}.”"]
    where = ", ".join(p for p in (meeting_title(doc), doc.get("location"), _issued(doc)) if p)
    if where:
        parts.append(where + ".")
    parts.append(f"{doc['url']} (accessed {long_date(accessed.isoformat())}).")
    if copy_url:
        parts.append(f"Copy at {host(copy_url)}: {copy_url}.")
    return " ".join(parts)


def bibtex_escape(text: str) -> str:
    return _BIBTEX_RE.sub(lambda m: _BIBTEX_SPECIALS[m.group(0)], text)


def bibtex_key(doc: dict[str, Any]) -> str:
    return f"apec{doc.get('year') or 'nd'}_{doc['id']}"


def bibtex(doc: dict[str, Any], accessed: date, copy_url: str | None = None) -> str:
    """A BibTeX @misc entry; values are escaped for LaTeX, the URL is left verbatim. A copy
    read at `copy_url` of the primary `doc` is named in a note ("Copy at wire.example")."""
    fields: list[tuple[str, str]] = [
        ("author", "{" + bibtex_escape(author(doc)[0]) + "}"),
        ("title", "{" + bibtex_escape(doc_title(doc)) + "}"),
    ]
    meeting = meeting_title(doc)
    if meeting:
        fields.append(("howpublished", bibtex_escape(meeting)))
    if doc.get("location"):
        fields.append(("address", bibtex_escape(doc["location"])))
    if doc.get("year"):
        fields.append(("year", str(doc["year"])))
    if doc.get("date"):
        fields.append(("date", bibtex_escape(doc["date"])))
    fields.append(("url", doc["url"].replace("{", "%7B").replace("}", "%7D")))
    fields.append(("urldate", accessed.isoformat()))
    if copy_url:
        fields.append(("note", bibtex_escape(f"Copy at {host(copy_url)}")))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{bibtex_key(doc)},\n{body}\n}}"


def highwire_tags(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """(name, content) pairs for `<meta name=... content=...>`, as Zotero and Scholar read them."""
    tags = [
        ("citation_title", doc_title(doc)),
        ("citation_author", author(doc)[0]),
    ]
    if doc.get("date"):
        tags.append(("citation_publication_date", doc["date"][:10].replace("-", "/")))
    elif doc.get("year"):
        tags.append(("citation_publication_date", str(doc["year"])))
    meeting = meeting_title(doc)
    if meeting:
        tags.append(("citation_conference_title", meeting))
    tags.append(("citation_public_url", doc["url"]))
    if doc.get("content_type") == "pdf":
        tags.append(("citation_pdf_url", doc.get("fetched_url") or doc["url"]))
    return tags
