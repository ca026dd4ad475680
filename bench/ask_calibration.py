"""Fit the calibration of `ask` on the dev half of the real-page development set.

    python bench/ask_calibration.py [--check heldout] [--precision 0.95]

Crawls and indexes the dev half's cached pages on a loopback site (as bench/real_eval.py
does), asks every dev question with this checkout, and labels the candidate answers (the
record's, and the five best scored sentences of each question) right or wrong against
`questions.jsonl`. Then it fits

- a logistic calibration (Platt scaling) of the sentence answers over the ranker's
  features (indexer.ask.calibration.FEATURES), L2-regularised, every weight kept at zero
  or above (a feature dropped and the rest refitted when its weight would be negative), so
  the probability never falls as a feature rises;
- the probability that an answer read from the record of meetings is right: the share of
  such answers right on dev, smoothed (Laplace's rule of succession, (right + 1) / (n + 2));
- the threshold: the lowest probability from which on the questions' first answers at or
  above any threshold are right at least ``--precision`` of the time on dev (unanswerable
  questions answered count as wrong),

and writes them to indexer/ask/calibration.json, which the ask stage reads. It prints the
dev half's reliability table and expected calibration error, and with ``--check heldout``
those of the held-out half, answered with the file just written. Labels are read here
only; the ask stage never sees them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "bench"))

from real_eval import (  # noqa: E402
    CACHE,
    Site,
    crawl_and_index,
    expected_calibration_error,
    half_pages,
    half_questions,
    hit,
    reliability,
)

from indexer.ask import calibration as cal  # noqa: E402

CANDIDATES = 5  # sentence answers labelled per question, the best scored
L2 = 0.01  # ridge penalty on the weights (not the bias): a light one, for ~230 candidates
NEWTON_STEPS = 50


def ask_half(half: str) -> list[tuple[dict, Any]]:
    """Each question of ``half`` with what ask weighed (indexer.ask.answer.Considered)."""
    from indexer.ask.answer import consider
    from indexer.search import Engine

    pages, _ = half_pages(half)
    questions = half_questions(half, pages)
    site = Site(pages)
    try:
        with tempfile.TemporaryDirectory(prefix="ask-calibration-") as tmp:
            engine = Engine(crawl_and_index(site.url, Path(tmp)))
            try:
                return [(q, consider(engine, q["question"])) for q in questions]
            finally:
                engine.close()
    finally:
        site.stop()


def by_score(considered: Any) -> list:
    """The sentence candidates in the ranker's order (best score first), whatever order a
    calibration put them in."""
    sentences = [s for s in considered.scored if s.source == "sentence"]
    return sorted(sentences, key=lambda s: -s.features["score"])


def smoothed(outcomes: list[bool]) -> float:
    """The share right, by Laplace's rule of succession: (right + 1) / (n + 2)."""
    return (sum(outcomes) + 1) / (len(outcomes) + 2)


def right(question: dict, answer: dict) -> bool:
    return question["answerable"] and hit(answer, question["answers"])


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-regularised logistic regression (Newton's method)."""
    n, d = x.shape
    design = np.hstack([x, np.ones((n, 1))])
    theta = np.zeros(d + 1)
    penalty = np.diag([l2] * d + [0.0])
    for _ in range(NEWTON_STEPS):
        p = 1 / (1 + np.exp(-np.clip(design @ theta, -50, 50)))
        gradient = design.T @ (p - y) + penalty @ theta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if np.abs(step).max() < 1e-8:
            break
    return theta[:d], float(theta[d])


def fit_monotone(rows: list[dict[str, float]], y: np.ndarray) -> tuple[dict[str, float], float]:
    """A logistic fit over FEATURES with no negative weight: a feature whose weight comes
    out negative is dropped and the rest refitted."""
    names = list(cal.FEATURES)
    while True:
        x = np.array([[r[n] for n in names] for r in rows], dtype=float)
        weights, bias = fit_logistic(x, y)
        if (weights >= 0).all() or not names:
            return dict(zip(names, map(float, weights), strict=True)), bias
        names.pop(int(np.argmin(weights)))


def choose_threshold(firsts: list[tuple[float, bool]], precision: float) -> float:
    """The lowest first-answer probability from which on every threshold keeps at least
    ``precision`` of the first answers at or above it right (not a lucky dip in the
    precision curve); the highest probability seen when none does."""
    levels = sorted({p for p, _ in firsts})
    chosen = max(levels, default=1.0)
    for t in reversed(levels):
        above = [ok for p, ok in firsts if p >= t]
        if sum(above) / len(above) < precision:
            break
        chosen = t
    return chosen


def first_answers(asked: list[tuple[dict, Any]], fitted: cal.Calibration):
    """Each question's first answer as (probability under ``fitted``, right); no answer at
    all is (0, wrong)."""
    from indexer.ask.answer import calibrate

    out = []
    for q, considered in asked:
        calibrate(considered, fitted)
        first = considered.scored[0] if considered.scored else None
        out.append((first.probability, right(q, first.answer)) if first else (0.0, False))
    return out


def print_table(name: str, firsts: list[tuple[float, bool]], threshold: float) -> None:
    sure = [ok for p, ok in firsts if p >= threshold]
    print(
        f"\n{name}: {len(firsts)} questions, expected calibration error"
        f" {expected_calibration_error(firsts):.3f}; confident {len(sure)},"
        f" right {sum(sure)} ({sum(sure) / len(sure):.1%})"
        if sure
        else ""
    )
    print(f"    {'confidence':>12} {'answers':>8} {'mean conf':>10} {'right':>8}")
    for low, high, count, mean, acc in reliability(firsts):
        print(f"    {low:4.1f} – {high:3.1f} {count:8} {mean:10.3f} {acc:8.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", choices=("heldout",), help="also report the held-out half")
    ap.add_argument("--precision", type=float, default=0.95, help="of confident answers")
    args = ap.parse_args()
    if not CACHE.is_dir() or not any(CACHE.glob("*.json")):
        print(f"no page text cache in {CACHE}: see bench/data/README.md to rebuild it; skipped")
        return
    asked = ask_half("dev")
    rows, labels, record = [], [], []
    for q, considered in asked:
        if considered.note:
            continue  # declined whatever the features say
        record += [right(q, s.answer) for s in considered.scored if s.source == "record"]
        for s in by_score(considered)[:CANDIDATES]:
            rows.append(s.features)
            labels.append(float(right(q, s.answer)))
    weights, bias = fit_monotone(rows, np.array(labels))
    record_p = smoothed(record)
    firsts = first_answers(asked, cal.Calibration(weights, bias, 1.0, record_p))
    threshold = choose_threshold(firsts, args.precision)
    fitted = cal.Calibration(weights, bias, threshold, record_p)
    cal.CALIBRATION_FILE.write_text(
        json.dumps(
            {
                "weights": {k: round(v, 6) for k, v in weights.items()},
                "bias": round(bias, 6),
                "threshold": round(threshold, 6),
                "record": round(record_p, 6),
                "precision_target": args.precision,
                "fitted_on": (
                    f"dev half of bench/data/real: {len(asked)} questions, {len(rows)}"
                    f" sentence answers, {len(record)} record answers"
                ),
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(
        f"wrote {cal.CALIBRATION_FILE.relative_to(ROOT)}: weights {weights}, bias {bias:.3f},"
        f" threshold {threshold:.3f}, record {record_p:.3f} ({sum(record)}/{len(record)})"
    )
    print_table("dev", firsts, fitted.threshold)
    if args.check:
        print_table(args.check, first_answers(ask_half(args.check), fitted), fitted.threshold)


if __name__ == "__main__":
    main()
