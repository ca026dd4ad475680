"""The `apec-search` command line: a thin layer over the library modules."""

from __future__ import annotations

import click

from indexer.cli.commitments import commitments_command
from indexer.cli.meetings import meetings_command
from indexer.cli.pipeline import crawl_command, extract_command, index_command, update_command
from indexer.cli.query import ask_command, search_command, trends_command
from indexer.cli.serve import serve_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="apec-search")
def cli() -> None:
    """Search and question answering over APEC's public record on MSMEs."""


for command in (
    crawl_command,
    extract_command,
    index_command,
    update_command,
    search_command,
    ask_command,
    trends_command,
    commitments_command,
    meetings_command,
    serve_command,
):
    cli.add_command(command)


def main() -> None:
    cli()
