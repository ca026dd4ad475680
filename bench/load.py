"""Load test: `apec-search serve` under concurrent clients, against a minimal SQLite FTS5
endpoint over the same passages, and while `apec-search index --recreate` rebuilds.

    python bench/load.py [--docs 10000] [--workdir DIR] [--reuse] [--clients 16]
                         [--seconds 30] [--threads 8] [--profile]

Everything runs on 127.0.0.1: both servers are subprocesses served by waitress with the
same number of threads; the clients are threads with keep-alive connections. Every request
carries a different query (two or three words of the synthetic vocabulary, sometimes a year
range), so no cache can stand in for the search. Phases, each `--seconds` long:

1. /api/search on apec-search;  2. /search (the HTML page) on apec-search;
3. /api/search on the FTS5 endpoint (same passages, porter stemming, BM25, top 10
   documents with a snippet each, total and per-year counts);
4. /api/search on apec-search while `apec-search index --recreate` rebuilds the index from
   the corpus plus a few new documents: errors must be 0, and the new generation (its new
   word and document count) must be served once the build has swapped it in.
"""

from __future__ import annotations

import argparse
import dataclasses
import http.client
import itertools
import json
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_bench import fts_build, fts_query  # noqa: E402
from bench.synthetic import generate_documents, vocabulary, write_corpus  # noqa: E402
from indexer.build import build_index  # noqa: E402
from indexer.extract import EXTRACTOR_VERSION  # noqa: E402
from indexer.model import Document, Paragraph  # noqa: E402

HOST = "127.0.0.1"
NEW_DOCS = 20  # documents added for the rebuild phase
MAX_REBUILD_WAIT = 3600  # seconds of load at most while the rebuild runs (it bounds the run)


# -- queries -------------------------------------------------------------------------------


def unique_queries(seed: int = 7) -> Iterator[tuple[str, str | None]]:
    """(words, year range or None), never the same twice: pairs and triples of the
    vocabulary's 400 commonest words, a fifth of them with a five-year range."""
    rng = random.Random(seed)
    common = vocabulary(1).content[:400]
    seen: set[tuple] = set()
    while True:
        words = tuple(rng.sample(common, rng.choice((2, 2, 3))))
        year = None
        if rng.random() < 0.2:
            start = rng.randint(1994, 2020)
            year = f"{start}-{start + 5}"
        if (words, year) not in seen:
            seen.add((words, year))
            yield " ".join(words), year


class QuerySource:
    """One shared, thread-safe stream of distinct queries."""

    def __init__(self, seed: int):
        self._it = unique_queries(seed)
        self._lock = threading.Lock()

    def next(self) -> tuple[str, str | None]:
        with self._lock:
            return next(self._it)


# -- servers -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(args: list[str], port: int, log: Path) -> subprocess.Popen:
    """Start a server subprocess (its output, e.g. waitress's queue warnings, to ``log``:
    an unread pipe would fill up and stall the server)."""
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, *args], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {log.read_text()[-2000:]}")
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start within 60 s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def get_json(port: int, path: str, **params: str) -> dict:
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    conn.request("GET", f"{path}?{urlencode(params)}")
    response = conn.getresponse()
    body = response.read()
    conn.close()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}: {body[:300]!r}")
    return json.loads(body)


# -- the FTS5 endpoint ---------------------------------------------------------------------


def fts_app(db_path: Path):
    """A minimal Flask search endpoint over the FTS5 table that bench/search_bench builds."""
    from flask import Flask, jsonify, request

    app = Flask("fts5")
    local = threading.local()

    def db() -> sqlite3.Connection:
        if not hasattr(local, "db"):
            local.db = sqlite3.connect(db_path)
        return local.db

    @app.get("/api/search")
    def search():
        words = request.args.get("q", "").split()
        year = None
        if request.args.get("year"):
            low, high = (int(y) for y in request.args["year"].split("-"))
            year = (low, high)
        top, years = fts_query(db(), " AND ".join(f'"{w}"' for w in words), year)
        results = [{"id": doc_id, "title": title, "snippet": snip} for doc_id, title, snip in top]
        return jsonify(
            {
                "query": request.args.get("q", ""),
                "total": sum(n for _, n in years),
                "results": results,
                "facets": {"year": {str(y): n for y, n in years}},
            }
        )

    return app


def serve_fts(db_path: Path, port: int, threads: int) -> None:
    from waitress import serve

    serve(fts_app(db_path), host=HOST, port=port, threads=threads)


