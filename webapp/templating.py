"""Template filters and globals shared by every page."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask, url_for

from indexer.text.ordinals import ordinal
from webapp.citation import long_date
from webapp.facets import doc_type_label
from webapp.works import doc_title, host, kind_label, others_label

EPOCH = "1970-01-01T00:00:00Z"
SITE_NAME = "APEC SME Search"  # also the OpenSearch ShortName: at most 16 characters


def rfc3339(value: str | None) -> str:
    """An ISO date or timestamp as an Atom (RFC 3339) UTC timestamp. A bare year or partial
    date counts as 1 January of its year; anything unreadable as the Unix epoch, because
    every Atom entry must carry a date."""
    for candidate in (value or "", (value or "")[:4] + "-01-01"):
        try:
            moment = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return EPOCH


def passage_url(doc_id: str, position: int | None, q: str, anchor: str | None = None) -> str:
    """The document page at a paragraph, with the words of `q` highlighted: at its `anchor`
    (its ¶ anchor, "p12") when known, else through `/doc/<id>/at/<position>` (the index's
    count, from 0), which redirects to that anchor."""
    if anchor or position is None:
        return url_for("documents.show", doc_id=doc_id, q=q or None, _anchor=anchor)
    return url_for("documents.at", doc_id=doc_id, position=position, q=q or None)


def init_app(app: Flask) -> None:
    app.add_template_global(passage_url)
    app.add_template_filter(doc_type_label)
    app.add_template_filter(ordinal)
    app.add_template_filter(long_date)
    app.add_template_filter(rfc3339)
    app.add_template_filter(host)
    app.add_template_filter(doc_title)
    app.add_template_filter(kind_label)
    app.add_template_filter(others_label)
    app.add_template_global(SITE_NAME, "site_name")
