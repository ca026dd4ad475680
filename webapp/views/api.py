"""JSON twins of the pages: `/api/search` is exactly `apec-search search --json`."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from webapp.engine import get_engine
from webapp.errors import error_response
from webapp.params import Limits, parse_query, parse_search, require_query

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search() -> Response:
    params = parse_search(request.args, Limits.from_config(current_app.config))
    require_query(params)
    return jsonify(get_engine().search(params.q, **params.engine_kwargs()))


@bp.get("/doc/<doc_id>")
def document(doc_id: str) -> Response:
    q = parse_query(request.args.get("q", ""), Limits.from_config(current_app.config))
    doc = get_engine().document(doc_id, highlight=q or None)
    if doc is None:
        return error_response(404, f"There is no document with id {doc_id!r}.")
    return jsonify(doc)
