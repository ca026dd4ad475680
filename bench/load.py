"""Load test: `apec-search serve` (this code, and the code of an earlier commit) against a
minimal SQLite FTS5 app over the same passages, and while `apec-search index --recreate`
swaps a new generation in.

    python bench/load.py [--docs 10000] [--real-docs 124 | --pages DIR | --real]
                         [--clients 1,8,16] [--rounds 3] [--seconds 10] [--threads 8]
                         [--workers N] [--before d617c96] [--workdir DIR] [--reuse]
                         [--profile] [--skip-rebuild]

Everything runs on 127.0.0.1 and is bounded in time (each phase `--seconds`, the rebuild
at most MAX_REBUILD_WAIT). Corpora: one the size of the real mirror (`--real-docs`
synthetic documents of realistic length; the page files of `--pages DIR`, a folder in the
format of bench/data/README.md; or with `--real` the real-page development set's cached
pages, crawled from a loopback site as bench/real_eval.py does) and `--docs` synthetic
documents (0 skips it).

Servers, each a subprocess: *after* is this code's `apec-search serve --workers N`
(gunicorn, the gthread worker); *before* the same command of the `--before` commit
(checked out with `git worktree add --detach`, removed afterwards; d617c96 serves with
waitress); *FTS5 alike*, a minimal Flask app over an FTS5 table of the same passages
served exactly as ours (the same gunicorn settings, workers and threads); and *FTS5 one
process*, that app under one waitress process with the same threads (the earlier peer).
The load starts once every server is idle (its workers' warm-up done; at most
MAX_WARM_UP_WAIT). Clients are threads on keep-alive connections; every request carries a
different query of one or two words drawn from the corpus's text (see ``unique_queries``;
one in eight with a misspelt word). Each phase runs `--rounds` alternating rounds: in a
round every server gets the same fresh queries, and every other round the servers go in
reverse order.

Printed per corpus and number of clients, for each server the median over the rounds of
requests/s, p50, p95 and p99, its errors, and the ratios of its p50 and p95 to both FTS5
servers'; then each process's memory (RSS and PSS, which counts shared pages once). Then
the load on the real-size corpus while the index is rebuilt: errors must be 0 and the new
generation served once swapped in.
"""

from __future__ import annotations

import argparse
import dataclasses
import http.client
import itertools
import json
import os
import random
import re
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
from contextlib import nullcontext
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_bench import fts_build, fts_query  # noqa: E402
from bench.synthetic import generate_documents, write_corpus  # noqa: E402
from indexer.cli.serve import cores, run_gunicorn  # noqa: E402
from indexer.crawl.corpus import Corpus  # noqa: E402
from indexer.extract import EXTRACTOR_VERSION  # noqa: E402
from indexer.index.analysis import STOP_WORDS  # noqa: E402
from indexer.index.build import build_index  # noqa: E402
from indexer.model import Document, Paragraph  # noqa: E402
from indexer.search import Engine  # noqa: E402

HOST = "127.0.0.1"
NEW_DOCS = 20  # documents added for the rebuild phase
MAX_REBUILD_WAIT = 900  # seconds of load at most while the rebuild runs
TYPO_EVERY = 8  # one query in eight has a misspelt word
IDLE_CPU = 0.05  # CPU seconds a second of servers that have finished warming up
MAX_WARM_UP_WAIT = 300  # seconds


# -- queries -------------------------------------------------------------------------------


def text_words(docs: list[Document]) -> list[str]:
    """Every word occurrence of the documents (lowercase, letters only, no stop words):
    drawing from it picks words as often as the text uses them."""
    out = []
    for doc in docs:
        for p in doc.paragraphs:
            out.extend(w for w in re.findall(r"[a-z]{3,}", p.text.lower()) if w not in STOP_WORDS)
    return out


