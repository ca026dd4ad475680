"""The set-based phrase check finds exactly what Whoosh's span-based Phrase finds."""

from whoosh import query

from indexer import backend

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
    writer = backend.Writer(tmp_path, create=True)
    for n, text in enumerate(TEXTS):
        writer.add({"kind": "passage", "passage_id": str(n), "exact": text})
    writer.commit()
    ix = backend.Index(tmp_path)
    with ix.reader() as r:
        for words in PHRASES:
            ours = backend.search(r, backend.ConsecutivePhrase("exact", words), limit=None)
            whoosh = backend.search(r, query.Phrase("exact", words), limit=None)
            assert ours == whoosh, words
        assert backend.search(r, backend.ConsecutivePhrase("exact", ["small", "and"]), limit=None)
    ix.close()
