"""JSON twins of the pages: `/api/search` is exactly `apec-search search --json` (a question
gets its answer, `featured`, and documents with any of its words, as on the page); `/api/doc`
is the document page's data, with `copy_of` (the primary a copy repeats, or null)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from indexer.ask.search_box import search_box
from webapp import works
from webapp.engine import get_engine
from webapp.errors import error_response
from webapp.params import Limits, parse_query, parse_search, require_query

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search() -> Response:
    params = parse_search(request.args, Limits.from_config(current_app.config))
    require_query(params)
    return jsonify(search_box(get_engine(), params.q, **params.engine_kwargs()))


@bp.get("/doc/<doc_id>")
def document(doc_id: str) -> Response:
    q = parse_query(request.args.get("q", ""), Limits.from_config(current_app.config))
    engine = get_engine()
    doc = engine.document(doc_id, highlight=q or None)
    if doc is None:
        return error_response(404, f"There is no document with id {doc_id!r}.")
    return jsonify(doc | {"copy_of": works.copy_of(doc, works.primary_of(engine, doc))})
