"""Measure commitment detection and the time the commitment pass adds to indexing.

    python bench/commitments_eval.py [--docs 300] [--paragraphs 30] [--show-errors]

1. Detection against bench/commitment_labels.json (hand-labelled, made-up sentences):
   precision and recall of "is this a commitment", and strength accuracy on the sentences
   both labelled and detected as commitments.
2. Timing: builds an index of two synthetic corpora and reports the seconds spent in the
   commitment pass against the whole build, then rebuilds with nothing changed (the pass
   reuses the previous generation's records). The first corpus is made of statement-like
   paragraphs dense in commitments (about 40 records a document); the second is the index
   benchmark's corpus (bench/synthetic.py: word-salad paragraphs of realistic length).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import generate_documents, write_corpus  # noqa: E402
from indexer.build import build_index  # noqa: E402
from indexer.commitments import detect  # noqa: E402
from indexer.model import Paragraph  # noqa: E402
from tests.helpers import make_corpus, make_document  # noqa: E402

LABELS = ROOT / "bench" / "commitment_labels.json"


def evaluate(show_errors: bool) -> None:
    rows = json.loads(LABELS.read_text(encoding="utf-8"))["sentences"]
    tp = fp = fn = tn = strength_ok = 0
    errors = []
    for row in rows:
        found = detect(row["sentence"])
        if found and row["is_commitment"]:
            tp += 1
            if found.strength == row["strength"]:
                strength_ok += 1
            else:
                errors.append(f"strength {found.strength} != {row['strength']}: {row['sentence']}")
        elif found:
            fp += 1
            errors.append(f"false positive ({found.verb}): {row['sentence']}")
        elif row["is_commitment"]:
            fn += 1
            errors.append(f"missed ({row['strength']}): {row['sentence']}")
        else:
            tn += 1
    print(f"Labelled sentences: {len(rows)} ({tp + fn} commitments, {fp + tn} not)")
    print(f"Detection precision: {tp / max(tp + fp, 1):.3f}  ({tp} of {tp + fp} detected)")
    print(f"Detection recall:    {tp / max(tp + fn, 1):.3f}  ({tp} of {tp + fn} labelled)")
    print(f"Strength accuracy:   {strength_ok / max(tp, 1):.3f}  ({strength_ok} of {tp} found)")
    if show_errors:
        for line in errors:
            print("  " + line)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--paragraphs", type=int, default=30)
    parser.add_argument("--bench-docs", type=int, default=1000)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    evaluate(args.show_errors)
    print()
    statements = synthetic_docs(args.docs, args.paragraphs)
    time_indexing(
        f"Statement-like corpus ({args.paragraphs} paragraphs a document)",
        statements,
        lambda root, docs: make_corpus(root.parent, docs),
    )
    bench_docs = list(generate_documents(args.bench_docs))
    time_indexing("Index benchmark corpus (bench/synthetic.py)", bench_docs, write_corpus)


if __name__ == "__main__":
    main()
