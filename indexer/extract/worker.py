"""A time budget for extracting one document: the work runs in a forked worker process,
which is killed when it overruns (Python code cannot be interrupted safely from outside).

PDF parsing is where a small file can cost minutes: pypdf interprets drawing code in Python,
and the caps in indexer.extract.pdf foresee the bombs known (large or repeated drawing code,
py-pdf/pypdf#2790), not every one. A fork costs a few tens of milliseconds per document.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import TypeVar

from indexer.errors import ExtractionError, OverBudget

MAX_SECONDS = 120.0  # for one document; a legitimate 400-page PDF takes well under a minute
T = TypeVar("T")


def _run(conn, fn: Callable[..., T], args: tuple) -> None:
    try:
        outcome = ("ok", fn(*args))
    except BaseException as exc:  # sent back to be raised in the parent
        outcome = ("error", exc)
    try:
        conn.send(outcome)
    except Exception:  # an exception that does not pickle
        conn.send(("error", ExtractionError(f"{type(outcome[1]).__name__}: {outcome[1]}")))
    conn.close()


def within_budget(fn: Callable[..., T], *args: object, what: str = "extraction") -> T:
    """``fn(*args)`` computed in a worker process; OverBudget when it takes more than
    MAX_SECONDS (the worker is killed), ExtractionError when the worker dies. ``fn``'s own
    exceptions are raised again here; its result must pickle."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_run, args=(sender, fn, args), daemon=True)
    worker.start()
    sender.close()
    try:
        if not receiver.poll(MAX_SECONDS):
            worker.kill()
            raise OverBudget(f"{what} took longer than {MAX_SECONDS:g} s; skipped")
        try:
            status, value = receiver.recv()
        except EOFError:
            worker.join()
            raise ExtractionError(f"{what} stopped (exit code {worker.exitcode})") from None
    finally:
        receiver.close()
        worker.join()
    if status == "error":
        raise value
    return value
