"""The best matches of query parts from each part's passages ranked best first, without
scoring every passage that holds them: Fagin's threshold algorithm (R. Fagin, A. Lotem,
M. Naor, "Optimal aggregation algorithms for middleware", PODS 2001).

Part ``i`` matches the passages of ``scores[i]`` (record number -> BM25F score, all
positive), listed best first in ``ranked[i]``. The lists are walked down together; what is
met in one is scored in all at once, and the walk stops as soon as the ``want``-th best
found scores more than anything not met yet could (each of its part scores is at most the
one at the current rank of that part's list). Exact: the same matches, scores and order as
scoring everything (ties go to the lower record number, as Whoosh ranks). Of the 75,000
passages two common words of 10,000 documents share, the ten best are found after a few
hundred ranks; the hundred best documents of two words as flat as "including also" after
about 8,000. A score may be multiplied by a prior of at most ``most``: the bound is
multiplied by ``most``, so the walk stays exact.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Collection, Container, Iterable, Mapping, Sequence
from operator import itemgetter

import numpy as np

from indexer.search.doc_rank import PASSAGES_SUMMED, Documents

CHECK_EVERY = 16  # ranks walked between two checks of the stop rule
WHOLE_UP_TO = 4


def top_passages(
    ranked: Sequence[Sequence[int]], scores: Sequence[Mapping[int, float]], want: int
) -> tuple[list[tuple[int, float]], bool]:
    """The best passages holding any part (an OR: each scores the sum of the parts it
    holds, in part order, as Whoosh adds), best first, as (passage, score); and whether the
    list is complete (else it holds the ``want`` best). Lists of WHOLE_UP_TO times ``want``
    passages in all are scored whole: cheaper than walking them."""
    if sum(map(len, ranked)) <= WHOLE_UP_TO * want:
        return _ordered(_added(scores)), True
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
    exact. None are wanted: []."""
    if want <= 0:
        return []
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


def best_passage_per_document(
    ranked: Sequence[Sequence[int]],
    scores: Sequence[Mapping[int, float]],
    want: int,
    doc_of: Sequence[int],
    allowed: Container[int],
    weight: Callable[[int], float] | None = None,
    most: float = 1.0,
) -> tuple[list[tuple[int, float]], bool]:
    """The documents ``allowed`` holds (``doc_of`` maps a passage to its document) by their
    best passage holding every part (an AND: the parts' scores added up, as Whoosh adds
    them), times ``weight(document)`` (a prior, from 1 to ``most``), best first, as
    (passage, score); on a tie the lower passage first. And whether the list is complete
    (else it holds the ``want`` best). The walk stops when the ``want``-th best document
    beats any passage not met yet, checked at depths doubling from CHECK_EVERY (a check
    ranks every document met: two common words of 10,000 documents meet thousands). When
    a part's list is WHOLE_UP_TO times ``want`` passages at most, its passages are scored
    whole instead: the list, complete, unless it is longer than ``want``."""
    best: dict[int, tuple[float, int]] = {}  # document -> (score, passage)
    shortest = min(map(len, ranked))
    if shortest <= WHOLE_UP_TO * want:  # every passage holding every part is in it
        _keep_best(min(scores, key=len), scores, doc_of, allowed, weight, best)
        if len(best) <= want:  # else the walk tells which of them to rank further
            return _by_score(best), True
        best = {}
    # The ranks between two checks are walked as one batch: which passages they meet, and
    # keeping each one's document's best, depend neither on the order they are met in.
    seen: set[int] = set()
    depth, check = 0, CHECK_EVERY
    while True:
        end = min(check, shortest)
        met = set().union(*(r[depth:end] for r in ranked))
        met -= seen
        seen |= met
        _keep_best(met, scores, doc_of, allowed, weight, best)
        depth = end
        if depth == shortest:
            return _by_score(best), True  # no passage left holds every part
        check *= 2
        bound = most * sum(s[r[depth]] for s, r in zip(scores, ranked, strict=True))
        found = (score for score, _ in best.values())
        if len(best) >= want and heapq.nlargest(want, found)[-1] > bound:
            return _by_score(best)[:want], False


