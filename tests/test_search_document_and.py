"""Every word must be in the document, not in one passage; closer words rank higher."""

from tests.match_fixtures import doc_id, match_engine, match_index, slugs  # noqa: F401


def test_words_in_different_paragraphs_match_the_document(match_engine):  # noqa: F811
    found = match_engine.search("tourism recovery")
    assert set(slugs(found["results"])) == {"spread", "together"}
    assert found["total"] == 2


def test_words_in_one_passage_rank_first(match_engine):  # noqa: F811
    found = match_engine.search("tourism recovery")
    assert slugs(found["results"]) == ["together", "spread"]
    together, spread = found["results"]
    assert together["score"] > spread["score"] > 0


def test_the_best_passage_is_shown(match_engine):  # noqa: F811
    (result,) = match_engine.search("tourism guesthouses")["results"]
    assert "<mark>tourism</mark>" in result["snippet"]
    assert "<mark>guesthouses</mark>" in result["snippet"]
    assert result["position"] == 2  # the third paragraph holds both words


def test_a_document_missing_a_word_does_not_match(match_engine):  # noqa: F811
    found = match_engine.search("tourism recovery dredging")
    assert found["total"] == 0 and found["results"] == []


def test_exclusions_and_filters_apply_to_the_document(match_engine):  # noqa: F811
    assert slugs(match_engine.search("tourism recovery -hospitality")["results"]) == ["together"]
    assert slugs(match_engine.search("tourism recovery", year=(2010, 2012))["results"]) == [
        "spread"
    ]
    newest = match_engine.search("tourism recovery", sort="oldest")
    assert slugs(newest["results"]) == ["spread", "together"]
    assert newest["facets"]["year"] == {"2011": 1, "2022": 1}


def test_a_phrase_and_a_word_in_different_paragraphs(match_engine):  # noqa: F811
    found = match_engine.search('"tour operators" recovery')
    assert slugs(found["results"]) == ["spread"]


def test_proximity_score_of_a_document():
    from indexer.search.doc_rank import closeness, score_document

    assert closeness(0) == 1.0 and closeness(1) == 0.5 and closeness(4) == 0.125
    # Passages 10..13; part 0 in 10 and 12, part 1 in 13: each holds one part, so the best
    # is the highest scoring (10); part 1 counts for 2.0 at three passages' distance.
    match = score_document(7, [10, 11, 12, 13], [{10: 3.0, 12: 1.0}, {13: 2.0}])
    assert (match.passage, match.parts) == (10, 2)
    assert match.score == 3.0 + 2.0 * 0.5 / 3
    # A passage holding both parts is the best even beside a higher scoring one; part 0
    # counts with its best weighted score (3.0 next door: 1.5, more than 0.5 in place).
    match = score_document(7, [10, 11], [{10: 3.0, 11: 0.5}, {11: 0.5}])
    assert (match.passage, match.score) == (11, 1.5 + 0.5)
    assert score_document(7, [10, 11], [{}, {}]) is None
    # One passage holding parts: their scores added in part order; two equal passages:
    # the first. A document holding one part scores its best passage for it.
    match = score_document(7, [10, 11, 12], [{11: 0.1}, {11: 0.2}, {11: 0.3}])
    assert match == (7, 11, 0.1 + 0.2 + 0.3, 3)
    assert score_document(7, [10, 11], [{10: 1.0, 11: 1.0}]).passage == 10
    assert score_document(7, [10, 11, 12], [{}, {10: 1.0, 12: 2.5, 99: 9.0}]) == (7, 12, 2.5, 1)
    assert score_document(7, [10, 11, 12], [{11: 2.5, 12: 2.5}, {}]) == (7, 11, 2.5, 1)
