"""Stage 6, search: the engine the CLI, the web app and question answering share
(``engine``, over an opened ``generation``), top-k selection (``top_k``), document ranking
by passage proximity (``doc_rank``), snippets and deep links (``snippets``, ``highlight``),
trends over the years (``trends``) and CSV output (``csv_export``)."""

from indexer.search.engine import Engine

__all__ = ["Engine"]
