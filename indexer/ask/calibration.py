"""Calibration: the probability that an answer is right, and the threshold of a confident one.

The ranker's score orders sentences; it is not a probability. The probability is a
logistic calibration (Platt scaling: Platt 1999, "Probabilistic Outputs for Support Vector
Machines") over a few of the ranker's features of a candidate (FEATURES), fitted on the
development set's dev half by bench/ask_calibration.py and stored in ``calibration.json``
beside this module, with the threshold chosen there for 95 % precision of confident
answers. An answer read from the record of meetings (indexer.ask.record) has its own
probability in that file: the smoothed share of such answers right on dev.

The ask stage reads only that file; it never sees an evaluation label.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")
# The ranker's features the calibration reads, each a float (indexer.ask.rank.Candidate):
# its score, the strength of its answer span (0 without one), whether its document is the
# one the question names (-1, 0, 1), the share of the question's weighted terms it and its
# context hold, whether it is the best scored of all (1/0), and whether it fits the question
# (1/0; indexer.ask.rank.Candidate.fits: an answer of the asked kind, the year's document,
# ...). One that does not fit is never confident: its probability stays below the threshold.
FEATURES = ("score", "span", "document", "context", "first", "fits")
UNLIKELY = 0.2  # below this probability an answer is "unlikely", above it "uncertain"
UNFIT_SHARE = 0.99  # a sentence that fails the question stays below the threshold


class CalibrationError(Exception):
    """The calibration file is missing or malformed; ``str(e)`` says which and how."""


@dataclass(frozen=True)
class Calibration:
    weights: dict[str, float]  # one per name of FEATURES
    bias: float
    threshold: float  # a probability: confident answers are those at or above it
    record: float  # the probability that an answer read from the record is right

    def probability(self, features: dict[str, float]) -> float:
        """P(right) of a sentence answer with these features (missing ones count 0); one
        whose "fits" is 0 stays below the threshold."""
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
        return p if features.get("fits", 1.0) else min(p, self.threshold * UNFIT_SHARE)

    def confident(self, probability: float) -> bool:
        return probability >= self.threshold

    def in_words(self, probability: float) -> str:
        """The probability as a reader says it: "likely" at or above the threshold,
        "uncertain" down to UNLIKELY, "unlikely" below."""
        if self.confident(probability):
            return "likely"
        return "uncertain" if probability >= UNLIKELY else "unlikely"


def read_calibration(path: Path) -> Calibration:
    """The calibration stored at ``path`` (JSON: {"weights": {name: float}, "bias",
    "threshold", "record", ...}). Raises CalibrationError when it is missing, is not JSON,
    lacks a key, names a feature not in FEATURES or gives a threshold outside 0..1."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        fitted = Calibration(
            weights,
            float(data["bias"]),
            float(data["threshold"]),
            float(data["record"]),
        )
    except FileNotFoundError as e:
        raise CalibrationError(f"no calibration file at {path}") from e
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise CalibrationError(f"{path} is not a calibration file: {e}") from e
    unknown = set(weights) - set(FEATURES)
    if unknown:
        raise CalibrationError(f"{path} names unknown features: {', '.join(sorted(unknown))}")
    if not (0.0 < fitted.threshold <= 1.0 and 0.0 <= fitted.record <= 1.0):
        raise CalibrationError(f"{path}: threshold and record must be probabilities")
    return fitted


@lru_cache(maxsize=1)
def calibration() -> Calibration:
    """The fitted calibration of this package (CALIBRATION_FILE), read once."""
    return read_calibration(CALIBRATION_FILE)
