"""Did you mean: suggestions are words the index holds in at least two documents, never
for a word the index holds, and a query that finds nothing is searched again with them."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from indexer.index import store
from indexer.index.build import build_index, current_generation
from indexer.index.spelling import DICTIONARY_FILE, OPEN_FORMS_FILE, Speller, write_dictionary
from indexer.search.engine import Engine
from tests.helpers import make_corpus, make_document
from webapp import create_app

FILLER = "Officials of Atlantis reported on capacity building and regulatory reform."


def _docs():
    return [
        make_document(
            "https://example.org/lakeside-2031",
            "Lakeside Statement of SME Ministers",
            [
                "Women entrepreneurs in Lakeside gained access to finance and to the"
                " digitalisation of small firms through regional cooperation.",
                FILLER,
            ],
            year=2031,
        ),
        make_document(
            "https://example.org/harbourtown-2032",
            "Harbourtown Declaration",
            [
                "Ministers agreed that women need finance, and that digitalisation and"
                " cooperation across borders help tourist firms recover.",
                FILLER,
            ],
            year=2032,
        ),
        make_document(
            "https://example.org/plan-2033.pdf",
            "Strategic Plan of the Working Group",
            [
                # A word cut at a line end, as PDF text often has it: "coope" once.
                "The group will report to tourist boards on the coope ration of members.",
                "Tourism grew in Atlantis.",  # "tourism": in one document only
            ],
            year=2033,
        ),
    ]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("spelling")
    build_index(make_corpus(root, _docs()), root / "index")
    eng = Engine(root / "index")
    yield eng
    eng.close()


def test_misspelt_word_gets_the_index_word_and_its_results(engine):
    found = engine.search("womn")
    assert found["suggestion"] == "women"
    assert found["corrected_query"] == "women"
    assert found["total"] == 2
    assert any("showing results for “women”" in n for n in found["notes"])


def test_a_correction_that_finds_nothing_either_is_neither_searched_nor_suggested(engine):
    # "womn" corrects to "women", but no document of 2033 holds it: announcing "showing
    # results for 'women'" over no results would mislead
    assert engine.search("womn")["suggestion"] == "women"
    found = engine.search("womn", year=(2033, 2033))
    assert found["total"] == 0 and found["partial"] == []
    assert found["suggestion"] is None and found["corrected_query"] is None
    assert not any("showing results for" in n for n in found["notes"])
    assert "Searched as “women”, it finds nothing here either." in found["notes"]


def test_a_phrase_found_only_apart_says_its_words_are_found_only_in_part(engine):
    # no document writes "tourism borders", nor holds both words: those holding one are
    # shown, and the note says so, quoting the phrase once
    found = engine.search('"tourism borders"')
    assert found["total"] == 0 and found["partial"]
    assert found["notes"][0] == (
        'No results for "tourism borders" as quoted; showing documents holding some of its'
        " words unquoted."
    )


def test_suggestion_is_a_word_not_a_stem(engine):
    assert engine.search("digitalisaton")["suggestion"] == "digitalisation"  # not "digitalis"


def test_suggestion_keeps_the_case_of_the_word_typed(engine):
    assert engine.search("Womn")["suggestion"] == "Women"
    assert engine.search("WOMN")["suggestion"] == "WOMEN"


def test_suggestion_keeps_the_rest_of_the_query(engine):
    assert engine.search('finanse "regional cooperation"')["suggestion"] == (
        'finance "regional cooperation"'
    )


def test_each_misspelt_word_is_corrected_where_it_stands_alone(engine):
    # "womn" in "womnx" is not the word typed: only whole words are replaced
    assert engine.search("finanse Womn womnx")["suggestion"] == "finance Women womnx"
    assert engine.search("Womn womn")["suggestion"] == "Women women"


def test_an_unclosed_quote_is_not_in_the_suggestion(engine):
    found = engine.search('"finanse')
    assert found["suggestion"] == "finance" and found["corrected_query"] == "finance"
    assert "showing results for “finance”" in " ".join(found["notes"])


def test_a_word_is_not_corrected_into_its_opposite(tmp_path):
    write_dictionary(tmp_path, {"balanced": 5, "formal": 5, "pure": 5})
    speller = Speller(tmp_path)
    for opposite in ("unbalanced", "informal", "impure"):
        assert speller.suggest(opposite) is None, opposite
    assert speller.suggest("balanzed") == "balanced"  # a typo is still corrected


def test_a_suggestion_keeps_the_first_letter_typed(tmp_path):
    write_dictionary(tmp_path, {"about": 90, "mission": 40})
    speller = Speller(tmp_path)
    assert speller.suggest("xbout") is None  # one edit from "about", but not a typo of it
    assert speller.suggest("misson") == "mission"
    write_dictionary(tmp_path, {"about": 90, "labor": 3})
    assert Speller(tmp_path).suggest("labuor") == "labor"


def test_on_a_tie_a_word_typed_with_a_letter_left_out_wins(tmp_path):
    # "shangri" (a hotel's name) is more frequent and one substitution away; "shanghai" is
    # one letter left out, the commoner slip.
    write_dictionary(tmp_path, {"shangri": 9, "shanghai": 3, "policy": 5, "polity": 8})
    speller = Speller(tmp_path)
    assert speller.suggest("shangai") == "shanghai"
    assert speller.suggest("polcy") == "policy"  # not the more frequent "polity"
    # with no omission among the closest, the more frequent still wins
    assert speller.suggest("polixy") == "polity"


def test_a_word_of_english_is_not_a_misspelling_of_another(tmp_path):
    write_dictionary(tmp_path, {"chile": 9, "carlos": 4})
    speller = Speller(tmp_path)
    assert speller.suggest("child") is None  # English: "Chile" is not what was meant
    assert speller.suggest("carbon") is None
    assert speller.suggest("chlie") == "chile"  # a typo is still corrected


def test_words_of_the_index_get_no_suggestion(engine):
    found = engine.search("women finance")
    assert found["suggestion"] is None and found["corrected_query"] is None
    # In one document only, one edit from "tourist" (in two): still not "corrected".
    found = engine.search("tourism")
    assert found["suggestion"] is None and found["total"] == 1


def test_a_word_of_the_dictionary_needs_no_index_lookup(tmp_path, monkeypatch):
    # A word of two documents or more is held as written; only another word is looked up
    # (its exact form, then a suggestion).
    build_index(make_corpus(tmp_path, _docs()), tmp_path / "index")
    looked_up: list[str] = []
    original = store.Reader.holds_written

    def counted(self, word):
        looked_up.append(word)
        return original(self, word)

    monkeypatch.setattr(store.Reader, "holds_written", counted)
    eng = Engine(tmp_path / "index")
    try:
        assert eng.search("women finance")["suggestion"] is None
        assert looked_up == []
        assert eng.search("finance womn")["suggestion"] == "finance women"
        assert looked_up == ["womn"]
    finally:
        eng.close()


def test_a_misspelling_of_another_words_stem_is_still_offered_the_word_meant(tmp_path):
    # "ministrial" is stemmed as "ministry" is: the documents saying "ministry" match it,
    # and the dictionary's "ministerial" (another stem) is offered
    texts = [
        "The ministerial meeting opened in Lakeside.",
        "A ministerial statement was adopted in Harbourtown.",
        "The ministry of trade hosted officials.",
    ]
    docs = [
        make_document(f"https://example.org/m{i}", f"Note {i}", [t]) for i, t in enumerate(texts)
    ]
    build_index(make_corpus(tmp_path, docs), tmp_path / "index")
    eng = Engine(tmp_path / "index")
    try:
        found = eng.search("ministrial")
        assert found["total"] == 1 and found["suggestion"] == "ministerial"
        # a word held by its stem, whose closest word is of that stem, is offered none
        assert eng.search("ministerials")["suggestion"] is None
    finally:
        eng.close()


def test_a_fragment_that_occurs_once_is_never_suggested(engine):
    # "coope" is two edits from "cookie", one from "coopr" and "coopex", but in a single document.
    for query in ("cookie", "coopr", "coopex"):
        found = engine.search(query)
        assert found["suggestion"] is None, query
        assert found["total"] == 0


def test_nothing_close_means_no_results_and_no_suggestion(engine):
    found = engine.search("xylophonist")
    assert found["total"] == 0 and found["suggestion"] is None


def test_the_dictionary_holds_words_of_two_documents_or_more(engine):
    gen = current_generation(engine.index_dir)
    lines = (gen / DICTIONARY_FILE).read_text(encoding="utf-8").splitlines()
    counts = {w: int(n) for w, n in (line.split(" ") for line in lines)}
    assert counts["women"] == 2 and counts["tourist"] == 2 and counts["atlantis"] == 3
    assert "coope" not in counts and "tourism" not in counts and "lakeside" not in counts


def test_speller_of_a_generation_without_dictionary_suggests_nothing(tmp_path):
    assert len(Speller(tmp_path)) == 0 and Speller(tmp_path).suggest("womn") is None
    write_dictionary(tmp_path, {"women": 5, "woman": 1, "coope": 1})
    speller = Speller(tmp_path)
    assert len(speller) == 1
    assert speller.suggest("womn") == "women" and speller.suggest("women") is None
    assert speller.suggest("coopr") is None


def test_an_acronym_is_never_corrected_into_another(tmp_path):
    """MSME (held only in its plural) and an unknown acronym get no "did you mean SME"."""
    docs = [
        make_document(
            f"https://example.org/{name}",
            f"{name.title()} report",
            [text, FILLER],
        )
        for name, text in [
            ("one", "Ministers asked how MSMEs in Atlantis obtain finance."),
            ("two", "The MSMEs of the region export more each year."),
            ("three", "SME owners met bankers; SME lending grew."),
            ("four", "An SME census counted the firms; SME exports rose."),
            ("five", "Exporters met officials of the ministry to discuss customs."),
            ("six", "Exporters told officials of the ministry about delays."),
        ]
    ]
    build_index(make_corpus(tmp_path, docs), tmp_path / "index")
    engine = Engine(tmp_path / "index")
    try:
        for held in ("MSME", "msme", "MSMEs"):
            found = engine.search(held)  # the two MSME documents, and the SME ones as such
            assert found["total"] >= 2 and found["suggestion"] is None, held
        for unknown in ("SMEE", "SMF", "smf", "OSME"):
            assert engine.search(unknown)["suggestion"] is None, unknown
        # Ordinary words are still corrected.
        assert engine.search("exporterz")["suggestion"] == "exporters"
        assert engine.search("ministyr")["suggestion"] == "ministry"
    finally:
        engine.close()


def test_the_words_as_typed_can_be_searched_instead_of_the_correction(engine):
    as_typed = engine.search("womn", correct=False)
    assert as_typed["total"] == 0 and as_typed["corrected_query"] is None
    assert as_typed["suggestion"] == "women"  # offered, not searched
    client = create_app({"INDEX_DIR": engine.index_dir, "TESTING": True}).test_client()
    page = BeautifulSoup(client.get("/search?q=womn").data, "html.parser")
    assert page.select_one(".did-you-mean") is None  # the correction is not offered again
    link = page.select_one(".as-typed a")
    assert link.get_text() == "womn" and "spelling=off" in link["href"]
    typed = BeautifulSoup(client.get(link["href"]).data, "html.parser")
    assert "No documents found" in typed.get_text()
    assert typed.select_one(".did-you-mean a").get_text() == "women"
    api = client.get("/api/search?q=womn&spelling=off").get_json()
    assert api["total"] == 0 and api["suggestion"] == "women"


def test_a_place_or_title_filter_finding_nothing_is_searched_as_words_anywhere(engine):
    # No document was issued in Lakeside (none has a location), but one names it.
    found = engine.search("location:Lakeside finance")
    assert found["corrected_query"] == "Lakeside finance"
    assert [r["title"] for r in found["results"]] == ["Lakeside Statement of SME Ministers"]
    assert "showing results for “Lakeside finance”" in " ".join(found["notes"])
    assert engine.search('title:"access to finance"')["corrected_query"] == '"access to finance"'


def test_quoted_words_finding_nothing_are_searched_unquoted(engine):
    # Quoted, "digitalization" means that spelling only; unquoted, either spelling.
    found = engine.search('"digitalization" women')
    assert found["corrected_query"] == "digitalization women"
    assert found["total"] == 2
    # the same words: the note says the quotes were let go, not a spelling
    assert found["notes"][0] == (
        'No results for “"digitalization" women” as quoted; showing results for its words unquoted.'
    )
    # unquoted, a misspelt word is respelt as it would be typed without quotes
    assert engine.search('"finanse" women')["corrected_query"] == "finance women"
    # quotes finding something are kept, and quoted syntax is not made syntax
    assert engine.search('"digitalisation"')["corrected_query"] is None
    for syntax in ('"type:declaration"', '"finance OR tourism" lakeside', '"(finance"'):
        assert engine.search(syntax)["corrected_query"] is None, syntax


def test_a_filter_is_not_loosened_while_it_finds_something(engine):
    found = engine.search("title:harbourtown")
    assert found["total"] == 1 and found["suggestion"] is None


def test_a_loosened_filter_finding_nothing_either_says_so(engine):
    found = engine.search("location:Zanzibar")
    assert found["total"] == 0 and found["suggestion"] is None
    assert "Searched as “Zanzibar”, it finds nothing here either." in found["notes"]


def test_open_forms_are_read_and_a_damaged_line_is_skipped(tmp_path):
    write_dictionary(tmp_path, {"policymakers": 3, "policy": 5, "makers": 4})
    (tmp_path / OPEN_FORMS_FILE).write_text(
        "policymakers policy makers\nroadmap\n\n", encoding="utf-8"
    )
    speller = Speller(tmp_path)
    assert speller.open_form("policymakers") == ("policy", "makers")
    assert speller.open_form("roadmap") is None
    assert Speller(tmp_path / "missing").open_form("policymakers") is None
