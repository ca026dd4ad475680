"""The best matches of several query parts from each part's passages ranked best first,
without scoring every passage that holds them: Fagin's threshold algorithm (R. Fagin,
A. Lotem, M. Naor, "Optimal aggregation algorithms for middleware", PODS 2001).

Part ``i`` matches the passages of ``scores[i]`` (record number -> BM25F score, all
positive), listed best first in ``ranked[i]``. The lists are walked down together; a
passage met in one is scored in all at once, and the walk stops as soon as the ``want``-th
best found scores more than any passage not met yet could (each of its part scores is at
most the one at the current rank of that part's list). Exact: the same matches, scores and
order as scoring everything (ties go to the lower record number, as Whoosh ranks). Two
common words of 10,000 documents are ranked after a few hundred passages instead of the
75,000 that hold both. A passage's score may be multiplied by a weight of its own (a prior,
at most ``most``): the bound is multiplied by ``most``, so the walk stays exact.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Container, Hashable, Mapping, Sequence

from indexer.search.doc_rank import Documents

CHECK_EVERY = 16  # ranks walked between two checks of the stop rule


def top(
    ranked: Sequence[Sequence[int]],
    scores: Sequence[Mapping[int, float]],
    want: int,
    group: Callable[[int], Hashable | None],
    every: bool,
    weight: Callable[[int], float] | None = None,
    most: float = 1.0,
) -> tuple[list[tuple[int, float]], bool]:
    """The best passage of each group, groups by that passage's score best first, as
    (passage, score); and whether the list is complete (else it holds the ``want`` best).

    ``every``: a passage must hold every part (an AND: it scores their sum), else any
    part (an OR: the sum of those it holds, in part order either way, as Whoosh adds).
    ``group(n)`` is what passage ``n`` counts for (its document, or itself), None when it
    may not be listed at all. ``weight(n)``, if given, multiplies passage ``n``'s score
    (a prior of its document, from 1 to ``most``).
    """
    best: dict[Hashable, tuple[float, int]] = {}  # group -> (score, passage)
    seen: set[int] = set()
    depth = 0
    while True:
        live = [i for i, r in enumerate(ranked) if depth < len(r)]
        if not live or (every and len(live) < len(ranked)):
            # Every passage was met, or (AND) none left holds every part.
            return _ordered(best), True
        if len(best) >= want and depth % CHECK_EVERY == 0:
            bound = most * sum(scores[i][ranked[i][depth]] for i in live)
            if heapq.nlargest(want, (score for score, _ in best.values()))[-1] > bound:
                return _ordered(best)[:want], False
        for i in live:
            n = ranked[i][depth]
            if n in seen:
                continue
            seen.add(n)
            if every and not all(n in s for s in scores):
                continue
            key = group(n)
            if key is None:
                continue
            score = sum(s[n] for s in scores if n in s)
            if weight is not None:
                score *= weight(n)
            held = best.get(key)
            if held is None or score > held[0] or (score == held[0] and n < held[1]):
                best[key] = (score, n)
        depth += 1


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
    best: list[tuple[float, int]] = []
    floor: list[float] = []  # the want best scores found, smallest first
    for score, o, n in zip(*documents, strict=True):
        if len(floor) == want and floor[0] > most * score:
            break
        if o not in allowed:
            continue
        score *= weight(o) if weight is not None else 1.0
        best.append((score, n))
        if len(floor) < want:
            heapq.heappush(floor, score)
        elif score > floor[0]:
            heapq.heapreplace(floor, score)
    best.sort(key=lambda h: (-h[0], h[1]))
    return [(n, score) for score, n in best[:want]]


def _ordered(best: dict[Hashable, tuple[float, int]]) -> list[tuple[int, float]]:
    return [(n, score) for score, n in sorted(best.values(), key=lambda h: (-h[0], h[1]))]
