"""`apec-search serve`: the web front end under waitress."""

from __future__ import annotations

from pathlib import Path

import click

from indexer.cli.common import index_option
from indexer.search import default_index_dir


@click.command("serve")
@index_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port."
)
@click.option(
    "--threads", default=8, show_default=True, type=click.IntRange(1, 64), help="Worker threads."
)
def serve_command(index_dir: Path | None, host: str, port: int, threads: int) -> None:
    """Serve the web front end with waitress (it starts even before an index exists)."""
    from waitress import serve as waitress_serve

    from webapp import create_app

    app = create_app({"INDEX_DIR": index_dir or default_index_dir()})
    click.echo(f"Serving {app.config['INDEX_DIR']} on http://{host}:{port}/ (Ctrl-C to stop)")
    waitress_serve(app, host=host, port=port, threads=threads)
