"""The one curated concept file: topics for the commitments' tagger, concepts for search."""

from indexer.commitments.topics import TOPICS
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