# -- load ----------------------------------------------------------------------------------


@dataclasses.dataclass
class Run:
    label: str
    seconds: float
    latencies: list[float]  # ms, successful requests
    errors: list[str]

    def line(self) -> str:
        n = len(self.latencies)
        if n < 2:
            return f"{self.label:34} {n} requests, {len(self.errors)} errors"
        q = statistics.quantiles(self.latencies, n=100)
        return (
            f"{self.label:34} {n / self.seconds:7.1f} req/s   p50 {q[49]:7.1f}   p95 {q[94]:7.1f}"
            f"   p99 {q[98]:7.1f} ms   errors {len(self.errors)}"
        )

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies)


def drive(
    label: str,
    port: int,
    path: str,
    queries: QuerySource,
    clients: int,
    until: Callable[[float], bool],
) -> Run:
    """``clients`` threads send GET ``path`` with fresh queries until ``until(elapsed)``."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    started = time.perf_counter()

    def client() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        mine, bad = [], []
        while not until(time.perf_counter() - started):
            q, year = queries.next()
            params = {"q": q, **({"year": year} if year else {})}
            t0 = time.perf_counter()
            try:
                conn.request("GET", f"{path}?{urlencode(params)}")
                response = conn.getresponse()
                body = response.read()
                if response.status != 200:
                    bad.append(f"HTTP {response.status}: {body[:200]!r}")
                    continue
                mine.append((time.perf_counter() - t0) * 1000)
            except (OSError, http.client.HTTPException) as exc:
                bad.append(f"{type(exc).__name__}: {exc}")
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=60)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors.extend(bad)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Run(label, time.perf_counter() - started, latencies, errors)


def for_seconds(seconds: float) -> Callable[[float], bool]:
    return lambda elapsed: elapsed >= seconds


# -- corpus --------------------------------------------------------------------------------


def prepare(work: Path, n: int, reuse: bool) -> list[Document]:
    """The synthetic corpus, its index and its FTS5 database under ``work``."""
    docs = [
        dataclasses.replace(d, extractor_version=EXTRACTOR_VERSION)
        for d in generate_documents(n)
    ]
    ready = (work / "index" / "current").exists() and (work / "fts.db").exists()
    if reuse and ready:
        print(f"Reusing the index and FTS5 database in {work}")
        return docs
    shutil.rmtree(work / "corpus", ignore_errors=True)
    write_corpus(work / "corpus", docs)
    started = time.perf_counter()
    summary = build_index(work / "corpus", work / "index", recreate=True, extract=False)
    print(f"Indexed {summary.documents} documents ({summary.passages} passages)"
          f" in {time.perf_counter() - started:.0f} s")
    (work / "fts.db").unlink(missing_ok=True)
    fts_build(work / "fts.db", docs).close()
    return docs


def new_documents(word: str) -> list[Document]:
    """Documents that only the rebuilt index has: they all carry ``word``."""
    text = (
        f"Ministers welcomed the {word} initiative on digital trade for small enterprises,"
        " and asked officials to report on its progress to the next meeting."
    )
    return [
        Document(
            url=f"https://bench.example/new/{word}/{i}",
            final_url=f"https://bench.example/new/{word}/{i}",
            canonical_url=f"https://bench.example/new/{word}/{i}",
            title=f"Statement on the {word} initiative {i}",
            content_type="html",
            sha256=f"{word}{i}".encode().hex().ljust(64, "0")[:64],
            fetched_at="2026-02-01T00:00:00+00:00",
            paragraphs=[Paragraph(text)],
            year=2026,
            extractor_version=EXTRACTOR_VERSION,
        )
        for i in range(NEW_DOCS)
    ]


def rebuild_phase(work: Path, port: int, queries: QuerySource, clients: int) -> tuple[Run, str]:
    """Load /api/search while the index is rebuilt from the corpus plus new documents."""
    word = "zq" + "".join(random.choice("bcdfghjklmnpqrstvwxz") for _ in range(8))
    plus = work / "corpus-plus"
    shutil.rmtree(plus, ignore_errors=True)
    shutil.copytree(work / "corpus", plus)
    write_corpus(plus, new_documents(word))
    before = get_json(port, "/api/search", q=word)["total"]
    docs_before = json.loads((work / "index" / "current" / "index_meta.json").read_text())
    build = subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "index", "--corpus", str(plus),
         "--index", str(work / "index"), "--recreate"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    finished: list[float] = []

    def until(elapsed: float) -> bool:
        if not finished and build.poll() is not None:
            finished.append(elapsed)
        return (bool(finished) and elapsed >= finished[0] + 5) or elapsed > MAX_REBUILD_WAIT

    run = drive("apec /api/search during rebuild", port, "/api/search", queries, clients, until)
    output = build.communicate()[0]
    after = get_json(port, "/api/search", q=word)["total"]
    meta = json.loads((work / "index" / "current" / "index_meta.json").read_text())
    report = (
        f"rebuild: exit {build.returncode} after {finished[0] if finished else float('nan'):.0f} s"
        f" under load; new word {word!r}: {before} documents before, {after} after"
        f" (expected {NEW_DOCS}); index documents {docs_before['documents']} ->"
        f" {meta['documents']}\n  build said: {output.strip().splitlines()[-1] if output else ''}"
    )
    if build.returncode != 0 or after != NEW_DOCS or before != 0:
        report += "\n  FAILED: the new generation is not what is served"
    return run, report


# -- profile -------------------------------------------------------------------------------


def profile(work: Path, n: int = 300) -> None:
    import cProfile
    import pstats

    from indexer.search import Engine

    engine = Engine(work / "index")
    source = QuerySource(seed=99)
    batch = [source.next() for _ in range(n)]
    for q, _ in batch[:20]:
        engine.search(q)  # open the generation, warm the caches
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for q, year in batch:
        engine.search(q, year=tuple(map(int, year.split("-"))) if year else None)
    profiler.disable()
    print(f"\nProfile of Engine.search, {n} queries in-process:"
          f" {(time.perf_counter() - started) / n * 1000:.1f} ms each (with profiler)")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(18)


# -- main ----------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "apec-load")
    ap.add_argument("--reuse", action="store_true", help="reuse the index and FTS5 db built before")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=30.0, help="length of each phase")
    ap.add_argument("--threads", type=int, default=8, help="waitress threads, both servers")
    ap.add_argument("--profile", action="store_true", help="also profile Engine.search")
    ap.add_argument("--skip-rebuild", action="store_true")
    ap.add_argument("--serve-fts", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve_fts:  # the FTS5 server subprocess
        serve_fts(args.serve_fts, args.port, args.threads)
        return
    if not (1 <= args.clients <= 64 and 1 <= args.seconds <= 600):
        raise SystemExit("--clients must be 1-64 and --seconds 1-600")

    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    prepare(work, args.docs, args.reuse)
    if args.profile:
        profile(work)
    queries = QuerySource(seed=int(time.time()))
    apec_port, fts_port = free_port(), free_port()
    apec = start_server(
        ["-m", "indexer.cli", "serve", "--index", str(work / "index"), "--host", HOST,
         "--port", str(apec_port), "--threads", str(args.threads)],
        apec_port,
        work / "apec-serve.log",
    )
    fts = start_server(
        [__file__, "--serve-fts", str(work / "fts.db"), "--port", str(fts_port),
         "--threads", str(args.threads)],
        fts_port,
        work / "fts-serve.log",
    )
    runs: list[Run] = []
    try:
        for port in (apec_port, fts_port):  # open the index / database before timing
            get_json(port, "/api/search", q="trade finance")
        print(f"\n{args.clients} clients, {args.seconds:.0f} s per phase, waitress with"
              f" {args.threads} threads, {args.docs} documents\n")
        for label, port, path in [
            ("apec /api/search", apec_port, "/api/search"),
            ("apec /search (HTML)", apec_port, "/search"),
            ("FTS5 /api/search", fts_port, "/api/search"),
        ]:
            runs.append(drive(label, port, path, queries, args.clients, for_seconds(args.seconds)))
            print(runs[-1].line())
        print(f"{'ratio p50 apec/FTS5 (/api/search)':34} {runs[0].p50 / runs[2].p50:7.2f}")
        if not args.skip_rebuild:
            run, report = rebuild_phase(work, apec_port, queries, args.clients)
            runs.append(run)
            print(run.line())
            print(report)
    finally:
        stop(apec)
        stop(fts)
    for run in runs:
        for error in itertools.islice(dict.fromkeys(run.errors), 5):
            print(f"  {run.label}: {error}")


if __name__ == "__main__":
    main()
