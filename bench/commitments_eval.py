"""Measure commitment detection on a labelled set, before (an older commit) and after (this
checkout), in one run; optionally the time the commitment pass adds to indexing.

    python bench/commitments_eval.py bench/data/commitments/tuning.json [--before d617c96]
                                     [--show-errors] [--timing]

FILE is a list of labelled sentences (format: bench/data/README.md). For each of the two
versions it prints detection precision and recall, strength accuracy (on the sentences both
labelled and detected as commitments), topic precision and recall (micro-averaged over the
labelled commitments), year accuracy (on the detected commitments), and the false
positives by kind. The older version is checked out into a temporary git worktree and run
in a subprocess (bench/commitments_predict.py with it on PYTHONPATH); the worktree is
removed afterwards.

`--timing` also builds an index of two synthetic corpora and reports the seconds spent in
the commitment pass against the whole build, then rebuilds with nothing changed (the pass
reuses the previous generation's records).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREDICT = ROOT / "bench" / "commitments_predict.py"
BEFORE = "d617c96"  # main before the commitments rework (issue 13)


def predictions(labels: Path, checkout: Path) -> dict[str, dict]:
    """What the code in `checkout` predicts for each row of `labels`, by row id."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run(
        [sys.executable, str(PREDICT), str(labels)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=checkout,
    )
    return json.loads(out.stdout)