def unique_queries(words: list[str], seed: int) -> Iterator[str]:
    """One or two words, never the same query twice. Each word is drawn half the time from
    ``words`` as the text uses them (common words often: the costly queries), half the time
    from its distinct words (the long tail); every TYPO_EVERY-th query has one word
    misspelt by one edit (a letter replaced, dropped or doubled)."""
    rng = random.Random(seed)
    distinct = sorted(set(words))
    long_words = [w for w in distinct if len(w) >= 5]
    seen: set[str] = set()
    for n in itertools.count():
        while True:
            picked = [
                rng.choice(words if rng.random() < 0.5 else distinct)
                for _ in range(rng.choice((1, 2, 2)))
            ]
            if n % TYPO_EVERY == 0:
                w, i = rng.choice(long_words), rng.randrange(1, 4)
                picked[0] = rng.choice(
                    (
                        w[:i] + rng.choice("aeiourst") + w[i + 1 :],
                        w[:i] + w[i + 1 :],
                        w[:i] + w[i] + w[i:],
                    )
                )
            q = " ".join(picked)
            if q not in seen:
                seen.add(q)
                yield q
                break


class QuerySource:
    """One shared, thread-safe stream of distinct queries."""

    def __init__(self, words: list[str], seed: int):
        self._it = unique_queries(words, seed)
        self._lock = threading.Lock()

    def next(self) -> str:
        with self._lock:
            return next(self._it)


# -- servers -------------------------------------------------------------------------------


@dataclasses.dataclass
class Server:
    label: str
    proc: subprocess.Popen
    port: int

    def memory(self) -> str:
        """RSS and PSS (MB) of the server process and of each worker it forked."""
        pids = [self.proc.pid, *children(self.proc.pid)]
        parts = []
        for pid in pids:
            rss, pss = memory_mb(pid)
            role = "worker" if pid != self.proc.pid else "master" if len(pids) > 1 else "process"
            parts.append(f"{role} {pid}: RSS {rss:.0f} MB, PSS {pss:.0f} MB")
        return "; ".join(parts)


def children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return sorted(out)


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of process ``pid`` so far, seconds (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_idle(servers: list[Server], most: float = MAX_WARM_UP_WAIT) -> float:
    """Wait until the servers' processes have used under IDLE_CPU of a core over a second
    (a worker's warm-up done: the load measures servers as they run, not as they start),
    at most ``most`` seconds; returns the seconds waited."""
    started = time.monotonic()
    pids = [pid for s in servers for pid in (s.proc.pid, *children(s.proc.pid))]
    used = sum(map(cpu_seconds, pids))
    while time.monotonic() - started < most:
        time.sleep(1.0)
        now = sum(map(cpu_seconds, pids))
        if now - used < IDLE_CPU:
            break
        used = now
    return time.monotonic() - started


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) in MB from /proc/PID/smaps_rollup (Linux)."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("Rss", "Pss"):
                values[key] = int(rest.split()[0]) / 1024
    except OSError:
        pass
    return values.get("Rss", 0.0), values.get("Pss", 0.0)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(label: str, args: list[str], log: Path, cwd: Path = ROOT, env=None) -> Server:
    """Start a server subprocess listening on a free port (its output to ``log``: an
    unread pipe would fill up and stall the server)."""
    port = free_port()
    args = [a.replace("{port}", str(port)) for a in args]
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, *args], cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{label} exited: {log.read_text()[-2000:]}")
        try:
            get_json(port, "/api/search", q="trade finance")  # also opens the index
            return Server(label, proc, port)
        except (OSError, RuntimeError, http.client.HTTPException):
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"{label} did not start within 60 s")


def stop(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(20)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait()


def get_json(port: int, path: str, **params: str) -> dict:
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        conn.request("GET", f"{path}?{urlencode(params)}")
        response = conn.getresponse()
        body = response.read()
    finally:
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
        words = re.findall(r"\w+", request.args.get("q", ""))
        top, years = fts_query(db(), " AND ".join(f'"{w}"' for w in words), None)
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


def serve_fts(db_path: Path, port: int, threads: int, workers: int) -> None:
    """Serve the FTS5 app as `apec-search serve` serves ours: ``workers`` > 1 with the same
    gunicorn settings (indexer.cli.serve.run_gunicorn), else one waitress process."""
    if workers > 1:
        run_gunicorn(fts_app(db_path), HOST, port, workers, threads)
        return
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
            return f"  {self.label:34} {n} requests, {len(self.errors)} errors"
        return (
            f"  {self.label:34} {n / self.seconds:7.1f} req/s   p50 {self.p50:7.1f}"
            f"   p95 {self.quantile(95):7.1f}   p99 {self.quantile(99):7.1f} ms"
            f"   errors {len(self.errors)}"
        )

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies)

    def quantile(self, k: int) -> float:
        """The k-th percentile of the latencies, ms (needs two or more)."""
        return statistics.quantiles(self.latencies, n=100)[k - 1]


