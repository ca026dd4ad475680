"""Roll calls: passages that list the member economies present ("Ministers from Australia;
Brunei Darussalam; Canada; Chile; ...", as every statement opens), where an economy's name
says nothing of what the passage is about. A word typed, or a concept's other term, naming
an economy ("Brunei SMEs") does not match there, so the pages about that economy come
before every statement that lists it among twenty others; a quoted name matches
everywhere."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import numpy as np

from indexer.index.analysis import STEM
from indexer.record.economies import ECONOMIES

# A passage naming this many economies or more lists them (statements name all twenty-one).
# On the development half of bench/data/real, topical recall@10 was 0.734 (MRR 0.756)
# with names matching everywhere; with roll calls from 5 or 8 economies on, 0.757 and 0.752
# counting a name there at a quarter of its score, 0.760 and 0.755 (MRR 0.777, 0.772) not
# matching it there; from 3 or 4 as from 5. Named queries: recall@10 0.988 throughout, MRR
# 0.934 -> 0.936. The largest of the best counts.
ROLL_CALL = 5


def _words(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", name.casefold()))


@cache
def economy_terms() -> tuple[tuple[str, ...], ...]:
    """Each economy's names of one word as the index's body holds them (stemmed), one tuple
    an economy ("brunei", "vietnam", "taiwan" ...; a name of two letters is left out: "US"
    is read as the pronoun); an economy named only in several words has none."""
    found = []
    for name, aliases in ECONOMIES.items():
        stems = []
        for n in (name, *aliases):
            terms = [t.text for t in STEM(n, mode="query")]
            if len(terms) == 1 and len(_words(n)) == 1 and len(terms[0]) > 2:
                stems.append(terms[0])
        found.append(tuple(dict.fromkeys(stems)))
    return tuple(t for t in found if t)


@cache
def _names() -> frozenset[tuple[str, ...]]:
    """Every economy's names as folded words ("brunei darussalam", "people s republic of
    china"): the words of a phrase naming one."""
    return frozenset(_words(n) for name, aliases in ECONOMIES.items() for n in (name, *aliases))


@cache
def _name_words() -> frozenset[str]:
    """The words (stemmed) that name one economy: its names of one word, and the words of
    its longer names that no other economy's names hold ("zealand", "taipei", "papua",
    "darussalam", "chinese" of "Chinese Taipei"; not "new", of New Zealand and Papua New
    Guinea, nor "republic")."""
    owners: dict[str, set[str]] = {}
    for name, aliases in ECONOMIES.items():
        for n in (name, *aliases):
            for t in STEM(n, mode="query"):
                owners.setdefault(t.text, set()).add(name)
    distinct = {w for w, economies in owners.items() if len(economies) == 1 and len(w) > 2}
    return frozenset(distinct | {t for terms in economy_terms() for t in terms})


def names_an_economy(terms: list[tuple[str, str]] | None, phrase: tuple[str, ...] | None) -> bool:
    """Whether a query part naming ``terms`` (its (field, term) pairs in the search fields:
    ``queries.single_terms``) is a word naming one economy (``_name_words``: "Brunei", the
    "Zealand" of "New Zealand SMEs"), or the concept's phrase of words ``phrase``
    (``queries.concept_phrase``) is an economy's name."""
    if terms:
        texts = {t for _, t in terms}
        return len(texts) == 1 and texts <= _name_words()
    return phrase is not None and phrase in _names()


def roll_call_passages(passages_of_term: Callable[[str], np.ndarray]) -> np.ndarray:
    """The record numbers (ascending, int64) of the passages naming ROLL_CALL economies or
    more, from ``passages_of_term(stem)``: the record numbers of the passages whose body
    holds that term."""
    held = [
        np.unique(np.concatenate([passages_of_term(t) for t in terms])) for terms in economy_terms()
    ]
    if not held:
        return np.zeros(0, dtype=np.int64)
    ids, counts = np.unique(np.concatenate(held), return_counts=True)
    return ids[counts >= ROLL_CALL].astype(np.int64)