def documents_by_arrays(
    parts: Sequence[tuple[np.ndarray, np.ndarray]],
    want: int,
    doc_of: np.ndarray,
    allowed: Collection[int],
    weights: np.ndarray | None = None,
) -> list[tuple[int, float]]:
    """The ``want`` best documents ``allowed`` holds by the sum of their PASSAGES_SUMMED
    best passages holding every part (``doc_rank.summed`` of ``doc_rank.holding_every_part``:
    the parts' scores added in part order) times their weight (``weights[ordinal]``, 1 when
    None), as (best passage, score) best first, on a tie the lower passage: what re-ranking
    every document ``best_passage_per_document`` finds gives, to the last bit. From each
    part's passages as arrays (record numbers ascending, their scores: ``parts``) and
    ``doc_of`` as an array, every passage holding every part scored at once in numpy: for
    long lists of flat scores (two common words of 10,000 documents share 45,000 passages,
    which the walk meets 16,000 ranks deep before it can stop) a few milliseconds instead
    of sixty."""
    if not all(len(ids) for ids, _ in parts):
        return []
    # The passages holding every part, from the shortest part's (ascending, and so they
    # stay), with where each part holds them.
    by_length = sorted(range(len(parts)), key=lambda i: len(parts[i][0]))
    passages = parts[by_length[0]][0]
    at: dict[int, np.ndarray] = {by_length[0]: np.arange(len(passages))}
    for i in by_length[1:]:
        ids = parts[i][0]
        found = np.minimum(np.searchsorted(ids, passages), len(ids) - 1)
        held = ids[found] == passages
        passages = passages[held]
        at = {j: where[held] for j, where in at.items()}
        at[i] = found[held]
    total = np.zeros(len(passages))
    for i, (_, values) in enumerate(parts):  # their scores added in part order, as ``sum``
        total += values[at[i]]
    count = int(doc_of.max(initial=-1)) + 1  # documents: no passage is of a later one
    keep = np.zeros(count + 1, dtype=bool)  # the last: no document (-1)
    ordinals = np.fromiter(allowed, dtype=np.int64, count=len(allowed))
    keep[ordinals[ordinals < count]] = True
    docs = doc_of[passages]
    held = keep[docs]
    passages, total, docs = passages[held], total[held], docs[held]
    if not len(docs):
        return []
    # each document's passages best first, on a tie the lower: a stable sort of passages
    # ascending
    order = np.lexsort((-total, docs))
    passages, total, docs = passages[order], total[order], docs[order]
    starts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
    ends = np.r_[starts[1:], len(docs)]
    summed = total[starts].copy()
    for rank in range(1, PASSAGES_SUMMED):  # added best first, as ``sum`` adds them
        more = starts + rank < ends
        summed[more] += total[starts[more] + rank]
    if weights is not None:
        summed *= weights[docs[starts]]
    best = passages[starts]
    if len(summed) > want:  # only those scoring at least the want-th best can be among them
        least = -np.partition(-summed, want - 1)[want - 1]
        best, summed = best[summed >= least], summed[summed >= least]
    top = np.lexsort((best, -summed))[:want]
    return [(int(n), float(score)) for n, score in zip(best[top], summed[top], strict=True)]


def _keep_best(
    passages: Iterable[int],
    scores: Sequence[Mapping[int, float]],
    doc_of: Sequence[int],
    allowed: Container[int],
    weight: Callable[[int], float] | None,
    best: dict[int, tuple[float, int]],
) -> None:
    """Keep in ``best`` (document -> (score, passage)) each allowed document's best of
    ``passages`` holding every part (as ``best_passage_per_document`` scores it), on a tie
    the lower passage."""
    if len(scores) == 2:  # two words, most often: the same sums, without a generator each
        a, b = scores
        held = [(n, a[n] + b[n]) for n in a.keys() & passages if n in b]
    else:
        held = [(n, sum([s[n] for s in scores])) for n in passages if all(n in s for s in scores)]
    for n, score in held:
        o = doc_of[n]
        if o not in allowed:
            continue
        if weight is not None:
            score *= weight(o)
        kept = best.get(o)
        if kept is None or score > kept[0] or (score == kept[0] and n < kept[1]):
            best[o] = (score, n)


def _by_score(best: dict[int, tuple[float, int]]) -> list[tuple[int, float]]:
    return [(n, score) for score, n in sorted(best.values(), key=lambda h: (-h[0], h[1]))]


def _keep(floor: list[float], want: int, score: float) -> None:
    """Keep ``floor`` (a heap) the ``want`` best scores seen, ``score`` included."""
    if len(floor) < want:
        heapq.heappush(floor, score)
    elif score > floor[0]:
        heapq.heapreplace(floor, score)


def _added(scores: Sequence[Mapping[int, float]]) -> dict[int, float]:
    """Each passage's scores added up in part order (as ``sum`` adds them)."""
    out = dict(scores[0])
    for part in scores[1:]:
        for n, score in part.items():
            out[n] = out[n] + score if n in out else score
    return out


def _ordered(best: dict[int, float]) -> list[tuple[int, float]]:
    """``best``'s (passage, score) pairs best first, on a tie the lower passage first: by
    passage, then by score (stable, also reversed): faster than one sort on tuples."""
    ordered = sorted(best.items())
    ordered.sort(key=itemgetter(1), reverse=True)
    return ordered