@dataclasses.dataclass
class Rounds:
    """One server's runs over the alternating rounds of a phase; each figure printed is
    the median of the rounds' figures."""

    label: str
    runs: list[Run]

    def median(self, figure: Callable[[Run], float]) -> float:
        return statistics.median(figure(r) for r in self.runs if len(r.latencies) > 1)

    def answered(self) -> bool:
        return any(len(r.latencies) > 1 for r in self.runs)

    def p50(self) -> float:
        return self.median(lambda r: r.p50)

    def p95(self) -> float:
        return self.median(lambda r: r.quantile(95))

    def line(self, peers: dict[str, Rounds]) -> str:
        """The medians, and the ratios of p50 and p95 to each peer's (name -> its rounds)."""
        errors = sum(len(r.errors) for r in self.runs)
        if not self.answered():
            return f"  {self.label:34} no requests answered, {errors} errors"
        ratios = "".join(
            f"   to {name}: p50 {self.p50() / peer.p50():4.2f}x p95 {self.p95() / peer.p95():4.2f}x"
            for name, peer in peers.items()
            if peer.answered()
        )
        return (
            f"  {self.label:34} {self.median(lambda r: len(r.latencies) / r.seconds):7.1f} req/s"
            f"   p50 {self.p50():7.1f}   p95 {self.p95():7.1f}"
            f"   p99 {self.median(lambda r: r.quantile(99)):7.1f}"
            f" ms   errors {errors}{ratios}"
        )


def drive(
    label: str, port: int, queries: QuerySource, clients: int, until: Callable[[float], bool]
) -> Run:
    """``clients`` threads send GET /api/search with fresh queries until ``until(elapsed)``."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    started = time.perf_counter()

    def client() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        mine, bad = [], []
        while not until(time.perf_counter() - started):
            t0 = time.perf_counter()
            try:
                conn.request("GET", f"/api/search?{urlencode({'q': queries.next()})}")
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


# -- corpora -------------------------------------------------------------------------------


@dataclasses.dataclass
class Prepared:
    name: str
    work: Path
    docs: list[Document]
    before: bool = False  # whether the old code indexed it (and is served)


def synthetic_corpus(work: Path, n: int) -> list[Document]:
    docs = [
        dataclasses.replace(d, extractor_version=EXTRACTOR_VERSION) for d in generate_documents(n)
    ]
    write_corpus(work / "corpus", docs)
    return docs


def pages_corpus(work: Path, folder: Path) -> list[Document]:
    """The page files of ``folder`` stored and extracted as a crawl would (bench/realdocs)."""
    from bench.realdocs import load_pages
    from bench.realdocs import write_corpus as write_pages

    return stored_documents(write_pages(load_pages(folder), work / "corpus"))


def real_corpus(work: Path) -> list[Document]:
    """The real-page development set's cached pages (both halves) on a loopback site,
    crawled by `apec-search crawl` as bench/real_eval.py does; the crawl's documents."""
    sys.path.insert(0, str(ROOT / "bench"))  # real_eval imports its neighbours by name
    from real_eval import CACHE, DATA, Site, cached_pages, read_jsonl

    pages = cached_pages({p["id"]: p for p in read_jsonl(DATA / "labels.jsonl")})
    if not pages:
        raise SystemExit(f"no page text cache in {CACHE}: see bench/data/README.md")
    site = Site(pages)
    try:
        subprocess.run(
            [sys.executable, "-m", "indexer.cli", "crawl", "--seed", site.url, "--delay", "0"]
            + ["--max-pages", "5000", "--corpus", str(work / "corpus")],
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=MAX_REBUILD_WAIT,
        )
    finally:
        site.stop()
    return stored_documents(Corpus(work / "corpus"))


