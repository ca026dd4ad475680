"""The document page: the extracted text with numbered paragraphs, its metadata and the
meeting the record places it in, the referring query's terms highlighted, its work's other
copies and versions (on a copy's page, the primary it copies), a citation box and related
documents; and `/doc/<id>/original`, the bytes the crawl stored for it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)

from indexer.record.store import HasIndexPath, RecordMissing
from webapp import citation, meetings, originals, works
from webapp.engine import get_engine
from webapp.params import Limits, parse_query

bp = Blueprint("documents", __name__)


def placed_meeting(source: HasIndexPath, doc: dict[str, Any]) -> dict[str, Any] | None:
    """The record's meeting of the document (its `meeting`), with its place; the document's
    own {"series", "number", "year"} when the record cannot be read; None when it has none."""
    placed = doc.get("meeting")
    if not placed:
        return None
    try:
        return meetings.find(source, placed["series"], meetings.ref(placed)) or placed
    except RecordMissing:
        return placed


@bp.get("/doc/<doc_id>")
def show(doc_id: str) -> str:
    q = parse_query(request.args.get("q", ""), Limits.from_config(current_app.config))
    engine = get_engine()
    doc = engine.document(doc_id, highlight=q or None)
    if doc is None:
        abort(404)
    accessed = datetime.now(UTC).date()
    primary = works.primary_of(engine, doc)
    copy_of = works.copy_of(doc, primary)
    cited, copy_url = works.cited(doc, primary, copy_of)
    shown = current_app.config["RELATED_DOCUMENTS"]
    # a copy's page may find its primary, the one member of its work that is searched
    related = works.outside(engine.related(doc_id, limit=shown + 1), doc)[:shown]
    return render_template(
        "doc.html",
        doc=doc,
        q=q,
        related=related,
        meeting=citation.meeting_title(doc),
        placed=placed_meeting(engine, doc),
        m=meetings,
        copy_of=copy_of,
        stored=originals.is_stored(current_app.config["CORPUS_DIR"], doc),
        plain_citation=citation.plain_citation(cited, accessed, copy_url),
        bibtex=citation.bibtex(cited, accessed, copy_url),
        meta_tags=citation.highwire_tags(cited),
    )


@bp.get("/doc/<doc_id>/at/<int:position>")
def at(doc_id: str, position: int) -> Response:
    """The paragraph at `position` (the index's count, from 0): a redirect to its anchor
    on the document page (its ¶, the source's own number where it numbers them), so that
    links made from a passage's position land where the page numbers it."""
    doc = get_engine().document(doc_id)
    if doc is None:
        abort(404)
    anchors = {p["position"]: p.get("anchor") or f"p{p['position'] + 1}" for p in doc["paragraphs"]}
    q = request.args.get("q") or None
    return redirect(url_for("documents.show", doc_id=doc_id, q=q, _anchor=anchors.get(position)))


@bp.get("/doc/<doc_id>/original")
def original(doc_id: str) -> Response:
    doc = get_engine().document(doc_id)
    body = originals.read(current_app.config["CORPUS_DIR"], doc) if doc else None
    if body is None:
        abort(404)
    return originals.response(doc, body)
