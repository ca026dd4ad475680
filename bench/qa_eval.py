"""Evaluate question answering against plain BM25 passage retrieval, in one run.

Builds the synthetic corpus of bench/qa_corpus.py and its index in a temporary directory,
asks every question of bench/qa_eval_set.json, and prints per split (tune, heldout, heldout2):

- hit@1: the expected string is in the first answer, and it cites an expected document;
- hit@3: the same for any of the first three answers;
- confident@1: hit@1 with the system saying it is confident;
- wrong-confident: answerable questions answered confidently but wrongly;
- declined: the share of unanswerable questions answered with "no confident answer".

The baseline's answers are the top passages of `Engine.passages` for the raw question; it
has no notion of confidence, so it never declines. Answers come from the ranking only: the
evaluation set is read to ask the questions and to score the answers, nothing else.

    python bench/qa_eval.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.qa_corpus import BASE, build_qa_index  # noqa: E402
from indexer.ask import answer  # noqa: E402
from indexer.model import doc_id  # noqa: E402
from indexer.search import Engine  # noqa: E402

EVAL_SET = Path(__file__).with_name("qa_eval_set.json")


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _hit(item: dict[str, Any], answers: list[dict[str, Any]]) -> bool:
    wanted = {doc_id(BASE + slug) for slug in item["docs"]}
    return any(
        a["doc_id"] in wanted and _norm(item["answer"]) in _norm(a["answer"]) for a in answers
    )


def ours(engine: Engine, question: str) -> tuple[list[dict[str, Any]], bool | None]:
    result = answer(engine, question, limit=3)
    return result["answers"], result["confident"]


def baseline(engine: Engine, question: str) -> tuple[list[dict[str, Any]], bool | None]:
    passages = engine.passages(question, limit=3)
    return [{"answer": p["text"], "doc_id": p["doc_id"]} for p in passages], None


def evaluate(
    engine: Engine,
    items: list[dict[str, Any]],
    system: Callable[[Engine, str], tuple[list[dict[str, Any]], bool | None]],
    verbose: bool,
) -> dict[str, float | int | None]:
    """Scores of one system; a system whose confidence is None always answers."""
    hit1 = hit3 = confident_hit1 = wrong_confident = declined = 0
    has_confidence = True
    answerable = [i for i in items if "answer" in i]
    unanswerable = [i for i in items if "answer" not in i]
    for item in items:
        answers, confident = system(engine, item["question"])
        if confident is None:
            has_confidence, confident = False, True
        if "answer" not in item:
            declined += not confident
            if verbose and confident:
                got = answers[0]["answer"][:90] if answers else None
                print(f"  NOT DECLINED  {item['question']!r} -> {got!r}")
            continue
        first = _hit(item, answers[:1])
        hit1 += first
        hit3 += _hit(item, answers[:3])
        confident_hit1 += first and confident
        wrong_confident += confident and not first
        if verbose and not (first and confident):
            got = answers[0]["answer"][:90] if answers else None
            what = ("HIT " if first else "MISS") + (" (confident)" if confident else " (declined)")
            print(f"  {what:17} {item['question']!r} -> {got!r}")
    n, u = len(answerable) or 1, len(unanswerable) or 1
    return {
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "hit@1": hit1 / n,
        "hit@3": hit3 / n,
        "confident@1": confident_hit1 / n if has_confidence else None,
        "wrong-confident": wrong_confident / n if has_confidence else None,
        "declined": declined / u,
    }


def _pct(value: float | None, width: int) -> str:
    return f"{'n/a':>{width}}" if value is None else f"{value:>{width}.0%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every miss")
    args = parser.parse_args()
    items = json.loads(EVAL_SET.read_text(encoding="utf-8"))["questions"]
    with tempfile.TemporaryDirectory() as tmp:
        engine = Engine(build_qa_index(Path(tmp)))
        try:
            rows = []
            for split in dict.fromkeys(i["split"] for i in items):
                subset = [i for i in items if i["split"] == split]
                for name, system in (("ask", ours), ("bm25 passage", baseline)):
                    if args.verbose:
                        print(f"{split} / {name}:")
                    rows.append((split, name, evaluate(engine, subset, system, args.verbose)))
        finally:
            engine.close()
    print(
        f"\n{'split':8} {'system':13} {'n':>3} {'hit@1':>6} {'hit@3':>6} {'conf@1':>6} "
        f"{'wrong-conf':>10} {'unans':>5} {'declined':>8}"
    )
    for split, name, r in rows:
        print(
            f"{split:8} {name:13} {r['answerable']:>3} {r['hit@1']:>6.0%} {r['hit@3']:>6.0%} "
            f"{_pct(r['confident@1'], 6)} {_pct(r['wrong-confident'], 10)} {r['unanswerable']:>5} "
            f"{r['declined']:>8.0%}"
        )


if __name__ == "__main__":
    main()
