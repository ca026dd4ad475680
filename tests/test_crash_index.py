"""A build killed with SIGKILL part way leaves the old index serving the same answers, and
the next build cleans up what it left behind."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.index.build import build_index, current_generation
from indexer.search.engine import Engine
from tests.helpers import make_corpus, make_document

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "ministers",
    "welcome",
    "support",
    "finance",
    "women",
    "enterprise",
    "digital",
    "trade",
    "market",
    "export",
    "growth",
    "policy",
    "resilience",
    "innovation",
    "startup",
    "credit",
]
QUERIES = ["finance", "women enterprise", '"digital trade"', "export NOT zebrafinch", "growth OR x"]


def long_documents(n: int, paragraphs: int) -> list:
    """Documents long enough that a full build takes a few seconds (so it can be killed)."""
    rng = random.Random(3)
    return [
        make_document(
            f"https://example.org/long/{i}",
            f"Long statement {i}",
            [" ".join(rng.choices(WORDS, k=80)) + "." for _ in range(paragraphs)],
            year=2000 + i,
        )
        for i in range(n)
    ]


def answers(engine: Engine) -> list[list[tuple[str, float, str]]]:
    return [
        [(r["id"], r["score"], r["snippet"]) for r in engine.search(q, limit=20)["results"]]
        for q in QUERIES
    ]


def wait_for_writer(index_dir: Path, proc: subprocess.Popen) -> Path:
    """The build folder, once the build has its Whoosh writer open (it is adding records)."""
    while proc.poll() is None:
        for build in index_dir.glob(".build-*"):
            if (build / "MAIN_WRITELOCK").exists():
                return build
        time.sleep(0.002)
    pytest.fail(f"the build ended (status {proc.returncode}) before it could be killed")


def test_killed_build_leaves_the_old_index_and_is_cleaned_next_time(tmp_path):
    corpus = make_corpus(tmp_path, long_documents(8, 60))
    index = tmp_path / "index"
    build_index(corpus, index)
    old_generation = current_generation(index)
    engine = Engine(index)
    before = answers(engine)
    assert all(before)
    added = "Ministers launched the zebrafinch fund for small enterprises in the region."
    make_corpus(tmp_path, [make_document("https://example.org/new", "New fund", [added])])

    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "indexer.cli",
            "index",
            "--corpus",
            str(corpus),
            "--index",
            str(index),
            "--recreate",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        build = wait_for_writer(index, proc)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert build.exists()  # killed part way: its half-built folder is still there

    assert current_generation(index) == old_generation
    assert answers(engine) == before
    fresh = Engine(index)  # a server started now reads the old index too
    assert answers(fresh) == before and fresh.search("zebrafinch")["total"] == 0

    summary = build_index(corpus, index)
    assert not list(index.glob(".build-*"))
    assert summary.path != old_generation
    assert fresh.search("zebrafinch")["total"] == 1
    assert answers(fresh) == answers(Engine(index))
    engine.close()
    fresh.close()
