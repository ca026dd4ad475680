"""What is kept per index generation to answer faster (a passage's stored fields, sentences
and words, and its link and snippet for the query words it holds; what each query part
matches and its scores; the term lookups of each searcher; a word's spelling correction)
changes no answer: another query on the same passage gets its own sentence and snippet, a
rebuilt index is served fresh by the same Engine, an Engine that can keep nothing answers
as one that keeps everything, and a searcher that forgets its term lookups answers the
same. A part shared by different queries is read and scored once per generation, a word
spell-checked once, a passage's link and snippet made once for the queries marking the
same words of it, and a server reads the common words and the passages ahead, in the
background, stopping when the generation is closed."""

import gc
import threading
import weakref
from array import array
from collections import OrderedDict
from pathlib import Path

from indexer.index import queries as queries_module
from indexer.index import store
from indexer.index.analysis import STOP_WORDS
from indexer.index.build import build_index
from indexer.index.impacts import Impacts
from indexer.search import doc_rank, generation
from indexer.search.bounded_cache import BoundedCache
from indexer.search.engine import Engine
from indexer.search.generation import Shown
from tests.helpers import make_corpus, make_document, make_index
from tests.search_fixtures import sample_docs

URL = "https://sme.example/lakeside-statement"


def _statement(second: str) -> list:
    return [
        make_document(
            URL,
            "Lakeside Statement on Small Enterprises",
            [
                "Ministers met in Lakeside, Atlantis. They discussed tourism recovery after the"
                f" floods of the northern coast. {second}"
            ],
            year=2019,
        )
    ]


def test_another_query_on_a_kept_passage_links_its_own_sentence(tmp_path: Path):
    corpus = make_corpus(tmp_path, _statement("Officials reported on trade finance for firms."))
    build_index(corpus, tmp_path / "index")
    engine = Engine(tmp_path / "index")
    tourism = engine.search("tourism")["results"][0]
    finance = engine.search("finance")["results"][0]
    assert tourism["passage_id"] == finance["passage_id"]
    assert "tourism" in tourism["link"] and "finance" not in tourism["link"]
    assert "finance" in finance["link"] and "tourism" not in finance["link"]
    assert "<mark>tourism</mark>" in tourism["snippet"]
    assert "<mark>finance</mark>" in finance["snippet"]
    assert "<mark>" not in tourism["snippet"].replace("<mark>tourism</mark>", "")


def test_queries_marking_the_same_words_of_a_passage_share_its_link_and_snippet(
    tmp_path: Path, monkeypatch
):
    corpus = make_corpus(tmp_path, _statement("Officials reported on trade finance for firms."))
    build_index(corpus, tmp_path / "index")
    made: list[frozenset[str]] = []
    real = Shown.showing
    monkeypatch.setattr(
        Shown, "showing", lambda s, p: made.append(frozenset(p.stems)) or real(s, p)
    )
    engine = Engine(tmp_path / "index")
    alone = engine.search("tourism")["results"][0]
    # "zanzibar" is not in the passage: the same words marked, the link and snippet kept
    partial = engine.search("tourism zanzibar")["partial"][0]
    assert made == [{"tourism"}]
    assert (partial["link"], partial["snippet"]) == (alone["link"], alone["snippet"])
    both = engine.search("tourism finance")["results"][0]  # other words marked: made anew
    assert len(made) == 2 and "<mark>finance</mark>" in both["snippet"]


def test_a_rebuilt_index_is_served_fresh_by_the_same_engine(tmp_path: Path):
    old = make_corpus(tmp_path / "old", _statement("Officials reported on trade finance."))
    build_index(old, tmp_path / "index")
    engine = Engine(tmp_path / "index")
    before = engine.search("tourism")["results"][0]
    assert "trade finance" in before["snippet"]

    new = make_corpus(tmp_path / "new", _statement("Officials praised the tourism boards."))
    build_index(new, tmp_path / "index", recreate=True)
    after = engine.search("tourism")["results"][0]
    assert "praised the" in after["snippet"] and "trade finance" not in after["snippet"]
    assert after["snippet"].count("<mark>tourism</mark>") == 2
    assert engine.search("finance")["total"] == 0


