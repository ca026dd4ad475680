"""Searches from many threads at once (as the web app's workers make them) get the same
results as the same searches made one after another."""

from concurrent.futures import ThreadPoolExecutor

from tests.search_fixtures import engine  # noqa: F401

QUERIES = [
    "finance",
    '"digital economy"',
    "women-owned enterprise",
    "ministers -pandemic",
    "year:2010..2016 finance",
    "digitl",
]


def _view(found: dict) -> tuple:
    return (found["total"], [(r["passage_id"], r["snippet"]) for r in found["results"]])


def test_concurrent_searches_match_sequential_ones(engine):  # noqa: F811
    expected = {q: _view(engine.search(q)) for q in QUERIES}
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda q: (q, _view(engine.search(q))), QUERIES * 20))
    assert all(view == expected[q] for q, view in got)
    assert any(view[0] for view in expected.values())


def test_documents_and_searches_interleave_across_threads(engine):  # noqa: F811
    doc_id = engine.search("finance")["results"][0]["id"]
    expected = engine.document(doc_id, highlight="finance")

    def work(n: int):
        return engine.document(doc_id, highlight="finance") if n % 2 else engine.search("finance")

    with ThreadPoolExecutor(max_workers=6) as pool:
        docs = [d for d in pool.map(work, range(60)) if "paragraphs" in d]
    assert len(docs) == 30 and all(d == expected for d in docs)
