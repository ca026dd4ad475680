"""Print, as JSON, what the importable `indexer` makes of each labelled sentence of FILE.

    PYTHONPATH=<checkout> python bench/commitments_predict.py FILE

Run by bench/commitments_eval.py once with this checkout and once with an older one, so it
uses only what both have: the new `indexer.commitments.analyse_sentence` when it exists, else
the old `indexer.commitments.detect(sentence)` and `indexer.topics.topics_of(text)` (the old
code dates every sentence by its page). A row with a `context` (the lead-in of its list item)
is read as the document pass reads a list item: through `analyse_list_item` when the code has
it, else (older code) as the lead-in and the item in one sentence.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def predictor():
    """A function row -> {"commitment", "strength", "topics", "year"} for this `indexer`."""
    try:
        from indexer.commitments import analyse_list_item, analyse_sentence
        from indexer.commitments.topics import topics_of
    except ImportError:
        from indexer.topics import topics_of

        from indexer.commitments import detect

        def old(row: dict) -> dict:
            text = f"{row['context']} {row['text']}" if row.get("context") else row["text"]
            found = detect(text)
            return {
                "commitment": found is not None,
                "strength": found.strength if found else None,
                "topics": topics_of(row["text"]),
                "year": row["source_year"],
            }

        return old

    def new(row: dict) -> dict:
        if row.get("context"):
            found = analyse_list_item(
                row["text"], row["context"], row["source_year"], doc_type=row["doc_type"]
            )
        else:
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
