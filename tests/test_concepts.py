"""The one curated concept file: topics for the commitments' tagger, concepts for search."""

import pytest

from indexer.commitments.topics import TOPICS
from indexer.text import concepts as concepts_module
from indexer.text.concepts import concepts, topics


def test_the_tagger_reads_the_concept_files_topics():
    assert [t.slug for t in TOPICS] == [t.slug for t in topics()]
    assert "{smes}" not in "".join(p for t in topics() for p in t.match)


def test_each_term_names_one_concept_and_each_topic_is_known():
    seen: dict[str, str] = {}
    slugs = {t.slug for t in topics()}
    for concept in concepts():
        assert concept.topic is None or concept.topic in slugs
        for term in concept.terms:
            assert term == term.lower()
            assert seen.setdefault(term, concept.name) == concept.name, term


def test_the_issues_concepts_are_there():
    names = {c.name for c in concepts()}
    for name in (
        "access to finance",
        "e-commerce",
        "women entrepreneurs",
        "ease of doing business",
    ):
        assert name in names


@pytest.fixture
def concepts_file(tmp_path, monkeypatch):
    """Point the concepts reader at a file the test writes; the real file is read again
    after."""

    def caches() -> None:
        for cached in (concepts_module._read, topics, concepts):
            cached.cache_clear()

    path = tmp_path / "concepts.toml"
    monkeypatch.setattr(concepts_module, "CONCEPTS_FILE", path)
    caches()
    yield path
    caches()


def test_a_concepts_translations_are_terms_with_their_language(concepts_file):
    concepts_file.write_text(
        '[[concept]]\nname = "tax"\nterms = ["tax", "taxation"]\n'
        '[concept.translations]\nes = ["Impuestos"]\nid = ["pajak"]\n',
        encoding="utf-8",
    )
    (concept,) = concepts()
    assert concept.terms == ("tax", "taxation", "impuestos", "pajak")
    assert concept.languages == (("impuestos", "es"), ("pajak", "id"))


def test_a_translation_needs_a_language_code(concepts_file):
    concepts_file.write_text(
        '[[concept]]\nname = "tax"\nterms = ["tax", "taxation"]\n'
        '[concept.translations]\nSpanish = ["impuestos"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="ISO 639"):
        concepts()
