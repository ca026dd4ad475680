"""The load test measures a corpus the earlier code cannot index (documents of a newer shape)
without that code's server, saying why, rather than stopping."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.load import main, prepare, synthetic_corpus


def test_a_corpus_the_old_code_cannot_index_is_measured_without_it(tmp_path: Path, capsys):
    old = tmp_path / "old"
    (old / "indexer").mkdir(parents=True)
    (old / "indexer" / "__init__.py").write_text("raise TypeError('a shape it cannot read')\n")
    p = prepare("three documents", tmp_path / "work", lambda w: synthetic_corpus(w, 3), old)
    said = capsys.readouterr().out
    assert not p.before and len(p.docs) == 3 and (p.work / "fts.db").is_file()
    assert "the old code cannot index it" in said and "a shape it cannot read" in said
    assert not (p.work / "index-before").exists()


def test_no_corpus_to_measure_is_said_before_anything_runs(monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", ["load.py", "--real-docs", "0", "--docs", "0"])
    with pytest.raises(SystemExit, match="nothing to measure"):
        main()
