"""Ranking documents by where their passages hold a query's parts (the document-level AND).

A query of several parts ("tourism recovery": two words; a phrase, an OR group or a field
condition is one part) matches a document whose passages hold every part between them,
not necessarily in one passage. The document's score adds, for each part, its best BM25F
passage score weighted by how far that passage is from the document's best passage (the one
holding the most parts): words in one passage count fully, words a few passages apart less.
This is the "proximity" idea of Elasticsearch's ``span_near``/Lucene's sloppy matching,
taken at passage granularity.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

NEAR = 0.5  # weight of a part found one passage away from the best passage
# A document scores the sum of its best passages' scores (of those holding every part of
# the query), this many at most: a document that holds the words in several passages is
# about them, and the cap keeps a long report from winning by length alone (tuned on the
# development half of bench/data/real: summing 1, 2, 3 or all passages gave topical
# recall@10 0.715, 0.723, 0.747, 0.747 and precision@10 0.342, 0.350, 0.365, 0.365).
PASSAGES_SUMMED = 3


class DocumentMatch(NamedTuple):
    """A document's match (a named tuple: ranking builds one per candidate document)."""

    ordinal: int  # the document
    passage: int  # record number of the passage to show (holds the most parts)
    score: float
    parts: int  # how many of the query's parts the document holds


def closeness(distance: int) -> float:
    """Weight of a part's passage ``distance`` passages away from the best passage:
    1 in the same passage, NEAR next door, falling as 1/distance after that."""
    return 1.0 if distance == 0 else NEAR / distance


def score_document(
    ordinal: int, passages: Sequence[int], scores: Sequence[Mapping[int, float]]
) -> DocumentMatch | None:
    """The document ``ordinal``'s match, from ``scores[i]``: the score of each passage
    (record number) matching part ``i``. ``passages`` are the document's passage record
    numbers in order. None when no passage matches any part."""
    per_part = [list(filter(s.__contains__, passages)) for s in scores]
    holding = [i for i, h in enumerate(per_part) if h]
    if len(holding) == 1:
        # One part held (as every partial match of two parts): the best passage for it,
        # the first of equals, and its score, which weighs 1 where it is.
        part, held_by = scores[holding[0]], per_part[holding[0]]
        top = max(map(part.__getitem__, held_by))
        return DocumentMatch(ordinal, next(n for n in held_by if part[n] == top), top, 1)
    if not holding:
        return None
    held = set().union(*per_part)
    # Each passage holding a part: (index, record number, the scores of the parts it holds).
    found = [(i, n, [s[n] for s in scores if n in s]) for i, n in enumerate(passages) if n in held]
    # The best passage holds the most parts, then scores the most; on a tie the first.
    best, passage, _ = max(found, key=lambda f: (len(f[2]), sum(f[2]), -f[0]))
    near = [closeness(abs(i - best)) for i, _, _ in found]
    score = 0.0
    parts = 0
    for s in scores:
        weighted = [s[n] * w for (_, n, _), w in zip(found, near, strict=True) if n in s]
        if weighted:
            parts += 1
            score += max(weighted)
    return DocumentMatch(ordinal, passage, score, parts)


Match = tuple[int, int, float, int]  # a ``DocumentMatch``'s fields, or one


class Documents(NamedTuple):
    """Documents best first: their scores, ordinals and best passages' record numbers, in
    arrays (kept per generation for many query parts, at 16 bytes a document)."""

    scores: array
    ordinals: array
    passages: array


def summed(held: list[tuple[float, int]]) -> float:
    """The sum of the PASSAGES_SUMMED best scores of ``held`` ((score, record number) of a
    document's passages, best first)."""
    return sum(score for score, _ in held[:PASSAGES_SUMMED])


def best_first(held: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """``held`` ((score, record number) pairs) best first, on a tie the lower record number
    first; sorted in place (a document's few passages: a sort beats a heap)."""
    if len(held) > 1:
        held.sort(key=lambda h: (-h[0], h[1]))
    return held


def holding_every_part(
    passages: Sequence[int], scores: Sequence[Mapping[int, float]]
) -> list[tuple[float, int]]:
    """(score, record number) of those of a document's ``passages`` holding every part
    (``scores[i]``: record number -> part i's score), each scoring the parts' sum as Whoosh
    scores an AND, best first (``best_first``); empty when no passage holds every part."""
    if len(scores) == 1:  # one part: no sums
        one = scores[0]
        return best_first([(one[n], n) for n in passages if n in one])
    if len(scores) == 2:  # two words, most often: the same sum, without a generator each
        a, b = scores
        return best_first([(a[n] + b[n], n) for n in passages if n in a and n in b])
    return best_first(
        [(sum(s[n] for s in scores), n) for n in passages if all(n in s for s in scores)]
    )


def documents_best_first(scores: Mapping[int, float], doc_of: Sequence[int]) -> Documents:
    """The documents of the passages ``scores`` holds (record number -> BM25F score;
    ``doc_of`` maps a record number to its document ordinal, -1 for none), each scoring the
    sum of its PASSAGES_SUMMED best passages' scores, best first; on a tie the one whose
    best passage has the lower record number first."""
    by_doc: dict[int, list[tuple[float, int]]] = {}
    for n, score in scores.items():
        o = doc_of[n]
        if o >= 0:
            by_doc.setdefault(o, []).append((score, n))
    found = [(summed(best_first(held)), held[0][1], o) for o, held in by_doc.items()]
    found.sort(key=lambda d: (-d[0], d[1]))
    return Documents(
        array("d", (d[0] for d in found)),
        array("i", (d[2] for d in found)),
        array("i", (d[1] for d in found)),
    )


def by_relevance(
    matches: Iterable[Match], prior: Callable[[int], float] | None = None
) -> list[tuple[int, float]]:
    """(passage, score) of ``matches`` (of distinct documents), most parts first, then the
    best score (times the document's ``prior(ordinal)``, if given), then the document
    order, for stable pages."""
    if prior is None:
        keyed = [(-parts, -score, o, n) for o, n, score, parts in matches]
    else:
        keyed = [(-parts, -(score * prior(o)), o, n) for o, n, score, parts in matches]
    keyed.sort()  # the documents are distinct: the passage never decides
    return [(n, -score) for _, score, _, n in keyed]
