"""The `apec-search` command line: a thin layer over the library modules."""

from __future__ import annotations

from pathlib import Path

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="apec-search")
def cli() -> None:
    """Search and question answering over APEC's public record on MSMEs."""


@cli.command()
@click.option(
    "--index",
    "index_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Index directory (default: index/, or $APEC_SEARCH_INDEX).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port."
)
@click.option(
    "--threads", default=8, show_default=True, type=click.IntRange(1, 64),
    help="Worker threads.",
)
def serve(index_dir: Path | None, host: str, port: int, threads: int) -> None:
    """Serve the web front end with waitress (works before any index exists)."""
    from waitress import serve as waitress_serve

    from webapp import create_app

    app = create_app({"INDEX_DIR": index_dir} if index_dir else None)
    click.echo(f"Serving {app.config['INDEX_DIR']} on http://{host}:{port}/ (Ctrl-C to stop)")
    waitress_serve(app, host=host, port=port, threads=threads)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
