"""apec-search web front end (Flask).

`create_app(config)` is the factory; `flask --app webapp run` finds it and calls it with no
arguments, and `apec-search serve` calls it with the index directory.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from indexer.crawl.corpus import default_corpus_dir
from indexer.search.engine import MAX_LIMIT
from indexer.search.generation import default_index_dir
from webapp import commitments_views, engine, errors, security, templating
from webapp.json_provider import OrjsonProvider
from webapp.views import api, ask, documents, meetings, pages, search

DEFAULTS: dict[str, Any] = {
    "MAX_QUERY_LENGTH": 500,  # characters; a longer query is a 400
    "MAX_PAGE": 1000,  # highest result page a request may ask for
    "PAGE_SIZE": 10,  # results per HTML page
    "API_MAX_LIMIT": MAX_LIMIT,  # largest `limit` /api/search accepts (the Engine's own)
    "EXPORT_MAX_ROWS": 1000,  # rows in /search.csv
    "EXPORT_BATCH": MAX_LIMIT,  # results fetched per Engine call for /search.csv
    "FEED_ENTRIES": 50,  # entries in /search.atom
    "RELATED_DOCUMENTS": 5,  # "more like this" on a document page
    "WARM_UP": False,  # fill each new index generation's caches in the background
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. `config` may set INDEX_DIR (default: $APEC_SEARCH_INDEX or `index/`)
    and CORPUS_DIR, the crawl's store whose bytes `/doc/<id>/original` serves (default:
    $APEC_SEARCH_CORPUS or `corpus/`)."""
    app = Flask(__name__)
    app.json = OrjsonProvider(app)
    app.config.from_mapping(DEFAULTS)
    app.config["INDEX_DIR"] = default_index_dir()
    app.config["CORPUS_DIR"] = default_corpus_dir()
    if config:
        app.config.from_mapping(config)

    engine.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    blueprints = (
        pages.bp,
        search.bp,
        documents.bp,
        api.bp,
        ask.bp,
        commitments_views.bp,
        meetings.bp,
    )
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    return app