def test_a_part_shared_by_queries_is_scored_once_per_generation(tmp_path: Path, monkeypatch):
    corpus = make_corpus(tmp_path, _statement("Officials reported on trade finance for firms."))
    build_index(corpus, tmp_path / "index")
    scored: list[str] = []  # read from the impacts
    read: list[str] = []  # read by Whoosh
    real, whoosh = Impacts.matches, queries_module.scores
    monkeypatch.setattr(Impacts, "matches", lambda i, q: scored.append(repr(q)) or real(i, q))
    monkeypatch.setattr(queries_module, "scores", lambda r, q: read.append(repr(q)) or whoosh(r, q))
    engine = Engine(tmp_path / "index")
    first = engine.search("tourism finance")
    engine.search("finance tourism")
    engine.search('tourism recovery "trade finance"')  # the phrase: through Whoosh
    assert first["total"] == 1
    assert len(scored) == len(set(scored))  # each part once: the words, and the quoted
    words = [q for q in scored if q.startswith("Or(")]  # phrase's words in titles
    assert len(words) == 3  # tourism, finance, recovery
    assert len(read) == 1  # the phrase
    before = len(scored)

    build_index(
        make_corpus(tmp_path / "new", _statement("Nothing else.")),
        tmp_path / "index",
        recreate=True,
    )
    assert engine.search("tourism finance")["total"] == 0  # the new generation's own scores
    assert len(scored) == before + 2


def test_a_word_is_spell_checked_once_per_generation(tmp_path: Path, monkeypatch):
    corpus = make_corpus(tmp_path, _statement("Officials reported on trade finance for firms."))
    build_index(corpus, tmp_path / "index")
    checked: list[str] = []  # each word, looked up in the index (none is in two documents)
    real = store.correction
    monkeypatch.setattr(store, "correction", lambda *a: checked.append(a[1]) or real(*a))
    engine = Engine(tmp_path / "index")
    first = engine.search("turism finance")
    assert engine.search("finance turism")["suggestion"] == first["suggestion"]
    assert sorted(checked) == ["finance", "turism"]

    build_index(
        make_corpus(tmp_path / "new", _statement("Nothing else.")),
        tmp_path / "index",
        recreate=True,
    )
    engine.search("turism finance")  # the new generation's own words
    assert sorted(checked) == ["finance", "finance", "turism", "turism"]


def test_a_concepts_terms_are_looked_up_once_per_generation(tmp_path: Path, monkeypatch):
    corpus = make_corpus(tmp_path, _statement("Officials reported on access to credit for firms."))
    build_index(corpus, tmp_path / "index")
    looked_up: list[str] = []
    real = queries_module.in_vocabulary
    monkeypatch.setattr(
        queries_module, "in_vocabulary", lambda r, t: looked_up.append(t) or real(r, t)
    )
    engine = Engine(tmp_path / "index")
    first = engine.search("access to finance")
    concept = first["expanded"][0]["concept"]
    assert {"term": "access to credit", "concept": concept, "language": None} in first["expanded"]
    assert looked_up and len(looked_up) == len(set(looked_up))
    again = list(looked_up)
    assert engine.search("access to finance")["expanded"] == first["expanded"]
    assert engine.search("access to finance -tourism")["expanded"] == first["expanded"]
    assert looked_up == again  # none looked up again


def test_an_engine_keeping_no_scores_answers_the_same(tmp_path: Path, monkeypatch):
    index = make_index(tmp_path, sample_docs())
    queries = [
        "trade finance",
        "finance trade",
        "women-owned enterprise",
        '"digital economy"',
        "digit*",
        "digitl",
        "finance -women",
        "finance type:statement",
        "tourism zebra",
    ]
    expected = [Engine(index).search(q, sort=s) for q in queries for s in ("relevance", "newest")]
    monkeypatch.setattr("indexer.search.generation.MATCHES_CACHE", 1)
    monkeypatch.setattr("indexer.search.generation.WHOOSH_READ_CACHE", 1)
    monkeypatch.setattr("indexer.search.generation.SHOWINGS_CACHE", 1)
    engine = Engine(index)
    got = [engine.search(q, sort=s) for q in queries for s in ("relevance", "newest")]
    assert [_untimed(f) for f in got] == [_untimed(f) for f in expected]
    gen = engine._current()
    assert gen.matched.weight <= 1 and gen.whoosh_read.weight <= 1 and len(gen.showings) <= 1


def test_a_part_whoosh_reads_is_kept_while_words_come_and_go(tmp_path: Path, monkeypatch):
    index = make_index(tmp_path, sample_docs())
    monkeypatch.setattr("indexer.search.generation.MATCHES_CACHE", 1)  # words: one at a time
    engine = Engine(index)
    assert engine.search('"digital economy"')["total"]
    for q in ("finance", "trade", "women", "tourism"):
        engine.search(q)
    read: list[str] = []
    real = queries_module.scores
    monkeypatch.setattr(queries_module, "scores", lambda r, q: read.append(repr(q)) or real(r, q))
    assert engine.search('"digital economy"')["total"]
    assert read == []


