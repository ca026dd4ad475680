"""Print, as JSON, what the importable `indexer` makes of each labelled sentence of FILE.

    PYTHONPATH=<checkout> python bench/commitments_predict.py FILE

Run by bench/commitments_eval.py once with this checkout and once with an older one, so it
uses only what both have: the new `indexer.commitments.analyse_sentence` when it exists, else
the old `indexer.commitments.detect(sentence)` and `indexer.topics.topics_of(text)` (the old
code dates every sentence by its page).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def predictor():
    """A function row -> {"commitment", "strength", "topics", "year"} for this `indexer`."""
    try:
        from indexer.commitments import analyse_sentence
        from indexer.commitments.topics import topics_of
    except ImportError:
        from indexer.topics import topics_of

        from indexer.commitments import detect

        def old(row: dict) -> dict:
            found = detect(row["text"])
            return {
                "commitment": found is not None,
                "strength": found.strength if found else None,
                "topics": topics_of(row["text"]),
                "year": row["source_year"],
            }

        return old

    def new(row: dict) -> dict:
        found = analyse_sentence(row["text"], row["source_year"], doc_type=row["doc_type"])
        return {
            "commitment": found.detection is not None,
            "strength": found.detection.strength if found.detection else None,
            "topics": topics_of(row["text"]),
            "year": found.year,
        }

    return new


def main() -> None:
    rows = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    predict = predictor()
    json.dump({row["id"]: predict(row) for row in rows}, sys.stdout)


if __name__ == "__main__":
    main()
