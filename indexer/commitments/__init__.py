"""Commitments in the APEC record: which sentences commit (detect, exclusions), on what
(topics), when (dating), from which documents (records, merge), stored with the index (store).
"""

from indexer.commitments.detect import STRENGTHS, Detection, detect
from indexer.commitments.records import (
    Commitment,
    analyse_list_item,
    analyse_sentence,
    extract_commitments,
)

__all__ = [
    "STRENGTHS",
    "Commitment",
    "Detection",
    "analyse_list_item",
    "analyse_sentence",
    "detect",
    "extract_commitments",
]
