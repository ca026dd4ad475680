"""Sorting, paging, one result per document, and facets over the whole result set."""

from tests.search_fixtures import engine, titles  # noqa: F401


def test_one_result_per_document(engine):  # noqa: F811
    found = engine.search("working group", limit=50)  # every document has the filler passage
    ids = [r["id"] for r in found["results"]]
    assert len(ids) == len(set(ids)) == found["total"] == 6


def test_newest_and_oldest(engine):  # noqa: F811
    newest = [r["year"] for r in engine.search("working group", sort="newest")["results"]]
    assert newest == sorted(newest, reverse=True)
    oldest = [r["year"] for r in engine.search("working group", sort="oldest")["results"]]
    assert oldest == sorted(oldest)
    assert oldest[0] == 2010 and newest[0] == 2021


def test_relevance_puts_the_best_match_first(engine):  # noqa: F811
    found = engine.search("women finance")
    scores = [r["score"] for r in found["results"]]
    assert scores == sorted(scores, reverse=True)
    assert found["results"][0]["title"] in {
        "Joint Ministerial Statement of the 22nd SME Ministerial Meeting",
        "Chair's Statement on the Digital Economy",
    }


def test_paging(engine):  # noqa: F811
    first = engine.search("working group", sort="oldest", limit=4)
    second = engine.search("working group", sort="oldest", limit=4, page=2)
    assert first["pages"] == second["pages"] == 2
    assert len(first["results"]) == 4 and len(second["results"]) == 2
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}
    assert engine.search("working group", page=9)["results"] == []


def test_facets_count_documents_over_the_whole_result_set(engine):  # noqa: F811
    found = engine.search("working group", limit=1)
    assert len(found["results"]) == 1
    assert found["facets"]["year"] == {
        "2010": 1,
        "2012": 1,
        "2013": 1,
        "2015": 1,
        "2016": 1,
        "2021": 1,
    }
    assert found["facets"]["doc_type"]["declaration"] == 2
    assert sum(found["facets"]["doc_type"].values()) == 6


def test_facets_follow_the_query(engine):  # noqa: F811
    found = engine.search("finance")
    assert sum(found["facets"]["doc_type"].values()) == found["total"]
    assert "2016" not in found["facets"]["year"]


def test_empty_query_lists_everything_newest_first(engine):  # noqa: F811
    found = engine.search("", limit=50)
    assert found["total"] == 6
    assert found["results"][0]["year"] == 2021
