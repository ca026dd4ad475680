"""What the commands share: the --index and --corpus options, year ranges, the engine."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from indexer.search.engine import Engine
from indexer.search.generation import IndexMissing, default_index_dir


def index_option(f):
    return click.option(
        "--index",
        "index_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Index directory (default: $APEC_SEARCH_INDEX or index/).",
    )(f)


def corpus_option(f):
    return click.option(
        "--corpus",
        "corpus_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Corpus directory (default: $APEC_SEARCH_CORPUS or corpus/).",
    )(f)


# Query commands take "-word" (exclude a word) unquoted: an unknown option is a query word,
# and only "--help" is help (so "-hotels" is not "-h").
QUERY_CONTEXT = {"ignore_unknown_options": True, "help_option_names": ["--help"]}


def parse_years(ctx, param, value: str | None) -> tuple[int, int] | None:
    """A year (2015), a range (2010-2015) or "undated" ((0, 0): documents without a year)."""
    if not value:
        return None
    if value.strip().lower() == "undated":
        return (0, 0)
    m = re.fullmatch(r"\s*(\d{4})\s*(?:(?:-|\.\.)\s*(\d{4})\s*)?", value)
    if not m:
        raise click.BadParameter("give a year (2015), a range (2010-2015) or undated")
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    return (min(first, last), max(first, last))


@contextmanager
def open_engine(index_dir: Path | None) -> Iterator[Engine]:
    """The engine over ``index_dir``; no index is one clear line and exit status 1."""
    engine = Engine(index_dir or default_index_dir())
    try:
        yield engine
    except IndexMissing as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        engine.close()