def predictions_before(labels: Path, commit: str) -> dict[str, dict]:
    """Predictions of the code at `commit`, from a temporary worktree."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "before"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit],
            check=True,
            capture_output=True,
        )
        try:
            return predictions(labels, tree)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                check=False,
                capture_output=True,
            )


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a (0/0)"


def scores(rows: list[dict], predicted: dict[str, dict]) -> tuple[dict[str, str], list[str]]:
    """The figures for one version, and its errors (one line each)."""
    tp = fp = fn = strength_ok = year_ok = 0
    topic_tp = topic_fp = topic_fn = 0
    fp_kinds: Counter[str] = Counter()
    errors = []
    for row in rows:
        guess = predicted[row["id"]]
        text = row["text"]
        if row["commitment"]:
            got, want = set(guess["topics"]), set(row["topics"])
            topic_tp += len(got & want)
            topic_fp += len(got - want)
            topic_fn += len(want - got)
            if got != want:
                errors.append(f"topics {sorted(got)} != {sorted(want)}: {text}")
        if guess["commitment"] and row["commitment"]:
            tp += 1
            strength_ok += guess["strength"] == row["strength"]
            year_ok += guess["year"] == row["year"]
            if guess["strength"] != row["strength"]:
                errors.append(f"strength {guess['strength']} != {row['strength']}: {text}")
            if guess["year"] != row["year"]:
                errors.append(f"year {guess['year']} != {row['year']}: {text}")
        elif guess["commitment"]:
            fp += 1
            fp_kinds[row["kind"]] += 1
            errors.append(f"false positive [{row['kind']}]: {text}")
        elif row["commitment"]:
            fn += 1
            errors.append(f"missed [{row['kind']}] ({row['strength']}): {text}")
    figures = {
        "detection precision": _ratio(tp, tp + fp),
        "detection recall": _ratio(tp, tp + fn),
        "strength accuracy": _ratio(strength_ok, tp),
        "topic precision": _ratio(topic_tp, topic_tp + topic_fp),
        "topic recall": _ratio(topic_tp, topic_tp + topic_fn),
        "year accuracy": _ratio(year_ok, tp),
        "false positives by kind": ", ".join(f"{k} {n}" for k, n in fp_kinds.most_common())
        or "none",
    }
    return figures, errors


def evaluate(labels: Path, before: str, show_errors: bool) -> None:
    rows = json.loads(labels.read_text(encoding="utf-8"))
    kinds = Counter(r["kind"] for r in rows)
    positives = sum(r["commitment"] for r in rows)
    print(f"{labels}: {len(rows)} sentences, {positives} commitments, {len(rows) - positives} not")
    print("  kinds: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    runs = {
        f"before ({before})": predictions_before(labels, before),
        "after (this checkout)": predictions(labels, ROOT),
    }
    results = {name: scores(rows, found) for name, found in runs.items()}
    names = list(results)
    width = max(len(k) for k in results[names[0]][0])
    print(f"\n{'':{width}}  " + "  ".join(f"{n:<26}" for n in names))
    for key in results[names[0]][0]:
        print(f"{key:<{width}}  " + "  ".join(f"{results[n][0][key]:<26}" for n in names))
    if show_errors:
        print(f"\nErrors {names[-1]}:")
        for line in results[names[-1]][1]:
            print("  " + line)


# -- timing ------------------------------------------------------------------------------

COMMITMENT_SENTENCES = [
    "We agree to strengthen access to finance for micro and small enterprises.",
    "We endorse the roadmap on the digitalisation of MSMEs.",
    "We encourage economies to support women-led start-ups.",
    "We welcome the report on global value chains and exporters.",
    "We note with concern the impact of natural disasters on small firms.",
    "Ministers will continue to promote the green and circular economy.",
]
OTHER_SENTENCES = [
    "Small and medium enterprises account for most businesses in the region.",
    "The working group met twice during the year to review its projects.",
    "Surveys show that informal enterprises face barriers to credit and markets.",
    "The meeting was held under the chairmanship of the Minister of Economy.",
    "Innovation and data help firms adapt to new technologies and customers.",
    "Our commitment to open markets has guided the work programme since 1994.",
]


def synthetic_docs(count: int, paragraphs: int, seed: int = 7) -> list:
    """Made-up statements: numbered paragraphs, a few instruction lists, a year each."""
    from indexer.model import Paragraph
    from tests.helpers import make_document

    rng = random.Random(seed)
    docs = []
    for n in range(count):
        paras: list[Paragraph | str] = []
        for p in range(paragraphs):
            if p % 10 == 9:
                paras.append("We instruct officials to:")
                paras.extend(
                    Paragraph(f"- {rng.choice(OTHER_SENTENCES).lower()}", kind="li")
                    for _ in range(3)
                )
                continue
            pool = COMMITMENT_SENTENCES if rng.random() < 0.4 else OTHER_SENTENCES
            sentences = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 4)))
            paras.append(f"{p + 1}. {sentences}")
        docs.append(
            make_document(
                f"https://example.org/synthetic/{n}",
                f"Synthetic Statement {n}",
                paras,
                year=1994 + n % 30,
            )
        )
    return docs


def time_indexing(label: str, docs: list, write) -> None:
    """Build an index of `docs` (stored by `write(root, docs)`), then build it again."""
    from indexer.index.build import build_index

    with tempfile.TemporaryDirectory() as tmp:
        corpus = write(Path(tmp) / "corpus", docs)
        started = time.perf_counter()
        first = build_index(corpus, Path(tmp) / "index")
        total = time.perf_counter() - started
        again = build_index(corpus, Path(tmp) / "index")
    share = first.commitment_seconds / total if total else 0.0
    print(
        f"{label}: {len(docs)} documents, {first.passages} passages,"
        f" {first.commitments} commitment records"
    )
    print(
        f"  full build {total:.2f} s, of which the commitment pass {first.commitment_seconds:.2f} s"
        f" ({share:.1%}; {1000 * first.commitment_seconds / len(docs):.2f} ms per document)"
    )
    print(
        f"  rebuild with nothing changed: commitment pass {again.commitment_seconds:.3f} s"
        f" (records reused), whole build {again.seconds:.2f} s"
    )


def timing(docs: int, paragraphs: int, bench_docs: int) -> None:
    sys.path.insert(0, str(ROOT))
    from bench.synthetic import generate_documents, write_corpus
    from tests.helpers import make_corpus

    statements = synthetic_docs(docs, paragraphs)
    time_indexing(
        f"Statement-like corpus ({paragraphs} paragraphs a document)",
        statements,
        lambda root, d: make_corpus(root.parent, d),
    )
    time_indexing(
        "Index benchmark corpus (bench/synthetic.py)",
        list(generate_documents(bench_docs)),
        write_corpus,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="labelled sentences (bench/data/README.md)")
    parser.add_argument("--before", default=BEFORE, help="the commit to compare with")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--timing", action="store_true", help="also time the commitment pass")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--paragraphs", type=int, default=30)
    parser.add_argument("--bench-docs", type=int, default=1000)
    args = parser.parse_args()
    evaluate(args.file.resolve(), args.before, args.show_errors)
    if args.timing:
        print()
        timing(args.docs, args.paragraphs, args.bench_docs)


if __name__ == "__main__":
    main()
