"""Search relevance on an evaluation set, before (the code of commit d617c96) and after.

    python bench/relevance_eval.py bench/data/search_tuning [--before d617c96] [--verbose]

The set folder holds `docs/*.json` page files and `queries.json` (bench/data/README.md).
For each side, a subprocess with that side's code first on the import path builds the
set's index with `bench/realdocs.py` (extract + index, as a crawl would), runs every query
through `Engine.search(q, limit=10)` and reports the page ids it shows, in order: the
results, then (where the code has them) the "also matching some of your words" results.
The old code is checked out with `git worktree add --detach` into a temporary folder,
removed afterwards.

Printed per side: recall@10 (the share of each query's relevant pages, at most ten, that
the first ten shown hold, averaged over queries) and MRR (the mean of 1/rank of the first
relevant page; 0 when none is shown); for the new code also the figures on `results` alone.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from indexer.search import Engine

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "d617c96"
SHOWN = 10


def run_queries(set_dir: Path) -> dict[str, dict[str, list[str]]]:
    """Worker side: build the set's index and run its queries with the code on the path.

    Returns {query id: {"results": [page id...], "partial": [page id...]}}.
    """
    from bench.realdocs import build_set_index, load_pages, url_to_id

    pages = load_pages(set_dir / "docs")
    ids = url_to_id(pages)
    queries = json.loads((set_dir / "queries.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="relevance-") as tmp:
        engine = Engine(build_set_index(pages, Path(tmp)))
        out = {}

        def page_ids(results: list[dict]) -> list[str]:
            return [ids.get(r["url"]) or ids.get(r.get("fetched_url"), r["url"]) for r in results]

        for q in queries:
            found = engine.search(q["query"], limit=SHOWN)
            out[q["id"]] = {
                "results": page_ids(found["results"]),
                "partial": page_ids(found.get("partial", [])),
            }
        engine.close()
    return out


def scores(queries: list[dict], shown: dict[str, list[str]]) -> tuple[float, float]:
    """(mean recall@10, MRR) of the ranked page ids ``shown`` per query id."""
    recall = rr = 0.0
    for q in queries:
        ranked = shown[q["id"]][:SHOWN]
        relevant = set(q["relevant"])
        recall += len(relevant & set(ranked)) / min(SHOWN, len(relevant))
        first = next((i for i, page in enumerate(ranked, 1) if page in relevant), None)
        rr += 1 / first if first else 0.0
    return recall / len(queries), rr / len(queries)


def side(set_dir: Path, code: Path) -> dict[str, dict[str, list[str]]]:
    """Run the worker in a subprocess with ``code`` first on the import path."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), str(set_dir.resolve()), "--worker"],
        cwd=code,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode:
        raise SystemExit(f"the evaluation with the code in {code} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("set_dir", type=Path, help="folder with docs/ and queries.json")
    ap.add_argument("--before", default=BEFORE, help="commit of the 'before' code")
    ap.add_argument("--verbose", action="store_true", help="show each query's ranking")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(run_queries(args.set_dir)))
        return

    queries = json.loads((args.set_dir / "queries.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="relevance-before-") as tmp:
        old = Path(tmp) / "code"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), args.before],
            check=True,
            capture_output=True,
        )
        try:
            before = side(args.set_dir, old)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)],
                check=False,
                capture_output=True,
            )
    after = side(args.set_dir, ROOT)

    def shown(found: dict, with_partial: bool = True) -> dict[str, list[str]]:
        return {k: v["results"] + (v["partial"] if with_partial else []) for k, v in found.items()}

    print(f"{args.set_dir}: {len(queries)} queries")
    print(f"{'':34} recall@10    MRR")
    rows = [
        (f"before ({args.before})", shown(before)),
        ("after: results + partial (shown)", shown(after)),
        ("after: results only", shown(after, with_partial=False)),
    ]
    for label, ranked in rows:
        recall, mrr = scores(queries, ranked)
        print(f"  {label:32} {recall:9.3f}  {mrr:6.3f}")
    if args.verbose:
        for q in queries:

            def mark(ids: list[str], rel: frozenset[str] = frozenset(q["relevant"])) -> str:
                return " ".join(f"*{i}" if i in rel else i for i in ids[:SHOWN])

            print(f"\n{q['id']} {q['query']!r}  relevant: {', '.join(q['relevant'])}")
            print(f"  before: {mark(shown(before)[q['id']])}")
            print(f"  after:  {mark(after[q['id']]['results'])}")
            if after[q["id"]]["partial"]:
                print(f"  partial: {mark(after[q['id']]['partial'])}")


if __name__ == "__main__":
    main()
