"""`apec-search ask`: readable answers, the --json contract, a missing index."""

import json

import pytest
from click.testing import CliRunner

from indexer.ask.calibration import calibration
from indexer.cli import cli
from tests.ask_corpus import BASE, DOCS
from tests.helpers import make_index


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return str(make_index(tmp_path_factory.mktemp("askcli"), DOCS))


def run(*args):
    return CliRunner().invoke(cli, ["ask", *args])


def test_json_has_exactly_the_contract_keys(index_dir):
    result = run("Who chaired the 2021 SME ministerial meeting?", "--json", "--index", index_dir)
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert {"question", "answers", "confident"} <= found.keys()
    assert found["question"] == "Who chaired the 2021 SME ministerial meeting?"
    assert found["confident"] is True
    a = found["answers"][0]
    assert {"answer", "span", "context", "title", "url", "link", "year", "score"} <= a.keys()
    assert (a["span"], a["url"], a["year"]) == ("Hon. Mere Tawhiri", BASE + "smemm/2021", 2021)
    assert isinstance(a["score"], float) and isinstance(a["context"], str)
    threshold = calibration().threshold
    assert all(threshold <= x["confidence"] <= 1 for x in found["answers"] if x["confident"])
    assert a["confident"] and a["answer_kind"] == "person"


def test_declined_answers_carry_a_confidence_below_the_threshold(index_dir):
    result = run("Who chaired the 2035 SME ministerial meeting?", "--json", "--index", index_dir)
    found = json.loads(result.output)
    assert found["confident"] is False and found["answers"]
    assert all(0 <= a["confidence"] < calibration().threshold for a in found["answers"])


def test_limit_is_passed_on(index_dir):
    result = run(
        "Who chaired the SME ministerial meeting?", "--limit", "1", "--json", "--index", index_dir
    )
    assert len(json.loads(result.output)["answers"]) == 1


def test_text_output_shows_the_answer_its_source_and_link(index_dir):
    result = run("Who", "chaired", "the", "2021", "meeting?", "--index", index_dir)
    assert result.exit_code == 0, result.output
    assert "Hon. Mere Tawhiri" in result.output
    assert (
        "2021 SME Ministerial Meeting: Joint Ministerial Statement · 2021 · confidence"
        in result.output
    )
    assert BASE + "smemm/2021#:~:text=" in result.output


def test_text_output_says_when_it_has_no_confident_answer(index_dir):
    result = run("Who chaired the 2035 SME ministerial meeting?", "--index", index_dir)
    assert result.exit_code == 0
    assert "No confident answer" in result.output
    assert BASE in result.output


def test_no_index_is_one_clear_line(tmp_path):
    result = run("Who chaired the meeting?", "--index", str(tmp_path / "none"))
    assert result.exit_code == 1
    assert "apec-search index" in result.output
    assert "Traceback" not in result.output


def test_a_question_is_required():
    assert run().exit_code == 2
