"""English stemming, accent folding and hyphenated words.

Decision: a search for "committed" finds "commitment" (and the reverse): both stem to
"commit", and a researcher looking for commitments wants both forms. Quote the word
("committed") to get only that form.
"""

from indexer.text.stems import stem_word
from tests.search_fixtures import engine, titles  # noqa: F401

STATEMENT = "Joint Ministerial Statement of the 22nd SME Ministerial Meeting"
GIFU = "Gifu Declaration on SME Finance"


def test_committed_finds_commitment(engine):  # noqa: F811
    found = titles(engine.search("committed"))
    assert GIFU in found  # "committed"
    assert STATEMENT in found  # "commitment"


def test_quoted_word_is_exact(engine):  # noqa: F811
    assert titles(engine.search('"committed"')) == [GIFU]


def test_plural_and_singular_meet(engine):  # noqa: F811
    msme = set(titles(engine.search("MSME")))
    assert STATEMENT in msme
    assert msme == set(titles(engine.search("MSMEs"))) == set(titles(engine.search("msmes")))
    assert set(titles(engine.search("enterprise"))) == set(titles(engine.search("enterprises")))


def test_a_plural_acronym_without_a_vowel_meets_its_singular():
    # Porter2 drops no "s" after a word part without a vowel: "GVCs" stayed apart from "GVC"
    assert [stem_word(w) for w in ("GVCs".lower(), "ldcs", "ppps")] == ["gvc", "ldc", "ppp"]
    assert [stem_word(w) for w in ("news", "bus", "thus", "2020s")] == [
        "news",
        "bus",
        "thus",
        "2020s",
    ]


def test_hyphenated_and_spaced_forms_meet(engine):  # noqa: F811
    hyphen = set(titles(engine.search("women-owned")))
    spaced = set(titles(engine.search("women owned")))
    assert hyphen == spaced
    assert {"Chair's Statement on the Digital Economy", STATEMENT} <= hyphen


def test_accents_are_folded(engine):  # noqa: F811
    assert titles(engine.search("cooperacion")) == ["Declaración de Lima sobre cooperación"]
    assert titles(engine.search("Perú"))  # the accented form finds it too


def test_stop_words_do_not_block_a_match(engine):  # noqa: F811
    assert engine.search("the digital economy of the region")["total"] >= 0  # no crash
    assert GIFU in titles(engine.search("access to finance"))