def test_bounded_cache_keeps_the_most_recently_used():
    cache: BoundedCache[str, int] = BoundedCache(2)
    made: list[str] = []

    def make(key: str):
        return lambda: made.append(key) or len(made)

    assert cache.get("a", make("a")) == 1
    assert cache.get("b", make("b")) == 2
    assert cache.get("a", make("a")) == 1  # kept: not made again, and now the most recent
    assert cache.get("c", make("c")) == 3  # "b", the least recently used, goes
    assert len(cache) == 2
    assert cache.get("b", make("b")) == 4
    assert made == ["a", "b", "c", "b"]


def test_bounded_cache_by_weight_drops_the_least_recent_until_it_fits():
    cache: BoundedCache[str, list[int]] = BoundedCache(5, weigh=len)
    cache.get("a", lambda: [1, 2])
    cache.get("b", lambda: [1, 2])
    assert cache.weight == 4
    cache.get("c", lambda: [1, 2, 3])  # 7 > 5: "a" goes, then 5 fits
    assert (len(cache), cache.weight) == (2, 5)
    assert cache.get("a", lambda: [9]) == [9]  # made again
    heavy = cache.get("d", lambda: list(range(6)))  # heavier than the whole cache
    assert heavy == list(range(6)) and cache.get("d", lambda: []) == []  # not kept
    assert cache.weight <= 5


def test_bounded_cache_hit_on_an_entry_pushed_out_meanwhile_is_still_its_value():
    cache: BoundedCache[str, int] = BoundedCache(2)
    cache.get("a", lambda: 1)

    class PushedOut(OrderedDict):
        def move_to_end(self, key, last=True):  # another thread dropped it after the lookup
            raise KeyError(key)

    cache._items = PushedOut(cache._items)
    assert cache.get("a", lambda: 2) == 1


def test_bounded_cache_shared_by_threads_stays_within_its_weight():
    cache: BoundedCache[int, list[int]] = BoundedCache(50, weigh=len)
    errors: list[BaseException] = []

    def work(seed: int) -> None:
        try:
            for i in range(3000):
                key = (i * seed) % 97
                assert cache.get(key, lambda key=key: [key] * (1 + key % 3))[0] == key
        except BaseException as e:  # noqa: BLE001 (reported by the main thread)
            errors.append(e)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in (1, 3, 7, 11)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert cache.weight == sum(len(v) for v in cache._items.values()) <= 50


def _untimed(found: dict) -> dict:
    return {k: v for k, v in found.items() if k != "elapsed_ms"}


def test_searchers_forgetting_their_term_lookups_answer_the_same(tmp_path: Path, monkeypatch):
    index = make_index(tmp_path, sample_docs())
    queries = ["finance", "women-owned enterprise", '"digital economy"', "digit*", "digitl"]
    expected = [Engine(index).search(q) for q in queries]
    monkeypatch.setattr(store, "TERM_LOOKUPS_KEPT", 1)
    engine = Engine(index)
    got = [engine.search(q) for q in queries * 2]
    assert [_untimed(f) for f in got] == [_untimed(f) for f in expected * 2]
    assert any(f["total"] for f in expected)


def _warm_engine(tmp_path: Path) -> Engine:
    corpus = make_corpus(tmp_path, _statement("Officials reported on trade finance for firms."))
    build_index(corpus, tmp_path / "index")
    return Engine(tmp_path / "index", warm_up=True)


def test_a_warmed_up_generation_answers_common_words_without_reading_them(
    tmp_path: Path, monkeypatch
):
    engine = _warm_engine(tmp_path)
    gen = engine._current()
    gen.warm_up()  # as its thread does (both may run: the caches are shared safely)
    read: list[str] = []
    real, checked = Impacts.matches, store.correction
    monkeypatch.setattr(Impacts, "matches", lambda i, q: read.append(repr(q)) or real(i, q))
    monkeypatch.setattr(
        "indexer.search.generation.Shown.read", lambda *a: read.append("passage") or None
    )
    monkeypatch.setattr(store, "correction", lambda r, w, *a: read.append(w) or checked(r, w, *a))
    found = engine.search("tourism floods")
    assert found["total"] == 1 and "<mark>tourism</mark>" in found["results"][0]["snippet"]
    assert read == []  # every word's matches, spelling and the passage were read ahead
    assert engine.search("zanzibar")["total"] == 0 and read  # a word the index lacks is read


