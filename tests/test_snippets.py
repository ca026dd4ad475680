"""Snippets: the best passage, query terms marked, every character of the document escaped."""

from tests.search_fixtures import engine  # noqa: F401


def test_script_in_a_document_is_escaped(engine):  # noqa: F811
    found = engine.search("alert")
    snippet = found["results"][0]["snippet"]
    assert "<script>" not in snippet
    assert "&lt;script&gt;<mark>alert</mark>(&quot;x&quot;)&lt;/script&gt;" in snippet
    assert "Members &amp; observers" in snippet


def test_only_mark_tags_are_html(engine):  # noqa: F811
    for q in ["startups", "women owned", '"digital economy"', "cooperacion"]:
        for r in engine.search(q)["results"]:
            bare = r["snippet"].replace("<mark>", "").replace("</mark>", "")
            assert "<" not in bare and ">" not in bare


def test_snippet_is_the_matching_passage(engine):  # noqa: F811
    r = engine.search("pandemic")["results"][0]
    assert "<mark>pandemic</mark>" in r["snippet"]
    assert r["page"] == 2


def test_stemmed_forms_are_marked(engine):  # noqa: F811
    r = engine.search("commitment")["results"]
    marked = " ".join(x["snippet"] for x in r)
    assert "<mark>committed</mark>" in marked and "<mark>commitment</mark>" in marked


def test_negated_words_are_not_marked(engine):  # noqa: F811
    for r in engine.search("finance -pandemic")["results"]:
        assert "<mark>pandemic" not in r["snippet"]


def test_document_view_escapes_and_highlights(engine):  # noqa: F811
    doc_id = engine.search("alert")["results"][0]["id"]
    doc = engine.document(doc_id, highlight="startups")
    assert doc["title"] == "Terms of Reference of the Working Group"
    html = doc["paragraphs"][0]["html"]
    assert "&lt;script&gt;" in html and "<mark>startups</mark>" in html
    assert engine.document("no-such-id") is None
