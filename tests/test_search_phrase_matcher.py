"""The set-based phrase check finds exactly what Whoosh's span-based Phrase finds."""

from whoosh import query

from indexer.index import queries, store

TEXTS = [
    "small and medium enterprises in the region",
    "medium enterprises and small firms",
    "the the the small small and medium",
    "enterprises small and medium enterprises small and",
    "nothing relevant here",
]
PHRASES = [
    ["small", "and"],
    ["small", "and", "medium"],
    ["and", "medium", "enterprises"],
    ["the", "the"],
    ["small", "small"],
    ["enterprises", "small", "and"],
    ["medium", "small"],
    ["absent", "word"],
]


def test_same_matches_and_scores_as_whoosh_phrase(tmp_path):
    writer = store.Writer(tmp_path, create=True)
    for n, text in enumerate(TEXTS):
        writer.add({"kind": "passage", "passage_id": str(n), "exact": text})
    writer.commit()
    ix = store.Index(tmp_path)
    with ix.reader() as r:
        for words in PHRASES:
            ours = queries.search(r, queries.ConsecutivePhrase("exact", words), limit=None)
            whoosh = queries.search(r, query.Phrase("exact", words), limit=None)
            assert ours == whoosh, words
        assert queries.search(r, queries.ConsecutivePhrase("exact", ["small", "and"]), limit=None)
    ix.close()
