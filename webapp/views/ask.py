"""Question answering in the browser: the `/ask` page and its JSON twin `/api/ask`."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for

from indexer.ask import answer
from webapp.engine import get_engine
from webapp.params import BadParameter, Limits, parse_int, parse_query
from webapp.templating import passage_url

bp = Blueprint("ask", __name__)

EXAMPLE_QUESTIONS = (
    "Who chaired the 2021 SME ministerial meeting?",
    "When did ministers endorse the strategic plan for 2013-2016?",
    "What did ministers agree on natural disasters?",
    "What did ministers commit to on access to finance?",
    "What share of businesses in the region are MSMEs?",
)
MAX_ANSWERS = 10


def _question() -> str:
    return parse_query(request.args.get("q", ""), Limits.from_config(current_app.config))


def _parts(item: dict[str, Any]) -> tuple[str, str, str]:
    """The answer split around its span (before, span, after), for marking it up."""
    span = item.get("span")
    if span and span in item["answer"]:
        before, _, after = item["answer"].partition(span)
        return before, span, after
    return item["answer"], "", ""


@bp.get("/ask")
def page() -> str:
    question = _question()
    if not question:
        return render_template("ask.html", question="", found=None, examples=EXAMPLE_QUESTIONS)
    found = answer(get_engine(), question)
    return render_template(
        "ask.html",
        question=question,
        found=found,
        parts=_parts,
        doc_url=lambda item: passage_url(
            item["doc_id"], item.get("position"), question, item.get("anchor")
        ),
        search_url=url_for("search.results", q=question),
    )


@bp.get("/api/ask")
def api() -> Response:
    question = _question()
    if not question:
        raise BadParameter("q is required: the question to answer.")
    limit = parse_int(request.args.get("limit", ""), "limit", 1, MAX_ANSWERS, default=3)
    return jsonify(answer(get_engine(), question, limit=limit))
