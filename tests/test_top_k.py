"""The threshold algorithm's top matches are exactly those of scoring every passage: the
same passages, scores and order (ties to the lower record number), for ANDs and ORs, with
documents grouped and some left out; a one-word search ranks documents the same whether
they are ranked whole or walked; ranking every document from arrays is re-ranking every
document the walk meets; and on a search, the "some of your words" list reaches past the
top passages of a few long documents to enough documents."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import ANY

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.search import doc_rank, top_k
from indexer.search import engine as engine_module
from indexer.search import generation as generation_module
from indexer.search.engine import Engine
from indexer.search.generation import Matches
from tests.fuzz_strategies import FUZZ
from tests.helpers import make_document, make_index

SCORES = st.sampled_from([0.5, 1.0, 1.25, 2.0, 3.5])  # few values: many ties


def _brute_passages(scores, want):
    found = {n: sum(s[n] for s in scores if n in s) for n in set().union(*scores)}
    return sorted(found.items(), key=lambda h: (-h[1], h[0]))


def _brute_documents(scores, allowed, weight):
    """Each allowed document (five passages each) by its best passage holding every part,
    times its weight."""
    best = {}
    for n in sorted(set.intersection(*(set(s) for s in scores))):
        if n // 5 in allowed:
            score = sum(s[n] for s in scores) * weight(n // 5)
            if n // 5 not in best or score > best[n // 5][1]:
                best[n // 5] = (n, score)
    return sorted(best.values(), key=lambda h: (-h[1], h[0]))


PARTS = st.lists(st.dictionaries(st.integers(0, 60), SCORES, max_size=40), min_size=1, max_size=3)


# parts, and documents of thirteen: boosted ones (a prior) and ones left out (a filter)
DOCUMENT_CASES = {
    "parts": PARTS,
    "want": st.integers(1, 12),
    "boosted": st.sets(st.integers(0, 12), max_size=5),
    "left_out": st.sets(st.integers(0, 12), max_size=4),
}


def _ranked(parts):
    return [sorted(s, key=lambda n, s=s: (-s[n], n)) for s in parts]


@FUZZ
@given(parts=PARTS, want=st.integers(1, 12))
def test_the_top_passages_are_those_of_scoring_everything(parts, want):
    found, complete = top_k.top_passages(_ranked(parts), parts, want)
    expected = _brute_passages(parts, want)
    assert found == (expected if complete else expected[:want])
    assert complete or len(found) == want


@FUZZ
@given(**DOCUMENT_CASES)
def test_the_top_documents_are_those_of_scoring_everything(parts, want, boosted, left_out):
    # Five passages a document; documents in ``boosted`` score 1.5 times (an outcome prior).
    def weight(o):
        return 1.5 if o in boosted else 1.0

    allowed = set(range(13)) - left_out
    doc_of = [n // 5 for n in range(61)]
    found, complete = top_k.best_passage_per_document(
        _ranked(parts), parts, want, doc_of, allowed, weight, 1.5
    )
    expected = _brute_documents(parts, allowed, weight)
    assert found == (expected if complete else expected[:want])
    assert complete or len(found) == want


@FUZZ
@given(**DOCUMENT_CASES)
def test_documents_by_arrays_are_every_document_re_ranked(parts, want, boosted, left_out):
    # Five passages a document (the last records of none); ``boosted`` weigh 1.5 (a prior).
    doc_of = [n // 5 if n < 55 else -1 for n in range(61)]
    allowed = set(range(11)) - left_out
    weights = np.array([1.5 if o in boosted else 1.0 for o in range(11)])
    expected = []
    for o in sorted(allowed):
        held = doc_rank.holding_every_part(range(5 * o, 5 * o + 5), parts)
        if held:
            expected.append((held[0][1], doc_rank.summed(held) * weights[o]))
    expected.sort(key=lambda h: (-h[1], h[0]))
    arrays = [
        (np.array(sorted(s), dtype=np.int64), np.array([s[n] for n in sorted(s)])) for s in parts
    ]
    found = top_k.documents_by_arrays(arrays, want, np.array(doc_of), allowed, weights)
    assert found == expected[:want]
    assert found == top_k.documents_by_arrays(arrays, want, np.array(doc_of), allowed, None) or (
        boosted & allowed
    )


class _Generation:
    """What ``Matches.documents`` asks of a generation: five passages a document, the last
    records of none."""

    doc_of = [n // 5 if n < 55 else -1 for n in range(61)]

    def doc_array(self) -> np.ndarray:
        return np.asarray(self.doc_of, dtype=np.int64)


@FUZZ
@given(scores=st.dictionaries(st.integers(0, 60), SCORES, max_size=40))
def test_matches_held_as_arrays_are_the_same_as_held_as_scores(scores):
    # A common word's impacts are held as arrays, a rarer word's and Whoosh's reading as a
    # dictionary: the documents, the ranking, the documents best first (in numpy, at any
    # length here) and each form made from the other all agree.
    gen = _Generation()
    ids = np.array(sorted(scores), dtype=np.int32)
    values = np.array([scores[n] for n in sorted(scores)])
    as_arrays = Matches.of_arrays(ids, values, None, gen.doc_array(), 11)
    as_scores = Matches.of_scores(dict(scores), gen.doc_of)
    assert as_arrays.as_arrays_only and not as_scores.as_arrays_only
    assert as_arrays.docs == as_scores.docs and len(as_arrays) == len(as_scores) == len(scores)
    assert list(as_arrays.ranked()) == list(as_scores.ranked())
    in_python = as_scores.documents(gen)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(generation_module, "DOCUMENTS_BY_ARRAYS_FROM", 0)
        assert as_arrays.documents(gen) == in_python
        assert Matches.of_scores(dict(scores), gen.doc_of).documents(gen) == in_python
    assert as_arrays.scores == scores
    (a, b), (c, d) = as_arrays.arrays(), as_scores.arrays()
    assert a.tolist() == c.tolist() and b.tolist() == d.tolist()


def test_a_common_word_beside_a_rarer_one_is_ranked_from_arrays(tmp_path: Path, monkeypatch):
    # "finance" is in every document, "tourism" in a few: with the common word past
    # ARRAYS_FROM (and both read from the impacts, as arrays) the documents are ranked in
    # numpy without making the common word a dictionary, and rank as the walk ranks them.
    docs = [
        make_document(
            f"https://example.org/t{i}",
            f"Paper {i}",
            [f"Finance {'and finance ' * (i % 4)}for firms {i}." + " Tourism grew." * (i % 5 == 0)],
            year=2000 + i % 5,
        )
        for i in range(60)
    ]
    engine = Engine(make_index(tmp_path, docs))
    walked = engine.search("finance tourism", limit=20)
    assert walked["total"] == 12
    for module in (engine_module, generation_module):  # "finance": 60 passages or more
        monkeypatch.setattr(module, "ARRAYS_FROM", 30)
    by_arrays, built = [], []
    real = top_k.documents_by_arrays
    monkeypatch.setattr(top_k, "documents_by_arrays", lambda *a: by_arrays.append(1) or real(*a))
    monkeypatch.setattr(Matches, "scores", property(lambda m: built.append(m) or m._scores))
    engine = Engine(engine.index_dir)  # a new generation: its caches empty
    assert engine.search("finance tourism", limit=20) == {**walked, "elapsed_ms": ANY}
    assert by_arrays and not built


def test_a_search_ranks_and_counts_the_same_from_arrays(tmp_path: Path, monkeypatch):
    # Two words in many passages: ranked from arrays, every document as the walk ranks them
    # when it meets them all; the facets counted in numpy as one by one.
    docs = [
        make_document(
            f"https://example.org/d{i}",
            f"Paper {i}",
            [
                f"Trade {'and finance ' * (i % 4)}for firms {i}.",
                f"Finance {'and trade ' * (i % 3)}for markets {i}.",
                "Other officials reported on tourism.",
            ],
            year=2000 + i % 20,
            doc_type="ministerial_statement" if i % 7 == 0 else "news_article",
        )
        for i in range(60)
    ]
    engine = Engine(make_index(tmp_path, docs))
    queries = ["trade finance", "finance", "trade firms", "finance markets statement"]
    walked = [engine.search(q, limit=30) for q in queries]
    assert len(walked[0]["facets"]["year"]) == 20 and len(walked[0]["facets"]["doc_type"]) == 2
    monkeypatch.setattr(engine_module, "ARRAYS_FROM", 0)
    monkeypatch.setattr(engine_module, "COUNTED_BY_ARRAYS", 0)
    for q, before in zip(queries, walked, strict=True):
        assert engine.search(q, limit=30) == {**before, "elapsed_ms": ANY}, q


@FUZZ
@given(
    scores=st.dictionaries(st.integers(0, 60), SCORES, max_size=40),
    want=st.integers(1, 12),
    boosted=st.sets(st.integers(0, 12), max_size=5),
    left_out=st.sets(st.integers(0, 12), max_size=4),
)
def test_documents_by_their_best_passages_keep_the_top_exact(scores, want, boosted, left_out):
    # Five passages a document; documents in ``boosted`` score 1.5 times (an outcome prior).
    doc_of = [n // 5 for n in range(61)]
    allowed = set(range(13)) - left_out
    summed: dict[int, list[float]] = {}
    for n, score in scores.items():
        summed.setdefault(n // 5, []).append(score)
    expected = sorted(
        (
            (
                sum(sorted(held, reverse=True)[: doc_rank.PASSAGES_SUMMED])
                * (1.5 if o in boosted else 1.0),
                min(n for n in scores if n // 5 == o and scores[n] == max(held)),
            )
            for o, held in summed.items()
            if o in allowed
        ),
        key=lambda h: (-h[0], h[1]),
    )[:want]
    found = top_k.top_documents(
        doc_rank.documents_best_first(scores, doc_of),
        allowed,
        want,
        lambda o: 1.5 if o in boosted else 1.0,
        1.5,
    )
    assert found == [(n, s) for s, n in expected]


def test_the_walk_stops_early_on_long_lists():
    a = {n: 1.0 + (n % 7) / 10 for n in range(5000)}
    b = {n: 2.0 + (n % 5) / 10 for n in range(0, 5000, 2)}
    met = set()

    class Documents(list):  # five passages a document; records which it was asked about
        def __getitem__(self, n):
            met.add(n)
            return n // 5

    found, complete = top_k.best_passage_per_document(
        _ranked([a, b]), [a, b], 10, Documents(), set(range(1000))
    )
    assert not complete and found == _brute_documents([a, b], set(range(1000)), lambda o: 1.0)[:10]
    assert len(met) < 1000  # far fewer than the 2,500 passages holding both


def test_a_word_walked_ranks_as_a_word_ranked_whole(tmp_path: Path, monkeypatch):
    # Forty documents of one to five passages saying "osprey" from one to six times, some
    # of them outcome documents (the prior), some of them dated for a year filter.
    docs = [
        make_document(
            f"https://sme.example/osprey-{i}",
            f"Note {i}",
            [
                f"Part {j} of note {i}: " + "osprey " * (1 + (i * j) % 6) + "nests " * 30
                for j in range(1 + i % 5)
            ],
            year=2000 + i % 4,
            doc_type="ministerial_statement" if i % 7 == 0 else "news_article",
        )
        for i in range(40)
    ]
    index = make_index(tmp_path, docs)

    def pages(q: str, **kwargs) -> list[list[tuple[str, float]]]:
        engine = Engine(index)
        found = [engine.search(q, page=page, **kwargs)["results"] for page in (1, 2, 3)]
        engine.close()
        return [[(r["id"], r["score"]) for r in results] for results in found]

    for q, kwargs in (("osprey", {}), ("osprey", {"year": (2001, 2002)}), ("nests", {})):
        monkeypatch.setattr(engine_module, "RANKED_UP_TO", 10**9)
        whole = pages(q, **kwargs)
        monkeypatch.setattr(engine_module, "RANKED_UP_TO", 0)
        assert pages(q, **kwargs) == whole, q
        assert sum(map(len, whole)) >= 20


def test_some_of_your_words_reach_past_a_few_long_documents(tmp_path: Path):
    # Five long reports say "zephyrine" once in each of their thirty passages, a hundred and
    # fifty notes say "bulwark" once: every passage scores the same, the reports' come
    # first, and no document holds both words. The top passages of an OR of the two words
    # are the reports' only: the list must look further down to find enough documents.
    more = "more words " * 20
    reports = [
        make_document(
            f"https://sme.example/a-report-{i}",
            f"Report {i}",
            [f"Part {j} of report {i} zephyrine {more}" for j in range(30)],
            year=2020,
        )
        for i in range(5)
    ]
    notes = [  # each names its number: its own text, not a copy of the others
        make_document(
            f"https://sme.example/note-{i}",
            f"Note {i}",
            [f"Note {i} of note {i} bulwark {more}"],  # as long as a report's passage
            year=2021,
        )
        for i in range(150)
    ]
    found = Engine(make_index(tmp_path, reports + notes)).search("zephyrine bulwark")
    assert found["total"] == 0
    urls = [r["url"] for r in found["partial"]]
    assert len(urls) == 10
    assert sum("/a-report-" in u for u in urls) == 5