def stored_documents(corpus: Corpus) -> list[Document]:
    """The extracted documents of the corpus's current records."""
    docs = (corpus.load_document(r.sha256) for r in corpus.current_records() if r.sha256)
    return [d for d in docs if d is not None]


def prepare(
    name: str,
    work: Path,
    make: Callable[[Path], list[Document]],
    old: Path | None,
    reuse: bool = False,
):
    """The corpus, this code's index, the old code's index and the FTS5 database. With
    ``reuse``, a corpus already in ``work`` (from an earlier run) is kept and this code's
    index brought up to date (rebuilt only when stale, as `apec-search index` does); the
    other two are always built again. A corpus the old code cannot index (documents of a
    newer shape: a synthetic one written by this code) is measured without it, saying why."""
    if reuse and (work / "corpus").is_dir():
        docs = stored_documents(Corpus(work / "corpus"))
        print(f"{name}: reusing the {len(docs)} documents in {work / 'corpus'}")
    else:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        docs = make(work)
    before = False
    started = time.perf_counter()
    summary = build_index(work / "corpus", work / "index", recreate=not reuse, extract=False)
    print(
        f"{name}: indexed {summary.documents} documents ({summary.passages} passages)"
        f" in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    if old is not None:
        started = time.perf_counter()
        # A crawled corpus is extracted again by the old code, in a copy of its own (its
        # extractor may read documents differently; it cannot read this one's); a synthetic
        # one, stored as documents only, is indexed as it is.
        corpus, crawled = work / "corpus", any((work / "corpus" / "objects").glob("*"))
        if crawled:
            corpus = work / "corpus-before"
            shutil.rmtree(corpus, ignore_errors=True)
            shutil.copytree(work / "corpus", corpus, ignore=shutil.ignore_patterns("extracted"))
        code = (  # the build moved to indexer.index.build with the stage packages
            "import sys\ntry:\n from indexer.index.build import build_index\n"
            "except ImportError:\n from indexer.build import build_index\n"
            "build_index(sys.argv[1], sys.argv[2], recreate=True, extract=sys.argv[3] == '1')"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(corpus), str(work / "index-before"), "01"[crawled]],
            cwd=old,
            env={**os.environ, "PYTHONPATH": str(old)},
            capture_output=True,
            text=True,
        )
        before = done.returncode == 0
        if before:
            print(f"{name}: the old code indexed it in {time.perf_counter() - started:.0f} s")
        else:
            said = (done.stderr.strip().splitlines() or ["no message"])[-1]
            print(f"{name}: the old code cannot index it ({said}): measured without it")
    (work / "fts.db").unlink(missing_ok=True)
    fts_build(work / "fts.db", docs).close()
    return Prepared(name, work, docs, before)


# -- phases --------------------------------------------------------------------------------


def start_servers(p: Prepared, args, old: Path | None) -> list[Server]:
    after_args = ["-m", "indexer.cli", "serve", "--index", str(p.work / "index"), "--host", HOST]
    after_args += ["--port", "{port}", "--threads", str(args.threads)]
    after_args += ["--workers", str(args.workers)] if args.workers else []
    servers = [start_server("after (this code)", after_args, p.work / "after.log")]
    if old is not None:
        before_args = ["-m", "indexer.cli", "serve", "--index", str(p.work / "index-before")]
        before_args += ["--host", HOST, "--port", "{port}", "--threads", str(args.threads)]
        env = {**os.environ, "PYTHONPATH": str(old)}
        servers.append(
            start_server(f"before ({args.before})", before_args, p.work / "before.log", old, env)
        )
    workers = args.workers or cores()
    for label, n in ((f"FTS5 (gunicorn, {workers} workers)", workers), ("FTS5 (waitress)", 1)):
        fts_args = [__file__, "--serve-fts", str(p.work / "fts.db"), "--port", "{port}"]
        fts_args += ["--threads", str(args.threads), "--workers", str(n)]
        servers.append(start_server(label, fts_args, p.work / f"fts-{n}.log"))
    return servers


