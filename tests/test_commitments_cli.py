"""`apec-search commitments` and `apec-search trends` through click's runner."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from indexer.cli import cli
from indexer.search import trends as trends_module
from tests.helpers import make_document, make_index

ISSUE_KEYS = {"text", "verb", "strength", "actor", "topics", "year", "title", "url", "link"}


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    docs = [
        make_document(
            "https://example.org/2012.pdf",
            '=HYPERLINK("http://evil.example")',
            ["We welcome the SME finance report.", "We agree to support start-ups."],
            doc_type="ministerial_statement",
            year=2012,
        ),
        make_document(
            "https://example.org/2020",
            "2020 Joint Ministerial Statement",
            [
                "12. We endorse the digital roadmap for MSMEs.",
                "13. We encourage economies to share data on women entrepreneurs.",
                "Our commitments remain as before.",
            ],
            doc_type="ministerial_statement",
            year=2020,
        ),
    ]
    return make_index(tmp_path_factory.mktemp("cli"), docs)


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    return result


def test_json_shape_lists_every_record_without_filters(index_dir):
    result = run("commitments", "--json", "--index", str(index_dir))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"total", "commitments"}
    assert data["total"] == len(data["commitments"]) == 4
    for record in data["commitments"]:
        assert set(record) >= ISSUE_KEYS
        assert record["strength"] in {"strong", "medium", "weak"}
        assert isinstance(record["topics"], list)
        assert isinstance(record["year"], int)
    first = data["commitments"][0]
    assert first["text"] == "We endorse the digital roadmap for MSMEs."
    assert first["verb"] == "endorse" and first["actor"] == "We"
    assert first["url"] == "https://example.org/2020"
    assert first["link"].startswith("https://example.org/2020#:~:text=We%20endorse")
    assert first["paragraph_number"] == 12


def test_filters_combine(index_dir):
    result = run(
        "commitments", "--topic", "data", "--year", "2015-2022", "--strength", "medium",
        "--q", "women", "--json", "--index", str(index_dir),
    )  # fmt: skip
    data = json.loads(result.output)
    assert data["total"] == 1
    assert data["commitments"][0]["verb"] == "encourage"


def test_csv_output_is_escaped(index_dir):
    result = run("commitments", "--csv", "--year", "2012", "--index", str(index_dir))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0][0] == "year" and len(rows) == 3
    title = rows[0].index("title")
    assert rows[1][title] == '\'=HYPERLINK("http://evil.example")'


def test_text_output_groups_by_year(index_dir):
    result = run("commitments", "--index", str(index_dir))
    assert result.exit_code == 0
    assert result.output.index("2020") < result.output.index("2012")
    assert "[strong] endorse (We): We endorse the digital roadmap" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--topic", "fish"], "Invalid value for '--topic'"),
        (["--year", "twenty"], "give a year"),
        (["--strength", "huge"], "Invalid value for '--strength'"),
        (["--json", "--csv"], "Choose one of --json and --csv"),
    ],
)
def test_bad_options_are_clear_messages(index_dir, args, message):
    result = run("commitments", *args, "--index", str(index_dir))
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_missing_index_says_how_to_build_one(tmp_path):
    result = run("commitments", "--index", str(tmp_path / "none"))
    assert result.exit_code == 1
    assert "apec-search index" in result.output


def test_trends_json_and_table(index_dir, monkeypatch):
    monkeypatch.setattr(trends_module, "MEANINGFUL_WORDS", 1)  # this corpus's years are small
    result = run("trends", "digital", "finance", "--json", "--index", str(index_dir))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["terms"] == ["digital", "finance"]
    assert data["years"][0] == 2012 and data["years"][-1] == 2020
    digital = data["series"][0]["counts"]
    assert [c["year"] for c in digital if c["documents"]] == [2020]
    table = run("trends", "digital", "--index", str(index_dir)).output.splitlines()
    assert table[0].split() == ["year", "digital"]
    assert "undated left out" in table[-1]
    last = table[-3].split()
    assert last[0] == "2020" and last[1].startswith("1/1/")
    assert float(last[1].split("/")[2]) == digital[-1]["per_10k_words"] > 0


def test_trends_errors(tmp_path, index_dir):
    assert "apec-search index" in run("trends", "x", "--index", str(tmp_path / "none")).output
    result = run("trends", " ", "--index", str(index_dir))
    assert result.exit_code == 2 and "at least one" in result.output


def test_trends_of_a_topic(index_dir):
    result = run("trends", "--topic", "access-to-finance", "--json", "--index", str(index_dir))
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["terms"] == ["Access to finance"]
    bad = run("trends", "--topic", "bananas", "--index", str(index_dir))
    assert bad.exit_code == 2 and "Unknown topic" in bad.output
