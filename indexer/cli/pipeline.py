"""Commands that build: crawl, extract, index, and update (crawl, then index)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from indexer.cli.common import corpus_option, index_option
from indexer.crawl.corpus import Corpus, default_corpus_dir
from indexer.errors import ExtractionError
from indexer.extract import (
    FETCH_MAX_BYTES,
    FETCH_TIMEOUT,
    document_json,
    extract_corpus,
    extract_target,
)
from indexer.index.build import BuildRunning, build_index
from indexer.search.generation import default_index_dir


def run_crawl(command: str, corpus_dir: Path | None, **options):
    """Crawl into the corpus and extract what is new, or say why it could not and exit with
    status 1. The summary counts the corpus's hub pages, which extraction finds."""
    from indexer.crawl.crawler import CrawlError, crawl
    from indexer.crawl.sources import SourcesError

    corpus_dir = corpus_dir or default_corpus_dir()
    try:
        summary = crawl(corpus_dir, progress=True, **options)
        summary.hubs = len(extract_corpus(Corpus(corpus_dir)).hubs)
        return summary
    except (CrawlError, SourcesError) as exc:
        click.echo(f"apec-search {command}: {exc}", err=True)
    except OSError as exc:
        click.echo(f"apec-search {command}: cannot write the corpus: {exc}", err=True)
    sys.exit(1)


def crawl_options(f):
    """The options of a crawl that ``crawl`` and ``update`` share: --seed, --delay and
    --max-pages."""
    f = click.option(
        "--max-pages",
        type=click.IntRange(min=1),
        default=500,
        show_default=True,
        help="Stop the crawl after this many URLs.",
    )(f)
    f = click.option(
        "--delay",
        type=click.FloatRange(min=0),
        default=1.0,
        show_default=True,
        help="Seconds between requests to one host (robots.txt Crawl-delay may raise it).",
    )(f)
    return click.option(
        "--seed",
        "seeds",
        multiple=True,
        metavar="URL",
        help="Start here instead of corpus/sources.toml (repeatable); "
        "the scope becomes the seeds' own hosts.",
    )(f)


@click.command("crawl")
@crawl_options
@corpus_option
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=25 * 1024 * 1024,
    show_default=True,
    help="Largest body stored; a larger one is cut off and skipped.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds to wait for a connection or for data.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def crawl_command(
    seeds: tuple[str, ...],
    corpus_dir: Path | None,
    delay: float,
    max_pages: int,
    max_bytes: int,
    timeout: float,
    as_json: bool,
) -> None:
    """Fetch APEC's SME documents (HTML and PDF) into the corpus, politely and resumably."""
    summary = run_crawl(
        "crawl",
        corpus_dir,
        seeds=list(seeds) or None,
        delay=delay,
        max_pages=max_pages,
        max_bytes=max_bytes,
        timeout=timeout,
    )
    if as_json:
        click.echo(json.dumps(summary.to_dict(), indent=1))
    else:
        click.echo(summary.text())


@click.command("extract")
@click.argument("target")
@click.option(
    "--timeout",
    type=float,
    default=FETCH_TIMEOUT,
    show_default=True,
    help="Seconds to wait for a URL.",
)
@click.option(
    "--max-bytes",
    type=int,
    default=FETCH_MAX_BYTES,
    show_default=True,
    help="Largest body accepted.",
)
def extract_command(target: str, timeout: float, max_bytes: int) -> None:
    """Print what extraction makes of one URL or file (title, metadata, paragraphs) as JSON."""
    try:
        doc = extract_target(target, timeout=timeout, max_bytes=max_bytes)
    except ExtractionError as exc:
        raise click.ClickException(" ".join(str(exc).split())) from exc
    click.echo(document_json(doc))


def run_index(corpus_dir: Path | None, index_dir: Path | None, recreate: bool) -> None:
    try:
        summary = build_index(
            corpus_dir or default_corpus_dir(),
            index_dir or default_index_dir(),
            recreate=recreate,
            progress=True,
        )
    except BuildRunning as exc:
        raise click.ClickException(str(exc)) from exc
    for line in summary.lines():
        click.echo(line)
    if not summary.documents:
        click.echo("The corpus holds no extracted documents yet: run `apec-search crawl` first.")


@click.command("index")
@corpus_option
@index_option
@click.option("--recreate", is_flag=True, help="Rebuild from the extracted text, from scratch.")
def index_command(corpus_dir: Path | None, index_dir: Path | None, recreate: bool) -> None:
    """Index the corpus's extracted documents (only what changed, unless --recreate)."""
    run_index(corpus_dir, index_dir, recreate)


@click.command("update")
@crawl_options
@corpus_option
@index_option
def update_command(
    seeds: tuple[str, ...],
    delay: float,
    max_pages: int,
    corpus_dir: Path | None,
    index_dir: Path | None,
) -> None:
    """Crawl, then extract and index what changed: the command a scheduled job runs.

    If the crawl fails (no network) it says so and exits with status 1, leaving the corpus
    and the index as they were.
    """
    summary = run_crawl(
        "update", corpus_dir, seeds=list(seeds) or None, delay=delay, max_pages=max_pages
    )
    click.echo(summary.text())
    run_index(corpus_dir, index_dir, recreate=False)
