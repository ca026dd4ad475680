"""The build is atomic: readers keep the old index until the new one is complete."""

import json
import os
import threading

import pytest

from indexer.index import store
from indexer.index.analysis import SCHEMA_VERSION
from indexer.index.build import BuildRunning, build_index, build_lock, current_generation
from indexer.search.engine import Engine
from indexer.search.generation import IndexDamaged, IndexMissing, IndexOutdated
from tests.helpers import make_corpus, make_document
from webapp import create_app


def doc(n: int, text: str):
    return make_document(f"https://example.org/d{n}", f"Statement {n}", [text], year=2000 + n)


@pytest.fixture
def built(tmp_path):
    corpus = make_corpus(tmp_path, [doc(1, "Ministers endorsed the export finance roadmap.")])
    index = tmp_path / "index"
    build_index(corpus, index)
    return tmp_path, corpus, index


def test_layout_is_a_current_link_to_a_generation(built):
    _, _, index = built
    assert (index / "current").is_symlink()
    assert current_generation(index).name == "gen-1"
    assert Engine(index).index_path == index / "gen-1"


def test_reader_opened_before_a_rebuild_keeps_working_and_then_sees_the_new_one(built):
    tmp_path, corpus, index = built
    engine = Engine(index)
    old = engine.search("export")
    assert old["total"] == 1
    make_corpus(tmp_path, [doc(2, "A new statement on export credit insurance.")])
    build_index(corpus, index, recreate=True)
    assert engine.search("export")["total"] == 2  # the engine noticed the swap
    assert engine.index_path.name == "gen-2"
    assert (index / "gen-1").exists()  # kept for readers that still have it open


def test_searcher_holding_the_old_generation_still_reads_it(built):
    tmp_path, corpus, index = built
    old = store.Index(current_generation(index))
    make_corpus(tmp_path, [doc(2, "Another export statement.")])
    build_index(corpus, index)
    build_index(corpus, index, recreate=True)  # gen-1 is removed now
    assert not (index / "gen-1").exists()
    assert old.doc_count() == 2  # one document record and one passage, still readable
    old.close()


def test_a_build_that_fails_half_way_leaves_the_old_index(built, monkeypatch):
    tmp_path, corpus, index = built
    make_corpus(tmp_path, [doc(n, f"Paper {n} on export promotion.") for n in range(2, 6)])
    added = []

    def add_then_fail(self, record):
        added.append(record)
        if len(added) > 3:
            raise RuntimeError("disk full")
        real_add(self, record)

    real_add = store.Writer.add
    monkeypatch.setattr(store.Writer, "add", add_then_fail)
    with pytest.raises(RuntimeError):
        build_index(corpus, index)
    assert current_generation(index).name == "gen-1"
    assert Engine(index).search("export")["total"] == 1
    assert not [p for p in index.iterdir() if p.name.startswith(".build-")]


def test_a_killed_build_is_cleaned_up_next_time(built):
    _, corpus, index = built
    stale = index / ".build-99999-1"
    stale.mkdir()
    (stale / "junk").write_text("half an index")
    build_index(corpus, index)
    assert not stale.exists()


def test_a_second_build_waits_then_says_one_is_running(built):
    _, corpus, index = built
    with build_lock(index), pytest.raises(BuildRunning, match="another index build is running"):
        build_index(corpus, index, lock_timeout=0.3)


def test_a_second_build_runs_once_the_first_is_done(built):
    _, corpus, index = built
    held, release = threading.Event(), threading.Event()

    def hold():
        with build_lock(index):
            held.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    assert held.wait(5)  # the build below starts only once the lock is taken
    threading.Timer(0.3, release.set).start()
    summary = build_index(corpus, index, lock_timeout=5)
    holder.join()
    assert summary.documents == 1


def test_a_corrupt_index_is_not_served_and_is_rebuilt(built):
    _, corpus, index = built
    gen = current_generation(index)
    for toc in gen.glob("*.toc"):
        toc.unlink()
    with pytest.raises(IndexDamaged, match="--recreate"):
        Engine(index).search("export")
    summary = build_index(corpus, index)
    assert "damaged" in summary.rebuilt_because
    assert Engine(index).search("export")["total"] == 1


def test_an_index_of_another_schema_is_not_served_and_is_rebuilt(built):
    _, corpus, index = built
    meta_file = current_generation(index) / "index_meta.json"
    meta = json.loads(meta_file.read_text())
    meta_file.write_text(json.dumps(meta | {"schema_version": SCHEMA_VERSION - 1}))
    with pytest.raises(IndexOutdated, match="run `apec-search index`"):
        Engine(index).search("export")
    page = create_app({"INDEX_DIR": index, "TESTING": True}).test_client().get("/search?q=x")
    assert page.status_code == 503 and b"another version of apec-search" in page.data
    summary = build_index(corpus, index)
    assert summary.rebuilt_because == "the index schema changed"
    assert Engine(index).search("export")["total"] == 1


def test_recreate_rebuilds_everything(built):
    _, corpus, index = built
    summary = build_index(corpus, index, recreate=True)
    assert summary.reanalysed == 1 and summary.reused == 0
    assert summary.rebuilt_because == "--recreate"


def test_no_index_is_one_clear_line(tmp_path):
    with pytest.raises(IndexMissing) as err:
        Engine(tmp_path / "nothing").search("x")
    message = str(err.value)
    assert "apec-search crawl" in message and "apec-search index" in message
    assert "\n" not in message


def test_the_lock_file_is_the_only_leftover(built):
    _, _, index = built
    names = sorted(os.listdir(index))
    assert names == [".lock", "current", "gen-1"]
