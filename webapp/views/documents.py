"""The document page: the extracted text with numbered paragraphs, its metadata, the
referring query's terms highlighted, a citation box and related documents."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, current_app, render_template, request

from webapp import citation
from webapp.engine import get_engine
from webapp.params import Limits, parse_query

bp = Blueprint("documents", __name__)


@bp.get("/doc/<doc_id>")
def show(doc_id: str) -> str:
    q = parse_query(request.args.get("q", ""), Limits.from_config(current_app.config))
    engine = get_engine()
    doc = engine.document(doc_id, highlight=q or None)
    if doc is None:
        abort(404)
    accessed = datetime.now(UTC).date()
    return render_template(
        "doc.html",
        doc=doc,
        q=q,
        related=engine.related(doc_id, limit=current_app.config["RELATED_DOCUMENTS"]),
        meeting=citation.meeting_title(doc),
        plain_citation=citation.plain_citation(doc, accessed),
        bibtex=citation.bibtex(doc, accessed),
        meta_tags=citation.highwire_tags(doc),
    )
