"""The one search Engine of an app: opened once in `init_app`, shared by every thread.

The Engine is lazy and thread-safe, and notices a newly swapped-in index by itself, so a
running server picks up `apec-search index` without a restart.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from flask import Flask, current_app

from indexer.search.engine import Engine
from indexer.search.generation import IndexMissing

EXTENSION_KEY = "apec_search_engine"


def init_app(app: Flask) -> None:
    app.extensions[EXTENSION_KEY] = Engine(
        Path(app.config["INDEX_DIR"]), warm_up=app.config["WARM_UP"]
    )


def get_engine() -> Engine:
    return current_app.extensions[EXTENSION_KEY]


def open_index(app: Flask) -> None:
    """Open ``app``'s index now (starting its warm-up when the app warms up), so that a
    server's first searches find its caches filling rather than each opening it; nothing
    when there is no usable index (the pages say so on each request)."""
    with suppress(IndexMissing):
        app.extensions[EXTENSION_KEY].open()
