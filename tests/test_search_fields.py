"""field:value, year ranges, OR and NOT in queries, and the year/type filters."""

from tests.search_fixtures import engine, titles  # noqa: F401

GIFU = "Gifu Declaration on SME Finance"
LIMA = "Declaración de Lima sobre cooperación"


def test_title_field(engine):  # noqa: F811
    assert titles(engine.search("title:finance")) == [GIFU]


def test_type_field(engine):  # noqa: F811
    assert set(titles(engine.search("type:declaration"))) == {GIFU, LIMA}


def test_two_type_fields_ask_for_either_type(engine):  # noqa: F811
    both = engine.search("type:declaration type:chairs_statement")
    assert set(titles(both)) == {GIFU, LIMA, "Chair's Statement on the Digital Economy"}
    assert titles(engine.search("finance type:speech type:declaration")) == [GIFU]
    assert engine.search("finance NOT type:declaration type:declaration")["total"] == 0


def test_year_field_and_range(engine):  # noqa: F811
    assert titles(engine.search("year:2010")) == [GIFU]
    found = engine.search("year:2010..2013", sort="oldest")
    assert [r["year"] for r in found["results"]] == [2010, 2012, 2013]


def test_location_field(engine):  # noqa: F811
    assert titles(engine.search("location:wellington")) == [
        "Chair's Statement on the Digital Economy"
    ]


def test_year_and_type_arguments(engine):  # noqa: F811
    assert titles(engine.search("working group", year=(2016, 2021), doc_type="declaration")) == [
        LIMA
    ]
    assert engine.search("cooperacion", doc_type="strategic_plan")["total"] == 0
    assert titles(engine.search("finance", year=(2009, 2011))) == [GIFU]


def test_or(engine):  # noqa: F811
    assert set(titles(engine.search("pandemic OR startups"))) == {
        "Chair's Statement on the Digital Economy",
        "Terms of Reference of the Working Group",
    }


def test_not_and_minus(engine):  # noqa: F811
    everything = set(titles(engine.search("finance")))
    assert GIFU in everything
    assert GIFU not in titles(engine.search("finance -gifu"))
    assert GIFU not in titles(engine.search("finance NOT title:gifu"))
    assert set(titles(engine.search("finance -gifu"))) == everything - {GIFU}


def test_not_excludes_whole_documents(engine):  # noqa: F811
    # The Gifu declaration has a passage without "finance", but it is still left out.
    assert GIFU not in titles(engine.search("working group -finance", limit=50))


def test_only_a_negation_lists_the_other_documents(engine):  # noqa: F811
    found = engine.search("-finance", limit=50)
    assert found["total"] == len(found["results"]) > 0
    assert GIFU not in titles(found)
    assert all(r["title"] for r in found["results"])


def test_negations_only_list_the_documents_holding_none_of_their_words(engine):  # noqa: F811
    everything = engine.search("", limit=50)["total"]
    found = engine.search("NOT finance NOT zeppelin", limit=50)
    assert 0 < found["total"] == len(found["results"]) < everything
    assert GIFU not in titles(found)
    assert engine.search("NOT 0 NOT year:")["total"] > 0  # an empty field too
    assert engine.year_counts("NOT finance NOT zeppelin")


def test_a_filter_that_leaves_nothing_gives_nothing(engine):  # noqa: F811
    found = engine.search("pandemic", year=(2010, 2012))
    assert found["total"] == 0 and found["results"] == []
    assert engine.search("pandemic", doc_type="declaration")["results"] == []
