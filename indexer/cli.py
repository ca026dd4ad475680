"""The `apec-search` command line: a thin layer over the library modules."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="apec-search")
def cli() -> None:
    """Search and question answering over APEC's public record on MSMEs."""


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