def test_a_warm_up_reads_the_common_words_the_cache_can_hold(tmp_path: Path, monkeypatch):
    # A cache for a few passages' scores: every word's matches would not fit; reading them
    # all would push out the most common words for the rarest.
    monkeypatch.setattr(generation, "MATCHES_CACHE", 6)
    monkeypatch.setattr(generation.thesaurus, "terms", lambda: [])  # the words alone
    engine = _warm_engine(tmp_path)
    gen = engine._current()
    read: list[str] = []
    real = Impacts.matches
    monkeypatch.setattr(Impacts, "matches", lambda i, q: read.append(repr(q)) or real(i, q))
    with gen.ix.reader() as r:
        common = r.common_words(generation.WARM_UP_WORDS)
    first = next(w for w in common if w not in STOP_WORDS)
    gen.warm_up()
    assert 0 < len(read) < len(common) and gen.matched.weight <= 6
    del read[:]
    assert engine.search(first)["total"] == 1
    assert read == []  # the most common word was read ahead and kept


def test_a_warmed_up_generation_has_ranked_a_common_words_documents(tmp_path: Path, monkeypatch):
    engine = _warm_engine(tmp_path)
    engine._current().warm_up()
    ranked: list[int] = []
    real = doc_rank.documents_best_first
    monkeypatch.setattr(
        doc_rank, "documents_best_first", lambda s, d: ranked.append(1) or real(s, d)
    )
    assert engine.search("tourism")["total"] == 1
    assert ranked == []  # grouped into documents and ranked ahead, as a search alone ranks


def test_a_warmed_up_generation_answers_a_concept_without_whoosh(tmp_path: Path, monkeypatch):
    # A concept's other terms (phrases on the exact field) are read by Whoosh: ahead, once.
    engine = _warm_engine(tmp_path)
    engine._current().warm_up()
    read: list[str] = []
    real = queries_module.scores
    monkeypatch.setattr(queries_module, "scores", lambda r, q: read.append(repr(q)) or real(r, q))
    assert engine.search("access to finance")["total"] == 1
    assert engine.search("ecommerce")["expanded"] is not None
    assert read == []


def test_a_warmed_up_generation_is_kept_out_of_full_collections(tmp_path: Path):
    engine = Engine(tmp_path / "index")
    build_index(
        make_corpus(tmp_path, _statement("Officials reported on trade finance.")),
        tmp_path / "index",
    )
    gen = engine._current()
    gen.warm_up()
    assert gc.get_freeze_count() > 0  # its caches, left out of the collector's full passes
    closed = weakref.ref(gen)
    build_index(
        make_corpus(tmp_path / "new", _statement("Nothing else.")),
        tmp_path / "index",
        recreate=True,
    )
    del gen
    engine._current().warm_up()  # the next generation's: the closed one is collected first
    assert closed() is None
    gc.unfreeze()


def test_what_is_kept_to_show_passages_leaves_the_collector_few_objects_to_walk(tmp_path: Path):
    # A server keeps thousands of passages ready to show; the garbage collector's full
    # passes walk every object it tracks, with the process stopped.
    corpus = make_corpus(tmp_path, _statement("Officials reported on trade finance. Firms grew."))
    build_index(corpus, tmp_path / "index")
    engine = Engine(tmp_path / "index")
    found = engine.search("tourism finance")["results"][0]
    gen = engine._current()
    gc.collect()  # what holds only strings and numbers is no longer tracked after a pass
    assert len(gen.showings) == 1
    for key, showing in gen.showings._items.items():
        assert not gc.is_tracked(key) and not gc.is_tracked(showing)
    (shown,) = gen.shown._items.values()
    kept = [o for o in vars(shown.body).values() if gc.is_tracked(o)]
    assert {type(o) for o in kept} <= {array, dict}, kept  # its sentences as offsets
    assert "tourism" in found["link"] and "<mark>finance</mark>" in found["snippet"]


def test_a_warm_up_stops_when_its_generation_is_closed(tmp_path: Path):
    engine = Engine(tmp_path / "index")
    build_index(
        make_corpus(tmp_path, _statement("Officials reported on trade finance.")),
        tmp_path / "index",
    )
    gen = engine._current()
    gen.close()
    gen.warm_up()
    assert len(gen.matched) == 0 and len(gen.shown) == 0


def test_an_engine_that_warms_up_does_so_in_the_background(tmp_path: Path):
    engine = _warm_engine(tmp_path)
    gen = engine._current()
    for warming in threading.enumerate():  # gone already if it has finished
        if warming.name == f"warm-up {gen.target}":
            warming.join(timeout=60)  # milliseconds of work; a hang guard, not a timing check
    assert len(gen.shown) == 1 and len(gen.matched) > 5
    engine.close()
    assert gen.closing.is_set()
