"""The record's concepts, read from the one curated file ``concepts.toml`` beside this module.

Two readers share it: the commitments' topic tagger (``topics()``: each topic's slug, label,
regular expressions and excluded contexts) and search's thesaurus (``concepts()``: each
concept's name, terms and the topic it belongs to); trends follow the same topics. The file's
header explains each field; ``ValueError`` names the entry when the file is malformed.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CONCEPTS_FILE = Path(__file__).with_name("concepts.toml")


@dataclass(frozen=True)
class TopicEntry:
    """A commitments topic: stable slug, label, tagging patterns and excluded contexts."""

    slug: str
    label: str
    match: tuple[str, ...]
    excluded: tuple[str, ...]


@dataclass(frozen=True)
class Concept:
    """A search concept: its name, its terms (lower case: a query naming one is expanded),
    more terms it matches but that do not name it (``also``), its topic slug (or None);
    ``names``: its terms are each a name of one thing (an economy), so that a name made of
    some of another's words is still that thing ("Korea" of "Republic of Korea");
    ``languages``: (term, ISO 639 code) of each of its terms in a language other than
    English, which are among ``terms`` too."""

    name: str
    terms: tuple[str, ...]
    topic: str | None
    also: tuple[str, ...] = ()
    names: bool = False
    languages: tuple[tuple[str, str], ...] = ()


@cache
def _read() -> dict:
    with CONCEPTS_FILE.open("rb") as f:
        return tomllib.load(f)


def _strings(entry: dict, key: str, where: str) -> tuple[str, ...]:
    values = entry.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise ValueError(f"{CONCEPTS_FILE.name}: {where}.{key} must be a list of strings")
    return tuple(values)


@cache
def topics() -> tuple[TopicEntry, ...]:
    """The commitments topics, in the file's (lexicon) order, ``{name}`` fragments filled."""
    data = _read()
    fragments = data.get("fragments", {})

    def filled(pattern: str) -> str:
        for name, value in fragments.items():
            pattern = pattern.replace("{" + name + "}", value)
        return pattern

    found = []
    for slug, entry in data.get("topic", {}).items():
        where = f"topic.{slug}"
        if not isinstance(entry.get("label"), str):
            raise ValueError(f"{CONCEPTS_FILE.name}: {where} needs a label")
        match = tuple(filled(p) for p in _strings(entry, "match", where))
        if not match:
            raise ValueError(f"{CONCEPTS_FILE.name}: {where} needs match patterns")
        excluded = tuple(filled(p) for p in _strings(entry, "excluded", where))
        found.append(TopicEntry(slug, entry["label"], match, excluded))
    return tuple(found)


_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


def _translations(entry: dict, where: str) -> tuple[tuple[str, str], ...]:
    """(term, language code) of each term of ``entry``'s ``translations`` table."""
    table = entry.get("translations", {})
    if not isinstance(table, dict):
        raise ValueError(f"{CONCEPTS_FILE.name}: {where}.translations must be a table")
    found = []
    for code in table:
        if not _LANGUAGE_CODE.fullmatch(code):
            raise ValueError(
                f"{CONCEPTS_FILE.name}: {where}.translations.{code} is no ISO 639 code"
            )
        found += [(t.lower(), code) for t in _strings(table, code, f"{where}.translations")]
    return tuple(found)


@cache
def concepts() -> tuple[Concept, ...]:
    """The search concepts, in the file's order; each names a known topic or none. A
    concept's ``translations`` (a table of ISO 639 language code -> terms) are terms of it
    too, listed after the English ones."""
    known = {t.slug for t in topics()}
    found = []
    for i, entry in enumerate(_read().get("concept", [])):
        where = f"concept[{i}]"
        name, topic = entry.get("name"), entry.get("topic")
        if not isinstance(name, str) or not name:
            raise ValueError(f"{CONCEPTS_FILE.name}: {where} needs a name")
        if topic is not None and topic not in known:
            raise ValueError(f"{CONCEPTS_FILE.name}: {where} names an unknown topic {topic!r}")
        languages = _translations(entry, where)
        terms = tuple(t.lower() for t in _strings(entry, "terms", where))
        terms += tuple(term for term, _ in languages)
        also = tuple(t.lower() for t in _strings(entry, "also", where))
        if len(terms) + len(also) < 2:
            raise ValueError(f"{CONCEPTS_FILE.name}: {where} needs two terms or more")
        found.append(Concept(name, terms, topic, also, languages=languages))
    return tuple(found)
