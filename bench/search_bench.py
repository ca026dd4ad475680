"""Index a synthetic corpus with apec-search and with SQLite FTS5, then time the same queries.

    python bench/search_bench.py [--docs 10000] [--queries 200] [--workdir DIR]

Both engines do the same work per query: passages matching all the words (or the phrase,
or a word within a year range), the best 10 documents, one snippet each, the total number
of documents and per-year counts. Timings are warm (every query is run once first).
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import BenchQuery, generate_documents, sample_queries, write_corpus  # noqa: E402
from indexer.index.build import build_index  # noqa: E402
from indexer.index.passages import make_passages  # noqa: E402
from indexer.model import Document  # noqa: E402
from indexer.search import Engine  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fts_build(path: Path, docs: list[Document]) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute(
        "CREATE VIRTUAL TABLE p USING fts5(title, body, doc_id UNINDEXED, year UNINDEXED,"
        " tokenize='porter unicode61 remove_diacritics 2')"
    )
    rows = (
        (doc.title, passage.text, doc.id, doc.year)
        for doc in docs
        for passage in make_passages(doc.paragraphs)
    )
    db.executemany("INSERT INTO p VALUES (?, ?, ?, ?)", rows)
    db.commit()
    return db


def fts_match(q: BenchQuery) -> str:
    if q.kind == "phrase":
        return '"' + q.text.replace('"', "") + '"'
    return " AND ".join(f'"{w}"' for w in q.text.split())


def fts_query(
    db: sqlite3.Connection, match: str, year: tuple[int, int] | None
) -> tuple[list[tuple], list[tuple]]:
    """The FTS5 side of a search: the best 10 documents as (doc_id, title, snippet), one row
    each, and (year, documents) counts."""
    where = "p MATCH ?"
    args: list = [match]
    if year:
        where += " AND year BETWEEN ? AND ?"
        args += list(year)
    top = db.execute(
        "SELECT doc_id, title, snippet(p, 1, '<mark>', '</mark>', '…', 40) FROM p"
        f" WHERE {where} ORDER BY bm25(p, 2.0, 1.0) LIMIT 100",
        args,
    ).fetchall()
    seen: dict[str, tuple] = {}
    for row in top:
        if row[0] not in seen and len(seen) < 10:
            seen[row[0]] = row
    years = db.execute(
        f"SELECT year, COUNT(DISTINCT doc_id) FROM p WHERE {where} GROUP BY year", args
    ).fetchall()
    return list(seen.values()), years


def fts_search(db: sqlite3.Connection, q: BenchQuery) -> int:
    _, years = fts_query(db, fts_match(q), q.year)
    return sum(n for _, n in years)


def apec_search(engine: Engine, q: BenchQuery) -> int:
    text = f'"{q.text}"' if q.kind == "phrase" else q.text
    return engine.search(text, year=q.year)["total"]


def timed(fn, queries) -> tuple[list[float], list[int]]:
    for q in queries:  # warm up
        fn(q)
    times, totals = [], []
    for q in queries:
        started = time.perf_counter()
        totals.append(fn(q))
        times.append((time.perf_counter() - started) * 1000)
    return times, totals


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100)[int(p) - 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="search-bench-"))
    work.mkdir(parents=True, exist_ok=True)

    docs = list(generate_documents(args.docs, args.seed))
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} documents, {words / len(docs):.0f} words each on average, in {work}")
    write_corpus(work / "corpus", docs)
    queries = sample_queries(docs, args.queries)

    started = time.perf_counter()
    summary = build_index(work / "corpus", work / "index", recreate=True, extract=False)
    apec_secs = time.perf_counter() - started
    apec_peak = peak_mb()
    started = time.perf_counter()
    again = build_index(work / "corpus", work / "index", extract=False)
    reuse_secs = time.perf_counter() - started
    (work / "fts.db").unlink(missing_ok=True)
    started = time.perf_counter()
    db = fts_build(work / "fts.db", docs)
    fts_secs = time.perf_counter() - started

    engine = Engine(work / "index")
    apec_times, apec_totals = timed(lambda q: apec_search(engine, q), queries)
    fts_times, fts_totals = timed(lambda q: fts_search(db, q), queries)
    agree = sum(a == f for a, f in zip(apec_totals, fts_totals, strict=True))

    print(f"\nIndexing ({summary.passages} passages)")
    print(f"  apec-search  {len(docs) / apec_secs:8.0f} docs/s  ({apec_secs:.1f} s, full build)")
    print(
        f"  apec-search  {len(docs) / reuse_secs:8.0f} docs/s  ({reuse_secs:.1f} s, nothing"
        f" changed: {again.reused} reused)"
    )
    print(f"  SQLite FTS5  {len(docs) / fts_secs:8.0f} docs/s  ({fts_secs:.1f} s)")
    print(f"\nQueries ({len(queries)}, warm)      p50 ms   p95 ms")
    a50, a95 = pct(apec_times, 50), pct(apec_times, 95)
    f50, f95 = pct(fts_times, 50), pct(fts_times, 95)
    print(f"  apec-search            {a50:7.2f}  {a95:7.2f}")
    print(f"  SQLite FTS5            {f50:7.2f}  {f95:7.2f}")
    print(f"  ratio apec/FTS5        {a50 / f50:7.2f}  {a95 / f95:7.2f}")
    for kind in ("word", "and", "phrase", "year"):
        at = [t for t, q in zip(apec_times, queries, strict=True) if q.kind == kind]
        ft = [t for t, q in zip(fts_times, queries, strict=True) if q.kind == kind]
        a, f = statistics.median(at), statistics.median(ft)
        print(f"    {kind:7} apec p50 {a:6.2f}  fts p50 {f:6.2f}")
    print(f"\nSame document totals on {agree}/{len(queries)} queries (stemmers differ)")
    print(f"Peak memory: {apec_peak:.0f} MB after indexing, {peak_mb():.0f} MB at the end")


if __name__ == "__main__":
    main()