def measure(
    p: Prepared, servers: list[Server], clients: list[int], seconds: float, rounds: int
) -> None:
    """For each client count, ``rounds`` rounds in which every server gets the same fresh
    queries (new ones each round), the servers' order reversed every other round so that
    none is always measured first; then each server's medians, and the ratios to the FTS5
    servers (the last two)."""
    words = text_words(p.docs)
    for n in clients:
        print(f"\n{p.name}, {n} client{'s' if n > 1 else ''}, {rounds} rounds:", flush=True)
        runs: dict[str, list[Run]] = {s.label: [] for s in servers}
        for r in range(rounds):
            for server in servers if r % 2 == 0 else servers[::-1]:
                queries = QuerySource(words, seed=1000 * r + n)
                runs[server.label].append(
                    drive(server.label, server.port, queries, n, for_seconds(seconds))
                )
        phase = [Rounds(label, got) for label, got in runs.items()]
        peers = {"FTS5 alike": phase[-2], "FTS5 one process": phase[-1]}
        for one in phase:
            print(one.line({} if one in peers.values() else peers), flush=True)
        for one in phase:
            for run in one.runs:
                for error in itertools.islice(dict.fromkeys(run.errors), 3):
                    print(f"  {run.label}: {error}")
    print(f"\n{p.name}, memory after the load:")
    for server in servers:
        print(f"  {server.label:34} {server.memory()}")


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


def rebuild_phase(p: Prepared, server: Server, clients: int) -> tuple[Run, str]:
    """Load /api/search while the index is rebuilt from the corpus plus new documents."""
    word = "zq" + "".join(random.choice("bcdfghjklmnpqrstvwxz") for _ in range(8))
    plus = p.work / "corpus-plus"
    shutil.rmtree(plus, ignore_errors=True)
    shutil.copytree(p.work / "corpus", plus)
    write_corpus(plus, new_documents(word))
    before = get_json(server.port, "/api/search", q=word)["total"]
    build = subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "index", "--corpus", str(plus)]
        + ["--index", str(p.work / "index"), "--recreate"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    finished: list[float] = []

    def until(elapsed: float) -> bool:
        if not finished and build.poll() is not None:
            finished.append(elapsed)
        return (bool(finished) and elapsed >= finished[0] + 5) or elapsed > MAX_REBUILD_WAIT

    queries = QuerySource(text_words(p.docs), seed=7)
    run = drive(f"{server.label} during rebuild", server.port, queries, clients, until)
    if build.poll() is None:
        build.kill()
    output = build.communicate()[0]
    # Each worker must serve the new generation: ask on fresh connections.
    after = {get_json(server.port, "/api/search", q=word)["total"] for _ in range(10)}
    report = (
        f"  rebuild: exit {build.returncode} after {finished[0] if finished else float('nan'):.0f}"
        f" s under load; new word: {before} documents before, {sorted(after)} after"
        f" (expected {NEW_DOCS})\n  build said: {(output.strip().splitlines() or [''])[-1]}"
    )
    if build.returncode != 0 or after != {NEW_DOCS} or before != 0:
        report += "\n  FAILED: the new generation is not what is served"
    return run, report


# -- profile -------------------------------------------------------------------------------


def profile(p: Prepared, n: int = 300) -> None:
    """cProfile of Engine.search in this process over ``n`` queries of the load's kind."""
    import cProfile
    import pstats

    engine = Engine(p.work / "index")
    source = QuerySource(text_words(p.docs), seed=99)
    batch = [source.next() for _ in range(n)]
    for q in batch[:20]:
        engine.search(q)  # open the generation, warm the caches
    times = []
    for q in batch:
        t0 = time.perf_counter()
        engine.search(q)
        times.append((time.perf_counter() - t0) * 1000)
    q = statistics.quantiles(times, n=100)
    print(f"\nEngine.search in-process, {n} queries: p50 {q[49]:.2f} ms, p95 {q[94]:.2f} ms")
    profiler = cProfile.Profile()
    profiler.enable()
    for q in batch:
        engine.search(q)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    engine.close()


# -- main ----------------------------------------------------------------------------------


@dataclasses.dataclass
class OldCode:
    """A detached worktree of an earlier commit, removed on exit."""

    rev: str
    path: Path | None = None

    def __enter__(self) -> Path:
        self.path = Path(tempfile.mkdtemp(prefix="apec-before-"))
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(self.path), self.rev],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        return self.path

    def __exit__(self, *exc) -> None:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(self.path)], cwd=ROOT, check=False
        )
        shutil.rmtree(self.path, ignore_errors=True)


