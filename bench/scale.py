"""Scale: index a synthetic corpus of about 100,000 passages and report what it costs.

    python bench/scale.py [--passages 100000] [--queries 200] [--workdir DIR] [--tracemalloc]

Prints build time, index size on disk, peak memory of the process (ru_maxrss; with
--tracemalloc also the Python heap's peak, which slows the build down) and the warm query
latency (p50/p95) of Engine.search over the benchmark's query mix (words, two-word ANDs,
phrases, a word within a year range).
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import generate_documents, sample_queries, write_corpus  # noqa: E402
from indexer.extract import EXTRACTOR_VERSION  # noqa: E402
from indexer.index.build import build_index  # noqa: E402
from indexer.index.passages import make_passages  # noqa: E402
from indexer.model import Document  # noqa: E402
from indexer.search import Engine  # noqa: E402


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def documents_for(passages: int) -> list[Document]:
    """Synthetic documents, in order, until they hold ``passages`` passages."""
    docs, total = [], 0
    for doc in generate_documents(10**9):
        docs.append(dataclasses.replace(doc, extractor_version=EXTRACTOR_VERSION))
        total += len(make_passages(doc.paragraphs))
        if total >= passages:
            return docs
    return docs


def disk_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--passages", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--tracemalloc", action="store_true")
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="apec-scale-"))
    work.mkdir(parents=True, exist_ok=True)

    docs = documents_for(args.passages)
    words = sum(len(d.text.split()) for d in docs)
    write_corpus(work / "corpus", docs)
    print(f"{len(docs)} documents, {words / 1e6:.1f} M words, in {work}")
    print(f"Memory before building: {rss_mb():.0f} MB (the corpus held in memory)")

    if args.tracemalloc:
        tracemalloc.start()
    started = time.perf_counter()
    summary = build_index(work / "corpus", work / "index", recreate=True, extract=False)
    build_secs = time.perf_counter() - started
    heap = tracemalloc.get_traced_memory()[1] / 1e6 if args.tracemalloc else None
    tracemalloc.stop()
    build_rss = rss_mb()

    print(
        f"\nBuild: {summary.documents} documents, {summary.passages} passages in"
        f" {build_secs:.0f} s ({summary.documents / build_secs:.0f} docs/s,"
        f" {summary.passages / build_secs:.0f} passages/s)"
    )
    print(
        f"Index on disk: {disk_mb(summary.path):.0f} MB ({summary.path.name});"
        f" corpus (extracted JSON) {disk_mb(work / 'corpus'):.0f} MB"
    )
    print(
        f"Peak RSS after the build: {build_rss:.0f} MB"
        + (f"; Python heap peak during the build: {heap:.0f} MB" if heap else "")
    )

    engine = Engine(work / "index")
    started = time.perf_counter()
    engine.stats()
    print(f"Opening the index in the Engine: {time.perf_counter() - started:.2f} s")
    queries = sample_queries(docs, args.queries)
    for q in queries:  # warm up
        engine.search(f'"{q.text}"' if q.kind == "phrase" else q.text, year=q.year)
    times: dict[str, list[float]] = {}
    for q in queries:
        t0 = time.perf_counter()
        engine.search(f'"{q.text}"' if q.kind == "phrase" else q.text, year=q.year)
        times.setdefault(q.kind, []).append((time.perf_counter() - t0) * 1000)
    every = [t for ts in times.values() for t in ts]
    cuts = statistics.quantiles(every, n=100)
    print(
        f"\nQueries ({len(every)}, warm): p50 {cuts[49]:.1f} ms, p95 {cuts[94]:.1f} ms,"
        f" max {max(every):.1f} ms"
    )
    for kind, ts in times.items():
        print(f"  {kind:7} p50 {statistics.median(ts):7.1f} ms   max {max(ts):7.1f} ms")
    print(f"Peak RSS at the end: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
