"""JSON twins of the pages: `/api/search` is exactly `apec-search search --json` (a question
gets its answer, `featured`, and documents with any of its words, as on the page); `/api/doc`
is the document page's data, with `copy_of` (the primary a copy repeats, or null); `/api/stats`
is the home page's (what the index holds, example searches) and `/api/` the help page's
(each JSON endpoint, its page and its parameters)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from indexer.ask.search_box import search_box
from webapp import works
from webapp.engine import get_engine
from webapp.errors import error_response
from webapp.params import Limits, parse_query, parse_search, require_query
from webapp.views.pages import EXAMPLE_SEARCHES

bp = Blueprint("api", __name__, url_prefix="/api")

SEARCH_PARAMETERS = ["q", "year", "from", "to", "type", "meeting", "sort", "page"]
SEARCH_PARAMETERS += ["hint", "named", "synonyms", "spelling"]
# The JSON endpoints as the help page lists them: each with its page and parameters.
ENDPOINTS = [
    {"path": "/api/search", "page": "/search", "parameters": [*SEARCH_PARAMETERS, "limit"]},
    {"path": "/api/doc/<id>", "page": "/doc/<id>", "parameters": ["q"]},
    {"path": "/api/meetings", "page": "/meetings", "parameters": ["series"]},
    {"path": "/api/meetings/<series>/<number>", "page": "/meetings/<series>/<number>",
     "parameters": []},
    {"path": "/api/ask", "page": "/ask", "parameters": ["q", "limit"]},
    {"path": "/api/commitments", "page": "/commitments",
     "parameters": ["topic", "year", "strength", "q"]},
    {"path": "/api/trends", "page": "/trends", "parameters": ["q", "topic", "measure"]},
    {"path": "/api/stats", "page": "/", "parameters": []},
    {"path": "/api/", "page": "/help", "parameters": []},
]  # fmt: skip


@bp.get("/")
def index() -> Response:
    """The help page's twin: ``{"endpoints": [{"path", "page", "parameters"}]}``."""
    return jsonify({"endpoints": ENDPOINTS})


@bp.get("/stats")
def stats() -> Response:
    """The home page's twin: ``{"stats": Engine.stats(), "examples": [str]}``; 503 with a
    message when there is no index yet."""
    return jsonify({"stats": get_engine().stats(), "examples": list(EXAMPLE_SEARCHES)})


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
