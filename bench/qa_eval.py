"""Evaluate question answering on a set of page files, beside BM25 and the code before.

    python bench/qa_eval.py bench/data/qa_tuning [--verbose] [--no-before]

The set folder holds `docs/*.json` page files and `questions.json` (bench/data/README.md).
Its index is built with bench/realdocs.py (extract + index, as a crawl would); then every
question is asked of three systems:

- `ask`: `indexer.ask.answer` of this checkout;
- `bm25 passage`: the top passages of `Engine.passages` for the raw question (it never
  declines: it has no notion of confidence);
- `before`: `answer` of commit d617c96, checked out in a temporary git worktree and run in
  a subprocess with that tree on the import path (its own extractor and indexer too).

Printed per system: hit@1 and hit@3 (an answer shown, sentence or passage, holds one of the
question's answers, compared after NFKC, whitespace folding and case folding, whichever
document it cites), the precision of confident answers and coverage (the share answered
confidently), both over the answerable questions, and the share of unanswerable questions
declined; then hit@1 per kind of question for `ask` and the code before. The set is read
to ask the questions and to score the answers, nothing else.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The before run sets APEC_SEARCH_CODE to the old tree, so `indexer` and `bench` come from it.
CODE = Path(os.environ.get("APEC_SEARCH_CODE", ROOT))
sys.path.insert(0, str(CODE))

from bench.realdocs import build_set_index, load_pages, norm  # noqa: E402
from indexer.ask import answer  # noqa: E402
from indexer.search import Engine  # noqa: E402

BEFORE = "d617c96"
Outcome = dict[str, Any]  # {"answers": [text, ...], "confident": bool | None}


def run_systems(set_dir: Path, questions: list[dict[str, Any]]) -> dict[str, dict[str, Outcome]]:
    """Build the set's index and ask every question: {system: {question id: outcome}}."""
    out: dict[str, dict[str, Outcome]] = {"ask": {}, "bm25 passage": {}}
    with tempfile.TemporaryDirectory() as tmp:
        engine = Engine(build_set_index(load_pages(set_dir / "docs"), Path(tmp)))
        try:
            for q in questions:
                found = answer(engine, q["question"], limit=3)
                out["ask"][q["id"]] = {
                    "answers": [a["answer"] for a in found["answers"]],
                    "confident": found["confident"],
                }
                passages = engine.passages(q["question"], limit=3)
                out["bm25 passage"][q["id"]] = {
                    "answers": [p["text"] for p in passages],
                    "confident": None,
                }
        finally:
            engine.close()
    return out


def run_before(set_dir: Path) -> dict[str, Outcome] | None:
    """The outcomes of commit BEFORE on the same set, or None when it cannot be checked out."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "before"
        add = ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), BEFORE]
        if subprocess.run(add, capture_output=True).returncode:
            print(f"(could not check out {BEFORE}: no before figures)", file=sys.stderr)
            return None
        try:
            env = {**os.environ, "PYTHONPATH": str(tree), "APEC_SEARCH_CODE": str(tree)}
            done = subprocess.run(
                [sys.executable, __file__, str(set_dir), "--outcomes-only"],
                env=env,
                capture_output=True,
                text=True,
            )
            if done.returncode:
                print(f"(the {BEFORE} run failed: {done.stderr[-500:]})", file=sys.stderr)
                return None
            return json.loads(done.stdout)["ask"]
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)])


def hit(item: dict[str, Any], texts: list[str]) -> bool:
    """Whether any of the texts holds one of the item's answers."""
    wanted = [norm(a).casefold() for a in item["answers"]]
    return any(w in norm(t).casefold() for t in texts for w in wanted)


def score(
    questions: list[dict[str, Any]], outcomes: dict[str, Outcome], verbose: str | None
) -> dict[str, Any]:
    """The figures of one system; a system whose confidence is None always answers."""
    answerable = [q for q in questions if q["answerable"]]
    unanswerable = [q for q in questions if not q["answerable"]]
    hit1 = hit3 = confident = confident_right = declined = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for q in answerable:
        o = outcomes[q["id"]]
        first, any3 = hit(q, o["answers"][:1]), hit(q, o["answers"][:3])
        sure = o["confident"] is not False
        hit1, hit3 = hit1 + first, hit3 + any3
        confident += sure
        confident_right += sure and first
        by_kind[q["kind"]][0] += first
        by_kind[q["kind"]][1] += 1
        if verbose and not (first and sure):
            what = ("HIT " if first else "MISS") + (" confident" if sure else " declined")
            got = o["answers"][0][:110] if o["answers"] else None
            print(f"  [{verbose}] {what:15} {q['id']} {q['question']!r}\n      -> {got!r}")
    for q in unanswerable:
        o = outcomes[q["id"]]
        declined += o["confident"] is False
        if verbose and o["confident"] is not False:
            got = o["answers"][0][:110] if o["answers"] else None
            print(f"  [{verbose}] NOT DECLINED    {q['id']} {q['question']!r}\n      -> {got!r}")
    n = len(answerable) or 1
    return {
        "n": len(answerable),
        "u": len(unanswerable),
        "hit@1": hit1 / n,
        "hit@3": hit3 / n,
        "precision": confident_right / confident if confident else None,
        "coverage": confident / n,
        "declined": declined / len(unanswerable) if unanswerable else None,
        "kinds": {k: v[0] / v[1] for k, v in sorted(by_kind.items())},
    }


def _pct(value: float | None) -> str:
    return f"{'n/a':>9}" if value is None else f"{value:>9.0%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", type=Path, help="a folder with docs/ and questions.json")
    parser.add_argument("--verbose", action="store_true", help="print every miss of ask")
    parser.add_argument("--no-before", action="store_true", help=f"skip the {BEFORE} run")
    parser.add_argument("--outcomes-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    set_dir = args.set_dir.resolve()
    questions = json.loads((set_dir / "questions.json").read_text(encoding="utf-8"))
    outcomes = run_systems(set_dir, questions)
    if args.outcomes_only:
        print(json.dumps(outcomes))
        return
    if not args.no_before and (before := run_before(set_dir)) is not None:
        outcomes[f"before ({BEFORE})"] = before
    rows = {
        name: score(questions, o, "ask" if args.verbose and name == "ask" else None)
        for name, o in outcomes.items()
    }
    print(
        f"\n{'system':18} {'n':>4} {'hit@1':>6} {'hit@3':>6} {'precision':>9} {'coverage':>9} "
        f"{'unans':>5} {'declined':>9}"
    )
    for name, r in rows.items():
        print(
            f"{name:18} {r['n']:>4} {r['hit@1']:>6.0%} {r['hit@3']:>6.0%} {_pct(r['precision'])} "
            f"{r['coverage']:>9.0%} {r['u']:>5} {_pct(r['declined'])}"
        )
    print("\nhit@1 by kind of question:")
    for name, r in rows.items():
        if name != "bm25 passage":
            print(f"  {name:18} " + "  ".join(f"{k} {v:.0%}" for k, v in r["kinds"].items()))


if __name__ == "__main__":
    main()
