"""A document is found by its publisher's name as well as its own words: "METI press
release" finds a ministry's release whose text never names the ministry."""

from __future__ import annotations

import pytest

from indexer.index.build import publisher_words
from indexer.search.engine import Engine
from tests.helpers import make_document, make_index

TEXT = "Ministers met in Lakeside to agree on finance for small firms, {}."


@pytest.mark.parametrize(
    ("publisher", "words"),
    [
        ("www.meti.go.jp", "meti"),
        ("en.people.cn", "people"),
        ("business.harbourwire.net", "harbourwire"),
        ("The Harbour Times", "The Harbour Times"),
        ("APEC", None),  # every APEC page says APEC
        (None, None),
    ],
)
def test_a_publisher_is_known_by_its_name_or_its_hosts_own_labels(publisher, words):
    assert publisher_words(publisher) == words


def test_a_search_naming_the_publisher_finds_its_page_first(tmp_path):
    docs = [
        make_document(
            f"https://{host}/story",
            f"Story {n}",
            [TEXT.format(extra)],
            publisher=publisher,
            doc_type="news_article",
            year=2031,
        )  # fmt: skip
        for n, (host, publisher, extra) in enumerate(
            [
                ("www.meti.go.jp", "www.meti.go.jp", "said the vice-minister"),
                ("wire.example", "The Harbour Times", "said the minister"),
                ("other.example", "other.example", "said the minister twice, the minister"),
            ]
        )
    ]
    engine = Engine(make_index(tmp_path, docs))
    try:
        found = engine.search("METI Lakeside finance")["results"]
        assert [r["url"] for r in found] == ["https://www.meti.go.jp/story"]
        found = engine.search("Harbour Times minister Lakeside")["results"]
        assert found[0]["url"] == "https://wire.example/story"
    finally:
        engine.close()
