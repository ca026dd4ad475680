"""The `apec-search` command line: a thin layer over the library modules."""

from __future__ import annotations

import click

from indexer.errors import ExtractionError
from indexer.extract import FETCH_MAX_BYTES, FETCH_TIMEOUT, document_json, extract_target


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="apec-search")
def cli() -> None:
    """Search and question answering over APEC's public record on MSMEs."""


@cli.command("extract")
@click.argument("target")
@click.option("--timeout", type=float, default=FETCH_TIMEOUT, show_default=True,
              help="Seconds to wait for a URL.")
@click.option("--max-bytes", type=int, default=FETCH_MAX_BYTES, show_default=True,
              help="Largest body accepted.")
def extract_command(target: str, timeout: float, max_bytes: int) -> None:
    """Print what extraction makes of one URL or file (title, metadata, paragraphs) as JSON."""
    try:
        doc = extract_target(target, timeout=timeout, max_bytes=max_bytes)
    except ExtractionError as exc:
        raise click.ClickException(" ".join(str(exc).split())) from exc
    click.echo(document_json(doc))


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
