"""Among the first documents, a passage holding the words in the order typed ranks above
one holding them apart (a phrase rescore of the top window)."""

import pytest

from indexer.index.passage_analysis import Analysed
from indexer.search.engine import Engine
from tests.helpers import make_document, make_index
from tests.match_fixtures import slugs


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):
    # The same words in sentences of the same length: equal BM25 scores, so that without
    # the rescore the earlier record ("apart") comes first.
    texts = {
        "apart": "Members discussed ferry for firms and the timetables of ports.",
        "reversed": "Members discussed timetables for firms and the ferry of ports.",
        "in-order": "Members discussed ferry timetables for firms and the ports.",
    }
    docs = [
        make_document(f"https://example.org/{slug}", f"Report {i}", [text], year=2020)
        for i, (slug, text) in enumerate(texts.items())
    ]
    eng = Engine(make_index(tmp_path_factory.mktemp("rescore"), docs))
    yield eng
    eng.close()


def test_the_words_in_the_order_typed_rank_first(engine):
    assert slugs(engine.search("ferry timetables")["results"])[0] == "in-order"
    assert slugs(engine.search("ferry the timetables")["results"])[0] == "in-order"


def test_the_other_order_gets_no_bonus(engine):
    # typed the other way round, no passage holds them in order: the earliest record first
    assert slugs(engine.search("timetables ferry")["results"])[0] == "apart"


def test_sorted_by_date_the_order_is_not_a_ranking(engine):
    found = engine.search("ferry timetables", sort="oldest")
    assert set(slugs(found["results"])) == {"apart", "reversed", "in-order"}


def test_holds_in_order_counts_the_words_between():
    body = Analysed.of("Access to finance of firms, and access to the finance of ports.")
    assert body.holds_in_order(("access", "financ"), 2)  # one word between
    assert not body.holds_in_order(("access", "financ"), 1)
    assert not body.holds_in_order(("financ", "access"), 2)
    assert not body.holds_in_order(("access", "loan"), 2)
    assert body.holds_in_order(("access", "financ", "port"), 3)  # the second pair only
