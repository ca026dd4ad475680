"""Trends: per-year document and passage counts for terms, against a corpus with known counts."""

import pytest

from indexer.search import trends as trends_module
from indexer.search.engine import Engine
from indexer.search.trends import MAX_TERMS, clean_terms, trends
from tests.helpers import make_document, make_index

FILLER = (
    "Officials reviewed the work programme of the group and discussed arrangements for the "
    "next cycle of meetings, the budget of the secretariat, the calendar of workshops and the "
    "reports that member economies will submit to the plenary before the end of the year."
)


def para(sentence: str) -> str:
    """A paragraph long enough (over 40 words) to be its own passage."""
    return f"{sentence} {FILLER}"


def corpus_docs():
    # tourism: 2015 -> 2 documents, 3 passages; 2019 -> 1 document, 1 passage.
    # "blue economy": 2017 -> 1 document, 1 passage; 2019 -> 1 document, 2 passages.
    return [
        make_document(
            "https://example.org/2015a",
            "Statement 2015 A",
            [para("Tourism matters to small firms."), para("Tourism again."), para("Nothing.")],
            year=2015,
        ),
        make_document(
            "https://example.org/2015b", "Statement 2015 B", [para("Tourism grows.")], year=2015
        ),
        make_document(
            "https://example.org/undated",
            "A page without a year",
            ["Tourism brings visitors to the islands, whose guesthouses are small firms."],
        ),
        make_document(
            "https://example.org/2017",
            "Statement 2017",
            [para("The blue economy offers chances."), para("Fisheries are economic.")],
            year=2017,
        ),
        make_document(
            "https://example.org/2019",
            "Statement 2019",
            [
                para("Tourism and the blue economy."),
                para("The blue economy needs data."),
                para("A blue sky and an economy."),
            ],
            year=2019,
        ),
    ]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    engine = Engine(make_index(tmp_path_factory.mktemp("trends"), corpus_docs()))
    yield engine
    engine.close()


def test_counts_per_year_for_each_term(engine):
    found = trends(engine, ["tourism", '"blue economy"'])
    assert found["terms"] == ["tourism", '"blue economy"']
    assert found["years"] == [2015, 2016, 2017, 2018, 2019]
    tourism, blue = found["series"]
    assert [(c["year"], c["documents"], c["passages"]) for c in tourism["counts"]] == [
        (2015, 2, 3),
        (2016, 0, 0),
        (2017, 0, 0),
        (2018, 0, 0),
        (2019, 1, 1),
    ]
    assert (tourism["documents"], tourism["passages"]) == (3, 4)
    assert [(c["documents"], c["passages"]) for c in blue["counts"]] == [
        (0, 0),
        (0, 0),
        (1, 1),
        (0, 0),
        (1, 2),
    ]


def words_of_year(year: int) -> int:
    return sum(len(d.text.split()) for d in corpus_docs() if d.year == year)


def test_mentions_per_10000_words_of_each_years_text(engine, monkeypatch):
    monkeypatch.setattr(trends_module, "MEANINGFUL_WORDS", 1)  # this corpus's years are small
    found = trends(engine, ["tourism", '"blue economy"'])
    assert found["words"] == [words_of_year(y) for y in found["years"]]
    assert found["words"][1] == 0  # 2016 has no text
    tourism, blue = found["series"]
    # "Tourism ... Tourism again." and "Tourism grows." in 2015; the phrase counts once
    assert [c["mentions"] for c in tourism["counts"]] == [3, 0, 0, 0, 1]
    assert [c["mentions"] for c in blue["counts"]] == [0, 0, 1, 0, 2]
    assert tourism["counts"][0]["per_10k_words"] == round(3 * 10_000 / words_of_year(2015), 2)
    assert blue["counts"][4]["per_10k_words"] == round(2 * 10_000 / words_of_year(2019), 2)
    assert tourism["counts"][1]["per_10k_words"] is None  # a year without text has no rate


def test_a_term_found_nowhere_has_zero_counts_over_the_index_years(engine):
    found = trends(engine, ["zeppelin"])
    assert found["years"] == [2015, 2016, 2017, 2018, 2019]
    assert {c["documents"] for c in found["series"][0]["counts"]} == {0}


def test_terms_are_cleaned():
    assert clean_terms(["  digital   trade ", "", "digital trade", "women"]) == [
        "digital trade",
        "women",
    ]


@pytest.mark.parametrize(
    ("terms", "message"),
    [([], "at least one"), (["  "], "at least one"), (["a" * 201], "limited to")],
)
def test_bad_terms_are_clear_errors(terms, message):
    with pytest.raises(ValueError, match=message):
        clean_terms(terms)


def test_too_many_terms():
    with pytest.raises(ValueError, match=f"at most {MAX_TERMS}"):
        clean_terms([f"term{n}" for n in range(MAX_TERMS + 1)])


def test_a_prefix_term_is_read_by_the_search_engine(engine):
    found = trends(engine, ["touris*", "econom*"])
    tourism, economy = found["series"]
    assert [c["mentions"] for c in tourism["counts"]] == [3, 0, 0, 0, 1]
    # 2017: "economy", "economic" and the filler's "economies" in each of its two passages;
    # the word alone (stemmed) finds "economies" but not "economic"
    assert economy["counts"][2]["mentions"] == 4
    assert trends(engine, ["economy"])["series"][0]["counts"][2]["mentions"] == 3


def test_the_text_behind_each_year_and_the_undated_documents_are_named(engine):
    found = trends(engine, ["tourism"])
    assert found["documents_per_year"] == [2, 0, 1, 0, 1]
    assert found["words"] == [words_of_year(y) for y in found["years"]]
    assert found["undated_documents"] == 1  # counted, though it cannot be charted
    # every year here is under the minimum of text: each is named as a gap
    assert found["thin_years"] == found["years"]
    assert found["min_year_words"] == trends_module.MIN_YEAR_WORDS


def test_a_term_found_only_in_thin_years_is_named(engine, monkeypatch):
    tourism, absent = trends(engine, ["tourism", "zeppelin"])["series"]
    years = trends(engine, ["tourism"])["years"]
    assert tourism["only_in_thin_years"] == [years[0], years[4]]  # every year here is thin
    assert absent["only_in_thin_years"] == []  # found nowhere: nothing hidden
    monkeypatch.setattr(trends_module, "MIN_YEAR_WORDS", 1)
    assert trends(engine, ["tourism"])["series"][0]["only_in_thin_years"] == []


def test_per_10000_words_only_where_a_year_holds_enough_text(engine, monkeypatch):
    # one mention in a year of a few hundred words would read as dozens per 10,000 words
    found = trends(engine, ["tourism"])
    assert {c["per_10k_words"] for c in found["series"][0]["counts"]} == {None}
    monkeypatch.setattr(trends_module, "MEANINGFUL_WORDS", words_of_year(2015))
    counts = trends(engine, ["tourism"])["series"][0]["counts"]
    assert counts[0]["per_10k_words"] is not None and counts[4]["per_10k_words"] is None
