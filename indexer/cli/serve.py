"""`apec-search serve`: the web front end, in several gunicorn worker processes on Linux and
macOS (pre-fork: the index is read-only, so workers share nothing but the files), or in
one waitress process with threads (Windows, or `--workers 1`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import click
from flask import Flask

from indexer.cli.common import index_option
from indexer.search.generation import default_index_dir

WORKER_TIMEOUT = 120  # seconds a request may take before gunicorn restarts its worker


def cores() -> int:
    """The CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def gunicorn_available() -> bool:
    """gunicorn needs fork and fcntl: not on Windows (there it is not even installed)."""
    if sys.platform == "win32":
        return False
    try:
        import gunicorn.app.base  # noqa: F401
    except ImportError:
        return False
    return True


def run_gunicorn(
    app: Flask,
    host: str,
    port: int,
    workers: int,
    threads: int,
    on_worker_start: Callable[[], None] | None = None,
) -> None:
    """Serve ``app`` with ``workers`` gunicorn processes of ``threads`` threads each
    (the gthread worker, which keeps connections alive). Each worker's Engine opens the
    index after the fork (when ``on_worker_start``, called in each new worker before it
    takes requests, opens it; else at its first request) and follows ``index/current``,
    so every worker serves a newly swapped-in generation from its next request on. Blocks
    until stopped (SIGINT or SIGTERM stop it gracefully)."""
    from gunicorn.app.base import BaseApplication

    class Application(BaseApplication):
        def load_config(self) -> None:
            bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
            settings = {
                "bind": [bind],
                "workers": workers,
                "worker_class": "gthread",
                "threads": threads,
                "timeout": WORKER_TIMEOUT,
                "graceful_timeout": 10,
                "proc_name": "apec-search",
            }
            if on_worker_start is not None:
                settings["post_worker_init"] = lambda worker: on_worker_start()
            if "control_socket_disable" in self.cfg.settings:
                # Newer gunicorns open a control socket in $HOME, shared by every server
                # of the user: not needed here, and two servers would fight over it.
                settings["control_socket_disable"] = True
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self) -> Flask:
            return app

    Application().run()


@click.command("serve")
@index_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port."
)
@click.option(
    "--threads",
    default=8,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Threads per worker process.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Worker processes (gunicorn) [default: the number of cores; 1 serves with waitress].",
)
def serve_command(
    index_dir: Path | None, host: str, port: int, threads: int, workers: int | None
) -> None:
    """Serve the web front end (it starts even before an index exists)."""
    from webapp import create_app
    from webapp.engine import open_index

    app = create_app({"INDEX_DIR": index_dir or default_index_dir(), "WARM_UP": True})
    workers = workers or cores()
    pool = workers > 1 and gunicorn_available()
    how = (
        f"{workers} gunicorn workers of {threads} threads"
        if pool
        else f"waitress ({threads} threads)"
    )
    click.echo(
        f"Serving {app.config['INDEX_DIR']} on http://{host}:{port}/ with {how} (Ctrl-C to stop)"
    )
    # Each process opens the index (and starts warming it up) before it takes requests:
    # a worker left to open it at its first request served its first seconds cold.
    if pool:
        run_gunicorn(app, host, port, workers, threads, on_worker_start=lambda: open_index(app))
    else:
        from waitress import serve as waitress_serve

        open_index(app)
        waitress_serve(app, host=host, port=port, threads=threads)