def conditions(args) -> str:
    load = os.getloadavg()
    return (
        f"{os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f};"
        f" after: `serve --workers {args.workers or 'cores'} --threads {args.threads}`;"
        f" before: its own `serve --threads {args.threads}`; FTS5: the same gunicorn, and"
        f" waitress with {args.threads} threads; {args.rounds} rounds of {args.seconds:.0f} s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000, help="large synthetic corpus (0: none)")
    ap.add_argument(
        "--real-docs", type=int, default=124, help="synthetic corpus of real size (0: none)"
    )
    ap.add_argument("--pages", type=Path, help="page files to use as the real-size corpus")
    ap.add_argument(
        "--real", action="store_true", help="the real-page mirror as the real-size corpus"
    )
    ap.add_argument("--clients", default="1,8,16", help="client counts, comma-separated")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds per phase")
    ap.add_argument("--seconds", type=float, default=10.0, help="length of each phase")
    ap.add_argument("--threads", type=int, default=8, help="threads per server process")
    ap.add_argument("--workers", type=int, help="gunicorn workers (default: the cores)")
    ap.add_argument("--before", default="d617c96", help="earlier commit to compare ('': none)")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "apec-load")
    ap.add_argument(
        "--reuse",
        action="store_true",
        help="keep the corpora already in --workdir (their index updated, not recreated)",
    )
    ap.add_argument("--profile", action="store_true", help="also profile Engine.search")
    ap.add_argument("--skip-rebuild", action="store_true")
    ap.add_argument("--serve-fts", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve_fts:  # the FTS5 server subprocess
        serve_fts(args.serve_fts, args.port, args.threads, args.workers or 1)
        return
    clients = [int(c) for c in args.clients.split(",")]
    if not (all(1 <= c <= 64 for c in clients) and 1 <= args.seconds <= 600):
        raise SystemExit("--clients must be 1-64 and --seconds 1-600")
    if not 1 <= args.rounds <= 9:
        raise SystemExit("--rounds must be 1-9")

    print(conditions(args))
    corpora: list[tuple[str, Callable[[Path], list[Document]]]] = []
    if args.real:
        corpora.append(("the real-page mirror", real_corpus))
    elif args.pages:
        corpora.append((f"pages of {args.pages}", lambda w: pages_corpus(w, args.pages)))
    elif args.real_docs:
        corpora.append(
            (f"{args.real_docs} documents", lambda w: synthetic_corpus(w, args.real_docs))
        )
    if args.docs:
        corpora.append((f"{args.docs} documents", lambda w: synthetic_corpus(w, args.docs)))
    if not corpora:
        raise SystemExit("nothing to measure: --real-docs and --docs are both 0")
    with OldCode(args.before) if args.before else nullcontext() as old:
        for i, (name, make) in enumerate(corpora):
            p = prepare(name, args.workdir / f"corpus-{i}", make, old, args.reuse)
            if args.profile and i == 0:
                profile(p)
            servers = start_servers(p, args, old if p.before else None)
            try:
                waited = wait_until_idle(servers)
                print(f"{p.name}: the servers were idle (warmed up) after {waited:.0f} s")
                measure(p, servers, clients, args.seconds, args.rounds)
                if i == 0 and not args.skip_rebuild:
                    n = max(clients)
                    print(
                        f"\n{p.name}, {n} client{'s' if n > 1 else ''} while the index is rebuilt:"
                    )
                    run, report = rebuild_phase(p, servers[0], n)
                    print(run.line())
                    for error in itertools.islice(dict.fromkeys(run.errors), 3):
                        print(f"  {run.label}: {error}")
                    print(report)
            finally:
                for server in servers:
                    stop(server)
    print(f"\nconditions at the end: {conditions(args)}")


if __name__ == "__main__":
    main()
