"""`apec-search update`: crawl, then extract and index what changed."""

import os

from click.testing import CliRunner

from indexer.cli import cli
from indexer.search.engine import Engine
from tests.helpers import make_document, make_index


def test_update_crawls_extracts_and_indexes(sme_site, tmp_path):
    args = [
        "update",
        "--seed",
        sme_site.url("/"),
        "--delay",
        "0",
        "--max-pages",
        "30",
        "--corpus",
        str(tmp_path / "corpus"),
        "--index",
        str(tmp_path / "index"),
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "crawl:" in result.output and "Indexed" in result.output
    engine = Engine(tmp_path / "index")
    assert engine.stats()["documents"] > 0
    assert engine.search("")["total"] == engine.stats()["documents"]
    again = CliRunner().invoke(cli, args)
    assert "0 analysed" in again.output  # nothing changed on the site


def test_update_without_network_leaves_everything_as_it_was(tmp_path):
    index = make_index(
        tmp_path, [make_document("https://e.org/a", "A", ["Export credit for firms."])]
    )
    before = os.readlink(index / "current")
    manifest = (tmp_path / "corpus" / "manifest.jsonl").read_bytes()
    result = CliRunner().invoke(
        cli,
        [
            "update",
            "--seed",
            "http://127.0.0.1:9/",
            "--delay",
            "0",
            "--corpus",
            str(tmp_path / "corpus"),
            "--index",
            str(index),
        ],
    )
    assert result.exit_code == 1
    assert "apec-search update:" in result.output and "Traceback" not in result.output
    assert os.readlink(index / "current") == before
    assert (tmp_path / "corpus" / "manifest.jsonl").read_bytes() == manifest
    assert Engine(index).search("export")["total"] == 1
