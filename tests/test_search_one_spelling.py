"""One spelling: British and American variants meet in the index and in queries; a quoted
phrase still means the exact words."""

from pathlib import Path

import pytest

from indexer.index import analysis
from indexer.search.engine import Engine
from indexer.text.variants import one_spelling
from tests.helpers import make_document, make_index
from tests.match_fixtures import para, slugs

BASE = "https://example.org/spelling"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):
    docs = [
        make_document(
            f"{BASE}/british",
            "Statement of Westhaven",
            [
                para("The digitalisation of small firms is a priority of the organisation."),
                para("A mentoring programme at the regional centre will digitalise labour."),
            ],
            year=2017,
            doc_type="ministerial_statement",
        ),
        make_document(
            f"{BASE}/american",
            "Report of Easton",
            [
                para("The digitalization of small firms is a priority of the organization."),
                para("A mentoring program at the regional center will digitalize labor."),
            ],
            year=2015,
            doc_type="meeting_report",
        ),
    ]
    index: Path = make_index(tmp_path_factory.mktemp("spelling"), docs)
    engine = Engine(index)
    yield engine
    engine.close()


PAIRS = [
    ("digitalisation", "digitalization"),
    ("organisation", "organization"),
    ("programme", "program"),
    ("labour", "labor"),
    ("centre", "center"),
    ("digitalise", "digitalize"),
]


@pytest.mark.parametrize(("british", "american_word"), PAIRS)
def test_each_spelling_finds_both(engine, british, american_word):
    for q in (british, american_word):
        assert set(slugs(engine.search(q)["results"])) == {"british", "american"}, q


def test_a_quoted_word_means_the_spelling_typed(engine):
    assert slugs(engine.search('"digitalisation"')["results"]) == ["british"]
    assert slugs(engine.search('"regional centre"')["results"]) == ["british"]


def test_both_spellings_are_highlighted(engine):
    for r in engine.search("organisation")["results"]:
        assert "<mark>organi" in r["snippet"], r["snippet"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("behaviour", "behavior"),  # the American form
        ("organization", "organisation"),  # but -ise/-ize meet on the "s" form
        ("internationalization", "internationalisation"),  # a rule: not in the lists
        ("operationalized", "operationalised"),
        ("enterprise", "enterprise"),  # not a spelling variant
        ("size", "size"),
        ("connection", "connection"),
    ],
)
def test_one_spelling(word, expected):
    assert one_spelling(word) == expected


def test_the_stemmer_does_not_take_the_z_form_to_another_word():
    # The English stemmer takes "digitalization" to "digit", with "digital" and "digits".
    assert analysis.stem_word("digitalization") != analysis.stem_word("digit")
    assert analysis.stem_word("digitalization") != analysis.stem_word("digital")


def test_stems_meet():
    assert analysis.stem_word("labour") == analysis.stem_word("labor")
