"""The topic lexicon: which sentences are about access to finance, digitalisation, ...

The topics are defined in the record's one curated concept file, ``indexer/text/concepts.toml``
(search's thesaurus and trends read it too). Each topic has a stable slug (used in URLs, JSON
and the CLI's ``--topic``), a label for people, its **terms** and its **excluded contexts**,
all regular expressions matched case-insensitively from a word start. A sentence is tagged
with a topic when one of its terms matches outside every excluded context of that topic.
Terms are multi-word where a lone word misleads (issue 13): a meeting's name is not its topic
("the Finance Ministers' Meeting" is not access to finance), "resilient" alone is not
disaster resilience, "sustainable development" is not green. To extend the lexicon, edit the
concept file; slugs must stay stable once published, because saved links and exports use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from indexer.text.concepts import topics as concept_topics


@dataclass(frozen=True)
class Topic:
    """A topic: slug, label, terms that tag a sentence, contexts in which they do not."""

    slug: str
    label: str
    terms: tuple[str, ...]
    excluded: tuple[str, ...] = field(default=())

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(self.terms) + ")", re.IGNORECASE)

    @cached_property
    def excluded_pattern(self) -> re.Pattern[str] | None:
        if not self.excluded:
            return None
        return re.compile(r"\b(?:" + "|".join(self.excluded) + ")", re.IGNORECASE)

    def matches(self, text: str) -> bool:
        """Whether a term of the topic occurs in `text` outside its excluded contexts."""
        terms = [m.start() for m in self.pattern.finditer(text)]
        if not terms or self.excluded_pattern is None:
            return bool(terms)
        spans = [m.span() for m in self.excluded_pattern.finditer(text)]
        return any(not any(s <= at < e for s, e in spans) for at in terms)


TOPICS: tuple[Topic, ...] = tuple(
    Topic(entry.slug, entry.label, entry.match, entry.excluded) for entry in concept_topics()
)

TOPICS_BY_SLUG: dict[str, Topic] = {topic.slug: topic for topic in TOPICS}


def topics_of(text: str) -> list[str]:
    """The slugs of the topics `text` is about, in lexicon order."""
    return [topic.slug for topic in TOPICS if topic.matches(text)]


def topic_label(slug: str) -> str:
    """The human label of a topic slug (the slug itself when unknown)."""
    topic = TOPICS_BY_SLUG.get(slug)
    return topic.label if topic else slug
