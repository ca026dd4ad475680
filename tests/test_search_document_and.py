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
