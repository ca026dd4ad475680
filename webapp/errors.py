"""Error pages and JSON errors.

Pages get an HTML page with a short message; `/api/` gets `{"error": message, "status": n}`.
A bad parameter is a 400 with its message, a missing index (or record of meetings) a 503 that
says how to build one, and an unexpected failure a 500 that shows no traceback (Flask logs it).
"""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from indexer.record.store import RecordMissing
from indexer.search.generation import IndexMissing
from indexer.text.characters import without_controls
from webapp.params import BadParameter

TITLES = {
    400: "Bad request",
    404: "Page not found",
    405: "Method not allowed",
    500: "Something went wrong",
    503: "No index yet",
}


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(
    status: int, message: str, *, index_missing: bool = False
) -> tuple[Response | str, int]:
    if wants_json():
        return jsonify({"error": message, "status": status}), status
    title = TITLES.get(status, "Error")
    page = render_template(
        "error.html",
        status=status,
        title=title,
        message=message,
        index_missing=index_missing,
        q=_echoed_query(),  # to fix it
    )
    return page, status


def _echoed_query() -> str:
    limit = current_app.config["MAX_QUERY_LENGTH"]
    return without_controls(request.args.get("q", ""))[:limit]


def bad_parameter(error: BadParameter):
    return error_response(400, str(error))


def index_missing(error: IndexMissing | RecordMissing):
    return error_response(503, str(error), index_missing=True)


def http_error(error: HTTPException):
    if error.code == 404:
        return error_response(404, "There is no page at this address.")
    body, status = error_response(error.code or 500, error.description or "")
    # The exception's own headers (a 405's Allow, RFC 9110 section 15.5.6), not its type
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    return body, status, headers


def server_error(error: InternalServerError):
    return error_response(
        500, "The server could not complete this request. Please try again later."
    )


def init_app(app: Flask) -> None:
    app.register_error_handler(BadParameter, bad_parameter)
    app.register_error_handler(IndexMissing, index_missing)
    app.register_error_handler(RecordMissing, index_missing)
    app.register_error_handler(InternalServerError, server_error)
    app.register_error_handler(HTTPException, http_error)
