"""The best matches of query parts from each part's passages ranked best first, without
scoring every passage that holds them: Fagin's threshold algorithm (R. Fagin, A. Lotem,
M. Naor, "Optimal aggregation algorithms for middleware", PODS 2001).

Part ``i`` matches the passages of ``scores[i]`` (record number -> BM25F score, all
positive), listed best first in ``ranked[i]``. The lists are walked down together; what is
met in one is scored in all at once, and the walk stops as soon as the ``want``-th best
found scores more than anything not met yet could (each of its part scores is at most the
one at the current rank of that part's list). Exact: the same matches, scores and order as
scoring everything (ties go to the lower record number, as Whoosh ranks). Two common words
of 10,000 documents are ranked after a few hundred passages instead of the 75,000 that hold
both. A score may be multiplied by a prior of at most ``most``: the bound is multiplied by
``most``, so the walk stays exact.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Container, Mapping, Sequence

from indexer.search.doc_rank import PASSAGES_SUMMED, Documents

CHECK_EVERY = 16  # ranks walked between two checks of the stop rule


def top_passages(
    ranked: Sequence[Sequence[int]], scores: Sequence[Mapping[int, float]], want: int
) -> tuple[list[tuple[int, float]], bool]:
    """The best passages holding any part (an OR: each scores the sum of the parts it
    holds, in part order, as Whoosh adds), best first, as (passage, score); and whether the
    list is complete (else it holds the ``want`` best)."""
    best: dict[int, float] = {}
    start = 0
    while True:
        live = [i for i, r in enumerate(ranked) if start < len(r)]
        if not live:
            return _ordered(best), True
        end = min(len(ranked[i]) for i in live)  # the same parts' lists are live until then
        for depth in range(start, end):
            if len(best) >= want and depth % CHECK_EVERY == 0:
                bound = sum(scores[i][ranked[i][depth]] for i in live)
                if heapq.nlargest(want, best.values())[-1] > bound:
                    return _ordered(best)[:want], False
            for i in live:
                n = ranked[i][depth]
                if n not in best:
                    best[n] = sum([s[n] for s in scores if n in s])
        start = end


def top_documents(
    documents: Documents,
    allowed: Container[int],
    want: int,
    weight: Callable[[int], float] | None = None,
    most: float = 1.0,
) -> list[tuple[int, float]]:
    """The ``want`` best of ``documents`` (best first, as ``doc_rank.documents_best_first``
    lists them) whose ordinal ``allowed`` holds, each score times ``weight(ordinal)`` (a
    prior, from 1 to ``most``), as (best passage, score) best first; on a tie the lower
    passage first. The walk stops once no document further down could enter, so it is
    exact."""
    best: dict[int, float] = {}  # best passage -> its document's score
    floor: list[float] = []  # the want best scores, smallest first
    for score, o, n in zip(*documents, strict=True):
        if len(floor) == want and floor[0] > most * score:
            break
        if o not in allowed:
            continue
        best[n] = score = score * (weight(o) if weight is not None else 1.0)
        _keep(floor, want, score)
    return _ordered(best)[:want]


def top_by_document(
    ranked: Sequence[Sequence[int]],
    scores: Sequence[Mapping[int, float]],
    want: int,
    doc_of: Sequence[int],
    document: Callable[[int], tuple[float, int] | None],
    most: float = 1.0,
) -> tuple[list[tuple[int, float]], bool]:
    """The best documents holding every part in one passage, by their score
    (``document(ordinal)``: (score, passage to show), None for a document not to list),
    best first, as (passage, score); and whether the list is complete (else it holds the
    ``want`` best). ``doc_of`` maps a passage to its document.

    A document's score sums at most ``doc_rank.PASSAGES_SUMMED`` passages holding every
    part, each at most the sum of the parts' scores at the current rank, times a prior of
    at most ``most``: the walk stops when the ``want``-th best beats that for any document
    not met yet. A document is scored whole when one of its passages is first met."""
    best: dict[int, float] = {}  # passage shown for a document -> the document's score
    floor: list[float] = []  # the want best scores, smallest first
    met: set[int] = set()
    depth = 0
    while True:
        if any(depth >= len(r) for r in ranked):
            return _ordered(best), True  # no passage left holds every part
        if len(floor) == want and depth % CHECK_EVERY == 0:
            bound = (
                most
                * PASSAGES_SUMMED
                * sum(s[r[depth]] for s, r in zip(scores, ranked, strict=True))
            )
            if floor[0] > bound:
                return _ordered(best)[:want], False
        for r in ranked:
            o = doc_of[r[depth]]
            if o in met:
                continue
            met.add(o)
            found = document(o)
            if found is None:
                continue
            best[found[1]] = found[0]
            _keep(floor, want, found[0])
        depth += 1


def _keep(floor: list[float], want: int, score: float) -> None:
    """Keep ``floor`` (a heap) the ``want`` best scores seen, ``score`` included."""
    if len(floor) < want:
        heapq.heappush(floor, score)
    elif score > floor[0]:
        heapq.heapreplace(floor, score)


def _ordered(best: dict[int, float]) -> list[tuple[int, float]]:
    return sorted(best.items(), key=lambda h: (-h[1], h[0]))
