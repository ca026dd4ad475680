"""The results page and its CSV and Atom twins, all built on `Engine.search`."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

from flask import Blueprint, Response, current_app, render_template, request, url_for
from markupsafe import Markup

from indexer.ask.search_box import search_box
from indexer.text.filenames import download_name, years_name
from webapp import facets, meetings
from webapp.citation import author
from webapp.csv_export import csv_response
from webapp.engine import get_engine
from webapp.params import SORTS, Limits, SearchParams, parse_search, require_query
from webapp.templating import passage_url

bp = Blueprint("search", __name__)

MEETINGS_SHOWN = 8  # meeting facet values listed; the rest behind "N more meetings"

CSV_COLUMNS = (
    "rank",
    "title",
    "doc_type",
    "year",
    "date",
    "location",
    "url",
    "link",
    "excerpt",
    "meeting",  # "Outcome of the 22nd SME Ministerial Meeting, Iloilo, 2015"
    "id",
    "matched",  # "all words", or "some words" for those the page lists below its results
)


def _params(*, limit: int | None) -> SearchParams:
    return parse_search(request.args, Limits.from_config(current_app.config), limit=limit)


def _results_url(args: dict[str, str | list[str]]) -> str:
    return url_for("search.results", **args)


def doc_url(result: dict[str, Any], q: str) -> str:
    """The document page for a result, at the paragraph of its best sentence, with the
    query highlighted."""
    position = result.get("match_position", result.get("position"))
    return passage_url(result["id"], position, q, result.get("anchor"))


def sort_choices(params: SearchParams) -> tuple[str, ...]:
    """Relevance needs words; a list of filtered documents is ordered by date only."""
    return SORTS if params.q else tuple(s for s in SORTS if s != "relevance")


@bp.get("/search")
def results() -> str:
    params = _params(limit=current_app.config["PAGE_SIZE"])
    if params.is_empty:
        return render_template("search.html", params=params, q=params.q, result=None)
    result = search_box(get_engine(), params.q, **params.engine_kwargs())
    return render_template(
        "search.html",
        featured=result["featured"],
        question_words=result["question_words"],
        params=params,
        q=params.q,
        result=result,
        pages=result["pages"],
        facets=facets.build(result, params, _results_url),
        meetings_shown=MEETINGS_SHOWN,
        sorts=[(s, _results_url(params.query_args(sort=s))) for s in sort_choices(params)],
        current_sort="newest" if not params.q and params.sort == "relevance" else params.sort,
        page_url=lambda n: _results_url(params.query_args(page=n)),
        # "Did you mean" only when the results are not already the suggestion's
        suggestion_url=(
            _results_url(params.query_args(q=result["suggestion"]))
            if result.get("suggestion") and not result.get("corrected_query")
            else None
        ),
        as_typed_url=(
            _results_url(params.query_args(spelling=False))
            if result.get("corrected_query")
            else None
        ),
        doc_url=doc_url,
        m=meetings,
        hint_remove_url=_results_url(params.query_args(hint=False)),
        named_remove_url=_results_url(params.query_args(named=False)),
        hints_restore_url=_results_url(params.query_args(hint=True, named=True)),
        synonyms_url=_results_url(params.query_args(synonyms=not params.synonyms)),
        json_url=url_for("api.search", **params.query_args()),
        csv_url=url_for("search.csv", **params.query_args()),
        atom_url=url_for("search.atom", **params.query_args(sort="relevance")),
    )


def every_result(
    params: SearchParams, max_rows: int, batch: int, page_size: int
) -> Iterator[dict[str, Any]]:
    """The results of `params` from the first, each with `matched` "all words", then those
    holding "some words" that a page of `page_size` lists below fewer results; up to
    `max_rows`, fetched `batch` at a time (the Engine returns at most MAX_LIMIT per call)."""
    engine = get_engine()

    def rows() -> Iterator[dict[str, Any]]:
        for page in range(1, -(-max_rows // batch) + 1):
            kwargs = params.engine_kwargs() | {"page": page, "limit": batch}
            result = search_box(engine, params.q, answer=False, **kwargs)
            yield from (r | {"matched": "all words"} for r in result["results"])
            if page >= result["pages"]:
                some = result["partial"][: max(0, page_size - result["total"])]
                yield from (r | {"matched": "some words"} for r in some)
                return

    return islice(rows(), max_rows)


@bp.get("/search.csv")
def csv() -> Response:
    params = _params(limit=current_app.config["EXPORT_BATCH"])
    require_query(params)
    config = current_app.config
    found = every_result(params, config["EXPORT_MAX_ROWS"], params.limit, config["PAGE_SIZE"])
    rows = [
        r | {"rank": rank, "excerpt": Markup(r["snippet"]).striptags(), "meeting": _meeting_of(r)}
        for rank, r in enumerate(found, start=1)
    ]
    filters = [*params.types, years_name(params.year), params.meeting]
    name = download_name(
        "apec-search", [f.replace("/", "-") for f in filters if f], params.q, "csv"
    )
    return csv_response(rows, CSV_COLUMNS, name)


def _meeting_of(result: dict[str, Any]) -> str | None:
    """The result's place in the record, as its card says it, or None."""
    meeting = result.get("meeting")
    return (
        f"{meetings.role_phrase(result.get('role'))} {meetings.described(meeting)}"
        if meeting
        else None
    )


def entry_date(result: dict[str, Any], metadata: dict[str, Any] | None) -> str:
    """An Atom entry needs a date: the document's, else its year's (see `rfc3339`), else
    (undated) when the crawl read it, never the Unix epoch."""
    fetched = (metadata or {}).get("fetched_at") or ""
    return result.get("date") or str(result.get("year") or "") or fetched


@bp.get("/search.atom")
def atom() -> Response:
    params = _params(limit=current_app.config["FEED_ENTRIES"])
    require_query(params)
    kwargs = params.engine_kwargs() | {"page": 1, "sort": "newest"}
    engine = get_engine()
    result = search_box(engine, params.q, answer=False, **kwargs)
    metadata = [engine.metadata(r["id"]) for r in result["results"]]
    entry_dates = [entry_date(r, m) for r, m in zip(result["results"], metadata, strict=True)]
    authors = [author(m or r)[0] for r, m in zip(result["results"], metadata, strict=True)]
    body = render_template(
        "atom.xml",
        params=params,
        # each entry with its author: a third party's story its publisher's, APEC's own APEC's
        entries=list(zip(result["results"], entry_dates, authors, strict=True)),
        updated=engine.stats().get("last_crawl") or max(entry_dates, default=""),
        self_url=request.url,
        html_url=url_for("search.results", _external=True, **params.query_args(sort="newest")),
        doc_url=lambda r: url_for("documents.show", doc_id=r["id"], _external=True),
    )
    return Response(body, mimetype="application/atom+xml")
