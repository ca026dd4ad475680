"""The `apec-search` command line: a thin layer over the library modules."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from indexer.corpus import default_corpus_dir


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="apec-search")
def cli() -> None:
    """Search and question answering over APEC's public record on MSMEs."""


@cli.command("crawl")
@click.option("--seed", "seeds", multiple=True, metavar="URL",
              help="Start here instead of corpus/sources.toml (repeatable); "
                   "the scope becomes the seeds' own hosts.")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Corpus directory [default: corpus/ or $APEC_SEARCH_CORPUS].")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between requests to one host (robots.txt Crawl-delay may raise it).")
@click.option("--max-pages", type=click.IntRange(min=1), default=500, show_default=True,
              help="Stop after this many URLs.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=25 * 1024 * 1024,
              show_default=True, help="Largest body stored; a larger one is cut off and skipped.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0,
              show_default=True, help="Seconds to wait for a connection or for data.")
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
    from indexer.crawl import CrawlError, crawl
    from indexer.sources import SourcesError

    try:
        summary = crawl(
            corpus_dir or default_corpus_dir(),
            seeds=list(seeds) or None,
            delay=delay,
            max_pages=max_pages,
            max_bytes=max_bytes,
            timeout=timeout,
            progress=True,
        )
    except (CrawlError, SourcesError) as exc:
        click.echo(f"apec-search crawl: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"apec-search crawl: cannot write the corpus: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(summary.to_dict(), indent=1))
    else:
        click.echo(summary.text())


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
