"""`apec-search index` and `apec-search search` from the command line."""

import json

import pytest
from click.testing import CliRunner

from indexer.cli import cli
from tests.helpers import SEARCH_RESULT_KEYS, make_corpus
from tests.search_fixtures import sample_docs


@pytest.fixture(scope="module")
def dirs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli")
    corpus = make_corpus(tmp, sample_docs())
    index = tmp / "index"
    result = CliRunner().invoke(cli, ["index", "--corpus", str(corpus), "--index", str(index)])
    assert result.exit_code == 0, result.output
    return corpus, index, result.output


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_index_prints_a_summary(dirs):
    _, _, output = dirs
    assert "Indexed 6 documents" in output and "6 analysed" in output


def test_index_again_reuses_everything(dirs):
    corpus, index, _ = dirs
    result = run("index", "--corpus", str(corpus), "--index", str(index))
    assert result.exit_code == 0
    assert "0 analysed, 6 unchanged" in result.output


def test_json_has_exactly_the_documented_shape(dirs):
    _, index, _ = dirs
    result = run("search", "women", "--json", "--index", str(index))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"query", "total", "page", "suggestion", "results", "partial", "facets"} <= data.keys()
    assert data["query"] == "women" and data["page"] == 1 and data["suggestion"] is None
    assert data["total"] == 2
    for r in data["results"]:
        assert r.keys() >= SEARCH_RESULT_KEYS
        assert isinstance(r["score"], float) and isinstance(r["year"], int)
    assert set(data["facets"]) >= {"year", "doc_type"}
    assert all(isinstance(k, str) for k in data["facets"]["year"])


def test_options(dirs):
    _, index, _ = dirs
    result = run(
        "search",
        "working",
        "group",
        "--year",
        "2010-2013",
        "--sort",
        "oldest",
        "--limit",
        "2",
        "--page",
        "2",
        "--json",
        "--index",
        str(index),
    )
    data = json.loads(result.output)
    assert data["total"] == 3 and data["page"] == 2
    assert [r["year"] for r in data["results"]] == [2013]
    result = run("search", "finance", "--type", "declaration", "--json", "--index", str(index))
    assert [r["doc_type"] for r in json.loads(result.output)["results"]] == ["declaration"]


def test_readable_list(dirs):
    _, index, _ = dirs
    result = run("search", "womn", "--index", str(index))
    assert result.exit_code == 0
    assert "showing results for “women”" in result.output
    assert "2 documents" in result.output
    assert "Chair's Statement on the Digital Economy" in result.output
    assert "#page=2" in result.output and "<mark>" not in result.output


def test_index_from_the_environment(dirs, monkeypatch):
    _, index, _ = dirs
    monkeypatch.setenv("APEC_SEARCH_INDEX", str(index))
    assert json.loads(run("search", "startups", "--json").output)["total"] == 1


def test_no_index_is_a_clear_error(tmp_path):
    result = run("search", "women", "--index", str(tmp_path / "none"))
    assert result.exit_code == 1
    assert "apec-search crawl" in result.output and "Traceback" not in result.output


def test_bad_year_option(dirs):
    _, index, _ = dirs
    result = run("search", "women", "--year", "20x", "--index", str(index))
    assert result.exit_code == 2 and "2010-2015" in result.output


def test_malformed_query_is_answered(dirs):
    _, index, _ = dirs
    result = run("search", '"digital economy', "AND", "--json", "--index", str(index))
    assert result.exit_code == 0
    assert json.loads(result.output)["notes"]


def test_index_of_an_empty_corpus_says_what_to_do(tmp_path):
    result = run("index", "--corpus", str(tmp_path / "c"), "--index", str(tmp_path / "i"))
    assert result.exit_code == 0
    assert "Indexed 0 documents" in result.output and "apec-search crawl" in result.output


@pytest.mark.parametrize(
    "words",
    [["finance", "-pandemic"], ["-pandemic", "finance"], ["finance", "-hostels"]],
)
def test_minus_word_works_unquoted(dirs, words):
    # "-pandemic" is no option: it excludes the word ("-h…" is not the help option either).
    _, index, _ = dirs
    result = run("search", *words, "--json", "--index", str(index))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["query"] == " ".join(words)
    expected = 2 if "-pandemic" in words else 3
    assert data["total"] == expected


def test_real_options_still_work_beside_a_minus_word(dirs):
    _, index, _ = dirs
    result = run("search", "finance", "-pandemic", "--limit", "1", "--json", "--index", str(index))
    data = json.loads(result.output)
    assert data["limit"] == 1 and len(data["results"]) == 1
    assert run("search", "--help").output.startswith("Usage")
    assert run("trends", "finance", "-pandemic", "--index", str(index)).exit_code == 0
