"""The threshold algorithm's top matches are exactly those of scoring every passage: the
same passages, scores and order (ties to the lower record number), for ANDs and ORs, with
documents grouped and some left out; and on a search, the "some of your words" list
reaches past the top passages of a few long documents to enough documents."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from indexer.search import doc_rank, top_k
from indexer.search.engine import Engine
from tests.fuzz_strategies import FUZZ
from tests.helpers import make_document, make_index

SCORES = st.sampled_from([0.5, 1.0, 1.25, 2.0, 3.5])  # few values: many ties


def _brute(scores, want, group, every, weight=None):
    best = {}
    for n in sorted(set().union(*scores)):
        if every and not all(n in s for s in scores):
            continue
        key = group(n)
        if key is None:
            continue
        score = sum(s[n] for s in scores if n in s) * (weight(n) if weight else 1.0)
        if key not in best or score > best[key][0]:
            best[key] = (score, n)
    return [(n, s) for s, n in sorted(best.values(), key=lambda h: (-h[0], h[1]))]


@FUZZ
@given(
    parts=st.lists(
        st.dictionaries(st.integers(0, 60), SCORES, max_size=40), min_size=1, max_size=3
    ),
    want=st.integers(1, 12),
    every=st.booleans(),
    by_document=st.booleans(),
    left_out=st.sets(st.integers(0, 12), max_size=4),
)
def test_the_top_is_that_of_scoring_everything(parts, want, every, by_document, left_out):
    def group(n):
        key = n // 5 if by_document else n  # five passages a document
        return None if key in left_out else key

    ranked = [sorted(s, key=lambda n, s=s: (-s[n], n)) for s in parts]
    found, complete = top_k.top(ranked, parts, want, group, every)
    expected = _brute(parts, want, group, every)
    assert found == (expected if complete else expected[:want])
    assert complete or len(found) == want


@FUZZ
@given(
    parts=st.lists(
        st.dictionaries(st.integers(0, 60), SCORES, max_size=40), min_size=1, max_size=3
    ),
    want=st.integers(1, 12),
    every=st.booleans(),
    boosted=st.sets(st.integers(0, 12), max_size=5),
)
def test_a_prior_keeps_the_top_exact(parts, want, every, boosted):
    # Documents (five passages each) in ``boosted`` score 1.5 times: an outcome prior.
    def weight(n):
        return 1.5 if n // 5 in boosted else 1.0

    ranked = [sorted(s, key=lambda n, s=s: (-s[n], n)) for s in parts]
    found, complete = top_k.top(ranked, parts, want, lambda n: n // 5, every, weight, 1.5)
    expected = _brute(parts, want, lambda n: n // 5, every, weight)
    assert found == (expected if complete else expected[:want])


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
    ranked = [sorted(s, key=lambda n, s=s: (-s[n], n)) for s in (a, b)]
    met = set()

    def group(n):
        met.add(n)
        return n

    found, complete = top_k.top(ranked, [a, b], 10, group, every=True)
    assert not complete and found == _brute([a, b], 10, lambda n: n, True)[:10]
    assert len(met) < 1000  # far fewer than the 2,500 passages holding both


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
