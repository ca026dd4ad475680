"""The home page, the query-syntax help page and the OpenSearch description."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request, url_for

from indexer.search.engine import PARTIAL_BELOW, TYPE_PREFERENCE
from indexer.search.generation import IndexMissing
from webapp.engine import get_engine

bp = Blueprint("pages", __name__)

EXAMPLE_SEARCHES = (
    "access to finance",
    '"women-owned businesses"',
    "digitalisation year:2015..2020",
    "start-ups OR entrepreneurship",
    "disaster resilience -covid",
)


@bp.get("/")
def home() -> str:
    try:
        stats = get_engine().stats()
        missing = None
    except IndexMissing as error:
        stats, missing = None, str(error)
    return render_template(
        "home.html", stats=stats, index_missing=missing, examples=EXAMPLE_SEARCHES
    )


@bp.get("/help")
def help_page() -> str:
    return render_template(
        "help.html", partial_below=PARTIAL_BELOW, type_preference=TYPE_PREFERENCE
    )


@bp.get("/opensearch.xml")
def opensearch() -> Response:
    search_url = url_for("search.results", _external=True)
    feed_url = url_for("search.atom", _external=True)
    body = render_template(
        "opensearch.xml",
        html_template=search_url + "?q={searchTerms}",
        atom_template=feed_url + "?q={searchTerms}",
        self_url=request.base_url,
        icon_url=url_for("static", filename="icon.svg", _external=True),
    )
    return Response(body, mimetype="application/opensearchdescription+xml")
